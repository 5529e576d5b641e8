"""The response cache: one paid answer per article, no secrets, bad entries harmless."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import diskcache

import llmclaims
from llmclaims.cache import _mac, _secret, cache_key
from llmclaims.prompt_files import load_prompt

from .conftest import SECRET, ok

TEXT = "The mayor said on Friday that the new tram line will open in 2026."


def make(server, cache_dir: Path, **kw):
    options = {"model": "m", "base_url": server.base_url, "cache_dir": cache_dir, "api_key": SECRET}
    return llmclaims.Summarizer(**{**options, **kw})


def test_second_call_makes_no_request(serve, tmp_path):
    server = serve(ok)
    first = make(server, tmp_path).summarize(TEXT, published="2024-03-01")
    again = make(server, tmp_path).summarize(TEXT, published="2024-03-01")
    assert server.count == 1
    assert not first.metadata.cached and again.metadata.cached
    assert again.metadata.requests == 0
    assert again.claims == first.claims
    assert again.metadata.usage == first.metadata.usage  # what the answer cost, once


def test_key_covers_what_changes_the_answer(serve, tmp_path):
    server = serve(ok)
    base = make(server, tmp_path)
    base.summarize(TEXT, published="2024-03-01")
    base.summarize(TEXT, published="2024-03-02")
    base.summarize(TEXT + " More.", published="2024-03-01")
    make(server, tmp_path, model="other").summarize(TEXT, published="2024-03-01")
    make(server, tmp_path, temperature=0.2).summarize(TEXT, published="2024-03-01")
    make(server, tmp_path, mode="json").summarize(TEXT, published="2024-03-01")
    assert server.count == 6
    keys = set()
    for kw in ({}, {"model": "x"}, {"mode": "tools"}, {"max_tokens": 9}):
        settings = make(server, tmp_path, **kw).settings
        keys.add(cache_key(settings, load_prompt(), TEXT, None))
    assert len(keys) == 4


def test_api_key_is_not_in_the_key_nor_in_any_entry(serve, tmp_path):
    server = serve(ok)
    make(server, tmp_path).summarize(TEXT)
    make(server, tmp_path, api_key="sk-other-" + "x" * 40).summarize(TEXT)
    assert server.count == 1  # a different key does not change the answer
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_corrupted_entry_is_ignored_and_replaced(serve, tmp_path):
    server = serve(ok)
    summarizer = make(server, tmp_path)
    summarizer.summarize(TEXT)
    key = cache_key(summarizer.settings, load_prompt(), TEXT, None)
    with diskcache.Cache(str(tmp_path)) as raw:
        for damaged in ("{not json", json.dumps({"format": 1, "wire": "{}"}), 42):
            raw.set(key, damaged)
            again = make(server, tmp_path).summarize(TEXT)
            assert not again.metadata.cached
    assert server.count == 4
    assert make(server, tmp_path).summarize(TEXT).metadata.cached


def test_stale_format_entry_is_a_miss(serve, tmp_path):
    server = serve(ok)
    summarizer = make(server, tmp_path)
    summarizer.summarize(TEXT)
    key = cache_key(summarizer.settings, load_prompt(), TEXT, None)
    with diskcache.Cache(str(tmp_path)) as raw:
        entry = json.loads(raw.get(key)[64:])
        entry["format"] = 0
        text = json.dumps(entry)
        raw.set(key, _mac(_secret(), key, text) + text)  # signed: only the format is stale
    assert not make(server, tmp_path).summarize(TEXT).metadata.cached
    assert server.count == 2


def test_unusable_cache_directory_is_not_fatal(serve, tmp_path):
    server = serve(ok)
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    summary = make(server, blocker).summarize(TEXT)
    assert summary.claims


def test_cache_can_be_switched_off(serve, tmp_path):
    server = serve(ok)
    off = llmclaims.Summarizer(model="m", base_url=server.base_url, cache=False)
    off.summarize(TEXT)
    off.summarize(TEXT)
    assert server.count == 2
    assert off.cache is None


def test_default_cache_dir_comes_from_the_environment(serve, tmp_path, monkeypatch):
    monkeypatch.setenv("LLMCLAIMS_CACHE_DIR", str(tmp_path / "env-cache"))
    server = serve(ok)
    summarizer = llmclaims.Summarizer(model="m", base_url=server.base_url)
    assert summarizer.settings.cache_dir == tmp_path / "env-cache"
    summarizer.summarize(TEXT)
    assert (tmp_path / "env-cache").is_dir()


def _tamper(tmp_path: Path, key: str, **columns: object) -> None:
    sets = ", ".join(f"{name} = ?" for name in columns)
    with sqlite3.connect(tmp_path / "cache.db") as db:
        db.execute(f"UPDATE Cache SET {sets} WHERE key = ?", (*columns.values(), key))


def test_a_pickled_row_is_never_unpickled(serve, tmp_path):
    import pickle

    server = serve(ok)
    make(server, tmp_path).summarize(TEXT)
    key = cache_key(make(server, tmp_path).settings, load_prompt(), TEXT, None)
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    _tamper(tmp_path, key, mode=diskcache.core.MODE_PICKLE, value=pickle.dumps(Payload()))
    summary = make(server, tmp_path).summarize(TEXT)
    assert not marker.exists()
    assert not summary.metadata.cached and server.count == 2  # a miss, answered again


def test_a_row_naming_a_file_outside_the_cache_never_touches_it(serve, tmp_path):
    server = serve(ok)
    cache_dir = tmp_path / "cache"
    make(server, cache_dir).summarize(TEXT)
    key = cache_key(make(server, cache_dir).settings, load_prompt(), TEXT, None)
    victim_dir = tmp_path / "precious"
    victim_dir.mkdir()
    victim = victim_dir / "thesis.txt"
    victim.write_text("years of work")
    _tamper(cache_dir, key, mode=diskcache.core.MODE_TEXT, filename=str(victim), value=None)
    summary = make(server, cache_dir).summarize(TEXT)
    assert victim.read_text() == "years of work" and victim_dir.is_dir()
    assert not summary.metadata.cached


def test_a_forged_entry_is_not_served_as_cached(serve, tmp_path):
    server = serve(ok)
    make(server, tmp_path).summarize(TEXT)
    key = cache_key(make(server, tmp_path).settings, load_prompt(), TEXT, None)
    with diskcache.Cache(str(tmp_path)) as raw:
        signed = raw.get(key)
        entry = json.loads(signed[64:])
        wire = json.loads(entry["wire"])
        wire["claims"][0]["text"] = "The mayor resigned."  # forged answer, old signature
        entry["wire"] = json.dumps(wire)
        raw.set(key, signed[:64] + json.dumps(entry))
    summary = make(server, tmp_path).summarize(TEXT)
    assert not summary.metadata.cached and server.count == 2
    assert all(c.text != "The mayor resigned." for c in summary.claims)


def test_a_damaged_database_is_moved_aside_and_replaced(serve, tmp_path, caplog):
    server = serve(ok)
    make(server, tmp_path).summarize(TEXT)
    (tmp_path / "cache.db").write_bytes(b"this is not a database" * 100)
    with caplog.at_level("WARNING", logger="llmclaims"):
        make(server, tmp_path).summarize(TEXT)
    assert "moved it to cache.db.damaged-" in caplog.text
    assert list(tmp_path.glob("cache.db.damaged-*"))
    again = make(server, tmp_path).summarize(TEXT)  # repaired: the next run is cached again
    assert again.metadata.cached and server.count == 2
