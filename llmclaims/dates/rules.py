"""Absolute and yearless dates, rule handlers, the rule table and its driver loop."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..languages import registered
from .calendar import (
    _add_months,
    _Ctx,
    _past_first,
    _period_str,
    _tensed_day,
    _tensed_weekday,
    _tensed_year,
    _two_digit_year,
    _week_str,
    _year_token,
)
from .patterns import (
    _AMOUNT,
    _AMOUNT_REQ,
    _DAY,
    _DURATION,
    _MON,
    _NUM,
    _ORD_SFX,
    _POD,
    _RE_PREFIX,
    _RE_PREFIX_A,
    _RE_SPACES,
    _RE_SUFFIX,
    _SEASON,
    _UNIT,
    _WD,
    _YEAR,
    _YEAR_OF,
    _alt,
    _c,
    _clean,
    _strip_function_words,
    _w,
    _w_sp,
)
from .reference import _REF_ANCHORS, _parse_reference, _ref_shift_years, _ref_unit, _ref_value
from .tables import (
    _CENTURY_NAMES,
    _NUMBERS,
    _PLURAL_UNITS,
    _SEASON_START,
    _SUFFIXES,
    _TIME_ZONES,
    _UNIT_GRAN,
    _UNIT_IN_YEARS,
    CAL_UNITS,
    CENTURY_ORDINALS,
    DECADE_WORDS,
    DEICTIC_DAYS,
    HABITUAL_WEEKDAYS,
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    PREFIX_MODS,
    QUAL_POST,
    QUAL_PRE,
    SEASONS,
    SET_WORDS,
    UNITS,
    VAGUE,
    WEEKDAYS,
    data,
    merged,
    words,
)
from .values import DateValue, Granularity, Mod, _dv, _safe_date

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
_ART = r"(?:" + _w("ARTICLES") + r"\s+)?"  # "Friday the 13th", "July the 4th"
_WD_PREFIX = r"(?:(?P<wd>" + _WD + r")\s+" + _ART + ")?"
_ABS_PATTERNS: list[re.Pattern[str]] = [
    # 4 January 2024 / the 4th of July / 30 December / 1° of January 2024
    _c(_WD_PREFIX + _DAY + r"\s+(?:" + _w_sp("DAY_OF_MONTH") + r")?(?P<m>" + _MON + r")"
       r"(?:\s+" + _YEAR_OF + _YEAR + ")?"),
    # January 4 2024 / Dec. 30 / July the 4th
    _c(_WD_PREFIX + r"(?P<m>" + _MON + r")\s+" + _ART + _DAY + r"(?:\s+" + _YEAR + ")?"),
    # March 2013 / January of 2024 / March '13
    _c(r"(?P<m>" + _MON + r")\s+" + _YEAR_OF + _YEAR),
    # 2024-01-04 / 2024-01 / 2024/01/04 (a time part is ignored)
    _c(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?(?:t[\d:.]+z?)?"),
    # 4/1/2024, 4.1.24: day/month order depends on the language
    _c(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{4}|\d{2})"),
    # 2009 / '82 / (the) year 2009 / (l') anno 2009
    _c(r"(?:" + _w("YEAR_WORD") + r"\s+)?" + _YEAR),
    # March (in any registered language)
    _c(r"(?P<m>" + _MON + r")"),
    # the 15th / the 1st (a bare "15" is too ambiguous)
    _c(r"(?P<d>\d{1,2})" + _ORD_SFX + r"|(?P<d1>" + _w("DAY_ONE") + ")"),
]
# fmt: on


# Languages that write numeric dates month first ("7/8/07" is July 8).
_MONTH_FIRST = frozenset(m.CODE for m in registered() if getattr(m, "DATE_MONTH_FIRST", False))


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
        if a > 12 or (b <= 12 and ctx.lang not in _MONTH_FIRST):
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


_STREAK_UNITS: dict[str, str] = merged("DATE_STREAK_UNITS")
_STREAK_ORDINALS = words("DATE_STREAK_ORDINALS")
_RE_IN_A_ROW = re.compile(_w("IN_A_ROW") + r"\b")


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
    if pa.m is None and pa.d is not None and pb.m is not None:  # "from the 3rd to 5 March"
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
    """'between 30 December and 2 January', 'from Dec. 30 to Jan. 2', 'March to May'."""
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
    """'3-5 March 2024', 'March 3-5, 2024'."""
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
    return _dv(f"XXXX-WXX-{HABITUAL_WEEKDAYS[m.group('wd')]}", "set")


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


_RE_BEFORE_END = re.compile(_w("BEFORE") + "$")


def _h_anaphoric(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'three days later', 'due anni dopo', 'two days before': from the reference time;
    without one, relative to a time we do not know."""
    sign = -1 if _RE_BEFORE_END.search(m.group(0)) else 1
    if (out := _ref_shift(m, ctx, sign)) is not None:
        return out
    return _dv(None, _UNIT_GRAN.get(UNITS[m.group("u")][0], "day"))


def _h_earlier(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'a year earlier': from the reference time when there is one (the period the
    article was talking about); otherwise, in news, from the reporting time
    (year-on-year comparisons)."""
    return _ref_shift(m, ctx, -1) or _h_shift(-1)(m, ctx)


_ONE_UNIT_LEADS = frozenset(words("DATE_DURATION_ONE"))
_DURATION_QUALIFIERS = frozenset(words("DATE_DURATION_QUALIFIERS"))
_APPROX_BEFORE_NUMBER = frozenset(words("DATE_APPROX_BEFORE_NUMBER"))


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
    elif lead in _ONE_UNIT_LEADS or (adj and not lead):
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
    """'the week of March 3', in every registered language."""
    p = _abs_parts(_strip_function_words(m.group("rest")), ctx)
    if p is None or p.d is None or p.m is None:
        return None
    day = _format_parts(p, ctx)
    if day is None or day.value is None or day.value.startswith("X"):
        return _dv(None, "week")
    return _dv(_week_str(_dt.date.fromisoformat(day.value)), "week", anchored=day.anchored)


_THIS_YEAR = frozenset(words("DATE_THIS_YEAR"))


def _year_expr(text: str | None, ctx: _Ctx) -> tuple[int | None, bool, bool]:
    """Year part of "the first quarter of <year>": (year, understood, anchored)."""
    if not text:
        return None, True, False
    s = _strip_function_words(text)
    if re.fullmatch(r"\d{4}|'?\d{2}", s):
        y, anchored = _year_token(s, ctx)
        return y, True, anchored
    if s in _THIS_YEAR:
        return (ctx.dct.year if ctx.dct else None), True, ctx.dct is not None
    rel = _RE_REL_UNIT.fullmatch(s)
    unit = rel and _g(rel, "u", "u2")
    is_year = bool(rel and unit and CAL_UNITS[unit] in ("year", "fy"))
    if rel and is_year and rel.group("q") not in _DURATION_QUALIFIERS:
        v = _h_rel_unit(rel, ctx)
        if v is None or v.value is None:
            return None, True, False
        return int(v.value.removeprefix("FY")), True, True
    return None, False, False


def _h_unit_ended(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """'the quarter ended Sept. 30' is the quarter holding that day, 'the fiscal year ended
    Sept. 30, 1989' FY1989; with a count ('the nine months ended Sept. 30'), a duration."""
    word = _RE_SPACES.sub(" ", m.group("u"))
    if m.group("n"):
        n = _num_value(m.group("n"))
        return _dv(_duration_value(n, word), "duration") if n and word in UNITS else None
    unit = CAL_UNITS.get(word)
    end = _parse(_strip_function_words(m.group("rest")), ctx)
    if unit is None or end is None or end.granularity != "day":
        return None
    gran = _UNIT_GRANULARITY[unit]
    if end.value is None or end.value.startswith("X"):
        return _dv(None, gran)
    day = _dt.date.fromisoformat(end.value)
    if unit == "fy":
        return _dv(f"FY{day.year:04d}", "year", anchored=end.anchored)
    return _dv(_period_str(unit, 0, day), gran, anchored=end.anchored)


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
    fiscal = _RE_FISCAL_YEAR.fullmatch(_strip_function_words(year_text or ""))
    if fiscal:  # "the third quarter of fiscal 1989": a quarter of the fiscal year
        year_text = fiscal.group("y")
    y, understood, anchored = _year_expr(year_text, ctx)
    if not understood:
        return None
    if fiscal and y is not None:
        return _dv(f"FY{y:04d}-{kind}{idx}", gran, anchored=anchored)
    if y is None:
        if year_text:
            return _dv(None, gran)
        if ctx.dct is None:
            return _dv(f"XXXX-{kind}{idx}", gran)
        y, anchored = _tensed_year((idx - 1) * size + 1, size, ctx), True
    return _dv(f"{y:04d}-{kind}{idx}", gran, anchored=anchored)


_RE_FISCAL_YEAR = re.compile(r"(?:" + _w("FISCAL") + r"|fy)\s*(?P<y>\d{4}|'\d{2})")


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
        if q in _DURATION_QUALIFIERS and unit not in ("weekend", "fy", "half"):
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
# Words an indefinite article does not count ("a fine anno" is "at the end of the year").
_NOT_AFTER_ARTICLE = (
    r"(?:"
    + _alt(
        w
        for m in registered()
        for after in data(m, "DATE_BARE_PREPOSITIONS").values()
        for w in after
    )
    + r")\b"
)

_ANAPHORIC_QUALIFIERS = frozenset(words("DATE_ANAPHORIC_QUALIFIERS"))

_SAME_UNITS: dict[str, str] = merged("DATE_SAME_UNITS")
_SAME_DET = _w("SAME_DET")
_YEAR_BACK = _w("YEAR_BACK")


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
        n = _CENTURY_NAMES[m.group("names")] + 1
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
    """'the morning of March 3', 'the evening of 4 January', '4 January evening', 'morning'."""
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


_NAMED_TIMES: dict[str, int] = merged("DATE_NAMED_TIMES")
# "a.m." / "p.m." as written ("am", "a.m.", "a. m."), from each language's compact form.
_HALVES: dict[str, str] = merged("DATE_CLOCK_HALVES")
_HALVES_RE = "|".join(r"\.?\s?".join(map(re.escape, k)) + r"\.?" for k in _HALVES) or "(?!)"
# Clock times: "18:00 UTC", "6:40 p.m. GMT+8", "0800 UTC", "alle 15", "noon".
# fmt: off
_RE_CLOCK = re.compile(
    r"""
    (?<![\w:.+-])
    (?P<prefix>(?:""" + _w("CLOCK_PREFIX") + r"""|h\.?)\s+)?
    (?:
        (?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?::(?P<s>\d{2}))?\s*
        (?P<ampm>""" + _HALVES_RE + r""")?(?P<oclock>\s*""" + _w("OCLOCK") + r""")?
      | (?P<hm>\d{4})\s*(?:""" + _w("CLOCK_HOURS") + r"""|h)?(?=\s*(?:utc|gmt|z)\b)
      | (?P<named>""" + _alt(_NAMED_TIMES) + r""")
    )
    (?:\s*(?P<tz>""" + _alt(_TIME_ZONES) + r"""))?
    (?:\s*(?P<off>[+-]\s*\d{1,2}(?::?\d{2})?))?
    (?![\w:])
    """,
    re.VERBOSE,
)
# fmt: on
_RE_CONNECTOR = re.compile(
    r"^(?:" + _w("CLOCK_LEAD") + r"|-)\s+|\s+(?:" + _w("CLOCK_TRAIL") + r"|-)$"
)


def _clock_suffix(m: re.Match[str]) -> str | None:
    """'T18:40+08'-style suffix for a clock match, or None if it is just a number."""
    g = m.groupdict()
    if g["named"]:
        hh, mm, ss = _NAMED_TIMES[g["named"]], 0, None
    elif g["hm"]:
        hh, mm, ss = int(g["hm"][:2]), int(g["hm"][2:]), None
    else:
        if not (g["mi"] or g["ampm"] or g["tz"] or g["oclock"] or g["prefix"]):
            return None  # "15" alone is not a time
        hh, mm, ss = int(g["h"]), int(g["mi"] or 0), (int(g["s"]) if g["s"] else None)
        half = _HALVES.get(re.sub(r"[.\s]", "", g["ampm"] or ""))
        if half == "PM" and hh < 12:
            hh += 12
        elif half == "AM" and hh == 12:
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
_OF = r"(?:" + _w_sp("OF") + ")?"  # "of", "del", "dell'"
_ORD_NUM = r"\d+" + _ORD_SFX  # "3rd", "3ª"


def _times_per() -> str:
    """'twice a week', 'tre volte all'anno': each language's counting words with its own
    'per' words."""
    alts = []
    for m in registered():
        fixed, counted = data(m, "DATE_TIMES_FIXED"), data(m, "DATE_TIMES_COUNTED")
        per = data(m, "DATE_TIMES_PER")
        if per and (fixed or counted):
            heads = [*(re.escape(f) for f in fixed), *(r"\S+\s+" + re.escape(c) for c in counted)]
            alts.append("(?:" + "|".join(heads) + r")\s+" + _alt(per))
    return "|".join(alts) or "(?!)"


_POSSESSIVE: dict[str, str] = merged("DATE_POSSESSIVE")


def _h_possessive(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    """"last year's third quarter", "1988's fourth quarter": read as "<B> of <A>"."""
    of = _POSSESSIVE[m.group("p")]
    return _parse(f"{m.group('b')} {of} {m.group('a')}", ctx)


_RULES: list[tuple[re.Pattern[str], Handler]] = [
    # vague references and fixed phrases
    (_c(_alt(VAGUE)), _h_vague),
    (_c(r"(?P<a>.+?)(?P<p>" + _alt(_POSSESSIVE) + r")\s+(?P<b>.+)"), _h_possessive),
    (_c(_SAME_DET + r"\s*(?P<u>" + _alt(_SAME_UNITS) + r")(?:\s+(?P<back>" + _YEAR_BACK + r"))?"
        r"|" + _w("YEAR_EARLIER") + r"\s+(?P<u2>" + _alt(_SAME_UNITS) + r")"
        r"|" + _w("AT_THE_TIME")), _h_same),
    (_c(_w("RECENT_HISTORY") + r"\s+(?:\S+\s+)?" + _w("HISTORY")),
     _h_recent_history),
    (_c(r"(?:" + _w("STREAK_ARTICLES") + r"\s+)?(?:(?:\w+|" + _ORD_NUM + r")\s+)?"
        r"(?P<streak>" + _w("STREAK_PRE") + r")\s+(?P<u>" + _alt(_STREAK_UNITS) + r")"
        r"|(?:" + _alt(set(words("DATE_STREAK_ARTICLES")) - set(words("DATE_INDEFINITE_ARTICLES")))
        + r"\s+)?(?:" + _alt(_STREAK_ORDINALS) + r"|" + _ORD_NUM + r")"
        r"\s+(?P<u2>" + _alt(_STREAK_UNITS) + r")(?:\s+(?P<streak2>" + _w("STREAK_POST") + r"))?"),
     _h_streak),
    (_c(_w("THE_DAY")), _h_publication_day),
    (_c(r"(?P<w>" + _alt(DEICTIC_DAYS) + r")(?:\s+(?:" + _w("POD_LINK") + r"\s+)?(?P<pod>" + _POD
        + "))?"), _h_deictic),
    # "the quarter ended Sept. 30", "the three months ended Sept. 30"
    (_c(r"(?:" + _w("ARTICLES") + r"\s+)?(?:(?P<n>" + _NUM + r")\s+)?(?P<u>" + _UNIT + "|"
        + _alt(CAL_UNITS) + r")\s+" + _w("ENDED") + r"\s+(?P<rest>.+)"), _h_unit_ended),
    # ranges
    (_c(_w("RANGE_OPEN") + r"\s+(?P<a>.+?)\s+(?:" + _w("RANGE_JOIN") + r"|-)\s+(?P<b>.+)"),
     _h_range),
    (_c(r"(?P<a>\d{4})(?P<sp>\s*[-/]\s*|\s+" + _w("YEAR_RANGE_JOIN") + r"\s+)(?P<b>\d{4}|\d{2})"),
     _h_range_years),
    (_c(r"(?:(?P<mon>" + _MON + r")\s+)?(?P<d1>\d{1,2})\s*-\s*(?P<d2>\d{1,2})"
        r"(?P<rest>(?:\s+\S+)*)"), _h_range_days),
    (_c(r"(?P<a>.+?)\s+(?:-|" + _w("RANGE_JOIN_BARE") + r")\s+(?P<b>.+)"), _h_range),
    # recurrences
    (_c(_alt(SET_WORDS)), _h_set_word),
    (_c(r"(?:" + _w("EVERY") + "|" + _times_per() + r")"
        r"\s+(?:(?P<wd>" + _WD + r")|(?P<mon>" + _MON + r")|(?P<pod>" + _POD + r")"
        r"|(?:(?P<n>" + _NUM + r")\s+)?(?P<other>" + _w("EVERY_OTHER") + r"\s+)?(?P<u>" + _UNIT
        + r"))"), _h_set_every),
    (_c(r"(?P<wd>" + _alt(HABITUAL_WEEKDAYS) + ")"),
     _h_weekday_plural),
    # shifts from publication
    (_c(_AMOUNT + r"\s+" + _w("AGO")), _h_shift(-1)),
    (_c(_w("AGO_BEFORE") + r"\s+" + _AMOUNT), _h_shift(-1)),
    (_c(_w("IN") + r"\s+" + _AMOUNT_REQ + r"(?:\s+" + _w("IN_TAIL") + ")?"), _h_shift(+1)),
    # "a year earlier" in news compares with the reporting time (year-on-year figures)
    (_c(_AMOUNT_REQ + r"\s+" + _w("EARLIER")), _h_earlier),
    (_c(_AMOUNT_REQ + r"\s+(?:" + _w("LATER") + "|" + _w("BEFORE") + ")"), _h_anaphoric),
    # weeks, quarters, halves, fiscal years
    (_c(r"(?P<o>" + _alt(ORDINALS) + r")\s+(?:" + _w("FULL") + r"\s+)?" + _w("WEEK_WORD") + r"\s+"
        r"(?:" + _w("DURATION_OF") + "|" + _w("OF") + r")\s*(?P<rest>.+)"), _h_week_of_month),
    (_c(_w("WEEK_WORD") + r"\s+" + _w("WEEK_OF") + r"\s*(?P<rest>.+)"), _h_week_of_date),
    (_c(r"(?P<o>" + _alt(ORDINALS) + r")[\s-]+(?:" + _w("QUARTER_WORD") + r"|(?P<half>"
        + _w("HALF_WORD") + r"))(?:\s+" + _OF + r"(?P<yr>.+))?"
        r"|q(?P<qn>[1-4])(?:\s*(?P<yr2>.+))?|(?P<h>h)(?P<hn>[12])\s*(?P<yr3>\d{4})?"),
     _h_part_of_year),
    (_c(r"(?P<qn>[1-4])q\s*(?P<yr>\d{2}|\d{4})?"), _h_part_of_year),
    (_c(r"(?:" + _w("FISCAL") + r"|fy)\s*(?:(?P<y>\d{4}|'\d{2})|(?P<y2>\d{2}))"
        r"|(?P<y3>\d{4})\s+" + _w("FISCAL_AFTER")), _h_fiscal),
    # this/last/next + unit or name
    (_c(r"(?:(?P<mon>" + _MON + r")|(?P<s>" + _SEASON + r"))\s+" + _OF
        + r"(?P<yr>.*\b" + _w("YEAR_WORD") + r"\b.*)"), _h_named_of_year),
    (_RE_REL_UNIT, _h_rel_unit),
    (_c(_w("ARTICLES") + r"\s+(?P<u>" + _w("REFERENCED_PERIODS") + ")"), _h_same),
    (_c(r"(?:" + _w("ARTICLES") + r"\s+)?(?P<u>" + _w("WEEK_WORD") + ")"), _h_rel_unit),
    (_c(_w("ARTICLES") + r"\s+(?P<u>" + _w("CURRENT_PERIODS") + ")"), _h_rel_unit),
    (_c(r"(?P<q>" + _alt(QUAL_PRE) + r")\s*(?:" + _w("MONTH_OF") + r"\s+)?(?P<n>" + _NAMED + r")"
        r"|(?P<n2>" + _NAMED + r")\s+(?P<qp>" + _alt(QUAL_POST) + r")"), _h_rel_named),
    # decades, centuries, seasons, holidays
    (_c(r"(?P<d>\d)0'?s|'(?P<d2>\d)0'?s|(?P<full>(?:1\d|20)\d0)'?s"
        r"|" + _w("DECADE_PREFIX") + r"\s+(?:'?(?P<d3>\d)0|(?P<w>" + _alt(DECADE_WORDS) + r")"
        r"|(?P<full2>(?:1\d|20)\d0))|(?P<w2>" + _w("BARE_DECADE_WORDS") + r")"), _h_decade),
    (_c(r"(?:(?P<n>\d{1,2})" + _ORD_SFX + r"?|(?P<w>" + _alt(CENTURY_ORDINALS) + r")"
        r"|(?P<r>[ivxl]+))\s+" + _w("CENTURY_WORD")
        + r"|" + _w("ROMAN_CENTURY_FIRST") + r"\s+(?P<r2>[ivxl]+)"
        r"|(?P<names>" + _alt(_CENTURY_NAMES) + r")"), _h_century),
    (_c(r"(?P<s>" + _SEASON + r")(?:\s+" + _OF + r"(?P<y>\d{4}|'\d{2}))?"),
     _h_season),
    (_c(r"(?P<h>" + _alt(HOLIDAYS) + r")(?:\s+" + _OF + r"(?P<y>\d{4}))?"),
     _h_holiday),
    # durations
    (_c(_DURATION), _h_duration),
    (_c(r"(?:" + _w("INDEFINITE_ARTICLES") + r")\s+(?:[a-z]+" + _w("ADVERB_SUFFIXES") + r"\s+)?"
        r"(?!" + _NOT_AFTER_ARTICLE + r")[a-z]+\s+(?P<u>" + _UNIT + r")"), _h_one_unit),
    (_c(r"(?:" + _w("INDEFINITE_ARTICLES") + r"\s+)?(?P<n>" + _NUM + r")[-\s](?P<u>" + _UNIT
        + r")(?:-" + _w("UNIT_COMPOUNDS") + r")?(?:\s+[a-z]+)?"), _h_duration),
    # weekdays and parts of the day
    (_c(r"(?:(?P<wd>" + _WD + r")|(?P<pod2>" + _POD + r")\s+(?:" + _w("POD_WEEKDAY_LINK")
        + r"\s+)?(?P<wd2>" + _WD + r"))"
        r"(?:\s+(?:" + _w("WEEKDAY_POD_LINK") + r"\s+)?(?P<pod>" + _POD + r"))?"), _h_weekday),
    (_c(r"(?P<pod>" + _POD + r")(?:\s+" + _w("POD_OF") + r"\s*(?P<rest>.+))?"),
     _h_part_of_day),
    (_c(r"(?P<rest>.+?)\s+(?:" + _w("POD_LINK") + r"\s+)?(?P<pod>" + _POD + r")"), _h_part_of_day),
]
# fmt: on

# Bare period words read as the current period after "fine", "inizio", "the end of".
_BARE_PERIODS = frozenset(words("DATE_BARE_PERIODS"))


def _apply_rules(s: str, ctx: _Ctx) -> DateValue | None:
    for pattern, handler in _RULES:
        if (m := pattern.fullmatch(s)) is not None and (out := handler(m, ctx)) is not None:
            return out
    if (out := _time_rule(s, ctx)) is not None:
        return out
    parts = _abs_parts(s, ctx)
    return _format_parts(parts, ctx) if parts else None


_REWRITES: dict[str, str] = merged("DATE_REWRITES")


def _parse_with_mod(s: str, ctx: _Ctx) -> tuple[DateValue | None, Mod | None]:
    """Try the rules; if none applies, drop one leading modifier/function word and retry."""
    mod: Mod | None = None
    if m := _RE_SUFFIX.fullmatch(s):
        s, mod = m.group("rest"), _SUFFIXES[m.group("s")]
    for _ in range(8):
        s = _REWRITES.get(s, s)  # "year-end" is "the end of the year"
        if (out := _apply_rules(s, ctx)) is not None:
            return out, mod
        if mod in ("START", "MID", "END") and s in _BARE_PERIODS:
            return _rel_value(CAL_UNITS[s], 0, ctx), mod  # "fine anno", "inizio mese"
        m = _RE_PREFIX.fullmatch(s) or _RE_PREFIX_A.fullmatch(s)
        if m is None:
            break
        prefix = m.groupdict().get("p")
        if prefix in _APPROX_BEFORE_NUMBER and not re.match(_NUM, m.group("rest")):
            break  # "some years" is a fuzzy quantity, not "approximately"
        mod = mod or (PREFIX_MODS[prefix] if prefix else None)
        s = m.group("rest").strip()
    return None, mod


def _parse(s: str, ctx: _Ctx) -> DateValue | None:
    return _parse_with_mod(s, ctx)[0]
