"""A batch's OUT.jsonl as normalized SQLite tables with full-text search, for Datasette and SQL.

Idempotent: every row has a primary key derived from the article id, and rows are upserted, so
exporting a grown OUT again adds only what is new.
"""

from __future__ import annotations

import csv
from pathlib import Path

import sqlite_utils
from sqlite_utils.db import Table

from .export_tables import error_row, tables
from .outfile import read_out


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
            _table(db, "errors").upsert(error_row(ident, error), pk="id")
            continue
        if "errors" in db.table_names():  # retried with success: no longer a failure
            _table(db, "errors").delete_where("id = ?", [ident])
        for table, rows in tables(ident, summary).items():
            if rows:
                _table(db, table).upsert_all(rows, pk="id", alter=True)
    for table, keys in FOREIGN.items():
        if table in db.table_names():
            existing = {fk.column for fk in _table(db, table).foreign_keys}
            wanted = [k for k in keys if k[0] not in existing and k[1] in db.table_names()]
            if wanted:
                db.add_foreign_keys([(table, *k) for k in wanted])
    for table, columns in (("claims", ["text"]), ("evidence", ["quote"]), ("articles", ["text"])):
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
