"""A long pasted text in a real browser: the /analyze form sends it to the job's page, whose
script follows the job and then shows the article view, with no script error and no CSP
violation (chromium through Playwright, as tests/server/test_browser.py)."""

from __future__ import annotations

from support.browser import needs_chromium
from support.serve import served
from support.web_corpus import build_store

pytestmark = needs_chromium

# Written for this test; over the 200-character quick-answer limit it sets.
LONG_TEXT = (
    "The river authority opened the new flood gates on Wednesday after three years of work. "
    '"The town will sleep better this winter," said engineer Petra Lund at the opening.\n\n'
    "The gates cost twice the first estimate, and the council's auditors will report on the "
    "overrun in the spring. Farmers downstream asked for a second set of gates near the old mill."
)


def test_a_long_pasted_text_shows_progress_then_the_article(page, tmp_path):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    with served(build_store(tmp_path / "job.db"), PRESSLENS_ANALYZE_QUICK_CHARS="200") as base:
        page.goto(f"{base}/analyze")
        page.fill("#text", LONG_TEXT)
        page.click("form.analyze button[type=submit]")
        page.wait_for_url("**/analyze/jobs/*")
        assert page.locator("#job-progress").count() == 1 or page.locator("#article-text").count() == 1
        page.wait_for_selector("#article-text", timeout=240_000)  # the script reloads once the job is done
        assert "Petra Lund" in page.inner_text("#article-text")
    assert page.errors == [] and violations == []
