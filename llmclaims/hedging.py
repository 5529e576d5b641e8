"""Hedging: one user-facing level derived from FactBank-style factuality, and its cue words.

The level is a reading aid, not new information: `hedging_level` (defined beside `Factuality`
in `llmclaims.models`, re-exported here) computes it from certainty, polarity and evidential
alone, so two parties' commitments to the same claim can be compared at a glance ("Kirby: none,
newspaper: medium").

The cue lexicon lets the library check what the model says about hedging against the
article's own words (`find_cues`, `check_cues`). It is data: each language module of
`llmclaims.languages` lists its cue phrases by category, plus small rules where a list is not
enough (see `_Lexicon`); this module knows no language's words. Categories:

``conditional``
    Conditional mood (`CONDITIONALS`, or a language's `conditional_spans` rule: the Italian
    -rebbe and Spanish -ría forms, whose auxiliaries take their participle into the cue).
    A backshifted conditional (English "would" after a reporting verb of the same sentence:
    "said it would") is the future-in-the-past, not a cue.
``modal``
    Epistemic modal verbs (`MODALS`). A veto (`CUE_VETOES`) drops a phrase where it is not
    one: English "May" the month, and "can" before a negation ("can not", "can't": negative
    polarity is a firm denial, not a hedge).
``hedge_word``
    Adverbs and adjectives, impersonal hedges, epistemic verbs, hedge nouns and conditions
    (`HEDGE_ADVERBS`, `IMPERSONAL_HEDGES`, `EPISTEMIC_VERBS`, `HEDGE_NOUNS`,
    `HEDGE_CONDITIONS`) and a language's `HEDGE_PATTERNS` (the Italian hypothetical
    "se ... dovesse").
``reporting``
    Reporting verbs and phrases (`REPORTING_VERBS`, and `REPORTING_PARTICIPLES` after their
    auxiliary). They mark attribution (evidential `reported`), not uncertainty, so they never
    count as a hedge.
``certainty_booster``
    Words that raise the commitment (`CERTAINTY_BOOSTERS`).

`cue_scope` gives the stretch of text a cue hedges (the rest of its clause, up to a language's
`CLAUSE_BREAKS`), so a cue hedges the events it governs, not every event of its sentence.

Matching is case-insensitive, on word boundaries, with any run of whitespace between the
words of a phrase and any apostrophe (' ’ ʼ) for an apostrophe; a cue's `text`, `start` and
`end` are the article's own characters and offsets. When a cue lies inside a longer cue of
the same category ("unclear" in "it is unclear") only the longer one is kept.

`check_cues` raises these flags on one commitment (`WireFactuality`):

``cue_not_in_text:<cue>``
    A cue the model reported occurs neither in the evidence nor in the sentence (compared
    after `grounding.normalize_text`: case, apostrophes, quotation marks and whitespace do
    not matter; on word boundaries; an ellipsis in a cue matches any words in between).
``unflagged_hedge``
    The evidence carries a hedge cue (conditional, modal or hedge_word) but the commitment
    is `certain`, whatever cues the model listed (a reporting verb or a booster among them
    does not silence it). Only the evidence is read, not the
    whole sentence, because the sentence often mixes two parties' commitments ("Kirby ha
    spiegato che gli Usa sarebbero entrati in possesso di informazioni inconfutabili":
    Kirby is certain, the newspaper hedges). Reporting verbs never raise it.
``hedge_without_cue``
    The commitment is `probable` or `possible`, yet neither the lexicon nor the model's own
    cues show a hedge in the evidence or the sentence. A reported cue counts when it occurs
    there and the lexicon does not classify it only as reporting or booster (so a hedge
    phrase the lexicon lacks, such as "resta da vedere", is trusted). `unknown` certainty is
    not a hedge and is not checked.

For a language the lexicon does not cover (`SUPPORTED_LANGUAGES`), `find_cues` returns
nothing and `check_cues` relies on the model's cues only: `unflagged_hedge` is never raised
and `hedge_without_cue` only when none of the model's cues occurs in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from . import languages
from .grounding import normalize_text, sentence_around
from .models import hedging_level

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .wire import WireFactuality

__all__ = [
    "HEDGE_CATEGORIES",
    "LEXICON",
    "SUPPORTED_LANGUAGES",
    "Cue",
    "check_cues",
    "cue_scope",
    "find_cues",
    "hedging_level",
    "sentence_around",
]

# --------------------------------------------------------------------------- lexicon

HEDGE_CATEGORIES = frozenset({"conditional", "modal", "hedge_word"})
"""Categories that lower a commitment (reporting verbs and boosters do not)."""

# Each category and the language-module lists it is made of (see `llmclaims.languages`).
_CATEGORY_LISTS: dict[str, tuple[str, ...]] = {
    "conditional": ("CONDITIONALS",),
    "modal": ("MODALS",),
    "hedge_word": (
        "HEDGE_ADVERBS",
        "IMPERSONAL_HEDGES",
        "EPISTEMIC_VERBS",
        "HEDGE_NOUNS",
        "HEDGE_CONDITIONS",
    ),
    "reporting": ("REPORTING_VERBS",),
    "certainty_booster": ("CERTAINTY_BOOSTERS",),
}


def _table(module: ModuleType) -> dict[str, tuple[str, ...]]:
    return {
        category: tuple(p for name in names for p in getattr(module, name, ()))
        for category, names in _CATEGORY_LISTS.items()
    }


LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    module.CODE: _table(module) for module in languages.registered() if any(_table(module).values())
}
"""Cue phrases by language and category, all lower case; a space stands for any whitespace."""

SUPPORTED_LANGUAGES = tuple(LEXICON)


def _phrase_pattern(phrases: tuple[str, ...], prefix: str = "") -> re.Pattern[str]:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = [re.escape(w).replace("'", "['’ʼ]") for w in phrase.split()]
        parts.append(r"\s+".join(words))
    return re.compile(rf"(?<!\w){prefix}(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def _trie(phrases: tuple[str, ...]) -> str:
    """The alternation of `_phrase_pattern` (without its word boundaries) as a prefix tree.

    It matches the same strings at the same places, so it finds a match exactly where the
    plain alternation does; the regular expression engine tries a handful of first letters
    per word instead of every phrase (the plain alternation is kept for `find_cues`, whose
    phrase order decides which of two overlapping cues is reported).
    """
    tree: dict[str, dict] = {}
    for phrase in phrases:
        node = tree
        for k, word in enumerate(phrase.split()):
            atoms = [re.escape(ch).replace("'", "['’ʼ]") for ch in word]
            for atom in ([r"\s+"] if k else []) + atoms:
                node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alternatives = [atom + emit(child) if atom else "" for atom, child in node.items()]
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return emit(tree)


_Veto = Callable[[str, re.Match[str]], bool]
_Spans = Callable[[str], "Iterator[tuple[int, int]]"]


@dataclass(frozen=True)
class _Lexicon:
    """One language's cues, compiled once from its module.

    A module may add to its phrase lists (all optional):
    - `conditional_spans(text)`: a rule for the conditional mood; it replaces the
      `CONDITIONALS` phrases, which then only document it (Italian -rebbe, Spanish -ría);
    - `HEDGE_PATTERNS`: regular expressions found as `hedge_word` cues;
    - `REPORTING_PARTICIPLES` after `REPORTING_AUXILIARY`: `reporting` cues that need their
      auxiliary ("ha detto", not "detto");
    - `CUE_VETOES`: phrase -> test(text, match), True where the phrase is not a cue (English
      "May" the month);
    - `BACKSHIFTED_CONDITIONALS`: conditionals that are reported speech's future-in-the-past
      after a reporting verb of the same sentence (English "said it would");
    - `CLAUSE_BREAKS`: words that open a new clause, where a cue's `cue_scope` ends.
    """

    code: str
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    conditional_spans: _Spans | None
    hedge_patterns: tuple[re.Pattern[str], ...]
    vetoes: dict[str, _Veto]
    backshifted: frozenset[str]
    # `_has_hedge`'s fast path: one search for every hedge phrase no veto or backshift can
    # silence (and the hedge patterns), then the few guarded phrases one by one.
    hedge_any: re.Pattern[str] | None
    guarded: tuple[tuple[str, re.Pattern[str]], ...]
    clause_breaks: re.Pattern[str] | None


@cache
def _lexicon(code: str) -> _Lexicon:
    module = languages.for_code(code)
    assert module is not None and code in LEXICON
    table = LEXICON[code]
    rule: _Spans | None = getattr(module, "conditional_spans", None)
    patterns = [
        (category, _phrase_pattern(phrases))
        for category, phrases in table.items()
        if phrases and not (category == "conditional" and rule is not None)
    ]
    participles = getattr(module, "REPORTING_PARTICIPLES", ())
    if participles:
        patterns.append(
            ("reporting", _phrase_pattern(participles, getattr(module, "REPORTING_AUXILIARY", "")))
        )
    vetoes: dict[str, _Veto] = dict(getattr(module, "CUE_VETOES", {}))
    backshifted = frozenset(getattr(module, "BACKSHIFTED_CONDITIONALS", ()))
    hedge_sources = tuple(getattr(module, "HEDGE_PATTERNS", ()))
    hedge_categories = [c for c in ("conditional", "modal", "hedge_word") if c in table]
    if rule is not None:
        hedge_categories.remove("conditional")
    plain = tuple(
        p
        for c in hedge_categories
        for p in table[c]
        if p not in vetoes and not (c == "conditional" and p in backshifted)
    )
    plain_set = set(plain)
    guarded = tuple(
        (c, _phrase_pattern(words))
        for c in hedge_categories
        if (words := tuple(p for p in table[c] if p not in plain_set))
    )
    # A look-ahead for the phrases' first letters turns most word starts away before the
    # prefix tree is tried.
    first = "".join(
        re.escape(c) for c in sorted({ch for p in plain for ch in ("'’ʼ" if p[0] == "'" else p[0])})
    )
    alternatives = [f"(?=[{first}]){_trie(plain)}(?!\\w)"] if plain else []
    alternatives += [f"(?:{source})" for source in hedge_sources]
    hedge_any = (
        re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})", re.IGNORECASE) if alternatives else None
    )
    return _Lexicon(
        code=code,
        patterns=tuple(patterns),
        conditional_spans=rule,
        hedge_patterns=tuple(re.compile(rf"(?<!\w)(?:{s})", re.IGNORECASE) for s in hedge_sources),
        vetoes=vetoes,
        backshifted=backshifted,
        hedge_any=hedge_any,
        guarded=guarded,
        clause_breaks=(
            _phrase_pattern(tuple(breaks))
            if (breaks := getattr(module, "CLAUSE_BREAKS", ()))
            else None
        ),
    )


@dataclass(frozen=True)
class Cue:
    """One cue word or phrase found in a text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    category: str
    lang: str


def _base_lang(lang: str | None) -> str | None:
    return lang.lower().replace("_", "-").split("-")[0] if lang else None


def _raw_cues(text: str, lang: str) -> list[Cue]:
    lex = _lexicon(lang)
    found: list[Cue] = []

    def add(m: re.Match[str], category: str) -> None:
        found.append(Cue(m.group(), m.start(), m.end(), category, lang))

    for category, pattern in lex.patterns:
        for m in pattern.finditer(text):
            veto = lex.vetoes.get(m.group().lower()) if lex.vetoes else None
            if veto is not None and veto(text, m):
                continue
            add(m, category)
    if lex.conditional_spans is not None:
        for start, end in lex.conditional_spans(text):
            found.append(Cue(text[start:end], start, end, "conditional", lang))
    for hedge in lex.hedge_patterns:
        for m in hedge.finditer(text):
            add(m, "hedge_word")
    return found


def find_cues(text: str, lang: str | None = None) -> list[Cue]:
    """Cue words of `text` (see the module docstring), in text order.

    `lang` is a language tag ("it", "en", "it-IT"); None tries every language of the
    lexicon; a language it does not cover gives an empty list.
    """
    base = _base_lang(lang)
    if base is None:
        langs: tuple[str, ...] = SUPPORTED_LANGUAGES
    elif base in LEXICON:
        langs = (base,)
    else:
        return []
    found = sorted(
        (cue for code in langs for cue in _raw_cues(text, code)),
        key=lambda c: (c.start, -c.end, c.category),
    )
    kept: list[Cue] = []
    for cue in found:  # a cue inside a kept one of the same category comes after it
        if not any(
            k.category == cue.category and k.start <= cue.start and cue.end <= k.end for k in kept
        ):
            kept.append(cue)
    return [cue for cue in kept if not _backshifted(cue, kept, text)]


def _backshifted(cue: Cue, cues: list[Cue], text: str) -> bool:
    """A backshifted conditional after a reporting verb in the same sentence is reported
    speech's future-in-the-past ("announced it would cut 13,000 jobs"), not a hedge."""
    if cue.category != "conditional" or cue.text.lower() not in _lexicon(cue.lang).backshifted:
        return False
    for other in cues:
        if other.category == "reporting" and other.end <= cue.start:
            between = text[other.end : cue.start]
            if not re.search(r"[.!?]\s", between):
                return True
    return False


# --------------------------------------------------------------------------- scope

# Where a clause ends whatever the language: sentence and clause punctuation, brackets, quotation
# marks, a dash between spaces, a comma that is not a thousands separator. A full stop after a
# capital ("U.S.") is an abbreviation, one before a digit a decimal point ("3.5%"), not an end.
_CLAUSE_END = re.compile(r"[;:!?()\[\]\"“”«»]|(?<![A-Z])\.(?!\d)|,(?!\d)|``|''|\s[-–—]+\s")

SCOPE_WORDS = 10
"""At most this many words after a cue are in its scope: a cue governs the verb phrase that
follows it, and a long clause without punctuation is most often two clauses."""


def cue_scope(text: str, cue: Cue) -> tuple[int, int]:
    """The stretch of `text` that `cue` hedges: from after the cue to the end of its clause.

    A modal, conditional or epistemic verb governs the verb after it ("could push", "is
    expected to win"), an "if" its own clause, an adjective the noun after it ("potential
    buyers"); the events of another clause of the sentence are not hedged by it ("Shares may
    fall, but profits rose"). The clause ends at punctuation (`_CLAUSE_END`), at a word of the
    language's `CLAUSE_BREAKS` that opens a new clause, or after `SCOPE_WORDS` words. The cue
    itself is not in its scope: "fears of a recession" hedges the recession, not the fearing.

    Measured on MEANTIME English (``python benchmarks/hedging.py --split held-out``, the half
    of the documents not read while this was written): event F1 0.365 against 0.340 for a fixed
    window of three tokens after the cue, same cues. Cost: two regular-expression searches
    over the rest of the clause.
    """
    end = len(text)
    stop = _CLAUSE_END.search(text, cue.end)
    if stop:
        end = stop.start()
    breaks = _lexicon(cue.lang).clause_breaks if cue.lang in LEXICON else None
    if breaks is not None:
        word = breaks.search(text, cue.end, end)
        if word:
            end = word.start()
    words = list(re.finditer(r"\S+", text[cue.end : end]))
    if len(words) > SCOPE_WORDS:
        end = cue.end + words[SCOPE_WORDS - 1].end()
    start = cue.end + len(text[cue.end : end]) - len(text[cue.end : end].lstrip())
    return start, start + len(text[start:end].rstrip())


# --------------------------------------------------------------------------- checks


def _occurs(cue: str, haystacks: Iterable[str]) -> bool:
    """Does `cue` occur, as whole words, in one of the (already normalized) haystacks?

    `haystacks` may be lazy: the ones after the first that has the cue are not needed.
    """
    pattern = _cue_pattern(cue)
    if pattern is None:
        return True  # nothing to look for (a cue of only punctuation): not a finding
    return any(pattern.search(h) for h in haystacks)


_CUE_ELLIPSIS = re.compile(r"\s*(?:\.\s?){2,}\.\s*|\s*…\s*")


@lru_cache(maxsize=1024)
def _cue_pattern(cue: str) -> re.Pattern[str] | None:
    """The normalized cue as a whole-words pattern (an ellipsis stands for any words between);
    None for a cue with nothing to look for."""
    pieces = [p for p in _CUE_ELLIPSIS.split(cue) if p.strip()]
    pieces = [normalize_text(p) for p in pieces]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    return re.compile(r"(?<!\w)" + r"[\s\S]*?".join(re.escape(p) for p in pieces) + r"(?!\w)")


def _has_hedge(text: str, lang: str | None) -> bool:
    """``any(c.category in HEDGE_CATEGORIES for c in find_cues(text, lang))``, without
    collecting every cue: the hedge patterns alone, stopping at the first hit.

    Keeping only the longest of nested cues never removes the last cue of a category, so any
    hedge match that survives its own filters is a hedge cue of `find_cues`; only a
    backshifted conditional (English "would", dropped after a reporting verb) needs the full
    look-up.
    """
    base = _base_lang(lang)
    if base not in LEXICON:  # every language at once (None), or one the lexicon does not cover
        return any(c.category in HEDGE_CATEGORIES for c in find_cues(text, lang))
    lex = _lexicon(base)
    if lex.hedge_any is not None and lex.hedge_any.search(text):
        return True
    if lex.conditional_spans is not None and next(lex.conditional_spans(text), None):
        return True
    backshifted = False
    for category, pattern in lex.guarded:
        for m in pattern.finditer(text):
            word = m.group().lower()
            veto = lex.vetoes.get(word)
            if veto is not None and veto(text, m):
                continue
            if category == "conditional" and word in lex.backshifted:
                backshifted = True
                continue
            return True
    if backshifted:
        return any(c.category in HEDGE_CATEGORIES for c in find_cues(text, lang))
    return False


class CueTexts:
    """The texts a claim's commitments are checked against, each prepared at most once.

    A claim has two commitments (author and source) read against the same evidence and
    sentences; `assemble` builds one `CueTexts` per claim and checks both with it, so the
    normalization and the lexicon look-ups run once per claim. `check_cues` is the one-off
    form.
    """

    def __init__(self, evidence_text: str, sentence_text: str, lang: str | None) -> None:
        self.evidence_text = evidence_text
        self.sentence_text = sentence_text
        self.lang = lang
        base = _base_lang(lang)
        self.supported = base is None or base in LEXICON
        self._normalized: list[str] = []
        self._hedged: dict[str, bool] = {}

    def _haystacks(self) -> Iterator[str]:
        """The normalized evidence, then the normalized sentences, each made when first
        needed."""
        for k, text in enumerate((self.evidence_text, self.sentence_text)):
            if len(self._normalized) == k:
                self._normalized.append(normalize_text(text))
            yield self._normalized[k]

    def _has_hedge(self, text: str) -> bool:
        found = self._hedged.get(text)
        if found is None:
            found = self._hedged[text] = _has_hedge(text, self.lang)
        return found

    def check(self, factuality: WireFactuality) -> list[str]:
        """Flags on one commitment's cues and certainty (see the module docstring)."""
        flags: list[str] = []
        present: list[str] = []
        for cue in factuality.cues:
            if not cue.strip():
                continue
            if _occurs(cue, self._haystacks()):
                present.append(cue)
            else:
                flags.append(f"cue_not_in_text:{cue}")

        if factuality.certainty == "certain":
            # Whatever cues the model listed: a reporting verb or a booster in `cues` does not
            # talk a conditional away ("ha spiegato" beside "sarebbero entrati").
            if self.supported and self._has_hedge(self.evidence_text):
                flags.append("unflagged_hedge")
        elif factuality.certainty in ("probable", "possible"):
            if self.supported:
                hedged = self._has_hedge(self.evidence_text) or self._has_hedge(self.sentence_text)
                if not hedged:
                    for cue in present:
                        categories = {c.category for c in find_cues(cue, self.lang)}
                        if not categories or categories & HEDGE_CATEGORIES:
                            hedged = True
                            break
            else:
                hedged = bool(present)
            if not hedged:
                flags.append("hedge_without_cue")
        return flags


def check_cues(
    factuality: WireFactuality, evidence_text: str, sentence_text: str, lang: str | None
) -> list[str]:
    """Flags on one commitment's cues and certainty (see the module docstring)."""
    return CueTexts(evidence_text, sentence_text, lang).check(factuality)
