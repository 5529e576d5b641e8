"""Factuality, attribution, grounding and flag rates, pooled figures and bootstrap intervals, on
small hand-made cases; each expected figure is derived in a comment next to it."""

from __future__ import annotations

from typing import Any

import pytest

from llmclaims.evaluation.attribution import attribution_counts
from llmclaims.evaluation.corpus import METRICS, bootstrap_ci, evaluate_run
from llmclaims.evaluation.factuality import factuality_counts
from llmclaims.evaluation.gold import GoldArticle
from llmclaims.evaluation.matching import match_claims
from llmclaims.evaluation.rates import flag_family, rate_counts
from llmclaims.models import ArticleSummary

# Offsets:  0         1         2         3         4         5         6
#           0123456789012345678901234567890123456789012345678901234567890123456789
TEXT = "Kirby said the plant closed. Unions may strike. The Post says Kofman quit."
PLANT = (11, 28)  # "the plant closed."
STRIKE = (29, 47)  # "Unions may strike."
QUIT = (62, 74)  # "Kofman quit."


def span(bounds: tuple[int, int], status: str = "exact") -> dict[str, Any]:
    start, end = bounds
    return {"start": start, "end": end, "text": TEXT[start:end], "status": status}


def fact(certainty: str, polarity: str = "positive", evidential: str = "direct") -> dict:
    return {"certainty": certainty, "polarity": polarity, "evidential": evidential, "cues": []}


def claim(ident: str, spans: list[tuple[int, int] | None], **kw: Any) -> dict[str, Any]:
    evidence = [
        {"quote": TEXT[s[0] : s[1]] if s else "not in the text", "span": span(s) if s else None}
        for s in spans
    ]
    return {
        "id": ident,
        "text": ident,
        "ambiguous": False,
        "source_ids": kw.get("source_ids", []),
        "author": kw.get("author", fact("certain")),
        "source": kw.get("source"),
        "evidence": evidence,
        "flags": kw.get("flags", []),
    }


def source(ident: str, name: str | None, kind: str = "person", **kw: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "name": name,
        "kind": kind,
        "named": name is not None,
        "role": None,
        "affiliation": None,
        "via": kw.get("via"),
        "evidence": kw.get("evidence", []),
        "flags": kw.get("flags", []),
    }


def summary(claims: list[dict], sources: list[dict] | None = None, **kw: Any) -> ArticleSummary:
    return ArticleSummary.model_validate(
        {
            "language": "en",
            "sources": sources or [],
            "claims": claims,
            "timeline": kw.pop("timeline", []),
            "metadata": {"model": "m", "endpoint": "e", "mode": "tools", "prompt_version": "1"},
            **kw,
        }
    )


def gold(
    claims: list[dict], sources: list[dict] | None = None, events: list[dict] | None = None
) -> GoldArticle:
    return GoldArticle.model_validate(
        {
            "id": "a",
            "text": TEXT,
            "claims": claims,
            "sources": sources or [],
            "events": events or [],
        }
    )


def gclaim(bounds: tuple[int, int], **kw: Any) -> dict[str, Any]:
    return {"evidence": {"start": bounds[0], "end": bounds[1]}, **kw}


def test_claims_pair_one_to_one_by_largest_overlap() -> None:
    g = gold([gclaim(PLANT), gclaim(STRIKE)])
    pred = summary(
        [
            claim("wide", [(11, 47)]),  # shares 17 chars with PLANT, 18 with STRIKE
            claim("plant", [(15, 28)]),  # shares 13 chars with PLANT
            claim("lost", [None]),  # ungrounded: pairs with nothing
        ]
    )
    # Largest overlap first: (STRIKE, wide) = 18; then PLANT's best unused claim is "plant"
    # (13; "wide" is taken). Pairs sorted by gold index: (0, 1), (1, 0).
    assert match_claims(g.claims, pred.claims) == [(0, 1), (1, 0)]


def test_factuality_agreement_per_party() -> None:
    g = gold(
        [
            gclaim(
                PLANT,
                author={"certainty": "certain", "polarity": "positive", "evidential": "reported"},
                source_factuality={"certainty": "certain", "polarity": "positive"},
            ),
            gclaim(
                STRIKE,
                author={"certainty": "possible", "polarity": "positive", "evidential": "direct"},
                source_factuality={"certainty": "probable", "polarity": "negative"},
            ),
        ]
    )
    pred = summary(
        [
            # author: certain, positive, reported -> hedging "low" (certain, relayed); gold
            # reported certain -> "low" too. Source: certain positive, equal to gold.
            claim(
                "c1", [PLANT], author=fact("certain", evidential="reported"), source=fact("certain")
            ),
            # author: probable (gold possible): certainty differs; polarity equal; hedging
            # "medium" vs gold possible -> "high": differs. No source factuality at all.
            claim("c2", [STRIKE], author=fact("probable")),
        ]
    )
    counts = factuality_counts(g, pred)
    # author: 2 pairs; certainty agrees on c1 only (1), polarity on both (2), hedging on c1 (1).
    assert (counts["author_n"], counts["author_certainty"], counts["author_polarity"]) == (2, 1, 2)
    assert (counts["author_hedging_n"], counts["author_hedging"]) == (2, 1)
    # source: 2 gold values; c1 agrees on certainty and polarity, c2 has none (disagrees);
    # no gold evidential, so no hedging is scored.
    assert (counts["source_n"], counts["source_certainty"], counts["source_polarity"]) == (2, 1, 1)
    assert counts["source_hedging_n"] == 0


def test_event_factuality_uses_the_claim_whose_span_holds_the_event() -> None:
    events = [
        # "may" (36-39) in STRIKE: POSSIBLE, POS
        {"span": {"start": 36, "end": 39}, "certainty": "POSSIBLE", "polarity": "POS"},
        # "closed" (21-27) in PLANT: CERTAIN, POS
        {"span": {"start": 21, "end": 27}, "certainty": "CERTAIN", "polarity": "POS"},
        # "quit" (69-73): no predicted span holds it
        {"span": {"start": 69, "end": 73}, "certainty": "CERTAIN", "polarity": "NEG"},
        # a TimeML event without factuality: not scored
        {"span": {"start": 6, "end": 10}},
    ]
    g = gold([], events=events)
    pred = summary(
        [
            claim("both", [(11, 47)], author=fact("certain")),  # holds "may" and "closed"
            claim("strike", [STRIKE], author=fact("possible")),  # the shortest span with "may"
        ]
    )
    counts = factuality_counts(g, pred)
    # 2 events held by a span; "may" -> claim "strike" (18 chars < 36): possible = POSSIBLE;
    # "closed" -> claim "both": certain = CERTAIN. Both positive.
    assert (counts["event_n"], counts["event_certainty"], counts["event_polarity"]) == (2, 2, 2)


def test_attribution_precision_recall_via_and_kind() -> None:
    g = gold(
        [
            gclaim(PLANT, source="kirby"),
            gclaim(STRIKE, source="anon"),
            gclaim(QUIT, source="kofman"),
        ],
        sources=[
            {"id": "kirby", "name": "John Kirby", "kind": "official"},
            {"id": "anon", "name": None, "kind": "official", "named": False},
            {"id": "post", "name": "The Post", "kind": "media"},
            {"id": "kofman", "name": "Michael Kofman", "kind": "expert", "via": "post"},
        ],
    )
    pred = summary(
        [
            claim("c1", [PLANT], source_ids=["S1"]),  # "Kirby" ~ "John Kirby": right, kind wrong
            claim("c2", [STRIKE], source_ids=["S2"]),  # anonymous official: right
            claim("c3", [QUIT], source_ids=["S3"]),  # Kofman, but without the Post: via wrong
            claim("c4", [(0, 5)], source_ids=["S4"]),  # no gold claim there: a false positive
            claim("c5", [(50, 58)], source_ids=["S0"]),  # the author's voice: not an attribution
        ],
        sources=[
            source("S0", None, "author"),
            source("S1", "Kirby", "person"),
            source("S2", None, "official"),
            source("S3", "Kofman", "expert"),
            source("S4", "Unions", "organization"),
        ],
    )
    counts = attribution_counts(g, pred)
    # gold attributed 3; predicted attributed 4 (c1-c4); correct 3 (c1, c2, c3).
    assert (counts["attribution_gold"], counts["attribution_pred"]) == (3, 4)
    assert counts["attribution_correct"] == 3
    # via right for c1, c2 (no via on either side), not c3 (gold via the Post, predicted none).
    assert counts["attribution_via"] == 2
    # kind: c2 and c3 right, c1 person vs official.
    assert counts["attribution_kind"] == 2
    # P = 3/4, R = 3/3 -> F1 = 2 * 0.75 / 1.75; via: P = 2/4, R = 2/3 -> F1 = 2 * (1/3) / (7/6).
    assert METRICS["attribution_f1"](counts) == pytest.approx(1.5 / 1.75)
    assert METRICS["attribution_via_f1"](counts) == pytest.approx((2 / 3) / (7 / 6))


def test_via_through_the_right_intermediary_is_right() -> None:
    g = gold(
        [gclaim(QUIT, source="kofman")],
        sources=[
            {"id": "post", "name": "The Post", "kind": "media"},
            {"id": "kofman", "name": "Michael Kofman", "kind": "expert", "via": "post"},
        ],
    )
    right = summary(
        [claim("c", [QUIT], source_ids=["K"])],
        sources=[source("P", "Post", "media"), source("K", "Kofman", "expert", via="P")],
    )
    wrong = summary(
        [claim("c", [QUIT], source_ids=["K"])],
        sources=[source("P", "Reuters", "media"), source("K", "Kofman", "expert", via="P")],
    )
    assert attribution_counts(g, right)["attribution_via"] == 1
    # Reuters does not match "The Post": the source is right, its intermediary is not.
    counts = attribution_counts(g, wrong)
    assert (counts["attribution_correct"], counts["attribution_via"]) == (1, 0)


def test_grounding_and_flag_rates() -> None:
    pred = summary(
        [
            claim("c1", [PLANT], flags=["author:cue_not_in_text:may", "author:unflagged_hedge"]),
            claim("c2", [None], flags=["ungrounded", "author:cue_not_in_text:might"]),
            claim("c3", [None, STRIKE], flags=["ungrounded"]),
        ],
        sources=[source("S0", None, "author"), source("S1", "Kirby", evidence=[])],
        dropped=[{"kind": "claim", "id": "c9", "reason": "r", "item": {"evidence": ["x"]}}],
    )
    counts = rate_counts(pred)
    # Quoted items: c1, c2, c3 (the two sources carry no quote) + 1 dropped claim = 4;
    # grounded: c1 and c3 (one of its two quotes found) = 2 -> rate 2/4.
    assert (counts["grounding_hits"], counts["grounding_n"]) == (2, 4)
    assert METRICS["grounding_rate"](counts) == 0.5
    # 5 items; each family counted once per item: cue_not_in_text on c1 and c2 -> 2.
    assert counts["items"] == 5
    assert counts["flag:author:cue_not_in_text"] == 2
    assert counts["flag:ungrounded"] == 2
    assert counts["flag:author:unflagged_hedge"] == 1
    assert flag_family("link_removed:source_ids:S9") == "link_removed"
    assert flag_family("claim:number_not_in_article:900") == "claim:number_not_in_article"


def test_pooled_figures_and_per_article() -> None:
    a = gold([gclaim(PLANT), gclaim(STRIKE)])
    b = GoldArticle.model_validate({**a.model_dump(), "id": "b"})
    preds = {
        "a": summary([claim("c", [PLANT])]),
        "b": summary([claim("c", [PLANT]), claim("d", [STRIKE])]),
    }
    row = evaluate_run([a, b], preds, "run")
    # coverage: a 1 of 2 (0.5), b 2 of 2 (1.0) -> pooled (1 + 2) / (2 + 2) = 0.75.
    assert row["claim_coverage"] == 0.75
    assert row["per_article"]["a"]["claim_coverage"] == 0.5  # type: ignore[index]
    assert row["per_article"]["b"]["claim_coverage"] == 1.0  # type: ignore[index]
    # Nothing to score is None, not 0: no timexes in this gold.
    assert row["timex_strict_f1"] is None


def test_bootstrap_interval_over_two_articles() -> None:
    metric = METRICS["claim_coverage"]
    a = {"claim_covered": 1, "claim_gold": 2}  # 0.5
    b = {"claim_covered": 3, "claim_gold": 4}  # 0.75
    # Resampling two articles with replacement gives {a,a} (0.5), {a,b} (4/6) or {b,b} (0.75),
    # each extreme with probability 1/4 > 2.5%, so the 2.5th and 97.5th percentiles of 2,000
    # resamples are the extremes themselves: [0.5, 0.75].
    assert bootstrap_ci([a, b], metric) == pytest.approx((0.5, 0.75))
    # Fixed seed: the same interval twice.
    c = {"claim_covered": 2, "claim_gold": 2}
    assert bootstrap_ci([a, b, c], metric) == bootstrap_ci([a, b, c], metric)
    # One article: no interval. An article without gold claims is left out of the resampling.
    assert bootstrap_ci([a], metric) is None
    assert bootstrap_ci([a, {"claim_gold": 0}], metric) is None


def test_missing_scipy_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from llmclaims.errors import ConfigurationError

    monkeypatch.setitem(sys.modules, "scipy.stats", None)  # import scipy.stats now fails
    rows = [{"claim_covered": 1, "claim_gold": 2}, {"claim_covered": 3, "claim_gold": 4}]
    with pytest.raises(ConfigurationError, match=r"llmclaims\[eval\]"):
        bootstrap_ci(rows, METRICS["claim_coverage"])


def test_timeline_spans_come_from_expression_span() -> None:
    from llmclaims.evaluation.predictions import predicted_timexes

    entry = {
        "expression": "Unions",
        "value": "2024",
        "granularity": "year",
        "anchored": True,
        "event": "e",
        "claim_ids": [],
        # The evidence is the first sentence; the library located the expression elsewhere
        # (29-35, "Unions"): that located span is the one scored.
        "evidence": [{"quote": TEXT[0:28], "span": span((0, 28))}],
        "expression_span": span((29, 35)),
    }
    pred = summary([], timeline=[entry])
    (timex,) = predicted_timexes(pred)
    assert (timex.span.start, timex.span.end, timex.value) == (29, 35, "2024")
