"""A hand-built set of made-up quotes across made-up outlets, for quote provenance
(store/quote_similarity.py, store/quote_groups.py, `presslens quotes`): each quote with the
group it belongs to by hand, or None where it must stand alone.

- tunnel: a statement repeated exactly, with other punctuation, trimmed to an excerpt and
  lightly edited ("harbour" -> "harbor", "a day" -> "one day"); one appearance is undated.
- milk: a word dropped, an excerpt from the start.
- library: one word replaced, an excerpt.
- schools: two words replaced in fourteen (the edit ratio's edge: 0.857).
- bridge: an excerpt from the start and one from the end of a longer statement; they share
  no words, so they are one quote only through it.
Near misses, each alone: the same topic in other words (tunnel delays, milk prices, the
library budget); the tunnel statement's template about a ferry (ratio 0.77); two quotes
opening with "At the end of the day"; "We will not back down." said by two people in
unrelated stories (five words: too short to trace) and inside a longer statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from presslens.analysis import Analysis
from presslens.article import Article
from support.analyses import fabricated_analysis, span

COURIER, GAZETTE, BEACON, WIRE = "Northbay Courier", "Lowland Gazette", "Eastfield Beacon", "Meridian Wire"


@dataclass(frozen=True)
class Case:
    key: str  # names the appearance in tests
    group: str | None  # the group by hand; None: must stand alone
    outlet: str
    published: date | None
    speaker: str
    quote: str


TUNNEL = "The harbour tunnel will carry its first trains before the end of next spring, and not a day later."
MILK = "Our farmers have waited eleven years for a fair price on milk, and they will not wait another season."
LIBRARY = "Nobody in this council voted to close the library on Sundays, and nobody will."
BRIDGE = ("The new bridge will open to cyclists in April and to cars in June, once the last inspection is "
          "signed off by the state engineers.")

CASES = [
    Case("tunnel-first", "tunnel", COURIER, date(2025, 3, 3), "Ada Brennick", TUNNEL),
    Case("tunnel-exact", "tunnel", GAZETTE, date(2025, 3, 5), "Ada Brennick", TUNNEL),
    Case("tunnel-punct", "tunnel", BEACON, date(2025, 3, 4), "Minister Brennick",
         "The harbour tunnel will carry its first trains before the end of next spring — and not a day later!"),
    Case("tunnel-trim", "tunnel", WIRE, date(2025, 3, 9), "Ada Brennick",
         "will carry its first trains before the end of next spring"),
    Case("tunnel-edit", "tunnel", BEACON, None, "Ada Brennick",
         "The harbor tunnel will carry its first trains before the end of next spring and not one day later."),
    Case("milk-first", "milk", GAZETTE, date(2025, 4, 1), "Tomas Eberle", MILK),
    Case("milk-drop", "milk", COURIER, date(2025, 4, 2), "Tomas Eberle",
         "Our farmers have waited eleven years for a fair price on milk and will not wait another season."),
    Case("milk-trim", "milk", WIRE, date(2025, 4, 6), "Eberle",
         "Our farmers have waited eleven years for a fair price on milk"),
    Case("library-first", "library", BEACON, date(2025, 5, 10), "Ruth Okafor", LIBRARY),
    Case("library-edit", "library", COURIER, date(2025, 5, 12), "Ruth Okafor",
         "Nobody on this council voted to close the library on Sundays, and nobody will."),
    Case("library-trim", "library", GAZETTE, date(2025, 5, 11), "Okafor",
         "Nobody in this council voted to close the library on Sundays"),
    Case("schools-first", "schools", WIRE, date(2025, 6, 1), "Lio Varga",
         "Every school in the district will reopen its doors on the ninth of March."),
    Case("schools-edit", "schools", GAZETTE, date(2025, 6, 2), "Lio Varga",
         "Every school in the county will reopen its doors on the tenth of March."),
    Case("bridge-whole", "bridge", COURIER, date(2025, 7, 1), "Nadia Sorel", BRIDGE),
    Case("bridge-start", "bridge", BEACON, date(2025, 7, 2), "Nadia Sorel",
         "The new bridge will open to cyclists in April and to cars in June"),
    Case("bridge-end", "bridge", WIRE, date(2025, 7, 3), "Nadia Sorel",
         "once the last inspection is signed off by the state engineers"),
    Case("near-tunnel", None, GAZETTE, date(2025, 3, 20), "Piet Lander",
         "The harbour tunnel is years behind schedule and nobody at the ministry will say why."),
    Case("near-ferry", None, WIRE, date(2025, 3, 21), "Ines Marl",
         "The ferry will carry its first passengers before the end of next summer, and not a day later."),
    Case("near-milk", None, BEACON, date(2025, 4, 3), "Greta Holm",
         "Milk prices have fallen for eleven years and our farmers are leaving the valley."),
    Case("near-library", None, WIRE, date(2025, 5, 14), "Sam Achebe",
         "Nobody in this council wants to close the library, but the budget leaves us no choice."),
    Case("near-day-port", None, COURIER, date(2025, 8, 1), "Ola Fenn",
         "At the end of the day, the voters will decide who runs this port."),
    Case("near-day-town", None, GAZETTE, date(2025, 8, 2), "Kit Morrow",
         "At the end of the day, we are a small town with a big heart."),
    Case("back-down-union", None, COURIER, date(2025, 9, 1), "Dana Reyes", "We will not back down."),
    Case("back-down-club", None, BEACON, date(2025, 9, 15), "Hugo Lind", "We will not back down."),
    Case("back-down-long", None, WIRE, date(2025, 9, 20), "Mira Kovac",
         "We will not back down until every tenant on Alder Street has heat and water again."),
]

BY_KEY = {case.key: case for case in CASES}


def article(case: Case) -> Article:
    return Article(outlet=case.outlet, published=case.published, title=f"Story {case.key}",
                   text=f'{case.speaker} said "{case.quote}" at a press briefing.')


def analysis(case: Case, version: str = "test-1", quoted: bool = True) -> Analysis:
    """The analysis of a case's article: its speaker a PERSON entity, quoted once (or, with
    `quoted` False, a later analysis that found no quote)."""
    made = article(case)
    text = made.text
    return fabricated_analysis(made, quotes=[(case.speaker, *span(text, case.quote))] if quoted else [],
                               entities=[(case.speaker, "PERSON", [span(text, case.speaker)])], version=version)


def quote_id(case: Case) -> str:
    """The id `presslens quotes trace --quote` takes for a case's quote."""
    return f"{article(case).id}-0"
