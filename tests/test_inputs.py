"""Bad input is refused before any request is made, with a message that says what to do."""

from __future__ import annotations

import re

import pytest

import llmclaims

from .conftest import ok


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "empty"),
        ("   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("abc\x00def", "binary"),
        ("\x01\x02\x03\x04 some text \x05\x06", "binary"),
        ("Caff\xe8 al bar".encode("latin-1"), "not valid UTF-8"),
        ("x" * 200_001, "too long"),
        ("<html><body><p>Hello</p><p>World</p></body></html>", "HTML"),
        (12345, "str or bytes"),
    ],
)
def test_bad_input_is_refused_without_a_request(serve, text, match):
    server = serve(ok)
    summarizer = llmclaims.Summarizer(
        model="m", base_url=server.base_url, cache=False, max_chars=200_000
    )
    with pytest.raises(llmclaims.InputError, match=match):
        summarizer.summarize(text)
    assert server.count == 0


def test_utf8_bytes_and_bom_are_accepted(serve):
    server = serve(ok)
    summarizer = llmclaims.Summarizer(model="m", base_url=server.base_url, cache=False)
    text = "Il ministro ha detto che è così."
    summary = summarizer.summarize("\ufeff".encode() + text.encode())
    assert summary.claims[0].evidence[0].span.text == text


def test_bad_published_date_is_refused(serve):
    server = serve(ok)
    summarizer = llmclaims.Summarizer(model="m", base_url=server.base_url, cache=False)
    with pytest.raises(llmclaims.InputError, match="YYYY-MM-DD"):
        summarizer.summarize("A sentence.", published="5 gennaio")
    assert server.count == 0


def test_text_that_mentions_html_is_not_refused(serve):
    server = serve(ok)
    summarizer = llmclaims.Summarizer(model="m", base_url=server.base_url, cache=False)
    summary = summarizer.summarize("The <p> tag was invented in 1993, the engineer said.")
    assert summary.claims


# -- batch inputs: JSONL rows with html or url, the default date, inputs without articles -----

import json  # noqa: E402
import logging  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

from llmclaims.batch import Article, BatchResult, summarize_many  # noqa: E402
from llmclaims.inputs import PageRef, read_inputs, scan_ids  # noqa: E402

from .test_webpage import PAGES, site  # noqa: E402, F401  # the local page server

DEFAULT = date(2024, 6, 1)


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return path


def test_jsonl_rows_with_html_or_url_become_articles(site, tmp_path):  # noqa: F811
    """Before: a row with only a `url` (or `html`) was an error line."""
    feed = _jsonl(
        tmp_path / "feed.jsonl",
        [
            {"id": "html", "html": (PAGES / "it_news.html").read_text(encoding="utf-8")},
            {"id": "url", "url": f"{site}/en"},
            {"id": "own", "url": f"{site}/en", "published": "2024-04-01", "title": "Row title"},
            {"id": "gone", "url": f"{site}/missing"},
            {"id": "text", "text": "The mayor said the bridge reopens on Friday."},
            {"id": "both", "text": "x", "html": "<p>x</p>"},
            {"id": "none", "published": "2024-01-01"},
        ],
    )
    assert scan_ids([feed]) == ["html", "url", "own", "gone", "text", "both", "none"]
    items = list(read_inputs([feed], published=DEFAULT))
    assert [type(i).__name__ for i in items] == [
        "Article", "PageRef", "PageRef", "PageRef", "Article", "BatchResult", "BatchResult"
    ]  # fmt: skip
    html, url, own, gone, text, both, none = items
    assert "informazioni inconfutabili" in html.text and "Accetta" not in html.text
    assert (html.published, html.title[:9]) == ("2024-01-05", "Mar Rosso")  # the page's date
    assert isinstance(url, PageRef) and isinstance(own, PageRef) and isinstance(gone, PageRef)
    fetched = url.fetch()
    assert isinstance(fetched, Article) and "Maria Lopez" in fetched.text
    assert (fetched.id, fetched.published, fetched.title) == (
        "url",
        "2024-03-14",  # the page's own date beats the batch default
        "Port strike ends after nine days",
    )
    mine = own.fetch()
    assert (mine.published, mine.title) == ("2024-04-01", "Row title")  # the row's own wins
    failed = gone.fetch()
    assert isinstance(failed, BatchResult) and "HTTP 404" in str(failed.error)
    assert failed.id == "gone" and failed.url == f"{site}/missing"
    assert text.published == DEFAULT  # no date of its own: the batch's
    assert 'both "text" and "html"' in str(both.error)
    assert 'no "text" string (nor "html" or "url")' in str(none.error)


def test_default_date_only_where_an_input_has_none(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said the bridge reopens on Friday.")
    (tmp_path / "page.html").write_bytes((PAGES / "it_news.html").read_bytes())
    undated = (PAGES / "en_news.html").read_text(encoding="utf-8")
    undated = undated.replace("2024-03-14T18:05:00Z", "")
    (tmp_path / "undated.html").write_text(undated, encoding="utf-8")
    by_id = {i.id: i for i in read_inputs([tmp_path], published=DEFAULT)}
    assert by_id["a.txt"].published == DEFAULT
    assert by_id["page.html"].published == "2024-01-05"
    assert by_id["undated.html"].published == DEFAULT
    assert {i.id: i.published for i in read_inputs([tmp_path])}["a.txt"] is None


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "holds no article: articles are *.txt and *.html files (it is empty)"),
        ({"a.pdf": b"%PDF", "b.docx": b"PK", "c.pdf": b"%PDF"}, "it has 2 .pdf, 1 .docx"),
    ],
)
def test_folder_without_articles_refuses_to_start(tmp_path, files, message):
    """Before: "0 of 0 articles", exit 0."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with pytest.raises(llmclaims.ConfigurationError, match=re.escape(message)):
        scan_ids([folder])


def test_empty_jsonl_refuses_to_start(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n  \n")
    with pytest.raises(llmclaims.ConfigurationError, match=r"feed\.jsonl holds no article"):
        scan_ids([feed])


def test_other_files_in_a_folder_are_skipped_with_one_warning(tmp_path, caplog):
    (tmp_path / "a.txt").write_text("The mayor said the bridge reopens on Friday.")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    with caplog.at_level(logging.WARNING, logger="llmclaims"):
        assert scan_ids([tmp_path]) == ["a.txt"]
    assert "skipped 1 file(s) that are no article (1 .pdf)" in caplog.text


# -- the summary records its source -----------------------------------------------------------


def _spans_index(summary) -> None:
    spans = [e.span for c in summary.claims for e in c.evidence if e.span is not None]
    assert spans
    for span in spans:
        assert summary.text[span.start : span.end] == span.text


def test_summary_keeps_the_exact_text_its_offsets_refer_to(serve, tmp_path):
    server = serve(ok)
    summarizer = llmclaims.Summarizer(model="m", base_url=server.base_url, cache_dir=tmp_path)
    text = "Il ministro ha detto che è così."
    fresh = summarizer.summarize("\ufeff".encode() + text.encode())
    cached = summarizer.summarize(text)
    assert cached.metadata.cached
    for summary in (fresh, cached):
        assert summary.text == text  # without the BOM: the offsets count from here
        _spans_index(summary)
        assert summary.url is None and summary.title is None


async def test_summarize_many_records_url_and_title_also_when_cached(serve, tmp_path):
    server = serve(ok)
    articles = [
        Article(id="a", text="The mayor said the bridge reopens.", url="https://x.example/a"),
        Article(id="b", text="Officials said the port reopened.", title="Port reopens"),
    ]
    config = {"model": "m", "base_url": server.base_url, "cache_dir": tmp_path}
    for _ in range(2):
        results = {r.id: r async for r in summarize_many(articles, **config)}
        assert (results["a"].summary.url, results["a"].summary.title) == (
            "https://x.example/a",
            None,
        )
        assert (results["b"].summary.url, results["b"].summary.title) == (None, "Port reopens")
        assert results["b"].summary.text == "Officials said the port reopened."
    assert results["a"].cached and server.count == 2


async def test_summarize_and_asummarize_record_url_and_title(serve, tmp_path):
    server = serve(ok)
    source = {"url": "https://x.example/story", "title": "The story"}
    config = {"model": "m", "base_url": server.base_url, "cache_dir": tmp_path}
    text = "The mayor said the bridge reopens on Friday."
    fresh = llmclaims.summarize(text, **source, **config)
    cached = await llmclaims.Summarizer(**config).asummarize(text, **source)
    plain = await llmclaims.asummarize(text, **config)
    assert (fresh.metadata.cached, cached.metadata.cached, server.count) == (False, True, 1)
    for summary in (fresh, cached):
        assert (summary.url, summary.title, summary.text) == (*source.values(), text)
    assert (plain.url, plain.title, plain.text) == (None, None, text)
