"""Summarize the reference Italian article and print it for a person to read.

    python examples/summarize_article.py             # offline: replays the recorded answer
    OPENAI_API_KEY=... python examples/summarize_article.py  # live; model: $LLMCLAIMS_MODEL

Offline, the answer comes from tests/cassettes/nk-missiles-russia.it.json, served by a local
OpenAI-compatible server, so the whole library runs exactly as it would against a model:
request, validation, evidence grounding, date checks.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
from pathlib import Path

import llmclaims
from llmclaims.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "data" / "nk-missiles-russia.it.txt"
CASSETTE = ROOT / "tests" / "cassettes" / "nk-missiles-russia.it.json"
PUBLISHED = "2024-01-05"  # the article states none; the US statement it reports was on 01-04

HEDGE_MARK = {"none": "■ firm", "low": "▣ reported", "medium": "◧ hedged", "high": "□ doubtful"}


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


def wrap(text: str, first: str, rest: str = " " * 12) -> str:
    return textwrap.fill(text, width=100, initial_indent=first, subsequent_indent=rest)


def show(summary: llmclaims.ArticleSummary) -> None:
    print(
        f"{len(summary.claims)} claims from {len(summary.sources)} sources, "
        f"{len(summary.timeline)} dated events  (language: {summary.language})\n"
    )
    for source in summary.sources:
        claims = summary.claims_by(source.id)
        if not claims:
            continue
        who = source.name or ("the article itself" if source.kind == "author" else "anonymous")
        details = ", ".join(x for x in (source.role, source.affiliation) if x)
        via = f"  — via {summary.source(source.via).name}" if source.via else ""
        print(f"▌ {who} [{source.kind}]{' — ' + details if details else ''}{via}")
        for claim in claims:
            author = claim.author
            print(wrap(claim.text, f"  {HEDGE_MARK[author.hedging]:<11} "))
            cues = [f"article: {', '.join(author.cues) or '—'} ({author.certainty})"]
            if claim.source:
                cues.append(
                    f"source: {', '.join(claim.source.cues) or '—'} ({claim.source.certainty})"
                )
            print(wrap(" | ".join(cues), "      cues  "))
            for evidence in claim.evidence[:1]:
                where = f"@{evidence.span.start}" if evidence.span else "NOT FOUND"
                print(wrap(f"“{evidence.quote}” {where}", "      text  "))
            if claim.flags:
                print(f"      ⚠ {', '.join(claim.flags)}")
        print()
    print("Timeline")
    for entry in sorted(summary.timeline, key=lambda t: (t.value is None, t.value or "")):
        value = entry.value or "?"
        note = ""
        if entry.flags:
            note = f"  ⚠ {', '.join(entry.flags)} (model: {entry.model_value}, rules: "
            note += f"{entry.normalized})"
        print(f"  {value:<24} {entry.expression!r}: {entry.event}{note}")
    meta = summary.metadata
    print(
        f"\n{meta.model} · {meta.usage.total_tokens} tokens · {meta.requests} request(s) · "
        f"prompt {meta.prompt_version}"
    )


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
    show(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
