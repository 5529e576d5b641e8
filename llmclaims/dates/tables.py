"""Word tables for dates, merged across languages for matching."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from ..languages import registered
from .values import Granularity, Mod


def data(module: object, name: str) -> Any:
    """A language module's ``DATE_*`` table, empty when the module has none: a language is
    described by the tables it needs, and an engine never fails on one it lacks."""
    return getattr(module, name, {})


def _per_language(name: str) -> dict[str, Any]:
    return {m.CODE: data(m, name) for m in registered()}


# ======================================================================================
# Word tables (lower case), per language. They are merged for matching: the one clash
# that matters, "ago" as the Italian abbreviation of August, is left out on purpose.
# ======================================================================================

_MONTHS: dict[str, dict[str, int]] = _per_language("DATE_MONTHS")

_WEEKDAYS: dict[str, dict[str, int]] = _per_language("DATE_WEEKDAYS")

# TIMEX3 season codes; _SEASON_START gives the (meteorological) first month of each.
_SEASONS: dict[str, dict[str, str]] = _per_language("DATE_SEASONS")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Parts of the day (TIMEX3 codes).
_PARTS_OF_DAY: dict[str, dict[str, str]] = _per_language("DATE_PARTS_OF_DAY")

# Deictic day words: (offset in days from publication, part of day or None).
# Elided Italian articles are written with a space ("l' altro ieri"): see _clean().
_DEICTIC_DAYS: dict[str, dict[str, tuple[int, str | None]]] = _per_language("DATE_DEICTIC_DAYS")

# Whole expressions with a fixed vague value.
_VAGUE: dict[str, dict[str, str]] = _per_language("DATE_VAGUE")

# Recurrence adverbs and adjectives (TIMEX3 SET values).
_SET_WORDS: dict[str, dict[str, str]] = _per_language("DATE_SET_WORDS")

# Duration units: word -> (TIMEX3 unit, multiplier, is a time-of-day unit).
_UNITS: dict[str, dict[str, tuple[str, int, bool]]] = _per_language("DATE_UNITS")
_PLURAL_UNITS: frozenset[str] = frozenset().union(
    *(data(m, "DATE_PLURAL_UNITS") for m in registered())
)
# Large units are written in years when the count is known ("a decade" -> P10Y).
_UNIT_IN_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
# Granularity of "N units ago" for each unit.
_UNIT_GRAN: dict[str, Granularity] = {
    "S": "day", "H": "day", "D": "day", "W": "day", "WE": "week", "M": "month",
    "Q": "quarter", "Y": "year", "DE": "year", "CE": "year", "ML": "year",
}  # fmt: skip

# Calendar units that this/last/next can shift, mapped to an internal unit name.
_CAL_UNITS: dict[str, dict[str, str]] = _per_language("DATE_CAL_UNITS")

# Qualifiers before ("last year", "lo scorso anno") or after ("l'anno scorso") the unit:
# offset in units from the one containing the publication date.
_QUAL_PRE: dict[str, dict[str, int]] = _per_language("DATE_QUAL_PRE")
_QUAL_POST: dict[str, dict[str, int]] = _per_language("DATE_QUAL_POST")

# Ordinals for quarters, halves and weeks of a month (-1 = the last one).
_ORDINALS: dict[str, dict[str, int]] = _per_language("DATE_ORDINALS")

_CENTURY_ORDINALS: dict[str, dict[str, int]] = _per_language("DATE_CENTURY_ORDINALS")
# Names of centuries: "il Novecento" is the 1900s (TIMEX3 value "19").
_CENTURY_NAMES: dict[str, int] = {
    k: v for m in registered() for k, v in data(m, "DATE_CENTURY_NAMES").items()
}
_DECADE_WORDS: dict[str, dict[str, int]] = _per_language("DATE_DECADE_WORDS")

# Time zones: abbreviation -> ISO 8601 offset suffix ("" = stated but not convertible).
_TIME_ZONES = {
    "utc": "Z", "gmt": "Z", "z": "Z", "zulu": "Z", "est": "-05", "edt": "-04", "cst": "-06",
    "cdt": "-05", "mst": "-07", "mdt": "-06", "pst": "-08", "pdt": "-07", "cet": "+01",
    "cest": "+02", "bst": "+01", "jst": "+09", "aest": "+10",
    # generic US zone names do not say whether daylight saving applies
    "et": "", "ct": "", "mt": "", "pt": "",
    **{w: "" for m in registered() for w in data(m, "DATE_LOCAL_TIME")},
}  # fmt: skip


def _easter(year: int) -> _dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return _dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date:
    first = _dt.date(year, month, 1)
    return first + _dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


# Holidays: a fixed (month, day) or a function of the year.
_HolidaySpec = tuple[int, int] | tuple[str, int] | tuple[str, int, int, int]


def _holiday(spec: _HolidaySpec) -> tuple[int, int] | Callable[[int], _dt.date]:
    """A language module's holiday spec as a date rule: ``(month, day)`` is fixed,
    ``("easter", days)`` is days after Easter Sunday, ``("nth", month, weekday, n)`` the
    n-th ISO weekday of the month. Specs are data so that language modules need no code."""
    if spec[0] == "easter":
        days = int(spec[1])
        return _easter if days == 0 else (lambda y: _easter(y) + _dt.timedelta(days=days))
    if spec[0] == "nth":
        _, month, weekday, n = spec  # type: ignore[misc]
        return lambda y: _nth_weekday(y, int(month), int(weekday), int(n))
    return (int(spec[0]), int(spec[1]))


_HOLIDAYS: dict[str, dict[str, tuple[int, int] | Callable[[int], _dt.date]]] = {
    m.CODE: {k: _holiday(v) for k, v in data(m, "DATE_HOLIDAYS").items()} for m in registered()
}
# Plural weekdays read as habitual ("Mondays"), in languages that form them.
_HABITUAL_WEEKDAYS: dict[str, dict[str, int]] = {
    m.CODE: getattr(m, "DATE_HABITUAL_WEEKDAYS", {}) for m in registered()
}

# Leading modifiers, with the TimeML mod they imply, and function words (mod None). They
# are removed one at a time and the rules are tried again after each removal, so "in two
# weeks" is read before "in" is dropped. Elided articles are spelled with a space.
_PREFIXES: dict[str, list[tuple[str, Mod | None]]] = _per_language("DATE_PREFIXES")
# Trailing modifiers ("tre anni circa", "two years or so").
_SUFFIXES: dict[str, Mod | None] = {}
for _m in registered():
    _SUFFIXES.update(data(_m, "DATE_SUFFIXES"))


# Cardinal number words and counting idioms ("a couple of", "mezz'"), and fuzzy quantities.
_NUMBERS: dict[str, float] = {
    k: v for m in registered() for k, v in data(m, "DATE_NUMBERS").items()
}
_FUZZY_NUMBERS: frozenset[str] = frozenset().union(
    *(data(m, "DATE_FUZZY_NUMBERS") for m in registered())
)


def _spelled_years() -> dict[str, int]:
    """Every spelled-out year from 1000 to 2099 that a language module describes (see the
    ``DATE_YEAR_*`` tables), mapped to its number."""
    out: dict[str, int] = {}
    for m in registered():
        below_100 = {
            w: int(n) for w, n in data(m, "DATE_NUMBERS").items() if n == int(n) and 1 <= n < 100
        }
        digits = {w: n for w, n in below_100.items() if n < 10}
        for century_word, century in getattr(m, "DATE_YEAR_CENTURIES", {}).items():
            out.update({f"{century_word} {w}": 100 * century + n for w, n in below_100.items()
                        if n >= 10})  # fmt: skip
            out[f"{century_word} {m.DATE_YEAR_HUNDRED}"] = 100 * century
            for oh in getattr(m, "DATE_YEAR_OH", ()):
                out.update(
                    {f"{century_word} {oh} {w}": 100 * century + n for w, n in digits.items()}
                )
        hundreds = {"": 0, **getattr(m, "DATE_YEAR_HUNDREDS", {})}
        for thousand_word, thousand in getattr(m, "DATE_YEAR_THOUSANDS", {}).items():
            for j in getattr(m, "DATE_YEAR_JOINERS", (" ",)):
                for hundred_word, hundred in hundreds.items():
                    head = thousand_word + (j + hundred_word if hundred_word else "")
                    if thousand + hundred <= 2099 and (hundred_word or thousand == 2000):
                        out.setdefault(head, thousand + hundred)
                    out.update({head + j + w: thousand + hundred + n for w, n in below_100.items()
                                if thousand + hundred + n <= 2099})  # fmt: skip
    return out


SPELLED_YEARS: dict[str, int] = _spelled_years()


def words(name: str) -> list[str]:
    """The words of one ``DATE_*`` word list across the registered languages, in
    registration order (the date patterns are built from these)."""
    out: list[str] = []
    for m in registered():
        out += [w for w in getattr(m, name, ()) if w not in out]
    return out


def merged(name: str) -> dict:
    """One ``DATE_*`` table across the registered languages (later ones win a clash)."""
    return _merge({m.CODE: getattr(m, name, {}) for m in registered()})


def _merge(tables: dict[str, dict]) -> dict:
    out: dict = {}
    for table in tables.values():
        out.update(table)
    return out


MONTHS: dict[str, int] = _merge(_MONTHS)
WEEKDAYS: dict[str, int] = _merge(_WEEKDAYS)
SEASONS: dict[str, str] = _merge(_SEASONS)
PARTS_OF_DAY: dict[str, str] = _merge(_PARTS_OF_DAY)
DEICTIC_DAYS: dict[str, tuple[int, str | None]] = _merge(_DEICTIC_DAYS)
VAGUE: dict[str, str] = _merge(_VAGUE)
SET_WORDS: dict[str, str] = _merge(_SET_WORDS)
UNITS: dict[str, tuple[str, int, bool]] = _merge(_UNITS)
CAL_UNITS: dict[str, str] = _merge(_CAL_UNITS)
QUAL_PRE: dict[str, int] = _merge(_QUAL_PRE)
QUAL_POST: dict[str, int] = _merge(_QUAL_POST)
ORDINALS: dict[str, int] = _merge(_ORDINALS)
CENTURY_ORDINALS: dict[str, int] = _merge(_CENTURY_ORDINALS)
DECADE_WORDS: dict[str, int] = _merge(_DECADE_WORDS)
HOLIDAYS: dict[str, tuple[int, int] | Callable[[int], _dt.date]] = _merge(_HOLIDAYS)
HABITUAL_WEEKDAYS: dict[str, int] = _merge(_HABITUAL_WEEKDAYS)
PREFIX_MODS: dict[str, Mod | None] = {p: mod for t in _PREFIXES.values() for p, mod in t}
