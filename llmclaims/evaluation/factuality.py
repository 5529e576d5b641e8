"""Factuality agreement: does the model read each party's commitment as the annotator did?

Counted on the pairs of `matching.py`, per party:
- author: a matched pair counts when the gold claim gives the author's factuality; certainty
  and polarity agree when equal, the hedging level when the predicted claim's derived
  `hedging` equals the level `llmclaims.hedging.hedging_level` derives from the gold values
  (only when the gold gives `evidential`, on which the level depends);
- source: the same with the cited source's factuality, when the gold gives one; a predicted
  claim without a source factuality disagrees on all three;
- events (MEANTIME): the author's certainty and polarity of the predicted claim paired with a
  gold event, against the event's (CERTAIN/PROBABLE/POSSIBLE/UNDERSPECIFIED, POS/NEG/
  UNDERSPECIFIED, mapped onto certain/probable/possible/unknown, positive/negative/unknown).
  An event is the corpus's unit, not a claim: a claim about "cut 13,000 jobs" that is certain
  is compared with the POSSIBLE "could part ways" only if its own evidence holds that event.

Counts, not ratios, so articles add up (see `corpus.py`).
"""

from __future__ import annotations

from collections import Counter

from ..hedging import hedging_level
from ..models import ArticleSummary, Factuality
from ..wire import WireFactuality
from .gold import GoldArticle, GoldFactuality
from .matching import match_claims, match_events

_CERTAINTY = {
    "CERTAIN": "certain",
    "PROBABLE": "probable",
    "POSSIBLE": "possible",
    "UNDERSPECIFIED": "unknown",
}
_POLARITY = {"POS": "positive", "NEG": "negative", "UNDERSPECIFIED": "unknown"}


def _compare(party: str, gold: GoldFactuality, pred: Factuality | None, out: Counter[str]) -> None:
    out[f"{party}_n"] += 1
    if gold.evidential is not None:
        out[f"{party}_hedging_n"] += 1
    if pred is None:
        return
    out[f"{party}_certainty"] += pred.certainty == gold.certainty
    out[f"{party}_polarity"] += pred.polarity == gold.polarity
    if gold.evidential is not None:
        level = hedging_level(
            WireFactuality(
                certainty=gold.certainty,
                polarity=gold.polarity,
                evidential=gold.evidential,
                cues=[],
            )
        )
        out[f"{party}_hedging"] += pred.hedging == level


def factuality_counts(gold: GoldArticle, summary: ArticleSummary | None) -> Counter[str]:
    out: Counter[str] = Counter()
    claims = summary.claims if summary is not None else []
    for g, p in match_claims(gold.claims, claims):
        claim = gold.claims[g]
        if claim.author is not None:
            _compare("author", claim.author, claims[p].author, out)
        if claim.source_factuality is not None:
            _compare("source", claim.source_factuality, claims[p].source, out)
    scored = [e for e in gold.events if e.certainty in _CERTAINTY and e.polarity in _POLARITY]
    for e, p in match_events(scored, claims):
        event, author = scored[e], claims[p].author
        out["event_n"] += 1
        out["event_certainty"] += author.certainty == _CERTAINTY[event.certainty or ""]
        out["event_polarity"] += author.polarity == _POLARITY[event.polarity or ""]
    return out
