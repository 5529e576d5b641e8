"""Grounding: find the model's quotes in the article, as spans of the article's own characters.

The model is asked to copy its evidence verbatim, and mostly does, but not byte for byte: it
straightens typographic quotes and apostrophes, re-flows whitespace, changes case, drops the
quotation marks of a quoted passage, elides words with "...", and now and then makes a typo.
`locate_evidence` finds a quote anyway, in three tiers, cheapest first, and says which one
matched (`Span.status`); what it forgives is typography and misspellings, never a changed word.

Every tier: a match starts and ends on word boundaries, never inside a word, a number ("300"
of "4,300", "5" of "2.5") or one article character's expansion, nor before a combining accent.

``exact``
    The quote (outer whitespace stripped) is a substring of the article, on word boundaries.

``normalized``
    Quote and article are compared after the same normalization of both (see `normalize_text`):
    Unicode compatibility decomposition (NFKD: "…" becomes "...", NBSP a space), case folding,
    typographic apostrophes ’ ‘ ʼ ` -> ', hyphen and dash variants -> -, double quotation marks
    “ ” « » „ " removed, runs of whitespace collapsed to one space, no space before , . ; : ! ? ) ]
    nor after ( [ '. So `l'accusa` finds `l’accusa`, and `"conseguente e preoccupante
    escalation"`, with or without the marks and with or without spaces inside them, finds the
    article's `" conseguente e preoccupante escalation "`. An ellipsis in the quote (`...`, `…`,
    `[...]`, `(...)`) stands for omitted words: each piece is found in order, each no more than
    `MAX_ELLIPSIS_GAP` normalized characters after the previous one, and the span runs from the
    first piece's start to the last piece's end. What an ellipsis skips may not hold a
    negation, a digit, a number word or a magnitude (the *fact words* below), nor a paragraph
    break (a blank line): "Ford has ... come forward" does not find "Ford has not come
    forward". A trailing `.,;:!?` the article lacks is tolerated.

``fuzzy``
    Only when both tiers above fail, for quotes of at least `FUZZY_MIN_WORDS` words and
    `FUZZY_MIN_CHARS` characters. A window of the article is accepted when ALL hold:

    1. character similarity (difflib `SequenceMatcher.ratio`, on normalized text, over a window
       aligned word by word with the quote) is at least `FUZZY_THRESHOLD` = 0.90;
    2. word alignment: every quote word equals an article word or is a *typo* of it. A typo:
       only accents differ ("e" for "è"); or both words have at least 4 letters, are at
       Damerau (OSA) edit distance 1, or 2 for words of 8+ letters, neither is the other with
       letters added at either end ("likely"/"unlikely", "aircraft"/"aircrafts",
       "assemb"/"assemble": another word form, or a quote cut mid-word), and the quote's word
       is no *real word*: not a word of the article, and rarer than `REAL_WORD_ZIPF` (Zipf 3.0,
       once per million words) in `wordfreq`'s list of the article's language ("will"->"bill",
       "North"->"Worth", "there"->"three" are other words). Two words fused or split count as
       one typo only when they join to exactly the other side;
    3. at most ``1 + words // 20`` words added, or dropped, inside the quote (not both kinds,
       so no word is ever replaced by another; and not at its first or last word); at most
       ``1 + words // 10`` typos;
    4. no *fact word* is added, dropped or altered: a word with a digit, or one of the
       language's `NEGATIONS`, `NUMBER_WORDS` and `MAGNITUDES` ("not", "didn", "mai", "eight",
       "million", "miliardi"...); and no proper name is added or dropped (a capitalized word
       that does not open a sentence, in the article or in the quote). A name may only be
       misspelled, by rule 2: "Stati Unti" finds "Stati Uniti", but "Kerry" (a real word)
       never finds "Kirby", nor one name of the article another;
    5. the window does not cross a paragraph break.

    Why 0.90 and the word rules: the ratio alone cannot tell a typo from a changed fact
    ("di Kim" vs "di Putin" in a 40-character quote is still 0.92), so the word rules carry the
    meaning-preservation guarantee and the ratio bounds the total amount of change: one
    dropped word of k letters passes in a quote of L letters only when k <= 0.22 L, so short
    quotes tolerate a typo but not a dropped word. Translations and topic-similar sentences
    share too few words in order to even become candidates (half of the quote's words must
    line up on one diagonal of the article), and invented sentences that recombine real
    words fail the no-substitution rule.

Language: `locate_evidence(..., lang=)` takes the article's language (BCP 47) and reads that
language module's word lists and `wordfreq` data; without it, every registered language's
apply together (stricter: Italian "due" is a number word for an English text too).

What differed: every match that is not exact carries `Span.differences` (`differences`): the
quote's words against the article's, each labelled case, typography, accent, spelling, added,
dropped or elided (the words an ellipsis stands for). The pipeline (`llmclaims.assemble`) flags
an item `fuzzy_match` when one of its quotes was found only by the fuzzy tier, and
`evidence_too_short` when one of them is function words only (the language's `STOPWORDS`) or,
for a claim or a timeline entry, one word (`evidence_too_short`), since such a quote "grounds"
anything.

Offsets: normalization keeps, for every normalized character, the index of the article
character it came from, so every match maps back to article offsets exactly and
``text[span.start:span.end] == span.text`` always holds.

Cost: the article is normalized once and cached (`functools.lru_cache`, the last 4 texts);
normalization maps characters with `bytes.translate` and a table (Python code only visits
characters that are not ASCII, and the few spaces to remove), about 0.07 s per MB. Exact and
normalized look-ups are `str.find` calls (a few µs to a few tens of µs per quote on a 3 KB
article). Fuzzy look-ups index the article's words and its proper names once per text
(about 0.1 s per MB each), vote for alignments using the quote words that occur at most
`FUZZY_MAX_ANCHOR_OCCURRENCES` times (at least the two rarest), score at most
`FUZZY_MAX_CANDIDATES` locations, preferring the best-supported and then the earliest, with
at most ``(2 * (1 + words // 20) + 1) ** 2`` windows each, and skip quotes longer than
`FUZZY_MAX_QUOTE_CHARS`; past the one-off indexing, their cost grows with the quote and the
anchors' frequency, not with the article's length.
In a huge, repetitive text the candidate cap can make the fuzzy tier miss a match (it then
returns None, never a wrong span). The real-word test costs about 0.1 s once per language
(`wordfreq` loads its list, shipped in the package: no network), then ~10 µs per new word; the
typo distance is rapidfuzz's OSA (same decisions as the pure-Python version it replaced,
`tests/test_grounding_rules.py`; 0.02 s instead of 7 s per 100,000 pairs,
`benchmarks/grounding.py`).

`sentence_around` finds the sentence around a span (used by the hedging checks). A text is
split into sentences once (cached like its normalization: about 10 ms per MB), and each
look-up is a bisection.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from types import ModuleType
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from . import languages
from .models import Difference, DifferenceKind, MatchStatus, Span

__all__ = [
    "FUZZY_THRESHOLD",
    "MAX_ELLIPSIS_GAP",
    "REAL_WORD_ZIPF",
    "differences",
    "evidence_too_short",
    "ground_quotes",
    "locate_evidence",
    "normalize_text",
    "sentence_around",
]

FUZZY_THRESHOLD = 0.90
"""Minimum `difflib.SequenceMatcher.ratio` between normalized quote and article window."""
FUZZY_MIN_WORDS = 3
FUZZY_MIN_CHARS = 15
FUZZY_MAX_QUOTE_CHARS = 2000
FUZZY_MAX_CANDIDATES = 16
FUZZY_MAX_ANCHOR_OCCURRENCES = 500
FUZZY_MAX_WORDS_SCORED = 8000
"""Most quote words x windows the fuzzy tier scores for one quote (at least 8 windows):
bounds its worst case on long quotes over repetitive text."""
MAX_ELLIPSIS_GAP = 300
"""Most normalized characters an ellipsis in a quote may stand for."""
MIN_QUOTE_CHARS = 3
"""Shorter normalized quotes (or punctuation only) are found by the exact tier only."""
REAL_WORD_ZIPF = 3.0
"""A word this frequent (`wordfreq` Zipf scale: once per million words) in the article's
language (any registered language when it is unknown) is a real word: a fuzzy match never
turns an article word into it."""

# --------------------------------------------------------------------------- normalization

_DOUBLE_QUOTES = frozenset('"“”„‟«»‹›〝〞〟＂')
_APOSTROPHES = frozenset("'‘’‚‛′ʼ`´")
_DASHES = frozenset("-‐‑‒–—―−⁃﹘﹣－")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_NO_SPACE_BEFORE = frozenset(",.;:!?)]")
_NO_SPACE_AFTER = frozenset("(['")


def _fold(ch: str) -> str | None:
    """The replacement of a punctuation or space character, None for any other."""
    if ch in _DOUBLE_QUOTES or ch in _INVISIBLE:
        return ""
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    return None


def _norm_char(c: str) -> str:
    """Normalized form of one character (may be empty or several characters)."""
    folded = _fold(c)
    if folded is not None:
        return folded
    out = []
    for ch in unicodedata.normalize("NFKD", c):
        folded = _fold(ch)
        out.append(folded if folded is not None else unicodedata.normalize("NFKD", ch.casefold()))
    return "".join(out)


class _CharTable(dict[int, str]):
    """`str.translate` table: code point -> `_norm_char`, filled on first sight of a character."""

    def __missing__(self, code: int) -> str:
        value = _norm_char(chr(code))
        if len(self) < 100_000:
            self[code] = value
        return value


_TABLE = _CharTable()


def _ascii_table() -> tuple[bytes, str]:
    """A `bytes.translate` table equal to `_TABLE` on the ASCII characters that map to one
    character (the others map to themselves in it), and those others."""
    table = bytearray(range(256))
    others = []
    for code in range(128):
        value = _TABLE[code]
        if len(value) == 1 and value.isascii():
            table[code] = ord(value)
        else:
            others.append(chr(code))
    return bytes(table), "".join(others)


_ASCII_TABLE, _ASCII_OTHERS = _ascii_table()  # _ASCII_OTHERS: '"', which normalizes to ""
_ASCII_BYTES = bytes(range(128))
_RARE = re.compile("[" + re.escape(_ASCII_OTHERS) + r"\x80-\U0010ffff]")


def _map_chars(s: str) -> tuple[str, list[tuple[int, str]]]:
    """`s.translate(_TABLE)` (every character replaced by its normalized form, on its own),
    and where it did not replace a character by exactly one: (index in `s`, replacement).

    ASCII goes through `bytes.translate` (UTF-8 leaves ASCII bytes alone in longer
    sequences), so Python code only visits `"` and characters outside ASCII.
    """
    if s.isascii():
        u = s.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
        rare = {c for c in _ASCII_OTHERS if c in s}
    else:
        data = s.encode("utf-8", "surrogatepass")
        u = data.translate(_ASCII_TABLE).decode("utf-8", "surrogatepass")
        rare = set(data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
        rare.update(c for c in _ASCII_OTHERS if c in s)
    # `u` has `s`'s length: only the rare characters still need their normalized form.
    changes: list[tuple[int, str]] = []
    if len(rare) <= 32:  # a search per character that changes
        for c in rare:
            value = _TABLE[ord(c)]
            if value != c:
                i = s.find(c)
                while i != -1:
                    changes.append((i, value))
                    i = s.find(c, i + 1)
        changes.sort()
    else:  # many different ones: one pass over them all
        for m in _RARE.finditer(s):
            value = _TABLE[ord(m.group())]
            if value != m.group():
                changes.append((m.start(), value))
    if not changes:
        return u, changes
    parts = []
    pos = 0
    for i, value in changes:
        parts.append(u[pos:i])
        parts.append(value)
        pos = i + 1
    parts.append(u[pos:])
    return "".join(parts), [(i, v) for i, v in changes if len(v) != 1]


# After the characters are mapped, spaces are fixed: a run of spaces becomes one, and goes
# entirely at the start and the end, after ( [ ' and before , . ; : ! ? ) ]. This is exactly
# what a left-to-right pass that skips and pops spaces produces (tests/test_fast_paths.py
# checks it against that pass). The patterns only run where a substring test shows that they
# have something to do.
_LONG_SPACE_RUN = re.compile("  +")
_SPACE_BEFORE = re.compile(r" +(?=[,.;:!?)\]])")
_SPACE_AFTER = re.compile(r"([(\[']) +")
_BEFORE_PAIRS = tuple(" " + c for c in _NO_SPACE_BEFORE)
_AFTER_PAIRS = tuple(c + " " for c in _NO_SPACE_AFTER)


def _space_fixes(t: str) -> list[tuple[int, int]]:
    """Spans of `t` (characters mapped one by one) that the space rules remove, in order."""
    drops: dict[int, int] = {}  # end of a run of spaces -> start of what goes
    if "  " in t:  # a long run keeps its first space ...
        drops = {m.end(): m.start() + 1 for m in _LONG_SPACE_RUN.finditer(t)}
    for pair in _BEFORE_PAIRS:  # ... unless the whole run goes: before , . ; : ! ? ) ]
        i = t.find(pair)
        while i != -1:
            start = i
            while start > 0 and t[start - 1] == " ":
                start -= 1
            drops[i + 1] = start
            i = t.find(pair, i + 2)
    for pair in _AFTER_PAIRS:  # after ( [ '
        i = t.find(pair)
        while i != -1:
            end = i + 2
            while end < len(t) and t[end] == " ":
                end += 1
            drops[end] = i + 1
            i = t.find(pair, end)
    if t.startswith(" "):
        drops[len(t) - len(t.lstrip(" "))] = 0
    if t.endswith(" "):
        drops[len(t)] = len(t.rstrip(" "))
    return sorted((a, b) for b, a in drops.items())


def _normalize(s: str) -> tuple[str, list[int]]:
    """Normalize `s`, returning the text and, for each of its characters, the source index."""
    t, resized = _map_chars(s)
    index: list[int] = []
    pos = 0
    for i, value in resized:
        index.extend(range(pos, i))
        index.extend(itertools.repeat(i, len(value)))
        pos = i + 1
    index.extend(range(pos, len(s)))
    if " " not in t:
        return t, index
    fixes = _space_fixes(t)
    if not fixes:
        return t, index
    parts: list[str] = []
    kept: list[int] = []
    pos = 0
    for a, b in fixes:
        parts.append(t[pos:a])
        kept.extend(index[pos:a])
        pos = b
    parts.append(t[pos:])
    kept.extend(index[pos:])
    return "".join(parts), kept


def normalize_text(s: str) -> str:
    """The normalized form `locate_evidence` compares (see the module docstring)."""
    t = _map_chars(s)[0]
    if " " not in t:
        return t
    if "  " in t:
        t = _LONG_SPACE_RUN.sub(" ", t)
    if any(pair in t for pair in _BEFORE_PAIRS):
        t = _SPACE_BEFORE.sub("", t)
    if any(pair in t for pair in _AFTER_PAIRS):
        t = _SPACE_AFTER.sub(r"\1", t)
    return t.strip(" ")


_WORD_RE = re.compile(r"[\w\u0300-\u036f]+")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or bool(unicodedata.combining(ch))


@dataclass
class _Prepared:
    text: str
    norm: str
    index: list[int]
    _words: tuple[list[str], list[int], list[int], dict[str, list[int]]] | None = field(
        default=None, repr=False
    )
    _names: frozenset[str] | None = field(default=None, repr=False)

    def names(self) -> frozenset[str]:
        """The article's proper names, normalized (see `_proper_names`)."""
        if self._names is None:
            self._names = _proper_names(self.text)
        return self._names

    def words(self) -> tuple[list[str], list[int], list[int], dict[str, list[int]]]:
        """Normalized word tokens, their start/end in `norm`, and token -> positions."""
        if self._words is None:
            toks: list[str] = []
            starts: list[int] = []
            ends: list[int] = []
            where: dict[str, list[int]] = {}
            for k, m in enumerate(_WORD_RE.finditer(self.norm)):
                toks.append(m.group())
                starts.append(m.start())
                ends.append(m.end())
                where.setdefault(m.group(), []).append(k)
            self._words = (toks, starts, ends, where)
        return self._words


@lru_cache(maxsize=4)  # one article is grounded at a time; its index costs ~40 bytes a char
def _prepare(text: str) -> _Prepared:
    norm, index = _normalize(text)
    return _Prepared(text, norm, index)


def _clean_edges(p: _Prepared, ns: int, ne: int) -> bool:
    """A match must not split an article character's expansion, nor a word."""
    norm, index = p.norm, p.index
    if ns > 0:
        if index[ns - 1] == index[ns]:
            return False
        if _is_word_char(norm[ns]) and _is_word_char(norm[ns - 1]):
            return False
    if ne < len(norm):
        if index[ne] == index[ne - 1] or unicodedata.combining(norm[ne]):
            return False
        if _is_word_char(norm[ne - 1]) and _is_word_char(norm[ne]):
            return False
    return not _inside_number(norm, ns, ne)


def _inside_number(s: str, start: int, end: int) -> bool:
    """True when `s[start:end]` starts or ends inside a number: "300" of "4,300", "2" of "2.5"."""
    if start >= 2 and s[start].isdigit() and s[start - 1] in ".," and s[start - 2].isdigit():
        return True
    return end + 1 < len(s) and s[end - 1].isdigit() and s[end] in ".," and s[end + 1].isdigit()


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    """The exact tier's edge rule: `text[start:end]` neither splits a word (nor a letter from
    its combining accent) nor starts or ends inside a number."""
    if start > 0 and _is_word_char(text[start]) and _is_word_char(text[start - 1]):
        return False
    if end < len(text):
        if unicodedata.combining(text[end]):
            return False
        if _is_word_char(text[end - 1]) and _is_word_char(text[end]):
            return False
    return not _inside_number(text, start, end)


def _first_norm_pos(p: _Prepared, start: int) -> int:
    """First normalized position whose article index is >= start."""
    return bisect_left(p.index, start)


# --------------------------------------------------------------------------- tiers


def _find_all(p: _Prepared, piece: str, lo: int, hi: int | None = None):
    """Clean normalized occurrences of `piece` starting in [lo, hi], in order.

    With `hi`, `str.find` is bounded to the window, so a missing piece costs the window, not
    the rest of the text."""
    norm = p.norm
    stop = len(norm) if hi is None else min(len(norm), hi + len(piece))
    pos = norm.find(piece, lo, stop)
    while pos != -1:
        end = pos + len(piece)
        if _clean_edges(p, pos, end):
            yield pos, end
        pos = norm.find(piece, pos + 1, stop)


_ELLIPSIS_RE = re.compile(r"\s*[\[(]?\s*(?:\.\s?){2,}\.\s*[\])]?\s*")
_TRAILING_PUNCT_RE = re.compile(r"[\s.,;:!?]+$")
_EDGE_NONWORD_RE = re.compile(r"^[^\w]+|[^\w\u0300-\u036f]+$")


def _substantial(piece: str) -> bool:
    return len(piece) >= MIN_QUOTE_CHARS and any(ch.isalnum() for ch in piece)


class _ChainWork:
    """Counts the piece occurrences `_chain` examines, so tests can bound its work."""

    occurrences = 0
    windows = 0


def _chain(
    p: _Prepared, pieces: list[str], lo: int, finders, lang: _Language
) -> tuple[int, int] | None:
    """Earliest placement of all pieces in order, each within MAX_ELLIPSIS_GAP of the last.

    Two passes instead of backtracking (which was exponential in the number of pieces: "the
    ... the ... the ... Putin denied" took minutes on a long text): backwards, keep the
    occurrences of each piece from which the rest of the chain can be completed (a later
    piece's feasible occurrence starts within the gap: a bisection); forwards, take the first
    feasible occurrence of each piece. Work: every occurrence of every piece once, plus a
    bisection each.

    What an ellipsis skips must be harmless (`_harmless_gap`): the nearest feasible next
    occurrence is the one to test, since a farther one only skips more.
    """
    occurrences = [list(finder(lo, None)) for finder in finders]
    _ChainWork.occurrences += sum(len(o) for o in occurrences)
    feasible: list[list[tuple[int, int]]] = [[] for _ in pieces]
    feasible[-1] = occurrences[-1]
    for k in range(len(pieces) - 2, -1, -1):
        nxt = [s for s, _ in feasible[k + 1]]
        for s, e in occurrences[k]:
            i = bisect_left(nxt, e)
            if (
                i < len(nxt)
                and nxt[i] <= e + MAX_ELLIPSIS_GAP
                and _harmless_gap(p, e, nxt[i], lang)
            ):
                feasible[k].append((s, e))
        if not feasible[k]:
            return None
    if not feasible[0]:
        return None
    start, end = feasible[0][0]
    for k in range(1, len(pieces)):
        nxt = [s for s, _ in feasible[k]]
        i = bisect_left(nxt, end)
        end = feasible[k][i][1]
    return start, end


def _harmless_gap(p: _Prepared, end: int, start: int, lang: _Language) -> bool:
    """An ellipsis may skip words, but not a negation, a number (digits, number words,
    magnitudes) nor a paragraph break: "Ford has ... come forward" is not "Ford has not come
    forward", and two paragraphs stitched together are not one quote."""
    if any(lang.protected(w) for w in _WORD_RE.findall(p.norm, end, start)):
        return False
    if start <= end:
        return True
    return _PARAGRAPH_RE.search(p.text, p.index[end - 1] + 1, p.index[start]) is None


def _to_span(
    p: _Prepared, ns: int, ne: int, status: MatchStatus, quote: str, min_start: int
) -> Span:
    text = p.text
    start, end = p.index[ns], p.index[ne - 1] + 1
    q = quote.strip()
    # The quote opened (closed) with a quotation mark: take in the article's own mark too,
    # across the spaces an Italian text may put inside it (`" conseguente ... escalation "`).
    if q[:1] in _DOUBLE_QUOTES:
        k = start
        while k > 0 and text[k - 1] in " \t\u00a0" and start - k < 3:
            k -= 1
        if k > min_start and text[k - 1] in _DOUBLE_QUOTES:
            start = k - 1
    if len(q) > 1 and q[-1] in _DOUBLE_QUOTES:
        k = end
        while k < len(text) and text[k] in " \t\u00a0" and k - end < 3:
            k += 1
        if k < len(text) and text[k] in _DOUBLE_QUOTES:
            end = k + 1
    return Span(start=start, end=end, text=text[start:end], status=status)


def _normalized_tier(p: _Prepared, qn: str, lo: int, lang: _Language) -> tuple[int, int] | None:
    candidates = [qn]
    trimmed = _TRAILING_PUNCT_RE.sub("", qn)
    if trimmed != qn and _substantial(trimmed):
        candidates.append(trimmed)
    for cand in candidates:
        for hit in _find_all(p, cand, lo):
            return hit
    pieces = _pieces(qn)
    if pieces and pieces != [qn]:
        finders = [_norm_finder(p, piece) for piece in pieces]
        return _chain(p, pieces, lo, finders, lang)
    return None


def _pieces(qn: str) -> list[str]:
    return [x for x in (s.strip() for s in _ELLIPSIS_RE.split(qn)) if any(c.isalnum() for c in x)]


def _norm_finder(p: _Prepared, piece: str):
    return lambda lo, hi: _find_all(p, piece, lo, hi)


# --------------------------------------------------------------------------- fuzzy


def _normalized_words(*names: str) -> frozenset[str]:
    return frozenset(normalize_text(w) for name in names for w in languages.union(name))


def _module_words(module: ModuleType, *names: str) -> frozenset[str]:
    return frozenset(normalize_text(w) for name in names for w in getattr(module, name, ()))


_FACTS = ("NEGATIONS", "NUMBER_WORDS", "MAGNITUDES")


@dataclass(frozen=True)
class _Language:
    """The word lists grounding reads for an article's language: `facts` (negations, number
    words, magnitudes) and `stopwords`, normalized, and the `wordfreq` codes that say what a
    real word is. Unknown language: every registered language's, together (stricter)."""

    facts: frozenset[str]
    stopwords: frozenset[str]
    codes: tuple[str, ...]

    def protected(self, word: str) -> bool:
        """Words that carry facts or polarity (negations, digits, number words, magnitudes):
        never added, dropped or altered by a fuzzy match, nor skipped by an ellipsis."""
        return word in self.facts or any(ch.isdigit() for ch in word)


@lru_cache(maxsize=16)
def _language(code: str | None) -> _Language:
    module = languages.for_code(code)
    codes = languages.supported() if module is None else (module.CODE,)
    import wordfreq  # here, not at the top: importing it takes ~0.3 s, unneeded until now

    shipped = wordfreq.available_languages()
    codes = tuple(c for c in codes if c in shipped)  # a list wordfreq ships
    if module is None:
        return _Language(_normalized_words(*_FACTS), _normalized_words("STOPWORDS"), codes)
    return _Language(_module_words(module, *_FACTS), _module_words(module, "STOPWORDS"), codes)


@lru_cache(maxsize=65536)
def _zipf(word: str, codes: tuple[str, ...]) -> float:
    """The word's highest `wordfreq` Zipf frequency in these languages (its data ships with
    the package: no network; about 0.1 s to load a language, then ~10 µs a word)."""
    import wordfreq

    word = unicodedata.normalize("NFC", word)
    return max((wordfreq.zipf_frequency(word, code) for code in codes), default=0.0)


_SENTENCE_END = frozenset(".!?…:;\n")
_OPENING_MARKS = frozenset(" \t\u00a0\"“”«»'‘’([-–—")


def _proper_names(text: str) -> frozenset[str]:
    """Normalized forms of the capitalized words of `text` that do not open a sentence."""
    names = set()
    for m in _WORD_RE.finditer(text):
        if not m.group()[0].isupper():
            continue
        k = m.start() - 1
        while k >= 0 and text[k] in _OPENING_MARKS:
            k -= 1
        if k >= 0 and text[k] not in _SENTENCE_END:
            names.add(normalize_text(m.group()))
    return frozenset(names)


@dataclass(frozen=True)
class _Rules:
    """What a fuzzy match may change, for one quote in one article.

    `vocabulary`: the article's normalized words; `names`: proper names of the article and
    of the quote (normalized).
    """

    vocabulary: dict[str, list[int]] | frozenset[str]
    names: frozenset[str]
    lang: _Language

    def fixed(self, word: str) -> bool:
        """Never added or dropped: a fact word or a proper name."""
        return self.lang.protected(word) or word in self.names

    def real_word(self, word: str) -> bool:
        return word in self.vocabulary or _zipf(word, self.lang.codes) >= REAL_WORD_ZIPF

    def typo(self, a: str, b: str, joined: bool = False) -> bool:
        """True when quote word `a` is article word `b` misspelled (see the module docstring),
        not another word. `joined`: one side is two words run together, which must then
        equal the other side exactly."""
        if a == b:
            return True
        if self.lang.protected(a) or self.lang.protected(b):
            return False
        if _strip_marks(a) == _strip_marks(b):
            return True  # only accents differ: "e" for "è", "perche" for "perché"
        if joined or min(len(a), len(b)) < 4:
            return False
        short, long_ = sorted((a, b), key=len)
        if long_.endswith(short) or long_.startswith(short):
            return False  # letters added or cut at an end: un-likely, aircraft-s, assemb(le)
        if self.real_word(a):
            return False  # will -> bill, North -> Worth, there -> three: another word
        limit = 2 if max(len(a), len(b)) >= 8 else 1
        return OSA.distance(a, b, score_cutoff=limit) <= limit


def _strip_marks(word: str) -> str:
    return "".join(ch for ch in word if not unicodedata.combining(ch))


def _align_block(
    qa: list[str], wa: list[str], mode: str, anchor_start: bool, anchor_end: bool, rules: _Rules
) -> tuple[int, int] | None:
    """Cheapest (unmatched words, typos) alignment of a differing block, or None.

    `mode` "add" lets quote words go unmatched (the model added them), "drop" lets article
    words go unmatched (the model dropped them); never both, so no word is substituted.
    An anchored edge must be a word-for-word (typo) match.
    """
    n, m = len(qa), len(wa)
    if n * m > 36:
        return None
    inf = (10**6, 10**6)
    best = [[inf] * (m + 1) for _ in range(n + 1)]  # cost of aligning qa[:i] with wa[:j]
    best[0][0] = (0, 0)
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            last = i == n and j == m
            options = []
            # a typo match of one or two words on either side (fused / split words)
            for di, dj in ((1, 1), (2, 1), (1, 2), (2, 2)):
                if i >= di and j >= dj:
                    u, t = best[i - di][j - dj]
                    joined = "".join(qa[i - di : i]), "".join(wa[j - dj : j])
                    if u < inf[0] and rules.typo(*joined, joined=di + dj > 2):
                        options.append((u, t + 1))
            skips = []
            if mode == "add" and i >= 1 and not rules.fixed(qa[i - 1]):
                skips.append(best[i - 1][j])
            if mode == "drop" and j >= 1 and not rules.fixed(wa[j - 1]):
                skips.append(best[i][j - 1])
            if not (last and anchor_end):
                for u, t in skips:
                    if u < inf[0] and not (anchor_start and (i, j) in ((1, 0), (0, 1))):
                        options.append((u + 1, t))
            if options:
                best[i][j] = min(options)
    return None if best[n][m] == inf else best[n][m]


def _word_cost(q: list[str], w: list[str], budget: int, rules: _Rules) -> int | None:
    """Edits needed to turn window `w` into quote `q` under the word rules, or None.

    Unmatched words may be added by the model or dropped by it, not both (no substitution),
    and never at either edge of the quote: the first and last words must match.
    """
    ops = SequenceMatcher(None, q, w, autojunk=False).get_opcodes()
    if ops[0][0] in ("insert", "delete") or ops[-1][0] in ("insert", "delete"):
        return None
    results = []
    for mode in ("add", "drop"):
        unmatched = typos = 0
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag == "equal":
                continue
            if tag in ("delete", "insert"):
                if (tag == "delete") != (mode == "add"):
                    break
                words = q[i1:i2] or w[j1:j2]
                if any(rules.fixed(x) for x in words):
                    break
                unmatched += len(words)
            else:
                last = k == len(ops) - 1
                cost = _align_block(q[i1:i2], w[j1:j2], mode, k == 0, last, rules)
                if cost is None:
                    break
                unmatched += cost[0]
                typos += cost[1]
            if unmatched > budget:
                break
        else:
            if typos <= 1 + len(q) // 10:
                results.append(unmatched + typos)
    return min(results) if results else None


def _may_pass(core: str, window: str) -> bool:
    """False when `window` cannot reach `FUZZY_THRESHOLD` (see the comment where it is used)."""
    return bool(fuzz.ratio(core, window, score_cutoff=FUZZY_THRESHOLD * 100))


def _fuzzy_hits(
    p: _Prepared, qn: str, names: frozenset[str], lang: _Language
) -> list[tuple[int, int]]:
    """Accepted fuzzy windows (normalized start, end), one per location, in text order."""
    core = _EDGE_NONWORD_RE.sub("", qn)
    q = _WORD_RE.findall(core)
    n = len(q)
    if n < FUZZY_MIN_WORDS or len(core) < FUZZY_MIN_CHARS or len(core) > FUZZY_MAX_QUOTE_CHARS:
        return []
    toks, starts, ends, where = p.words()
    rules = _Rules(where, p.names() | names, lang)
    budget = 1 + n // 20
    # Anchors: quote words found in the article, except very frequent ones; but at least the
    # two rarest, so that a long text made of frequent words still yields candidates.
    present = sorted((len(where[word]), j) for j, word in enumerate(q) if word in where)
    anchors = [j for count, j in present if count <= FUZZY_MAX_ANCHOR_OCCURRENCES]
    if len(anchors) < 2:
        anchors = [j for _, j in present[:2]]
    votes: Counter[int] = Counter()
    for j in anchors:
        for i in where[q[j]]:
            votes[i - j] += 1
    need = max(min(2, len(anchors)), -(-len(anchors) // 2))
    scored = []
    for d in votes:
        s = sum(votes.get(d + k, 0) for k in range(-budget, budget + 1))
        if s >= need:
            scored.append((-s, d))
    scored.sort()
    chosen: list[int] = []
    for _, d in scored:
        if all(abs(d - c) > budget for c in chosen):
            chosen.append(d)
            if len(chosen) >= FUZZY_MAX_CANDIDATES:
                break
    hits = []
    seen: set[tuple[int, int]] = set()
    windows = 0
    max_windows = max(8, FUZZY_MAX_WORDS_SCORED // n)
    long_quote = len(core) >= 200
    for d in chosen:
        best: tuple[tuple[float, int], int, int] | None = None
        if windows >= max_windows:
            break
        for s in range(max(0, d - budget), d + budget + 1):
            if windows >= max_windows:
                break
            for length in range(max(1, n - budget), n + budget + 1):
                e = s + length
                if e > len(toks):
                    break
                if (s, e) in seen:
                    continue
                seen.add((s, e))
                if windows >= max_windows:
                    break
                windows += 1
                ns, ne = starts[s], ends[e - 1]
                # rapidfuzz's Indel similarity (2·LCS / total) is never below difflib's ratio
                # (2·matched / total, matched <= LCS): a window under the threshold by it is
                # rejected below anyway, so testing it earlier changes no decision, only cost.
                # For long quotes it goes first (the word alignment is the dear part there);
                # for short ones the word rules reject most windows more cheaply.
                if long_quote and not _may_pass(core, p.norm[ns:ne]):
                    continue
                cost = _word_cost(q, toks[s:e], budget, rules)
                if cost is None:
                    continue
                if not long_quote and not _may_pass(core, p.norm[ns:ne]):
                    continue
                if not _clean_edges(p, ns, ne):
                    continue
                if _PARAGRAPH_RE.search(p.text, p.index[ns], p.index[ne - 1]):
                    continue  # a changed quote stays inside one paragraph
                ratio = SequenceMatcher(None, core, p.norm[ns:ne], autojunk=False).ratio()
                if ratio < FUZZY_THRESHOLD:
                    continue
                score = (ratio, -cost)
                if best is None or score > best[0]:
                    best = (score, ns, ne)
        if best is not None:
            hits.append((best[1], best[2]))
    _ChainWork.windows += windows
    hits.sort()
    return hits


def _fuzzy_tier(
    p: _Prepared, qn: str, lo: int, names: frozenset[str], lang: _Language
) -> tuple[int, int] | None:
    pieces = _pieces(qn)
    if len(pieces) <= 1:
        for ns, ne in _fuzzy_hits(p, qn, names, lang):
            if ns >= lo:
                return ns, ne
        return None

    def finder(piece: str):
        fuzzy = _fuzzy_hits(p, piece, names, lang)

        def find(lo_: int, hi: int | None):
            exact = list(_find_all(p, piece, lo_, hi))
            extra = [h for h in fuzzy if h[0] >= lo_ and (hi is None or h[0] <= hi)]
            yield from sorted(set(exact + extra))

        return find

    return _chain(p, pieces, lo, [finder(x) for x in pieces], lang)


# --------------------------------------------------------------------------- public API


def locate_evidence(
    quote: str, text: str, *, start: int = 0, lang: str | None = None
) -> Span | None:
    """Find `quote` in `text`; return the earliest match at or after `start`, or None.

    Tiers are tried in order (exact, normalized, fuzzy: see the module docstring) and the
    first that matches decides `Span.status`; every tier's match starts and ends on word
    boundaries. `text[span.start:span.end] == span.text`, and a match that is not exact says
    what differed (`Span.differences`). Quotes under `MIN_QUOTE_CHARS` normalized characters,
    or without a letter or digit, are only looked up exactly. `lang` (a BCP 47 tag) picks the
    word lists of the article's language; without it every registered language's apply.
    """
    stripped = quote.strip()
    if not stripped or not text:
        return None
    start = max(0, start)
    pos = text.find(stripped, start)
    while pos != -1:
        if _on_word_boundaries(text, pos, pos + len(stripped)):
            end = pos + len(stripped)
            return Span(start=pos, end=end, text=stripped, status="exact", differences=[])
        pos = text.find(stripped, pos + 1)
    qn = normalize_text(stripped)
    if not _substantial(qn):
        return None
    p = _prepare(text)
    lo = _first_norm_pos(p, start)
    language = _language(lang)
    hit = _normalized_tier(p, qn, lo, language)
    status: MatchStatus = "normalized"
    if hit is None:
        hit = _fuzzy_tier(p, qn, lo, _proper_names(stripped), language)
        status = "fuzzy"
    if hit is None:
        return None
    span = _to_span(p, *hit, status, stripped, start)
    return span.model_copy(update={"differences": differences(stripped, span.text)})


def ground_quotes(quotes: list[str], text: str) -> list[Span | None]:
    """`locate_evidence` for each quote, each searched from the start of the text."""
    return [locate_evidence(q, text) for q in quotes]


# --------------------------------------------------------------------------- differences

_DIFF_TOKEN_RE = re.compile(
    r"[\[(]\s*(?:\.\s?){2,}\.?\s*[\])]|[\[(]\s*…\s*[\])]|(?:\.\s?){2,}\.|…"  # an ellipsis
    r"|[\w\u0300-\u036f]+(?:['‘’ʼ`´][\w\u0300-\u036f]+)*"  # a word, apostrophes inside
)
_ELLIPSIS_KEY = "\x00"


def _diff_tokens(s: str) -> tuple[list[str], list[str]]:
    """The words (and ellipses) of `s`, and the keys they are aligned on."""
    raw = _DIFF_TOKEN_RE.findall(s)
    keys = [_ELLIPSIS_KEY if tok[0] in "[(.…" else _strip_marks(normalize_text(tok)) for tok in raw]
    return raw, keys


def _word_kind(quote: str, article: str) -> DifferenceKind | Literal[""]:
    """How two aligned words differ ("" when they do not)."""
    if quote == article:
        return ""
    if quote.casefold() == article.casefold():
        return "case"
    if normalize_text(quote) == normalize_text(article):
        return "typography"
    return "accent"


def differences(quote: str, span_text: str) -> list[Difference]:
    """What differs between a quote and the article text it was matched to, word by word
    (the quote's words vs the article's): case, typography (apostrophes, dashes, quotation
    marks, spacing), accents, spelling, words the quote added or dropped, and the words an
    ellipsis stands for. Empty when the two are the same characters."""
    quote, span_text = quote.strip(), span_text.strip()
    if quote == span_text:
        return []
    q_raw, q_keys = _diff_tokens(quote)
    a_raw, a_keys = _diff_tokens(span_text)
    found: list[Difference] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, q_keys, a_keys, autojunk=False).get_opcodes():
        q_part, a_part = " ".join(q_raw[i1:i2]), " ".join(a_raw[j1:j2])
        if tag == "equal":
            pairs = zip(q_raw[i1:i2], a_raw[j1:j2], strict=True)
            for kind, group in itertools.groupby(pairs, key=lambda qa: _word_kind(*qa)):
                if kind:  # consecutive words that differ the same way make one difference
                    qs, arts = zip(*group, strict=True)
                    found.append(Difference(kind=kind, quote=" ".join(qs), article=" ".join(arts)))
        elif _ELLIPSIS_KEY in q_keys[i1:i2]:
            if a_part:  # a leading or trailing ellipsis stands for nothing in the span
                found.append(Difference(kind="elided", quote=q_part, article=a_part))
        elif tag == "delete":
            found.append(Difference(kind="added", quote=q_part, article=""))
        elif tag == "insert":
            found.append(Difference(kind="dropped", quote="", article=a_part))
        else:
            found.append(Difference(kind="spelling", quote=q_part, article=a_part))
    if not found:  # punctuation or spacing only: the stretch that differs
        found.append(Difference(kind="typography", **_differing_stretch(quote, span_text)))
    return found


def _differing_stretch(a: str, b: str) -> dict[str, str]:
    """The two strings without their common prefix and suffix, widened to whole tokens."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    while i > 0 and not a[i - 1].isspace():
        i -= 1
    while j > 0 and not a[len(a) - j].isspace():
        j -= 1
    return {"quote": a[i : len(a) - j].strip(), "article": b[i : len(b) - j].strip()}


def evidence_too_short(text: str, lang: str | None = None, *, min_words: int = 2) -> bool:
    """True when a quote cannot carry a claim: fewer than `min_words` words, or function words
    only ("la", "of the", "ha detto che"). Words are counted after normalization; the stop
    words are the language's `STOPWORDS` (every registered language's without `lang`). A
    source is pointed at by its name alone ("Reuters"): its evidence is checked with
    ``min_words=1``."""
    words = _WORD_RE.findall(normalize_text(text))
    return len(words) < min_words or all(w in _language(lang).stopwords for w in words)


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = languages.union("ABBREVIATIONS")
_TERMINATORS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’»)]")
_OPENERS = frozenset("\"'“‘«([")
_PARAGRAPH_RE = re.compile(r"\n[ \t\u00a0]*\n")


def _previous_word(text: str, i: int) -> str:
    k = i
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    return text[k:i].lower()


# Where the sentence splitter has something to decide: quotation marks and terminators (every
# other character only moves it on).
_SENTENCE_EVENTS = '"“«”».!?…'


def _positions(text: str, chars: str) -> list[int]:
    """Offsets of every occurrence of any of `chars` in `text`, in order (`str.find` loops:
    much faster than a regular expression scan for a few characters)."""
    found: list[int] = []
    for c in chars:
        i = text.find(c)
        while i != -1:
            found.append(i)
            i = text.find(c, i + 1)
    found.sort()
    return found


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence (start, end) offsets, whitespace-trimmed, in order (cached, last 4 texts)."""
    return _sentence_index(text)[0]


@lru_cache(maxsize=4)
def _sentence_index(text: str) -> tuple[tuple[tuple[int, int], ...], list[int]]:
    """`_sentences` and their ends (increasing), computed once per text."""
    sentences = _split_sentences(text)
    return sentences, [b for _, b in sentences]


def _split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence (start, end) offsets, whitespace-trimmed, in order.

    A left-to-right scan, visiting only paragraph breaks, quotation marks and terminators.
    """
    cuts = [0]
    paragraph_breaks = {m.start() for m in _PARAGRAPH_RE.finditer(text)}
    events = _positions(text, _SENTENCE_EVENTS)
    if paragraph_breaks:
        events = sorted(paragraph_breaks.union(events))
    straight = False  # inside a "straight-quoted" passage
    depth = 0  # inside “curly” or «guillemet» quotes
    n = len(text)
    resume = 0  # a terminator run (with its closing marks) is read at once: skip to its end
    for i in events:
        if i < resume:
            continue
        c = text[i]
        if i in paragraph_breaks:
            cuts.append(i)
            straight, depth = False, 0
        elif c == '"':
            straight = not straight
            if not straight:  # a closing mark: `"Sentence." Next` ends a sentence here
                k = i - 1
                while k >= 0 and text[k].isspace():
                    k -= 1
                if k >= 0 and text[k] in _TERMINATORS and _starts_sentence(text, i + 1):
                    cuts.append(i + 1)
        elif c in "“«":
            depth += 1
        elif c in "”»":
            depth = max(0, depth - 1)
        elif c in _TERMINATORS and not straight and depth == 0:
            j = i
            while j < n and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
                j += 1
            abbreviation = False
            if c == ".":
                word = _previous_word(text, i)
                abbreviation = word.rstrip(".") in _ABBREVIATIONS or (
                    len(word) == 1 and word.isalpha()
                )
            if not abbreviation and (j == n or text[j].isspace()) and _starts_sentence(text, j):
                cuts.append(j)
            resume = j
    cuts.append(n)
    out = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)


def _starts_sentence(text: str, j: int) -> bool:
    """True when, after spaces, the text ends or goes on with what can open a sentence."""
    while j < len(text) and text[j].isspace():
        j += 1
    if j == len(text):
        return True
    c = text[j]
    return c.isupper() or c.isdigit() or c in _OPENERS or c in "-–—¿¡"


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence(s) containing ``text[start:end]``.

    Sentences end at . ! ? … (followed by space and something that can open a sentence: a
    capital, a digit, a quotation mark) and at blank lines; not after a known abbreviation
    ("Dr.", "U.S.", "sig.", "dott.") or a single initial ("J. Smith"), and not inside a quoted
    passage, so a quotation is one sentence with its attribution (`" ... ", ha spiegato
    l’esperto.`). A span that crosses sentences gets all of them. Offsets are trimmed of
    surrounding whitespace; for an empty text the result is (0, 0).
    """
    if not text:
        return 0, 0
    start = min(max(0, start), len(text))
    end = min(max(start, end), len(text))
    sents, ends = _sentence_index(text)
    if not sents:
        return start, end
    # The first sentence that ends after a position (else the last one), by bisection.
    last_char = max(start, end - 1)
    first = sents[min(bisect_right(ends, start), len(sents) - 1)]
    last = sents[min(bisect_right(ends, last_char), len(sents) - 1)]
    return min(first[0], start), max(last[1], end)


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Every sentence's (start, end) offsets, by the rules of `sentence_around`: what
    `llmclaims/chunking.py` cuts long articles at, so a chunk never ends inside a sentence this
    module would read as one."""
    return _sentences(text)
