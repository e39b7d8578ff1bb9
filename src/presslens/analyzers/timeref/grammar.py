"""The grammar of time references: regular expressions over the article text, each
with a reader that checks the match against the parsed Doc and gives its ISO value.

Every rule may propose candidates; `find_candidates` returns them all, possibly
overlapping, and the component keeps the longest. Spans start at the first word that
carries time meaning: "the" is kept in noun phrases made of time words ("the 1980s",
"the last 41 years", "the first half of the year"), prepositions never are ("since
2015" -> "2015").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from presslens.analyzers.timeref import calendar as cal
from presslens.analyzers.timeref.context import DocContext
from presslens.analyzers.timeref.words import (
    APPROXIMATORS,
    FREQUENCY_WORDS,
    MONTH_AHEAD_AUXILIARIES,
    MONTHS,
    NAME_ENTITY_TYPES,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    UNIT_PLURALS,
    UNITS,
    WEEKDAY_NAMERS,
    WEEKDAYS,
    YEAR_JOINERS,
    YEAR_LEADS,
)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    value: str


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# One space, or a line break inside a paragraph; never a blank line.
S = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
MONTH = rf"(?P<month>{_alt(MONTHS)})(?!\w)"
# With a day or a year beside it a month may also be abbreviated without a period.
DATED_MONTH = rf"(?P<month>{_alt(MONTHS)}|(?:{_alt(m.rstrip('.') for m in MONTHS if m.endswith('.'))})(?=\s))"
WEEKDAY = rf"(?P<weekday>{_alt(WEEKDAYS)})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?P<year>1\d{3}|20\d{2})(?![\d%])"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_WORD_NUMBER = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_alt(NUMBER_WORDS)}|half\s+an?)"
COUNT = (rf"(?P<count>(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{_WORD_NUMBER}))"
         r"(?:\s+and\s+a\s+half)?)")
UNIT = r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries))"
APPROX = rf"(?:(?P<approx>(?i:{_alt(APPROXIMATORS)})){S})?"
RELATION = {"last": "last", "past": "last", "previous": "last", "this past": "last",
            "this": "this", "next": "next", "coming": "next", "this coming": "next"}


def _number(text: str) -> float | None:
    """"41", "1,000", "four", "twenty-five", "a", "half a", "a dozen" -> a number."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words.replace(",", "").replace(".", "", 1).isdigit():
        return float(words.replace(",", ""))
    if words.startswith("half"):
        return 0.5
    if words.endswith(" and a half"):
        whole = _number(words[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words])
    parts = words.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def _month_number(text: str) -> int:
    return MONTHS.get(text) or MONTHS[text + "."]


def _unit(text: str) -> str:
    word = text.lower()
    return UNIT_PLURALS.get(word, word.rstrip("s") if word.endswith("s") else word)


def _duration(count: float | None, unit: str) -> str:
    designator, per_unit = UNITS[unit]
    return cal.duration(count, designator, per_unit)


# -- readers: each takes the match and the context and yields candidates ------------------

Reader = Callable[[re.Match, DocContext], Iterator[Candidate]]


def _date(m: re.Match, value: str | None, kind: str = "date", start: int | None = None,
          end: int | None = None) -> Iterator[Candidate]:
    if value:
        yield Candidate(m.start() if start is None else start, m.end() if end is None else end,
                        kind, value)


def _month_guard(m: re.Match, ctx: DocContext) -> bool:
    """True when the capitalised month or weekday opening the match is part of a name."""
    return ctx.in_name(m.start())


def read_full_date(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    year, month, day = int(m["year"]), _month_number(m["month"]), int(m["day"])
    if cal.valid_day(year, month, day) and not _month_guard(m, ctx):
        yield from _date(m, f"{year:04d}-{month:02d}-{day:02d}")


def read_month_day(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    if _month_guard(m, ctx):
        return
    month, day = _month_number(m["month"]), int(m["day"])
    yield from _date(m, cal.month_day(ctx.anchor, month, day, ctx.tense(m.start(), m.end())))


def read_month_year(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    if m["mod"] is None and _month_guard(m, ctx):
        return
    yield from _date(m, cal.month_value(int(m["year"]), _month_number(m["month"])))


def read_month(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """A month without day or year: only after a relation word, a modifier such as
    "early", or a preposition ("in March", "since May"), or where spaCy calls it a date
    ("a busy September", "the November midterms"); never as part of a name."""
    relation = (m["rel"] or "").lower()
    number = _month_number(m["month"])
    if relation in ("every", "each"):
        yield from _date(m, f"XXXX-{number:02d}", kind="set")
        return
    if not relation and not m["mod"]:
        if ctx.entity_type(m.start()) in ("PERSON", "ORG", "WORK_OF_ART"):
            return
        spacy_date = ctx.entity_type(m.start()) == "DATE"
        if ctx.in_name(m.start()) or not (spacy_date or ctx.words_before(m.start()) in _MONTH_LEADS):
            return
    tense = ctx.tense(m.start(), m.end(), MONTH_AHEAD_AUXILIARIES)
    yield from _date(m, cal.month(ctx.anchor, number, RELATION.get(relation), tense))


_MONTH_LEADS = ("in", "since", "by", "until", "till", "from", "through", "before", "after",
                "during", "of", "between", "and", "or", "to", "late", "early", "mid",
                "throughout", "last", "next", "this")


def read_iso_date(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if cal.valid_day(year, month, day):
        yield from _date(m, f"{year:04d}-{month:02d}-{day:02d}")


def read_slash_date(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """US reading, month first; day first only when the first number cannot be a month."""
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        pivot = ctx.anchor.year % 100 if ctx.anchor else 30
        year += 2000 if year <= pivot else 1900
    month, day = (first, second) if first <= 12 else (second, first)
    if cal.valid_day(year, month, day):
        yield from _date(m, f"{year:04d}-{month:02d}-{day:02d}")


def read_year(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """A four-digit number read as a year only where it reads as one: after "in",
    "since", "early" etc., as "the 1979 revolution", or as a spaCy DATE; never as a
    count of a plural noun ("2000 people"), money or a percentage."""
    start = m.start("year")
    token = ctx.token_at(start)
    if token is None or ctx.entity_type(start) in ("MONEY", "PERCENT", "QUANTITY"):
        return
    if token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS") and _looks_like_count(m, ctx):
        return
    after = ctx.token_after(m.end())
    before = ctx.words_before(m.start())
    readable = (
        m["mod"] is not None
        or before in YEAR_LEADS
        or ctx.words_before(m.start(), 2) in YEAR_LEADS
        or (before in YEAR_JOINERS and re.fullmatch(r"\d{4}", ctx.words_before(m.start(), 2).split(" ")[0]))
        or (before in _DETERMINERS and after is not None and after.tag_ in ("NN", "NNP", "JJ"))
        or token.ent_type_ == "DATE"
    )
    if readable:
        yield from _date(m, m["year"])


def _looks_like_count(m: re.Match, ctx: DocContext) -> bool:
    """Before a plural noun, "the 2016 campaigns" is a year but "2000 people", "about 1950
    workers" or "with 2019 votes" a count: round hundreds, approximations, numbers far
    from the publication year, and numbers not led by a determiner, a year preposition,
    a name or a sentence break are counts."""
    number = int(m["year"])
    latest = (ctx.anchor.year if ctx.anchor else 2030) + 10
    before = ctx.words_before(m.start())
    if number % 100 == 0 or not 1900 <= number <= latest or before in APPROXIMATORS \
            or ctx.words_before(m.start(), 2) in APPROXIMATORS:
        return True
    raw = ctx.text[max(0, m.start() - 40):m.start()].split()
    led_by_name = bool(raw) and raw[-1][0].isupper()
    return not (before in _DETERMINERS or before in YEAR_LEADS or before.endswith(("'s", "’s"))
                or led_by_name or not before)


_DETERMINERS = ("the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "whose")


def read_year_range(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"1939-1945", "2010-15": two dates, one for each end."""
    first = int(m["year"])
    second_text = m["end_year"]
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if second <= first or second - first > 200:
        return
    yield Candidate(m.start("year"), m.end("year"), "date", f"{first:04d}")
    yield Candidate(m.start("end_year"), m.end("end_year"), "date", f"{second:04d}")


def read_decade(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"the 1980s" -> "198" (ISO 8601 decade); "the 1800s" -> "18" (century);
    "the '80s" -> "198", two-digit decades placed no later than the anchor's decade."""
    digits = m["decade"].lstrip("'’‘").rstrip("s")
    if len(digits) == 2:
        latest = (ctx.anchor.year if ctx.anchor else 2029) % 100 // 10 * 10
        century = 20 if int(digits) <= latest else 19
        digits = f"{century}{digits}"
    if digits.endswith("00") and int(digits) < 2000:
        yield from _date(m, digits[:2])
    else:
        yield from _date(m, digits[:3])


def read_century(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"the 19th century" -> "18" (ISO 8601 century); not in names ("21st Century Fox")."""
    following = ctx.text[m.end():m.end() + 2].strip()
    if ctx.entity_type(m.end() - 1) in NAME_ENTITY_TYPES or (
            m.group(0)[-7].isupper() and following[:1].isupper()):
        return
    number = int(re.sub(r"\D", "", m["ordinal"])) if m["ordinal"][0].isdigit() else \
        _CENTURY_WORDS.get(m["ordinal"].lower().replace(" ", "-"))
    if number and 1 <= number <= 22:
        yield from _date(m, f"{number - 1:02d}")


_CENTURY_WORDS = {"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                  "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def read_part_of_year(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"the first half of the year" -> "2019-H1"; "the third quarter of 2018" -> "2018-Q3"."""
    ordinal = ORDINALS[m["ordinal"].lower()]
    part = m["part"].lower()
    if part == "half":
        if ordinal > 2:
            return
        code = f"H{2 if ordinal == -1 else ordinal}"
    else:
        code = f"Q{4 if ordinal == -1 else ordinal}"
    which = " ".join(m["of"].lower().split())
    year = int(which) if which.isdigit() else None
    offset = {"last year": -1, "next year": 1}.get(which, 0)
    yield from _date(m, cal.part_of_year(ctx.anchor, year, code, offset))


def read_quarter_code(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"Q3 2019", "2019 Q3", "Q3" (the publication year)."""
    year = int(m["year"]) if m["year"] else None
    yield from _date(m, cal.part_of_year(ctx.anchor, year, m["code"]))


def read_season(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"summer 2018" / "the summer of 2018" -> "2018-SU"; "last summer" against the
    publication date. A season with neither is too vague ("in the fall")."""
    code, first_month = SEASONS[m["season"].lower()]
    relation = RELATION.get((m["rel"] or "").lower())
    if m["year"]:
        yield from _date(m, f"{m['year']}-{code}")
    elif relation:
        yield from _date(m, cal.season(ctx.anchor, code, first_month, relation))


def read_day_word(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """today, tonight, yesterday, tomorrow, "this morning", "last night"; "USA Today"
    and other names are skipped."""
    word = " ".join(m["word"].lower().split())
    if m["word"][0].isupper() and not ctx.starts_sentence(m.start()):
        return
    if ctx.entity_type(m.start()) in ("ORG", "WORK_OF_ART", "PRODUCT"):
        return
    yield from _date(m, cal.offset_day(ctx.anchor, _DAY_WORDS[word]))


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}


def read_weekday(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """A weekday, also straight after a name as newswire writes it ("told CNN Thursday");
    not inside a longer name ("The Sunday Times") nor a named day ("Super Tuesday")."""
    if ctx.inside_name(m.start("weekday")) or ctx.words_before(m.start("weekday")) in WEEKDAY_NAMERS:
        return
    day = WEEKDAYS[m["weekday"]]
    if m["plural"]:
        yield from _date(m, f"XXXX-WXX-{day}", kind="set")
        return
    relation = RELATION.get(" ".join((m["rel"] or "").lower().split()))
    tense = ctx.tense(m.start(), m.end())
    yield from _date(m, cal.weekday(ctx.anchor, day, relation, tense))


def read_relative_unit(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"last week" -> the week before publication (a date); "the past week" -> P1W."""
    unit = m["unit"].lower()
    relation = RELATION[" ".join(m["rel"].lower().split())]
    if m["the"]:
        if unit != "weekend" and m["mod"] is None:
            yield from _date(m, _duration(1, unit), kind="duration")
        return
    offset = {"last": -1, "this": 0, "next": 1}[relation]
    yield from _date(m, cal.relative_unit(ctx.anchor, unit, offset))


def read_weekend(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    if ctx.words_before(m.start()) in ("over", "during", "on", "at", "through", "throughout"):
        yield from _date(m, cal.weekend(ctx.anchor, ctx.tense(m.start(), m.end())))


def read_edge_of_unit(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"by the end of the year" -> the publication year; "the start of next month" ->
    the month after publication. The value is the whole period: ISO 8601 has no "end of"."""
    offset = {"last": -1, "next": 1}.get(m["which"].lower(), 0)
    yield from _date(m, cal.relative_unit(ctx.anchor, m["unit"].lower(), offset))


def read_ago(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    count = _number(m["count"])
    if count is not None:
        yield from _date(m, cal.ago(ctx.anchor, count, _unit(m["unit"])))


def read_duration(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"41 years", "the last 41 years", "four decades" (P40Y), "a 41-year rule"; not
    ages ("41-year-old"). "a year" alone is a duration only where it reads as one
    ("for a year", "a year later"), and a set after an amount ("$5 a year")."""
    count = _number(m["count"])
    unit = _unit(m["unit"])
    if count is None:
        return
    if m["half"]:
        count += 0.5
    adjective = m["count"].lower() == "one" and m.group(0)[m.end("count") - m.start():].startswith("-")
    if m["count"].lower() in ("a", "an", "one") and not (m["rel"] or m["approx"] or adjective):
        before = ctx.words_before(m.start())
        after = [w.strip(".,;:!?") for w in ctx.text[m.end():m.end() + 12].lower().split()]
        token = ctx.token_at(m.start())
        previous = token.nbor(-1) if token is not None and token.i > 0 else None
        if previous is not None and (previous.like_num or previous.lower_ in _AMOUNT_WORDS):
            yield from _date(m, _duration(1, unit), kind="set")
            return
        if before not in _A_DURATION_LEADS and not (after and after[0] in _A_DURATION_TAILS):
            return
    yield from _date(m, _duration(count, unit), kind="duration")


_A_DURATION_LEADS = ("for", "in", "within", "over", "than", "after", "only", "just", "about",
                     "nearly", "almost", "around", "least", "lasting", "spent", "took")
_A_DURATION_TAILS = ("later", "earlier", "before", "after", "long")
_AMOUNT_WORDS = ("percent", "%", "cents", "dollars", "euros", "pounds", "times", "million",
                 "billion", "trillion", "thousand", "hundred")


def read_vague_duration(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"several years", "the past few months", "for decades" -> "PXY", "PXM" (TimeML's X
    for an unknown count; decades and centuries are years)."""
    if not (m["vague"] or m["rel"] or m["recent"]):
        following = ctx.text[m.end():m.end() + 4].lower()
        if ctx.words_before(m.start()) not in _VAGUE_LEADS and not following.startswith(" of "):
            return
    unit = _unit(m["unit"])
    designator = UNITS[unit][0]
    yield from _date(m, cal.duration(None, designator), kind="duration")


_VAGUE_LEADS = ("for", "over", "within", "in", "after", "took", "spent", "lasted", "just", "only")


def read_every(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"every year" -> P1Y, "every two years" -> P2Y, "every other week" -> P2W,
    "each Sunday" -> XXXX-WXX-7, "every November" -> XXXX-11."""
    if m["weekday"]:
        yield from _date(m, f"XXXX-WXX-{WEEKDAYS[m['weekday']]}", kind="set")
        return
    if m["month"]:
        yield from _date(m, f"XXXX-{MONTHS[m['month']]:02d}", kind="set")
        return
    count = _number(m["count"]) if m["count"] else 1.0
    if count is None:
        return
    if m["other"]:
        count *= 2
    yield from _date(m, _duration(count, _unit(m["unit"])), kind="set")


def read_frequency(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    """"twice a week", "three times a year", "per year" -> P1W, P1Y."""
    yield from _date(m, _duration(1, _unit(m["unit"])), kind="set")


def read_set_adverb(m: re.Match, ctx: DocContext) -> Iterator[Candidate]:
    yield from _date(m, SET_ADVERBS[m["adverb"]], kind="set")


# -- the rules -------------------------------------------------------------------------

_LEAD_WEEKDAY = rf"(?:(?P<lead_weekday>{_alt(WEEKDAYS)}),?{S})?"
_THE = rf"(?:(?i:the){S})"
_MOD = r"(?:(?<!\w)(?P<mod>(?i:early|mid|late|earlier|later))(?:[^\S\n]+|-))"
_YEAR_OF = rf"(?P<of>(?i:the|this|last|next){S}(?i:year)|\d{{4}})"
_REL = r"(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|past|coming|previous))"

# Each rule runs only over paragraphs holding one of its trigger strings (lower case):
# most paragraphs hold no month, weekday or time unit, and the scan is most of the cost.
_DIGITS = tuple("0123456789")
_MONTH_KEYS = tuple({m[:3].lower() for m in MONTHS})
_WEEKDAY_KEYS = tuple(w.lower() for w in WEEKDAYS)
_UNIT_KEYS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur")
_DAY_WORD_KEYS = ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon",
                  "evening", "night")

RULES: list[tuple[re.Pattern, Reader, tuple[str, ...]]] = [(re.compile(p), r, t) for p, r, t in [
    (rf"{_LEAD_WEEKDAY}{DATED_MONTH}{S}{DAY},?{S}{YEAR}", read_full_date, _MONTH_KEYS),
    (rf"{_LEAD_WEEKDAY}{_THE}?{DAY}{S}(?:of{S})?{DATED_MONTH},?{S}{YEAR}", read_full_date, _MONTH_KEYS),
    (rf"{_LEAD_WEEKDAY}{DATED_MONTH}{S}{DAY}(?!,?{S}?\d)", read_month_day, _MONTH_KEYS),
    (rf"(?<![\d,.$])(?:{_THE})?{DAY}{S}(?:of{S})?{MONTH}", read_month_day, _MONTH_KEYS),
    (rf"{_MOD}?{DATED_MONTH},?{S}(?:of{S})?{YEAR}", read_month_year, _MONTH_KEYS),
    (rf"(?:(?P<rel>(?i:last|next|this|every|each)){S})?{_MOD}?{MONTH}(?!{S}?\d)", read_month, _MONTH_KEYS),
    (r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])", read_iso_date, _DIGITS),
    (r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])", read_slash_date, _DIGITS),
    (rf"(?<![\w$€£¥#/.,-]){_MOD}?{YEAR}(?![\w]|[.,/:-]\d|{S}(?i:percent))", read_year, _DIGITS),
    (rf"(?<![\w$€£¥#/.,-]){YEAR}[^\S\n]*[-–][^\S\n]*(?P<end_year>\d{{4}}|\d{{2}})(?![\w%-])",
     read_year_range, _DIGITS),
    (rf"{_THE}?{_MOD}?(?P<decade>(?:1\d|20)\d0s|['’‘]\d0s)(?!\w)", read_decade, _DIGITS),
    (rf"{_THE}?{_MOD}?(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|(?i:{_alt(_CENTURY_WORDS)}))"
     rf"[-\s](?i:century)", read_century, ("centur",)),
    (rf"{_THE}?(?P<ordinal>(?i:{_alt(ORDINALS)})){S}(?P<part>(?i:half|quarter)){S}(?i:of){S}{_YEAR_OF}",
     read_part_of_year, ("half", "quarter")),
    (rf"(?<!\w)(?P<code>Q[1-4]|H[12])(?:{S}{YEAR})?(?!\w)", read_quarter_code, _DIGITS),
    (rf"(?<![\w$€£¥#/.,-]){YEAR}{S}(?P<code>Q[1-4]|H[12])(?!\w)", read_quarter_code, _DIGITS),
    (rf"{_THE}?(?:{_REL}{S})?(?P<season>(?i:spring|summer|autumn|fall|winter))"
     rf"(?:{S}(?:(?i:of){S})?{YEAR})?(?!\w)", read_season, tuple(SEASONS)),
    (rf"(?<!\w)(?P<word>(?i:the{S}day{S}(?:before{S}yesterday|after{S}tomorrow)|today|tonight"
     rf"|yesterday|tomorrow|this{S}(?:morning|afternoon|evening)|last{S}night))"
     rf"(?:{S}(?i:{_alt(PARTS_OF_DAY)}))?(?!\w)", read_day_word, _DAY_WORD_KEYS),
    (rf"(?:{_REL}{S})?{WEEKDAY}(?P<plural>s)?(?!\w)(?:{S}(?i:{_alt(PARTS_OF_DAY)})(?!\w))?",
     read_weekday, _WEEKDAY_KEYS),
    (rf"(?<!\w){_MOD}?(?P<the>(?i:the){S})?{_REL}{S}"
     r"(?P<unit>(?i:week|weekend|month|year|decade|century))(?!\w)", read_relative_unit, _UNIT_KEYS),
    (rf"(?<!\w)(?i:the){S}(?i:end|beginning|start|middle){S}(?i:of){S}(?P<which>(?i:the|this|next|last))"
     rf"{S}(?P<unit>(?i:week|month|year))(?!\w)", read_edge_of_unit, ("end", "beginning", "start", "middle")),
    (rf"(?<!\w)(?i:the){S}(?i:weekend)(?!\w)", read_weekend, ("weekend",)),
    (rf"(?<!\w){APPROX}{COUNT}{S}{UNIT}{S}(?i:ago)(?!\w)", read_ago, ("ago",)),
    (rf"(?<!\w)(?:{_THE}(?P<rel>(?i:last|past|next|first|coming|previous|final|following)){S})?"
     rf"{APPROX}{COUNT}(?:{S}|-)(?:(?i:straight|consecutive|full|long|more|additional|whole){S})?"
     rf"{UNIT}(?P<half>{S}(?i:and{S}a{S}half))?(?!\w)(?!-?{S}?(?i:old)\b)",
     read_duration, _UNIT_KEYS),
    (rf"(?<!\w)(?:{_THE}(?P<rel>(?i:last|past|next|coming)){S}|(?P<recent>(?i:recent|coming)){S})?"
     rf"(?:(?P<vague>(?i:several|a{S}few|few|many|countless|a{S}couple{S}of|couple{S}of|couple)){S})?"
     r"(?P<unit>(?i:days|weeks|months|years|decades|centuries))(?!\w)", read_vague_duration, _UNIT_KEYS),
    (rf"(?<!\w)(?i:every|each){S}(?:(?P<other>(?i:other)){S})?(?:{COUNT}{S})?"
     rf"(?:{UNIT}|{WEEKDAY}|{MONTH})(?!\w)", read_every, ("every", "each")),
    (rf"(?<!\w)(?:(?i:{_alt(FREQUENCY_WORDS)})|\d+{S}times|(?i:{_TENS}|{_ONES}|ten){S}times){S}"
     rf"(?i:a|an|per|every|each){S}{UNIT}(?!\w)", read_frequency, ("once", "twice", "thrice", "times")),
    (rf"(?<!\w)(?i:per){S}{UNIT}(?!\w)", read_frequency, ("per",)),
    (rf"(?<![\w-])(?P<adverb>{_alt(SET_ADVERBS)})(?!\w)", read_set_adverb, tuple(SET_ADVERBS)),
]]


def find_candidates(ctx: DocContext) -> list[Candidate]:
    found: list[Candidate] = []
    lowered = ctx.text.lower()
    for start, end in _paragraphs(ctx.text):
        paragraph = lowered[start:end]
        for pattern, reader, triggers in RULES:
            if any(t in paragraph for t in triggers):
                for match in pattern.finditer(ctx.text, start, end):
                    found.extend(reader(match, ctx))
    return found


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the blank-line separated paragraphs: no reference spans two."""
    start = 0
    for gap in _BLANK_LINE.finditer(text):
        if gap.start() > start:
            yield start, gap.start()
        start = gap.end()
    if start < len(text):
        yield start, len(text)
