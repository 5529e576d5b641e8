"""Reference time: anchoring to a previously mentioned date."""

from __future__ import annotations

import datetime as _dt
import re

from .calendar import _period_str, _Ref
from .tables import _SEASON_START
from .values import _safe_date

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
