"""Regex building blocks compiled from the word tables, and input cleaning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .tables import (
    _FUZZY_NUMBERS,
    _NUMBERS,
    _SUFFIXES,
    MONTHS,
    PARTS_OF_DAY,
    PREFIX_MODS,
    SEASONS,
    UNITS,
    WEEKDAYS,
)

# ======================================================================================
# Regex building blocks
# ======================================================================================


def _alt(words: Iterable[str]) -> str:
    """Non-capturing alternation of literal words, longest first so prefixes do not win."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


_MON = _alt(MONTHS) + r"\.?"
_WD = _alt(WEEKDAYS) + r"\.?"
_SEASON = _alt(SEASONS)
_POD = _alt(PARTS_OF_DAY)
_UNIT = _alt(UNITS)
_NUM = r"(?:\d+(?:[.,]\d+)?|" + _alt(_NUMBERS) + ")"
_QTY = r"(?:(?P<n>" + _NUM + r")|(?P<x>" + _alt(_FUZZY_NUMBERS) + r"))"
_QTY_SEP = r"(?:\s+|(?<=')\s*|-)"  # "two years", "un' ora", "five-year"
_AMOUNT = r"(?:" + _QTY + _QTY_SEP + r")?(?P<u>" + _UNIT + r")"  # count optional
_AMOUNT_REQ = _QTY + _QTY_SEP + r"(?P<u>" + _UNIT + r")"  # count required
_DAY = r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th|°|º|ª)?|(?P<d1>first|primo))"
_YEAR = r"(?P<y>\d{4}|'\d{2})"
_YEAR_OF = r"(?:of\s+|del\s+|de\s+)?"

_DUR_LEAD = _alt([
    "past", "last", "next", "coming", "previous", "following", "first", "final",
    "remaining", "recent", "ultimi", "ultime", "prossimi", "prossime", "primi", "prime",
    "scorsi", "scorse", "passati", "passate", "trascorsi", "trascorse",
])  # fmt: skip
_DUR_ADJ = _alt([
    "straight", "consecutive", "successive", "full", "whole", "entire", "more",
    "additional", "further", "extra", "trading", "business", "working", "calendar",
    "long", "short", "brief",
])  # fmt: skip
_DUR_POST = _alt([
    "consecutivi", "consecutive", "interi", "intere", "pieni", "piene", "lavorativi",
    "lavorative", "successivi", "successive", "precedenti", "scorsi", "scorse", "passati",
    "passate", "prossimi", "prossime", "di fila", "in più", "ancora",
])  # fmt: skip
# "the past three years", "two and a half years", "sei giorni consecutivi",
# "the first six months of the year", "i primi tre mesi dell'anno"
_DURATION = (
    r"(?:(?:the|these|those|gli|i|le)\s+)?(?:(?P<lead>" + _DUR_LEAD + r")\s+)?"
    r"(?:" + _QTY + r"(?P<half0>\s+and\s+a\s+half)?" + _QTY_SEP + r")?"
    r"(?:(?P<adj>" + _DUR_ADJ + r")\s+)?(?P<u>" + _UNIT + r")(?:-long)?"
    r"(?P<half>\s+and\s+a\s+half|\s+e\s+mezz[oa])?(?:\s+" + _DUR_POST + r")?"
    r"(?:\s+(?:of|in|del|dell'|dello|della|di)\s*(?:the\s+|this\s+|last\s+|l'\s+|quest'\s*)?"
    r"(?:year|anno|\d{4}))?"
)


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# ======================================================================================
# Input cleaning
# ======================================================================================

_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-",
                            "‑": "-", "“": " ", "”": " ", "«": " ", "»": " "})  # fmt: skip
_RE_JUNK = re.compile(r"[()\[\]\"{};!?,]")
_RE_ELISION = re.compile(r"\b(l|dell|nell|all|dall|sull|quest|un|mezz|d)'(?=\w)")
_RE_POSSESSIVE = re.compile(r"(?<=[a-z0-9])\s?'s?$")  # "Friday's", "the 1990s'"
_RE_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    """Lower-case, unify quotes and dashes, drop brackets/commas and a final possessive, and
    split elided Italian articles ("l'anno" -> "l' anno") so that word tables match."""
    s = unicodedata.normalize("NFC", text).translate(_TRANSLATE).lower()
    s = _RE_JUNK.sub(" ", s)
    s = _RE_ELISION.sub(r"\1' ", s)
    s = _RE_SPACES.sub(" ", s).strip(" .:-")
    return _RE_POSSESSIVE.sub("", s)


_RE_PREFIX = re.compile(r"(?P<p>" + _alt(PREFIX_MODS) + r")(?:\s+|(?<=-)|(?<=')\s*)(?P<rest>.+)")
# "a" is a preposition in Italian ("a gennaio", "a fine anno") but one in "a year".
_RE_PREFIX_A = re.compile(r"a\s+(?P<rest>(?:" + _MON + r"|fine|metà|inizio|partire)\b.*)")
_RE_SUFFIX = re.compile(r"(?P<rest>.+?)\s+(?P<s>" + _alt(_SUFFIXES) + ")")
_RE_NUMBER_ONLY = re.compile(r"[\d\s.,]+")  # "60", "1.5": no calendar information


def _strip_function_words(s: str) -> str:
    """Remove leading articles and prepositions (not modifiers): "il 30 dicembre"."""
    while (m := _RE_PREFIX.fullmatch(s)) and PREFIX_MODS[m.group("p")] is None:
        s = m.group("rest")
    return s
