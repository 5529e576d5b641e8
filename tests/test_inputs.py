"""Bad input is refused before any request is made, with a message that says what to do."""

from __future__ import annotations

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
