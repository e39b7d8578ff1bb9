"""How each SemEval-2020 Task 11 technique is drawn: a readable name, a colour and a
line style, so that colour is never the only thing telling two techniques apart.
Data only; the order fixes each technique's CSS class (t-0 .. t-13)."""

from __future__ import annotations

# (PTC label, readable name, colour, underline style)
TECHNIQUE_STYLES: tuple[tuple[str, str, str, str], ...] = (
    ("Loaded_Language", "Loaded language", "#d62728", "solid"),
    ("Name_Calling,Labeling", "Name calling, labeling", "#1f77b4", "dashed"),
    ("Repetition", "Repetition", "#2ca02c", "dotted"),
    ("Doubt", "Doubt", "#9467bd", "double"),
    ("Exaggeration,Minimisation", "Exaggeration, minimisation", "#ff7f0e", "solid"),
    ("Appeal_to_fear-prejudice", "Appeal to fear, prejudice", "#8c564b", "dashed"),
    ("Flag-Waving", "Flag-waving", "#e377c2", "dotted"),
    ("Causal_Oversimplification", "Causal oversimplification", "#17becf", "double"),
    ("Appeal_to_Authority", "Appeal to authority", "#7f7f7f", "solid"),
    ("Slogans", "Slogans", "#bcbd22", "dashed"),
    ("Whataboutism,Straw_Men,Red_Herring", "Whataboutism, straw men, red herring", "#393b79", "dotted"),
    ("Black-and-White_Fallacy", "Black-and-white fallacy", "#ad494a", "double"),
    ("Thought-terminating_Cliches", "Thought-terminating clichés", "#637939", "solid"),
    ("Bandwagon,Reductio_ad_hitlerum", "Bandwagon, reductio ad hitlerum", "#7b4173", "dashed"),
)
OTHER_STYLE = ("other", "Other technique", "#555555", "solid")

LABELS = tuple(label for label, *_ in TECHNIQUE_STYLES)
INDEX = {label: i for i, label in enumerate(LABELS)}
NAMES = {label: name for label, name, *_ in TECHNIQUE_STYLES}


def technique_class(label: str) -> str:
    return f"t-{INDEX[label]}" if label in INDEX else "t-other"


def technique_name(label: str) -> str:
    return NAMES.get(label, label.replace("_", " "))
