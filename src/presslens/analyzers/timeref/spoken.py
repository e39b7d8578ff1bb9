"""A time value in the words a reader would use, where its code would puzzle them.

A reference the publication date cannot place keeps TimeML's unknown digits ("XXXX-WXX-4" for
"Thursday" in an undated article, "XXXX" for "last year"), and a recurrence or a duration is a
code too ("XXXX-11" every November, "P23Y"). Wherever a value is shown (the article page, the
timeline, the CLI) it goes through `spoken`: "a Thursday", "some year", "every November",
"23 years". A value that names a day, month or year ("2019-11-03", "1953") reads as it is.
"""

from __future__ import annotations

import re

from presslens.analyzers.timeref.periods import duration_words

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PART_NAMES = {"H1": "first half", "H2": "second half", "Q1": "first quarter", "Q2": "second quarter",
               "Q3": "third quarter", "Q4": "fourth quarter", "SP": "spring", "SU": "summer", "FA": "autumn",
               "WI": "winter"}
_UNKNOWN = re.compile(
    r"XXXX(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?|-W(?P<week>\d\d|XX)(?:-(?P<weekday>\d|WE))?"
    r"|-(?P<part>H[12]|Q[1-4]|SP|SU|FA|WI))?"
    r"|(?P<decade>XXX)|(?P<century>XX)"
)


def spoken(value: str, kind: str = "date") -> str:
    """How a time value is shown: words for a code with unknown digits, a recurrence or a
    duration; the value itself for one that reads as it is (or that this does not know)."""
    if kind == "duration" or (value.startswith("P") and kind != "set"):
        return duration_words(value) or value
    if kind == "set":
        return _recurrence(value)
    match = _UNKNOWN.fullmatch(value)
    return _undated(match) if match else value


def _undated(m: re.Match) -> str:
    """"XXXX-WXX-4" -> "a Thursday", "XXXX" -> "some year", "XXXX-03" -> "a March"."""
    if m["century"]:
        return "some century"
    if m["decade"]:
        return "some decade"
    if m["weekday"] == "WE":
        return "a weekend"
    if m["weekday"]:
        return f"a {_WEEKDAY_NAMES[int(m['weekday']) - 1]}"
    if m["week"]:
        return "some week"
    if m["part"]:
        return f"a {_PART_NAMES[m['part']]}"
    if m["month"] in (None, "XX"):
        return "some day" if m["day"] else "some month" if m["month"] else "some year"
    month = _MONTH_NAMES[int(m["month"]) - 1]
    if m["day"] and m["day"] != "XX":
        return f"{month} {int(m['day'])}, year unknown"
    return f"a {month}"


def _recurrence(value: str) -> str:
    """"XXXX-11" -> "every November", "XXXX-WXX-7" -> "every Sunday", "P1Y" -> "every year"."""
    match = _UNKNOWN.fullmatch(value)
    if match and (match["weekday"] not in (None, "WE") or match["month"] not in (None, "XX")):
        return "every " + _undated(match).removeprefix("a ")
    words = duration_words(value)
    if words:
        return "every " + words.removeprefix("1 ")
    return value


def spoken_with_value(value: str, kind: str = "date") -> str:
    """`spoken`, followed by the value in parentheses where the value is a placed code a reader
    may want ("23 years (P23Y)"); a code with unknown digits is never shown."""
    words = spoken(value, kind)
    return words if words == value or "X" in value else f"{words} ({value})"
