"""Worst-case cost of `locate_evidence` on adversarial quotes over a 110 kB repetitive article.

`python benchmarks/grounding.py [--json]`: prints seconds per quote (best of 3).
"""

from __future__ import annotations

import argparse
import json
import random
import time

from llmclaims.grounding import _prepare, locate_evidence

WORDS = ["the", "cat", "and", "dog", "saw", "man", "near", "house", "of", "king"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(1)
    text = " ".join(rng.choice(WORDS) for _ in range(40_000))[:110_000]
    _prepare(text).words()  # one-off indexing, not counted
    quotes = {
        "ellipsis_the_x4_missing_tail": "the ... the ... the ... the ... Putin denied",
        "fuzzy_2000_chars": " ".join(rng.choice(WORDS) for _ in range(450))[:2000],
    }
    out = {"article_chars": len(text)}
    for name, quote in quotes.items():
        best = min(_timed(quote, text) for _ in range(3))
        out[f"{name}_s"] = round(best, 4)
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k}: {v}")


def _timed(quote: str, text: str) -> float:
    t = time.perf_counter()
    locate_evidence(quote, text)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
