"""The review page in a real headless Chromium (the system's package, driven by Playwright).

Checks one highlight per located span, the selected claim's evidence and cue words marked, no
console errors, no request but the page. Skipped only when /usr/bin/chromium is absent and CI is
not set: under CI it must run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from llmclaims.models import Claim
from llmclaims.render import render_html

from .test_render import ROOT, replayed

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("no system chromium (install the Debian package)", allow_module_level=True)

if os.environ.get("CI") != "true":
    pytest.importorskip("playwright")
from playwright.sync_api import Page, sync_playwright  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def check_cues(page: Page, claim: Claim) -> int:
    """The marked cues of the selected claim: each inside its active evidence, every cue that
    stands in the evidence among them. Returns how many cues were found."""
    found = 0
    for party, f in (("author", claim.author), ("source", claim.source)):
        shown = page.eval_on_selector_all(
            f"#article mark.cue-{party}",
            "ms => ms.map(m => [m.dataset.items, m.classList.contains('active'), m.textContent])",
        )
        assert all(f" cue-{party}-claim-{claim.id} " in items and on for items, on, _ in shown)
        words = " ".join(t for _, _, t in shown).lower()
        quotes = [e.span.text.lower() for e in claim.evidence if e.span]
        cues = [c.lower() for c in (f.cues if f else []) if any(c.lower() in q for q in quotes)]
        assert all(cue in words for cue in cues), (claim.id, party, words)
        assert bool(cues) == bool(shown), (claim.id, party)
        found += len(cues)
    return found


@pytest.mark.parametrize("name", ["nk-missiles-russia.it", "gm-bankruptcy-126878.en"])
def test_page_in_chromium(name, tmp_path):
    summary, text = replayed(name)
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(summary, text, title=name), encoding="utf-8")
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=FLAGS, headless=True
        )
        try:
            page = browser.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            marks = page.eval_on_selector_all(
                "mark[data-items]", "ms => ms.map(m => m.dataset.items)"
            )
            for claim in summary.claims:
                located = [e for e in claim.evidence if e.span is not None]
                covering = [m for m in marks if f" claim-{claim.id} " in m]
                assert bool(located) == bool(covering), claim.id
            claim = summary.claims[0]
            assert page.locator(".active").count() == 0
            page.focus(f'button[data-item="claim-{claim.id}"]')
            page.keyboard.press("Enter")  # keyboard-accessible
            active = page.eval_on_selector_all("mark.active", "ms => ms.map(m => m.dataset.items)")
            assert active and all(f" claim-{claim.id} " in m for m in active)
            assert page.locator(f"#detail-claim-{claim.id}").is_visible()
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
            if name == "nk-missiles-russia.it" and os.environ.get("LLMCLAIMS_DOCS_SCREENSHOT"):
                page.screenshot(path=str(ROOT / "docs" / "review-page.it.png"))
            check_cues(page, claim)  # cue words: inside the selected claim's evidence only
            cued = next(c for c in summary.claims if c.author.cues and c is not claim)
            page.click(f'button[data-item="claim-{cued.id}"]')
            assert check_cues(page, cued) > 0  # the reference answers' cues are found and marked
        finally:
            browser.close()
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert errors == []
    assert requests == [page_file.as_uri()]
