"""`llmclaims report`: the review page for a summary JSON file, from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import ConfigurationError
from .models import ArticleSummary
from .render import render_html, render_markdown

FORMATS = ("json", "html", "md")


def add_parser(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write the review page (HTML) or Markdown for a summary JSON file",
    )
    report.add_argument("summary", type=Path, metavar="SUMMARY.json")
    report.add_argument("--text", type=Path, help="the article text, to mark evidence in place")
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


def _report(args: argparse.Namespace) -> int:
    summary = load_summary(args.summary)
    text = args.text.read_text(encoding="utf-8") if args.text else None
    fmt = "md" if args.out.suffix.lower() in (".md", ".markdown") else "html"
    args.out.write_text(format_summary(summary, fmt, text), encoding="utf-8")
    return 0
