"""Pair predicted claims with gold claims and gold events by evidence-span overlap.

Factuality and attribution compare a predicted claim with *the* gold item it stands for, so
they need a one-to-one pairing (claim coverage, in `score.py`, only asks whether any overlap
exists). The rules:

- claims: the overlap of a pair is the number of characters a gold claim's evidence span
  shares with the predicted claim's grounded evidence spans (summed over its spans). Pairs
  are taken greedily, largest overlap first (ties: gold, then predicted, in document order),
  each gold and each predicted claim at most once; pairs sharing no character are never made.
  A predicted claim without a located span matches nothing.
- events: a gold event (a word or two) is paired with the predicted claim one of whose
  grounded spans contains the whole event span; when several do, the claim with the shortest
  such span (the most specific statement). A claim may stand for several events.
"""

from __future__ import annotations

from ..models import Claim
from .gold import GoldClaim, GoldEvent, Span


def grounded_spans(claim: Claim) -> list[Span]:
    return [Span(start=e.span.start, end=e.span.end) for e in claim.evidence if e.span is not None]


def _shared(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_claims(gold: list[GoldClaim], pred: list[Claim]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one-to-one, by the rule in the module docstring."""
    spans = [grounded_spans(c) for c in pred]
    candidates = []
    for g, claim in enumerate(gold):
        for p, own in enumerate(spans):
            overlap = sum(_shared(claim.evidence, s) for s in own)
            if overlap > 0:
                candidates.append((-overlap, claim.evidence.start, g, p))
    pairs, used_gold, used_pred = [], set(), set()
    for _, _, g, p in sorted(candidates):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def match_events(events: list[GoldEvent], pred: list[Claim]) -> list[tuple[int, int]]:
    """(event index, predicted index) pairs: the claim whose shortest containing span holds it."""
    spans = [grounded_spans(c) for c in pred]
    pairs = []
    for e, event in enumerate(events):
        best: tuple[int, int] | None = None
        for p, own in enumerate(spans):
            for s in own:
                if s.start <= event.span.start and event.span.end <= s.end:
                    length = s.end - s.start
                    if best is None or length < best[0]:
                        best = (length, p)
        if best is not None:
            pairs.append((e, best[1]))
    return pairs
