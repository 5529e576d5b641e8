"""Normalize time expressions from news text to TIMEX3 values.

:func:`normalize_date` turns the text of a time expression ("lo scorso novembre", "Dec. 30",
"two weeks ago", "the third quarter of 2009", "già da settimane") into a TIMEX3 ``value``
(ISO-TimeML conventions), anchored when needed to the article's publication date.

Design
------
* **Rules first, dateparser last.** English and Italian are covered by regular expressions
  compiled once from word tables (months, weekdays, numbers, units, qualifiers, vague words;
  see the "Word tables" section). ``dateparser`` is consulted only when no rule matches and
  the expression contains a digit, or when ``lang`` is a language the tables do not cover:
  it is slow, and it silently fills in missing parts from its relative base.
* **Never invent what the text does not say.** The publication date is the only anchor; the
  machine's clock is never read. Without a publication date, a part the expression does not
  state stays unknown: "lo scorso novembre" gives ``XXXX-11``, "30 dicembre" gives
  ``XXXX-12-30``, "yesterday" gives ``value=None`` with granularity ``"day"``. When
  dateparser is used it runs against two far-apart sentinel bases, and only the parts on
  which both runs agree (the parts the text states) are kept.
* **News conventions** for under-specified expressions, all relative to publication:

  - *Day and month without a year* ("Dec. 30", "30 dicembre"): the occurrence nearest to
    the publication date, ties going to the past. "30 dicembre" published 2024-01-05 is
    2023-12-30; "2 gennaio" published 2023-12-28 is 2024-01-02.
  - *Month, season, quarter or half-year without a year* ("November", "in autunno", "the
    fourth quarter"): the publication year, unless the period would start six or more
    months after the publication month, then the previous year. Reports mostly look back,
    so a bare month is this year's or, failing that, last year's, never next year's.
  - *Bare weekday* ("Friday", "venerdì"): the nearest such day, at most three days away,
    ties going to the past (TempEval practice for news).
  - *last/next/this + month, weekday or season* ("last November", "venerdì scorso"): the
    latest occurrence strictly before the publication month/day/season, the first one
    strictly after it, or the one of the current year (ISO week for weekdays).
  - *last/next/this + calendar unit* ("l'anno scorso", "next month", "this week"): the
    previous, following or current calendar unit. "the past year" / "the past decade" are
    durations (``P1Y`` / ``P10Y``); "last year" / "the last quarter" are dates.
    "the previous/following year" are resolved against publication too.
  - *N units ago / N unità fa / N units earlier, in N units / tra N unità*: publication
    shifted by N units, at the granularity of the unit ("six months ago" is a month, "a
    decade ago" a year), except that weeks are counted in days: "a week ago" published
    Friday 2011-03-18 is ``2011-03-11``, not the ISO week ``2011-W10``. TimeML annotates
    "ago" expressions as temporal functions of the creation time (the DCT shifted by the
    stated duration, ``temporalFunction="true"`` with ``anchorTimeID`` = the DCT) at the
    granularity the expression itself fixes. Years and months are fields of a calendar
    date, so "a year ago" is ``2010`` and "six months ago" a month; but "a week ago" does
    not name a calendar week (an ISO week runs Monday to Sunday, while "a week ago" said
    on a Friday means the previous Friday): it names the day seven days back, which is
    how the TimeML-based MEANTIME corpus annotates it. "last week" is the expression for
    the calendar week. The same holds for "in two weeks" and "two weeks earlier".
    "N units later/after/before", "N anni dopo/prima" refer to another time in the
    text: resolved from ``reference`` (see *Context* below), else ``value=None``.
  - *"the day"* (as in "shares rose 2% on the day"), a bare part of the day ("in the
    morning") and a clock time without a day ("at 18:00 UTC") are on the reference day
    if one is given (the day the report is about), else on the publication day.
    *Streaks* ("the third straight day", "the fourth consecutive week", "la terza seduta
    consecutiva", "fourth week" followed by "in a row") end with the current day, week,
    etc. "the year" / "l'anno" / "the week" / "the weekend" are the current ones.
* **Context** (optional, keyword-only ``context=`` and ``reference=``; HeidelTime's
  approach, see :func:`normalize_date`):

  - *Tense*: the tense of the verb governing the expression in its sentence chooses
    between the past and the future occurrence of a bare weekday, month, day of a month,
    season, quarter or half. Past: the latest occurrence on or before publication (for
    months, days of a month and parts of a year, compared by month); future: the first
    one on or after it. "Boeing delivered the jet on Tuesday", published Monday
    2006-05-29, is 2006-05-23 (without context: the nearest Tuesday, 2006-05-30); "the
    plant will close in November", published in January, is next November. Tense cues
    are found without a tagger (see ``_tense``); no cue means no change.
  - *Reference* (narrative anchoring): anaphoric expressions are resolved against the last
    date mentioned before the expression: "the same day", "that day", "its date", "at the
    time" → the reference; "the next day", "the following week", "the previous year",
    "il giorno dopo", "two days later", "a year earlier" → shifted from it; "the same
    month a year ago", "the same period last year", "lo stesso periodo dell'anno
    scorso" → the reference one year back, at its granularity. Deictic expressions
    ("yesterday", "last week", "next month", "ago") stay relative to publication.
  - *Completion from the sentence*: a bare month, season, quarter or half followed by a
    year qualifier ("October" + "of next year") takes that year; "November next year"
    is understood as an expression on its own too.
  - Without a publication date, context and reference are ignored, so no year that the
    expression does not state can appear.
* **Vague references**: "recently", "di recente", "in passato" → ``PAST_REF``; "now", "ora",
  "currently", "attualmente" → ``PRESENT_REF``; "in the future", "presto", "later" →
  ``FUTURE_REF``. "today"/"oggi" is the publication date, not ``PRESENT_REF``.
* **Durations** are ISO 8601 with TimeML units: ``P2Y``, ``P3D``, ``PT5H``, ``P1Q``; a known
  number of decades or centuries is written in years ("a decade" → ``P10Y``), an unknown
  number is ``X`` ("several weeks" → ``PXW``, "decades" → ``PXDE``). Italian "(già) da
  settimane" ("for weeks (already)") is such a duration: ``PXW``. Fractions below one are
  expressed in the next smaller unit ("half an hour" → ``PT30M``), others as decimals
  ("two and a half years" → ``P2.5Y``).
* **Ranges** ("tra il 30 dicembre e il 2 gennaio", "from 2009 to 2011", "3-5 marzo") are
  written ``start/end``. A month or year stated on one side only is shared, and a yearless
  range is placed so that its end is nearest to publication and its start precedes its end.
* TimeML ``mod`` is filled from modifiers ("early 2009" → ``2009`` with ``mod="START"``,
  "nearly five months" → ``P5M`` with ``mod="LESS_THAN"``); the value is unchanged.
* Numeric dates are month-first for ``lang="en"`` ("7/8/07" is July 8) and day-first
  otherwise, unless one of the numbers exceeds 12. Two-digit years take the century that
  puts them nearest to publication ("'82" in 2008 is 1982) and stay unknown without one.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["DateValue", "Granularity", "Mod", "TimexType", "is_timex3_value", "normalize_date"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "day",
    "week",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
    "range",
    "duration",
    "time",
    "vague",
    "set",
    "unknown",
]
Mod = Literal[
    "START",
    "MID",
    "END",
    "APPROX",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
]


class DateValue(BaseModel):
    """A normalized time expression.

    Attributes:
        expression: the input text, unchanged.
        value: TIMEX3 value, e.g. ``2024-01-02``, ``2023-11``, ``2024-W01``, ``2024-W01-WE``
            (weekend), ``2013-Q1``, ``2013-H2``, ``2013-SU``, ``FY2009``, ``199`` (the
            1990s), ``19`` (the 1900s), ``XXXX-12-30``, ``XXXX-WXX-5`` (a Friday),
            ``2023-12-30/2024-01-02`` (range), ``P2Y``/``PT5H``/``PXW`` (duration or set
            period), ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``, ``2024-01-05T18:00Z``,
            ``2024-01-05TMO`` (morning). ``None`` when the expression could not be
            normalized: unknown wording, or it needs a publication date that was not given.
        type: TIMEX3 type: DATE, TIME (clock time or part of day), DURATION or SET.
        granularity: what the value denotes: ``day``, ``week`` (ISO week or weekend),
            ``month``, ``quarter``, ``half`` (half-year), ``season``, ``year`` (also fiscal
            year), ``decade``, ``century``, ``range``, ``duration``, ``time``, ``vague``
            (PAST_REF & co.), ``set`` (recurrence) or ``unknown`` (nothing recognized).
            Filled even when ``value`` is None: "yesterday" without a publication date has
            granularity ``day``.
        anchored: True when the publication date was used to compute the value.
        mod: TimeML modifier (START, END, APPROX, LESS_THAN, ...) or None.
    """

    model_config = ConfigDict(frozen=True)

    expression: str
    value: str | None
    type: TimexType
    granularity: Granularity
    anchored: bool = False
    mod: Mod | None = None


# ======================================================================================
# TIMEX3 value syntax
# ======================================================================================

# fmt: off
_RE_V_DATE = re.compile(
    r"""
    (?:FY)?(?P<y>\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX)
    (?:
        -(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?
      | -W(?P<w>\d{2}|XX)(?:-(?P<wd>[1-7X])|-WE)?
      | -Q[1-4X] | -H[12X] | -(?:SP|SU|FA|WI)
    )?
    | (?P<decade>\d{3}) | (?P<century>\d{2})
    """,
    re.VERBOSE,
)
_RE_V_TIME = re.compile(
    r"""
    T(?:
        MO|MI|AF|EV|NI|DT
      | (?P<h>\d{2}|XX)(?::(?P<mi>\d{2}|XX)(?::(?P<s>\d{2})(?:[.,]\d+)?)?)?
        (?:Z|[+-](?P<zh>\d{2})(?::?(?P<zm>\d{2}))?)?
    )
    """,
    re.VERBOSE,
)
_N = r"(?:\d+(?:[.,]\d+)?|X)"
_RE_V_DURATION = re.compile(
    rf"P(?:(?=.)(?:{_N}Y)?(?:{_N}M)?(?:{_N}W)?(?:{_N}D)?(?:T(?=.)(?:{_N}H)?(?:{_N}M)?(?:{_N}S)?)?"
    rf"|{_N}(?:DE|CE|ML|WE|Q))"
)
# fmt: on
_VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


def _is_point_value(value: str) -> bool:
    """A TIMEX3 date, or a date (or nothing) followed by a time of day."""
    date, sep, time = value.partition("T")
    if sep:
        tm = _RE_V_TIME.fullmatch(sep + time)
        if tm is None:
            return False
        h, mi, s, zh, zm = tm.group("h", "mi", "s", "zh", "zm")
        if (h and h != "XX" and int(h) > 24) or (mi and mi != "XX" and int(mi) > 59):
            return False
        if (s and int(s) > 60) or (zh and int(zh) > 14) or (zm and int(zm) > 59):
            return False
        if not date:
            return True
    dm = _RE_V_DATE.fullmatch(date)
    if dm is None:
        return False
    y, m, d, w, wd = dm.group("y", "m", "d", "w", "wd")
    if sep and not (d or wd):  # a time needs a day: "2024-01-05T18:00", "XXXX-WXX-5TNI"
        return False
    if w and w != "XX" and not 1 <= int(w) <= 53:
        return False
    if m and m != "XX" and not 1 <= int(m) <= 12:
        return False
    if d and d != "XX":
        if not 1 <= int(d) <= 31:
            return False
        if y.isdigit() and m != "XX" and _safe_date(int(y), int(m), int(d)) is None:
            return False
        if m != "XX" and _safe_date(2000, int(m), int(d)) is None:  # "XXXX-02-30"
            return False
    return True


def is_timex3_value(value: str) -> bool:
    """Check the syntax of a TIMEX3 ``value`` (TimeML 1.2.1 / ISO-TimeML, as written by
    TempEval-3 and by :func:`normalize_date`).

    Accepted, with ``X`` placeholders for unknown digits or fields:

    * dates: ``2024``, ``2024-01``, ``2024-01-05``, ``XXXX-12-30``, ``2011-06-XX``,
      ``19XX``; fiscal years ``FY2009``, ``FY2009-Q1``;
    * weeks: ``2024-W01``, ``2024-W01-5`` (a weekday), ``2024-W01-WE`` (weekend),
      ``XXXX-WXX-5``;
    * parts of a year: quarters ``2013-Q1``, halves ``2013-H2``, seasons ``2013-SU``
      (``SP``, ``SU``, ``FA``, ``WI``);
    * decades ``199`` (the 1990s) and centuries ``19`` (the 1900s);
    * times: a day followed by ``Thh``, ``Thh:mm``, ``Thh:mm:ss(.fff)`` with an optional
      zone (``Z``, ``+08``, ``-05:00``), or by a part of day (``TMO``, ``TMI``, ``TAF``,
      ``TEV``, ``TNI``, ``TDT``); a time of day alone (``T18:00``) is accepted too;
    * durations: ISO 8601 ``P2Y``, ``P1Y6M``, ``P3W``, ``PT5H30M``, ``P2.5Y``, with ``X``
      for an unknown number (``PXW``, ``PTXH``), and TimeML's single-unit extensions
      ``P1DE`` (decades), ``P1CE`` (centuries), ``P1ML`` (millennia), ``P1Q``
      (quarters), ``P1WE`` (weekends);
    * ``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``;
    * ranges ``start/end`` (this library's extension, not TIMEX3 proper): two values
      that are each a date or a time as above.

    The check is syntactic plus calendar sanity: months 01-12, ISO weeks 01-53, days
    that exist in their month (``2023-02-29`` is rejected, ``XXXX-02-29`` accepted),
    hours up to 24, minutes up to 59. Values must be upper case and unpadded; anything
    that is not a ``str`` is rejected. Malformed values seen in the wild, such as
    ``PY5`` or ``PM6`` (number after the unit), ``P``, ``2024-1-5`` or ``last year``,
    return False.
    """
    if not isinstance(value, str) or not value:
        return False
    if value in _VAGUE_VALUES:
        return True
    if value.startswith("P"):
        return _RE_V_DURATION.fullmatch(value) is not None
    start, slash, end = value.partition("/")
    if slash:
        return _is_point_value(start) and _is_point_value(end)
    return _is_point_value(value)


_RE_TIME_VALUE = re.compile(r"T(?:\d|MO|MI|AF|EV|NI|DT)")
_RE_DURATION_VALUE = re.compile(r"PT?[\dX]")


def _dv(
    value: str | None,
    granularity: Granularity,
    type_: TimexType | None = None,
    anchored: bool = False,
) -> DateValue:
    """Build a result; the type is inferred from the value unless given.

    ``expression`` and ``mod`` are filled in by :func:`normalize_date`.
    """
    if type_ is None:
        if granularity == "set":
            type_ = "SET"
        elif value and _RE_DURATION_VALUE.match(value):
            type_ = "DURATION"
        elif granularity == "time" or (value and _RE_TIME_VALUE.search(value)):
            type_ = "TIME"
        else:
            type_ = "DATE"
    return DateValue(
        expression="", value=value, type=type_, granularity=granularity, anchored=anchored
    )


# ======================================================================================
# Word tables (lower case), per language. They are merged for matching: the one clash
# that matters, "ago" as the Italian abbreviation of agosto, is left out on purpose.
# ======================================================================================

_MONTHS: dict[str, dict[str, int]] = {
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
    "it": {
        "gennaio": 1, "genn": 1, "gen": 1, "febbraio": 2, "febbr": 2, "feb": 2, "marzo": 3,
        "mar": 3, "aprile": 4, "apr": 4, "maggio": 5, "magg": 5, "mag": 5, "giugno": 6,
        "giu": 6, "luglio": 7, "lug": 7, "agosto": 8, "settembre": 9, "sett": 9,
        "ottobre": 10, "ott": 10, "novembre": 11, "nov": 11, "dicembre": 12, "dic": 12,
    },
}  # fmt: skip

_WEEKDAYS: dict[str, dict[str, int]] = {  # ISO weekday numbers, Monday = 1
    "en": {
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
        "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
        "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    },
    "it": {
        "lunedì": 1, "lunedi": 1, "martedì": 2, "martedi": 2, "mercoledì": 3, "mercoledi": 3,
        "giovedì": 4, "giovedi": 4, "venerdì": 5, "venerdi": 5, "sabato": 6, "domenica": 7,
    },
}  # fmt: skip

# TIMEX3 season codes; _SEASON_START gives the (meteorological) first month of each.
_SEASONS: dict[str, dict[str, str]] = {
    "en": {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
    "it": {"primavera": "SP", "estate": "SU", "autunno": "FA", "inverno": "WI"},
}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Parts of the day (TIMEX3 codes).
_PARTS_OF_DAY: dict[str, dict[str, str]] = {
    "en": {
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
        "overnight": "NI", "daytime": "DT", "midday": "MI",
    },
    "it": {
        "mattina": "MO", "mattino": "MO", "mattinata": "MO", "pomeriggio": "AF",
        "sera": "EV", "serata": "EV", "notte": "NI", "nottata": "NI",
    },
}  # fmt: skip

# Deictic day words: (offset in days from publication, part of day or None).
# Elided Italian articles are written with a space ("l' altro ieri"): see _clean().
_DEICTIC_DAYS: dict[str, dict[str, tuple[int, str | None]]] = {
    "en": {
        "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None),
        "the day before yesterday": (-2, None), "the day after tomorrow": (2, None),
        "tonight": (0, "NI"), "last night": (-1, "NI"), "this morning": (0, "MO"),
        "this afternoon": (0, "AF"), "this evening": (0, "EV"), "earlier today": (0, None),
        "later today": (0, None),
    },
    "it": {
        "oggi": (0, None), "ieri": (-1, None), "domani": (1, None), "l' altro ieri": (-2, None),
        "l' altroieri": (-2, None), "ieri l' altro": (-2, None), "avantieri": (-2, None),
        "dopodomani": (2, None), "stamattina": (0, "MO"), "stamani": (0, "MO"),
        "stamane": (0, "MO"), "stasera": (0, "EV"), "stanotte": (0, "NI"),
        "questa mattina": (0, "MO"), "questo pomeriggio": (0, "AF"), "questa sera": (0, "EV"),
        "questa notte": (0, "NI"), "ieri notte": (-1, "NI"),
    },
}  # fmt: skip

# Whole expressions with a fixed vague value.
_VAGUE: dict[str, dict[str, str]] = {
    "en": {
        "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
        "the past": "PAST_REF", "past": "PAST_REF", "formerly": "PAST_REF",
        "previously": "PAST_REF", "earlier": "PAST_REF", "in the past": "PAST_REF",
        "recent times": "PAST_REF", "history": "PAST_REF", "recent history": "PAST_REF",
        "one point": "PAST_REF", "at one point": "PAST_REF", "a while ago": "PAST_REF",
        "some time ago": "PAST_REF", "long ago": "PAST_REF", "a long time ago": "PAST_REF",
        "the old days": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
        "until recently": "PAST_REF",
        "now": "PRESENT_REF", "right now": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "currently": "PRESENT_REF", "current": "PRESENT_REF", "present": "PRESENT_REF",
        "the present": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
        "the moment": "PRESENT_REF", "at the moment": "PRESENT_REF", "for now": "PRESENT_REF",
        "the time being": "PRESENT_REF", "for the time being": "PRESENT_REF",
        "these days": "PRESENT_REF", "ongoing": "PRESENT_REF", "at this time": "PRESENT_REF",
        "the present day": "PRESENT_REF",
        "the future": "FUTURE_REF", "future": "FUTURE_REF", "in the future": "FUTURE_REF",
        "soon": "FUTURE_REF", "very soon": "FUTURE_REF", "shortly": "FUTURE_REF",
        "later": "FUTURE_REF", "later on": "FUTURE_REF", "a later time": "FUTURE_REF",
        "a later date": "FUTURE_REF", "eventually": "FUTURE_REF", "someday": "FUTURE_REF",
        "the long term": "FUTURE_REF", "long-term": "FUTURE_REF", "long term": "FUTURE_REF",
        "the short term": "FUTURE_REF", "short-term": "FUTURE_REF", "short term": "FUTURE_REF",
        "the near term": "FUTURE_REF", "near-term": "FUTURE_REF",
        "the medium term": "FUTURE_REF", "medium-term": "FUTURE_REF",
        "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    },
    "it": {
        "di recente": "PAST_REF", "recentemente": "PAST_REF", "ultimamente": "PAST_REF",
        "in passato": "PAST_REF", "passato": "PAST_REF", "un tempo": "PAST_REF",
        "tempo fa": "PAST_REF", "poco fa": "PAST_REF", "da poco": "PAST_REF",
        "in precedenza": "PAST_REF", "precedentemente": "PAST_REF", "storia": "PAST_REF",
        "ora": "PRESENT_REF", "adesso": "PRESENT_REF", "attualmente": "PRESENT_REF",
        "al momento": "PRESENT_REF", "momento": "PRESENT_REF",
        "in questo momento": "PRESENT_REF", "per ora": "PRESENT_REF",
        "per il momento": "PRESENT_REF", "oggigiorno": "PRESENT_REF",
        "oggi giorno": "PRESENT_REF", "ai giorni nostri": "PRESENT_REF",
        "attuale": "PRESENT_REF", "in corso": "PRESENT_REF", "di questi tempi": "PRESENT_REF",
        "in futuro": "FUTURE_REF", "futuro": "FUTURE_REF", "presto": "FUTURE_REF",
        "a breve": "FUTURE_REF", "tra poco": "FUTURE_REF", "fra poco": "FUTURE_REF",
        "prossimamente": "FUTURE_REF", "più tardi": "FUTURE_REF", "in seguito": "FUTURE_REF",
        "a lungo termine": "FUTURE_REF", "lungo termine": "FUTURE_REF",
        "nel lungo periodo": "FUTURE_REF", "lungo periodo": "FUTURE_REF",
        "a breve termine": "FUTURE_REF", "breve termine": "FUTURE_REF",
        "a medio termine": "FUTURE_REF", "medio termine": "FUTURE_REF",
    },
}  # fmt: skip

# Recurrence adverbs and adjectives (TIMEX3 SET values).
_SET_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "per year": "P1Y",
        "per annum": "P1Y", "monthly": "P1M", "per month": "P1M", "weekly": "P1W",
        "per week": "P1W", "daily": "P1D", "per day": "P1D", "nightly": "P1D",
        "hourly": "PT1H", "per hour": "PT1H", "quarterly": "P3M", "biweekly": "P2W",
        "fortnightly": "P2W", "biannual": "P6M", "semiannual": "P6M", "semi-annual": "P6M",
        "biennial": "P2Y",
    },
    "it": {
        "annuale": "P1Y", "annuali": "P1Y", "annualmente": "P1Y", "annuo": "P1Y",
        "annua": "P1Y", "all' anno": "P1Y", "mensile": "P1M", "mensili": "P1M",
        "mensilmente": "P1M", "al mese": "P1M", "settimanale": "P1W", "settimanali": "P1W",
        "settimanalmente": "P1W", "alla settimana": "P1W", "quotidiano": "P1D",
        "quotidiana": "P1D", "quotidianamente": "P1D", "giornaliero": "P1D",
        "giornaliera": "P1D", "giornalmente": "P1D", "al giorno": "P1D", "orario": "PT1H",
        "trimestrale": "P3M", "semestrale": "P6M", "biennale": "P2Y",
    },
}  # fmt: skip

# Duration units: word -> (TIMEX3 unit, multiplier, is a time-of-day unit).
_UNITS: dict[str, dict[str, tuple[str, int, bool]]] = {
    "en": {
        "second": ("S", 1, True), "seconds": ("S", 1, True), "sec": ("S", 1, True),
        "secs": ("S", 1, True), "minute": ("M", 1, True), "minutes": ("M", 1, True),
        "min": ("M", 1, True), "mins": ("M", 1, True), "hour": ("H", 1, True),
        "hours": ("H", 1, True), "hr": ("H", 1, True), "hrs": ("H", 1, True),
        "day": ("D", 1, False), "days": ("D", 1, False), "night": ("D", 1, False),
        "nights": ("D", 1, False), "week": ("W", 1, False), "weeks": ("W", 1, False),
        "weekend": ("WE", 1, False), "weekends": ("WE", 1, False),
        "fortnight": ("W", 2, False), "fortnights": ("W", 2, False),
        "month": ("M", 1, False), "months": ("M", 1, False), "quarter": ("Q", 1, False),
        "quarters": ("Q", 1, False), "year": ("Y", 1, False), "years": ("Y", 1, False),
        "yr": ("Y", 1, False), "yrs": ("Y", 1, False), "decade": ("DE", 1, False),
        "decades": ("DE", 1, False), "century": ("CE", 1, False),
        "centuries": ("CE", 1, False), "millennium": ("ML", 1, False),
        "millennia": ("ML", 1, False),
    },
    "it": {
        "secondo": ("S", 1, True), "secondi": ("S", 1, True), "minuto": ("M", 1, True),
        "minuti": ("M", 1, True), "ora": ("H", 1, True), "ore": ("H", 1, True),
        "giorno": ("D", 1, False), "giorni": ("D", 1, False), "giornata": ("D", 1, False),
        "giornate": ("D", 1, False), "notte": ("D", 1, False), "notti": ("D", 1, False),
        "settimana": ("W", 1, False), "settimane": ("W", 1, False),
        "mese": ("M", 1, False), "mesi": ("M", 1, False), "trimestre": ("Q", 1, False),
        "trimestri": ("Q", 1, False), "semestre": ("M", 6, False),
        "semestri": ("M", 6, False), "anno": ("Y", 1, False), "anni": ("Y", 1, False),
        "biennio": ("Y", 2, False), "bienni": ("Y", 2, False), "triennio": ("Y", 3, False),
        "trienni": ("Y", 3, False), "quinquennio": ("Y", 5, False), "lustro": ("Y", 5, False),
        "lustri": ("Y", 5, False), "decennio": ("DE", 1, False), "decenni": ("DE", 1, False),
        "secolo": ("CE", 1, False), "secoli": ("CE", 1, False),
        "millennio": ("ML", 1, False), "millenni": ("ML", 1, False),
    },
}  # fmt: skip
_PLURAL_UNITS = {
    "seconds", "secs", "minutes", "mins", "hours", "hrs", "days", "nights", "weeks",
    "weekends", "fortnights", "months", "quarters", "years", "yrs", "decades", "centuries",
    "millennia", "secondi", "minuti", "ore", "giorni", "giornate", "notti", "settimane",
    "mesi", "trimestri", "semestri", "anni", "bienni", "trienni", "lustri", "decenni",
    "secoli", "millenni",
}  # fmt: skip
# Large units are written in years when the count is known ("a decade" -> P10Y).
_UNIT_IN_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
# Granularity of "N units ago" for each unit.
_UNIT_GRAN: dict[str, Granularity] = {
    "S": "day", "H": "day", "D": "day", "W": "day", "WE": "week", "M": "month",
    "Q": "quarter", "Y": "year", "DE": "year", "CE": "year", "ML": "year",
}  # fmt: skip

# Calendar units that this/last/next can shift, mapped to an internal unit name.
_CAL_UNITS: dict[str, dict[str, str]] = {
    "en": {
        "week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
        "half": "half", "year": "year", "decade": "decade", "century": "century",
        "fiscal year": "fy", "financial year": "fy", "day": "day",
    },
    "it": {
        "settimana": "week", "fine settimana": "weekend", "mese": "month",
        "trimestre": "quarter", "semestre": "half", "anno": "year", "decennio": "decade",
        "secolo": "century", "anno fiscale": "fy", "esercizio": "fy", "giorno": "day",
    },
}  # fmt: skip

# Qualifiers before ("last year", "lo scorso anno") or after ("l'anno scorso") the unit:
# offset in units from the one containing the publication date.
_QUAL_PRE: dict[str, dict[str, int]] = {
    "en": {
        "this": 0, "current": 0, "the current": 0, "present": 0, "this past": -1,
        "last": -1, "previous": -1, "prior": -1, "preceding": -1, "past": -1, "next": 1,
        "coming": 1, "following": 1, "upcoming": 1,
    },
    "it": {
        "questo": 0, "questa": 0, "quest'": 0, "scorso": -1, "scorsa": -1, "passato": -1,
        "passata": -1, "ultimo": -1, "ultima": -1, "prossimo": 1, "prossima": 1,
    },
}  # fmt: skip
_QUAL_POST: dict[str, dict[str, int]] = {
    "en": {"before": -1, "previous": -1, "earlier": -1, "after": 1, "later": 1},
    "it": {
        "corrente": 0, "in corso": 0, "attuale": 0, "scorso": -1, "scorsa": -1,
        "passato": -1, "passata": -1, "precedente": -1, "prima": -1, "prossimo": 1,
        "prossima": 1, "venturo": 1, "ventura": 1, "successivo": 1, "successiva": 1,
        "dopo": 1,
    },
}  # fmt: skip

# Ordinals for quarters, halves and weeks of a month (-1 = the last one).
_ORDINALS: dict[str, dict[str, int]] = {
    "en": {
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1,
    },
    "it": {
        "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3,
        "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5, "ultimo": -1, "ultima": -1,
    },
}  # fmt: skip

_CENTURY_ORDINALS: dict[str, dict[str, int]] = {
    "en": {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
        "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "twenty-first": 21, "twenty first": 21, "twenty-second": 22,
    },
    "it": {
        "primo": 1, "secondo": 2, "terzo": 3, "quarto": 4, "quinto": 5, "sesto": 6,
        "settimo": 7, "ottavo": 8, "nono": 9, "decimo": 10, "undicesimo": 11,
        "dodicesimo": 12, "tredicesimo": 13, "quattordicesimo": 14, "quindicesimo": 15,
        "sedicesimo": 16, "diciassettesimo": 17, "diciottesimo": 18, "diciannovesimo": 19,
        "ventesimo": 20, "ventunesimo": 21, "ventiduesimo": 22,
    },
}  # fmt: skip
# Italian names of centuries: "il Novecento" is the 1900s (TIMEX3 value "19").
_IT_CENTURY_NAMES = {
    "duecento": 12, "trecento": 13, "quattrocento": 14, "cinquecento": 15, "seicento": 16,
    "settecento": 17, "ottocento": 18, "novecento": 19,
}  # fmt: skip
_DECADE_WORDS: dict[str, dict[str, int]] = {
    "en": {
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
        "seventies": 7, "eighties": 8, "nineties": 9,
    },
    "it": {  # after "anni": "gli anni Novanta"
        "venti": 2, "trenta": 3, "quaranta": 4, "cinquanta": 5, "sessanta": 6,
        "settanta": 7, "ottanta": 8, "novanta": 9,
    },
}  # fmt: skip

# Time zones: abbreviation -> ISO 8601 offset suffix ("" = stated but not convertible).
_TIME_ZONES = {
    "utc": "Z", "gmt": "Z", "z": "Z", "zulu": "Z", "est": "-05", "edt": "-04", "cst": "-06",
    "cdt": "-05", "mst": "-07", "mdt": "-06", "pst": "-08", "pdt": "-07", "cet": "+01",
    "cest": "+02", "bst": "+01", "jst": "+09", "aest": "+10",
    # generic US zone names do not say whether daylight saving applies
    "et": "", "ct": "", "mt": "", "pt": "", "local time": "", "ora italiana": "",
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
_HOLIDAYS: dict[str, dict[str, tuple[int, int] | Callable[[int], _dt.date]]] = {
    "en": {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
        "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
        "the fourth of july": (7, 4), "easter": _easter, "easter sunday": _easter,
        "easter monday": lambda y: _easter(y) + _dt.timedelta(days=1),
        "good friday": lambda y: _easter(y) - _dt.timedelta(days=2),
        "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
        "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    },
    "it": {
        "natale": (12, 25), "vigilia di natale": (12, 24), "santo stefano": (12, 26),
        "capodanno": (1, 1), "san silvestro": (12, 31), "epifania": (1, 6), "befana": (1, 6),
        "ferragosto": (8, 15), "san valentino": (2, 14), "festa della liberazione": (4, 25),
        "festa della repubblica": (6, 2), "festa dei lavoratori": (5, 1),
        "ognissanti": (11, 1), "pasqua": _easter,
        "pasquetta": lambda y: _easter(y) + _dt.timedelta(days=1),
        "venerdì santo": lambda y: _easter(y) - _dt.timedelta(days=2),
    },
}  # fmt: skip

# Leading modifiers, with the TimeML mod they imply, and function words (mod None). They
# are removed one at a time and the rules are tried again after each removal, so "in two
# weeks" is read before "in" is dropped. Elided articles are spelled with a space.
_PREFIXES: dict[str, list[tuple[str, Mod | None]]] = {
    "en": [
        ("as early as", None), ("as late as", None), ("as of", None),
        ("no later than", "ON_OR_BEFORE"), ("no earlier than", "ON_OR_AFTER"),
        ("more than", "MORE_THAN"), ("longer than", "MORE_THAN"), ("just over", "MORE_THAN"),
        ("over the", None), ("over", "MORE_THAN"), ("upwards of", "MORE_THAN"),
        ("less than", "LESS_THAN"), ("just under", "LESS_THAN"), ("under", "LESS_THAN"),
        ("nearly", "LESS_THAN"), ("almost", "LESS_THAN"), ("at least", "EQUAL_OR_MORE"),
        ("no less than", "EQUAL_OR_MORE"), ("up to", "EQUAL_OR_LESS"),
        ("at most", "EQUAL_OR_LESS"), ("no more than", "EQUAL_OR_LESS"), ("about", "APPROX"),
        ("around", "APPROX"), ("approximately", "APPROX"), ("roughly", "APPROX"),
        ("circa", "APPROX"), ("some", "APPROX"), ("the very beginning of", "START"),
        ("the very start of", "START"), ("the beginning of", "START"),
        ("the start of", "START"), ("the dawn of", "START"), ("beginning of", "START"),
        ("start of", "START"), ("early in", "START"), ("early", "START"),
        ("the middle of", "MID"), ("middle of", "MID"), ("mid-", "MID"), ("mid", "MID"),
        ("the very end of", "END"), ("the end of", "END"), ("end of", "END"),
        ("the close of", "END"), ("late in", "END"), ("late", "END"), ("before", "BEFORE"),
        ("after", "AFTER"),
        ("so far", None), ("later", None), ("earlier", None), ("already", None), ("since", None),
        ("until", None), ("till", None), ("through", None), ("throughout", None),
        ("during", None), ("on", None), ("in", None), ("at", None), ("by", None),
        ("of", None), ("for", None), ("within", None), ("from", None), ("the", None),
    ],
    "it": [
        ("più di", "MORE_THAN"), ("oltre", "MORE_THAN"), ("meno di", "LESS_THAN"),
        ("quasi", "LESS_THAN"), ("almeno", "EQUAL_OR_MORE"), ("intorno a", "APPROX"),
        ("intorno al", "APPROX"), ("attorno a", "APPROX"), ("verso", "APPROX"),
        ("all' incirca", "APPROX"), ("all' inizio", "START"), ("agli inizi", "START"),
        ("inizio", "START"), ("inizi", "START"), ("primi", "START"), ("a metà", "MID"),
        ("metà", "MID"), ("alla fine", "END"), ("sul finire", "END"), ("fine", "END"),
        ("prima", "BEFORE"), ("dopo", "AFTER"),
        ("da qui", None), ("finora", None), ("già", None), ("ancora", None), ("sin", None),
        ("fin", None), ("fino", None),
        ("a partire", None), ("entro", None), ("per", None), ("durante", None),
        ("nel corso", None), ("il", None), ("lo", None), ("la", None), ("l'", None),
        ("i", None), ("gli", None), ("le", None), ("del", None), ("dello", None),
        ("della", None), ("dell'", None), ("dei", None), ("degli", None), ("delle", None),
        ("nel", None), ("nello", None), ("nella", None), ("nell'", None), ("nei", None),
        ("negli", None), ("nelle", None), ("al", None), ("allo", None), ("alla", None),
        ("all'", None), ("ai", None), ("agli", None), ("alle", None), ("dal", None),
        ("dallo", None), ("dalla", None), ("dall'", None), ("dai", None), ("dagli", None),
        ("dalle", None), ("sul", None), ("sullo", None), ("sulla", None), ("sull'", None),
        ("di", None), ("d'", None), ("da", None), ("ad", None), ("su", None),
    ],
}  # fmt: skip
# Trailing modifiers ("tre anni circa", "two years or so").
_SUFFIXES: dict[str, Mod | None] = {
    "or so": "APPROX", "or more": "EQUAL_OR_MORE", "or less": "EQUAL_OR_LESS",
    "in all": None, "circa": "APPROX", "a questa parte": None, "e oltre": "EQUAL_OR_MORE",
}  # fmt: skip


def _number_words() -> dict[str, float]:
    """Cardinal number words, EN and IT: 0-99 plus idioms ("a couple of", "mezz'")."""
    en_units = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ]  # fmt: skip
    en_tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    it_units = [
        "zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
        "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici",
        "diciassette", "diciotto", "diciannove",
    ]  # fmt: skip
    it_tens = ["venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta",
               "novanta"]  # fmt: skip
    words: dict[str, float] = {}
    for units, tens, joiners in ((en_units, en_tens, ("-", " ")), (it_units, it_tens, ("",))):
        words.update((w, i) for i, w in enumerate(units))
        for t, ten in enumerate(tens, start=2):
            words[ten] = 10 * t
            for u in range(1, 10):
                unit = units[u]
                for j in joiners:
                    # Italian drops the final vowel before uno/otto: ventuno, ventotto
                    stem = ten[:-1] if not j and unit[0] in "uo" else ten
                    words[stem + j + unit] = 10 * t + u
                    if unit == "tre" and not j:
                        words[stem + "tré"] = 10 * t + u
    words.update({
        "a": 1, "an": 1, "single": 1, "a single": 1, "un": 1, "una": 1, "un'": 1,
        "a couple of": 2, "couple of": 2, "a pair of": 2, "un paio di": 2, "paio di": 2,
        "a dozen": 12, "dozen": 12, "una dozzina di": 12, "hundred": 100, "a hundred": 100,
        "one hundred": 100, "cento": 100, "half a": 0.5, "half an": 0.5, "mezzo": 0.5,
        "mezza": 0.5, "mezz'": 0.5,
    })  # fmt: skip
    return words


_NUMBERS = _number_words()
_FUZZY_NUMBERS = {
    "several", "a few", "few", "some", "many", "numerous", "multiple", "countless",
    "dozens of", "hundreds of", "thousands of", "a number of", "qualche", "alcuni", "alcune",
    "diversi", "diverse", "vari", "varie", "pochi", "poche", "molti", "molte", "parecchi",
    "parecchie", "tanti", "tante", "numerosi", "numerose",
}  # fmt: skip


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
PREFIX_MODS: dict[str, Mod | None] = {p: mod for t in _PREFIXES.values() for p, mod in t}


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


# ======================================================================================
# Calendar helpers
# ======================================================================================


Tense = Literal["PAST", "FUTURE"]


@dataclass(frozen=True)
class _Ref:
    """A reference time: the last date mentioned before the expression (narrative anchor).

    ``start`` is the first day of the referenced period (the Monday of a week); ``code``
    the season code for seasons.
    """

    gran: str  # day, week, month, quarter, half, season, year
    start: _dt.date
    code: str | None = None  # season code, or "FY" for a fiscal year


@dataclass(frozen=True)
class _Ctx:
    """What an expression is resolved against: publication date, language, and optionally
    the sentence around it and a reference time (see :func:`normalize_date`)."""

    dct: _dt.date | None
    lang: str | None
    context: str | None = None
    expr: str = ""
    ref: _Ref | None = None

    def tense(self) -> Tense | None:
        """Tense of the verb governing the expression (None: unknown or no context)."""
        if self.context is None or self.dct is None:
            return None
        return _tense(self.context, self.expr)

    def right(self) -> str:
        """Lower-cased text that follows the expression in its sentence ("" if unknown)."""
        if self.context is None:
            return ""
        return _split_context(self.context, self.expr)[1].lower()


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _week_str(d: _dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _past_first(candidate: _dt.date, dct: _dt.date) -> tuple[int, bool]:
    """Sort key: distance to publication, then the past before the future."""
    return abs((candidate - dct).days), candidate > dct


def _year_for_month(m: int, dct: _dt.date) -> int:
    """Year of a yearless period starting in month ``m`` (see module doc)."""
    return dct.year - 1 if m - dct.month >= 6 else dct.year


def _nearest_day(m: int, d: int, dct: _dt.date, weekday: int | None = None) -> _dt.date | None:
    """Occurrence of day ``d`` of month ``m`` nearest to ``dct`` (optionally on ``weekday``)."""
    cands = [
        c
        for y in (dct.year - 1, dct.year, dct.year + 1)
        if (c := _safe_date(y, m, d)) is not None and weekday in (None, c.isoweekday())
    ]
    return min(cands, key=lambda c: _past_first(c, dct)) if cands else None


def _nearest_weekday(wd: int, dct: _dt.date) -> _dt.date:
    """Nearest day with ISO weekday ``wd``: within three days, ties go to the past."""
    ahead = (wd - dct.isoweekday()) % 7
    return dct + _dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)


def _tensed_year(start_month: int, months: int, ctx: _Ctx) -> int:
    """Year of a yearless period of ``months`` months starting in ``start_month`` (a month,
    season, quarter or half): with a past tense, the latest one that has begun by
    publication; with a future tense, the earliest one that has not ended; otherwise the
    news default of :func:`_year_for_month`."""
    dct = ctx.dct
    assert dct is not None
    tense = ctx.tense()
    if tense is None:
        return _year_for_month(start_month, dct)
    now = dct.year * 12 + dct.month - 1
    years = (dct.year - 1, dct.year, dct.year + 1)
    if tense == "PAST":
        return max(y for y in years if y * 12 + start_month - 1 <= now)
    return min(y for y in years if y * 12 + start_month - 1 + months - 1 >= now)


def _tensed_day(m: int, d: int, ctx: _Ctx, weekday: int | None = None) -> _dt.date | None:
    """Day ``d`` of month ``m`` without a year: the latest occurrence in or before the
    publication month with a past tense, the earliest in or after it with a future
    tense, the nearest one otherwise (optionally on ``weekday``)."""
    dct = ctx.dct
    assert dct is not None
    tense = ctx.tense()
    if tense is None:
        return _nearest_day(m, d, dct, weekday) or _nearest_day(m, d, dct)
    cands = [
        c
        for y in (dct.year - 1, dct.year, dct.year + 1)
        if (c := _safe_date(y, m, d)) is not None and weekday in (None, c.isoweekday())
    ] or [c for y in (dct.year - 1, dct.year, dct.year + 1) if (c := _safe_date(y, m, d))]
    # Compared by month, as HeidelTime does: "on October 12" said on October 4 in a past
    # sentence is still this October (the sentence may report an announcement).
    now = (dct.year, dct.month)
    if tense == "PAST":
        return max((c for c in cands if (c.year, c.month) <= now), default=None)
    return min((c for c in cands if (c.year, c.month) >= now), default=None)


def _tensed_weekday(wd: int, ctx: _Ctx) -> _dt.date:
    """A bare weekday: with a past tense the latest such day on or before publication,
    with a future tense the first on or after it (HeidelTime); else the nearest one."""
    dct = ctx.dct
    assert dct is not None
    tense = ctx.tense()
    if tense == "PAST":
        return dct - _dt.timedelta(days=(dct.isoweekday() - wd) % 7)
    if tense == "FUTURE":
        return dct + _dt.timedelta(days=(wd - dct.isoweekday()) % 7)
    return _nearest_weekday(wd, dct)


def _two_digit_year(yy: int, dct: _dt.date | None) -> int | None:
    """Century for a two-digit year: the candidate nearest to publication (None without)."""
    if dct is None:
        return None
    base = dct.year - dct.year % 100
    return min((base - 100 + yy, base + yy, base + 100 + yy), key=lambda y: abs(y - dct.year))


def _year_token(tok: str, ctx: _Ctx) -> tuple[int | None, bool]:
    """(year, anchored) for "2009", "'09" or "09"; None when the century is unknown."""
    if len(tok) == 4 and tok.isdigit():
        return int(tok), False
    y = _two_digit_year(int(tok.lstrip("'")), ctx.dct)
    return y, y is not None


# ======================================================================================
# Sentence context: tense of the governing verb (HeidelTime-style, without a tagger)
# ======================================================================================

_RE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|['’][^\W\d_]+|[,;:()\[\]–—]")
_CLAUSE_MARKS = {",", ";", ":", "(", ")", "[", "]", "–", "—"}

# English. Modal and periphrastic futures; forms of "be" that make a following participle
# passive or adjectival; determiners that make it attributive ("the planned merger").
_EN_FUTURE = {"will", "shall", "'ll", "won't", "tomorrow", "next"}
_EN_FUTURE_TO = {  # "is expected to", "are going to", "is set to"
    "going", "expected", "scheduled", "set", "due", "slated", "planned", "poised", "likely",
    "about", "bound", "projected", "forecast", "forecasted",
}  # fmt: skip
_EN_INTEND_TO = {
    "plans", "plan", "intends", "intend", "aims", "aim", "expects", "expect", "wants", "want",
    "hopes", "hope", "seeks", "seek", "promises", "promise", "vows", "vow", "pledges",
}  # fmt: skip
# "has been scheduled for", "is planned for": a planned, i.e. future, event.
_EN_PLANNED = {"scheduled", "planned", "slated", "set", "expected", "due", "projected",
               "timed", "earmarked", "pencilled", "penciled"}  # fmt: skip
_PLANNED_1 = [[w] for w in _EN_PLANNED]
_EN_MODAL_FUTURE = {"may", "might", "should", "must"}
_EN_COPULAS = {  # "remain closed": the participle is an adjective
    "remain", "remains", "remained", "stay", "stays", "stayed", "keep", "keeps", "kept",
    "get", "gets", "got", "become", "becomes", "became", "seem", "seems", "seemed",
    "appear", "appears", "appeared", "look", "looks", "feel", "feels",
}  # fmt: skip
_EN_BE_PRESENT = {"is", "are", "am", "'s", "'re", "be", "being"}
_EN_PERFECT = {"has", "have", "'ve", "had"}
_EN_PAST = {"was", "were", "had", "did", "ago", "yesterday", "last"}
_EN_IRREGULAR_PAST = {
    "said", "told", "rose", "fell", "made", "took", "went", "came", "began", "saw", "gave",
    "got", "left", "led", "sold", "bought", "paid", "met", "held", "kept", "lost", "won",
    "sent", "built", "brought", "thought", "found", "became", "ran", "struck", "grew",
    "drew", "flew", "wrote", "spoke", "broke", "chose", "drove", "stood", "sank", "sought",
    "fought", "caught", "taught", "meant", "felt", "dealt", "knew", "threw", "shook",
    "wore", "hung", "swung", "rang", "sang", "spent", "lent", "fled", "slid", "stole",
    "froze", "forgot", "overtook", "withdrew", "undertook", "understood", "shrank",
}  # fmt: skip
_EN_PARTICIPLES = {
    "been", "done", "gone", "seen", "taken", "given", "made", "said", "told", "risen",
    "fallen", "begun", "got", "gotten", "left", "led", "sold", "bought", "paid", "met",
    "held", "kept", "lost", "won", "sent", "built", "brought", "found", "become", "run",
    "struck", "grown", "drawn", "flown", "written", "spoken", "broken", "chosen", "driven",
    "stood", "sunk", "sought", "fought", "caught", "taught", "meant", "felt", "dealt",
    "known", "thrown", "shaken", "put", "cut", "set", "hit", "shut", "spent", "quit",
}  # fmt: skip
_EN_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "some", "any", "no", "each", "every", "newly", "so",
}  # fmt: skip
_EN_NOT_PAST_ED = {  # words in -ed that are not past forms
    "united", "limited", "based", "related", "detailed", "advanced", "interested",
    "concerned", "supposed", "sacred", "naked", "wicked", "beloved", "crooked", "rugged",
    "aged", "armed", "skilled", "talented", "hundred", "embed", "shed", "wed", "red",
    "bed", "fed", "ted", "need", "speed", "seed", "feed", "breed", "bleed", "proceed",
    "exceed", "succeed", "indeed", "greed", "deed", "creed", "reed", "weed", "tweed",
    "sled", "shred", "bred", "expected", "unexpected", "unprecedented", "so-called",
}  # fmt: skip
_EN_ADVERBS = {"not", "also", "already", "just", "since", "now", "recently", "still", "n't",
               "never", "previously", "reportedly", "finally", "officially"}  # fmt: skip

# Italian. Future (-rà, -ranno), conditional present (-rebbe), compound past
# (ha/hanno/è/sono + participle), imperfect and simple past endings.
_IT_FUTURE = {"prossimo", "prossima", "prossimi", "prossime", "domani", "dopodomani"}
_IT_PLANNED = {  # "è previsto", "sono attese": planned, i.e. future
    "previsto", "prevista", "previsti", "previste", "atteso", "attesa", "attesi", "attese",
    "programmato", "programmata", "programmati", "programmate", "fissato", "fissata",
}  # fmt: skip
_IT_AUX = {
    "ho", "hai", "ha", "abbiamo", "avete", "hanno", "aveva", "avevano", "avrebbe",
    "avrebbero", "è", "sono", "siamo", "siete", "era", "erano", "sarebbe", "sarebbero",
    "fu", "furono", "sia", "siano", "fosse", "fossero", "abbia", "abbiano",
}  # fmt: skip
_IT_AUX_SKIP = {"già", "stato", "stata", "stati", "state", "anche", "poi", "appena", "mai",
                "ancora", "infatti", "però", "quindi", "invece", "ieri"}  # fmt: skip
_IT_IRREGULAR_PARTICIPLES = {
    "fatto", "fatta", "fatti", "fatte", "detto", "detta", "detti", "dette", "preso", "presa",
    "presi", "prese", "messo", "messa", "visto", "vista", "scritto", "scritta", "morto",
    "morta", "morti", "nato", "nata", "chiuso", "chiusa", "aperto", "aperta", "ucciso",
    "uccisa", "uccisi", "rimasto", "rimasta", "rimasti", "successo", "giunto", "giunta",
    "corso", "scelto", "tolto", "reso", "speso", "vinto", "perso", "risposto", "posto",
    "deciso", "diviso", "acceso", "spento", "sceso", "emerso", "esploso", "dimesso",
    "concluso", "incluso", "letto", "stretto", "tratto", "condotto", "prodotto", "ridotto",
    "rotto", "mosso", "comparso", "apparso", "scomparso", "espresso", "promesso", "ammesso",
    "permesso", "commesso", "sospeso", "difeso", "sorpreso", "ripreso", "compreso",
    "raggiunto", "aggiunto", "dichiarato", "richiesto", "chiesto", "assunto", "discusso",
}  # fmt: skip
_RE_IT_PARTICIPLE = re.compile(r"\w{2,}(?:at|ut|it)[oaie]")
_RE_IT_PAST_FORM = re.compile(r"\w{2,}(?:arono|erono|irono|avano|evano|ivano|ava|eva|iva)|\w{3,}ò")
_RE_IT_FUTURE_FORM = re.compile(r"\w{2,}(?:rà|ranno)")
_RE_IT_CONDITIONAL = re.compile(r"\w{2,}(?:rebbe|rebbero)")
_IT_NOT_VERBS = {"però", "perciò", "ciò", "può", "falò", "tiranno", "cava", "lava", "diva",
                 "saliva", "gengiva", "nuova"}  # fmt: skip


@lru_cache(maxsize=1024)
def _split_context(context: str, expression: str) -> tuple[str, str]:
    """(text before, text after) the expression in its sentence; the whole sentence is
    "before" when the expression cannot be found in it."""
    i = context.find(expression)
    if i < 0:
        i = context.lower().find(expression.lower().strip())
        expression = expression.strip()
    if i < 0 or not expression:
        return context, ""
    return context[:i], context[i + len(expression) :]


def _is_en_participle(w: str) -> bool:
    return (w.endswith("ed") and len(w) > 3 and w not in _EN_NOT_PAST_ED) or w in _EN_PARTICIPLES


def _cue(words: list[str], i: int) -> Tense | None:
    """The tense signalled by word ``i`` of a sentence (lower case), or None."""
    w = words[i]
    prev = next((p for p in reversed(words[max(0, i - 3) : i]) if p not in _EN_ADVERBS), "")
    nxt = words[i + 1] if i + 1 < len(words) else ""
    # --- English
    if w in _EN_FUTURE or (w == "wo" and nxt in ("n't", "'t")):
        return "FUTURE"
    if nxt == "to" and ((w in _EN_FUTURE_TO and prev in _EN_BE_PRESENT) or w in _EN_INTEND_TO):
        return "FUTURE"
    if w == "to" and nxt == "be":
        return "FUTURE"  # "an event to be held on October 12"
    if w in _EN_MODAL_FUTURE and nxt != "have":
        return "FUTURE"  # "may be signed on September 12"
    if (
        w in _EN_PLANNED
        and prev in (*_EN_BE_PRESENT, "been")
        and (prev != "been" or any(x in ("has", "have", "'ve") for x in words[max(0, i - 3) : i]))
    ):
        return "FUTURE"  # "is scheduled for", "has been planned for"
    if w in ("has", "have", "'ve") and nxt == "been" and words[i + 2 : i + 3] in _PLANNED_1:
        return "FUTURE"  # "has been scheduled for"
    if w in _EN_PERFECT and any(_is_en_participle(x) for x in words[i + 1 : i + 3]):
        return "PAST"  # "has risen", "have already announced", "had been"
    if w in _EN_PAST or w in _EN_IRREGULAR_PAST:
        return "PAST"
    if w.endswith("ed") and len(w) > 3 and w not in _EN_NOT_PAST_ED:
        if w.endswith("eed") and w not in ("agreed", "freed", "guaranteed", "decreed"):
            return None
        if prev in _EN_BE_PRESENT or prev in _EN_DETERMINERS or prev in _EN_PERFECT:
            return None  # passive present, attributive, or perfect (cued by "has")
        if prev in _EN_COPULAS or prev == "been":
            return None
        if prev in ("will", "would", "should", "could", "can", "may", "might", "must", "to"):
            return None
        return "PAST"
    # --- Italian
    if w in _IT_NOT_VERBS:
        return None
    if w in _IT_FUTURE or _RE_IT_FUTURE_FORM.fullmatch(w):
        return "FUTURE"
    if w in _IT_AUX:
        following = [x for x in words[i + 1 : i + 4] if x not in _IT_AUX_SKIP][:1]
        if following and following[0] in _IT_PLANNED:
            return "FUTURE"  # "è previsto", "sono attese"
        if following and (
            following[0] in _IT_IRREGULAR_PARTICIPLES or _RE_IT_PARTICIPLE.fullmatch(following[0])
        ):
            return "PAST"  # "ha annunciato", "sono arrivati", "avrebbe ucciso"
        return None
    if _RE_IT_CONDITIONAL.fullmatch(w):
        return "FUTURE"  # "dovrebbe arrivare" (a compound conditional is cued by its aux)
    if w in ("ieri", "fa", "scorso", "scorsa", "scorsi", "scorse") or _RE_IT_PAST_FORM.fullmatch(w):
        return "PAST"
    return None


@lru_cache(maxsize=1024)
def _tense(context: str, expression: str) -> Tense | None:
    """Tense of the verb governing ``expression`` in the sentence ``context``.

    HeidelTime's rule (``getLastTense``) with word cues instead of part-of-speech tags:
    the nearest tense cue before the expression decides; if there is none, the first one
    after it. Cues: English "will", "'ll", "shall", "won't", "is expected/going/scheduled/
    set to", "plans to", "next", "tomorrow" (future); past forms in -ed and irregular
    ones ("said", "rose"), "was", "were", "has/have/had + participle", "ago",
    "yesterday", "last" (past). Italian future in -rà/-ranno, conditional in -rebbe,
    "è previsto", "prossimo", "domani" (future); "ha/hanno/è/sono + participle",
    imperfect (-ava, -evano) and simple past (-ò, -arono) forms, "ieri", "fa", "scorso"
    (past). Present tense gives no cue: headlines use it for past events.

    The backward search stops at a comma, semicolon, colon, parenthesis or dash: a verb
    in another clause ("Ford has announced cuts, resulting in closures during the
    fourth quarter") does not govern the expression.
    """
    before, after = _split_context(context, expression)
    words_before = [w.lower().replace("’", "'") for w in _RE_WORD.findall(before)]
    words_after = [w.lower().replace("’", "'") for w in _RE_WORD.findall(after)]
    words = [*words_before, "", *words_after]
    for i in range(len(words_before) - 1, -1, -1):
        if words[i] in _CLAUSE_MARKS:
            break  # the governing verb is in the expression's clause, or after it
        if (t := _cue(words, i)) is not None:
            return t
    for i in range(len(words_before) + 1, len(words)):
        if (t := _cue(words, i)) is not None:
            return t
    return None


# ======================================================================================
# Reference time (narrative anchoring)
# ======================================================================================

_RE_REF = re.compile(
    r"(?:FY)?(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T.*)?)?|-W(?P<w>\d{2})(?:-(?P<wd>[1-7]))?"
    r"|-Q(?P<q>[1-4])|-H(?P<h>[12])|-(?P<s>SP|SU|FA|WI))?"
)
# How fine each reference granularity is, for the calendar units it can anchor.
_REF_ANCHORS: dict[str, set[str]] = {
    "day": {"day", "week", "weekend", "month", "quarter", "half", "year", "fy", "decade",
            "century"},
    "week": {"week", "weekend", "year", "decade", "century"},
    "month": {"month", "quarter", "half", "year", "fy", "decade", "century"},
    "quarter": {"quarter", "half", "year", "fy", "decade", "century"},
    "half": {"half", "year", "fy", "decade", "century"},
    "season": {"year", "decade", "century"},
    "year": {"year", "fy", "decade", "century"},
}  # fmt: skip


def _parse_reference(value: str) -> _Ref | None:
    """A :class:`_Ref` for a calendar TIMEX3 value; None for vague, duration, range or
    placeholder values, which cannot anchor anything."""
    m = _RE_REF.fullmatch(value)
    if m is None:
        return None
    y = int(m.group("y"))
    try:
        if m.group("d"):
            return _Ref("day", _dt.date(y, int(m.group("m")), int(m.group("d"))))
        if m.group("m"):
            return _Ref("month", _dt.date(y, int(m.group("m")), 1))
        if m.group("w"):
            monday = _dt.date.fromisocalendar(y, int(m.group("w")), 1)
            if m.group("wd"):
                return _Ref("day", monday + _dt.timedelta(days=int(m.group("wd")) - 1))
            return _Ref("week", monday)
    except ValueError:
        return None
    if m.group("q"):
        return _Ref("quarter", _dt.date(y, 3 * int(m.group("q")) - 2, 1))
    if m.group("h"):
        return _Ref("half", _dt.date(y, 6 * int(m.group("h")) - 5, 1))
    if code := m.group("s"):
        return _Ref("season", _dt.date(y, _SEASON_START[code], 1), code)
    return _Ref("year", _dt.date(y, 1, 1), "FY" if value.startswith("FY") else None)


def _ref_value(ref: _Ref) -> str:
    """The reference itself, as a TIMEX3 value."""
    if ref.gran == "season":
        return f"{ref.start.year:04d}-{ref.code}"
    return (ref.code or "") + _period_str(ref.gran, 0, ref.start)


def _ref_shift_years(ref: _Ref, k: int) -> str:
    """The reference period ``k`` years later (earlier if negative), at its granularity:
    "the same month a year ago"."""
    y = ref.start.year + k
    if ref.gran == "day":
        d = ref.start
        return (_safe_date(y, d.month, d.day) or _dt.date(y, d.month, 28)).isoformat()
    if ref.gran == "week":
        iso_year, week, _ = ref.start.isocalendar()
        week = min(week, _dt.date(iso_year + k, 12, 28).isocalendar()[1])
        return f"{iso_year + k:04d}-W{week:02d}"
    if ref.gran == "season":
        return f"{y:04d}-{ref.code}"
    return (ref.code or "") + _period_str(ref.gran, 0, ref.start.replace(year=y))


def _ref_unit(ref: _Ref, unit: str, k: int) -> str | None:
    """The calendar ``unit`` containing the reference, shifted by ``k`` units; None if the
    reference is coarser than the unit (a year cannot anchor "the next day")."""
    if unit not in _REF_ANCHORS[ref.gran]:
        return None
    return _period_str(unit, k, ref.start)


# ======================================================================================
# Absolute and yearless calendar dates
# ======================================================================================


@dataclass(frozen=True)
class _Parts:
    """Calendar parts stated by an expression (``yy``: a two-digit year to resolve)."""

    y: int | None = None
    m: int | None = None
    d: int | None = None
    yy: int | None = None
    wd: int | None = None


# fmt: off
_WD_PREFIX = r"(?:(?P<wd>" + _WD + r")\s+(?:the\s+)?)?"
_ABS_PATTERNS: list[re.Pattern[str]] = [
    # 4 gennaio 2024 / the 4th of July / 30 dicembre / 1° gennaio del 2024
    _c(_WD_PREFIX + _DAY + r"\s+(?:of\s+|de\s+)?(?P<m>" + _MON + r")(?:\s+" + _YEAR_OF + _YEAR
       + ")?"),
    # January 4 2024 / Dec. 30 / July the 4th
    _c(_WD_PREFIX + r"(?P<m>" + _MON + r")\s+(?:the\s+)?" + _DAY + r"(?:\s+" + _YEAR + ")?"),
    # March 2013 / gennaio del 2024 / March '13
    _c(r"(?P<m>" + _MON + r")\s+" + _YEAR_OF + _YEAR),
    # 2024-01-04 / 2024-01 / 2024/01/04 (a time part is ignored)
    _c(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?(?:t[\d:.]+z?)?"),
    # 4/1/2024, 4.1.24: day/month order depends on the language
    _c(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{4}|\d{2})"),
    # 2009 / '82 / (the) year 2009 / (l') anno 2009
    _c(r"(?:year\s+|anno\s+)?" + _YEAR),
    # March / marzo
    _c(r"(?P<m>" + _MON + r")"),
    # the 15th / the 1st (a bare "15" is too ambiguous)
    _c(r"(?P<d>\d{1,2})(?:st|nd|rd|th|°|º)|(?P<d1>first|primo)"),
]
# fmt: on


def _abs_parts(s: str, ctx: _Ctx, allow_bare_day: bool = False) -> _Parts | None:
    """Parse an absolute or yearless calendar date into the parts it states."""
    if allow_bare_day and s.isdigit() and 1 <= int(s) <= 31:
        return _Parts(d=int(s))
    for pattern in _ABS_PATTERNS:
        if (m := pattern.fullmatch(s)) is not None:
            break
    else:
        return None
    g = m.groupdict()
    y = mo = d = yy = None
    if g.get("a"):
        a, b, c = int(g["a"]), int(g["b"]), g["c"]
        if a > 12 or (b <= 12 and ctx.lang != "en"):
            d, mo = a, b
        else:
            mo, d = a, b
        y, yy = (int(c), None) if len(c) == 4 else (None, int(c))
    else:
        if g.get("m"):
            mo = int(g["m"]) if g["m"].isdigit() else MONTHS[g["m"].rstrip(".")]
        if g.get("d"):
            d = int(g["d"])
        elif g.get("d1"):
            d = 1
        if g.get("y"):
            y, yy = (None, int(g["y"][1:])) if g["y"].startswith("'") else (int(g["y"]), None)
    if (mo is not None and not 1 <= mo <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    if y is not None and not 1000 <= y <= 2999:
        return None
    wd = WEEKDAYS[g["wd"].rstrip(".")] if g.get("wd") else None
    return _Parts(y=y, m=mo, d=d, yy=yy, wd=wd)


def _resolve_two_digit_year(p: _Parts, ctx: _Ctx) -> tuple[_Parts, bool]:
    """Give a two-digit year its century from the publication date: (parts, anchored)."""
    if p.yy is None:
        return p, False
    y = _two_digit_year(p.yy, ctx.dct)
    return replace(p, y=y, yy=None), y is not None


def _format_parts(p: _Parts, ctx: _Ctx) -> DateValue | None:
    """Resolve what is missing from the publication date (if any) and format the parts."""
    p, anchored = _resolve_two_digit_year(p, ctx)
    y, m, d = p.y, p.m, p.d
    if m is None and d is not None:  # "the 15th": that day of the nearest month
        if ctx.dct is None:
            return _dv(f"XXXX-XX-{d:02d}", "day")
        dct = ctx.dct
        months = (_add_months(dct.year, dct.month, k) for k in (-1, 0, 1))
        cands = [c for y_, m_ in months if (c := _safe_date(y_, m_, d)) is not None]
        best = min(cands, key=lambda c: _past_first(c, dct))
        return _dv(best.isoformat(), "day", anchored=True)
    if y is None and m is not None and ctx.dct is not None:
        anchored = True
        if d is None:
            y = _tensed_year(m, 1, ctx)
        else:
            near = _tensed_day(m, d, ctx, p.wd)
            if near is None:
                return None
            y = near.year
    if m is None:  # a year; None if it was two digits and there is no publication date
        return _dv(f"{y:04d}" if y is not None else None, "year", anchored=anchored)
    year = f"{y:04d}" if y is not None else "XXXX"
    if d is None:
        return _dv(f"{year}-{m:02d}", "month", anchored=anchored)
    if _safe_date(y if y is not None else 2000, m, d) is None:  # 2000: a leap year
        return None
    return _dv(f"{year}-{m:02d}-{d:02d}", "day", anchored=anchored)


_UNIT_GRANULARITY: dict[str, Granularity] = {
    "week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
    "half": "half", "year": "year", "fy": "year", "decade": "decade",
    "century": "century", "day": "day",
}  # fmt: skip


def _period_str(unit: str, k: int, base: _dt.date) -> str:
    """The calendar ``unit`` containing ``base``, shifted by ``k`` units, as a value."""
    if unit in ("week", "weekend"):
        return _week_str(base + _dt.timedelta(weeks=k)) + ("-WE" if unit == "weekend" else "")
    if unit == "day":
        return (base + _dt.timedelta(days=k)).isoformat()
    if unit in ("month", "quarter", "half"):
        size = {"month": 1, "quarter": 3, "half": 6}[unit]
        y, mo = _add_months(base.year, base.month, size * k)
        if unit == "month":
            return f"{y:04d}-{mo:02d}"
        return f"{y:04d}-{'Q' if unit == 'quarter' else 'H'}{(mo - 1) // size + 1}"
    if unit in ("year", "fy"):
        return ("FY" if unit == "fy" else "") + f"{base.year + k:04d}"
    if unit == "decade":
        return f"{base.year // 10 + k:03d}"
    return f"{base.year // 100 + k:02d}"


def _rel_value(unit: str, k: int, ctx: _Ctx) -> DateValue:
    """The calendar ``unit`` containing the publication date, shifted by ``k`` units."""
    gran = _UNIT_GRANULARITY[unit]
    if ctx.dct is None:
        return _dv(None, gran)
    return _dv(_period_str(unit, k, ctx.dct), gran, anchored=True)


# ======================================================================================
# Rule handlers: (match, context) -> DateValue, or None to let later rules try.
# ======================================================================================

Handler = Callable[[re.Match[str], _Ctx], DateValue | None]


def _g(m: re.Match[str], *names: str) -> str | None:
    """First non-empty named group among ``names`` (patterns with alternative branches)."""
    d = m.groupdict()
    return next((d[n] for n in names if d.get(n)), None)


def _num_value(text: str | None) -> float | None:
    """Value of a number word or digits ("two", "ventitré", "2,5")."""
    if text is None:
        return None
    if text in _NUMBERS:
        return float(_NUMBERS[text])
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _duration_value(n: float | None, unit_word: str) -> str:
    """ISO 8601 / TimeML duration of ``n`` units (``None``: an unknown count, ``X``)."""
    letter, mult, is_time = UNITS[unit_word]
    if n is None:
        return f"{'PT' if is_time else 'P'}X{letter}"
    n *= mult
    if letter in _UNIT_IN_YEARS:
        n, letter = n * _UNIT_IN_YEARS[letter], "Y"
    smaller = {"H": (60, "M", True), "D": (24, "H", True), "W": (7, "D", False),
               "Y": (12, "M", False)}  # fmt: skip
    if is_time and letter == "M":
        smaller["M"] = (60, "S", True)
    if n < 1 and letter in smaller and (n * smaller[letter][0]).is_integer():
        factor, letter, is_time = smaller[letter]
        n *= factor
    number = str(int(n)) if n.is_integer() else f"{n:g}"
    return f"{'PT' if is_time else 'P'}{number}{letter}"


def _h_vague(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    return _dv(VAGUE[m.group(0)], "vague")


def _h_recent_history(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'in recent U.S. history'."""
    return _dv("PAST_REF", "vague")


def _anaphoric_day(ctx: _Ctx) -> _dt.date:
    """The day a day-less expression ("the day", "in the morning", "at 18:00 UTC") is
    about: the reference day if there is one, else the publication day."""
    assert ctx.dct is not None
    if ctx.ref is not None and ctx.ref.gran == "day":
        return ctx.ref.start
    return ctx.dct


def _h_publication_day(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the day' ("shares rose 2% on the day"): the day of the reported trading, i.e. the
    reference day when one is known (the day the report is about), else the publication
    day."""
    if ctx.dct is None:
        return _dv(None, "day")
    return _dv(_anaphoric_day(ctx).isoformat(), "day", anchored=True)


_STREAK_UNITS = {
    "day": "day", "session": "day", "trading day": "day", "trading session": "day",
    "week": "week", "month": "month", "quarter": "quarter", "year": "year",
    "giorno": "day", "giornata": "day", "seduta": "day", "settimana": "week",
    "mese": "month", "trimestre": "quarter", "anno": "year",
}  # fmt: skip
_STREAK_ORDINALS = {
    *_CENTURY_ORDINALS["en"],
    *_CENTURY_ORDINALS["it"],
    *(w[:-1] + "a" for w in _CENTURY_ORDINALS["it"]),
}
_RE_IN_A_ROW = re.compile(r"(?:in\s+a\s+row|running|straight|di\s+fila|consecutiv[oaie])\b")


def _h_streak(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the third straight day', 'the fourth consecutive week', 'la terza seduta
    consecutiva', and 'fourth week' followed by "in a row" in the sentence: a streak
    that ends with the reporting period, i.e. the current day/week/month."""
    streak = m.group("streak") or m.group("streak2")
    if not streak and not _RE_IN_A_ROW.match(_clean(ctx.right()[:20])):
        return None
    unit = _STREAK_UNITS[_RE_SPACES.sub(" ", _g(m, "u", "u2") or "")]
    return _rel_value(unit, 0, ctx)


def _h_deictic(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'ieri', 'tomorrow', 'stasera', 'yesterday morning'."""
    offset, pod = DEICTIC_DAYS[m.group("w")]
    if m.group("pod"):
        pod = PARTS_OF_DAY[m.group("pod")]
    gran: Granularity = "time" if pod else "day"
    if ctx.dct is None:
        return _dv(None, gran)
    value = (ctx.dct + _dt.timedelta(days=offset)).isoformat()
    return _dv(value + (f"T{pod}" if pod else ""), gran, anchored=True)


def _range_value(a: str, b: str, ctx: _Ctx) -> DateValue | None:
    """Range 'start/end'; a month or year stated on one side only is shared."""
    a, b = _strip_function_words(a), _strip_function_words(b)
    pa = _abs_parts(a, ctx, allow_bare_day=True)
    pb = _abs_parts(b, ctx, allow_bare_day=True)
    if pa is None or pb is None:  # e.g. "from Monday to Friday", "from last year to now"
        va, vb = _parse(a, ctx), _parse(b, ctx)
        if va is None or vb is None or va.type not in ("DATE", "TIME"):
            return None
        if va.granularity == "vague" or vb.type not in ("DATE", "TIME"):
            return None
        if va.value is None or vb.value is None:
            return _dv(None, "range")
        return _dv(f"{va.value}/{vb.value}", "range", anchored=va.anchored or vb.anchored)
    pa, anchored_a = _resolve_two_digit_year(pa, ctx)
    pb, anchored_b = _resolve_two_digit_year(pb, ctx)
    if pb.m is None and pb.d is not None and pa.m is not None:  # "March 3 to 5"
        pb = replace(pb, m=pa.m)
    if pa.m is None and pa.d is not None and pb.m is not None:  # "dal 3 al 5 marzo"
        pa = replace(pa, m=pb.m)
    if pa.m is None and pb.m is None and (pa.d is not None or pb.d is not None):
        return None  # two bare numbers
    if pa.y is None and pb.y is None and pa.m is not None and pb.m is not None:
        end = _format_parts(pb, ctx)  # the end follows the yearless rule
        if end is not None and end.value is not None and end.anchored:
            pb, anchored_b = replace(pb, y=int(end.value[:4])), True
    if pa.y is None and pb.y is not None and pa.m is not None:
        before = (pa.m, pa.d or 1) <= (pb.m or 12, pb.d or 31)
        pa, anchored_a = replace(pa, y=pb.y if before else pb.y - 1), anchored_b
    if pb.y is None and pa.y is not None and pb.m is not None:
        after = (pb.m, pb.d or 31) >= (pa.m or 1, pa.d or 1)
        pb, anchored_b = replace(pb, y=pa.y if after else pa.y + 1), anchored_a
    va, vb = _format_parts(pa, ctx), _format_parts(pb, ctx)
    if va is None or vb is None or va.value is None or vb.value is None:
        return None
    anchored = anchored_a or anchored_b or va.anchored or vb.anchored
    return _dv(f"{va.value}/{vb.value}", "range", anchored=anchored)


def _h_range(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'tra il 30 dicembre e il 2 gennaio', 'from Dec. 30 to Jan. 2', 'March to May'."""
    return _range_value(m.group("a"), m.group("b"), ctx)


def _h_range_years(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'2009-2011', '1990-91', '2009 al 2011'.

    After a dash or slash a two-digit end must be the next year: '2008-05' is ISO May 2008.
    """
    a, b = m.group("a"), m.group("b")
    if len(b) == 2:
        end = int(a[:2] + b)
        worded = m.group("sp").strip() not in ("-", "/")
        if end != int(a) + 1 and not (worded and int(a) < end):
            return None
        b = str(end)
    if int(b) <= int(a):
        return None
    return _dv(f"{a}/{b}", "range")


def _h_range_days(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'3-5 marzo 2024', 'March 3-5, 2024'."""
    mon, d1, d2, rest = m.group("mon"), m.group("d1"), m.group("d2"), m.group("rest")
    if mon:
        return _range_value(f"{mon} {d1}", f"{mon} {d2}{rest}", ctx)
    return _range_value(d1, f"{d2}{rest}", ctx)


def _h_set_word(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    return _dv(SET_WORDS[m.group(0)], "set")


def _h_set_every(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'every Monday', 'ogni anno', 'twice a week', 'every two years'."""
    if wd := m.group("wd"):
        return _dv(f"XXXX-WXX-{WEEKDAYS[wd.rstrip('.')]}", "set")
    if mon := m.group("mon"):
        return _dv(f"XXXX-{MONTHS[mon.rstrip('.')]:02d}", "set")
    if pod := m.group("pod"):
        return _dv(f"XXXX-XX-XXT{PARTS_OF_DAY[pod]}", "set")
    n = 2.0 if m.group("other") else _num_value(m.group("n")) or 1.0
    return _dv(_duration_value(n, m.group("u")), "set")


def _h_weekday_plural(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'Mondays' (habitual)."""
    return _dv(f"XXXX-WXX-{WEEKDAYS[m.group('wd')]}", "set")


def _shift(dct: _dt.date, letter: str, k: int) -> tuple[str, Granularity] | None:
    """The day ``dct`` shifted by ``k`` units, at the unit's granularity; a number of
    weeks is counted in days ("a week ago" is the day seven days back, see module doc)."""
    gran = _UNIT_GRAN.get(letter, "day")
    if letter in ("S", "H"):  # we only know the day
        return dct.isoformat(), gran
    if letter in ("D", "W"):
        return (dct + _dt.timedelta(days=k * (7 if letter == "W" else 1))).isoformat(), gran
    if letter == "WE":
        return _week_str(dct + _dt.timedelta(weeks=k)) + "-WE", gran
    if letter in ("M", "Q"):
        size = 1 if letter == "M" else 3
        y, mo = _add_months(dct.year, dct.month, size * k)
        return (f"{y:04d}-{mo:02d}" if letter == "M" else f"{y:04d}-Q{(mo - 1) // 3 + 1}"), gran
    if letter == "Y":
        return f"{dct.year + k:04d}", gran
    if letter in _UNIT_IN_YEARS:  # "a decade ago": the year ten years back
        return f"{dct.year + k * _UNIT_IN_YEARS[letter]:04d}", gran
    return None


def _h_shift(sign: int) -> Handler:
    """'N units ago' / 'N units earlier' (sign -1), 'in N units' / 'tra N unità' (+1)."""

    def handler(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
        letter, mult, _ = UNITS[m.group("u")]
        n = _num_value(m.group("n"))
        if n is None:  # "years ago", "a few days ago": somewhere in the past
            return _dv("PAST_REF" if sign < 0 else "FUTURE_REF", "vague")
        gran = _UNIT_GRAN.get(letter, "day")
        k = sign * n * mult
        if ctx.dct is None or not k.is_integer():
            return _dv(None, gran)
        shifted = _shift(ctx.dct, letter, int(k))
        if shifted is None:
            return _dv(None, gran)
        return _dv(shifted[0], shifted[1], anchored=True)

    return handler


_LETTER_UNIT = {
    "S": "day", "H": "day", "D": "day", "W": "day", "WE": "weekend", "M": "month",
    "Q": "quarter", "Y": "year", "DE": "year", "CE": "year", "ML": "year",
}  # fmt: skip


def _ref_shift(m: re.Match[str], ctx: _Ctx, sign: int) -> DateValue | None:
    """'N units later/earlier' from the reference time; None if there is none, the count
    is unknown or fractional, or the reference is too coarse for the unit."""
    ref = ctx.ref
    if ref is None or ctx.dct is None:
        return None
    letter, mult, _ = UNITS[m.group("u")]
    n = _num_value(m.group("n"))
    if n is None or not (n * mult).is_integer():
        return None
    k = sign * int(n * mult)
    if letter == "W" and ref.gran == "week":
        return _dv(_period_str("week", k, ref.start), "week", anchored=True)
    if _LETTER_UNIT.get(letter) not in _REF_ANCHORS[ref.gran]:
        return None
    shifted = _shift(ref.start, letter, k)
    return _dv(shifted[0], shifted[1], anchored=True) if shifted else None


def _h_anaphoric(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'three days later', 'due anni dopo', 'two days before': from the reference time;
    without one, relative to a time we do not know."""
    sign = -1 if re.search(r"(?:before|prima)$", m.group(0)) else 1
    if (out := _ref_shift(m, ctx, sign)) is not None:
        return out
    return _dv(None, _UNIT_GRAN.get(UNITS[m.group("u")][0], "day"))


def _h_earlier(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'a year earlier': from the reference time when there is one (the period the
    article was talking about); otherwise, in news, from the reporting time
    (year-on-year comparisons)."""
    return _ref_shift(m, ctx, -1) or _h_shift(-1)(m, ctx)


def _h_duration(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'two years', 'già da settimane', 'the past three years', 'fifty-year'."""
    unit = m.group("u")
    lead, adj = m.groupdict().get("lead"), m.groupdict().get("adj")
    if m.groupdict().get("x"):
        n = None
    elif m.group("n"):
        n = _num_value(m.group("n"))
        if n is None:
            return None
        if m.groupdict().get("half") or m.groupdict().get("half0"):
            n += 0.5
    elif unit in _PLURAL_UNITS:
        n = None  # "years", "settimane": an unspecified number
    elif lead in ("past", "recent") or (adj and not lead):
        n = 1.0  # "the past year", "a full year"; "the last year" is a date (_h_rel_unit)
    else:
        return None
    return _dv(_duration_value(n, unit), "duration")


def _h_one_unit(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'an unusually turbulent day', 'a difficult year': one unit."""
    if m.group("u") in _PLURAL_UNITS:
        return None
    return _dv(_duration_value(1.0, m.group("u")), "duration")


def _h_week_of_month(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the last week of March': ISO weeks belong to the month holding their Thursday."""
    p = _abs_parts(_strip_function_words(m.group("rest")), ctx)
    if p is None or p.m is None or p.d is not None:
        return None
    month = _format_parts(p, ctx)
    if month is None or month.value is None or month.value.startswith("X"):
        return _dv(None, "week")
    y, mo = int(month.value[:4]), int(month.value[5:7])
    days = (_dt.date(y, mo, 1) + _dt.timedelta(days=i) for i in range(31))
    thursdays = [d for d in days if d.month == mo and d.isoweekday() == 4]
    n = ORDINALS[m.group("o")]
    n = len(thursdays) if n == -1 else n
    if not 1 <= n <= len(thursdays):
        return None
    return _dv(_week_str(thursdays[n - 1]), "week", anchored=month.anchored)


def _h_week_of_date(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the week of March 3' / 'la settimana del 3 marzo'."""
    p = _abs_parts(_strip_function_words(m.group("rest")), ctx)
    if p is None or p.d is None or p.m is None:
        return None
    day = _format_parts(p, ctx)
    if day is None or day.value is None or day.value.startswith("X"):
        return _dv(None, "week")
    return _dv(_week_str(_dt.date.fromisoformat(day.value)), "week", anchored=day.anchored)


def _year_expr(text: str | None, ctx: _Ctx) -> tuple[int | None, bool, bool]:
    """Year part of "the first quarter of <year>": (year, understood, anchored)."""
    if not text:
        return None, True, False
    s = _strip_function_words(text)
    if re.fullmatch(r"\d{4}|'?\d{2}", s):
        y, anchored = _year_token(s, ctx)
        return y, True, anchored
    if s in ("year", "anno", "current year", "anno in corso", "anno corrente"):
        return (ctx.dct.year if ctx.dct else None), True, ctx.dct is not None
    rel = _RE_REL_UNIT.fullmatch(s)
    unit = rel and _g(rel, "u", "u2")
    if rel and unit and CAL_UNITS[unit] in ("year", "fy") and rel.group("q") != "past":
        v = _h_rel_unit(rel, ctx)
        if v is None or v.value is None:
            return None, True, False
        return int(v.value.removeprefix("FY")), True, True
    return None, False, False


def _h_part_of_year(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the third quarter of 2009', 'Q1 2013', '3Q09', 'il primo semestre', 'H2 2023'."""
    kind = "H" if _g(m, "half", "h") else "Q"
    size = 6 if kind == "H" else 3
    gran: Granularity = "half" if kind == "H" else "quarter"
    idx = ORDINALS[m.group("o")] if _g(m, "o") else int(_g(m, "qn", "hn") or 0)
    year_text = _g(m, "yr", "yr2", "yr3")
    if idx == -1 and not year_text:  # "the last quarter": the previous one
        return _rel_value("half" if kind == "H" else "quarter", -1, ctx)
    idx = 12 // size if idx == -1 else idx
    if not 1 <= idx <= 12 // size:
        return None
    y, understood, anchored = _year_expr(year_text, ctx)
    if not understood:
        return None
    if y is None:
        if year_text:
            return _dv(None, gran)
        if ctx.dct is None:
            return _dv(f"XXXX-{kind}{idx}", gran)
        y, anchored = _tensed_year((idx - 1) * size + 1, size, ctx), True
    return _dv(f"{y:04d}-{kind}{idx}", gran, anchored=anchored)


def _h_fiscal(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'fiscal 2009', 'FY09', 'the 2009 fiscal year', "l'anno fiscale 2009"."""
    y, anchored = _year_token(_g(m, "y", "y2", "y3") or "", ctx)
    if y is None:
        return _dv(None, "year")
    return _dv(f"FY{y:04d}", "year", anchored=anchored)


def _h_rel_unit(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'last year', "l'anno scorso", 'this week', 'il mese prossimo', 'the past decade'."""
    word = _RE_SPACES.sub(" ", _g(m, "u", "u2") or "")
    unit = CAL_UNITS[word]
    if q := m.groupdict().get("q"):
        k = QUAL_PRE[q]
        if q == "past" and unit not in ("weekend", "fy", "half"):
            return _dv(_duration_value(1.0, word), "duration")  # "the past year": P1Y
    elif qp := m.groupdict().get("qp"):
        k = QUAL_POST[qp]
    else:  # "the year", "l'anno", "the weekend": the current one
        k = 0
    qual = m.groupdict().get("q") or m.groupdict().get("qp")
    anaphoric = qual in _ANAPHORIC_QUALIFIERS or (unit == "day" and k != 0)
    # "the previous year", "the following week", "the next day": from the reference
    v = _ref_unit(ctx.ref, unit, k) if anaphoric and ctx.ref and ctx.dct else None
    if v is not None:
        return _dv(v, _UNIT_GRANULARITY[unit], anchored=True)
    if unit == "day" and k != 0:  # "the next day", "il giorno dopo": anaphoric
        return _dv(None, "day")
    return _rel_value(unit, k, ctx)


# Qualifiers relating a unit to another time in the text (anaphoric), unlike "last",
# "next", "this", "scorso", "prossimo" (deictic: relative to the speech time).
_ANAPHORIC_QUALIFIERS = {
    "previous", "prior", "preceding", "following", "before", "earlier", "after", "later",
    "precedente", "prima", "dopo", "successivo", "successiva",
}  # fmt: skip

_SAME_UNITS = {
    "day": "day", "date": "day", "giorno": "day", "giornata": "day", "data": "day",
    "week": "week", "settimana": "week", "month": "month", "mese": "month",
    "quarter": "quarter", "trimestre": "quarter", "year": "year", "anno": "year",
    "time": "", "period": "", "moment": "", "periodo": "", "momento": "", "tempo": "",
}  # fmt: skip
_SAME_DET = _alt([
    "that", "the same", "this same", "that same", "that very", "the very same", "its",
    "quel", "quell'", "quella", "quello", "lo stesso", "la stessa", "quello stesso",
    "quella stessa", "quel stesso", "stesso", "stessa",
])  # fmt: skip
_YEAR_BACK = (
    r"(?:of\s+|in\s+)?(?:a|one)\s+year\s+(?:ago|earlier|before)"
    r"|(?:of\s+|in\s+)?(?:the\s+)?(?:last|previous|prior|preceding)\s+year"
    r"|(?:of\s+)?the\s+year\s+(?:before|earlier)"
    r"|(?:dell'\s*|del\s+)(?:anno\s+(?:scorso|precedente|prima|passato)|(?:lo\s+)?scorso\s+anno)"
    r"|(?:di\s+)?un\s+anno\s+(?:fa|prima)"
)


def _h_same(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the same day', 'that day', 'its date', 'at the time', 'lo stesso giorno': the
    reference time; 'the same month a year ago', 'the same period last year', 'the
    year-earlier quarter', 'lo stesso periodo dell'anno scorso': the reference one year
    back. Without a reference (or a publication date) the value is unknown."""
    word = _RE_SPACES.sub(" ", _g(m, "u", "u2") or "")
    unit = _SAME_UNITS.get(word, "")
    back = bool(m.groupdict().get("back") or m.groupdict().get("u2"))
    ref = ctx.ref
    gran: Granularity = _UNIT_GRANULARITY[unit] if unit else "unknown"
    if ref is None or ctx.dct is None:
        return _dv(None, gran)
    if unit and unit != ref.gran:
        v = _ref_unit(ref, unit, 0)
        if v is None or (ref := _parse_reference(v)) is None:
            return _dv(None, gran)
    value = _ref_shift_years(ref, -1) if back else _ref_value(ref)
    return _dv(value, "season" if ref.gran == "season" else _UNIT_GRANULARITY[ref.gran],
               anchored=True)  # fmt: skip


def _h_named_of_year(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'November next year', 'October of next year', "l'estate dell'anno scorso": a
    month or season of a year given relative to publication."""
    y, understood, anchored = _year_expr(m.group("yr"), ctx)
    if not understood or _RE_YEAR_TOKEN.fullmatch(_strip_function_words(m.group("yr"))):
        return None  # "March 2013" is an absolute date (_abs_parts)
    year = f"{y:04d}" if y is not None else "XXXX"
    if mon := m.group("mon"):
        return _dv(f"{year}-{MONTHS[mon.rstrip('.')]:02d}", "month", anchored=anchored)
    return _dv(f"{year}-{SEASONS[m.group('s')]}", "season", anchored=anchored)


_RE_YEAR_TOKEN = re.compile(r"\d{4}|'?\d{2}")


def _h_rel_named(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'last November', 'venerdì scorso', 'next summer', 'this Friday'."""
    q, qp = m.groupdict().get("q"), m.groupdict().get("qp")
    k = QUAL_PRE[q] if q else QUAL_POST[qp or ""]
    name = (_g(m, "n", "n2") or "").rstrip(".")
    dct = ctx.dct
    if name in MONTHS:
        mo = MONTHS[name]
        if dct is None:
            return _dv(f"XXXX-{mo:02d}", "month")
        y = dct.year
        if k < 0 and mo >= dct.month:  # "last November" in November: a year ago
            y -= 1
        elif k > 0 and mo <= dct.month:
            y += 1
        return _dv(f"{y:04d}-{mo:02d}", "month", anchored=True)
    if name in WEEKDAYS:
        wd = WEEKDAYS[name]
        if dct is None:
            return _dv(f"XXXX-WXX-{wd}", "day")
        if k < 0:
            day = dct - _dt.timedelta(days=(dct.isoweekday() - wd) % 7 or 7)
        elif k > 0:
            day = dct + _dt.timedelta(days=(wd - dct.isoweekday()) % 7 or 7)
        else:
            day = dct + _dt.timedelta(days=wd - dct.isoweekday())
        return _dv(day.isoformat(), "day", anchored=True)
    code = SEASONS[name]
    if dct is None:
        return _dv(f"XXXX-{code}", "season")
    # Occurrences as (label year, index of the first month); winter Y spans Dec Y - Feb Y+1.
    now = dct.year * 12 + dct.month - 1
    occ = [(y, y * 12 + _SEASON_START[code] - 1) for y in range(dct.year - 2, dct.year + 2)]
    if k < 0:
        y = max(y for y, start in occ if start + 2 < now)
    elif k > 0:
        y = min(y for y, start in occ if start > now)
    else:
        y = dct.year - 1 if code == "WI" and dct.month <= 2 else dct.year
    return _dv(f"{y:04d}-{code}", "season", anchored=True)


def _h_decade(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the 1990s', "the '90s", "gli anni '90", 'gli anni Novanta', 'the nineties'."""
    if full := _g(m, "full", "full2"):
        return _dv(full[:3], "decade")
    digit = _g(m, "d", "d2", "d3")
    tens = int(digit) if digit else DECADE_WORDS[_g(m, "w", "w2") or ""]
    if ctx.dct is None:
        return _dv(None, "decade")  # the century is not stated
    start = ctx.dct.year - ctx.dct.year % 100 + tens * 10
    if start > ctx.dct.year:  # the latest such decade that has begun
        start -= 100
    return _dv(f"{start // 10:03d}", "decade", anchored=True)


def _roman(s: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total, prev = 0, 0
    for ch in reversed(s):
        v = values[ch]
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def _h_century(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the 20th century', 'il XX secolo', 'il ventesimo secolo', 'il Novecento' -> '19'."""
    if n_text := m.group("n"):
        n = int(n_text)
    elif word := m.group("w"):
        n = CENTURY_ORDINALS[word]
    elif roman := _g(m, "r", "r2"):
        n = _roman(roman)
    else:
        n = _IT_CENTURY_NAMES[m.group("it")] + 1
    if not 1 <= n <= 30:
        return None
    return _dv(f"{n - 1:02d}", "century")


def _h_season(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'summer 2013', "l'estate del 2013", 'in autunno'."""
    code = SEASONS[m.group("s")]
    if m.group("y"):
        y, anchored = _year_token(m.group("y"), ctx)
    elif ctx.dct is not None:
        y, anchored = _tensed_year(_SEASON_START[code], 3, ctx), True
    else:
        y, anchored = None, False
    if y is None:
        return _dv(f"XXXX-{code}", "season")
    return _dv(f"{y:04d}-{code}", "season", anchored=anchored)


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'Christmas', 'Natale 2023', 'Easter': the holiday of the stated or nearest year."""
    rule = HOLIDAYS[m.group("h")]
    if m.group("y"):
        y = int(m.group("y"))
        return _dv((_dt.date(y, *rule) if isinstance(rule, tuple) else rule(y)).isoformat(), "day")
    if isinstance(rule, tuple):
        return _format_parts(_Parts(m=rule[0], d=rule[1]), ctx)
    if ctx.dct is None:
        return _dv(None, "day")
    dct = ctx.dct
    day = min((rule(y) for y in (dct.year - 1, dct.year, dct.year + 1)),
              key=lambda c: _past_first(c, dct))  # fmt: skip
    return _dv(day.isoformat(), "day", anchored=True)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """Bare weekday, optionally with a part of day: 'Friday', 'venerdì sera'."""
    wd = WEEKDAYS[(_g(m, "wd", "wd2") or "").rstrip(".")]
    pod = _g(m, "pod", "pod2")
    suffix = f"T{PARTS_OF_DAY[pod]}" if pod else ""
    gran: Granularity = "time" if pod else "day"
    if ctx.dct is None:
        return _dv(f"XXXX-WXX-{wd}{suffix}", gran)
    return _dv(_tensed_weekday(wd, ctx).isoformat() + suffix, gran, anchored=True)


def _h_part_of_day(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the morning of March 3', 'la sera del 4 gennaio', '4 gennaio sera', 'morning'."""
    pod = PARTS_OF_DAY[m.group("pod")]
    if rest := m.group("rest"):
        day = _parse(rest, ctx)
        if day is None or day.granularity != "day":
            return None
        value = f"{day.value}T{pod}" if day.value else None
        return _dv(value, "time", anchored=day.anchored)
    if ctx.dct is None:
        return _dv(None, "time")
    return _dv(f"{_anaphoric_day(ctx).isoformat()}T{pod}", "time", anchored=True)


# Clock times: "18:00 UTC", "6:40 p.m. GMT+8", "0800 UTC", "alle 15", "noon".
# fmt: off
_RE_CLOCK = re.compile(
    r"""
    (?<![\w:.+-])
    (?P<prefix>(?:at|alle|all'|ore|h\.?)\s+)?
    (?:
        (?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?::(?P<s>\d{2}))?\s*
        (?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)?(?P<oclock>\s*o'clock)?
      | (?P<hm>\d{4})\s*(?:hrs|hours|h)?(?=\s*(?:utc|gmt|z)\b)
      | (?P<named>noon|midnight|mezzogiorno|mezzanotte)
    )
    (?:\s*(?P<tz>""" + _alt(_TIME_ZONES) + r"""))?
    (?:\s*(?P<off>[+-]\s*\d{1,2}(?::?\d{2})?))?
    (?![\w:])
    """,
    re.VERBOSE,
)
# fmt: on
_RE_CONNECTOR = re.compile(r"^(?:on|of|del|di|il|the|-)\s+|\s+(?:on|at|alle|ore|del|di|-)$")


def _clock_suffix(m: re.Match[str]) -> str | None:
    """'T18:40+08'-style suffix for a clock match, or None if it is just a number."""
    g = m.groupdict()
    if g["named"]:
        hh, mm, ss = (12 if g["named"] in ("noon", "mezzogiorno") else 0), 0, None
    elif g["hm"]:
        hh, mm, ss = int(g["hm"][:2]), int(g["hm"][2:]), None
    else:
        if not (g["mi"] or g["ampm"] or g["tz"] or g["oclock"] or g["prefix"]):
            return None  # "15" alone is not a time
        hh, mm, ss = int(g["h"]), int(g["mi"] or 0), (int(g["s"]) if g["s"] else None)
        ampm = re.sub(r"[.\s]", "", g["ampm"] or "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
    if hh > 24 or mm > 59:
        return None
    zone = _TIME_ZONES.get(g["tz"] or "", "")
    if g["off"]:
        digits = re.sub(r"[\s:]", "", g["off"])[1:]
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "")
        zone = f"{g['off'][0]}{int(hours):02d}" + (f":{minutes}" if minutes else "")
    return f"T{hh:02d}:{mm:02d}" + (f":{ss:02d}" if ss is not None else "") + zone


def _time_rule(s: str, ctx: _Ctx) -> DateValue | None:
    """A clock time with an optional day: '18:00 UTC', '12:00 UTC Monday', 'ieri alle 15'."""
    for cm in _RE_CLOCK.finditer(s):
        suffix = _clock_suffix(cm)
        if suffix is None:
            continue
        rest = (s[: cm.start()] + " " + s[cm.end() :]).strip()
        while rest and (shorter := _RE_CONNECTOR.sub("", rest).strip()) != rest:
            rest = shorter
        if not rest:
            if ctx.dct is None:
                return _dv("XXXX-XX-XX" + suffix, "time")
            return _dv(_anaphoric_day(ctx).isoformat() + suffix, "time", anchored=True)
        day = _parse(rest, ctx)
        if day is None or day.granularity != "day":
            return None
        return _dv(day.value + suffix if day.value else None, "time", anchored=day.anchored)
    return None


# ======================================================================================
# Rule table: the first rule whose pattern matches the whole (cleaned) expression and
# whose handler returns a value wins. Order matters: specific before generic.
# ======================================================================================

# fmt: off
_RE_REL_UNIT = _c(
    r"(?P<q>" + _alt(QUAL_PRE) + r")\s*(?P<u>" + _alt(CAL_UNITS) + r")"
    r"|(?P<u2>" + _alt(CAL_UNITS) + r")\s+(?P<qp>" + _alt(QUAL_POST) + r")"
)
_NAMED = "(?:" + _MON + "|" + _WD + "|" + _SEASON + ")"

_RULES: list[tuple[re.Pattern[str], Handler]] = [
    # vague references and fixed phrases
    (_c(_alt(VAGUE)), _h_vague),
    (_c(_SAME_DET + r"\s*(?P<u>" + _alt(_SAME_UNITS) + r")(?:\s+(?P<back>" + _YEAR_BACK + r"))?"
        r"|(?:the\s+)?year[-\s](?:earlier|ago)\s+(?P<u2>" + _alt(_SAME_UNITS) + r")"
        r"|at\s+the\s+time|all'\s*epoca|a\s+quel\s+tempo|in\s+quel\s+momento"), _h_same),
    (_c(r"(?:(?:in|the)\s+)?recent\s+(?:\S+\s+)?history"), _h_recent_history),
    (_c(r"(?:(?:the|a|la|il|lo)\s+)?(?:(?:\w+|\d+(?:st|nd|rd|th|ª|°|º))\s+)?"
        r"(?P<streak>straight|consecutive|successive)\s+(?P<u>" + _alt(_STREAK_UNITS) + r")"
        r"|(?:(?:the|la|il|lo)\s+)?(?:" + _alt(_STREAK_ORDINALS) + r"|\d+(?:st|nd|rd|th|ª|°|º))"
        r"\s+(?P<u2>" + _alt(_STREAK_UNITS) + r")(?:\s+(?P<streak2>consecutiv[oaie]|di\s+fila))?"),
     _h_streak),
    (_c(r"the\s+day|the\s+session|giornata\s+odierna"), _h_publication_day),
    (_c(r"(?P<w>" + _alt(DEICTIC_DAYS) + r")(?:\s+(?:in\s+the\s+|di\s+)?(?P<pod>" + _POD + "))?"),
     _h_deictic),
    # ranges
    (_c(r"(?:between|from|tra|fra|dal|dallo|dalla|dall'|dai|da)\s+(?P<a>.+?)\s+"
        r"(?:and|to|until|till|through|thru|e|a|al|allo|alla|all'|ai|fino\s+al?|-)\s+(?P<b>.+)"),
     _h_range),
    (_c(r"(?P<a>\d{4})(?P<sp>\s*[-/]\s*|\s+(?:to|until|through|al|e)\s+)(?P<b>\d{4}|\d{2})"),
     _h_range_years),
    (_c(r"(?:(?P<mon>" + _MON + r")\s+)?(?P<d1>\d{1,2})\s*-\s*(?P<d2>\d{1,2})"
        r"(?P<rest>(?:\s+\S+)*)"), _h_range_days),
    (_c(r"(?P<a>.+?)\s+(?:-|to|through|until)\s+(?P<b>.+)"), _h_range),
    # recurrences
    (_c(_alt(SET_WORDS)), _h_set_word),
    (_c(r"(?:every|each|ogni|(?:once|twice|thrice|\S+\s+times?)\s+(?:a|an|per|every|each)"
        r"|(?:una\s+volta|\S+\s+volte)\s+(?:al|alla|all'|ogni|a|per)|tutti\s+i|tutte\s+le)"
        r"\s+(?:(?P<wd>" + _WD + r")|(?P<mon>" + _MON + r")|(?P<pod>" + _POD + r")"
        r"|(?:(?P<n>" + _NUM + r")\s+)?(?P<other>other\s+)?(?P<u>" + _UNIT + r"))"),
     _h_set_every),
    (_c(r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s"),
     _h_weekday_plural),
    # shifts from publication
    (_c(_AMOUNT + r"\s+(?:ago|fa|back|before\s+now|or\s+so\s+ago)"), _h_shift(-1)),
    (_c(r"(?:in|tra|fra|in\s+another)\s+" + _AMOUNT_REQ + r"(?:\s+time)?"), _h_shift(+1)),
    # "a year earlier" in news compares with the reporting time (year-on-year figures)
    (_c(_AMOUNT_REQ + r"\s+earlier"), _h_earlier),
    (_c(_AMOUNT_REQ + r"\s+(?:later|after|afterwards|before|dopo|prima|più\s+tardi)"),
     _h_anaphoric),
    # weeks, quarters, halves, fiscal years
    (_c(r"(?P<o>" + _alt(ORDINALS) + r")\s+(?:full\s+)?(?:week|settimana)\s+"
        r"(?:of|in|di|del|dello|della|dell')\s*(?P<rest>.+)"), _h_week_of_month),
    (_c(r"(?:week|settimana)\s+(?:of|del|dell'|di)\s*(?P<rest>.+)"), _h_week_of_date),
    (_c(r"(?P<o>" + _alt(ORDINALS) + r")[\s-]+(?:quarter|trimestre|(?P<half>half|semestre))"
        r"(?:\s+(?:of\s+|del\s+|dell'\s*|di\s+|dello\s+)?(?P<yr>.+))?"
        r"|q(?P<qn>[1-4])(?:\s*(?P<yr2>.+))?|(?P<h>h)(?P<hn>[12])\s*(?P<yr3>\d{4})?"),
     _h_part_of_year),
    (_c(r"(?P<qn>[1-4])q\s*(?P<yr>\d{2}|\d{4})?"), _h_part_of_year),
    (_c(r"(?:fiscal|financial|fy|fiscal\s+year|financial\s+year|anno\s+fiscale|esercizio"
        r"(?:\s+fiscale)?)\s*(?:(?P<y>\d{4}|'\d{2})|(?P<y2>\d{2}))"
        r"|(?P<y3>\d{4})\s+(?:fiscal|financial)\s+year"), _h_fiscal),
    # this/last/next + unit or name
    (_c(r"(?:(?P<mon>" + _MON + r")|(?P<s>" + _SEASON + r"))\s+(?:of\s+|del\s+|dell'\s*|di\s+)?"
        r"(?P<yr>.*\b(?:year|anno)\b.*)"), _h_named_of_year),
    (_RE_REL_UNIT, _h_rel_unit),
    (_c(r"(?:(?:the|la)\s+)?(?P<u>week|settimana)"), _h_rel_unit),
    (_c(r"(?:the|l'|il)\s+(?P<u>year|month|weekend|fiscal\s+year|financial\s+year|anno|mese"
        r"|anno\s+fiscale|esercizio)"), _h_rel_unit),
    (_c(r"(?P<q>" + _alt(QUAL_PRE) + r")\s*(?P<n>" + _NAMED + r")"
        r"|(?P<n2>" + _NAMED + r")\s+(?P<qp>" + _alt(QUAL_POST) + r")"), _h_rel_named),
    # decades, centuries, seasons, holidays
    (_c(r"(?P<d>\d)0'?s|'(?P<d2>\d)0'?s|(?P<full>(?:1\d|20)\d0)'?s"
        r"|(?:anni|years)\s+(?:'?(?P<d3>\d)0|(?P<w>" + _alt(DECADE_WORDS) + r")"
        r"|(?P<full2>(?:1\d|20)\d0))|(?P<w2>" + _alt(_DECADE_WORDS["en"]) + r")"), _h_decade),
    (_c(r"(?:(?P<n>\d{1,2})(?:st|nd|rd|th|°|º)?|(?P<w>" + _alt(CENTURY_ORDINALS) + r")"
        r"|(?P<r>[ivxl]+))\s+(?:century|secolo)|secolo\s+(?P<r2>[ivxl]+)"
        r"|(?P<it>" + _alt(_IT_CENTURY_NAMES) + r")"), _h_century),
    (_c(r"(?P<s>" + _SEASON + r")(?:\s+(?:of\s+|del\s+|di\s+|dell'\s*)?(?P<y>\d{4}|'\d{2}))?"),
     _h_season),
    (_c(r"(?P<h>" + _alt(HOLIDAYS) + r")(?:\s+(?:of\s+|del\s+|di\s+)?(?P<y>\d{4}))?"),
     _h_holiday),
    # durations
    (_c(_DURATION), _h_duration),
    (_c(r"(?:a|an)\s+(?:[a-z]+ly\s+)?(?!fine\b|metà\b|inizio\b)[a-z]+\s+(?P<u>" + _UNIT + r")"),
     _h_one_unit),
    (_c(r"(?:a\s+)?(?P<n>" + _NUM + r")[-\s](?P<u>" + _UNIT + r")(?:-long|-old)?(?:\s+[a-z]+)?"),
     _h_duration),
    # weekdays and parts of the day
    (_c(r"(?:(?P<wd>" + _WD + r")|(?P<pod2>" + _POD + r")\s+(?:of\s+)?(?P<wd2>" + _WD + r"))"
        r"(?:\s+(?:in\s+the\s+)?(?P<pod>" + _POD + r"))?"), _h_weekday),
    (_c(r"(?P<pod>" + _POD + r")(?:\s+(?:of|on|del|di|dello|della|dell')\s*(?P<rest>.+))?"),
     _h_part_of_day),
    (_c(r"(?P<rest>.+?)\s+(?:in\s+the\s+|di\s+)?(?P<pod>" + _POD + r")"), _h_part_of_day),
]
# fmt: on

# Bare period words read as the current period after "fine", "inizio", "the end of".
_BARE_PERIODS = {
    "year", "anno", "month", "mese", "week", "settimana", "decade", "decennio", "century",
    "secolo",
}  # fmt: skip


# ======================================================================================
# dateparser fallback
# ======================================================================================

_SENTINELS = (_dt.datetime(1911, 3, 17, 13, 13), _dt.datetime(2087, 10, 26, 7, 7))
_RULE_LANGS = {"en", "it"}
_DATEPARSER_ERRORS = (ValueError, KeyError, TypeError, OverflowError, AttributeError)


def _dateparser(s: str, base: _dt.datetime, ctx: _Ctx, prefer: str) -> Any:
    """One dateparser run (DateData or None); imported lazily because it is slow."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=[ctx.lang] if ctx.lang else None,
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": prefer,
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    try:
        data = parser.get_date_data(s)
    except _DATEPARSER_ERRORS:
        return None
    return data if data.date_obj is not None else None


def _dateparser_fallback(s: str, ctx: _Ctx) -> DateValue | None:
    """Ask dateparser, keeping only the parts the expression states (see module doc)."""
    runs = [_dateparser(s, base, ctx, "current_period") for base in _SENTINELS]
    if runs[0] is None or runs[1] is None:
        return None
    a, b = runs[0].date_obj, runs[1].date_obj
    period = runs[0].period
    # dateparser reads bare numbers as years ("60" -> 2060): a year is stated only if its
    # four digits are in the text; two digits are resolved like "'60".
    yy = None
    y_stated = a.year == b.year and str(a.year) in s
    if a.year == b.year and not y_stated:
        if f"{a.year % 100:02d}" not in s:
            return None
        yy = a.year % 100
    m_stated, d_stated = a.month == b.month, a.day == b.day
    if not (y_stated or yy or m_stated or d_stated):  # relative: "hier", "la semaine passée"
        gran: Granularity = period if period in ("week", "month", "year") else "day"
        if ctx.dct is None:
            return _dv(None, gran)
        run = _dateparser(s, _dt.datetime.combine(ctx.dct, _dt.time(12)), ctx, "past")
        if run is None:
            return None
        d = run.date_obj.date()
        value = {"week": _week_str(d), "month": f"{d.year:04d}-{d.month:02d}",
                 "year": f"{d.year:04d}"}.get(run.period, d.isoformat())  # fmt: skip
        gran = run.period if run.period in ("week", "month", "year") else "day"
        return _dv(value, gran, anchored=True)
    if period == "time":
        clock = f"T{a.hour:02d}:{a.minute:02d}"
        if y_stated and m_stated and d_stated:
            return _dv(a.date().isoformat() + clock, "time")
        if ctx.dct is None:
            return _dv("XXXX-XX-XX" + clock, "time")
        return _dv(ctx.dct.isoformat() + clock, "time", anchored=True)
    parts = _Parts(
        y=a.year if y_stated else None,
        yy=yy,
        m=a.month if m_stated and period in ("day", "month") else None,
        d=a.day if d_stated and period == "day" else None,
    )
    if parts.m is None and (parts.y is None or yy is not None):
        return None  # a day number alone, a year from two bare digits, or nothing
    return _format_parts(parts, ctx)


# ======================================================================================
# Driver
# ======================================================================================


def _apply_rules(s: str, ctx: _Ctx) -> DateValue | None:
    for pattern, handler in _RULES:
        if (m := pattern.fullmatch(s)) is not None and (out := handler(m, ctx)) is not None:
            return out
    if (out := _time_rule(s, ctx)) is not None:
        return out
    parts = _abs_parts(s, ctx)
    return _format_parts(parts, ctx) if parts else None


def _parse_with_mod(s: str, ctx: _Ctx) -> tuple[DateValue | None, Mod | None]:
    """Try the rules; if none applies, drop one leading modifier/function word and retry."""
    mod: Mod | None = None
    if m := _RE_SUFFIX.fullmatch(s):
        s, mod = m.group("rest"), _SUFFIXES[m.group("s")]
    for _ in range(8):
        if (out := _apply_rules(s, ctx)) is not None:
            return out, mod
        if mod in ("START", "MID", "END") and s in _BARE_PERIODS:
            return _rel_value(CAL_UNITS[s], 0, ctx), mod  # "fine anno", "inizio mese"
        m = _RE_PREFIX.fullmatch(s) or _RE_PREFIX_A.fullmatch(s)
        if m is None:
            break
        prefix = m.groupdict().get("p")
        if prefix == "some" and not re.match(_NUM, m.group("rest")):
            break  # "some years" is a fuzzy quantity, not "approximately"
        mod = mod or (PREFIX_MODS[prefix] if prefix else None)
        s = m.group("rest").strip()
    return None, mod


def _parse(s: str, ctx: _Ctx) -> DateValue | None:
    return _parse_with_mod(s, ctx)[0]


_RE_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def _coerce_published(published: _dt.date | str | None) -> _dt.date | None:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date()
    if isinstance(published, _dt.date):
        return published
    if isinstance(published, str):
        if m := _RE_ISO_DATE.fullmatch(published):
            try:
                return _dt.date.fromisoformat(m.group(1))
            except ValueError:
                pass
        raise ValueError(f"published must be an ISO 8601 date (YYYY-MM-DD), got {published!r}")
    raise TypeError(f"published must be a date, an ISO date string or None, not {published!r}")


def normalize_date(
    expression: str,
    published: _dt.date | str | None = None,
    lang: str | None = None,
    *,
    context: str | None = None,
    reference: _dt.date | str | None = None,
) -> DateValue:
    """Normalize a time expression to a TIMEX3 value.

    Args:
        expression: the time expression as it appears in the text ("lo scorso novembre",
            "Dec. 30", "two weeks ago"). Leading prepositions and modifiers ("on", "nel",
            "early", "circa") may be included.
        published: publication date of the article, used to resolve relative and
            incomplete expressions: a ``date``/``datetime`` or an ISO 8601 string
            (``"2024-01-05"``, ``"2024-01-05T10:00:00Z"``; the time of day is ignored).
            Without it, nothing the expression does not state is filled in.
        lang: ISO 639-1 code ("en", "it", "en-US", ...) or None. The English and Italian
            rules are always active; ``lang`` decides the order of numeric dates ("7/8/07"
            is July 8 for "en", 7 August otherwise) and the language dateparser uses.
        context: the sentence that contains the expression (keyword only). Used, as
            HeidelTime does, for the tense of the governing verb, which decides between
            the past and the future occurrence of a bare weekday, month, day of a month,
            season, quarter or half ("Boeing delivered the jet on Tuesday" is the Tuesday
            before publication, "the plant will close in October" the next October),
            and for words that complete the expression ("October" followed by "of next
            year"; "fourth week" followed by "in a row"). Without a tense cue, or without
            ``published``, the result is the one without context.
        reference: the last date mentioned before the expression (keyword only): a
            ``date`` or a calendar TIMEX3 value ("2009-04-03", "2009-01", "2009-Q3",
            "2009"). Anaphoric expressions are resolved against it, as in HeidelTime's
            narrative mode: "the same day", "that day", "at the time" (the reference
            itself), "the next day", "the following week", "the previous year", "two days
            later", "a year earlier" (shifted from it), "the same month a year ago" (the
            reference one year back), and "the day" of market reports. Deictic
            expressions ("yesterday", "last week", "next month", "two days ago") stay
            anchored to the publication date. A reference coarser than the expression
            needs ("2009" for "the next day") or a vague value ("PAST_REF") is ignored.
            It is used only together with ``published``, so that without a publication
            date no year the expression does not state can appear.

    Returns:
        A :class:`DateValue`. Its ``value`` is None when the expression cannot be
        normalized; unrecognized text never raises.

    Raises:
        ValueError: ``published`` is a string that is not an ISO 8601 date, or
            ``reference`` a string that is not a TIMEX3 value (see :func:`is_timex3_value`).
        TypeError: ``expression`` or ``context`` is not a string, or ``published`` or
            ``reference`` has another type.
    """
    if not isinstance(expression, str):
        raise TypeError(f"expression must be a string, not {type(expression).__name__}")
    if context is not None and not isinstance(context, str):
        raise TypeError(f"context must be a string or None, not {type(context).__name__}")
    dct = _coerce_published(published)
    ref = _coerce_reference(reference)
    code = re.split(r"[-_]", lang)[0].lower() if lang else None
    if dct is None:  # the no-invented-year rule: nothing to anchor tense or reference to
        context = ref = None
    return _normalize_cached(expression, dct, code, context or None, ref)


def _coerce_reference(reference: _dt.date | str | None) -> str | None:
    if reference is None:
        return None
    if isinstance(reference, _dt.datetime):
        return reference.date().isoformat()
    if isinstance(reference, _dt.date):
        return reference.isoformat()
    if isinstance(reference, str):
        if not is_timex3_value(reference):
            raise ValueError(f"reference must be a date or a TIMEX3 value, got {reference!r}")
        return reference
    raise TypeError(f"reference must be a date, a TIMEX3 value or None, not {reference!r}")


# "October" + "of next year": a year qualifier right after a bare month, season or
# part of a year completes it.
_RE_RIGHT_YEAR = re.compile(
    r"(?:of\s+|del\s+|dell'\s*)?(?:the\s+)?(?:next|last|this|following|previous|prossimo|scorso)"
    r"\s+(?:year|anno)\b|(?:dell'|del)\s*anno\s+(?:prossimo|scorso|successivo|precedente)\b"
)
_COMPLETABLE = {"month", "season", "quarter", "half"}


@lru_cache(maxsize=4096)
def _normalize_cached(
    expression: str,
    dct: _dt.date | None,
    lang: str | None,
    context: str | None = None,
    reference: str | None = None,
) -> DateValue:
    ref = _parse_reference(reference) if reference else None
    ctx = _Ctx(dct=dct, lang=lang, context=context, expr=expression, ref=ref)
    s = _clean(expression)
    out, mod = _parse_with_mod(s, ctx) if s else (None, None)
    if (
        out is not None
        and context is not None
        and out.granularity in _COMPLETABLE
        and out.anchored
        and (m := _RE_RIGHT_YEAR.match(_clean(ctx.right()[:40])))
    ):
        completed, mod2 = _parse_with_mod(f"{s} {m.group(0)}", ctx)
        if completed is not None and completed.value is not None:
            out, mod = completed, mod or mod2
    if (
        out is None
        and s
        and not _RE_NUMBER_ONLY.fullmatch(s)
        and (re.search(r"\d", s) or (lang is not None and lang not in _RULE_LANGS))
    ):
        out = _dateparser_fallback(s, ctx)
    if out is None:
        out = _dv(None, "unknown")
    return out.model_copy(update={"expression": expression, "mod": mod})
