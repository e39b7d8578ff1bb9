"""The text report of `presslens analyze`: one article's analysis as Rich panels and tables.

Article text is untrusted: it only ever enters Rich as `Text` objects, never as markup,
so a "[bold]" or "[/]" inside an article is printed as written.
"""

from __future__ import annotations

from collections import Counter

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from presslens.analysis import Analysis, Entity, Quote, Speaker, TechniqueSpan
from presslens.analyzers.framing.reading import evidence_sentence, is_framed, role_of, role_score
from presslens.analyzers.techniques.names import technique_name
from presslens.analyzers.timeref.spoken import spoken, spoken_with_value

# One colour per PTC technique label, so a technique looks the same in every report.
TECHNIQUE_STYLES = {
    "Loaded_Language": "black on orange1",
    "Name_Calling,Labeling": "black on red1",
    "Repetition": "black on cyan",
    "Doubt": "black on plum2",
    "Exaggeration,Minimisation": "black on gold1",
    "Appeal_to_fear-prejudice": "white on dark_red",
    "Flag-Waving": "white on blue",
    "Causal_Oversimplification": "black on light_green",
    "Appeal_to_Authority": "black on sky_blue1",
    "Slogans": "white on purple",
    "Whataboutism,Straw_Men,Red_Herring": "black on khaki1",
    "Black-and-White_Fallacy": "white on grey30",
    "Thought-terminating_Cliches": "black on pink1",
    "Bandwagon,Reductio_ad_hitlerum": "white on dark_green",
}
OTHER_TECHNIQUE_STYLE = "black on grey70"
# The colours of the web page's roles (Okabe-Ito); the role is always written out too.
ROLE_STYLES = {"Protagonist": "bold #0072b2", "Antagonist": "bold #d55e00", "Innocent": "bold #009e73"}
TECHNIQUES_COMPONENT = "presslens_techniques"
CLAIMS_COMPONENT = "presslens_claims"
QUOTE_CHARS = 320  # longer quotes and claims are shortened in the tables; the JSON keeps them whole


def render_report(analysis: Analysis, console: Console) -> None:
    """Prints the report of one analysis to `console`."""
    console.print(report_of(analysis))


def report_of(analysis: Analysis) -> RenderableType:
    sections: list[RenderableType] = [_header(analysis)]
    sections += _section("Quotes and speakers", _quotes(analysis), "No quotes found.")
    sections += _section("People, places and organisations", _entities(analysis), "No named entities found.")
    sections += _section("Dates and periods", _time_refs(analysis), "No dated references found.")
    sections += _section("Claims", _claims(analysis), _no_claims_note(analysis))
    sections += _section("Persuasion techniques", _techniques(analysis), _no_techniques_note(analysis))
    sections += _section("Article figures", _scores(analysis), "No figures.")
    sections += _section("Left out as site furniture", _furniture(analysis), "No site furniture found.")
    sections.append(_footer(analysis))
    return Group(*sections)


def _section(title: str, body: RenderableType | None, empty_note: str) -> list[RenderableType]:
    content = body if body is not None else Text(empty_note, style="dim italic")
    return [Rule(Text(title, style="bold"), align="left", style="grey50"), Padding(content, (0, 0, 1, 1))]


def _header(analysis: Analysis) -> Panel:
    article = analysis.article
    title = Text(article.title, style="bold") if article.title else Text("Untitled article", style="bold dim")
    facts = Text()
    for label, value in (
        ("Outlet", article.outlet or "unknown"),
        ("Published", article.published.isoformat() if article.published else "unknown"),
        ("URL", article.url),
    ):
        if value:
            facts.append(f"{label}: ", style="dim").append(value).append("   ")
    words = analysis.scores.get("words")
    size = f"{words} words" if isinstance(words, int) else f"{len(article.text)} characters"
    facts.append(f"\nid {article.id} · {size} · language {article.language}", style="dim")
    return Panel(Group(title, facts), box=box.ROUNDED, border_style="cyan", padding=(0, 1))


def _quotes(analysis: Analysis) -> Table | None:
    if not analysis.quotes:
        return None
    names = {e.id: e.name for e in analysis.entities}
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, pad_edge=False)
    table.add_column("Speaker", style="bold green", ratio=2, overflow="fold")
    # A cue is one or two words: each shown whole ("rejected", not "reject…") at any width.
    cue_words = [w for q in analysis.quotes if q.cue for w in q.cue.text.split()]
    table.add_column("Cue", style="magenta", min_width=min(max(map(len, cue_words), default=3), 16))
    table.add_column("Quote", ratio=6, overflow="fold")
    for quote in sorted(analysis.quotes, key=lambda q: q.start):
        table.add_row(_speaker_cell(quote, names), Text(quote.cue.text if quote.cue else "—"), _quote_cell(quote))
    return table


def _speaker_text(speaker: Speaker, names: dict[str, str]) -> Text:
    """The speaker as written, and the entity's fuller name when it differs."""
    cell = Text(speaker.name) if speaker.name else Text("(unnamed)", style="dim")
    resolved = names.get(speaker.entity or "")
    if resolved and resolved != speaker.name:
        cell.append(f"\n= {resolved}", style="dim green")
    return cell


def _speaker_cell(quote: Quote, names: dict[str, str]) -> Text:
    if quote.speaker is None:
        return Text("(no speaker)", style="dim")
    cell = _speaker_text(quote.speaker, names)
    if quote.via and quote.via != quote.speaker.name:
        cell.append(f"\nvia {quote.via}", style="dim")
    return cell


def _shortened(text: str) -> str:
    """`text` on one line, cut at QUOTE_CHARS."""
    body = " ".join(text.split())
    return body if len(body) <= QUOTE_CHARS else body[: QUOTE_CHARS - 1].rstrip() + "…"


def _quote_cell(quote: Quote) -> Text:
    body = _shortened(quote.text)
    marks = {"direct": ("“", "”"), "mixed": ("“", "”")}.get(quote.kind, ("", ""))
    cell = Text(marks[0] + body + marks[1], style="italic" if quote.kind != "indirect" else "")
    cell.append(f"  {quote.kind}", style="dim")
    return cell


def _entities(analysis: Analysis) -> Table | None:
    ranked = sorted(analysis.entities, key=lambda e: (-len(e.mentions), e.start))
    if not ranked:
        return None
    show_framing = any(is_framed(e.framing) for e in ranked)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, pad_edge=False)
    table.add_column("Name", style="bold", ratio=2, overflow="fold")
    table.add_column("Type", style="cyan", ratio=1)
    table.add_column("Also called", ratio=3, overflow="fold")
    table.add_column("Mentions", justify="right", ratio=1)
    if show_framing:
        table.add_column("Cast as, and the sentence that shows it", ratio=6, overflow="fold")
    for entity in ranked:
        row = [
            Text(entity.name),
            Text(entity.type),
            Text(", ".join(entity.aliases) or "—"),
            Text(str(len(entity.mentions))),
        ]
        if show_framing:
            row.append(_framing_cell(entity, analysis.article.text))
        table.add_row(*row)
    return table


def _framing_cell(entity: Entity, text: str) -> Text:
    """The entity's role (in words, so it reads without colour), its score and fine roles, and
    the sentence that best shows the role."""
    role = role_of(entity.framing)
    if role is None:
        return Text("no clear role" if is_framed(entity.framing) else "—", style="dim")
    cell = Text(role, style=ROLE_STYLES[role])
    cell.append(f" {role_score(entity.framing, role):.2f}", style="dim")
    fine = [str(r) for r in entity.framing.get("fine_roles") or [] if isinstance(r, str)]
    if fine:
        cell.append(f" ({', '.join(fine)})", style="dim")
    sentence = evidence_sentence(text, entity)
    if sentence:
        cell.append("\n").append(_shortened(text[sentence[0]:sentence[1]]), style="italic")
    return cell


def _time_refs(analysis: Analysis) -> Table | None:
    if not analysis.time_refs:
        return None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("In the text", style="bold")
    table.add_column("Kind", style="cyan")
    table.add_column("Means", style="yellow")
    for ref in sorted(analysis.time_refs, key=lambda r: r.start):
        table.add_row(Text(ref.text), Text(ref.kind), Text(spoken_with_value(ref.value, ref.kind)))
    return table


def _claims(analysis: Analysis) -> Table | None:
    """Each claim in text order: who makes it (the outlet for its own voice), what, the date
    it refers to, its kind and check-worthiness."""
    if not analysis.claims:
        return None
    outlet = analysis.article.outlet or "the outlet"
    names = {e.id: e.name for e in analysis.entities}
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, pad_edge=False)
    table.add_column("Claimant", style="bold green", ratio=2, overflow="fold")
    table.add_column("Claim", ratio=7, overflow="fold")
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    for claim in sorted(analysis.claims, key=lambda c: c.start):
        who = _speaker_text(claim.claimant, names) if claim.claimant else Text(outlet, style="dim")
        cell = Text(_shortened(claim.text))
        dated = next((ref for ref in claim.time_refs if ref.kind == "date"), None)
        if dated:
            when = spoken(dated.value, dated.kind)
            cell.append("\nrefers to ", style="dim").append(when, style="yellow")
            if dated.text != when:
                cell.append(f" ({dated.text})", style="dim")
        table.add_row(who, cell, Text(claim.kind), Text(f"{claim.score:.2f}"))
    return table


def _furniture(analysis: Analysis) -> Table | None:
    """The stretches no layer read (captions, sign-up boxes, link lines), each with what it is."""
    if not analysis.furniture:
        return None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, pad_edge=False)
    table.add_column("What", style="cyan", no_wrap=True)
    table.add_column("Text", ratio=1, overflow="fold", style="dim")
    text = analysis.article.text
    for item in sorted(analysis.furniture, key=lambda f: f.start):
        table.add_row(Text(item.reason.replace("_", " ")), Text(_shortened(text[item.start:item.end])))
    return table


def _no_claims_note(analysis: Analysis) -> str:
    if CLAIMS_COMPONENT not in analysis.pipeline.get("models", {}):
        return "Not scored: the claim model is not part of this pipeline."
    return "No check-worthy claims above the model's threshold."


def _techniques(analysis: Analysis) -> RenderableType | None:
    spans = sorted(analysis.techniques, key=lambda t: (t.start, t.end))
    if not spans:
        return None
    counts = Counter(t.technique for t in spans)
    legend = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    legend.add_column("Technique")
    legend.add_column("Spans", justify="right")
    legend.add_column("Highest score", justify="right")
    for technique, count in counts.most_common():
        best = max(t.score for t in spans if t.technique == technique)
        legend.add_row(
            Text(technique_name(technique), style=_style_of(technique)), Text(str(count)), Text(f"{best:.2f}")
        )
    return Group(legend, *_highlighted_paragraphs(analysis.article.text, spans))


def _highlighted_paragraphs(text: str, spans: list[TechniqueSpan]) -> list[RenderableType]:
    """The paragraphs that hold technique spans, with each span coloured by technique."""
    shown: list[RenderableType] = []
    start = 0
    for paragraph in text.split("\n\n"):
        end = start + len(paragraph)
        inside = [s for s in spans if s.start < end and s.end > start]
        if inside:
            line = Text(paragraph)
            for span in sorted(inside, key=lambda s: -(s.end - s.start)):  # short spans drawn last, on top
                line.stylize(_style_of(span.technique), max(span.start - start, 0), min(span.end, end) - start)
            shown += [Text(""), line, *_span_list(text, inside)]
        start = end + 2
    return shown


def _span_list(text: str, spans: list[TechniqueSpan]) -> list[Text]:
    """Each span named in words too, so the report still says it without colour."""
    lines = []
    for span in spans:
        line = Text("  ▸ ", style="dim").append(technique_name(span.technique), style=_style_of(span.technique))
        line.append(f' {span.score:.2f} "{" ".join(text[span.start:span.end].split())}"', style="dim")
        lines.append(line)
    return lines


def _no_techniques_note(analysis: Analysis) -> str:
    if TECHNIQUES_COMPONENT not in analysis.pipeline.get("models", {}):
        return "Not scored: the technique model is not part of this pipeline."
    return "No technique spans above the model's thresholds."


def _style_of(technique: str) -> str:
    return TECHNIQUE_STYLES.get(technique, OTHER_TECHNIQUE_STYLE)


def _scores(analysis: Analysis) -> Table | None:
    if not analysis.scores:
        return None
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="dim")
    table.add_column(justify="right", style="bold")
    for key, value in analysis.scores.items():
        table.add_row(Text(key.replace("_", " ")), Text(_figure(value)))
    return table


def _figure(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, dict):
        return ", ".join(f"{technique_name(str(k))} {_figure(v)}" for k, v in value.items()) or "none"
    return str(value)


def _footer(analysis: Analysis) -> Text:
    models = ", ".join(f"{name} {model}" for name, model in analysis.pipeline.get("models", {}).items())
    return Text(f"presslens pipeline {analysis.pipeline.get('version', '?')} · {models}", style="dim")
