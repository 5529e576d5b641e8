"""A batch's OUT.jsonl as normalized SQLite tables with full-text search, for Datasette and SQL.

Idempotent: every row has a primary key derived from the article id, and rows are upserted, so
exporting a grown OUT again adds only what is new.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.db import Table

from .models import ArticleSummary
from .outfile import read_out


def _rows(article: str, summary: ArticleSummary) -> dict[str, list[dict[str, Any]]]:
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


def _table(db: sqlite_utils.Database, name: str) -> Table:
    table = db[name]
    assert isinstance(table, Table)  # we create tables only, never views
    return table


FOREIGN = {
    "sources": [("article_id", "articles", "id")],
    "claims": [("article_id", "articles", "id")],
    "claim_sources": [("claim_id", "claims", "id"), ("source_id", "sources", "id")],
    "factuality": [("claim_id", "claims", "id")],
    "evidence": [("article_id", "articles", "id")],
    "timeline": [("article_id", "articles", "id")],
    "flags": [("article_id", "articles", "id")],
}


def export_sqlite(out_jsonl: Path, db_path: Path) -> int:
    """Upsert every line of OUT into the database; returns the number of lines read."""
    db = sqlite_utils.Database(db_path)
    count = 0
    for line in read_out(out_jsonl):
        ident, summary = line.id, line.summary
        count += 1
        if summary is None:
            error = line.error
            _table(db, "errors").upsert(
                {"id": ident, "type": error.get("type"), "message": error.get("message")}, pk="id"
            )
            continue
        for table, rows in _rows(ident, summary).items():
            if rows:
                _table(db, table).upsert_all(rows, pk="id", alter=True)
    for table, keys in FOREIGN.items():
        if table in db.table_names():
            existing = {fk.column for fk in _table(db, table).foreign_keys}
            wanted = [k for k in keys if k[0] not in existing and k[1] in db.table_names()]
            if wanted:
                db.add_foreign_keys([(table, *k) for k in wanted])
    for table, columns in (("claims", ["text"]), ("evidence", ["quote"])):
        if table in db.table_names() and not _table(db, table).detect_fts():
            _table(db, table).enable_fts(columns, create_triggers=True)
    return count


def export_csv(out_jsonl: Path, folder: Path) -> int:
    """One CSV per table, written from a SQLite copy kept in the folder so re-runs stay upserts."""
    folder.mkdir(parents=True, exist_ok=True)
    count = export_sqlite(out_jsonl, folder / "results.db")
    db = sqlite_utils.Database(folder / "results.db")
    names = db.table_names()
    fts = {_table(db, t).detect_fts() for t in names} - {None}
    for table in names:
        if table not in fts and not any(table.startswith(f"{f}_") for f in fts):
            columns = [c.name for c in _table(db, table).columns]
            with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, columns)
                writer.writeheader()
                writer.writerows(_table(db, table).rows_where(order_by="id"))
    return count
