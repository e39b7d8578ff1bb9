"""The entities analyzer on the real spaCy model: one entity per referent, all its names."""

from __future__ import annotations

import random

import pytest

from presslens.analysis import Entity
from presslens.analyzers.entities.component import SPAN_KEY
from presslens.analyzers.entities.index import resolve_mention
from presslens.analyzers.layers import get_layer
from presslens.article import parse_agency_header
from presslens.pipeline import Pipeline

IRAN = (
    "Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei met officials in Tehran on Monday. "
    "Ayatollah Khamenei said the nation owed its independence to the late Ayatollah Ruhollah Khomeini, "
    "who founded the Islamic Republic in 1979. Khamenei added that the path of Khomeini remained clear. "
    "The Leader said the US had failed."
)
CLINTONS = (
    "Former President Bill Clinton campaigned in Ohio on Tuesday for his wife, Hillary Clinton, the "
    "Democratic nominee. Mrs. Clinton thanked the crowd. Later Clinton said she was confident."
)
STATE = (
    "Secretary of State John Kerry said on Wednesday that talks with Iran would continue. "
    "The secretary told reporters he was hopeful. Mr. Kerry then flew to Geneva."
)
MINISTERS = (
    "Foreign Minister Irina Dross met Defence Minister Pavel Horak in Vienna on Friday. "
    "The minister said the army was ready. The foreign minister said talks would go on, and she "
    "thanked the hosts."
)
COUNTRY = (
    "The United States imposed new tariffs. US officials said the U.S. would not back down, and "
    "America expects talks. American farmers fear the United States of America will lose markets."
)


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(["presslens_entities"]).nlp


def entities(doc) -> list[Entity]:
    return get_layer(doc, "entities")


def named(doc, name: str) -> Entity:
    matches = [e for e in entities(doc) if e.name == name]
    assert len(matches) == 1, [(e.name, e.aliases) for e in entities(doc)]
    return matches[0]


def surfaces(doc, entity: Entity) -> list[str]:
    return [doc.text[m.start : m.end] for m in entity.mentions]


def at(doc, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return start, start + len(text)


def test_full_name_and_short_forms_are_one_person_and_khomeini_is_another(nlp):
    doc = nlp(IRAN)
    khamenei = named(doc, "Seyed Ali Khamenei")
    khomeini = named(doc, "Ruhollah Khomeini")
    assert khamenei.type == khomeini.type == "PERSON"
    assert {"Ayatollah Seyed Ali Khamenei", "Ayatollah Khamenei", "Khamenei"} <= set(surfaces(doc, khamenei))
    assert "Khomeini" in surfaces(doc, khomeini)
    assert not set(surfaces(doc, khamenei)) & set(surfaces(doc, khomeini))
    # the title introduced beside the name makes the later bare title the same person
    assert "The Leader" in surfaces(doc, khamenei)
    assert "the Leader" in khamenei.aliases
    assert resolve_mention(doc, *at(doc, "The Leader")) == khamenei.id


def test_bill_and_hillary_clinton_never_merge(nlp):
    doc = nlp(CLINTONS)
    bill, hillary = named(doc, "Bill Clinton"), named(doc, "Hillary Clinton")
    assert bill.id != hillary.id
    # "Mrs." tells which Clinton, and so does "she" after "Clinton said"
    assert resolve_mention(doc, *at(doc, "Clinton", 2)) == hillary.id
    assert resolve_mention(doc, *at(doc, "Clinton", 3)) == hillary.id
    assert resolve_mention(doc, *at(doc, "she")) == hillary.id


def test_brothers_with_one_surname_stay_two_people(nlp):
    doc = nlp(
        "Former President George W. Bush spoke in Dallas on Friday. His brother Jeb Bush did not "
        "attend. Bush later said the event went well."
    )
    george, jeb = named(doc, "George W. Bush"), named(doc, "Jeb Bush")
    assert george.id != jeb.id
    # not the brother named last: the former president the paragraph is about
    assert resolve_mention(doc, *at(doc, "Bush", 2)) == george.id


def test_organisation_and_its_acronym_are_one_entity(nlp):
    doc = nlp("The United Nations (UN) and NATO met in Brussels. The UN said the talks went well.")
    un = named(doc, "United Nations")
    assert surfaces(doc, un).count("UN") == 2
    assert named(doc, "NATO").id != un.id


def test_a_one_off_epithet_does_not_become_the_name(nlp):
    doc = nlp(
        "Donald Trump blasted Crooked Hillary Clinton on Monday. Hillary Clinton replied on "
        "Tuesday, and aides to Hillary Clinton said she would not respond again."
    )
    hillary = named(doc, "Hillary Clinton")
    assert "Crooked Hillary Clinton" in hillary.aliases


def test_secretary_and_pronoun_refer_to_the_person_the_title_introduced(nlp):
    doc = nlp(STATE)
    kerry = named(doc, "John Kerry")
    assert {"The secretary", "Kerry"} <= set(surfaces(doc, kerry))
    assert resolve_mention(doc, *at(doc, "he")) == kerry.id
    # "State" in "Secretary of State" is part of the title, not an organisation
    assert all(e.name != "State" for e in entities(doc))


def test_a_pronoun_after_a_quotation_is_not_someone_named_inside_it(nlp):
    doc = nlp(
        'Daniel Reyes, who chairs the caucus, was blunt on Tuesday. "Tom Ward had many friends. '
        'Ward never needed them," he said.'
    )
    reyes, ward = named(doc, "Daniel Reyes"), named(doc, "Tom Ward")
    assert resolve_mention(doc, *at(doc, "he")) == reyes.id != ward.id


def test_two_ministers_the_most_recent_one_unless_the_title_says_which(nlp):
    doc = nlp(MINISTERS)
    dross, horak = named(doc, "Irina Dross"), named(doc, "Pavel Horak")
    assert resolve_mention(doc, *at(doc, "The minister")) == horak.id
    assert resolve_mention(doc, *at(doc, "The foreign minister")) == dross.id
    assert resolve_mention(doc, *at(doc, "she")) == dross.id


def test_a_vice_president_is_not_the_president(nlp):
    doc = nlp(
        "President Anna Berg and Vice President Tomas Lind visited Oslo on Monday. "
        "The president praised the hosts. The vice president stayed behind."
    )
    berg, lind = named(doc, "Anna Berg"), named(doc, "Tomas Lind")
    assert resolve_mention(doc, *at(doc, "The president")) == berg.id
    assert resolve_mention(doc, *at(doc, "The vice president")) == lind.id


def test_country_forms_are_one_entity_and_the_adjective_its_own(nlp):
    doc = nlp(COUNTRY)
    usa = named(doc, "United States")
    assert usa.type == "GPE"
    assert {"United States", "US", "U.S.", "America", "United States of America"} <= set(surfaces(doc, usa))
    american = named(doc, "American")
    assert american.type == "NORP" and american.id != usa.id
    assert resolve_mention(doc, *at(doc, "The United States")) == usa.id


def test_the_agency_report_example(nlp, example_path):
    header, body = example_path.read_text(encoding="utf-8").split("\n\n", 1)
    assert parse_agency_header(header) is not None
    doc = nlp(body)
    valen = named(doc, "Teodor Valen")
    assert valen.type == "PERSON"
    assert surfaces(doc, valen).count("Valen") == 2
    assert "The Leader" in surfaces(doc, valen)
    # the quotes analyzer may hand over the name with its title, or the title alone
    assert resolve_mention(doc, *at(doc, "Marshal Teodor Valen")) == valen.id
    he = at(doc, "he added")[0]
    assert resolve_mention(doc, he, he + 2) == valen.id
    council = named(doc, "National Council")
    assert council.type == "ORG" and council.id != valen.id
    assert "the council" in surfaces(doc, council)
    dross = named(doc, "Irina Dross")
    assert "The minister" in surfaces(doc, dross)
    usa = named(doc, "United States")
    assert {"United States", "US", "U.S.", "America"} <= set(surfaces(doc, usa))
    assert named(doc, "American").id != usa.id
    # nobody was introduced as spokesman: an honest "don't know", not the department
    assert resolve_mention(doc, *at(doc, "spokesman")) is None
    assert resolve_mention(doc, *at(doc, "A State Department spokesman")) is None
    # the speaker span of the first paragraph covers the council and its leader
    assert resolve_mention(doc, *at(doc, "Leader of the National Council Marshal Teodor Valen")) == valen.id


def test_ids_follow_first_mention_and_spans_mirror_the_layer(nlp, example_path):
    text = example_path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    first, second = nlp(text), nlp(text)
    layer = entities(first)
    assert [e.id for e in layer] == [f"E{n}" for n in range(1, len(layer) + 1)]
    assert [e.start for e in layer] == sorted(e.start for e in layer)
    assert layer == entities(second)
    spans = {(s.start_char, s.end_char, s.label_) for s in first.spans[SPAN_KEY]}
    assert spans == {(m.start, m.end, e.id) for e in layer for m in e.mentions}
    assert all(e.name not in e.aliases and "the " not in e.name.lower()[:4] for e in layer)


def test_spans_run_on_by_the_model_are_cut_back_to_names(nlp):
    doc = nlp(
        "Obama Telling Jeb Bush To Go\n\nAs National Review’s Jonah Goldberg wrote on Monday, "
        "critics of Donald Trump’s Muslim Ban were loud."
    )
    assert named(doc, "Jeb Bush").type == "PERSON"
    assert named(doc, "Jonah Goldberg").type == "PERSON"
    assert named(doc, "National Review").type == "ORG"
    assert "Donald Trump" in surfaces(doc, named(doc, "Donald Trump"))


def test_names_spacy_tags_only_once_or_runs_together_are_still_found(nlp):
    doc = nlp(
        "Talks between Rami Haddad and Yusuf al-Karim stalled on Monday. Haddad blamed al-Karim "
        "for the delay. The heads of the IMF, World Bank and WTO met in Paris. Critics said the "
        "IMF ignored the poor."
    )
    assert surfaces(doc, named(doc, "Rami Haddad")) == ["Rami Haddad", "Haddad"]
    assert surfaces(doc, named(doc, "Yusuf al-Karim")) == ["Yusuf al-Karim", "al-Karim"]
    assert surfaces(doc, named(doc, "IMF")) == ["IMF", "IMF"]


def test_time_and_number_spans_are_not_entities(nlp):
    doc = nlp("On Monday, 12 percent of the 300 delegates in Paris paid $40 for the first session.")
    assert {e.type for e in entities(doc)} == {"GPE"}


def test_the_component_works_in_a_users_own_spacy_pipeline_without_a_parser():
    import presslens.analyzers.entities.component  # noqa: F401  (registers the factory)
    from presslens.nlp import load_nlp

    nlp = load_nlp()
    nlp.remove_pipe("parser")
    nlp.add_pipe("presslens_entities")
    doc = nlp("Foreign Minister Irina Dross spoke in Vienna. The minister said the U.S. had called.")
    dross = named(doc, "Irina Dross")
    assert resolve_mention(doc, *at(doc, "The minister")) == dross.id
    assert {s.label_ for s in doc.spans[SPAN_KEY]} == {e.id for e in entities(doc)}
    # a span wider than the mention ("the" in front) still finds it
    assert resolve_mention(doc, *at(doc, "the U.S.")) == named(doc, "United States").id


def test_empty_text_has_no_entities(nlp):
    doc = nlp("")
    assert entities(doc) == [] and len(doc.spans[SPAN_KEY]) == 0
    assert resolve_mention(doc, 0, 0) is None


def test_unresolvable_spans_give_none(nlp):
    doc = nlp("It rained all day. He said it would stop. The minister disagreed.")
    assert resolve_mention(doc, *at(doc, "He")) is None
    assert resolve_mention(doc, *at(doc, "The minister")) is None
    assert resolve_mention(doc, *at(doc, "rained")) is None


def _assert_sane(doc) -> None:
    text = doc.text
    layer = entities(doc)
    for entity in layer:
        assert entity.mentions
        assert [m.start for m in entity.mentions] == sorted(m.start for m in entity.mentions)
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end].strip()
    full_names = [e.name for e in layer if e.type == "PERSON" and " " in e.name]
    assert len(full_names) == len(set(full_names))


@pytest.mark.shared
def test_entity_framing_documents_keep_the_invariants(nlp, shared_data):
    documents = sorted((shared_data / "entity-framing" / "documents").glob("*.txt"))
    for path in random.Random(7).sample(documents, 12):
        _assert_sane(nlp(path.read_text(encoding="utf-8")))


@pytest.mark.shared
def test_polnear_documents_keep_the_invariants(nlp, shared_data):
    documents = sorted((shared_data / "polnear" / "train" / "text").glob("*.txt"))
    for path in random.Random(7).sample(documents, 8):
        doc = nlp(path.read_text(encoding="utf-8"))
        _assert_sane(doc)
        for token in doc:
            if token.lower_ in ("he", "she"):
                found = resolve_mention(doc, token.idx, token.idx + len(token))
                assert found is None or found in {e.id for e in entities(doc) if e.type == "PERSON"}


def test_a_name_after_a_title_is_a_person_whatever_spacy_tagged(nlp):
    doc = nlp(
        'Harbour city council votes\n\n"The building is not safe," council chair Mira Holt said.\n\n'
        '"We rebuilt it stronger," Mayor Ana Ruiz told reporters. Ruiz spoke at the quay.'
    )
    assert named(doc, "Mira Holt").type == "PERSON"
    assert named(doc, "Ana Ruiz").type == "PERSON"
    assert surfaces(doc, named(doc, "Ana Ruiz")) == ["Ana Ruiz", "Ruiz"]
    assert "Harbour" not in [e.name for e in entities(doc)]


def test_nationality_and_party_words_stay_groups(nlp):
    doc = nlp("Iranian officials met Dutch and Sikh leaders. Democrats and Republicans disagreed.")
    groups = {e.name for e in entities(doc) if e.type == "NORP"}
    assert {"Iranian", "Dutch", "Democrats", "Republicans"} <= groups
