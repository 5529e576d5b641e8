"""TIMEX3 value syntax, the DateValue model and the shared Literal types."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

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


Tense = Literal["PAST", "FUTURE"]


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None
