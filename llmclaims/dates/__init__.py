"""Normalize time expressions from news text to TIMEX3 values.

:func:`normalize_date` turns the text of a time expression ("last November", "Dec. 30",
"two weeks ago", "the third quarter of 2009", "già da settimane") into a TIMEX3 ``value``
(ISO-TimeML conventions), anchored when needed to the article's publication date.

Design
------
* **Rules first, dateparser last.** Every language with a module in ``llmclaims.languages``
  (English, Italian, Spanish) is covered by regular expressions compiled once from that
  module's ``DATE_*`` word tables (months, weekdays, numbers, units, qualifiers, range and
  shift words, tense cues); no word of any language is written in this package.
  ``dateparser`` is consulted only when no rule matches and the expression contains a digit,
  or when ``lang`` is a language without a module: it is slow, and it silently fills in
  missing parts from its relative base.
* **Never invent what the text does not say.** The publication date is the only anchor; the
  machine's clock is never read. Without a publication date, a part the expression does not
  state stays unknown: "last November" gives ``XXXX-11``, "30 December" gives
  ``XXXX-12-30``, "yesterday" gives ``value=None`` with granularity ``"day"``. When
  dateparser is used it runs against two far-apart sentinel bases, and only the parts on
  which both runs agree (the parts the text states) are kept.
* **News conventions** for under-specified expressions, all relative to publication:

  - *Day and month without a year* ("Dec. 30", "30 December"): the occurrence nearest to
    the publication date, ties going to the past. "30 December" published 2024-01-05 is
    2023-12-30; "2 January" published 2023-12-28 is 2024-01-02.
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
    are found without a tagger (see ``_tense``); no cue means no change. The dated event's
    own clause decides: a present-tense verb there stops the search, so a reporting verb
    further back does not ("said it is calling for the redemption on Dec. 7" is the nearest
    Dec. 7); a temporal preposition right before the expression decides first ("since
    March" looks back, "until Friday" gives no direction); a period right after a
    determiner modifies a noun ("expects to report a third-quarter loss") and keeps the
    news default. Spelled-out years ("nineteen ninety-six", "duemilanove", "dos mil
    nueve") are read as digits.
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
  - In the pipeline the reference comes from :func:`document_references`: the last
    calendar date the normalizer found for a timeline expression earlier in the article.
* **Vague references**: "recently", "di recente", "in passato" → ``PAST_REF``; "now", "ora",
  "currently", "attualmente" → ``PRESENT_REF``; "in the future", "presto", "later" →
  ``FUTURE_REF``. "today"/"oggi" is the publication date, not ``PRESENT_REF``.
* **Durations** are ISO 8601 with TimeML units: ``P2Y``, ``P3D``, ``PT5H``, ``P1Q``; a known
  number of decades or centuries is written in years ("a decade" → ``P10Y``), an unknown
  number is ``X`` ("several weeks" → ``PXW``, "decades" → ``PXDE``). Italian "(già) da
  settimane" ("for weeks (already)") is such a duration: ``PXW``. Fractions below one are
  expressed in the next smaller unit ("half an hour" → ``PT30M``), others as decimals
  ("two and a half years" → ``P2.5Y``).
* **Ranges** ("between 30 December and 2 January", "from 2009 to 2011", "3-5 March") are
  written ``start/end``. A month or year stated on one side only is shared, and a yearless
  range is placed so that its end is nearest to publication and its start precedes its end.
* TimeML ``mod`` is filled from modifiers ("early 2009" → ``2009`` with ``mod="START"``,
  "nearly five months" → ``P5M`` with ``mod="LESS_THAN"``); the value is unchanged.
* Numeric dates are month-first for ``lang="en"`` ("7/8/07" is July 8) and day-first
  otherwise, unless one of the numbers exceeds 12. Two-digit years take the century that
  puts them nearest to publication ("'82" in 2008 is 1982) and stay unknown without one.
"""

from .anchoring import document_references
from .normalize import normalize_date
from .values import DateValue, Granularity, Mod, TimexType, is_timex3_value

__all__ = [
    "DateValue",
    "Granularity",
    "Mod",
    "TimexType",
    "document_references",
    "is_timex3_value",
    "normalize_date",
]
