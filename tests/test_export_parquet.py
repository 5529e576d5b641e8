"""Parquet export: the SQLite tables and rows, typed, idempotent; a clear missing-extra error."""

from __future__ import annotations

import json
import sys

import pyarrow.parquet as pq
import pytest
import sqlite_utils

from llmclaims.cli import main
from llmclaims.export_tables import COLUMNS

from .test_export import line, stored, write_out

FAILED = json.dumps({"id": "broken", "error": {"type": "ProviderError", "message": "503"}}) + "\n"


def ids(folder, table: str) -> list[str]:
    return pq.read_table(folder / f"{table}.parquet", columns=["id"])["id"].to_pylist()


def test_parquet_holds_the_sqlite_rows_typed(tmp_path):
    it = stored("nk-missiles-russia.it", url="https://example.org/nk")
    en = stored("gm-bankruptcy-126878.en")
    out = write_out(tmp_path / "out.jsonl", line("it", it), FAILED, line("en", en))
    assert main(["export", str(out), "--to", "parquet", str(tmp_path / "pq")]) == 0
    assert main(["export", str(out), "--to", "sqlite", str(tmp_path / "r.db")]) == 0
    db = sqlite_utils.Database(tmp_path / "r.db")
    for table in COLUMNS:
        assert ids(tmp_path / "pq", table) == sorted(r["id"] for r in db[table].rows), table
    claims = pq.read_table(tmp_path / "pq" / "claims.parquet")
    assert str(claims.schema.field("ambiguous").type) == "bool"
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    assert [(a["id"], a["url"], a["text"]) for a in articles] == [
        ("en", None, en.text),
        ("it", "https://example.org/nk", it.text),
    ]
    evidence = pq.read_table(tmp_path / "pq" / "evidence.parquet")
    assert str(evidence.schema.field("start").type) == "int64"


def test_parquet_export_is_idempotent_and_grows(tmp_path):
    it, en = stored("nk-missiles-russia.it"), stored("gm-bankruptcy-126878.en")
    out = write_out(tmp_path / "out.jsonl", line("it", it), FAILED)
    folder = tmp_path / "pq"
    assert main(["export", str(out), "--to", "parquet", str(folder)]) == 0
    first = {t: ids(folder, t) for t in COLUMNS}
    assert len(first["claims"]) == len(it.claims) and first["errors"] == ["broken"]
    assert main(["export", str(out), "--to", "parquet", str(folder)]) == 0  # again: no duplicates
    assert {t: ids(folder, t) for t in COLUMNS} == first
    # a grown OUT from a later run (the failed article retried with success): only the new is added
    write_out(tmp_path / "later.jsonl", line("en", en), line("broken", en))
    assert main(["export", str(tmp_path / "later.jsonl"), "--to", "parquet", str(folder)]) == 0
    assert len(ids(folder, "claims")) == len(it.claims) + 2 * len(en.claims)
    assert ids(folder, "articles") == ["broken", "en", "it"]
    assert ids(folder, "errors") == []
    assert not list(folder.glob(".*partial"))


def test_missing_pyarrow_names_the_extra(tmp_path, monkeypatch, capsys):
    out = write_out(tmp_path / "out.jsonl", FAILED)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an install without the extra sees
    assert main(["export", str(out), "--to", "parquet", str(tmp_path / "pq")]) == 2
    err = capsys.readouterr().err
    assert "llmclaims[parquet]" in err and "Traceback" not in err
    assert not (tmp_path / "pq").exists()


def test_bad_out_line_is_a_clear_error(tmp_path, capsys):
    out = write_out(tmp_path / "out.jsonl", "{not json\n")
    assert main(["export", str(out), "--to", "parquet", str(tmp_path / "pq")]) == 2
    assert "out.jsonl:1 is not a batch result line" in capsys.readouterr().err


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_every_table_row_has_exactly_the_declared_columns(table):
    from llmclaims.export_tables import error_row, tables

    rows = tables("it", stored("nk-missiles-russia.it")).get(table) or [error_row("x", {})]
    assert all(set(r) == set(COLUMNS[table]) for r in rows)
