"""Timeline metrics on hand-computed cases; each expected figure is derived in the test."""

from __future__ import annotations

import pytest

from llmclaims.evaluation.gold import GoldTimex, Span
from llmclaims.evaluation.score import f1, score_timexes


def t(start: int, end: int, value: str) -> GoldTimex:
    return GoldTimex(span=Span(start=start, end=end), type="DATE", value=value)


def test_strict_relaxed_and_value_scores() -> None:
    gold = [t(0, 10, "2020-01-01"), t(20, 30, "P1M"), t(40, 45, "2020")]
    # exact on gold 1 (right value), overlapping gold 2 (wrong value), one spurious.
    pred = [t(0, 10, "2020-01-01"), t(22, 35, "P2M"), t(60, 65, "2021")]
    scores = score_timexes(gold, pred)
    # strict: 1 match, P = 1/3, R = 1/3 -> F1 = 1/3.
    assert scores.strict_f1 == pytest.approx(1 / 3)
    # relaxed: 2 matches, P = R = 2/3 -> F1 = 2/3.
    assert scores.relaxed_f1 == pytest.approx(2 / 3)
    # value: 1 of the 2 relaxed matches has the gold value.
    assert (scores.value_accuracy.hits, scores.value_accuracy.n) == (1, 2)
    # value F1 counts that 1 correct match: P = R = 1/3.
    assert scores.value_f1 == pytest.approx(1 / 3)


def test_a_prediction_matches_only_one_gold_span() -> None:
    gold = [t(0, 5, "A"), t(6, 10, "B")]
    pred = [t(0, 10, "A")]
    # The wide prediction overlaps both, but is used once: 1 match, P = 1, R = 1/2 -> 2/3.
    assert score_timexes(gold, pred).relaxed_f1 == pytest.approx(2 * 1 * 0.5 / 1.5)


def test_f1_of_nothing_is_zero() -> None:
    assert f1(0, 0, 3) == 0.0
    assert score_timexes([], []).relaxed_f1 == 0.0


def test_claim_coverage_and_precision() -> None:
    from llmclaims.evaluation.score import claim_coverage

    gold = [Span(start=0, end=10), Span(start=20, end=30), Span(start=40, end=50)]
    pred = [
        [Span(start=5, end=15)],  # overlaps gold 1
        [Span(start=60, end=70), Span(start=29, end=31)],  # second span overlaps gold 2
        [],  # ungrounded: matches nothing
        [Span(start=10, end=20)],  # touches gold 1 and 2 only at their ends: no overlap
    ]
    coverage, precision = claim_coverage(gold, pred)
    # gold 1 and 2 covered, gold 3 not: 2 of 3; predictions 1 and 2 correct: 2 of 4.
    assert (coverage.hits, coverage.n) == (2, 3)
    assert (precision.hits, precision.n) == (2, 4)
