"""Regex building blocks compiled from the word tables, and input cleaning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..languages import registered
from .tables import (
    _FUZZY_NUMBERS,
    _NUMBERS,
    _SUFFIXES,
    MONTHS,
    PARTS_OF_DAY,
    PREFIX_MODS,
    SEASONS,
    SPELLED_YEARS,
    UNITS,
    WEEKDAYS,
    data,
    words,
)

# ======================================================================================
# Regex building blocks
# ======================================================================================


def _alt(words: Iterable[str]) -> str:
    """Non-capturing alternation of literal words, longest first so prefixes do not win;
    with no words, a pattern that never matches (not one that matches the empty string)."""
    words = list(words)
    if not words:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def _w(name: str) -> str:
    """Alternation of the registered languages' ``DATE_<name>`` words."""
    return _alt(words("DATE_" + name))


def _w_sp(name: str) -> str:
    """Alternation of ``DATE_<name>`` words each followed by its space: none needed after
    an elided article ("dell'", cleaned to "dell' anno"), one or more after a word."""
    alts = [re.escape(w) + (r"\s*" if w.endswith("'") else r"\s+") for w in words("DATE_" + name)]
    return "(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")" if alts else "(?!)"


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
_ORD_SFX = _alt([*words("DATE_ORDINAL_SUFFIXES"), "°", "º", "ª"])  # "4th", "1°"
_DAY = r"(?:(?P<d>\d{1,2})" + _ORD_SFX + r"?|(?P<d1>" + _w("DAY_ONE") + "))"
_YEAR = r"(?P<y>\d{4}|'\d{2})"
_YEAR_OF = r"(?:" + _w_sp("YEAR_OF") + ")?"

_DUR_LEAD = _w("DURATION_LEAD")
_DUR_ADJ = _w("DURATION_ADJ")
_DUR_POST = _w("DURATION_POST")
# "the past three years", "two and a half years", "sei giorni consecutivi",
# "the first six months of the year", "i primi tre mesi dell'anno"
_DURATION = (
    r"(?:" + _w("DURATION_DET") + r"\s+)?(?:(?P<lead>" + _DUR_LEAD + r")\s+)?"
    r"(?:" + _QTY + r"(?P<half0>\s+" + _w("AND_A_HALF") + r")?" + _QTY_SEP + r")?"
    r"(?:(?P<adj>" + _DUR_ADJ + r")\s+)?(?P<u>" + _UNIT + r")(?:-" + _w("UNIT_COMPOUNDS") + ")?"
    r"(?P<half>\s+" + _w("AND_A_HALF") + r")?(?:\s+" + _DUR_POST + r")?"
    r"(?:\s+" + _w("DURATION_OF") + r"\s*(?:" + _w_sp("DURATION_OF_DET") + r")?"
    r"(?:" + _w("YEAR_WORD") + r"|\d{4}))?"
)


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# ======================================================================================
# Input cleaning
# ======================================================================================

_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-",
                            "‑": "-", "“": " ", "”": " ", "«": " ", "»": " "})  # fmt: skip
_RE_JUNK = re.compile(r"[()\[\]\"{};!?,]")
_RE_ELISION = re.compile(r"\b(" + _w("ELISIONS") + r")'(?=\w)")
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
# A preposition that is also an article elsewhere (Italian "a" before a month or "a fine anno", but
# English "a year") is dropped only before a month or the words its language lists.
_RE_PREFIX_A = re.compile(
    "(?:"
    + "|".join(
        re.escape(prep) + r"\s+(?=(?:" + _MON + "|" + _alt(after) + r")\b)"
        for m in registered()
        for prep, after in data(m, "DATE_BARE_PREPOSITIONS").items()
    )
    + r")(?P<rest>.*)"
)
_RE_SUFFIX = re.compile(r"(?P<rest>.+?)\s+(?P<s>" + _alt(_SUFFIXES) + ")")
_RE_NUMBER_ONLY = re.compile(r"[\d\s.,]+")  # "60", "1.5": no calendar information


def _spell_years(s: str) -> str:
    """Spelled-out years as digits ("nineteen ninety-six" -> "1996", "duemilanove" ->
    "2009"), so that every year rule reads them: the longest run of up to eight words that
    spells a year wins. Cost: one dictionary lookup per word and run length."""
    tokens = s.split(" ")
    if not any(t in _YEAR_FIRST_WORDS for t in tokens):
        return s
    out, i = [], 0
    while i < len(tokens):
        for n in range(min(8, len(tokens) - i), 0, -1):
            year = SPELLED_YEARS.get(" ".join(tokens[i : i + n]))
            if year is not None:
                out.append(str(year))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


_YEAR_FIRST_WORDS = frozenset(k.split(" ", 1)[0] for k in SPELLED_YEARS)


def _strip_function_words(s: str) -> str:
    """Remove leading articles and prepositions (not modifiers): "the 30th of December"."""
    while (m := _RE_PREFIX.fullmatch(s)) and PREFIX_MODS[m.group("p")] is None:
        s = m.group("rest")
    return s
