"""Benchmark: TIMEX3 value normalization by :func:`llmclaims.dates.normalize_date`.

Every gold TIMEX3 of two English news corpora is normalized from its text, with the
document creation time (DCT) as publication date, and the predicted value is compared with
the gold ``value`` attribute. Each corpus is run three times:

* **isolated**: ``normalize_date(text, published=DCT, lang="en")``, the expression alone;
* **sentence**: the same plus ``context=`` the expression's sentence;
* **pipeline** (the headline): the sentence plus ``reference=`` from
  ``llmclaims.dates.document_references``, exactly as ``llmclaims.assemble`` passes them
  for a timeline: the value of the previous DATE of the same document, in text order, as
  normalized by the same code (a calendar value: a date, week, month, quarter, half,
  season or year, never a range, duration, vague value or placeholder; none before the
  first one). The reference is our own output, never a gold value. Every gold expression
  is an entry here, while a model's timeline may list fewer dates: for the pipeline this
  is the figure when the timeline holds every time expression of the article.

Corpora, looked up under ``--data-dir`` (default: ``$LLMCLAIMS_SHARED_DATA``, else
``../shared/data`` relative to the repo):

* ``tempeval3_platinum/*.tml``: TempEval-3 platinum test set, inline TimeML. The DCT is
  the TIMEX3 with ``functionInDocument="CREATION_TIME"``; the evaluated expressions are
  all TIMEX3 elements inside ``<TEXT>``, their text being the element's text with
  whitespace collapsed. The sentence of an expression comes from the text of ``<TEXT>``
  with all tags stripped, split by :func:`sentence_spans` (end punctuation followed by a
  capital or digit, or a blank line; not after an abbreviation, an initial or a dotted
  acronym), whitespace collapsed. This corpus is the held-out test set: run it for the
  score only, do not read its errors.
* ``meantime_en/intra-doc_annotation/*/*.xml``: MEANTIME English (NewsReader XML, see
  ``MEANTIME_NWR.xsd``). Tokens are ``<token t_id=...>``; TIMEX3 markables sit in
  ``<Markables>`` and list their tokens as ``<token_anchor t_id=...>``. The expression text
  is the anchored tokens in document order joined by single spaces, except that no space
  is put before closing punctuation (``, . ) %``...) or after opening punctuation, and
  none around a ``-`` or ``/`` token (``mid - 2011`` -> ``mid-2011``). The sentence of an
  expression is all tokens with the ``sentence`` number of its first token, joined the
  same way; text order is the order of first tokens.

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

    python benchmarks/timex_normalization.py [--data-dir DIR] [--corpus NAME]
        [--errors N [--sentences]] [--json]

``--errors N`` prints the first N pipeline mistakes (with ``--sentences``, their
sentences); use it on ``meantime_en`` only. With ``--json`` the last line printed is one
JSON object holding the pipeline figures per corpus and type, and the other two runs under
the keys ``"isolated"`` and ``"sentence"`` in the same shape::

    {"tempeval3_platinum": {"DATE": {"n": ..., "accuracy": ...}, "TIME": ..., ...},
     "meantime_en": {...},
     "isolated": {"tempeval3_platinum": {"DATE": {"n": ..., "accuracy": ...}, ...},
                  "meantime_en": {...}},
     "sentence": {...}}

It exits with status 2, printing nothing on stdout, when a corpus has no gold expression
(a missing or moved data folder).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from llmclaims.dates import document_references, normalize_date  # noqa: E402

DEFAULT_DATA_DIR = Path(
    os.environ.get("LLMCLAIMS_SHARED_DATA") or REPO_ROOT.parent / "shared" / "data"
)
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
    sentence: str = ""


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


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "mt", "ft", "pres", "rev",
}  # fmt: skip
_RE_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of plain ``text`` (a simple splitter: a period,
    question or exclamation mark followed by a capital or digit, or a blank line; not after
    an abbreviation such as "Mr." or "Jan.", an initial, or a dotted acronym such as "U.S.")."""
    spans, start = [], 0
    for m in _RE_SENTENCE_END.finditer(text):
        if text[m.start()] == ".":
            word = re.search(r"(\S+)$", text[start : m.start()])
            w = word.group(1).lower().lstrip("\"'“‘(") if word else ""
            if w in _ABBREVIATIONS or len(w) == 1 or "." in w:
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _flatten(elem: ET.Element, parts: list[str], offsets: dict[int, tuple[int, int]]) -> int:
    """Append the text of ``elem`` (tags stripped) to ``parts``; record the character span
    of every TIMEX3 element (by ``id()``) in ``offsets``. Returns the new text length."""
    length = sum(map(len, parts))
    begin = length
    if elem.text:
        parts.append(elem.text)
        length += len(elem.text)
    for child in elem:
        length = _flatten(child, parts, offsets)
        if child.tail:
            parts.append(child.tail)
            length += len(child.tail)
    if elem.tag == "TIMEX3":
        offsets[id(elem)] = (begin, length)
    return length


def load_tempeval(path: Path) -> list[GoldTimex]:
    """The in-text TIMEX3 expressions of one TimeML ``.tml`` file, in text order, each with
    its sentence (the text of ``<TEXT>`` with tags stripped, split by
    :func:`sentence_spans`, whitespace collapsed)."""
    root = ET.parse(path).getroot()
    dct = next(
        (t.get("value", "") for t in root.iter("TIMEX3")
         if t.get("functionInDocument") == "CREATION_TIME"),
        None,
    )  # fmt: skip
    text = root.find("TEXT")
    if dct is None or text is None:
        raise ValueError(f"{path.name}: no CREATION_TIME TIMEX3 or no <TEXT>")
    parts: list[str] = []
    offsets: dict[int, tuple[int, int]] = {}
    _flatten(text, parts, offsets)
    plain = "".join(parts)
    spans = sentence_spans(plain)
    out = []
    for t in text.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            continue
        expression = " ".join("".join(t.itertext()).split())
        begin, end = offsets[id(t)]
        s_begin = max(a for a, _ in spans if a <= begin)
        s_end = min(b for _, b in spans if b >= end)
        sentence = " ".join(plain[s_begin:s_end].split())
        out.append(
            GoldTimex(path.stem, t.get("tid", ""), expression, t.get("type", ""),
                      t.get("value", ""), dct, sentence)
        )  # fmt: skip
    return out


def load_meantime(path: Path) -> tuple[list[GoldTimex], int]:
    """The text-consuming TIMEX3 expressions of one MEANTIME file (DCT excluded) in text
    order (by first token), each with its sentence (the tokens of the same ``sentence``
    joined by :func:`join_tokens`), and the number of non-text-consuming TIMEX3 markables
    skipped."""
    root = ET.parse(path).getroot()
    tokens = {tok.get("t_id"): tok.text or "" for tok in root.iter("token")}
    sentence_of = {tok.get("t_id"): tok.get("sentence") for tok in root.iter("token")}
    sentences: dict[str | None, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(tok.get("sentence"), []).append(tok.text or "")
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
    found: list[tuple[int, GoldTimex]] = []
    implicit = 0
    for t in timexes:
        if t is dct_elem:
            continue
        ids = sorted((a.get("t_id", "") for a in t.findall("token_anchor")), key=int)
        if not ids:
            implicit += 1
            continue
        sentence = join_tokens(sentences[sentence_of[ids[0]]])
        gold = GoldTimex(path.stem, t.get("m_id", ""), join_tokens([tokens[i] for i in ids]),
                         t.get("type", ""), t.get("value", ""), dct, sentence)  # fmt: skip
        found.append((int(ids[0]), gold))
    found.sort(key=lambda pair: pair[0])
    return [g for _, g in found], implicit


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


MODES = ("isolated", "sentence", "pipeline")


def evaluate(
    name: str, data_dir: Path, mode: str = "pipeline"
) -> tuple[dict[str, dict[str, float]], list[tuple], int]:
    """Score one corpus: per-type stats, the mistakes, and the skipped implicit TIMEX3s.

    ``mode`` (see the module docstring): ``"isolated"`` gives the expression and the DCT;
    ``"sentence"`` adds the sentence as ``context``; ``"pipeline"`` adds, as ``reference``,
    what ``document_references`` gives for the document's expressions in text order (the
    previous DATE as normalized by the same code, never the gold value).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    stats: dict[str, dict[str, float]] = {t: {"n": 0, "correct": 0} for t in TYPES}
    errors = []
    skipped: list[int] = []
    documents: dict[str, list[GoldTimex]] = {}
    for g in iter_corpus(name, data_dir, skipped):
        documents.setdefault(g.doc, []).append(g)
    for gold in documents.values():
        dct = dct_date(gold[0].dct)
        references: list[str | None] = [None] * len(gold)
        if mode == "pipeline":
            entries = [(i, g.text, g.sentence or None) for i, g in enumerate(gold)]
            references = document_references(entries, _dt.date.fromisoformat(dct), "en")
        for g, reference in zip(gold, references, strict=True):
            extra: dict[str, Any] = {}
            if mode != "isolated":
                extra["context"] = g.sentence or None
            if mode == "pipeline":
                extra["reference"] = reference
            pred = normalize_date(g.text, published=dct, lang="en", **extra).value
            s = stats.setdefault(g.type, {"n": 0, "correct": 0})
            s["n"] += 1
            if pred == g.value:
                s["correct"] += 1
            else:
                errors.append((g.doc, g.type, g.text, g.value, pred, g.dct, g.sentence))
    for s in stats.values():
        s["accuracy"] = round(s["correct"] / s["n"], 4) if s["n"] else 0.0
    return stats, errors, sum(skipped)


def _print_table(title: str, stats: dict[str, dict[str, float]]) -> None:
    n_all = sum(int(s["n"]) for s in stats.values())
    c_all = sum(int(s["correct"]) for s in stats.values())
    print(f"  {title}")
    print(f"    {'type':<9}{'n':>6}{'correct':>9}{'accuracy':>10}")
    for typ, s in stats.items():
        print(f"    {typ:<9}{s['n']:>6}{s['correct']:>9}{s['accuracy']:>10.3f}")
    print(f"    {'ALL':<9}{n_all:>6}{c_all:>9}{(c_all / n_all if n_all else 0):>10.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="TIMEX3 value accuracy of normalize_date.")
    ap.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="directory holding tempeval3_platinum/ and meantime_en/",
    )
    ap.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="print the first N pipeline mistakes per corpus (do not use on the held-out "
        "tempeval3_platinum)",
    )
    ap.add_argument("--sentences", action="store_true", help="print the sentence of each mistake")
    ap.add_argument(
        "--corpus", choices=CORPORA, action="append", help="evaluate only this corpus (repeatable)"
    )
    ap.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    args = ap.parse_args(argv)

    summary: dict[str, Any] = {}
    isolated: dict[str, Any] = {}
    sentence: dict[str, Any] = {}
    for name in args.corpus or CORPORA:
        t0 = time.perf_counter()
        iso_stats, _, skipped = evaluate(name, args.data_dir, "isolated")
        sentence_stats, _, _ = evaluate(name, args.data_dir, "sentence")
        stats, errors, _ = evaluate(name, args.data_dir, "pipeline")
        elapsed = time.perf_counter() - t0
        n_all = sum(int(s["n"]) for s in stats.values())
        if n_all == 0:
            # A figure over nothing is not a figure: a missing or moved corpus must fail loudly.
            print(
                f"timex_normalization: no gold expressions for {name} under {args.data_dir}",
                file=sys.stderr,
            )
            return 2
        note = f", {skipped} non-text-consuming TIMEX3 skipped" if skipped else ""
        print(f"\n{name}: {n_all} expressions{note} ({elapsed:.1f}s for the three runs)")
        _print_table("isolated (expression + DCT)", iso_stats)
        _print_table("sentence (+ the expression's sentence)", sentence_stats)
        _print_table("pipeline (+ previous DATE of the document as reference)", stats)
        for doc, typ, text, gold, pred, dct, sentence in errors[: args.errors]:
            print(f"    [{typ}] {text!r:42} gold={gold:<20} pred={pred}  dct={dct}  ({doc})")
            if args.sentences:
                print(f"        {sentence}")
        summary[name] = {t: {"n": s["n"], "accuracy": s["accuracy"]} for t, s in stats.items()}
        isolated[name] = {t: {"n": s["n"], "accuracy": s["accuracy"]} for t, s in iso_stats.items()}
        sentence[name] = {
            t: {"n": s["n"], "accuracy": s["accuracy"]} for t, s in sentence_stats.items()
        }
    if args.json:
        print(json.dumps({**summary, "isolated": isolated, "sentence": sentence}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
