"""What a date value of the time layer names: a period with its first and last day and the
words a reader would use for it. Values are ISO 8601 and TimeML forms: "1953", "1953-08",
"1953-08-19", "198" (the 1980s), "18" (the 19th century), "2019-W44", "2019-W44-WE",
"2019-Q3", "2019-SU". The timeline places claims by these periods; the claims layer
compares them with the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# Halves, quarters and seasons as TimeML writes them: (first month, months long).
_PARTS = {"H1": (1, 6), "H2": (7, 6), "Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3), "Q4": (10, 3),
          "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
_PART_NAMES = {"H1": "first half of {y}", "H2": "second half of {y}", "Q1": "Q1 {y}", "Q2": "Q2 {y}",
               "Q3": "Q3 {y}", "Q4": "Q4 {y}", "SP": "spring {y}", "SU": "summer {y}", "FA": "autumn {y}",
               "WI": "winter {y}/{n}"}
_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?|-W(?P<week>\d{2})(?:-(?P<weekday>\d|WE))?"
    r"|-(?P<part>H[12]|Q[1-4]|SP|SU|FA|WI))?"
    r"|(?P<decade>\d{3})|(?P<century>\d{2})"
)


@dataclass(frozen=True)
class Period:
    """What a time value names: its first and last day, and how a reader says it."""

    first: dt.date
    last: dt.date
    label: str


@lru_cache(maxsize=65536)  # a corpus refers to far fewer distinct dates than it has claims
def period_of(value: str) -> Period | None:
    """The period an ISO 8601 / TimeML date value names ("1953", "1953-08", "198", "2019-W44",
    "2019-W44-WE", "2019-Q3", "2019-SU", ...); None for one with unknown digits ("XXXX-03")
    or any other form."""
    match = _VALUE.fullmatch(value)
    if match is None:
        return None
    try:
        return _period(match)
    except ValueError:  # a day or week the calendar does not have ("2019-02-30", "2019-W60")
        return None


def _period(m: re.Match) -> Period:
    if m["century"]:
        start = int(m["century"]) * 100
        return Period(dt.date(start, 1, 1), dt.date(start + 99, 12, 31), f"{_ordinal(start // 100 + 1)} century")
    if m["decade"]:
        start = int(m["decade"]) * 10
        return Period(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), f"{start}s")
    year = int(m["year"])
    if m["day"]:
        day = dt.date(year, int(m["month"]), int(m["day"]))
        return Period(day, day, day.isoformat())
    if m["month"]:
        first = dt.date(year, int(m["month"]), 1)
        return Period(first, _months_later(first, 1) - dt.timedelta(days=1), first.strftime("%B %Y"))
    if m["week"]:
        week = int(m["week"])
        if m["weekday"] == "WE":
            return Period(dt.date.fromisocalendar(year, week, 6), dt.date.fromisocalendar(year, week, 7),
                          f"weekend of week {week}, {year}")
        if m["weekday"]:
            day = dt.date.fromisocalendar(year, week, int(m["weekday"]))
            return Period(day, day, day.isoformat())
        return Period(dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7),
                      f"week {week}, {year}")
    if m["part"]:
        month, length = _PARTS[m["part"]]
        first = dt.date(year, month, 1)
        label = _PART_NAMES[m["part"]].format(y=year, n=f"{(year + 1) % 100:02d}")
        return Period(first, _months_later(first, length) - dt.timedelta(days=1), label)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))


def _months_later(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# An ISO 8601 duration as the time layer writes it ("P23Y", "P1Y6M", "PT3H", "P1.5Y";
# "PXY" where the text gives no number, as in TimeML).
_DURATION = re.compile(r"P(?P<date>(?:(?:\d+(?:\.\d+)?|X)[YMWD])*)(?:T(?P<time>(?:(?:\d+(?:\.\d+)?|X)[HMS])+))?")
_DURATION_PART = re.compile(r"(?P<amount>\d+(?:\.\d+)?|X)(?P<unit>[A-Z])")
_DATE_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}


def duration_words(value: str) -> str | None:
    """A duration value as a reader says it: "P23Y" -> "23 years", "P1Y6M" -> "1 year 6 months",
    "PT3H" -> "3 hours", "PXY" -> "some years"; None for any value that is not a duration."""
    match = _DURATION.fullmatch(value)
    if match is None or not (match["date"] or match["time"]):
        return None
    parts = [(part, _DATE_UNITS) for part in _DURATION_PART.finditer(match["date"] or "")]
    parts += [(part, _TIME_UNITS) for part in _DURATION_PART.finditer(match["time"] or "")]
    words = []
    for part, units in parts:
        amount, unit = part["amount"], units[part["unit"]]
        words.append(f"some {unit}s" if amount == "X" else f"{amount} {unit}{'' if amount == '1' else 's'}")
    return " ".join(words)
