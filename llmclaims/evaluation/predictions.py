"""Turn an ArticleSummary's timeline into spans the scorer can compare with gold.

A timeline entry carries the expression as written plus evidence spans found in the article;
the expression's span is its `expression_span` (where the library located it), or, in summaries
written before that field existed, where it occurs inside its first grounded evidence span.
Entries whose expression cannot be located are not scored as spans (they count as missing).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..models import ArticleSummary
from .gold import GoldTimex, Span


def predicted_timexes(summary: ArticleSummary) -> list[GoldTimex]:
    found = []
    for entry in summary.timeline:
        if entry.expression_span is not None:  # located by the library itself
            span = Span(start=entry.expression_span.start, end=entry.expression_span.end)
            found.append(GoldTimex(span=span, type=entry.granularity, value=entry.value or ""))
            continue
        for evidence in entry.evidence:
            if evidence.span is None:
                continue
            at = evidence.span.text.find(entry.expression)
            if at >= 0 and entry.expression:
                start = evidence.span.start + at
                span = Span(start=start, end=start + len(entry.expression))
                found.append(GoldTimex(span=span, type=entry.granularity, value=entry.value or ""))
                break
    return found


def predicted_claim_spans(summary: ArticleSummary) -> list[list[Span]]:
    """Grounded evidence spans of each predicted claim (empty when none was found)."""
    return [
        [Span(start=e.span.start, end=e.span.end) for e in c.evidence if e.span is not None]
        for c in summary.claims
    ]


def read_predictions(path: Path) -> dict[str, ArticleSummary]:
    """Summary lines of a results file by id; error lines are skipped (the article is missing)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read predictions {path.name}: {exc}") from exc
    out: dict[str, ArticleSummary] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if isinstance(record.get("summary"), dict):
                out[str(record["id"])] = ArticleSummary.model_validate(record["summary"])
        except (ValueError, AttributeError, KeyError) as exc:
            raise InputError(f"{path.name} line {number} is not a results line: {exc}") from exc
    return out
