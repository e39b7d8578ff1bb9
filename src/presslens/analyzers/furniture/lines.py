"""Which lines of an article are furniture, and why: rules over one line at a time, the same for
every outlet (what a line says and how it is written, never whose page it came from).

A line is the text between two line breaks; a rule sees it stripped of its edge spaces, with
its neighbours where a rule needs them (a link list's heading, a tweet's attribution line).
Each rule is a reason (a short name and a sentence for a reader) and a test; the first test
that holds names the line's reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from trafilatura.utils import RE_FILTER as TRAFILATURA_SHARE_LINE

from presslens.analyzers.furniture.words import (
    CAPTION_LEADS,
    CONTRIBUTOR_SIGNS,
    COPYRIGHT_SIGNS,
    LINK_LEADS,
    LINK_LIST_HEADINGS,
    MARKER_LINES,
    SHARE_WORDS,
    SIGN_UP_WORDS,
    UPDATE_LEADS,
    UPDATE_SELF,
    UPDATE_SELF_LEADS,
    VIDEO_SIGNS,
)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "— Donald J. Trump (@realDonaldTrump) May 19, 2017": how an embedded tweet's attribution ends it.
TWEET_ATTRIBUTION = re.compile(rf"[—–-]\s*[^()\n]{{1,80}}\(@\w{{1,15}}\)\s*{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$")
# A credit in parentheses closing a caption: "(AP Photo/Mark Lennihan)", "(Ints Kalnins/Reuters)".
_NAME = r"[A-Z][\w.'’&-]*"
CREDIT_IN_PARENS = re.compile(
    rf"\(\s*(?:(?:AP |File |Staff )?Photos?\b|Images?\b|Credit\b|Courtesy\b|Getty\b|{_NAME}(?: {_NAME})*\s?/\s?{_NAME})"
    r"[^()]{0,80}\)\s*\.?$"
)
# An agency's credit closing a caption: "... February 4, 2020. REUTERS/Erin Scott".
AGENCY_CREDIT = re.compile(rf"\b[A-Z]{{2,}}(?: [A-Z]{{2,}})*\s?/\s?{_NAME}(?: {_NAME}){{0,3}}\s*$")
# A credit after a bar: "... outcry on the right. | REUTERS", "| AP Photo".
BAR_CREDIT = re.compile(r"\s\|\s(?:[A-Z]{2,}\b|AP Photo|Getty Images)")
# A credit closing a caption after its label: "... in Washington. Photograph: Jim Lo Scalzo/EPA".
LABELLED_CREDIT = re.compile(rf"\b(?:Photograph|Photo|Image|Credit)s?:\s*{_NAME}[^.]{{0,60}}$")
# A sentence, then a headline run into it without a full stop: a lead photo's caption with the
# story's headline after it ("... when he repeated his promise. Mitt promises to repeal health law").
# The headline is the stretch after the last full stop: 3 to 10 words, no punctuation.
RUN_IN_HEADLINE = re.compile(r"[.!?][\"”’]?\s+(?P<headline>[A-Z][^.!?\"“”‘’:;,()]*)$")
LEAD_LINES = 3  # a caption with a headline run into it is one of the article's first lines
ADDRESS = re.compile(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\b[a-z0-9-]+\.(?:com|org|net|gov|rs|ly|co|io)/",
                     re.IGNORECASE)
BYLINE = re.compile(rf"By\s+{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,4}})*\.?")

_LINK_LEAD = re.compile("|".join(LINK_LEADS), re.IGNORECASE)
_UPDATE_LEAD = re.compile("|".join(UPDATE_LEADS), re.IGNORECASE)
_UPDATE_SELF_LEAD = re.compile("|".join(UPDATE_SELF_LEADS), re.IGNORECASE)
_UPDATE_SELF = re.compile(UPDATE_SELF, re.IGNORECASE)
_COPYRIGHT = re.compile("|".join(COPYRIGHT_SIGNS), re.IGNORECASE)
_CONTRIBUTOR = re.compile("|".join(CONTRIBUTOR_SIGNS), re.IGNORECASE)
_VIDEO = re.compile("|".join(VIDEO_SIGNS), re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_EDGE = " \t.,:;!?|()[]—–-*•·"

LINK_LINE_WORDS = 40  # a longer line that opens like a link ("Read: ...") is prose
LIST_LINK_WORDS = 20  # the lines after a link list's heading are links while they are this short
REPEATED_WORDS = 6  # a line printed twice is a pull quote or a caption only from this length


@dataclass(frozen=True)
class Line:
    """One line of the text, its edge spaces left out: `text[start:end]`."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    @property
    def bare(self) -> str:
        """The line case-folded, without edge punctuation, its spaces single."""
        return " ".join(self.text.casefold().strip(_EDGE).split())


@dataclass(frozen=True)
class Reason:
    name: str  # a short machine name: "photo_caption"
    why: str  # a sentence for a reader


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, each without its edge spaces."""
    lines, start = [], 0
    for end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            lines.append(Line(a, b, text[a:b]))
        start = end + 1
    return lines


def _words_key(text: str | None) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text or ""))


def is_marker(line: Line) -> bool:
    return line.bare in MARKER_LINES or not any(ch.isalnum() for ch in line.text)


def is_share_row(line: Line) -> bool:
    words = [w.casefold() for w in line.words]
    return bool(TRAFILATURA_SHARE_LINE.match(line.text)) or (bool(words) and all(w in SHARE_WORDS for w in words))


def is_link_line(line: Line) -> bool:
    return bool(_LINK_LEAD.match(line.text)) and len(line.words) <= LINK_LINE_WORDS


def is_teaser(line: Line) -> bool:
    """A line in capitals of four words or more: another story's headline ("EXCLUSIVE: FBI
    TEXTS ..."), never a sentence of the article."""
    letters = [ch for ch in line.text if ch.isalpha()]
    words = [w for w in line.words if any(ch.isalpha() for ch in w)]
    return len(words) >= 4 and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)


def is_caption(line: Line) -> bool:
    text = line.text
    if text.startswith(CAPTION_LEADS):
        return True
    short = len(line.words) <= 60
    return short and bool(
        CREDIT_IN_PARENS.search(text) or AGENCY_CREDIT.search(text) or BAR_CREDIT.search(text)
        or LABELLED_CREDIT.search(text) or "Getty Images" in text
    )


def is_caption_then_headline(line: Line) -> bool:
    run_in = RUN_IN_HEADLINE.search(line.text)
    if run_in is None or len(line.words) > 40:
        return False
    caption_words = len(_WORD.findall(line.text[:run_in.start()]))
    headline = _WORD.findall(run_in["headline"])
    # A line cut off mid-sentence ends on "from" or "the"; a headline does not.
    return caption_words >= 6 and 3 <= len(headline) <= 10 and headline[-1].casefold() not in STOP_WORDS


def is_sign_up(line: Line) -> bool:
    folded = line.text.casefold()
    cues = sum(word in folded for word in SIGN_UP_WORDS)
    words = len(line.words)
    return (cues >= 2 and words <= 80) or (cues == 1 and words <= 6)


def is_copyright(line: Line) -> bool:
    return bool(_COPYRIGHT.search(line.text)) and len(line.words) <= 40


def is_contributor(line: Line) -> bool:
    words = len(line.words)
    return (bool(_CONTRIBUTOR.search(line.text)) and words <= 30) or (words <= 12 and bool(BYLINE.fullmatch(line.text)))


def is_update_note(line: Line) -> bool:
    text = line.text
    note = bool(_UPDATE_LEAD.match(text)) or bool(_UPDATE_SELF_LEAD.match(text) and _UPDATE_SELF.search(text))
    return note and len(line.words) <= 60


def is_video(line: Line) -> bool:
    return bool(_VIDEO.search(line.text))


def is_tweet(line: Line) -> bool:
    return bool(TWEET_ATTRIBUTION.search(line.text)) or ("pic.twitter.com/" in line.text and len(line.words) <= 80)


def is_address_line(line: Line) -> bool:
    return bool(ADDRESS.search(line.text)) and len(line.words) <= 15


TWEET = Reason("embedded_tweet", "An embedded tweet with its attribution line.")
# The line tests in the order they are tried, each with its reason.
LINE_RULES: tuple[tuple[Reason, Callable[[Line], bool]], ...] = (
    (Reason("page_marker", "A marker the page prints between paragraphs (\"Advertisement\", \"Story Continued "
            "Below\")."), is_marker),
    (Reason("share_buttons", "The page's share buttons."), is_share_row),
    (Reason("video_teaser", "The text of a video player or slideshow."), is_video),
    (Reason("photo_caption", "A photo caption or credit."), is_caption),
    (TWEET, is_tweet),
    (Reason("sign_up_box", "A newsletter, app or sign-up box."), is_sign_up),
    (Reason("link_line", "A link to another story."), is_link_line),
    (Reason("teaser_headline", "Another story's headline in capitals, a link to it."), is_teaser),
    (Reason("copyright_line", "A copyright or republication line."), is_copyright),
    (Reason("contributor_line", "A byline or contributor line."), is_contributor),
    (Reason("update_note", "An editor's note on the article's updates."), is_update_note),
    (Reason("address_line", "A web or e-mail address line."), is_address_line),
)
HEADLINE = Reason("repeated_headline", "The headline, repeated at the top of the text.")
OUTLET = Reason("outlet_name", "The outlet's name on a line of its own.")
LINK_LIST = Reason("link_line", "A link to another story, in a list of them.")
LINK_LIST_HEADING = Reason("link_list", "The heading of a list of links to other stories (\"Further reading\").")
CAPTION_HEADLINE = Reason("photo_caption", "A photo caption with the story's headline run into it.")
REPEATED = Reason("repeated_line", "A line printed twice: a pull quote or a repeated caption.")


def line_reasons(lines: list[Line], title: str | None, outlet: str | None) -> list[Reason | None]:
    """The reason each line is furniture, or None for a line of prose."""
    title_key, outlet_key = _words_key(title), _words_key(outlet)
    counts = Counter(line.text for line in lines if len(line.words) >= REPEATED_WORDS)
    repeated = {text for text, n in counts.items() if n > 1}
    # An article printed twice over is not a page of pull quotes: only a few lines may repeat.
    if len(repeated) > 3:
        repeated = set()
    reasons: list[Reason | None] = []
    in_link_list = False
    for number, line in enumerate(lines):
        key = _words_key(line.text)
        reason = next((r for r, test in LINE_RULES if test(line)), None)
        if reason is None and number < LEAD_LINES and number < len(lines) - 1 and is_caption_then_headline(line):
            reason = CAPTION_HEADLINE
        if reason is None and len(key) >= 3 and key == title_key:
            reason = HEADLINE
        elif reason is None and key and key == outlet_key:
            reason = OUTLET
        elif reason is None and in_link_list and len(line.words) <= LIST_LINK_WORDS:
            reason = LINK_LIST
        elif reason is None and line.text in repeated:
            reason = REPEATED
        if line.bare in LINK_LIST_HEADINGS:
            reason = LINK_LIST_HEADING
        in_link_list = reason is LINK_LIST_HEADING or (in_link_list and reason is LINK_LIST)
        reasons.append(reason)
    _tweet_texts(lines, reasons)
    return reasons


def _tweet_texts(lines: list[Line], reasons: list[Reason | None]) -> None:
    """A tweet's attribution on a line of its own ("— Name (@handle) May 19, 2017") takes the
    tweet's text, the line before it, along."""
    for i, line in enumerate(lines[1:], start=1):
        if reasons[i] is TWEET and line.text[0] in "—–-":
            if reasons[i - 1] is None and len(lines[i - 1].words) <= 60:
                reasons[i - 1] = TWEET
