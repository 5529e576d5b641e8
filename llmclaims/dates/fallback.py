"""The dateparser fallback, for expressions no rule covers."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..languages import supported
from .calendar import _Ctx, _week_str
from .rules import _format_parts, _Parts
from .values import DateValue, Granularity, _dv

# ======================================================================================
# dateparser fallback
# ======================================================================================

_SENTINELS = (_dt.datetime(1911, 3, 17, 13, 13), _dt.datetime(2087, 10, 26, 7, 7))
_RULE_LANGS = set(supported())  # languages with rules: dateparser is their last resort
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
