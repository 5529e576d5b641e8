"""`llmclaims report`: the review page for a summary JSON file, from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import ConfigurationError
from .models import ArticleSummary
from .outfile import read_out
from .render import render_html, render_index, render_markdown

FORMATS = ("json", "html", "md")


def add_parser(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write the review page (HTML) or Markdown for a summary JSON file",
    )
    report.add_argument(
        "summary", type=Path, metavar="SUMMARY.json|OUT.jsonl", help="a summary, or a batch's OUT"
    )
    report.add_argument(
        "--text",
        type=Path,
        help="the article text, to mark evidence in place (default: the text the summary stored)",
    )
    report.add_argument("-o", "--out", type=Path, required=True, help="report.html or report.md")
    report.set_defaults(run=_report)


def format_summary(summary: ArticleSummary, fmt: str, text: str | None = None) -> str:
    """The one switch between output formats, shared by `summarize` and `report`."""
    if fmt == "html":
        return render_html(summary, text)
    if fmt == "md":
        return render_markdown(summary)
    return summary.model_dump_json(indent=2) + "\n"


def load_summary(path: Path) -> ArticleSummary:
    try:
        return ArticleSummary.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise ConfigurationError(f"no such file: {path}") from None
    except (ValidationError, json.JSONDecodeError) as exc:
        count = exc.error_count() if isinstance(exc, ValidationError) else 1
        raise ConfigurationError(f"{path} is not a summary JSON file ({count} error(s))") from None


def _batch_report(path: Path, out: Path) -> int:
    """Index page at OUT, one page per article beside it in OUT's stem folder; each page shows
    the article text with its highlights when the OUT line's summary stored the text."""
    pages = out.with_suffix("")
    pages.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    for line in read_out(path):
        n, ident, summary = line.number, line.id, line.summary
        row: dict[str, object] = {"id": ident, "error": "", "page": ""}
        if summary is None:
            row["error"] = str(line.error.get("message", "failed"))
        else:
            page = pages / f"{n:05d}.html"
            title = f"{ident}: {summary.title}" if summary.title else ident
            page.write_text(render_html(summary, title=title), encoding="utf-8")
            flags = [f for c in summary.claims for f in c.flags]
            flags += [f for s in summary.sources for f in s.flags]
            flags += [f for t in summary.timeline for f in t.flags]
            row |= {
                "page": f"{pages.name}/{page.name}",
                "language": summary.language,
                "claims": len(summary.claims),
                "sources": len(summary.sources),
                "flags": len(flags),
                "text": summary.text is not None,
            }
        rows.append(row)
    out.write_text(render_index(rows, title=path.name), encoding="utf-8")
    return 0


def _report(args: argparse.Namespace) -> int:
    if args.summary.suffix.lower() == ".jsonl":
        return _batch_report(args.summary, args.out)
    summary = load_summary(args.summary)
    text = args.text.read_text(encoding="utf-8") if args.text else None
    fmt = "md" if args.out.suffix.lower() in (".md", ".markdown") else "html"
    args.out.write_text(format_summary(summary, fmt, text), encoding="utf-8")
    return 0
