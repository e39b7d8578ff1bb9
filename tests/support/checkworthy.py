"""A tiny check-worthiness data folder in the shape of ../shared/data/claims, written from
sentences made up for the tests: enough for every part of the fixed split to hold some."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from presslens.training.claims_data import CLEF_DEV_DEBATES, CLEF_HELD_OUT_DEBATES

CHECK_WORTHY = [
    "The unemployment rate fell to 3.5 percent in 2019, the lowest in 50 years.",
    "Our state cut income taxes by 12 percent last year.",
    "Crime in the city rose 20 percent between 2010 and 2015.",
    "The bridge cost 400 million dollars, twice the original estimate.",
    "We added two million jobs in the first year of the program.",
    "Exports to Canada doubled over the last decade.",
    "The deficit was 1.2 trillion dollars in 2012.",
    "Half of the county's schools have no science teacher.",
    "He voted against the budget 14 times in four years.",
    "The plant closed in 2008 and 3,000 workers lost their jobs.",
    "Gas prices went up 40 cents a gallon since January.",
    "The senator took 2 million dollars from oil companies.",
]
NOT_CHECK_WORTHY = [
    "Thank you all for coming tonight.",
    "Good evening and welcome to the debate.",
    "I think that is a wonderful question.",
    "Let me finish, please.",
    "We will take a short break now.",
    "What do you say to that?",
    "I love this country with all my heart.",
    "That is simply not fair to our families.",
    "Go out and vote next Tuesday.",
    "Thanks, and good night.",
    "It is great to be back in Ohio.",
    "You should be ashamed of yourself.",
]
DEBATES = ("19990101_fit_one.tsv", "19990102_fit_two.tsv", *CLEF_DEV_DEBATES, *CLEF_HELD_OUT_DEBATES)
ALL_SENTENCES = CHECK_WORTHY + NOT_CHECK_WORTHY


def write_claims_data(folder: Path, copies: int = 4) -> Path:
    """claimbuster-train.json with `copies` numbered copies of each sentence (ids spread over
    the hash buckets), and clef2019-train.csv with every sentence in every debate."""
    folder.mkdir(parents=True)
    labelled = [(text, 1) for text in CHECK_WORTHY] + [(text, 0) for text in NOT_CHECK_WORTHY]
    records = [
        {"sentence_id": 1000 + copy * len(labelled) + index, "label": label, "text": text}
        for copy in range(copies) for index, (text, label) in enumerate(labelled)
    ]
    (folder / "claimbuster-train.json").write_text(json.dumps(records), encoding="utf-8")
    with (folder / "clef2019-train.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line_number", "speaker", "text", "label", "file_name"])
        for debate in DEBATES:
            for number, (text, label) in enumerate(labelled, start=1):
                writer.writerow([number, "SPEAKER", text, label, debate])
    return folder
