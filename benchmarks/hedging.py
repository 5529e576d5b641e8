"""The hedge-cue lexicon as a detector of non-certain events, on MEANTIME English.

`llmclaims` raises `unflagged_hedge` when the article's own words hedge a claim the model called
certain, so the lexicon's recall on real news decides how many ignored hedges can slip through,
and its precision how many false alarms users see. MEANTIME annotates the certainty of every
event mention (CERTAIN, PROBABLE, POSSIBLE, UNDERSPECIFIED); here a *non-certain* event is one
annotated PROBABLE or POSSIBLE (UNDERSPECIFIED and unannotated mentions count as certain, which is
what `unflagged_hedge` compares against).

Two levels, each as precision / recall / F1:
- **event**: an event is predicted non-certain when its first token lies in the scope of a hedge
  cue (categories conditional, modal, hedge_word of `llmclaims.hedging.find_cues`; scope from
  `llmclaims.hedging.cue_scope`: the rest of the cue's clause, "could push", "is expected to
  win"). The `*_window` rows use the earlier fixed rule instead: the cue covers the event's
  first token or ends at most `WINDOW` tokens before it;
- **sentence**: a sentence is predicted to hold a non-certain event when it holds any hedge cue.

Beside it, the baseline the issue named: a ten-word modal list (`BASELINE`), under both rules.

`--split` scores one half of the documents (`documents`): ``dev`` is the half read while the
cue scopes and the English additions were written, ``held-out`` the half that was not (only its
totals were printed, to check the result holds there).
Sentences are MEANTIME's own tokens joined by single spaces, so offsets are exact.

    python benchmarks/hedging.py [--data-dir DIR] [--split all|dev|held-out] [--json]

`--data-dir` defaults to ``$LLMCLAIMS_SHARED_DATA``, else ``../shared/data`` beside the repo.

Exits 2 when the corpus is missing (a figure over nothing is not a figure).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from llmclaims.hedging import HEDGE_CATEGORIES, Cue, cue_scope, find_cues  # noqa: E402

DEFAULT_DATA_DIR = Path(
    os.environ.get("LLMCLAIMS_SHARED_DATA") or REPO_ROOT.parent / "shared" / "data"
)
WINDOW = 3
NON_CERTAIN = frozenset({"PROBABLE", "POSSIBLE"})
BASELINE = ("may", "might", "could", "would", "should", "can", "must", "possibly", "perhaps",
            "probably")  # fmt: skip
_BASELINE_RE = re.compile(r"\b(?:" + "|".join(BASELINE) + r")\b", re.IGNORECASE)


@dataclass
class Sentence:
    text: str
    token_starts: list[int]  # char offset of each token of the sentence
    events: list[tuple[int, bool]] = field(default_factory=list)  # (token index, non-certain)


SPLITS = ("all", "dev", "held-out")


def documents(data_dir: Path, split: str = "all") -> list[Path]:
    """MEANTIME English documents of one half: within each topic folder, sorted by name, the
    even-numbered ones are ``dev`` (read while the cue scopes were developed) and the odd ones
    ``held-out`` (never looked at during that work), so each half covers all four topics."""
    root = data_dir / "meantime_en" / "intra-doc_annotation"
    chosen: list[Path] = []
    for topic in sorted(p for p in root.glob("*") if p.is_dir()):
        for k, path in enumerate(sorted(topic.glob("*.xml"))):
            if split == "all" or (k % 2 == 0) == (split == "dev"):
                chosen.append(path)
    return chosen


def iter_sentences(paths: list[Path]) -> Iterator[Sentence]:
    for path in paths:
        root = ET.parse(path).getroot()
        sentences: dict[str, Sentence] = {}
        where: dict[str, tuple[str, int]] = {}
        for tok in root.iter("token"):
            s = sentences.setdefault(tok.get("sentence", ""), Sentence("", []))
            if s.text:
                s.text += " "
            where[tok.get("t_id", "")] = (tok.get("sentence", ""), len(s.token_starts))
            s.token_starts.append(len(s.text))
            s.text += tok.text or ""
        for mention in root.iter("EVENT_MENTION"):
            anchors = [a.get("t_id", "") for a in mention.iter("token_anchor")]
            if not anchors or anchors[0] not in where:
                continue
            sent, index = where[anchors[0]]
            sentences[sent].events.append((index, mention.get("certainty") in NON_CERTAIN))
        yield from sentences.values()


Detector = Callable[[str], list[Cue]]
Rule = Callable[[Sentence, list[Cue]], list[bool]]  # for each event: predicted non-certain?


def lexicon(text: str) -> list[Cue]:
    return [c for c in find_cues(text, "en") if c.category in HEDGE_CATEGORIES]


def baseline(text: str) -> list[Cue]:
    return [Cue(m.group(), m.start(), m.end(), "modal", "en") for m in _BASELINE_RE.finditer(text)]


def window(s: Sentence, cues: list[Cue]) -> list[bool]:
    """The event's first token is covered by a cue or at most `WINDOW` tokens after it."""
    starts = s.token_starts
    spans = []
    for cue in cues:
        first = max(i for i, t in enumerate(starts) if t <= cue.start)
        last = max(i for i, t in enumerate(starts) if t < cue.end)
        spans.append((first, last))
    return [any(a <= index <= z + WINDOW for a, z in spans) for index, _ in s.events]


def scope(s: Sentence, cues: list[Cue]) -> list[bool]:
    """The event's first token lies in a cue's `llmclaims.hedging.cue_scope`."""
    scopes = [cue_scope(s.text, cue) for cue in cues]
    return [any(a <= s.token_starts[i] < z for a, z in scopes) for i, _ in s.events]


def evaluate(
    sentences: list[Sentence], detect: Detector, rule: Rule
) -> dict[str, dict[str, float | int]]:
    ev = [0, 0, 0]
    se = [0, 0, 0]
    for s in sentences:
        cues = detect(s.text)
        for (_, gold), pred in zip(s.events, rule(s, cues), strict=True):
            _count(ev, pred, gold)
        gold_sentence = any(gold for _, gold in s.events)
        _count(se, bool(cues), gold_sentence)
    return {"event": _prf(*ev), "sentence": _prf(*se)}


DETECTORS: dict[str, tuple[Detector, Rule]] = {
    "lexicon": (lexicon, scope),
    "lexicon_window": (lexicon, window),
    "baseline_window": (baseline, window),
    "baseline_scope": (baseline, scope),
}
"""`lexicon`: the hedge cues `unflagged_hedge` reads, each over its `cue_scope`; the others are
the fixed window rule and the issue's ten-modal baseline under both rules (so the lexicon is
compared with the baseline under the same scope too)."""


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f, 3)}  # fmt: skip


def _count(tally: list[int], pred: bool, gold: bool) -> None:
    if pred and gold:
        tally[0] += 1
    elif pred:
        tally[1] += 1
    elif gold:
        tally[2] += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--split", choices=SPLITS, default="all", help="documents to score")
    ap.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    args = ap.parse_args(argv)
    sentences = list(iter_sentences(documents(args.data_dir, args.split)))
    n_events = sum(len(s.events) for s in sentences)
    if not n_events:
        print(f"hedging: no MEANTIME event mentions under {args.data_dir}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    results = {name: evaluate(sentences, *how) for name, how in DETECTORS.items()}
    elapsed = time.perf_counter() - t0
    n_uncertain = sum(g for s in sentences for _, g in s.events)
    print(f"MEANTIME English ({args.split}): {len(sentences)} sentences, {n_events} events, "
          f"{n_uncertain} non-certain (PROBABLE/POSSIBLE); {elapsed:.1f}s")  # fmt: skip
    print(f"  {'detector':<22}{'level':<10}{'P':>7}{'R':>7}{'F1':>7}")
    for name, levels in results.items():
        for level, m in levels.items():
            print(
                f"  {name:<22}{level:<10}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
            )
    if args.json:
        summary = {"split": args.split, "sentences": len(sentences), "events": n_events,
                   "non_certain": n_uncertain}  # fmt: skip
        print(json.dumps({"meantime_en": {**summary, **results}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
