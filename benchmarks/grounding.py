"""Grounding: worst-case cost, the cost of the typo distance, and the adversarial MEANTIME suite.

    python benchmarks/grounding.py [--data-dir DIR] [--json]

- `*_s`: seconds per quote (best of 3) for adversarial quotes over a 110 kB repetitive article;
- `osa_*`: seconds for 100,000 capped OSA distances, rapidfuzz (what the fuzzy tier calls) and
  the pure-Python reference it replaced (`tests/grounding_cases.py`), which decide alike
  (`tests/test_grounding_rules.py`);
- `adversarial`: the cases of `tests/grounding_cases.py` (MEANTIME English): per category, how
  many altered quotes are found at all and how many *silently* (found, and neither a fuzzy
  match nor evidence too short, the two that raise a flag), and how many genuine variants are
  found at the article's offsets; with the seconds the suite takes.

Run it against another checkout's package (PYTHONPATH=that/checkout) to compare: code without
flags counts every found quote as silent. Exits 2 when the MEANTIME corpus is missing.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))  # last: a PYTHONPATH package under test comes first

from rapidfuzz.distance import OSA  # noqa: E402

from llmclaims import grounding  # noqa: E402
from llmclaims.grounding import _prepare, locate_evidence  # noqa: E402

WORDS = ["the", "cat", "and", "dog", "saw", "man", "near", "house", "of", "king"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT.parent / "shared" / "data")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ["LLMCLAIMS_SHARED_DATA"] = str(args.data_dir)
    from tests import grounding_cases  # reads LLMCLAIMS_SHARED_DATA when imported

    if not grounding_cases.meantime_present():
        print(f"MEANTIME corpus missing under {args.data_dir}", file=sys.stderr)
        return 2
    out: dict[str, object] = {"code": str(Path(grounding.__file__).parent)}
    out.update(worst_case())
    out.update(osa_cost(grounding_cases.osa_reference))
    out["adversarial"] = adversarial(grounding_cases)
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k}: {v}")
    return 0


def worst_case() -> dict[str, float]:
    rng = random.Random(1)
    text = " ".join(rng.choice(WORDS) for _ in range(40_000))[:110_000]
    _prepare(text).words()  # one-off indexing, not counted
    quotes = {
        "ellipsis_the_x4_missing_tail": "the ... the ... the ... the ... Putin denied",
        "fuzzy_2000_chars": " ".join(rng.choice(WORDS) for _ in range(450))[:2000],
    }
    out = {"article_chars": len(text)}
    for name, quote in quotes.items():
        out[f"{name}_s"] = round(min(_timed(quote, text) for _ in range(3)), 4)
    return out


def osa_cost(reference) -> dict[str, float]:
    rng = random.Random(3)
    pairs = []
    for _ in range(100_000):
        a = "".join(rng.choice("aeinorst") for _ in range(rng.randint(4, 12)))
        b = list(a)
        b[rng.randrange(len(b))] = rng.choice("aeinorst")
        pairs.append((a, "".join(b), 2 if len(a) >= 8 else 1))
    t = time.perf_counter()
    for a, b, limit in pairs:
        OSA.distance(a, b, score_cutoff=limit)
    fast = time.perf_counter() - t
    t = time.perf_counter()
    for a, b, limit in pairs:
        reference(a, b, limit)
    slow = time.perf_counter() - t
    return {"osa_rapidfuzz_s": round(fast, 3), "osa_python_s": round(slow, 3)}


def adversarial(cases_module) -> dict[str, object]:
    articles = cases_module.load_articles()
    texts = {a.name: a.text for a in articles}
    cases = cases_module.build_cases(articles)
    has_lang = "lang" in inspect.signature(locate_evidence).parameters
    too_short = getattr(grounding, "evidence_too_short", None)  # None: code without the flags
    found: Counter[str] = Counter()
    silent: Counter[str] = Counter()
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    t = time.perf_counter()
    for case in cases:
        text = texts[case.doc]
        span = (
            locate_evidence(case.quote, text, lang="en")
            if has_lang
            else locate_evidence(case.quote, text)
        )
        total[case.category] += 1
        if case.altered:
            if span is not None:
                found[case.category] += 1
                flagged = too_short is not None and (
                    span.status == "fuzzy" or too_short(span.text, "en")
                )
                silent[case.category] += not flagged
        elif span is not None and (span.start, span.end) == (case.start, case.end):
            right[case.category] += 1
    seconds = time.perf_counter() - t
    altered = [c for c in cases_module.ALTERED if total[c]]
    genuine = [c for c in cases_module.GENUINE if total[c]]
    return {
        "flags": too_short is not None,
        "altered": sum(total[c] for c in altered),
        "altered_found": sum(found[c] for c in altered),
        "altered_silent": sum(silent[c] for c in altered),
        "genuine": sum(total[c] for c in genuine),
        "genuine_at_offsets": sum(right[c] for c in genuine),
        "seconds": round(seconds, 2),
        "by_category": {c: {"n": total[c], "found": found[c], "silent": silent[c]} for c in altered}
        | {c: {"n": total[c], "at_offsets": right[c]} for c in genuine},
    }


def _timed(quote: str, text: str) -> float:
    t = time.perf_counter()
    locate_evidence(quote, text)
    return time.perf_counter() - t


if __name__ == "__main__":
    sys.exit(main())
