"""The public entry point: normalize_date, its input coercion and its cache."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from ..errors import InputError
from ..published import parse_published
from .calendar import _Ctx
from .fallback import _RULE_LANGS, _dateparser_fallback
from .patterns import _RE_NUMBER_ONLY, _clean, _spell_years, _w, _w_sp
from .reference import _parse_reference
from .rules import _parse_with_mod
from .values import DateValue, _dv, is_timex3_value

# ======================================================================================
# Driver
# ======================================================================================


_RE_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def _coerce_published(published: _dt.date | str | None) -> _dt.date | None:
    if published is not None and not isinstance(published, (str, _dt.date)):
        raise TypeError(f"published must be a date, a date string or None, not {published!r}")
    if isinstance(published, str) and not published.strip():
        raise ValueError("published is an empty string: pass None when the date is unknown")
    try:
        return parse_published(published)
    except InputError as exc:
        raise ValueError(str(exc)) from None


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
        expression: the time expression as it appears in the text ("last November",
            "Dec. 30", "two weeks ago"). Leading prepositions and modifiers ("on", "nel",
            "early", "circa") may be included.
        published: publication date of the article, used to resolve relative and
            incomplete expressions: a ``date``/``datetime`` or an ISO 8601 string
            (``"2024-01-05"``, ``"2024-01-05T10:00:00Z"``; the time of day is ignored).
            Without it, nothing the expression does not state is filled in.
        lang: ISO 639-1 code ("en", "it", "es", "en-US", ...) or None. The rules of every
            registered language are always active; ``lang`` decides the order of numeric
            dates ("7/8/07" is July 8 for "en", 7 August otherwise), which language's tense
            cues read ``context`` (all of them when None), and the language dateparser uses.
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
    r"(?:"
    + _w_sp("OF")
    + r")?(?:"
    + _w("ARTICLES")
    + r"\s+)?"
    + _w("RIGHT_YEAR_PRE")
    + r"\s+"
    + _w("YEAR_WORD")
    + r"\b|"
    + _w_sp("OF")
    + _w("YEAR_WORD")
    + r"\s+"
    + _w("RIGHT_YEAR_POST")
    + r"\b"
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
    s = _spell_years(_clean(expression))
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
