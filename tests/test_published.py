"""One parse of the publication date everywhere: library, CLI, batch inputs, normalize_date."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

import llmclaims
from llmclaims.cli import main
from llmclaims.published import parse_published


@pytest.mark.parametrize(
    ("given", "day"),
    [
        (date(2024, 1, 5), date(2024, 1, 5)),
        (datetime(2024, 1, 5, 23, 30, tzinfo=timezone.utc), date(2024, 1, 5)),
        ("2024-01-05", date(2024, 1, 5)),
        (" 2024-01-05 ", date(2024, 1, 5)),
        ("2024-01-05T09:30:00Z", date(2024, 1, 5)),
        ("2024-01-05 09:30+01:00", date(2024, 1, 5)),
        ("2024-01-05T09:30:00.123456+0100", date(2024, 1, 5)),
        ("Thu, 04 Jun 2009 09:30:00 GMT", date(2009, 6, 4)),
        ("Fri, 05 Jan 2024 18:00:00 +0100", date(2024, 1, 5)),
        (None, None),
    ],
)
def test_accepted_forms(given, day):
    assert parse_published(given) == day


@pytest.mark.parametrize(
    "given", ["2024-01-05garbage", "2024-01-05 garbage", "2024-13-01", "05/01/2024", "yesterday", 5]
)
def test_everything_else_is_refused_not_guessed(given):
    with pytest.raises(llmclaims.InputError, match="RFC 2822"):
        parse_published(given)


def test_normalize_date_and_the_cli_read_the_same_forms(tmp_path, capsys):
    rss = "Thu, 04 Jun 2009 09:30:00 GMT"
    assert llmclaims.normalize_date("yesterday", published=rss, lang="en").value == "2009-06-03"
    with pytest.raises(ValueError, match="published must be"):
        llmclaims.normalize_date("yesterday", published="2024-01-05 garbage", lang="en")
    article = tmp_path / "a.txt"
    article.write_text("The mayor spoke yesterday.", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["summarize", str(article), "--published", "2024-01-05garbage", "--model", "m"])
    assert stop.value.code == 2
    assert "RFC 2822" in capsys.readouterr().err
