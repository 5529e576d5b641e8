"""Every quote the issue saw pass silently is flagged in the pipeline: crafted answers served by
the local OpenAI-compatible server, through `llmclaims.summarize`."""

from __future__ import annotations

import pytest

import llmclaims
from llmclaims.testing import answer_reply

ARTICLE = (
    "The carmaker said it will cut 4,300 jobs in France over four years, at a cost of US$27 "
    "billion. North Carolina will keep its eight plants there. Ford has not come forward with "
    "a plan, and the union never agreed to one.\n\n"
    "In a second paragraph, the mayor of Detroit said the city expects three new plants."
)
GROUNDING_FLAGS = {"ungrounded", "fuzzy_match", "evidence_too_short"}

# (quote, the flag its claim must carry): every silent pass of the issue, then a clean one.
CASES = [
    ("300 jobs in France", "ungrounded"),  # inside "4,300": no word boundary
    ("armaker said it will cut 4,300 jobs", "ungrounded"),  # starts mid-word
    ("said it will cut 4,300 jobs in Fran", "ungrounded"),  # ends mid-word
    ("at a cost of US$27 million", "ungrounded"),  # billion -> million
    ("The carmaker said it bill cut 4,300 jobs", "ungrounded"),  # will -> bill
    ("cut 4,300 jobs in France over tour years", "ungrounded"),  # four -> tour
    ("Worth Carolina will keep its eight plants", "ungrounded"),  # North -> Worth
    ("North Carolina will keep its eighty plants there", "ungrounded"),  # eight -> eighty
    ("North Carolina will keep its eight plants three", "ungrounded"),  # there -> three
    ("Ford has ... come forward with a plan", "ungrounded"),  # an ellipsis over "not"
    ("agreed to one ... In a second paragraph", "ungrounded"),  # two paragraphs stitched
    ("the", "evidence_too_short"),  # one word
    ("In a", "evidence_too_short"),  # stop words only
    ("The carmaker said it will cut 4,300 jobs in Frnace", "fuzzy_match"),  # a typo
]
CLEAN = "“Ford has not come forward with a plan”"


def _answer(quotes: list[str], source_evidence: list[str] | None = None) -> dict:
    factuality = {"certainty": "certain", "polarity": "positive", "evidential": "direct"}
    return {
        "language": "en",
        "sources": [
            {
                **dict.fromkeys(("name", "role", "affiliation", "via")),
                "id": "S1",
                "kind": "author",
                "named": False,
                "evidence": source_evidence or [],
            }
        ],
        "claims": [
            {
                "id": f"C{i + 1}",
                "text": "The carmaker said it will cut jobs in France.",
                "ambiguous": False,
                "source_ids": ["S1"],
                "author": {**factuality, "cues": []},
                "source": None,
                "evidence": [quote],
            }
            for i, quote in enumerate(quotes)
        ],
        "timeline": [],
    }


def _summarize(serve, quotes: list[str], policy: str):
    answer = _answer(quotes)
    server = serve(lambda request: answer_reply(request, answer))
    summary = llmclaims.summarize(
        ARTICLE, model="m", base_url=server.base_url, cache=False, grounding=policy, reasks=0
    )
    assert server.count == 1
    return summary


def test_each_silent_pass_is_flagged(serve):
    quotes = [quote for quote, _ in CASES] + [CLEAN]
    summary = _summarize(serve, quotes, "flag")
    claims = {c.id: c for c in summary.claims}
    assert len(claims) == len(quotes)
    for i, (quote, flag) in enumerate(CASES):
        claim = claims[f"C{i + 1}"]
        assert flag in claim.flags, (quote, claim.flags)
    clean = claims[f"C{len(quotes)}"]
    assert not GROUNDING_FLAGS & set(clean.flags)
    assert clean.evidence[0].span.status == "normalized"
    assert clean.evidence[0].span.text == "Ford has not come forward with a plan"


def test_a_fuzzy_match_says_what_differed(serve):
    quote = "The carmaker said it will cut 4,300 jobs in Frnace"
    (claim,) = _summarize(serve, [quote], "flag").claims
    span = claim.evidence[0].span
    assert claim.flags.count("fuzzy_match") == 1
    assert span.status == "fuzzy" and span.text == quote.replace("Frnace", "France")
    assert [(d.kind, d.quote, d.article) for d in span.differences] == [
        ("spelling", "Frnace", "France")
    ]


@pytest.mark.parametrize("policy", ["strict", "keep"])
def test_refused_quotes_follow_the_grounding_policy(serve, policy):
    refused = [quote for quote, flag in CASES if flag == "ungrounded"]
    summary = _summarize(serve, refused, policy)
    if policy == "strict":
        assert summary.claims == []
        assert [d.item["evidence"][0] for d in summary.dropped] == refused
    else:  # kept without a span: a reader sees no evidence was found
        assert [c.evidence[0].span for c in summary.claims] == [None] * len(refused)


def test_short_evidence_in_the_reference_article_is_flagged(serve, article_it):
    answer = _answer(["la", "Kim Jong Un"])
    answer["language"] = "it"
    server = serve(lambda request: answer_reply(request, answer))
    summary = llmclaims.summarize(
        article_it, model="m", base_url=server.base_url, cache=False, reasks=0
    )
    one_word, name = summary.claims
    assert "evidence_too_short" in one_word.flags
    assert one_word.evidence[0].span is not None  # found, but it carries nothing
    assert "evidence_too_short" not in name.flags


@pytest.mark.parametrize(("evidence", "flagged"), [(["Ford"], False), (["In a"], True)])
def test_a_source_may_be_pointed_at_by_its_name_alone(serve, evidence, flagged):
    answer = _answer([CLEAN], source_evidence=evidence)
    server = serve(lambda request: answer_reply(request, answer))
    summary = llmclaims.summarize(
        ARTICLE, model="m", base_url=server.base_url, cache=False, reasks=0
    )
    (source,) = summary.sources
    assert source.evidence[0].span is not None
    assert ("evidence_too_short" in source.flags) is flagged
