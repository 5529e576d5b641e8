"""Calendar helpers: month arithmetic, nearest occurrences, tensed years, periods."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from .tense import _split_context, _tense
from .values import Tense, _safe_date

# ======================================================================================
# Calendar helpers
# ======================================================================================


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
        return _tense(self.context, self.expr, self.lang)

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
