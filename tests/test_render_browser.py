"""The review page in a real headless Chromium (the system's package, driven by Playwright).

Skipped only when /usr/bin/chromium is absent and CI is not set: under CI it must run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from llmclaims.render import render_html

from .test_render import ROOT, replayed

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("no system chromium (install the Debian package)", allow_module_level=True)

if os.environ.get("CI") != "true":
    pytest.importorskip("playwright")
from playwright.sync_api import sync_playwright  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


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
        finally:
            browser.close()
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert errors == []
    assert requests == [page_file.as_uri()]
