"""Benchmark: TIMEX3 value normalization by :func:`llmclaims.dates.normalize_date`.

Every gold TIMEX3 of two English news corpora is normalized from its text, with the
document creation time (DCT) as publication date, and the predicted value is compared with
the gold ``value`` attribute.

Corpora, looked up under ``--data-dir`` (default: ``../shared/data`` relative to the repo):

* ``tempeval3_platinum/*.tml``: TempEval-3 platinum test set, inline TimeML. The DCT is
  the TIMEX3 with ``functionInDocument="CREATION_TIME"``; the evaluated expressions are
  all TIMEX3 elements inside ``<TEXT>``, their text being the element's text with
  whitespace collapsed.
* ``meantime_en/intra-doc_annotation/*/*.xml``: MEANTIME English (NewsReader XML, see
  ``MEANTIME_NWR.xsd``). Tokens are ``<token t_id=...>``; TIMEX3 markables sit in
  ``<Markables>`` and list their tokens as ``<token_anchor t_id=...>``. The expression text
  is the anchored tokens in document order joined by single spaces, except that no space
  is put before closing punctuation (``, . ) %``...) or after opening punctuation, and
  none around a ``-`` or ``/`` token (``mid - 2011`` -> ``mid-2011``).

  - TIMEX3 markables with no token anchor are *non-text-consuming* (implicit times such as
    the end point of a duration): there is no expression to normalize, so they are not
    evaluated; their number is printed.
  - Two files mark no TIMEX3 as ``CREATION_TIME``; their DCT is the dateline TIMEX3, the
    one whose tokens all lie in sentence 1, which is where every marked DCT of the corpus
    lies. One DCT value is written ``03-02-2009``; it is read as day-month-year (the
    document's other values put it in February 2009).

Scoring: an expression is correct iff the predicted value equals the gold value exactly
(string equality, no normalization of either side); a ``None`` prediction is a mistake.
Every gold expression of every type (DATE, TIME, DURATION, SET) is evaluated except the
DCT itself. ``lang="en"`` is passed (both corpora are English).

Usage::

    python benchmarks/timex_normalization.py [--data-dir DIR] [--errors N] [--json]

With ``--json`` the last line printed is one JSON object
``{"tempeval3_platinum": {"DATE": {"n": ..., "accuracy": ...}, ...}, "meantime_en": {...}}``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from llmclaims.dates import normalize_date  # noqa: E402

DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"
CORPORA = ("tempeval3_platinum", "meantime_en")
TYPES = ("DATE", "TIME", "DURATION", "SET")

# MEANTIME token joining: no space before these tokens, none after the opening ones.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
_JOINERS = {"-", "/"}


@dataclass(frozen=True)
class GoldTimex:
    """One gold time expression and the context needed to normalize it."""

    doc: str
    tid: str
    text: str
    type: str
    value: str
    dct: str


def join_tokens(tokens: list[str]) -> str:
    """Join MEANTIME tokens back into text (see the module docstring)."""
    out: list[str] = []
    for tok in tokens:
        glued = not out or (
            tok in _NO_SPACE_BEFORE
            or tok in _JOINERS
            or out[-1].strip() in _JOINERS
            or out[-1].strip() in _NO_SPACE_AFTER
        )
        out.append(tok if glued else " " + tok)
    return "".join(out)


def dct_date(value: str) -> str:
    """ISO date of a DCT value (``03-02-2009`` is read as day-month-year)."""
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return value[:10]


def load_tempeval(path: Path) -> list[GoldTimex]:
    """The in-text TIMEX3 expressions of one TimeML ``.tml`` file."""
    root = ET.parse(path).getroot()
    dct = next(
        (t.get("value", "") for t in root.iter("TIMEX3")
         if t.get("functionInDocument") == "CREATION_TIME"),
        None,
    )  # fmt: skip
    text = root.find("TEXT")
    if dct is None or text is None:
        raise ValueError(f"{path.name}: no CREATION_TIME TIMEX3 or no <TEXT>")
    out = []
    for t in text.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            continue
        expression = " ".join("".join(t.itertext()).split())
        out.append(
            GoldTimex(path.stem, t.get("tid", ""), expression, t.get("type", ""),
                      t.get("value", ""), dct)
        )  # fmt: skip
    return out


def load_meantime(path: Path) -> tuple[list[GoldTimex], int]:
    """The text-consuming TIMEX3 expressions of one MEANTIME file (DCT excluded), and the
    number of non-text-consuming TIMEX3 markables skipped."""
    root = ET.parse(path).getroot()
    tokens = {tok.get("t_id"): tok.text or "" for tok in root.iter("token")}
    sentence_of = {tok.get("t_id"): tok.get("sentence") for tok in root.iter("token")}
    markables = root.find("Markables")
    timexes = list(markables.iter("TIMEX3")) if markables is not None else []

    def is_dateline(t: ET.Element) -> bool:
        anchors = t.findall("token_anchor")
        return bool(anchors) and all(sentence_of.get(a.get("t_id")) == "1" for a in anchors)

    dct_elem = next(
        (t for t in timexes if t.get("functionInDocument") == "CREATION_TIME"),
        next((t for t in timexes if is_dateline(t)), None),
    )
    if dct_elem is None:
        raise ValueError(f"{path.name}: no creation time")
    dct = dct_elem.get("value", "")
    out: list[GoldTimex] = []
    implicit = 0
    for t in timexes:
        if t is dct_elem:
            continue
        ids = sorted((a.get("t_id", "") for a in t.findall("token_anchor")), key=int)
        if not ids:
            implicit += 1
            continue
        out.append(
            GoldTimex(path.stem, t.get("m_id", ""), join_tokens([tokens[i] for i in ids]),
                      t.get("type", ""), t.get("value", ""), dct)
        )  # fmt: skip
    return out, implicit


def iter_corpus(name: str, data_dir: Path, skipped: list[int] | None = None) -> Iterator[GoldTimex]:
    """Every gold expression of corpus ``name``, in a stable order.

    ``skipped``, if given, receives the number of non-text-consuming TIMEX3 left out.
    """
    if name == "tempeval3_platinum":
        for p in sorted((data_dir / "tempeval3_platinum").glob("*.tml")):
            yield from load_tempeval(p)
    elif name == "meantime_en":
        for p in sorted((data_dir / "meantime_en" / "intra-doc_annotation").glob("*/*.xml")):
            gold, implicit = load_meantime(p)
            if skipped is not None:
                skipped.append(implicit)
            yield from gold
    else:
        raise ValueError(f"unknown corpus {name!r}")


def evaluate(name: str, data_dir: Path) -> tuple[dict[str, dict[str, float]], list[tuple], int]:
    """Score one corpus: per-type stats, the mistakes, and the skipped implicit TIMEX3s."""
    stats: dict[str, dict[str, float]] = {t: {"n": 0, "correct": 0} for t in TYPES}
    errors = []
    skipped: list[int] = []
    for g in iter_corpus(name, data_dir, skipped):
        pred = normalize_date(g.text, published=dct_date(g.dct), lang="en").value
        s = stats.setdefault(g.type, {"n": 0, "correct": 0})
        s["n"] += 1
        if pred == g.value:
            s["correct"] += 1
        else:
            errors.append((g.doc, g.type, g.text, g.value, pred, g.dct))
    for s in stats.values():
        s["accuracy"] = round(s["correct"] / s["n"], 4) if s["n"] else 0.0
    return stats, errors, sum(skipped)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="TIMEX3 value accuracy of normalize_date.")
    ap.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="directory holding tempeval3_platinum/ and meantime_en/",
    )
    ap.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print the first N mistakes per corpus"
    )
    ap.add_argument(
        "--corpus", choices=CORPORA, action="append", help="evaluate only this corpus (repeatable)"
    )
    ap.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    args = ap.parse_args(argv)

    summary: dict[str, dict[str, dict[str, float]]] = {}
    for name in args.corpus or CORPORA:
        t0 = time.perf_counter()
        stats, errors, skipped = evaluate(name, args.data_dir)
        elapsed = time.perf_counter() - t0
        n_all = sum(int(s["n"]) for s in stats.values())
        c_all = sum(int(s["correct"]) for s in stats.values())
        note = f", {skipped} non-text-consuming TIMEX3 skipped" if skipped else ""
        print(f"\n{name}: {n_all} expressions{note} ({elapsed:.1f}s)")
        print(f"  {'type':<9}{'n':>6}{'correct':>9}{'accuracy':>10}")
        for typ, s in stats.items():
            print(f"  {typ:<9}{s['n']:>6}{s['correct']:>9}{s['accuracy']:>10.3f}")
        print(f"  {'ALL':<9}{n_all:>6}{c_all:>9}{(c_all / n_all if n_all else 0):>10.3f}")
        for doc, typ, text, gold, pred, dct in errors[: args.errors]:
            print(f"    [{typ}] {text!r:42} gold={gold:<20} pred={pred}  dct={dct}  ({doc})")
        summary[name] = {t: {"n": s["n"], "accuracy": s["accuracy"]} for t, s in stats.items()}
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
