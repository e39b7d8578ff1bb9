"""How each SemEval-2020 Task 11 technique is drawn: its readable name (analyzers/techniques/names.py),
a colour and a line style, so that colour is never the only thing telling two techniques apart.
Data only; the order fixes each technique's CSS class (t-0 .. t-13)."""

from __future__ import annotations

from presslens.analyzers.techniques.names import NAMES, technique_name

# (PTC label, colour, underline style)
_LOOKS: tuple[tuple[str, str, str], ...] = (
    ("Loaded_Language", "#d62728", "solid"),
    ("Name_Calling,Labeling", "#1f77b4", "dashed"),
    ("Repetition", "#2ca02c", "dotted"),
    ("Doubt", "#9467bd", "double"),
    ("Exaggeration,Minimisation", "#ff7f0e", "solid"),
    ("Appeal_to_fear-prejudice", "#8c564b", "dashed"),
    ("Flag-Waving", "#e377c2", "dotted"),
    ("Causal_Oversimplification", "#17becf", "double"),
    ("Appeal_to_Authority", "#7f7f7f", "solid"),
    ("Slogans", "#bcbd22", "dashed"),
    ("Whataboutism,Straw_Men,Red_Herring", "#393b79", "dotted"),
    ("Black-and-White_Fallacy", "#ad494a", "double"),
    ("Thought-terminating_Cliches", "#637939", "solid"),
    ("Bandwagon,Reductio_ad_hitlerum", "#7b4173", "dashed"),
)
# (PTC label, readable name, colour, underline style)
TECHNIQUE_STYLES: tuple[tuple[str, str, str, str], ...] = tuple(
    (label, NAMES[label], colour, style) for label, colour, style in _LOOKS
)
OTHER_STYLE = ("other", "Other technique", "#555555", "solid")

LABELS = tuple(label for label, *_ in TECHNIQUE_STYLES)
INDEX = {label: i for i, label in enumerate(LABELS)}

__all__ = ["INDEX", "LABELS", "OTHER_STYLE", "TECHNIQUE_STYLES", "technique_class", "technique_name"]


def technique_class(label: str) -> str:
    return f"t-{INDEX[label]}" if label in INDEX else "t-other"
