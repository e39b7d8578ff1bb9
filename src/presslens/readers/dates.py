"""Publication dates as they appear in exported records and feeds.

Only unambiguous forms are accepted: ISO dates and datetimes, RFC 2822 (feeds, e-mail),
month names ("Nov 3, 2019", "3 November 2019"), "2019/11/03" and Unix timestamps.
A month without a day ("November 2019") is refused rather than pinned to the 1st.
Slash dates with the year last (12/30/17, 30/12/2017) are read when only one order
makes a date, and refused when both do (03/11/2019 is 11 March in the US and 3 November
in Europe): a wrong date is worse than none, unless the caller knows the convention:
with `order` "mdy" or "dmy" such a date is read in that order (unambiguous ones are
read as always, whatever the order).

`date_or_none` is what readers use: a date it cannot read is dropped with a
DroppedFieldWarning, and the article is kept without it.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Literal

from presslens.errors import DroppedFieldWarning

_MONTH_NAME_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
    "%A, %B %d, %Y", "%a, %b %d, %Y",
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SLASH_YMD = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_SLASH_YEAR_LAST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_TIMESTAMP = re.compile(r"^\d{9,10}(\.\d+)?$")

DateOrder = Literal["mdy", "dmy"]
# How a year-last slash date that both orders could read is read; None refuses it.
DATE_ORDERS: tuple[DateOrder, ...] = ("mdy", "dmy")


def date_or_none(
    value: object, source: str, line: int | None = None, where: str = "", order: DateOrder | None = None,
) -> date | None:
    """The date of `value`; None when it is empty, and None with a DroppedFieldWarning
    (naming `source`, `line`, `where` it was in the input) when it cannot be read: an odd
    date is no reason to lose the article."""
    try:
        return parse_date(value, order)
    except ValueError as exc:
        warnings.warn(DroppedFieldWarning(source, f"{where}{exc}", line), stacklevel=2)
        return None


def parse_date(value: object, order: DateOrder | None = None) -> date | None:
    """The calendar date of `value`; None for an empty value; ValueError when unreadable.
    `order` ("mdy", "dmy") reads a slash date that both orders could read; None refuses it.

    A datetime with a time zone keeps its own local date (what the outlet printed).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_timestamp(value)
    text = str(value).strip()
    if not text:
        return None
    return _parse_text(text, order)


def _parse_text(text: str, order: DateOrder | None = None) -> date:
    year_first = _ISO_PREFIX.match(text) or _SLASH_YMD.match(text)
    if year_first:
        try:
            return date(*(int(part) for part in year_first.groups()))
        except ValueError:
            raise ValueError(f"impossible date {text!r}") from None
    year_last = _SLASH_YEAR_LAST.match(text)
    if year_last:
        return _day_month_or_month_day(text, *(int(g) for g in year_last.groups()), order)
    if _TIMESTAMP.match(text):
        return _from_timestamp(float(text))
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(".", ""))
    for fmt in _MONTH_NAME_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"unrecognised date {text!r} (use ISO 8601, e.g. 2019-11-03)")


def _from_timestamp(value: float) -> date:
    try:
        return datetime.fromtimestamp(value, tz=timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"impossible timestamp {value!r}") from None


def _day_month_or_month_day(text: str, first: int, second: int, year: int, order: DateOrder | None = None) -> date:
    if year < 100:
        year += 2000 if year < 69 else 1900  # the strptime %y convention
    if first == second or first > 12 or second > 12 or order is not None:
        month, day = (second, first) if first > 12 or (order == "dmy" and second <= 12) else (first, second)
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(f"impossible date {text!r}") from None
    raise ValueError(f"ambiguous date {text!r}: day/month order unknown (use ISO 8601, e.g. 2019-11-03)")
