"""The trust layer in the pipeline: evidence, hedge cues and dates checked on real answers.

Each test serves the authored answer for the reference Italian article (or a damaged copy of
it) from a local server and checks what `summarize` makes of it.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import llmclaims
from llmclaims.assemble import resolve_date
from llmclaims.testing import answer_reply

ANSWER = json.loads(
    (Path(__file__).parent / "cassettes" / "answers" / "nk-missiles-russia.it.json").read_text()
)


def claim(answer: dict, containing: str) -> dict:
    return next(c for c in answer["claims"] if any(containing in q for q in c["evidence"]))


def summarize(serve, answer: dict, article: str, *, published="2024-01-05", **kw):
    server = serve(lambda request: answer_reply(request, answer))
    options = {"model": "m", "base_url": server.base_url, "cache": False, **kw}
    return llmclaims.summarize(article, published=published, **options), server


def test_authored_answer_passes_every_check(serve, article_it):
    summary, server = summarize(serve, ANSWER, article_it)
    assert server.count == 1
    flagged = [
        (i.flags, getattr(i, "id", None)) for i in (*summary.sources, *summary.claims) if i.flags
    ]
    assert flagged == []
    # Two defensible readings of one expression stay visible, not silently merged:
    dates = {t.expression: t for t in summary.timeline if t.flags}
    assert {e: t.flags for e, t in dates.items()} == {
        "terzo anno solare": ["date_unverified"],  # no rule reads it: said, not passed silently
        "da qui ai prossimi mesi": ["date_disagreement"],
    }
    # Every expression is the article's own words, located inside its evidence.
    for t in summary.timeline:
        span = t.expression_span
        assert span is not None and article_it[span.start : span.end] == span.text
        assert any(e.span and e.span.start <= span.start < e.span.end for e in t.evidence)
    entry = dates["da qui ai prossimi mesi"]
    assert entry.flags == ["date_disagreement"]
    assert (entry.value, entry.model_value, entry.normalized) == ("FUTURE_REF", "FUTURE_REF", "PXM")


def test_quote_variants_in_the_reference_article_are_grounded(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    c = claim(answer, "conseguente e preoccupante escalation")
    c["evidence"] = ['"conseguente e preoccupante escalation"', "È questa l'accusa rivolta"]
    summary, _ = summarize(serve, answer, article_it)
    found = next(x for x in summary.claims if x.id == c["id"])
    spans = [e.span for e in found.evidence]
    assert spans[0].status == "normalized"
    assert spans[0].text == '" conseguente e preoccupante escalation "'
    assert spans[1].text == "È questa l’accusa rivolta"
    assert not found.flags


@pytest.mark.parametrize(
    ("policy", "kept", "flags", "dropped"),
    [("flag", True, ["ungrounded"], 0), ("keep", True, [], 0), ("strict", False, None, 1)],
)
def test_grounding_policies_never_lose_an_item_silently(
    serve, article_it, policy, kept, flags, dropped
):
    answer = copy.deepcopy(ANSWER)
    target = claim(answer, "inconfutabili")
    target["evidence"] = ["Kirby ha mostrato le prove ai giornalisti."]  # not in the article
    summary, server = summarize(serve, answer, article_it, grounding=policy, reasks=1)
    assert server.count == 2  # re-asked once with the failing quote, then the policy decides
    assert "Kirby ha mostrato le prove ai giornalisti." in json.dumps(
        server.requests[1].json()["messages"][2:], ensure_ascii=False
    )
    ids = {c.id: c for c in summary.claims}
    assert (target["id"] in ids) is kept
    if kept:
        assert ids[target["id"]].flags == flags
        assert ids[target["id"]].evidence[0].span is None
    assert len(summary.dropped) == dropped
    if dropped:
        assert summary.dropped[0].id == target["id"]
        assert summary.dropped[0].item["evidence"] == target["evidence"]
    assert len(summary.claims) + len(summary.dropped) == len(ANSWER["claims"])


def test_hedge_called_certain_is_flagged(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    target = claim(answer, "avrebbe colpito")
    target["author"] = {
        "certainty": "certain",
        "polarity": "positive",
        "evidential": "direct",
        "cues": [],
    }
    summary, _ = summarize(serve, answer, article_it)
    found = next(c for c in summary.claims if c.id == target["id"])
    assert "author:unflagged_hedge" in found.flags
    assert found.author.hedging == "none"  # the label is the model's; the flag is ours


def test_cue_that_is_not_in_the_text_is_flagged(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    target = claim(answer, "avrebbe colpito")
    target["author"]["cues"] = ["presumibilmente"]
    summary, _ = summarize(serve, answer, article_it)
    found = next(c for c in summary.claims if c.id == target["id"])
    assert "author:cue_not_in_text:presumibilmente" in found.flags


def test_dates_without_publication_date_never_invent_a_year(serve, article_it):
    summary, _ = summarize(serve, ANSWER, article_it, published=None)
    by_expression = {t.expression: t for t in summary.timeline}
    november = by_expression["lo scorso novembre"]
    assert november.model_value == "2023-11"
    assert november.value == "XXXX-11"
    assert "date_invented_year" in november.flags
    for entry in summary.timeline:
        for year in ("2023", "2024"):
            assert entry.value is None or year not in entry.value, entry


@pytest.mark.parametrize(
    ("expression", "model_value", "published", "value", "flags"),
    [
        ("lo scorso novembre", "2023-11", "2024-01-05", "2023-11", []),
        ("lo scorso novembre", "2023-11", None, "XXXX-11", ["date_invented_year"]),
        (
            "Tra il 30 dicembre e il 2 gennaio",
            "2023-12-30/2024-01-02",
            "2024-01-05",
            "2023-12-30/2024-01-02",
            [],
        ),
        ("lo scorso novembre", "November 2023", "2024-01-05", "2023-11", ["date_malformed"]),
        ("lo scorso novembre", None, "2024-01-05", "2023-11", []),
        ("lo scorso novembre", "2022-11", "2024-01-05", "2022-11", ["date_disagreement"]),
    ],
)
def test_date_resolution_rule(expression, model_value, published, value, flags):
    from datetime import date

    day = date.fromisoformat(published) if published else None
    got_value, _, got_flags = resolve_date(expression, model_value, day, "it")
    assert (got_value, got_flags) == (value, flags)


def test_timeline_expression_the_article_does_not_contain_is_flagged(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    entry = answer["timeline"][0]
    entry["expression"] = "il 3 gennaio 2019"  # invented: nowhere in the article
    entry["value"] = "2019-01-03"
    summary, _ = summarize(serve, answer, article_it)
    found = summary.timeline[0]
    assert found.expression_span is None
    assert "expression_not_found" in found.flags


def test_value_the_normalizer_cannot_verify_is_flagged_not_passed(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    entry = answer["timeline"][0]
    quote = entry["evidence"][0]
    entry["expression"] = "quel giorno"  # an anaphor: any value would pass unchecked
    entry["value"] = "2021-07-14"
    entry["evidence"] = [quote]
    article = article_it.replace(quote, quote + " Quel giorno.", 1)
    summary, _ = summarize(serve, answer, article)
    found = summary.timeline[0]
    assert found.normalized is None and found.value == "2021-07-14"
    assert "date_unverified" in found.flags
    assert found.expression_span is not None
    assert found.expression_span.text == "Quel giorno"
