"""The normalized tables every corpus export writes (SQLite, CSV, Parquet), built in one place.

Why one builder: the SQLite, CSV and Parquet files must hold the same rows under the same keys, so
a query written against one works on the others. Keys are derived from the article id, which is
what makes every export idempotent.
"""

from __future__ import annotations

import json
from typing import Any

from .models import ArticleSummary


def tables(article: str, summary: ArticleSummary) -> dict[str, list[dict[str, Any]]]:
    """Every row one summary contributes, by table; keys are `<article id>/<item id>`."""
    m = summary.metadata
    tables: dict[str, list[dict[str, Any]]] = {
        "articles": [
            {
                "id": article,
                "language": summary.language,
                "model": m.model,
                "prompt_version": m.prompt_version,
                "published": m.published.isoformat() if m.published else None,
                "total_tokens": m.usage.total_tokens,
                "cached": m.cached,
                "url": summary.url,
                "title": summary.title,
                "text": summary.text,
            }
        ],
        "sources": [],
        "claims": [],
        "claim_sources": [],
        "factuality": [],
        "evidence": [],
        "timeline": [],
        "flags": [],
    }

    def evidence(kind: str, item: str, items: list[Any]) -> None:
        for n, ev in enumerate(items):
            span = ev.span
            tables["evidence"].append(
                {
                    "id": f"{item}/{n}",
                    "article_id": article,
                    "item_kind": kind,
                    "item_id": item,
                    "quote": ev.quote,
                    "start": span.start if span else None,
                    "end": span.end if span else None,
                    "status": span.status if span else None,
                }
            )

    def flags(kind: str, item: str, names: list[str]) -> None:
        for name in names:
            tables["flags"].append(
                {"id": f"{item}/{name}", "article_id": article, "item_kind": kind,
                 "item_id": item, "flag": name}
            )  # fmt: skip

    for s in summary.sources:
        key = f"{article}/{s.id}"
        tables["sources"].append(
            {"id": key, "article_id": article, "source_id": s.id, "name": s.name, "kind": s.kind,
             "named": s.named, "role": s.role, "affiliation": s.affiliation,
             "via": f"{article}/{s.via}" if s.via else None}
        )  # fmt: skip
        evidence("source", key, s.evidence)
        flags("source", key, s.flags)
    for c in summary.claims:
        key = f"{article}/{c.id}"
        tables["claims"].append(
            {"id": key, "article_id": article, "claim_id": c.id, "text": c.text,
             "ambiguous": c.ambiguous, "author_hedging": c.author.hedging,
             "source_hedging": c.source.hedging if c.source else None}
        )  # fmt: skip
        for sid in c.source_ids:
            tables["claim_sources"].append(
                {"id": f"{key}/{sid}", "claim_id": key, "source_id": f"{article}/{sid}"}
            )
        for party, f in (("author", c.author), ("source", c.source)):
            if f is not None:
                tables["factuality"].append(
                    {"id": f"{key}/{party}", "claim_id": key, "party": party,
                     "certainty": f.certainty, "polarity": f.polarity,
                     "evidential": f.evidential, "hedging": f.hedging, "cues": json.dumps(f.cues)}
                )  # fmt: skip
        evidence("claim", key, c.evidence)
        flags("claim", key, c.flags)
    for n, t in enumerate(summary.timeline):
        key = f"{article}/T{n}"
        tables["timeline"].append(
            {"id": key, "article_id": article, "expression": t.expression, "value": t.value,
             "granularity": t.granularity, "event": t.event, "model_value": t.model_value,
             "normalized": t.normalized}
        )  # fmt: skip
        evidence("timeline", key, t.evidence)
        flags("timeline", key, t.flags)
    return tables


# Each table's columns and their Python types, for writers that need a schema up front (Parquet
# files must agree on one across re-runs, even when a column holds only nulls so far).
COLUMNS: dict[str, dict[str, type]] = {
    "articles": {"id": str, "language": str, "model": str, "prompt_version": str,
                 "published": str, "total_tokens": int, "cached": bool, "url": str,
                 "title": str, "text": str},
    "sources": {"id": str, "article_id": str, "source_id": str, "name": str, "kind": str,
                "named": bool, "role": str, "affiliation": str, "via": str},
    "claims": {"id": str, "article_id": str, "claim_id": str, "text": str, "ambiguous": bool,
               "author_hedging": str, "source_hedging": str},
    "claim_sources": {"id": str, "claim_id": str, "source_id": str},
    "factuality": {"id": str, "claim_id": str, "party": str, "certainty": str, "polarity": str,
                   "evidential": str, "hedging": str, "cues": str},
    "evidence": {"id": str, "article_id": str, "item_kind": str, "item_id": str, "quote": str,
                 "start": int, "end": int, "status": str},
    "timeline": {"id": str, "article_id": str, "expression": str, "value": str,
                 "granularity": str, "event": str, "model_value": str, "normalized": str},
    "flags": {"id": str, "article_id": str, "item_kind": str, "item_id": str, "flag": str},
    "errors": {"id": str, "type": str, "message": str},
}  # fmt: skip


def error_row(article: str, error: dict[str, Any]) -> dict[str, Any]:
    """The `errors` row of a failed article."""
    return {"id": article, "type": error.get("type"), "message": error.get("message")}
