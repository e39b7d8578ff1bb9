"""A small fabricated corpus for the API, page and browser tests, written for them (no
real article text): two ordinary outlets and one whose names, titles and text are full
of HTML and script, with hand-made analyses so the exact techniques are known.
"""

from __future__ import annotations

from datetime import date

from presslens.analysis import Analysis, Entity, Mention, Quote, Speaker, TechniqueSpan, TimeRef
from presslens.article import Article
from presslens.store import open_store

HOSTILE_OUTLET = "<script>alert('outlet')</script> Gazette"
HOSTILE_TITLE = '<img src=x onerror="alert(1)"> Bridge vote'
HOSTILE_SPEAKER = "<svg onload=alert(2)>Mayor"

HARBOUR_TEXT = (
    "Harbour council approves the new bridge\n\n"
    "Mayor Elena Ruiz said the vote was \"a disgraceful betrayal of every family in town\" on Tuesday. "
    "Ruiz added that the bridge would open in 2026.\n\n"
    "Critics called the plan a reckless gamble. Ruiz has promised lower tolls since 2019."
)
COURIER_TEXT = (
    "Valley farmers count the cost of the dry spring\n\n"
    "Farmers' union chief Tomas Berg warned that \"only a fool would ignore the drought\". "
    "Berg said rain in March was the lowest since 1953."
)
HOSTILE_TEXT = (
    "<script>alert(\"body\")</script> The council met. <b><i>unclosed tags\n\n"
    "<svg onload=alert(2)>Mayor said \"click javascript:alert(3) now <img src=y onerror=alert(4)>\".\n\n"
    "A <a href=\"javascript:alert(5)\">link</a> and ]]> and --> and &amp; &lt; stay text."
)


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def harbour_analysis() -> Analysis:
    text = HARBOUR_TEXT
    article = Article(text=text, outlet="Harbour Daily", published=date(2024, 3, 5),
                      title="Harbour council approves the new bridge", url="https://harbour.example/bridge")
    quote_start, quote_end = _at(text, "\"a disgraceful betrayal of every family in town\"")
    loaded = _at(text, "disgraceful betrayal")
    fear = _at(text, "a disgraceful betrayal of every family in town")
    name_calling = _at(text, "reckless gamble")
    ruiz = Entity(id="e1", name="Elena Ruiz", type="PERSON", aliases=["Ruiz"], mentions=[
        Mention(*_at(text, "Elena Ruiz")), Mention(*_at(text, "Ruiz", 1)), Mention(*_at(text, "Ruiz", 2)),
    ])
    council = Entity(id="e2", name="Harbour council", type="ORG", mentions=[Mention(*_at(text, "Harbour council"))])
    speaker_span = _at(text, "Mayor Elena Ruiz")
    return Analysis(
        article=article,
        entities=[ruiz, council],
        quotes=[Quote(start=quote_start, end=quote_end, text=text[quote_start:quote_end], kind="direct",
                      speaker=Speaker(entity="e1", name="Elena Ruiz", start=speaker_span[0], end=speaker_span[1]))],
        time_refs=[
            TimeRef(*_at(text, "Tuesday"), text="Tuesday", kind="date", value="2024-03-05"),
            TimeRef(*_at(text, "2026"), text="2026", kind="date", value="2026"),
            TimeRef(*_at(text, "2019"), text="2019", kind="date", value="2019"),
        ],
        techniques=[
            TechniqueSpan(*loaded, text=text[loaded[0]:loaded[1]], technique="Loaded_Language", score=0.91),
            TechniqueSpan(*fear, text=text[fear[0]:fear[1]], technique="Appeal_to_fear-prejudice", score=0.64),
            TechniqueSpan(*name_calling, text=text[name_calling[0]:name_calling[1]],
                          technique="Name_Calling,Labeling", score=0.77),
        ],
        scores={"words": 45, "sentences": 4, "quotes": 1, "entities": 2},
        pipeline={"version": "test", "models": {}},
    )


def courier_analysis() -> Analysis:
    text = COURIER_TEXT
    article = Article(text=text, outlet="Valley Courier", published=date(2024, 4, 2),
                      title="Valley farmers count the cost of the dry spring")
    quote = _at(text, "\"only a fool would ignore the drought\"")
    fool = _at(text, "only a fool")
    return Analysis(
        article=article,
        entities=[Entity(id="e1", name="Tomas Berg", type="PERSON", aliases=["Berg"],
                         mentions=[Mention(*_at(text, "Tomas Berg")), Mention(*_at(text, "Berg", 1))])],
        quotes=[Quote(start=quote[0], end=quote[1], text=text[quote[0]:quote[1]], kind="direct",
                      speaker=Speaker(entity="e1", name="Tomas Berg", start=0, end=0))],
        time_refs=[TimeRef(*_at(text, "1953"), text="1953", kind="date", value="1953")],
        techniques=[TechniqueSpan(*fool, text="only a fool", technique="Name_Calling,Labeling", score=0.83)],
        scores={"words": 30},
        pipeline={"version": "test", "models": {}},
    )


def hostile_analysis() -> Analysis:
    text = HOSTILE_TEXT
    article = Article(text=text, outlet=HOSTILE_OUTLET, published=date(2024, 3, 9), title=HOSTILE_TITLE,
                      url="javascript:alert('url')")
    quote = _at(text, "\"click javascript:alert(3) now <img src=y onerror=alert(4)>\"")
    script = _at(text, "<script>alert(\"body\")</script>")
    mayor = _at(text, "<svg onload=alert(2)>Mayor")
    return Analysis(
        article=article,
        entities=[Entity(id="e1", name=HOSTILE_SPEAKER, type="PERSON", mentions=[Mention(*mayor)])],
        quotes=[Quote(start=quote[0], end=quote[1], text=text[quote[0]:quote[1]], kind="direct",
                      speaker=Speaker(entity="e1", name=HOSTILE_SPEAKER, start=mayor[0], end=mayor[1]))],
        techniques=[TechniqueSpan(*script, text=text[script[0]:script[1]], technique="Slogans", score=0.5)],
        scores={"words": 40},
        pipeline={"version": "test", "models": {}},
    )


def corpus() -> list[Analysis]:
    return [harbour_analysis(), courier_analysis(), hostile_analysis()]


HARBOUR_ID = harbour_analysis().article.id
COURIER_ID = courier_analysis().article.id
HOSTILE_ID = hostile_analysis().article.id


def build_store(path) -> str:
    """Stores the corpus with its analyses in a new SQLite file; returns its URL."""
    url = f"sqlite:///{path}"
    store = open_store(url)
    try:
        analyses = corpus()
        store.add_articles([a.article for a in analyses])
        for analysis in analyses:
            store.save_analysis(analysis)
    finally:
        store.close()
    return url
