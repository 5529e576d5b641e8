"""SQLite export of a batch's OUT.jsonl: normalized tables, keys, FTS, idempotent."""

from __future__ import annotations

import json

import sqlite_utils

from llmclaims.cli import main

from .test_render import replayed


def line(ident: str, summary) -> str:
    return json.dumps({"id": ident, "summary": json.loads(summary.model_dump_json())}) + "\n"


def test_sqlite_export_is_normalized_searchable_and_idempotent(tmp_path):
    it, _ = replayed("nk-missiles-russia.it")
    en, _ = replayed("gm-bankruptcy-126878.en")
    out = tmp_path / "out.jsonl"
    db_path = tmp_path / "results.db"
    error = {"id": "broken", "error": {"type": "ProviderError", "message": "503"}}
    out.write_text(line("it", it) + json.dumps(error) + "\n", encoding="utf-8")
    assert main(["export", str(out), "--to", "sqlite", str(db_path)]) == 0
    db = sqlite_utils.Database(db_path)
    assert db["claims"].count == len(it.claims) and db["errors"].count == 1
    assert db["sources"].count == len(it.sources)
    assert {fk.other_table for fk in db["claim_sources"].foreign_keys} == {"claims", "sources"}
    word = it.claims[0].text.split()[3]
    assert list(db["claims"].search(word))
    assert main(["export", str(out), "--to", "sqlite", str(db_path)]) == 0  # again: no duplicates
    assert db["claims"].count == len(it.claims)
    with out.open("a", encoding="utf-8") as f:  # grown OUT: only the new article is added
        f.write(line("en", en))
    assert main(["export", str(out), "--to", "sqlite", str(db_path)]) == 0
    assert db["claims"].count == len(it.claims) + len(en.claims)
    assert db["articles"].count == 2


def test_bad_line_is_a_clear_error(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("not json\n", encoding="utf-8")
    assert main(["export", str(out), "--to", "sqlite", str(tmp_path / "r.db")]) == 2
    assert "out.jsonl:1 is not a batch result line" in capsys.readouterr().err


def test_csv_export_writes_one_file_per_table(tmp_path):
    it, _ = replayed("nk-missiles-russia.it")
    out = tmp_path / "out.jsonl"
    out.write_text(line("it", it), encoding="utf-8")
    for _ in range(2):
        assert main(["export", str(out), "--to", "csv", str(tmp_path / "csv")]) == 0
    claims = (tmp_path / "csv" / "claims.csv").read_text(encoding="utf-8").splitlines()
    assert claims[0].startswith("id,") and len(claims) == len(it.claims) + 1
    assert (tmp_path / "csv" / "timeline.csv").exists()
    assert not list((tmp_path / "csv").glob("*_fts*.csv"))
