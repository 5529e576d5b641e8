"""SQLite export of a batch's OUT.jsonl: normalized tables, keys, FTS, idempotent."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import sqlite_utils

from llmclaims.cli import main
from llmclaims.models import ArticleSummary

from .test_render import ROOT, replayed


def line(ident: str, summary) -> str:
    return json.dumps({"id": ident, "summary": json.loads(summary.model_dump_json())}) + "\n"


@cache
def _stored(name: str) -> ArticleSummary:
    summary, text = replayed(name)
    return summary.model_copy(update={"text": text})


def stored(name: str, **update: object) -> ArticleSummary:
    """A replayed summary carrying its article text (as the library stores it), plus `update`."""
    return _stored(name).model_copy(update=update, deep=True)


def write_out(path: Path, *lines: str) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


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
    # written in WAL mode for speed, left in the journal mode it had, with no side files
    assert db.journal_mode == "delete" and not list(tmp_path.glob("results.db-*"))
    db.enable_wal()
    assert main(["export", str(out), "--to", "sqlite", str(db_path)]) == 0
    assert sqlite_utils.Database(db_path).journal_mode == "wal"


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


def _readme_queries() -> list[str]:
    section = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Corpus export")[1]
    block = re.search(r"```sql\n(.*?)```", section, re.S)
    assert block is not None, "the README's export section has no SQL block"
    statements = [s.strip() for s in block.group(1).split(";")]
    return [s for s in statements if re.sub(r"--[^\n]*", "", s).strip()]


def test_readme_queries_answer_the_fact_checkers_questions(tmp_path):
    """The three README queries, run on a real export, return exactly what the summaries say."""
    it, en = stored("nk-missiles-russia.it"), stored("gm-bankruptcy-126878.en")
    out = write_out(tmp_path / "out.jsonl", line("it", it), line("en", en))
    assert main(["export", str(out), "--to", "sqlite", str(tmp_path / "r.db")]) == 0
    db = sqlite_utils.Database(tmp_path / "r.db")
    hedged, outlet, timelines = _readme_queries()

    def anonymous_official(s, i):
        src = s.source(i)
        return src is not None and not src.named and src.kind == "official"

    expected = {
        (a, c.text)
        for a, s in (("it", it), ("en", en))
        for c in s.claims
        if any(anonymous_official(s, i) for i in c.source_ids)
        and {"medium", "high"} & {c.author.hedging, c.source.hedging if c.source else "none"}
    }
    assert expected  # the reference articles hold such claims, so the query is really tested
    assert {(r["article_id"], r["text"]) for r in db.query(hedged)} == expected

    post = {s.id for s in it.sources if "Washington Post" in (s.name or "")}
    via_post = post | {s.id for s in it.sources if s.via in post}
    cited = {c.text for c in it.claims if via_post & set(c.source_ids)}
    assert len(cited) > len([c for c in it.claims if post & set(c.source_ids)])  # `via` counts
    assert {r["text"] for r in db.query(outlet)} == cited

    rows = list(db.query(timelines))
    for article, s in (("it", it), ("en", en)):
        values = [r["value"] for r in rows if r["article_id"] == article]
        assert values == sorted(t.value for t in s.timeline if t.value is not None)


def test_article_text_is_stored_and_searchable(tmp_path):
    it = stored("nk-missiles-russia.it", url="https://example.org/nk", title="Missili")
    out = write_out(tmp_path / "out.jsonl", line("it", it))
    assert main(["export", str(out), "--to", "sqlite", str(tmp_path / "r.db")]) == 0
    db = sqlite_utils.Database(tmp_path / "r.db")
    (row,) = db["articles"].rows
    assert (row["text"], row["url"], row["title"]) == (it.text, "https://example.org/nk", "Missili")
    word = next(w for w in (it.text or "").split() if len(w) > 8 and w.isalpha())
    assert [r["id"] for r in db["articles"].search(word)] == ["it"]


def test_an_article_retried_with_success_leaves_the_errors_table(tmp_path):
    it = stored("nk-missiles-russia.it")
    failed = json.dumps({"id": "it", "error": {"type": "ProviderError", "message": "503"}})
    out = write_out(tmp_path / "out.jsonl", failed + "\n")
    assert main(["export", str(out), "--to", "sqlite", str(tmp_path / "r.db")]) == 0
    write_out(out, line("it", it))
    assert main(["export", str(out), "--to", "sqlite", str(tmp_path / "r.db")]) == 0
    db = sqlite_utils.Database(tmp_path / "r.db")
    assert db["errors"].count == 0 and db["articles"].count == 1


@pytest.mark.parametrize(
    ("fmt", "target", "message"),
    [
        ("parquet", "file.txt", "is a file; --to parquet writes a folder"),
        ("csv", "file.txt", "is a file; --to csv writes a folder"),
        ("sqlite", "folder", "is a folder; --to sqlite writes a file"),
        ("jsonld", "folder", "is a folder; --to jsonld writes a file"),
        ("sqlite", "file.txt", "is not a SQLite database"),
        ("jsonld", "file.txt", "is not a JSON-LD export of llmclaims"),
        ("parquet", "folder", "claims.parquet is not a Parquet file"),
    ],
)
def test_a_wrong_target_is_a_clear_error_and_left_alone(tmp_path, capsys, fmt, target, message):
    (tmp_path / "file.txt").write_text("notes, not ours\n" * 100, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "claims.parquet").write_text("not parquet", encoding="utf-8")
    out = write_out(tmp_path / "out.jsonl", line("it", stored("nk-missiles-russia.it")))
    assert main(["export", str(out), "--to", fmt, str(tmp_path / target)]) == 2
    assert message in capsys.readouterr().err
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "notes, not ours\n" * 100
    assert [p.name for p in (tmp_path / "folder").iterdir()] == ["claims.parquet"]
    assert (tmp_path / "folder" / "claims.parquet").read_text(encoding="utf-8") == "not parquet"
