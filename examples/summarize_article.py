"""Summarize the reference Italian article and print it for a person to read.

    python examples/summarize_article.py             # offline: replays the recorded answer
    python examples/summarize_article.py page.html   # ... and writes the review page
    OPENAI_API_KEY=... python examples/summarize_article.py  # live; model: $LLMCLAIMS_MODEL

Offline, the answer comes from tests/cassettes/nk-missiles-russia.it.json, served by a local
OpenAI-compatible server, so the whole library runs exactly as it would against a model:
request, validation, evidence grounding, date checks.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import llmclaims
from llmclaims.article_text import check_article
from llmclaims.render import render_html, render_markdown
from llmclaims.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "data" / "nk-missiles-russia.it.txt"
CASSETTE = ROOT / "tests" / "cassettes" / "nk-missiles-russia.it.json"
PUBLISHED = "2024-01-05"  # the article states none; the US statement it reports was on 01-04


def replay() -> tuple[FakeOpenAI, dict[str, str]]:
    """Serve the recorded responses in order, as the provider once sent them."""
    recorded = json.loads(CASSETTE.read_text(encoding="utf-8"))
    responses = [i["response"] for i in recorded["interactions"]]
    model = json.loads(recorded["interactions"][0]["request"]["body"])["model"]

    def handler(request: object) -> Reply:
        response = responses[min(request.index, len(responses) - 1)]  # type: ignore[attr-defined]
        return Reply(status=response["status"]["code"], body=response["body"]["string"].encode())

    print(
        f"No OPENAI_API_KEY set: replaying the {recorded['provenance']} answer in "
        f"{CASSETTE.relative_to(ROOT)} (set a key to call a live model).\n"
    )
    server = FakeOpenAI(handler).start()
    return server, {"model": model, "base_url": server.base_url, "cache": False}


def main() -> int:
    text = ARTICLE.read_text(encoding="utf-8")
    server = None
    if os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL"):
        options = {"model": os.environ.get("LLMCLAIMS_MODEL", "gpt-4o-mini")}
    else:
        server, options = replay()
    try:
        summary = llmclaims.summarize(text, published=PUBLISHED, **options)
    except llmclaims.LLMClaimsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
    print(render_markdown(summary))
    if len(sys.argv) > 1:  # a path: also write the review page there
        Path(sys.argv[1]).write_text(render_html(summary, check_article(text)), encoding="utf-8")
        print(f"review page: {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
