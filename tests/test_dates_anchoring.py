"""Document-level anchoring: "the next day" is read against the last date found before it.

The unit tests call `document_references` on expressions written for them; the pipeline
tests serve the authored answer for the reference Italian article, extended with a
paragraph written for them, from the local server.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import llmclaims
from llmclaims.dates import document_references
from llmclaims.testing import answer_reply

ANSWER = json.loads(
    (Path(__file__).parent / "cassettes" / "answers" / "nk-missiles-russia.it.json").read_text()
)
PUB = dt.date(2024, 1, 5)


def test_references_follow_text_order_not_list_order() -> None:
    entries = [
        (120, "the following week", "Talks resumed the following week."),
        (10, "March 3, 2023", "The board met on March 3, 2023."),
        (60, "that day", "Shares fell that day."),
        (None, "the day after", None),  # not found in the article: no reference
    ]
    refs = document_references(entries, PUB, "en")
    assert refs == ["2023-03-03", None, "2023-03-03", None]


def test_only_calendar_dates_anchor_and_nothing_without_a_publication_date() -> None:
    entries = [
        (0, "2023-03-03", None),
        (10, "recently", None),  # vague: anchors nothing
        (20, "three weeks", None),  # a duration: anchors nothing
        (30, "that day", None),
    ]
    assert document_references(entries, PUB, "en") == [None, "2023-03-03", "2023-03-03",
                                                        "2023-03-03"]  # fmt: skip
    assert document_references(entries, None, "en") == [None, None, None, None]


def _with_paragraph(article: str, next_day_value: str) -> tuple[str, dict]:
    article = (
        article
        + "\n\nIl 3 gennaio Kiev ha chiesto nuove difese. Il giorno dopo Washington ha risposto."
    )
    answer = copy.deepcopy(ANSWER)
    answer["timeline"] += [
        {"expression": "Il 3 gennaio", "value": "2024-01-03", "granularity": "day",
         "anchored": True, "event": "Kiev chiede nuove difese", "claim_ids": [],
         "evidence": ["Il 3 gennaio Kiev ha chiesto nuove difese"]},
        {"expression": "Il giorno dopo", "value": next_day_value, "granularity": "day",
         "anchored": True, "event": "Washington risponde", "claim_ids": [],
         "evidence": ["Il giorno dopo Washington ha risposto"]},
    ]  # fmt: skip
    return article, answer


def _summarize(serve, article: str, answer: dict):
    server = serve(lambda request: answer_reply(request, answer))
    return llmclaims.summarize(
        article, published="2024-01-05", model="m", base_url=server.base_url, cache=False
    )


def test_the_pipeline_verifies_an_anaphoric_date_against_the_previous_one(serve, article_it):
    article, answer = _with_paragraph(article_it, "2024-01-04")
    entry = next(t for t in _summarize(serve, article, answer).timeline
                 if t.expression == "Il giorno dopo")  # fmt: skip
    assert (entry.value, entry.normalized, entry.flags) == ("2024-01-04", "2024-01-04", [])


def test_the_pipeline_flags_a_wrong_value_for_an_anaphoric_date(serve, article_it):
    article, answer = _with_paragraph(article_it, "2024-01-06")
    entry = next(t for t in _summarize(serve, article, answer).timeline
                 if t.expression == "Il giorno dopo")  # fmt: skip
    assert entry.normalized == "2024-01-04"
    assert entry.flags == ["date_disagreement"]
