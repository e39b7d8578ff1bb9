"""The 14 SemEval-2020 Task 11 technique labels (PTC's, as the model and the store write
them) and their names as people write them, for every page, table and report."""

from __future__ import annotations

NAMES: dict[str, str] = {
    "Loaded_Language": "Loaded language",
    "Name_Calling,Labeling": "Name calling, labeling",
    "Repetition": "Repetition",
    "Doubt": "Doubt",
    "Exaggeration,Minimisation": "Exaggeration, minimisation",
    "Appeal_to_fear-prejudice": "Appeal to fear, prejudice",
    "Flag-Waving": "Flag-waving",
    "Causal_Oversimplification": "Causal oversimplification",
    "Appeal_to_Authority": "Appeal to authority",
    "Slogans": "Slogans",
    "Whataboutism,Straw_Men,Red_Herring": "Whataboutism, straw men, red herring",
    "Black-and-White_Fallacy": "Black-and-white fallacy",
    "Thought-terminating_Cliches": "Thought-terminating clichés",
    "Bandwagon,Reductio_ad_hitlerum": "Bandwagon, reductio ad hitlerum",
}


def technique_name(label: str) -> str:
    """'Loaded_Language' -> 'Loaded language'; a label from another model keeps its words."""
    return NAMES.get(label) or ", ".join(part.strip().replace("_", " ") for part in label.split(","))
