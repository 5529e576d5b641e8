"""Attribution: is each claim credited to the right source, through the right intermediary?

Precision, recall and F1 in the sense of quote-attribution evaluation (PARC, Citron): the units
are attributed claims, those whose gold source is not the author's own voice, and those a
model credits to a source that is not of kind `author`.

- A predicted attribution is correct when its claim is paired with a gold claim (the
  one-to-one pairing of `matching.py`) and one of the claim's sources matches the gold source.
  Precision = correct / predicted attributed claims (paired or not), recall = correct / gold
  attributed claims.
- Sources match by name when the gold source is named: the two names, lower-cased, have a
  rapidfuzz `token_set_ratio` of at least 90, so "Kirby" matches "John Kirby" (one name's
  words inside the other's) and "GM" does not match "General Motors". An anonymous gold source
  ("un secondo funzionario") matches an anonymous predicted source of the same kind.
- Via: correct as above and the intermediaries match too, recursively (no `via` on either
  side, or `via` sources that match by the same rule): "Kofman told the WP" is right only as
  Kofman via the WP.
- Kind: among correct attributions, the share whose predicted kind equals the gold kind.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from ..models import ArticleSummary, Source
from .gold import GoldArticle, GoldSource
from .matching import match_claims

NAME_MATCH = 90  # rapidfuzz token_set_ratio, 0-100


def source_matches(gold: GoldSource, pred: Source) -> bool:
    if gold.named and gold.name:
        return bool(pred.name) and (
            fuzz.token_set_ratio(gold.name.casefold(), (pred.name or "").casefold()) >= NAME_MATCH
        )
    return not pred.named and pred.kind == gold.kind


def _via_matches(
    gold: GoldSource,
    pred: Source,
    gold_by_id: dict[str, GoldSource],
    pred_by_id: dict[str, Source],
    depth: int = 0,
) -> bool:
    if not source_matches(gold, pred) or depth > len(gold_by_id):  # depth: a cycle in the data
        return False
    gold_via = gold_by_id.get(gold.via) if gold.via else None
    pred_via = pred_by_id.get(pred.via) if pred.via else None
    if gold_via is None or pred_via is None:
        return gold_via is None and pred_via is None
    return _via_matches(gold_via, pred_via, gold_by_id, pred_by_id, depth + 1)


def attribution_counts(gold: GoldArticle, summary: ArticleSummary | None) -> Counter[str]:
    out: Counter[str] = Counter()
    gold_by_id = {s.id: s for s in gold.sources}
    gold_source = [gold_by_id.get(c.source) if c.source else None for c in gold.claims]
    gold_source = [s if s is not None and s.kind != "author" else None for s in gold_source]
    out["attribution_gold"] = sum(1 for s in gold_source if s is not None)
    if summary is None:
        return out
    pred_by_id = {s.id: s for s in summary.sources}
    credited = [
        [pred_by_id[i] for i in c.source_ids if i in pred_by_id and pred_by_id[i].kind != "author"]
        for c in summary.claims
    ]
    out["attribution_pred"] = sum(1 for sources in credited if sources)
    for g, p in match_claims(gold.claims, summary.claims):
        wanted = gold_source[g]
        if wanted is None:
            continue
        right = [s for s in credited[p] if source_matches(wanted, s)]
        if not right:
            continue
        out["attribution_correct"] += 1
        out["attribution_kind"] += any(s.kind == wanted.kind for s in right)
        out["attribution_via"] += any(
            _via_matches(wanted, s, gold_by_id, pred_by_id) for s in right
        )
    return out
