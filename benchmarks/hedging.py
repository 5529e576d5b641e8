"""The hedge-cue lexicon as a detector of non-certain events, on MEANTIME English.

`llmclaims` raises `unflagged_hedge` when the article's own words hedge a claim the model called
certain, so the lexicon's recall on real news decides how many ignored hedges can slip through,
and its precision how many false alarms users see. MEANTIME annotates the certainty of every
event mention (CERTAIN, PROBABLE, POSSIBLE, UNDERSPECIFIED); here a *non-certain* event is one
annotated PROBABLE or POSSIBLE (UNDERSPECIFIED and unannotated mentions count as certain, which is
what `unflagged_hedge` compares against).

Two levels, each as precision / recall / F1:
- **event**: an event is predicted non-certain when a hedge cue (categories conditional, modal,
  hedge_word of `llmclaims.hedging.find_cues`) covers the event's first token or ends at most
  `WINDOW` tokens before it, in the same sentence ("could push", "is expected to win");
- **sentence**: a sentence is predicted to hold a non-certain event when it holds any hedge cue.

Beside it, the baseline the issue named: a ten-word modal list (`BASELINE`) under the same rules.
Sentences are MEANTIME's own tokens joined by single spaces, so offsets are exact.

    python benchmarks/hedging.py [--data-dir DIR] [--json]

Exits 2 when the corpus is missing (a figure over nothing is not a figure).
"""

from __future__ import annotations

import argparse
import json
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

from llmclaims.hedging import HEDGE_CATEGORIES, find_cues  # noqa: E402

DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"
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


def iter_sentences(data_dir: Path) -> Iterator[Sentence]:
    for path in sorted((data_dir / "meantime_en" / "intra-doc_annotation").glob("*/*.xml")):
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


Detector = Callable[[str], list[tuple[int, int]]]  # cue (start, end) character offsets


def lexicon(text: str) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in find_cues(text, "en") if c.category in HEDGE_CATEGORIES]


def baseline(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BASELINE_RE.finditer(text)]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f, 3)}  # fmt: skip


def evaluate(sentences: list[Sentence], detect: Detector) -> dict[str, dict[str, float | int]]:
    ev = [0, 0, 0]
    se = [0, 0, 0]
    for s in sentences:
        cues = detect(s.text)
        starts = s.token_starts
        cue_tokens = []
        for start, end in cues:
            first = max(i for i, t in enumerate(starts) if t <= start)
            last = max(i for i, t in enumerate(starts) if t < end)
            cue_tokens.append((first, last))
        for index, gold in s.events:
            pred = any(first <= index <= last + WINDOW for first, last in cue_tokens)
            _count(ev, pred, gold)
        gold_sentence = any(gold for _, gold in s.events)
        _count(se, bool(cues), gold_sentence)
    return {"event": _prf(*ev), "sentence": _prf(*se)}


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
    ap.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    args = ap.parse_args(argv)
    sentences = list(iter_sentences(args.data_dir))
    n_events = sum(len(s.events) for s in sentences)
    if not n_events:
        print(f"hedging: no MEANTIME event mentions under {args.data_dir}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    results = {"lexicon": evaluate(sentences, lexicon), "baseline": evaluate(sentences, baseline)}
    elapsed = time.perf_counter() - t0
    n_uncertain = sum(g for s in sentences for _, g in s.events)
    print(f"MEANTIME English: {len(sentences)} sentences, {n_events} events, "
          f"{n_uncertain} non-certain (PROBABLE/POSSIBLE); window {WINDOW} tokens; "
          f"{elapsed:.1f}s")  # fmt: skip
    print(f"  {'detector':<10}{'level':<10}{'P':>7}{'R':>7}{'F1':>7}")
    for name, levels in results.items():
        for level, m in levels.items():
            print(
                f"  {name:<10}{level:<10}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
            )
    if args.json:
        summary = {"sentences": len(sentences), "events": n_events, "non_certain": n_uncertain}
        print(json.dumps({"meantime_en": {**summary, **results}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
