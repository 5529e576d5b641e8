"""Hedging: one user-facing level derived from FactBank-style factuality, and its cue words.

The level is a reading aid, not new information: it is computed from certainty, polarity and
evidential alone, so two parties' commitments to the same claim can be compared at a glance
("Kirby: none, newspaper: medium").

The cue lexicon below lets the library check what the model says about hedging against the
article's own words (`find_cues`, `check_cues`). Categories:

``conditional``
    Conditional mood (English "would" only outside reported speech: after a reporting verb
    in the same sentence it is the future-in-the-past, "said it would", and not a cue).
    Italian: any word ending in -rebbe / -rebbero ("avrebbe", "sarebbero",
    "indicherebbe", "confermerebbero", "starebbe", "sottolineerebbe"), except the forms of
    (ac/de/in/rin/ri)crescere ("crebbe" is a past tense); the auxiliaries avere / essere /
    stare take their participle or gerund into the cue ("avrebbe colpito", "sarebbero
    entrati", "starebbe traendo").
    The conditional forms of potere / dovere are `modal` instead. English: "would".
``modal``
    Epistemic modal verbs: "may", "might", "could", "potrebbe", "dovrebbe"... English "May"
    with a capital inside a sentence, or before a number, is the month and not a cue.
``hedge_word``
    Adverbs, adjectives and phrases that lower the commitment: "allegedly", "reportedly",
    "apparently", "it is unclear", "unconfirmed", "presunto", "pare", "sembra", "non è chiaro",
    "indiscrezioni", and the Italian hypothetical "se ... dovesse/dovessero" (up to six words
    in between; the cue spans them).
``reporting``
    Reporting verbs and phrases: "said", "told", "according to", "ha detto", "ha dichiarato",
    "riferito", "secondo". They mark attribution (evidential `reported`), not uncertainty, so
    they never count as a hedge. Italian participles (`IT_REPORTING_PARTICIPLES`) count only
    after a form of *avere*, which the cue includes ("hanno confermato"); Italian "secondo" is
    a cue only as "according to", not as the ordinal ("un secondo funzionario").
``certainty_booster``
    Words that raise the commitment: "certainly", "undoubtedly", "irrefutable",
    "inconfutabili", "senza dubbio".

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
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .grounding import normalize_text, sentence_around

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .models import HedgingLevel
    from .wire import WireFactuality

__all__ = [
    "HEDGE_CATEGORIES",
    "LEXICON",
    "SUPPORTED_LANGUAGES",
    "Cue",
    "check_cues",
    "find_cues",
    "hedging_level",
    "sentence_around",
]

_BY_CERTAINTY: dict[str, HedgingLevel] = {
    "certain": "none",
    "probable": "medium",
    "possible": "high",
    "unknown": "high",
}


def hedging_level(f: WireFactuality) -> HedgingLevel:
    """Derive the hedging level of one commitment.

    - certain, from the party's own knowledge (evidential `direct`) -> `none`
    - certain, but relayed or inferred (`reported` / `inferred`)   -> `low`
    - probable (conditional mood, "likely", "reportedly")          -> `medium`
    - possible or unknown ("may", "it is unclear")                 -> `high`
    An unknown polarity (the party does not say whether it is so) is at least `medium`.
    A firm denial is not a hedge: negative polarity does not raise the level.
    """
    level = _BY_CERTAINTY[f.certainty]
    if level == "none" and f.evidential != "direct":
        level = "low"
    if f.polarity == "unknown" and level in ("none", "low"):
        level = "medium"
    return level


# --------------------------------------------------------------------------- lexicon

HEDGE_CATEGORIES = frozenset({"conditional", "modal", "hedge_word"})
"""Categories that lower a commitment (reporting verbs and boosters do not)."""

LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "conditional": ("would", "would have", "wouldn't"),
        "modal": (
            "may",
            "might",
            "could",
            "may have",
            "might have",
            "could have",
            "can't be sure",
            "should",
            "should have",
            "can",
        ),
        "hedge_word": (
            "allegedly",
            "alleged",
            "reportedly",
            "apparently",
            "presumably",
            "purportedly",
            "purported",
            "supposedly",
            "seemingly",
            "possibly",
            "probably",
            "likely",
            "unlikely",
            "perhaps",
            "maybe",
            "unconfirmed",
            "unverified",
            "suspected",
            "unclear",
            "it is unclear",
            "it's unclear",
            "it was unclear",
            "it remains unclear",
            "not clear",
            "it is not clear",
            "it is not known",
            "not known whether",
            "appears to",
            "appeared to",
            "seems to",
            "seemed to",
            "is believed to",
            "are believed to",
            "was believed to",
            "is thought to",
            "are thought to",
            "is said to",
            "are said to",
            "rumored",
            "rumoured",
            "rumors",
            "rumours",
            "speculation",
            "if confirmed",
            "if true",
            # Expectation and condition. (Stated plans and intentions, "plans to cut", are
            # not hedges: the party commits to the plan.)
            "expected to",
            "expects to",
            "expect to",
            "if",
            "whether",
            "potential",
            "potentially",
            "estimated",
            "fears",
            "feared",
        ),
        "reporting": (
            "said",
            "says",
            "told",
            "tells",
            "according to",
            "stated",
            "reported",
            "announced",
            "added",
            "explained",
            "noted",
            "claimed",
            "confirmed",
            "wrote",
            "argued",
            "insisted",
            "acknowledged",
            "denied",
            "asserted",
            "declared",
        ),
        "certainty_booster": (
            "certainly",
            "definitely",
            "undoubtedly",
            "undeniably",
            "unquestionably",
            "clearly",
            "irrefutable",
            "indisputable",
            "undeniable",
            "conclusive",
            "no doubt",
            "without doubt",
            "beyond doubt",
        ),
    },
    "it": {
        # Every -rebbe / -rebbero word is found by rule (see _IT_CONDITIONAL_RE); these are
        # listed for the reader, and as the auxiliaries that take a participle along.
        "conditional": (
            "avrebbe",
            "avrebbero",
            "sarebbe",
            "sarebbero",
            "starebbe",
            "starebbero",
        ),
        "modal": (
            "potrebbe",
            "potrebbero",
            "dovrebbe",
            "dovrebbero",
            "potrebbe essere",
            "può darsi",
            "potrà",
            "potranno",
        ),
        "hedge_word": (  # "parrebbe", "sembrerebbe": conditional, by rule
            "presunto",
            "presunta",
            "presunti",
            "presunte",
            "presumibilmente",
            "presumibile",
            "apparentemente",
            "probabilmente",
            "probabile",
            "forse",
            "pare",
            "sembra",
            "sembrano",
            "sembrava",
            "non è chiaro",
            "non è ancora chiaro",
            "non è noto",
            "non si sa",
            "non si esclude",
            "non è escluso",
            "si ipotizza",
            "ipotesi",
            "verosimilmente",
            "si teme",
            "si temono",
            "se confermata",
            "resta da chiarire",
            "resta da capire",
            "indiscrezioni",
            "secondo indiscrezioni",
            "si dice",
            "si ritiene",
            "si presume",
            "ipotesi",
            "è possibile che",
            "è probabile che",
            "impossibile dirlo",
            "impossibile stabilire",
            "impossibile sapere",
            "non confermato",
            "non confermata",
            "non confermati",
            "non confermate",
            "eventuale",
            "eventuali",
            "qualora",
        ),
        "reporting": (
            "riferito",
            "secondo quanto riferito",
            "come riferito",
            "fatto sapere",
            "dice",
            "dicono",
            "afferma",
            "affermano",
            "dichiara",
            "dichiarano",
            "spiega",
            "spiegano",
            "riferisce",
            "riferiscono",
            "sostiene",
            "sostengono",
            "riporta",
            "riportano",
            "fa sapere",
            "fanno sapere",
            "secondo",
            "secondo quanto",
            "stando a",
            "a detta di",
        ),
        "certainty_booster": (
            "inconfutabile",
            "inconfutabili",
            "innegabile",
            "innegabili",
            "indiscutibile",
            "indiscutibili",
            "certamente",
            "sicuramente",
            "indubbiamente",
            "senza dubbio",
            "senza alcun dubbio",
            "di certo",
        ),
    },
}
"""Cue phrases by language and category, all lower case; a space stands for any whitespace."""

SUPPORTED_LANGUAGES = tuple(LEXICON)

IT_REPORTING_PARTICIPLES = (
    "detto",
    "dichiarato",
    "affermato",
    "spiegato",
    "riferito",
    "chiarito",
    "sottolineato",
    "confermato",
    "annunciato",
    "aggiunto",
    "precisato",
    "ribadito",
    "denunciato",
    "scritto",
    "riportato",
    "osservato",
    "rivelato",
    "raccontato",
    "sostenuto",
    "assicurato",
    "ammesso",
    "negato",
    "smentito",
    "accusato",
    "fatto sapere",
)
"""Italian reporting participles: a `reporting` cue after a form of *avere* ("ha detto",
"hanno confermato", "aveva precedentemente riferito"), not alone ("è sostenuto da" is passive,
"Detto altrimenti" means "in other words")."""


def _is_crescere(word: str) -> bool:
    """(ac/de/in/rin/ri)crescere's past tense ("crebbe") ends like a conditional but is not."""
    return word.endswith(("crebbe", "crebbero"))


_PARTICIPLE = r"[^\W\d_]+?(?:[aiu]t|tt|st|nt|rt|s)[oaie]|[^\W\d_]+(?:ando|endo)"
_IT_AUX = r"(?:av|sa|sta)rebbe(?:ro)?"  # avrebbe(ro), sarebbe(ro), starebbe(ro)
_IT_CONDITIONAL_RE = re.compile(
    rf"(?<!\w)(?:(?:{_IT_AUX})(?:\s+(?:già|anche|ormai|poi|mai|stat[oaie]))?\s+(?:{_PARTICIPLE})"
    r"|[^\W\d_]+rebbe(?:ro)?)(?!\w)",
    re.IGNORECASE,
)
_IT_HYPOTHETICAL = r"se(?:\s+[^\s.;:!?]+){0,6}?\s+dovess(?:e|ero)(?!\w)"
_IT_HYPOTHETICAL_RE = re.compile(r"(?<!\w)" + _IT_HYPOTHETICAL, re.IGNORECASE)
_IT_AVERE = (
    r"(?:ha|hanno|aveva|avevano|avrebbe|avrebbero|abbia|abbiano|avrà|avranno|aver|avere"
    r"|avendo|hanno\s+già|ha\s+già)\s+(?:[^\W\d_]+mente\s+)?"
)
_SECONDO_ORDINAL = frozenset(
    {"un", "il", "lo", "la", "al", "del", "nel", "dal", "sul", "col", "in", "per", "ogni"}
)


def _phrase_pattern(phrases: tuple[str, ...], prefix: str = "") -> re.Pattern[str]:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = [re.escape(w).replace("'", "['’ʼ]") for w in phrase.split()]
        parts.append(r"\s+".join(words))
    return re.compile(rf"(?<!\w){prefix}(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


_PATTERNS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    lang: [
        (category, _phrase_pattern(phrases))
        for category, phrases in table.items()
        if (lang, category) != ("it", "conditional")  # found by rule, see _IT_CONDITIONAL_RE
    ]
    for lang, table in LEXICON.items()
}
_PATTERNS["it"].append(("reporting", _phrase_pattern(IT_REPORTING_PARTICIPLES, _IT_AVERE)))


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


def _is_month_may(text: str, m: re.Match[str]) -> bool:
    if m.group() != "May":
        return False
    if re.match(r"\s+\d", text[m.end() :]):
        return True
    before = text[: m.start()].rstrip()
    return bool(before) and before[-1] not in '.!?"“«:\n'


def _raw_cues(text: str, lang: str) -> list[Cue]:
    found: list[Cue] = []

    def add(m: re.Match[str], category: str) -> None:
        found.append(Cue(m.group(), m.start(), m.end(), category, lang))

    for category, pattern in _PATTERNS[lang]:
        for m in pattern.finditer(text):
            word = m.group().lower()
            if lang == "en" and _is_month_may(text, m):
                continue
            if lang == "it" and word == "secondo":
                prev = re.search(r"(\w+)\W*$", text[: m.start()])
                if prev and prev.group(1).lower() in _SECONDO_ORDINAL:
                    continue
            add(m, category)
    if lang == "it":
        modal = set(LEXICON["it"]["modal"])
        for m in _IT_CONDITIONAL_RE.finditer(text):
            word = m.group().lower()
            head = word.split()[0]
            if head in modal or _is_crescere(head):
                continue
            add(m, "conditional")
        for m in _IT_HYPOTHETICAL_RE.finditer(text):
            add(m, "hedge_word")
    return found


def find_cues(text: str, lang: str | None = None) -> list[Cue]:
    """Cue words of `text` (see the module docstring), in text order.

    `lang` is an ISO 639-1 code ("it", "en", "it-IT"); None tries every language of the
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
    """English "would" after a reporting verb in the same sentence is reported speech's
    future-in-the-past ("announced it would cut 13,000 jobs"), not a hedge."""
    if cue.lang != "en" or cue.category != "conditional" or cue.text.lower() != "would":
        return False
    for other in cues:
        if other.category == "reporting" and other.end <= cue.start:
            between = text[other.end : cue.start]
            if not re.search(r"[.!?]\s", between):
                return True
    return False


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


# Does an Italian text carry a modal, hedge_word or hypothetical cue? One search, same answer
# as the three patterns of `_raw_cues` (none of them has a filter). The word-boundary test is
# shared, and a look-ahead for the phrases' first letters (under the same IGNORECASE rules as
# the phrases) turns most word starts away before the alternation is tried.
_IT_HEDGE_PHRASES = LEXICON["it"]["modal"] + LEXICON["it"]["hedge_word"]
_IT_HEDGE_FIRST = "".join(
    re.escape(c)
    for c in sorted(
        {ch for p in _IT_HEDGE_PHRASES for ch in ("'’ʼ" if p[0] == "'" else p[0])}
        | {_IT_HYPOTHETICAL[0]}
    )
)
_IT_HEDGE_ANY = re.compile(
    rf"(?<!\w)(?=[{_IT_HEDGE_FIRST}])(?:{_trie(_IT_HEDGE_PHRASES)}(?!\w)|{_IT_HYPOTHETICAL})",
    re.IGNORECASE,
)
# Every match of `_IT_CONDITIONAL_RE` contains "rebbe": without it, no conditional.
_REBBE = re.compile("rebbe", re.IGNORECASE)


def _has_hedge(text: str, lang: str | None) -> bool:
    """``any(c.category in HEDGE_CATEGORIES for c in find_cues(text, lang))``, without
    collecting every cue: the hedge patterns alone, stopping at the first hit.

    Keeping only the longest of nested cues never removes the last cue of a category, so any
    hedge match that survives its own filters is a hedge cue of `find_cues`; only English
    "would" (dropped after a reporting verb) needs the full look-up.
    """
    base = _base_lang(lang)
    if base == "it":
        if _IT_HEDGE_ANY.search(text):
            return True
        if _REBBE.search(text):
            for m in _IT_CONDITIONAL_RE.finditer(text):
                head = m.group().lower().split()[0]
                if not (head in _IT_MODAL or _is_crescere(head)):
                    return True
        return False
    if base != "en":  # every language at once (None), or one the lexicon does not cover
        return any(c.category in HEDGE_CATEGORIES for c in find_cues(text, lang))
    would = False
    for category, pattern in _PATTERNS["en"]:
        if category not in HEDGE_CATEGORIES:
            continue
        for m in pattern.finditer(text):
            if _is_month_may(text, m):
                continue
            if category == "conditional" and m.group().lower() == "would":
                would = True
                continue
            return True
    if would:
        return any(c.category in HEDGE_CATEGORIES for c in find_cues(text, lang))
    return False


_IT_MODAL = frozenset(LEXICON["it"]["modal"])


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
