"""Site furniture is found line by line and left out of every layer (articles written for
these tests, in the shapes AllSides pages take: a POLITICO-style sign-up box, all-caps
"EXCLUSIVE:" link lines, a caption with its credit, a name's run-together link card)."""

from __future__ import annotations

from datetime import date

import pytest

from presslens.analysis import Furniture
from presslens.analyzers.furniture.component import find_furniture
from presslens.analyzers.layers import in_furniture, set_layer
from presslens.article import Article
from presslens.nlp import blank_english

NEWSLETTER = ("HARBOUR WIRE Morning newsletter Sign up today to receive the #1-rated newsletter on island politics "
              "Email Sign Up By signing up you agree to receive email newsletters or alerts from HARBOUR WIRE. "
              "You can unsubscribe at any time.")
EXCLUSIVE = "EXCLUSIVE: FERRY EMAILS OBTAINED BY THE COURIER SHOW BOARD WARNED OF 'RISK' IN KEY CONTRACT"
CAPTION = ("Mayor Dana Whitlock speaks at the harbour in Port Elm, Thursday, Nov. 9, 2023. "
           "(Photo by Lars Okafor/Getty Images)")
CARD = ("Council leader Rhea Castellan Rhea Maria CastellanFerry board resigns over fares | Harbour city votes "
        "on levy | Island schools reopen MORE said on Monday that the fares would stay.")

ARTICLE = "\n\n".join([
    "Island fares to rise, council says",
    "Ferry fares will rise next year, the island council said on Thursday, after a long dispute over the "
    "harbour contract.",
    NEWSLETTER,
    "\"We had no choice,\" said council leader Rhea Castellan. \"The contract leaves us nothing else.\"",
    EXCLUSIVE,
    CAPTION,
    "Story Continued Below",
    "( Also on HARBOUR WIRE: Port Elm's ferry pier closes for repairs)",
    "The board said the rise of 8 percent would pay for two new boats by 2026.",
    "Copyright © 2023 Harbour Wire, LLC. Click here for reprint permission.",
])
TITLE = "Island fares to rise, council says"


def reasons(text: str, title: str | None = None, outlet: str | None = None) -> dict[str, str]:
    return {text[f.start:f.end]: f.reason for f in find_furniture(text, title, outlet)}


def test_each_kind_of_furniture_is_found_with_its_reason():
    found = reasons(ARTICLE, TITLE)
    assert found == {
        TITLE: "repeated_headline",
        NEWSLETTER: "sign_up_box",
        EXCLUSIVE: "teaser_headline",
        CAPTION: "photo_caption",
        "Story Continued Below": "page_marker",
        "( Also on HARBOUR WIRE: Port Elm's ferry pier closes for repairs)": "link_line",
        "Copyright © 2023 Harbour Wire, LLC. Click here for reprint permission.": "copyright_line",
    }


def test_every_reason_comes_with_a_sentence_for_a_reader():
    assert all(f.why.endswith(".") and len(f.why) > 15 for f in find_furniture(ARTICLE, TITLE))


@pytest.mark.parametrize("line", [
    "EXCLUSIVE: The island council told the Courier on Monday that it would raise fares in January.",
    "The harbour board said it would send its newsletter to every islander who signed the petition.",
    "A photo of the old pier hangs in the council chamber, beside a map of the ferry routes.",
    "Read the report, and you will see why the board resigned.",
    "WHAT COMES NEXT",
])
def test_prose_that_looks_a_little_like_furniture_stays_prose(line):
    assert find_furniture(f"The council met on Monday.\n\n{line}\n\nIt adjourned at noon.") == []


@pytest.mark.parametrize(("line", "reason"), [
    ("Image copyright Getty Images Image caption The mayor speaks on the pier", "photo_caption"),
    ("A ferry leaves Port Elm on Nov. 8, 2023. REUTERS/Ines Navarro", "photo_caption"),
    ("A ferry leaves Port Elm. (AP Photo/Ines Navarro)", "photo_caption"),
    ("Enlarge this image toggle caption Ines Navarro/AP Ines Navarro/AP", "photo_caption"),
    ("Advertisement", "page_marker"),
    ("More:Island schools reopen after the storm", "link_line"),
    ("CLICK HERE FOR THE HARBOUR WIRE APP", "link_line"),
    ("Sign up for Daily Newsletters", "sign_up_box"),
    ("Get the Courier stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy",
     "sign_up_box"),
    ("Fares go up in January. pic.twitter.com/AbC123 — Rhea Castellan (@rheacastellan) November 9, 2023",
     "embedded_tweet"),
    ("Island Press writer Ola Brandt contributed.", "contributor_line"),
    ("By Ola Brandt and Ines Navarro", "contributor_line"),
    ("JUST WATCHED Ferry fares explained Replay More Videos ... MUST WATCH Ferry fares explained 01:12",
     "video_teaser"),
    ("Slideshow (12 Images)", "video_teaser"),
    ("Facebook", "share_buttons"),
    ("Share Tweet Email", "share_buttons"),
    ("Editor's note: This story has been updated with the board's statement.", "update_note"),
    ("Send letters to letters@harbourwire.example.", "address_line"),
])
def test_one_line_of_furniture(line, reason):
    assert reasons(f"The council met on Monday.\n\n{line}\n\nIt adjourned at noon.") == {line: reason}


def test_the_outlets_name_and_a_link_list_after_its_heading():
    text = ("HARBOUR DAILY\n\nThe council met on Monday and voted to raise fares by 8 percent from January.\n\n"
            "Further reading\n\nHow the ferry contract was signed.\n\nWhy the fares rise, explained.")
    assert reasons(text, outlet="Harbour Daily") == {
        "HARBOUR DAILY": "outlet_name", "Further reading": "link_list",
        "How the ferry contract was signed.": "link_line", "Why the fares rise, explained.": "link_line",
    }


def test_a_tweets_attribution_on_its_own_line_takes_the_tweet_along():
    text = ("The council met on Monday.\n\nFares go up in January, and we will fight it.\n\n"
            "— Rhea Castellan (@rheacastellan) November 9, 2023\n\nIt adjourned at noon.")
    assert set(reasons(text).values()) == {"embedded_tweet"}
    assert "Fares go up in January, and we will fight it." in reasons(text)


def test_a_line_printed_twice_is_a_pull_quote():
    pull = "Tough choices, not more speeches, are needed to save the ferry."
    text = f"The council met on Monday.\n\n{pull}\n\nIt voted on fares.\n\n{pull}\n\nIt adjourned at noon."
    assert reasons(text) == {pull: "repeated_line"}


def test_a_name_card_run_into_a_sentence_is_cut_out_and_the_sentence_stays():
    found = find_furniture(f"The fares rose again.\n\n{CARD}")
    assert len(found) == 1 and found[0].reason == "name_card"
    card = CARD[found[0].start - len("The fares rose again.\n\n"):found[0].end - len("The fares rose again.\n\n")]
    assert card.startswith("Rhea Maria CastellanFerry board") and card.endswith("MORE")
    outside = CARD.replace(card, "")
    assert outside == "Council leader Rhea Castellan  said on Monday that the fares would stay."


def test_a_name_with_a_capital_inside_is_no_card():
    text = "Senator Ola McAllister McAllister said on Monday that MORE ferries were needed."
    assert find_furniture(text) == []


def test_in_furniture_needs_half_of_the_stretch_inside():
    doc = blank_english()("0123456789 abcdefghij")
    set_layer(doc, "furniture", [Furniture(0, 10, "page_marker", "A marker.")])
    assert in_furniture(doc, 2, 8)
    assert in_furniture(doc, 5, 15)
    assert not in_furniture(doc, 8, 20)
    assert not in_furniture(blank_english()("no furniture layer"), 0, 5)


def test_bad_input_never_crashes():
    assert find_furniture("") == []
    assert find_furniture("\n\n \n") == []
    assert find_furniture("MORE", "MORE", "") == []


@pytest.fixture(scope="module")
def analysis(pipeline):
    return pipeline.analyze(Article(text=ARTICLE, title=TITLE, outlet="Harbour Wire", published=date(2023, 11, 9)))


def stretches(analysis):
    return [(f.start, f.end) for f in analysis.furniture]


def inside(item, spans) -> bool:
    return any(a <= item.start and item.end <= b for a, b in spans)


def test_no_layer_takes_anything_from_furniture(analysis):
    spans = stretches(analysis)
    assert len(spans) == 7
    for layer in (analysis.quotes, analysis.claims, analysis.time_refs, analysis.techniques):
        assert not [item.text for item in layer if inside(item, spans)]
    mentions = [m for e in analysis.entities for m in e.mentions]
    assert not [ARTICLE[m.start:m.end] for m in mentions if inside(m, spans)]


def test_the_prose_keeps_its_quotes_claims_and_people(analysis):
    assert {q.text for q in analysis.quotes} >= {"We had no choice,", "The contract leaves us nothing else."}
    assert any("8 percent" in c.text for c in analysis.claims)
    names = {e.name for e in analysis.entities if e.type == "PERSON"}
    assert "Rhea Castellan" in names
    assert not names & {"Lars Okafor", "Dana Whitlock"}  # named only in the caption
    assert not any(q.speaker and q.speaker.name.lower() == "you" for q in analysis.quotes)


def test_the_furniture_layer_is_in_the_json_contract_and_reads_back(analysis):
    data = analysis.to_dict()
    assert [f["reason"] for f in data["furniture"]][:2] == ["repeated_headline", "sign_up_box"]
    assert type(analysis).from_dict(data).furniture == analysis.furniture


def test_a_lead_captions_run_in_headline_is_a_caption_and_a_later_line_like_it_is_prose():
    caption = "The mayor drew a standing ovation when she repeated her promise. Mayor vows to cut ferry fares"
    text = f"{caption}\n\nThe mayor spoke on Monday.\n\nThe council met. Fares were on the agenda\n\nIt adjourned."
    assert reasons(text) == {caption: "photo_caption"}


def test_a_line_cut_off_mid_sentence_is_no_run_in_headline():
    text = "The council met on Monday and voted. Both members were expected to join the others from\n\nMore soon."
    assert find_furniture(text) == []


BILLBOARD = "A giant billboard bearing portraits of the two mayors is seen on a main road in Port Elm, on May 19, 2017."


def test_a_present_tense_sentence_closed_by_the_photos_date_is_a_caption(pipeline):
    text = f"The mayors met on Friday.\n\n{BILLBOARD}\n\nThe new law takes effect in Port Elm, on January 1, 2018."
    analysis = pipeline.analyze(Article(text=text, published=date(2017, 5, 20)))
    assert [(text[f.start:f.end], f.reason) for f in analysis.furniture] == [(BILLBOARD, "photo_caption")]
    assert not any("billboard" in c.text for c in analysis.claims)


def test_the_same_sentence_in_the_past_tense_is_prose(pipeline):
    text = f"The mayors met on Friday.\n\n{BILLBOARD.replace('is seen', 'was seen')}"
    assert pipeline.analyze(Article(text=text, published=date(2017, 5, 20))).furniture == []

