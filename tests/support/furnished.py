"""An analysed article with site furniture, for the page tests (tests/server)."""

from __future__ import annotations

from presslens.analysis import Analysis, Claim, Furniture, Quote, TimeRef
from presslens.article import Article
from presslens.pipeline import PIPELINE_VERSION

CAPTION = "The pier at dawn. (Photo by Ines <script>alert(1)</script> Navarro/Getty Images)"
CLAIM = "The ferry will stop running on Thursday, the board said."
TEXT = f"{CLAIM}\n\n{CAPTION}\n\nSign up for Daily Newsletters"


def furnished() -> Analysis:
    article = Article(text=TEXT, title="Ferry to stop", outlet="Harbour Daily")
    caption, box = TEXT.index(CAPTION), TEXT.index("Sign up")
    thursday = TEXT.index("Thursday")
    ref = TimeRef(thursday, thursday + 8, "Thursday", "date", "XXXX-WXX-4")
    return Analysis(
        article=article, time_refs=[ref],
        quotes=[Quote(0, 39, TEXT[:39], "indirect")],
        claims=[Claim(0, len(CLAIM) - 1, CLAIM[:-1], 0.8, time_refs=[ref], kind="prediction")],
        furniture=[Furniture(caption, caption + len(CAPTION), "photo_caption", "A photo caption or credit."),
                   Furniture(box, len(TEXT), "sign_up_box", "A newsletter, app or sign-up box.")],
        pipeline={"version": PIPELINE_VERSION, "models": {}},
    )
