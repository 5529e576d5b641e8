"""Adversarial grounding cases built from MEANTIME English sentences.

Each MEANTIME document becomes an article: its sentences (MEANTIME's own tokens joined by single
spaces) in paragraphs of three, separated by blank lines. From windows of those sentences come

- *altered* quotes, which say something the article does not: a word swapped for another word
  of the whole corpus one edit away (two for words of 8+ letters; the corpus's vocabulary, not
  a word list the grounding code uses), a magnitude or number word swapped, a digit changed,
  a quote starting or ending inside a word or a number, an ellipsis over a negation or a
  number, a negation or a proper name dropped or added, two paragraphs stitched with an
  ellipsis, one-word and function-word evidence;
- *genuine* variants of a window, which say exactly what the article says: curly quotation marks
  and apostrophes, case, whitespace, dashes, an ellipsis over harmless words, a misspelling that
  is no word. Each carries the offsets of the article's words it must be found at.

`python benchmarks/grounding.py` counts what the current code accepts; the tests in
`tests/test_grounding_adversarial.py` assert every altered quote is refused or flagged and every
genuine variant found at its offsets. Generation is deterministic (seeded per document).
"""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from llmclaims.evaluation.meantime import read_meantime

# A worktree may sit elsewhere than beside shared/: LLMCLAIMS_SHARED_DATA then points at it.
SHARED = Path(
    os.environ.get("LLMCLAIMS_SHARED_DATA")
    or Path(__file__).resolve().parents[1].parent / "shared" / "data"
)
MEANTIME = SHARED / "meantime_en" / "intra-doc_annotation"

ALTERED = (
    "real_word_swap",
    "magnitude",
    "number_word",
    "digit_changed",
    "mid_word_start",
    "mid_word_end",
    "inside_number",
    "elided_negation",
    "elided_number",
    "negation_dropped",
    "negation_added",
    "name_dropped",
    "name_added",
    "cross_paragraph",
    "one_word",
    "stop_words_only",
)
GENUINE = ("curly_quotes", "case", "whitespace", "dashes", "ellipsis", "misspelling")

MAGNITUDE_SWAPS = {"million": "billion", "billion": "million", "thousand": "million",
                   "millions": "billions", "billions": "millions", "hundred": "thousand",
                   "thousands": "millions", "trillion": "billion"}  # fmt: skip
NUMBER_SWAPS = {"one": "two", "two": "three", "three": "two", "four": "five", "five": "four",
                "six": "seven", "seven": "six", "eight": "eighty", "nine": "ten", "ten": "nine",
                "twenty": "thirty", "thirty": "twenty", "forty": "fifty", "fifty": "forty",
                "first": "third", "third": "first", "half": "quarter"}  # fmt: skip
NEGATIONS = ("not", "n't", "never", "no")
FACT_WORDS = (
    frozenset(NUMBER_SWAPS)
    | frozenset(MAGNITUDE_SWAPS)
    | frozenset(NEGATIONS)
    | {"percent", "hundreds", "millions", "billions", "thousands", "dozen", "dozens"}
)
STOP_PHRASES = ("of the", "in the", "and the", "it is", "to the")


@dataclass(frozen=True)
class Case:
    category: str
    doc: str
    quote: str
    start: int | None = None  # genuine variants: where the article's words are
    end: int | None = None

    @property
    def altered(self) -> bool:
        return self.category in ALTERED


@dataclass
class Article:
    name: str
    text: str
    sentences: list[tuple[int, list[tuple[int, str]]]]  # (paragraph, [(offset, token)])
    paragraphs: list[tuple[int, int]]


def meantime_present() -> bool:
    return MEANTIME.is_dir() and any(MEANTIME.glob("*/*.xml"))


def load_articles(limit: int | None = None) -> list[Article]:
    articles = []
    for path in sorted(MEANTIME.glob("*/*.xml"))[:limit]:
        lines = [ln for ln in read_meantime(path).text.split("\n") if ln.strip()]
        paragraphs = [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
        text = "\n\n".join(paragraphs)
        sentences: list[tuple[int, list[tuple[int, str]]]] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        for k, para in enumerate(paragraphs):
            spans.append((pos, pos + len(para)))
            for line in lines[3 * k : 3 * k + 3]:
                at = text.index(line, pos)
                tokens = [(at + m.start(), m.group()) for m in re.finditer(r"\S+", line)]
                sentences.append((k, tokens))
                pos = at + len(line)
            pos = spans[-1][1]
        articles.append(Article(path.stem, text, sentences, spans))
    return articles


def _is_word(token: str) -> bool:
    return token.isalpha()


def _windows(article: Article, size: int) -> Iterator[list[tuple[int, str]]]:
    """Token windows of about `size` tokens, starting and ending on words, one per sentence."""
    for _, tokens in article.sentences:
        if len(tokens) < size:
            continue
        for i in range(0, len(tokens) - size + 1, size):
            window = tokens[i : i + size]
            while window and not window[-1][1][-1].isalnum():
                window = window[:-1]
            if len(window) >= size - 2 and window[0][1][0].isalnum():
                yield window


def _join(window: list[tuple[int, str]]) -> str:
    return " ".join(tok for _, tok in window)


def _bounds(window: list[tuple[int, str]]) -> tuple[int, int]:
    return window[0][0], window[-1][0] + len(window[-1][1])


def _replace(window: list[tuple[int, str]], k: int, new: str) -> str:
    return " ".join(new if i == k else tok for i, (_, tok) in enumerate(window))


def _unique(article: Article, window: list[tuple[int, str]]) -> bool:
    return article.text.lower().count(_join(window).lower()) == 1


class _Vocabulary:
    """Every lower-case word of the corpus, most frequent first, for real-word swaps."""

    def __init__(self, articles: list[Article]) -> None:
        counts: Counter[str] = Counter()
        for a in articles:
            words = re.findall(r"(?<![\w'])[A-Za-z]+(?![\w'])", a.text)
            counts.update(w.lower() for w in words if len(w) >= 3)
        self.words = [word for word, _ in counts.most_common()]

    def neighbours(self, word: str) -> list[str]:
        """Corpus words one edit away (two for words of 8+ letters), most frequent first."""
        limit = 2 if len(word) >= 8 else 1
        found = process.extract(
            word, self.words, scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        return [other for other, _, _ in sorted(found, key=lambda x: x[2]) if other != word]


def _proper_noun_positions(window: list[tuple[int, str]]) -> list[int]:
    return [
        k
        for k in range(1, len(window) - 1)
        if window[k][1][:1].isupper() and window[k][1].isalpha() and window[k - 1][1] not in ".!?"
    ]


def build_cases(articles: list[Article], per_article: int = 1) -> list[Case]:
    """Up to `per_article` cases of every category from each article."""
    vocabulary = _Vocabulary(articles)
    cases: list[Case] = []
    for article in articles:
        rng = random.Random(article.name)
        found: dict[str, list[Case]] = {c: [] for c in ALTERED + GENUINE}

        def add(category: str, quote: str, span: tuple[int, int] | None = None) -> None:
            bucket = found[category]  # noqa: B023 - used within this iteration only
            if len(bucket) < per_article:
                start, end = span if span else (None, None)
                bucket.append(Case(category, article.name, quote, start, end))  # noqa: B023

        windows = list(_windows(article, 12))
        rng.shuffle(windows)
        for window in windows:
            words = [tok for _, tok in window]
            lower = [w.lower() for w in words]
            inner = range(1, len(window) - 1)
            # real-word swaps: a word of 4+ letters for a corpus word one or two edits away
            for k in inner:
                w = lower[k]
                if _is_word(w) and len(w) >= 4 and w not in FACT_WORDS:
                    swaps = [x for x in vocabulary.neighbours(w) if x not in FACT_WORDS]
                    if swaps:
                        new = swaps[0] if words[k].islower() else swaps[0].capitalize()
                        add("real_word_swap", _replace(window, k, new))
                        break
            for k in range(len(window)):
                if lower[k] in MAGNITUDE_SWAPS:
                    add("magnitude", _replace(window, k, MAGNITUDE_SWAPS[lower[k]]))
                if lower[k] in NUMBER_SWAPS:
                    add("number_word", _replace(window, k, NUMBER_SWAPS[lower[k]]))
                m = re.search(r"\d", words[k])
                if m:
                    d = str((int(m.group()) + 1) % 10)
                    add(
                        "digit_changed",
                        _replace(window, k, words[k][: m.start()] + d + words[k][m.end() :]),
                    )
                    n = re.search(r"\d[.,](\d)", words[k])
                    if n and k < len(window) - 2:
                        tail = words[k][n.start(1) :] + " " + _join(window[k + 1 :])
                        add("inside_number", tail)
            if len(words[0]) >= 5 and words[0].isalpha():
                add("mid_word_start", _join(window)[2:])
            if len(words[-1]) >= 5 and words[-1].isalpha():
                add("mid_word_end", _join(window)[:-2])
            for k in range(3, len(window) - 3):
                if lower[k] in NEGATIONS:
                    left, right = _join(window[:k]), _join(window[k + 1 :])
                    add("elided_negation", f"{left} ... {right}")
                    add("negation_dropped", f"{left} {right}")
                if any(ch.isdigit() for ch in words[k]) or lower[k] in NUMBER_SWAPS:
                    add("elided_number", f"{_join(window[:k])} ... {_join(window[k + 1 :])}")
            for k in range(3, len(window) - 3):
                auxiliary = lower[k] in {
                    "is",
                    "was",
                    "has",
                    "will",
                    "would",
                    "could",
                    "did",
                    "does",
                }
                if auxiliary and lower[k + 1] not in NEGATIONS and lower[k - 1] not in NEGATIONS:
                    add("negation_added", _replace(window, k, words[k] + " not"))
                    break
            names = _proper_noun_positions(window)
            if names:
                k = names[0]
                add("name_dropped", " ".join(t for i, t in enumerate(words) if i != k))
                other = _other_name(article, set(lower))
                if other:
                    add("name_added", _replace(window, k, words[k] + " " + other))
            content = [w for w in words if w.isalpha() and len(w) >= 5]
            if content:
                add("one_word", rng.choice(content))
            if not _unique(article, window):
                continue
            span = _bounds(window)
            quote = _join(window)
            if "'" in quote or "-" in quote:
                add("curly_quotes", "“" + quote.replace("'", "’") + "”", span)
                if "-" in quote:
                    add("dashes", quote.replace("-", "–"), span)
            add("case", quote.upper() if len(found["case"]) % 2 == 0 else quote.lower(), span)
            add("whitespace", _reflow(rng, quote), span)
            harmless = [
                k
                for k in range(4, len(window) - 4)
                if words[k].isalpha() and lower[k] not in FACT_WORDS
            ]
            if harmless:
                k = harmless[0]
                head, tail = _join(window[:k]), _join(window[k + 1 :])
                if article.text.lower().count(head.lower()) == 1:
                    add("ellipsis", f"{head} ... {tail}", span)
            for k in inner:
                w = words[k]
                if len(w) >= 7 and w.isalpha() and w.islower() and w not in FACT_WORDS:
                    typo = w[:3] + w[4] + w[3] + w[5:]
                    if typo != w and zipf_frequency(typo, "en") < 2:
                        add("misspelling", _replace(window, k, typo), span)
                        break
        for phrase in STOP_PHRASES:
            if re.search(rf"\b{phrase}\b", article.text):
                add("stop_words_only", phrase)
                break
        cross = _cross_paragraph(article)
        if cross:
            add("cross_paragraph", cross)
        for bucket in found.values():
            cases.extend(bucket)
    return cases


def _other_name(article: Article, present: set[str]) -> str | None:
    """A capitalized word of the article (not sentence-initial) absent from the window."""
    for _, tokens in article.sentences:
        for k in range(1, len(tokens)):
            tok = tokens[k][1]
            if tok[:1].isupper() and tok.isalpha() and len(tok) >= 4 and tok.lower() not in present:
                return tok
    return None


def _reflow(rng: random.Random, quote: str) -> str:
    return "".join(rng.choice([" ", "\n", "  ", "\t", "\u00a0"]) if c == " " else c for c in quote)


def _cross_paragraph(article: Article) -> str | None:
    """The end of one paragraph and the start of the next, joined by an ellipsis."""
    for (a, end), (start, b) in zip(article.paragraphs, article.paragraphs[1:], strict=False):
        tail = article.text[a:end].split()
        while tail and not tail[-1][-1].isalnum():
            tail.pop()
        head = article.text[start:b].split()
        while head and not head[0][0].isalnum():
            head.pop(0)
        head = head[:5]
        if len(tail) >= 5 and len(head) == 5 and tail[-5][0].isalnum() and head[-1][-1].isalnum():
            return " ".join(tail[-5:]) + " ... " + " ".join(head)
    return None


def osa_reference(a: str, b: str, limit: int) -> int:
    """The pure-Python optimal string alignment distance the fuzzy tier used (capped)."""
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
                prev2 is not None
                and i > 1
                and j > 1
                and a[i - 1] == b[j - 2]
                and a[i - 2] == b[j - 1]
            ):
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
