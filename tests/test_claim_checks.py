"""A claim's own text checked against the article, through the whole pipeline.

Each test serves a crafted copy of the authored answer for the reference Italian article from a
local server; before these checks, every one of these answers passed with no flag at all.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import llmclaims
from llmclaims.testing import answer_reply

ANSWER = json.loads(
    (Path(__file__).parent / "cassettes" / "answers" / "nk-missiles-russia.it.json").read_text()
)


def run(serve, answer: dict, article: str, published="2024-01-05") -> llmclaims.ArticleSummary:
    server = serve(lambda request: answer_reply(request, answer))
    return llmclaims.summarize(
        article, published=published, model="m", base_url=server.base_url, cache=False
    )


def flags_of(summary: llmclaims.ArticleSummary, claim_id: str) -> list[str]:
    return next(c.flags for c in summary.claims if c.id == claim_id)


def test_a_number_the_article_never_states_is_flagged(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    c1 = answer["claims"][0]
    c1["text"] = c1["text"].replace("missili", "50 missili", 1)
    flags = flags_of(run(serve, answer, article_it), "C1")
    assert flags == ["claim:number_not_in_article:50"]


def test_an_invented_date_is_flagged_but_the_publication_years_are_not(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    c1 = answer["claims"][0]
    # 2023 and 2024 come from resolving "30 dicembre" against 2024-01-05: allowed. 2019 does not.
    assert "2023" in c1["text"] and "2023" not in article_it
    c1["text"] = "Il 3 gennaio 2019 " + c1["text"]
    flags = flags_of(run(serve, answer, article_it), "C1")
    assert "claim:number_not_in_article:2019" in flags
    assert not any(f.endswith((":2023", ":2024")) for f in flags)


def test_a_name_from_nowhere_in_the_article_is_flagged(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    answer["claims"][1]["text"] = "Secondo il Venezuela, " + answer["claims"][1]["text"]
    flags = flags_of(run(serve, answer, article_it), "C2")
    assert flags == ["claim:name_not_in_article:Venezuela"]


def test_names_from_elsewhere_in_the_same_article_are_not_flagged(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    # Decontextualization: "Kofman" stands in another paragraph than C2's evidence.
    answer["claims"][1]["text"] = "Michael Kofman: " + answer["claims"][1]["text"]
    assert flags_of(run(serve, answer, article_it), "C2") == []


def test_a_negation_in_the_evidence_turned_into_an_assertion_is_flagged(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    c5 = next(c for c in answer["claims"] if c["id"] == "C5")
    assert "non" in c5["evidence"][0]
    c5["text"] = "Il dispiegamento di missili balistici nordcoreani era stato riportato."
    flags = flags_of(run(serve, answer, article_it), "C5")
    assert "author:negation_ignored" in flags


def test_a_denial_without_any_negation_or_cue_is_flagged(serve, article_it):
    answer = copy.deepcopy(ANSWER)
    c4 = next(c for c in answer["claims"] if c["id"] == "C4")
    c4["author"] = {**c4["author"], "polarity": "negative", "cues": []}
    flags = flags_of(run(serve, answer, article_it), "C4")
    assert "author:negative_without_cue" in flags
    # With a cue the article contains, the denial is grounded and not flagged.
    c4["author"]["cues"] = ["Le nostre informazioni indicano"]
    assert "author:negative_without_cue" not in flags_of(run(serve, answer, article_it), "C4")
