"""Made-up reports for the story tests: two events each told by three outlets, and one
article about something else. Written for these tests; no outlet or event is real."""

from __future__ import annotations

from datetime import date

from presslens.article import Article

FLOOD = [
    {"id": "flood-left", "outlet": "Left Ledger", "published": "2024-03-04",
     "title": "Kelmouth floods as storm Arden breaks the harbour wall",
     "text": "Storm Arden broke through the harbour wall at Kelmouth on Sunday night, flooding the old town "
             "and forcing 2,000 residents from their homes. Mayor Ilse Varga said emergency shelters were full."},
    {"id": "flood-centre", "outlet": "Centre Courier", "published": "2024-03-04",
     "title": "Storm Arden floods Kelmouth old town, thousands evacuated",
     "text": "Thousands of Kelmouth residents were evacuated after Storm Arden breached the harbour wall and "
             "floodwater filled the streets of the old town, Mayor Ilse Varga said on Monday."},
    {"id": "flood-right", "outlet": "Right Review", "published": "2024-03-05",
     "title": "Kelmouth mayor under fire after harbour wall fails in Storm Arden",
     "text": "Critics blamed Mayor Ilse Varga for delays to repairs of the Kelmouth harbour wall, which gave way "
             "to Storm Arden and flooded the old town, driving 2,000 people from their homes."},
]

RATES = [
    {"id": "rates-left", "outlet": "Left Ledger", "published": "2024-03-06",
     "title": "Arvanian central bank raises interest rates to 6 percent",
     "text": "The Central Bank of Arvania raised its main interest rate by half a point to 6 percent on "
             "Wednesday, its governor Tomas Brekk said, to bring down inflation that reached 9 percent."},
    {"id": "rates-centre", "outlet": "Centre Courier", "published": "2024-03-06",
     "title": "Arvania lifts rates again as inflation bites",
     "text": "Arvania's central bank lifted interest rates to 6 percent, the fourth rise this year, as governor "
             "Tomas Brekk warned that inflation of 9 percent was hurting households."},
    {"id": "rates-right", "outlet": "Right Review", "published": "2024-03-07",
     "title": "Brekk's rate rise to 6 percent will hit Arvanian borrowers",
     "text": "Borrowers in Arvania face higher mortgage bills after governor Tomas Brekk's central bank raised "
             "interest rates to 6 percent to fight 9 percent inflation."},
]

FOOTBALL = {"id": "football", "outlet": "Centre Courier", "published": "2024-03-05",
            "title": "Dunmore Rovers sign striker Paulo Amsel on a three-year deal",
            "text": "Dunmore Rovers have signed the striker Paulo Amsel from Castel United on a three-year "
                    "contract, the football club announced, for a fee thought to be 4 million."}

LATE_FLOOD = {"id": "flood-late", "outlet": "Centre Courier", "published": "2024-03-06",
              "title": "Kelmouth begins clean-up after Storm Arden flood",
              "text": "Residents of Kelmouth's old town began clearing mud from their homes on Wednesday, three days "
                      "after Storm Arden breached the harbour wall, as Mayor Ilse Varga promised repairs."}


def as_article(record: dict) -> Article:
    published = date.fromisoformat(record["published"]) if record.get("published") else None
    return Article(text=record["text"], title=record["title"], outlet=record.get("outlet"),
                   published=published, id=record["id"])
