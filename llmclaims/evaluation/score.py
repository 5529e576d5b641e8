"""Timeline-expression and claim-coverage counts (intervals: see `corpus.py`).

Matching rules (TempEval-3 Task A):
- strict: a predicted span matches a gold span only if both offsets are equal;
- relaxed: spans overlap by at least one character; each gold and each predicted span is
  used at most once, in document order;
- value accuracy: among relaxed matches, the share whose TIMEX3 value is equal;
- value F1 (the TempEval-3 ranking figure, HeidelTime 77.6): relaxed F1 counting only the
  matches whose value is also correct.
"""

from __future__ import annotations

from dataclasses import dataclass

from .gold import GoldTimex, Span


@dataclass(frozen=True)
class Proportion:
    hits: int
    n: int

    @property
    def value(self) -> float:
        return self.hits / self.n if self.n else 0.0


def f1(matched: int, n_pred: int, n_gold: int) -> float:
    if n_pred == 0 or n_gold == 0 or matched == 0:
        return 0.0
    precision, recall = matched / n_pred, matched / n_gold
    return 2 * precision * recall / (precision + recall)


def _relaxed_pairs(
    gold: list[GoldTimex], pred: list[GoldTimex]
) -> list[tuple[GoldTimex, GoldTimex]]:
    pairs, used = [], set()
    for g in sorted(gold, key=lambda t: t.span.start):
        for i, p in enumerate(pred):
            if i not in used and p.span.start < g.span.end and g.span.start < p.span.end:
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


@dataclass(frozen=True)
class TimexScores:
    """Counts, not ratios, so articles add up into corpus scores (micro-averaged)."""

    n_gold: int = 0
    n_pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0

    def __add__(self, other: TimexScores) -> TimexScores:
        return TimexScores(
            self.n_gold + other.n_gold,
            self.n_pred + other.n_pred,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            self.value_correct + other.value_correct,
        )

    @property
    def strict_f1(self) -> float:
        return f1(self.strict, self.n_pred, self.n_gold)

    @property
    def relaxed_f1(self) -> float:
        return f1(self.relaxed, self.n_pred, self.n_gold)

    @property
    def value_accuracy(self) -> Proportion:
        return Proportion(self.value_correct, self.relaxed)

    @property
    def value_f1(self) -> float:
        return f1(self.value_correct, self.n_pred, self.n_gold)


def score_timexes(gold: list[GoldTimex], pred: list[GoldTimex]) -> TimexScores:
    """Scores of one article's expressions (spans of different articles must not be mixed)."""
    gold_spans = {(t.span.start, t.span.end) for t in gold}
    strict = sum(1 for p in {(t.span.start, t.span.end) for t in pred} if p in gold_spans)
    pairs = _relaxed_pairs(gold, pred)
    correct = sum(1 for g, p in pairs if g.value == p.value)
    return TimexScores(len(gold), len(pred), strict, len(pairs), correct)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def claim_coverage(gold: list[Span], pred: list[list[Span]]) -> tuple[Proportion, Proportion]:
    """(gold coverage, predicted precision) of claims by evidence-span overlap.

    Matching rule: a gold claim is covered when any evidence span of any predicted claim
    overlaps its evidence by a character; a predicted claim is correct when any of its
    spans overlaps some gold claim. A claim without a grounded span matches nothing.
    """
    covered = sum(1 for g in gold if any(_overlaps(g, s) for spans in pred for s in spans))
    correct = sum(1 for spans in pred if any(_overlaps(g, s) for g in gold for s in spans))
    return Proportion(covered, len(gold)), Proportion(correct, len(pred))
