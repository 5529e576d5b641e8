"""A claim's own words checked against the article: numbers, names and polarity.

Evidence grounding proves the model's *quotes* are the article's; it says nothing about the claim
*text* the model wrote beside them. The costly errors of a decontextualized claim are exactly the
ones a fact-checker cannot afford: a number, a year or a name that the article never states ("On
3 January 2024 Iran launched 50 missiles" over evidence that says something else), and a
polarity turned around (a denial reported as an assertion). These rules are language-neutral;
the negation words come from `llmclaims.languages` (every registered language, so an article
the model labels oddly is still checked).

Rules (each raises a flag on the claim, never drops it):
- `claim:number_not_in_article:N` — a number in the claim text (digits, separators ignored:
  "4,300" = "4.300" = "4300") that is not a number anywhere in the article. The publication
  date's month and day and the years next to it are allowed: resolving "on Wednesday" or a
  yearless "30 December" against it is the decontextualization the prompt asks for.
- `claim:name_not_in_article:W` — a capitalized word inside the claim text (not its first word)
  that the article never contains, in any case. Decontextualized claims may bring names from
  elsewhere in the same article: the whole article is searched, not just the evidence.
- `<party>:negation_ignored` — the evidence holds a negation word that the claim text does not
  (neither the word nor a predicate negative by meaning: "rejected" restates "said no"), yet the
  party's polarity is positive.
- `<party>:negative_without_cue` — polarity negative, but neither the evidence holds a negation
  word nor any of the party's cues is in the article ("smentito", "denied" are cues).

Cost: one regular-expression pass over the article per article (cached for the last texts), a
few set look-ups per claim.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from . import languages
from .grounding import normalize_text
from .wire import WireClaim, WireFactuality

_NUMBER = re.compile(r"\d+(?:[.,'\u2019\u00a0 ]\d{3})*(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_LETTERS = re.compile(r"[^\W\d_]+")  # "Obama's" holds "obama": compare letter runs
_NEGATIONS = languages.union("NEGATIONS")
_NEGATIVE_PREDICATES = tuple(sorted(languages.union("NEGATIVE_PREDICATES")))


def _numbers(text: str) -> set[str]:
    """Every number in `text` with its separators removed, plus each digit run on its own (so
    "2,5 milioni" allows "2" and "5" as well as "25")."""
    found: set[str] = set()
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        found.add(digits.lstrip("0") or "0")
        found.update(run.lstrip("0") or "0" for run in re.findall(r"\d+", m.group()))
    return found


@lru_cache(maxsize=4)
def _article_index(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = frozenset(_LETTERS.findall(normalize_text(text)))
    return frozenset(_numbers(text)), words


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", normalize_text(text)))


def claim_flags(
    claim: WireClaim, evidence: list[str], text: str, published: date | None
) -> list[str]:
    """Flags for one claim; `evidence` is the article's text of its located spans."""
    numbers, words = _article_index(text)
    allowed = set(numbers)
    if published is not None:
        # A yearless "30 December" in a January article is last December: the years around
        # the publication date are the decontextualization the prompt asks for.
        years = {str(published.year + d) for d in (-1, 0, 1)}
        allowed |= years | {str(published.month), str(published.day)}
    flags = [
        f"claim:number_not_in_article:{n}"
        for n in sorted(_numbers(claim.text) - allowed, key=lambda n: (len(n), n))
    ]
    seen: set[str] = set()
    for i, m in enumerate(_WORD.finditer(claim.text)):
        word = m.group()
        pieces = _LETTERS.findall(normalize_text(word))
        if i and word[0].isupper() and word not in seen and not set(pieces) <= words:
            seen.add(word)
            flags.append(f"claim:name_not_in_article:{word}")
    evidence_negations = set().union(*(_tokens(e) for e in evidence)) & _NEGATIONS
    claim_tokens = _tokens(claim.text)
    claim_negations = claim_tokens & _NEGATIONS
    if any(t.startswith(_NEGATIVE_PREDICATES) for t in claim_tokens):
        claim_negations = claim_negations | evidence_negations  # "rejected" restates "said no"
    for party, factuality in (("author", claim.author), ("source", claim.source)):
        if factuality is not None:
            flags += [
                f"{party}:{f}"
                for f in _polarity(factuality, evidence_negations, claim_negations, text)
            ]
    return flags


def _polarity(
    factuality: WireFactuality, evidence_negations: set[str], claim_negations: set[str], text: str
) -> list[str]:
    if factuality.polarity == "positive" and evidence_negations - claim_negations:
        return ["negation_ignored"]
    if factuality.polarity == "negative" and not evidence_negations:
        folded = normalize_text(text)
        if not any(cue.strip() and normalize_text(cue) in folded for cue in factuality.cues):
            return ["negative_without_cue"]
    return []
