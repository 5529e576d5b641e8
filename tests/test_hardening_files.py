"""Files a batch must never damage or misread: the user's own files, OUT inside an input
folder, ids that are not UTF-8, and text that is not text. Each case lost data or stopped a
batch before (see the hardening issue); each runs the real CLI in-process on real files against
the local server."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import llmclaims
from llmclaims.cli import main

from .conftest import ok


def batch(server, out: Path, *inputs: Path, cache: Path | None = None) -> int:
    args = ["batch", *map(str, inputs), "--out", str(out), "--model", "m"]
    args += ["--base-url", server.base_url, "--no-progress"]
    args += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    return main(args)


def test_out_that_is_the_input_feed_is_refused_and_left_intact(serve, tmp_path, capsys):
    server = serve(ok)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "Il governo ha detto che piove."}) + "\n")
    before = feed.read_bytes()
    assert batch(server, feed, feed) == 2
    assert feed.read_bytes() == before
    assert "is also an input" in capsys.readouterr().err
    assert server.count == 0


@pytest.mark.parametrize(
    "content",
    [
        b"my notes\nabout the feed\n",
        b'{"id": "a", "text": "an input line"}\n',
        b'{"id": "a", "summary": {}}\nlast line without newline',
        b"\xff\xfe binary \x00",
    ],
)
def test_an_existing_file_that_is_not_an_out_is_refused_byte_for_byte(
    serve, tmp_path, capsys, content
):
    server = serve(ok)
    article = tmp_path / "a.txt"
    article.write_text("Il governo ha detto che piove.", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_bytes(content)
    assert batch(server, notes, article) == 2
    assert notes.read_bytes() == content
    assert "not an llmclaims results file" in capsys.readouterr().err
    assert server.count == 0


def test_out_inside_the_input_folder_is_never_read_as_an_article(serve, tmp_path):
    server = serve(ok)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("Il governo ha detto che piove.", encoding="utf-8")
    out = folder / "results.txt"
    assert batch(server, out, folder) == 0
    assert batch(server, out, folder) == 0  # the resume sees results.txt in the folder
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["one.txt"]
    assert server.count == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_a_latin1_file_name_gets_a_line_and_resumes(serve, tmp_path):
    server = serve(ok)
    folder = tmp_path / "articles"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # not UTF-8: Python holds the byte as a surrogate
    (folder / name).write_text("Il governo ha detto che piove.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch(server, out, folder) == 0
    assert batch(server, out, folder) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["caf\\xe9.txt"]
    assert "summary" in records[0]
    assert server.count == 1


def test_a_lone_surrogate_id_gets_a_line_and_the_batch_goes_on(serve, tmp_path):
    server = serve(ok)
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "\ud800x", "text": "Il governo ha detto che piove."},
            {"id": "b", "text": "Il ministro ha detto che nevica."}]  # fmt: skip
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out.jsonl"
    assert batch(server, out, feed) == 0
    assert batch(server, out, feed) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == ["\\ud800x", "b"]
    assert server.count == 2


def test_a_lone_surrogate_in_a_str_article_is_an_input_error(serve):
    server = serve(ok)
    with pytest.raises(llmclaims.InputError, match="lone surrogate"):
        llmclaims.summarize("Il governo \udcff ha detto.", model="m", base_url=server.base_url)
    assert server.count == 0


def test_utf16_input_is_named_as_utf16_not_binary(serve):
    server = serve(ok)
    data = "Il governo ha detto che piove.".encode("utf-16")
    with pytest.raises(llmclaims.InputError, match="UTF-16"):
        llmclaims.summarize(data, model="m", base_url=server.base_url)
    assert server.count == 0
