"""Calendar arithmetic for time references: ISO 8601 values from an anchor date.

Every function takes the publication date as `anchor`; when it is None the reference
cannot be placed, and the value keeps the reference's granularity with X for each
unknown digit, as TimeML does: "Sunday" -> "XXXX-WXX-7", "last week" -> "XXXX-WXX",
"in March" -> "XXXX-03", "yesterday" -> "XXXX-XX-XX", "last year" -> "XXXX".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Tense = Literal["future", "past"] | None
Relation = Literal["last", "this", "next"] | None

UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX",
           "decade": "XXX", "century": "XX"}


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def weekday(anchor: date | None, day: int, relation: Relation, tense: Tense) -> str:
    """A weekday (Monday 1 .. Sunday 7). Bare or "last": the most recent such day on or
    before publication ("last" strictly before); "next" or a future verb: the next one."""
    if anchor is None:
        return f"XXXX-WXX-{day}"
    back = (anchor.isoweekday() - day) % 7
    if relation == "next" or (relation is None and tense == "future"):
        ahead = (day - anchor.isoweekday()) % 7 or 7
        if relation is None and tense == "future" and back == 0:
            ahead = 0
        return day_value(anchor + timedelta(days=ahead))
    if relation == "last" and back == 0:
        back = 7
    if relation == "this" and tense == "future":
        return day_value(anchor + timedelta(days=(day - anchor.isoweekday()) % 7))
    return day_value(anchor - timedelta(days=back))


def month(anchor: date | None, number: int, relation: Relation, tense: Tense) -> str:
    """A month named without a year: the publication year unless that month is still
    ahead of publication, then the year before; "next" or a future verb look ahead."""
    if anchor is None:
        return f"XXXX-{number:02d}"
    year = anchor.year
    if relation == "next" or (relation is None and tense == "future"):
        if number < anchor.month or (relation == "next" and number == anchor.month):
            year += 1
    elif relation == "last":
        if number >= anchor.month:
            year -= 1
    elif relation is None and number > anchor.month:
        year -= 1
    return month_value(year, number)


def month_day(anchor: date | None, number: int, day: int, tense: Tense) -> str | None:
    """A month and day without a year: the occurrence nearest publication, or the one on
    or before it for a past-tense verb and on or after it for a future one. None when
    the day does not exist in that month."""
    if anchor is None:
        return f"XXXX-{number:02d}-{day:02d}" if valid_day(2000, number, day) else None
    options = [date(y, number, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if valid_day(y, number, day)]
    if tense == "past":
        options = [d for d in options if d <= anchor] or options
    elif tense == "future":
        options = [d for d in options if d >= anchor] or options
    if not options:
        return None
    return day_value(min(options, key=lambda d: abs((d - anchor).days)))


def offset_day(anchor: date | None, days: int) -> str:
    """today, yesterday, tomorrow, "two days ago"."""
    return UNKNOWN["day"] if anchor is None else day_value(anchor + timedelta(days=days))


def relative_unit(anchor: date | None, unit: str, offset: int) -> str | None:
    """"last/this/next week|weekend|month|year|decade|century" as a calendar value.

    Weeks are ISO weeks, except that a Sunday article sits between two weeks: its
    "last week" is the week ending that day, and its "this week" and "next week" are
    both the week starting the next day.
    """
    if unit == "weekend":
        if anchor is None:
            return "XXXX-WXX-WE"
        return week_value(anchor + timedelta(weeks=offset)) + "-WE"
    if anchor is None:
        return UNKNOWN.get(unit)
    if unit == "week":
        if anchor.isoweekday() == 7 and offset <= 0:
            offset += 1
        return week_value(anchor + timedelta(weeks=offset))
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, offset))
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}"
    return None


def weekend(anchor: date | None, tense: Tense) -> str:
    """"over the weekend": the weekend on or before publication, or the coming one
    for a future verb; written as TimeML does ("2019-W44-WE")."""
    if anchor is None:
        return "XXXX-WXX-WE"
    if anchor.isoweekday() < 6 and tense == "future":
        return week_value(anchor) + "-WE"
    if anchor.isoweekday() < 6:
        return week_value(anchor - timedelta(weeks=1)) + "-WE"
    return week_value(anchor) + "-WE"


def ago(anchor: date | None, count: float, unit: str) -> str | None:
    """"N units ago": a calendar value at the unit's granularity."""
    whole = int(count)
    if unit in ("second", "minute", "hour"):
        return offset_day(anchor, 0)
    if unit == "day":
        return offset_day(anchor, -whole)
    if anchor is None:
        return UNKNOWN["year"] if unit in ("decade", "century") else UNKNOWN.get(unit)
    if unit == "week":
        return week_value(anchor - timedelta(weeks=whole))
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, -whole))
    years = {"year": 1, "decade": 10, "century": 100}.get(unit)
    return f"{anchor.year - whole * years:04d}" if years else None


def part_of_year(anchor: date | None, year: int | None, code: str, offset: int = 0) -> str:
    """Halves and quarters ("2019-H1", "2019-Q3") and seasons ("2019-SU"), written as
    TimeML does; a missing year is the publication year."""
    if year is None:
        if anchor is None:
            return f"XXXX-{code}"
        year = anchor.year + offset
    return f"{year:04d}-{code}"


def season(anchor: date | None, code: str, first_month: int, relation: Relation) -> str:
    """"last/this/next summer": seasons named by the year in which they begin."""
    if anchor is None:
        return f"XXXX-{code}"
    started_this_year = (anchor.month >= first_month) and not (
        first_month == 12 and anchor.month < 12)
    year = anchor.year if started_this_year else anchor.year - 1
    current = _season_of(anchor)
    if relation == "last" and current == code:
        year -= 1
    elif relation == "next":
        year = anchor.year if anchor.month < first_month else anchor.year + 1
    elif relation == "this":
        year = anchor.year if first_month != 12 or anchor.month == 12 else anchor.year - 1
    return f"{year:04d}-{code}"


def _season_of(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
            6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def duration(count: float | None, designator: str, per_unit: int = 1) -> str:
    """ISO 8601 duration: (41, "Y") -> "P41Y", (3, "TH") -> "PT3H", (4, "Y", 10) -> "P40Y".
    An unknown count ("several years") gives "PXY", as in TimeML."""
    if count is None:
        amount = "X"
    else:
        total = count * per_unit
        amount = str(int(total)) if float(total).is_integer() else f"{total:g}"
    if designator.startswith("T"):
        return f"PT{amount}{designator[1:]}"
    return f"P{amount}{designator}"
