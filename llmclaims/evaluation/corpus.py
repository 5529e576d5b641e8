"""Every score of one run over a gold corpus: per article, pooled, with bootstrap intervals.

Each article gives counts (`article_counts`); a corpus figure is the same formula applied to
the counts summed over articles (micro-average), so an article with many claims weighs more
than one with few. A figure whose denominator is zero is None ("not annotated", not 0).

Intervals: a 95% percentile bootstrap over articles (`scipy.stats.bootstrap`, 2,000
resamples, seed 0, so a run is reproducible). Articles, not items, are resampled because items
of one article are not independent (one model misreading one article's hedges misreads them
all), which a Wilson interval over items would ignore and so come out too narrow. With fewer
than two articles on which a figure is defined (a nonzero denominator) there is no interval
(None); articles where it is not defined are left out of its resampling. Intervals from a
handful of articles are wide: that is the point of showing them.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigurationError
from ..models import ArticleSummary
from .attribution import attribution_counts
from .factuality import factuality_counts
from .gold import GoldArticle
from .predictions import predicted_claim_spans, predicted_timexes
from .rates import rate_counts
from .score import claim_coverage, score_timexes

Counts = Mapping[str, int]
SEED = 0
RESAMPLES = 2000


def article_counts(gold: GoldArticle, summary: ArticleSummary | None) -> Counter[str]:
    out: Counter[str] = Counter()
    timexes = score_timexes(gold.timexes, predicted_timexes(summary) if summary else [])
    out.update(
        timex_gold=timexes.n_gold,
        timex_pred=timexes.n_pred,
        timex_strict=timexes.strict,
        timex_relaxed=timexes.relaxed,
        timex_value=timexes.value_correct,
    )
    coverage, precision = claim_coverage(
        [c.evidence for c in gold.claims], predicted_claim_spans(summary) if summary else []
    )
    out.update(
        claim_gold=coverage.n,
        claim_covered=coverage.hits,
        claim_pred=precision.n,
        claim_correct=precision.hits,
    )
    out.update(factuality_counts(gold, summary))
    out.update(attribution_counts(gold, summary))
    out.update(rate_counts(summary))
    return out


@dataclass(frozen=True)
class Metric:
    """A figure computed from counts; None where its denominator (`defined_by`) is zero.

    `formula` is plain arithmetic, so it works on one article's counts and, in
    `bootstrap_ci`, on arrays holding every resample's counts at once.
    """

    formula: Callable[[Mapping[str, Any]], Any]
    defined_by: str

    def __call__(self, counts: Counts) -> float | None:
        return float(self.formula(counts)) if counts.get(self.defined_by) else None


def _ratio(hits: str, n: str) -> Metric:
    return Metric(lambda c: c.get(hits, 0) / c[n], n)


def _f1(hits: str, pred: str, gold: str) -> Metric:
    # F1 = 2PR / (P + R) with P = h / pred and R = h / gold is 2h / (pred + gold), which
    # needs no case for pred = 0.
    return Metric(lambda c: 2 * c.get(hits, 0) / (c.get(pred, 0) + c[gold]), gold)


METRICS: dict[str, Metric] = {
    "timex_strict_f1": _f1("timex_strict", "timex_pred", "timex_gold"),
    "timex_relaxed_f1": _f1("timex_relaxed", "timex_pred", "timex_gold"),
    "timex_value_accuracy": _ratio("timex_value", "timex_relaxed"),
    "timex_value_f1": _f1("timex_value", "timex_pred", "timex_gold"),
    "claim_coverage": _ratio("claim_covered", "claim_gold"),
    "claim_precision": _ratio("claim_correct", "claim_pred"),
    **{
        f"{party}_{what}_agreement": _ratio(f"{party}_{what}", f"{party}_{n}")
        for party in ("author", "source")
        for what, n in (("certainty", "n"), ("polarity", "n"), ("hedging", "hedging_n"))
    },
    "event_certainty_agreement": _ratio("event_certainty", "event_n"),
    "event_polarity_agreement": _ratio("event_polarity", "event_n"),
    "attribution_precision": _ratio("attribution_correct", "attribution_pred"),
    "attribution_recall": _ratio("attribution_correct", "attribution_gold"),
    "attribution_f1": _f1("attribution_correct", "attribution_pred", "attribution_gold"),
    "attribution_via_f1": _f1("attribution_via", "attribution_pred", "attribution_gold"),
    "attribution_kind_accuracy": _ratio("attribution_kind", "attribution_correct"),
    "grounding_rate": _ratio("grounding_hits", "grounding_n"),
}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def bootstrap_ci(rows: Sequence[Counts], metric: Metric) -> tuple[float, float] | None:
    """95% percentile bootstrap interval of a pooled figure, resampling the articles on which
    the figure is defined (an article without gold events says nothing about event scores)."""
    rows = [r for r in rows if metric(r) is not None]
    if len(rows) < 2:
        return None
    try:
        import numpy as np
        from scipy.stats import bootstrap
    except ImportError as exc:
        raise ConfigurationError(
            "corpus intervals need scipy: pip install 'llmclaims[eval]'"
        ) from exc

    keys = sorted({k for r in rows for k in r} | {metric.defined_by})
    matrix = np.array([[r.get(k, 0) for k in keys] for r in rows], dtype=np.int64)

    def pooled(indices: np.ndarray, axis: int = -1) -> np.ndarray:
        # indices: (resamples, articles) -> summed counts: (resamples, keys)
        sums = matrix[indices.astype(np.int64)].sum(axis=-2)
        return np.asarray(metric.formula({k: sums[..., j] for j, k in enumerate(keys)}))

    with warnings.catch_warnings():  # identical resamples (a figure equal on every article)
        warnings.simplefilter("ignore")
        result = bootstrap(
            (np.arange(len(rows)),),
            pooled,
            vectorized=True,
            n_resamples=RESAMPLES,
            method="percentile",
            rng=np.random.default_rng(SEED),
        )
    low, high = result.confidence_interval
    return (float(low), float(high))


def evaluate_run(
    gold: list[GoldArticle], predictions: Mapping[str, ArticleSummary], name: str
) -> dict[str, object]:
    """One run (a results file or a model) against the gold: corpus figures, intervals,
    flag rates, and the same figures per article."""
    rows = [article_counts(a, predictions.get(a.id)) for a in gold]
    total: Counter[str] = Counter()
    for row in rows:
        total.update(row)
    families = sorted(k for k in total if k.startswith("flag:"))
    metrics = dict(METRICS)
    for family in families:
        metrics[f"flag_rate:{family.removeprefix('flag:')}"] = _ratio(family, "items")
    return {
        "pred": name,
        "articles": len(gold),
        "missing": sum(1 for a in gold if a.id not in predictions),
        **{key: _rounded(metric(total)) for key, metric in metrics.items()},
        "ci95": {
            key: None if ci is None else [round(ci[0], 4), round(ci[1], 4)]
            for key, metric in metrics.items()
            for ci in [bootstrap_ci(rows, metric) if metric(total) is not None else None]
        },
        "flag_counts": {family.removeprefix("flag:"): total[family] for family in families},
        "per_article": {
            a.id: {key: _rounded(metric(row)) for key, metric in metrics.items()}
            for a, row in zip(gold, rows, strict=True)
        },
    }
