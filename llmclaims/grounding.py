"""Grounding: find the model's quotes in the article, as spans of the article's own characters.

The model is asked to copy its evidence verbatim, and mostly does, but not byte for byte: it
straightens typographic quotes and apostrophes, re-flows whitespace, changes case, drops the
quotation marks of a quoted passage, elides words with "...", and now and then makes a typo.
`locate_evidence` finds a quote anyway, in three tiers, cheapest first, and says which one
matched (`Span.status`):

``exact``
    The quote (outer whitespace stripped) is a substring of the article.

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
    first piece's start to the last piece's end. A trailing `.,;:!?` the article lacks is
    tolerated. Matches must start and end on word boundaries (the exact tier does not ask this).

``fuzzy``
    Only when both tiers above fail, for quotes of at least `FUZZY_MIN_WORDS` words and
    `FUZZY_MIN_CHARS` characters. A window of the article is accepted when BOTH hold:

    1. character similarity (difflib `SequenceMatcher.ratio`, on normalized text, over a window
       aligned word by word with the quote) is at least `FUZZY_THRESHOLD` = 0.90;
    2. word alignment: every quote word equals an article word or is a *typo* of it (accents
       only differ; or both at least 4 letters, Damerau edit distance 1, or 2 for words of 8+
       letters, and not the same word with a prefix added: "possibile"/"impossibile",
       "likely"/"unlikely" are different words; two words fused or split count as one typo);
       at most ``1 + words // 20`` words added, or dropped, inside the quote (not both kinds,
       so no word is ever replaced by another; and not at its first or last word, so a quote
       cannot end on a word the article does not have there); at most ``1 + words // 10``
       typos; a word with a digit or a negation ("non", "not", "mai", "never", "didn"...) is
       never added, dropped or altered.

    Why 0.90 and the word rules: the ratio alone cannot tell a typo from a changed fact
    ("di Kim" vs "di Putin" in a 40-character quote is still 0.92), so the word rules carry the
    meaning-preservation guarantee and the ratio bounds the total amount of change: one
    dropped word of k letters passes in a quote of L letters only when k <= 0.22 L, so short
    quotes tolerate a typo but not a dropped word. Translations and topic-similar sentences
    share too few words in order to even become candidates (half of the quote's words must
    line up on one diagonal of the article), and invented sentences that recombine real
    words fail the no-substitution rule.

Offsets: normalization keeps, for every normalized character, the index of the article
character it came from, so every match maps back to article offsets exactly and
``text[span.start:span.end] == span.text`` always holds. A match never starts or ends inside
one article character's expansion (a ligature, "…") nor before a combining accent.

Cost: the article is normalized once (a Python loop, about 0.15 s per MB) and cached
(`functools.lru_cache`, the last 4 texts). Exact and normalized look-ups are `str.find`
calls (a few µs to a few tens of µs per quote on a 3 KB article). Fuzzy look-ups index the
article's words once per text (about 0.1 s per MB), vote for alignments using the quote words
that occur at most `FUZZY_MAX_ANCHOR_OCCURRENCES` times (at least the two rarest), score at
most `FUZZY_MAX_CANDIDATES` locations, preferring the best-supported and then the earliest,
with at most ``(2 * (1 + words // 20) + 1) ** 2`` windows each, and skip quotes longer than
`FUZZY_MAX_QUOTE_CHARS`; past the one-off indexing, their cost grows with the quote and the
anchors' frequency, not with the article's length. In a huge, repetitive text the candidate
cap can make the fuzzy tier miss a match (it then returns None, never a wrong span).

`sentence_around` finds the sentence around a span (used by the hedging checks).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .models import MatchStatus, Span

__all__ = [
    "FUZZY_THRESHOLD",
    "MAX_ELLIPSIS_GAP",
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
MAX_ELLIPSIS_GAP = 300
"""Most normalized characters an ellipsis in a quote may stand for."""
MIN_QUOTE_CHARS = 3
"""Shorter normalized quotes (or punctuation only) are found by the exact tier only."""

# --------------------------------------------------------------------------- normalization

_DOUBLE_QUOTES = frozenset('"“”„‟«»‹›〝〞〟＂')
_APOSTROPHES = frozenset("'‘’‚‛′ʼ`´")
_DASHES = frozenset("-‐‑‒–—―−⁃﹘﹣－")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_NO_SPACE_BEFORE = frozenset(",.;:!?)]")
_NO_SPACE_AFTER = frozenset("(['")

_CHAR_CACHE: dict[str, str] = {}


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


def _normalize(s: str) -> tuple[str, list[int]]:
    """Normalize `s`, returning the text and, for each of its characters, the source index."""
    out: list[str] = []
    idx: list[int] = []
    cache = _CHAR_CACHE
    for i, c in enumerate(s):
        n = cache.get(c)
        if n is None:
            n = _norm_char(c)
            if len(cache) < 100_000:
                cache[c] = n
        for ch in n:
            if ch == " ":
                if not out or out[-1] == " " or out[-1] in _NO_SPACE_AFTER:
                    continue
            elif ch in _NO_SPACE_BEFORE and out and out[-1] == " ":
                out.pop()
                idx.pop()
            out.append(ch)
            idx.append(i)
    if out and out[-1] == " ":
        out.pop()
        idx.pop()
    return "".join(out), idx


def normalize_text(s: str) -> str:
    """The normalized form `locate_evidence` compares (see the module docstring)."""
    return _normalize(s)[0]


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
    return True


def _first_norm_pos(p: _Prepared, start: int) -> int:
    """First normalized position whose article index is >= start."""
    return bisect_left(p.index, start)


# --------------------------------------------------------------------------- tiers


def _find_all(p: _Prepared, piece: str, lo: int, hi: int | None = None):
    """Clean normalized occurrences of `piece` starting in [lo, hi], in order."""
    norm = p.norm
    pos = norm.find(piece, lo)
    while pos != -1 and (hi is None or pos <= hi):
        end = pos + len(piece)
        if _clean_edges(p, pos, end):
            yield pos, end
        pos = norm.find(piece, pos + 1)


_ELLIPSIS_RE = re.compile(r"\s*[\[(]?\s*(?:\.\s?){2,}\.\s*[\])]?\s*")
_TRAILING_PUNCT_RE = re.compile(r"[\s.,;:!?]+$")
_EDGE_NONWORD_RE = re.compile(r"^[^\w]+|[^\w\u0300-\u036f]+$")


def _substantial(piece: str) -> bool:
    return len(piece) >= MIN_QUOTE_CHARS and any(ch.isalnum() for ch in piece)


def _chain(p: _Prepared, pieces: list[str], lo: int, finders) -> tuple[int, int] | None:
    """Earliest placement of all pieces in order, each within MAX_ELLIPSIS_GAP of the last."""

    def place(k: int, prev_end: int) -> int | None:
        if k == len(pieces):
            return prev_end
        for _s, e in finders[k](prev_end, prev_end + MAX_ELLIPSIS_GAP):
            end = place(k + 1, e)
            if end is not None:
                return end
        return None

    for s, e in finders[0](lo, None):
        end = place(1, e)
        if end is not None:
            return s, end
    return None


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


def _normalized_tier(p: _Prepared, qn: str, lo: int) -> tuple[int, int] | None:
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
        return _chain(p, pieces, lo, finders)
    return None


def _pieces(qn: str) -> list[str]:
    return [x for x in (s.strip() for s in _ELLIPSIS_RE.split(qn)) if any(c.isalnum() for c in x)]


def _norm_finder(p: _Prepared, piece: str):
    return lambda lo, hi: _find_all(p, piece, lo, hi)


# --------------------------------------------------------------------------- fuzzy

# In normalized form (NFKD, case-folded): "ne\u0301" is "né".
_NEGATIONS = frozenset((
    "non", "not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere",
    "without", "cannot",
    "mai", "ne\u0301", "nessun", "nessuno", "nessuna", "niente", "nulla", "senza",
    "neanche", "nemmeno", "neppure",
    # English n't contractions, as the tokenizer splits them ("didn't" -> "didn", "t")
    "didn", "doesn", "don", "isn", "wasn", "weren", "aren", "hasn", "haven", "hadn", "couldn",
    "wouldn", "shouldn", "won", "mustn", "needn", "t",
))


def _protected(word: str) -> bool:
    """Words that carry facts or polarity: never added, dropped or altered by a fuzzy match."""
    return word in _NEGATIONS or any(ch.isdigit() for ch in word)


def _osa(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (edit distance with transpositions), capped."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if (
                prev2 is not None and i > 1 and j > 1
                and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]
            ):
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _strip_marks(word: str) -> str:
    return "".join(ch for ch in word if not unicodedata.combining(ch))


def _typo(a: str, b: str) -> bool:
    """True when `b` is `a` with a typo (see the module docstring), not another word."""
    if a == b:
        return True
    if _protected(a) or _protected(b):
        return False
    if _strip_marks(a) == _strip_marks(b):
        return True  # only accents differ: "e" for "è", "perche" for "perché"
    if min(len(a), len(b)) < 4:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) >= 2 and long_.endswith(short):
        return False  # a prefix added: im-possibile, un-likely
    limit = 2 if max(len(a), len(b)) >= 8 else 1
    return _osa(a, b, limit) <= limit


def _align_block(
    qa: list[str], wa: list[str], mode: str, anchor_start: bool, anchor_end: bool
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
                    if u < inf[0] and _typo("".join(qa[i - di : i]), "".join(wa[j - dj : j])):
                        options.append((u, t + 1))
            skips = []
            if mode == "add" and i >= 1 and not _protected(qa[i - 1]):
                skips.append(best[i - 1][j])
            if mode == "drop" and j >= 1 and not _protected(wa[j - 1]):
                skips.append(best[i][j - 1])
            if not (last and anchor_end):
                for u, t in skips:
                    if u < inf[0] and not (anchor_start and (i, j) in ((1, 0), (0, 1))):
                        options.append((u + 1, t))
            if options:
                best[i][j] = min(options)
    return None if best[n][m] == inf else best[n][m]


def _word_cost(q: list[str], w: list[str], budget: int) -> int | None:
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
                if any(_protected(x) for x in words):
                    break
                unmatched += len(words)
            else:
                cost = _align_block(q[i1:i2], w[j1:j2], mode, k == 0, k == len(ops) - 1)
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


def _fuzzy_hits(p: _Prepared, qn: str) -> list[tuple[int, int]]:
    """Accepted fuzzy windows (normalized start, end), one per location, in text order."""
    core = _EDGE_NONWORD_RE.sub("", qn)
    q = _WORD_RE.findall(core)
    n = len(q)
    if n < FUZZY_MIN_WORDS or len(core) < FUZZY_MIN_CHARS or len(core) > FUZZY_MAX_QUOTE_CHARS:
        return []
    toks, starts, ends, where = p.words()
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
    for d in chosen:
        best: tuple[tuple[float, int], int, int] | None = None
        for s in range(max(0, d - budget), d + budget + 1):
            for length in range(max(1, n - budget), n + budget + 1):
                e = s + length
                if e > len(toks):
                    break
                if (s, e) in seen:
                    continue
                seen.add((s, e))
                cost = _word_cost(q, toks[s:e], budget)
                if cost is None:
                    continue
                ns, ne = starts[s], ends[e - 1]
                if not _clean_edges(p, ns, ne):
                    continue
                ratio = SequenceMatcher(None, core, p.norm[ns:ne], autojunk=False).ratio()
                if ratio < FUZZY_THRESHOLD:
                    continue
                score = (ratio, -cost)
                if best is None or score > best[0]:
                    best = (score, ns, ne)
        if best is not None:
            hits.append((best[1], best[2]))
    hits.sort()
    return hits


def _fuzzy_tier(p: _Prepared, qn: str, lo: int) -> tuple[int, int] | None:
    pieces = _pieces(qn)
    if len(pieces) <= 1:
        for ns, ne in _fuzzy_hits(p, qn):
            if ns >= lo:
                return ns, ne
        return None

    def finder(piece: str):
        fuzzy = _fuzzy_hits(p, piece)

        def find(lo_: int, hi: int | None):
            exact = list(_find_all(p, piece, lo_, hi))
            extra = [h for h in fuzzy if h[0] >= lo_ and (hi is None or h[0] <= hi)]
            yield from sorted(set(exact + extra))

        return find

    return _chain(p, pieces, lo, [finder(x) for x in pieces])


# --------------------------------------------------------------------------- public API


def locate_evidence(quote: str, text: str, *, start: int = 0) -> Span | None:
    """Find `quote` in `text`; return the earliest match at or after `start`, or None.

    Tiers are tried in order (exact, normalized, fuzzy: see the module docstring) and the
    first that matches decides `Span.status`. `text[span.start:span.end] == span.text`.
    Quotes under `MIN_QUOTE_CHARS` normalized characters, or without a letter or digit,
    are only looked up exactly.
    """
    stripped = quote.strip()
    if not stripped or not text:
        return None
    start = max(0, start)
    pos = text.find(stripped, start)
    if pos != -1:
        return Span(start=pos, end=pos + len(stripped), text=stripped, status="exact")
    qn = normalize_text(stripped)
    if not _substantial(qn):
        return None
    p = _prepare(text)
    lo = _first_norm_pos(p, start)
    hit = _normalized_tier(p, qn, lo)
    if hit is not None:
        return _to_span(p, *hit, "normalized", stripped, start)
    hit = _fuzzy_tier(p, qn, lo)
    if hit is not None:
        return _to_span(p, *hit, "fuzzy", stripped, start)
    return None


def ground_quotes(quotes: list[str], text: str) -> list[Span | None]:
    """`locate_evidence` for each quote, each searched from the start of the text."""
    return [locate_evidence(q, text) for q in quotes]


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset((
    # English
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "al", "e.g", "i.e",
    "u.s", "u.k", "u.n", "a.m", "p.m", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
    # Italian
    "sig", "sigg", "dott", "dott.ssa", "prof.ssa", "ing", "avv", "on", "pag", "art", "cap",
    "fig", "vol", "n", "nn", "cfr", "p.es", "ca",
))
_TERMINATORS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’»)]")
_OPENERS = frozenset("\"'“‘«([")
_PARAGRAPH_RE = re.compile(r"\n[ \t\u00a0]*\n")


def _previous_word(text: str, i: int) -> str:
    k = i
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    return text[k:i].lower()


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence (start, end) offsets, whitespace-trimmed, in order."""
    cuts = [0]
    paragraph_breaks = {m.start() for m in _PARAGRAPH_RE.finditer(text)}
    straight = False  # inside a "straight-quoted" passage
    depth = 0  # inside “curly” or «guillemet» quotes
    n = len(text)
    i = 0
    while i < n:
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
            word = _previous_word(text, i)
            abbreviation = c == "." and (
                word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
            )
            if not abbreviation and (j == n or text[j].isspace()) and _starts_sentence(text, j):
                cuts.append(j)
            i = j
            continue
        i += 1
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
    sents = _sentences(text)
    if not sents:
        return start, end
    last_char = max(start, end - 1)
    first = next((s for s in sents if s[1] > start), sents[-1])
    last = next((s for s in sents if s[1] > last_char), sents[-1])
    return min(first[0], start), max(last[1], end)
