"""Grounding rate and flag rates of a summary: what the library's own checks found.

These need no gold: they say how often a model's quotes are really in the article and how
often the checks object, which is what a reader of its output must double-check.

- grounding: the items (sources, claims, timeline entries) that carry at least one evidence
  quote; grounded when at least one quote was located in the text. Items the `strict` policy
  dropped for lack of evidence count as ungrounded. Items without any quote (the author's own
  voice as a source) had nothing to locate and are left out.
- flags: per flag family, the number of items (sources, claims, timeline entries) carrying it.
  A family is a flag without its detail: `author:cue_not_in_text:avrebbe` is
  `author:cue_not_in_text`, `link_removed:source_ids:S9` is `link_removed`.
"""

from __future__ import annotations

from collections import Counter

from ..models import ArticleSummary, Claim, Source, TimelineEntry

_PARTIES = ("author", "source", "claim")


def flag_family(flag: str) -> str:
    parts = flag.split(":")
    return ":".join(parts[:2]) if parts[0] in _PARTIES and len(parts) > 1 else parts[0]


def rate_counts(summary: ArticleSummary | None) -> Counter[str]:
    out: Counter[str] = Counter()
    if summary is None:
        return out
    items: list[Source | Claim | TimelineEntry] = [
        *summary.sources,
        *summary.claims,
        *summary.timeline,
    ]
    out["items"] = len(items)
    quoted = [i for i in items if i.evidence]
    out["grounding_n"] = len(quoted) + sum(1 for d in summary.dropped if d.item.get("evidence"))
    out["grounding_hits"] = sum(1 for i in quoted if any(e.span is not None for e in i.evidence))
    for item in items:
        for family in {flag_family(f) for f in item.flags}:
            out[f"flag:{family}"] += 1
    return out
