"""Tests for llmclaims.dates.normalize_date (TIMEX3 normalization, EN and IT)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from llmclaims.dates import DateValue, is_timex3_value, normalize_date

PUB = "2024-01-05"  # a Friday, ISO week 2024-W01
REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def value(expression: str, published: str | dt.date | None = PUB, lang: str | None = None):
    return normalize_date(expression, published, lang).value


def check(cases: list[tuple[str, str | None]], published: str | None = PUB, lang=None) -> None:
    got = {expr: value(expr, published, lang) for expr, _ in cases}
    assert got == dict(cases)


# --------------------------------------------------------------------------------------
# The reference Italian article's hard spots
# --------------------------------------------------------------------------------------


def test_range_across_year_boundary_it() -> None:
    r = normalize_date("tra il 30 dicembre e il 2 gennaio", published="2024-01-05")
    assert r.value == "2023-12-30/2024-01-02"
    assert (r.type, r.granularity, r.anchored) == ("DATE", "range", True)
    assert value("Tra il 30 dicembre e il 2 gennaio", None) == "XXXX-12-30/XXXX-01-02"


def test_lo_scorso_novembre() -> None:
    r = normalize_date("lo scorso novembre", published="2024-01-05")
    assert (r.value, r.granularity, r.anchored) == ("2023-11", "month", True)
    r = normalize_date("lo scorso novembre")
    assert (r.value, r.granularity, r.anchored) == ("XXXX-11", "month", False)


def test_gia_da_settimane_is_an_unspecified_number_of_weeks() -> None:
    for published in (PUB, None):
        r = normalize_date("già da settimane", published, "it")
        assert (r.value, r.type, r.granularity, r.anchored) == (
            "PXW",
            "DURATION",
            "duration",
            False,
        )


def test_other_expressions_of_the_reference_article() -> None:
    check([
        ("nel corso degli ultimi due anni", "P2Y"),
        ("da qui ai prossimi mesi", "PXM"),
        ("tra la fine di dicembre e l'inizio di gennaio", "2023-12/2024-01"),
    ])  # fmt: skip


# --------------------------------------------------------------------------------------
# Absolute dates
# --------------------------------------------------------------------------------------


def test_absolute_dates_en() -> None:
    check([
        ("January 4, 2024", "2024-01-04"), ("Jan. 4, 2024", "2024-01-04"),
        ("4 January 2024", "2024-01-04"), ("the 4th of January, 2024", "2024-01-04"),
        ("Monday, March 3, 2008", "2008-03-03"), ("on March 12 2009", "2009-03-12"),
        ("2024-01-04", "2024-01-04"), ("2024/01/04", "2024-01-04"),
        ("March 2013", "2013-03"), ("March of 2013", "2013-03"), ("in 2013", "2013"),
        ("the year 2009", "2009"), ("since 1998", "1998"), ("Sept. 11, 2001", "2001-09-11"),
    ], lang="en")  # fmt: skip


def test_absolute_dates_it() -> None:
    check([
        ("4 gennaio 2024", "2024-01-04"), ("lunedì 4 gennaio 2024", "2024-01-04"),
        ("il 4 gennaio del 2024", "2024-01-04"), ("1° gennaio 2024", "2024-01-01"),
        ("marzo 2013", "2013-03"), ("nel marzo del 2013", "2013-03"), ("nel 2013", "2013"),
        ("dal 2009", "2009"), ("11 settembre 2001", "2001-09-11"), ("4/1/2024", "2024-01-04"),
    ], lang="it")  # fmt: skip


def test_numeric_date_order_follows_language() -> None:
    assert value("7/8/2007", None, "en") == "2007-07-08"
    assert value("7/8/2007", None, "it") == "2007-08-07"
    assert value("25/12/2023", None, "en") == "2023-12-25"  # 25 cannot be a month


def test_two_digit_years_need_a_reference() -> None:
    assert value("7/8/07", "2007-07-09", "en") == "2007-07-08"
    assert value("'82", "2008-10-27") == "1982"
    assert value("7/8/07", None, "en") == "XXXX-07-08"
    assert value("'82", None) is None


def test_invalid_calendar_dates_are_not_normalized() -> None:
    assert value("February 30, 2023") is None
    assert value("29 febbraio 2023") is None
    assert value("29 febbraio 2024") == "2024-02-29"


# --------------------------------------------------------------------------------------
# Dates without a year
# --------------------------------------------------------------------------------------


def test_day_month_without_year_takes_the_nearest_year() -> None:
    check([
        ("30 dicembre", "2023-12-30"), ("Dec. 30", "2023-12-30"), ("December 30th", "2023-12-30"),
        ("2 gennaio", "2024-01-02"), ("Jan. 2", "2024-01-02"), ("March 1", "2024-03-01"),
        ("August 24", "2023-08-24"),
    ])  # fmt: skip
    # near the end of a year, early January is next year's
    assert value("2 gennaio", "2023-12-28") == "2024-01-02"
    # a stated weekday picks the year
    assert value("Friday, January 6", "2023-06-15") == "2023-01-06"


def test_day_month_without_year_and_without_publication_date() -> None:
    check([("30 dicembre", "XXXX-12-30"), ("Dec. 30", "XXXX-12-30"), ("1° maggio", "XXXX-05-01")],
          published=None)  # fmt: skip


def test_month_without_year_prefers_this_year_then_last_year() -> None:
    assert value("November", "2024-01-05") == "2023-11"  # 10 months ahead -> last year
    assert value("ottobre", "2009-06-05") == "2009-10"  # 4 months ahead -> this year
    assert value("January", "2005-09-07") == "2005-01"  # 8 months back -> this year
    assert value("novembre", "2009-03-13") == "2008-11"
    assert value("novembre", None) == "XXXX-11"
    r = normalize_date("November", "2024-01-05")
    assert (r.granularity, r.anchored) == ("month", True)


# --------------------------------------------------------------------------------------
# Ranges
# --------------------------------------------------------------------------------------


def test_ranges() -> None:
    check([
        ("from Dec. 30 to Jan. 2", "2023-12-30/2024-01-02"),
        ("between December 30 and January 2", "2023-12-30/2024-01-02"),
        ("between 2014 and 2016", "2014/2016"), ("from 2009 to 2011", "2009/2011"),
        ("dal 2009 al 2011", "2009/2011"), ("2009-2011", "2009/2011"), ("1990-91", "1990/1991"),
        ("dal 3 al 5 marzo 2024", "2024-03-03/2024-03-05"),
        ("3-5 marzo 2024", "2024-03-03/2024-03-05"), ("March 3-5, 2024", "2024-03-03/2024-03-05"),
        ("from March to May 2024", "2024-03/2024-05"),
        ("tra il 30 dicembre 2023 e il 2 gennaio 2024", "2023-12-30/2024-01-02"),
        ("between December 30, 2023 and January 2", "2023-12-30/2024-01-02"),
    ])  # fmt: skip
    assert normalize_date("2009-2011").granularity == "range"
    assert value("2008-05") == "2008-05"  # ISO month, not a range


# --------------------------------------------------------------------------------------
# Relative expressions
# --------------------------------------------------------------------------------------


def test_deictic_days() -> None:
    check([
        ("yesterday", "2024-01-04"), ("ieri", "2024-01-04"), ("today", "2024-01-05"),
        ("oggi", "2024-01-05"), ("tomorrow", "2024-01-06"), ("domani", "2024-01-06"),
        ("l'altro ieri", "2024-01-03"), ("dopodomani", "2024-01-07"),
        ("the day before yesterday", "2024-01-03"), ("ieri sera", "2024-01-04TEV"),
        ("stamattina", "2024-01-05TMO"), ("yesterday morning", "2024-01-04TMO"),
        ("tonight", "2024-01-05TNI"), ("last night", "2024-01-04TNI"),
    ])  # fmt: skip
    r = normalize_date("ieri sera", PUB)
    assert (r.type, r.granularity, r.anchored) == ("TIME", "time", True)


def test_units_ago_and_in_units() -> None:
    check([
        # weeks are counted in days (TimeML: "a week ago" names the day 7 days back)
        ("two weeks ago", "2023-12-22"), ("due settimane fa", "2023-12-22"),
        ("a week ago", "2023-12-29"), ("two weeks earlier", "2023-12-22"),
        ("tre giorni fa", "2024-01-02"), ("three days ago", "2024-01-02"),
        ("a year ago", "2023"), ("un anno fa", "2023"), ("six months ago", "2023-07"),
        ("a decade ago", "2014"), ("in two weeks", "2024-01-19"),
        ("tra due settimane", "2024-01-19"), ("fra tre mesi", "2024-04"),
        ("a year earlier", "2023"), ("years ago", "PAST_REF"), ("anni fa", "PAST_REF"),
    ])  # fmt: skip


def test_anaphoric_offsets_are_not_guessed() -> None:
    for expr in ("three days later", "due anni dopo", "the next day", "il giorno dopo"):
        r = normalize_date(expr, PUB)
        assert r.value is None, expr
    assert normalize_date("three days later", PUB).granularity == "day"


def test_this_last_next_units() -> None:
    check([
        ("next month", "2024-02"), ("il mese prossimo", "2024-02"), ("il prossimo mese", "2024-02"),
        ("last month", "2023-12"), ("il mese scorso", "2023-12"), ("this month", "2024-01"),
        ("last year", "2023"), ("l'anno scorso", "2023"), ("lo scorso anno", "2023"),
        ("l'anno passato", "2023"), ("this year", "2024"), ("quest'anno", "2024"),
        ("next year", "2025"), ("l'anno prossimo", "2025"), ("this week", "2024-W01"),
        ("questa settimana", "2024-W01"), ("last week", "2023-W52"),
        ("la settimana scorsa", "2023-W52"), ("next week", "2024-W02"),
        ("la prossima settimana", "2024-W02"), ("this weekend", "2024-W01-WE"),
        ("lo scorso fine settimana", "2023-W52-WE"), ("the last quarter", "2023-Q4"),
        ("this quarter", "2024-Q1"), ("the previous year", "2023"),
        ("l'anno precedente", "2023"), ("the following year", "2025"),
        ("earlier this month", "2024-01"), ("later this year", "2024"),
        ("the end of the year", "2024"), ("entro fine anno", "2024"),
        ("this decade", "202"), ("last century", "19"),
    ])  # fmt: skip


def test_the_past_unit_is_a_duration_but_last_unit_is_a_date() -> None:
    assert value("the past year") == "P1Y"
    assert value("the past decade") == "P10Y"
    assert value("last year") == "2023"
    assert value("the last year") == "2023"


def test_qualified_month_weekday_season() -> None:
    check([
        ("last November", "2023-11"), ("novembre scorso", "2023-11"),
        ("lo scorso novembre", "2023-11"), ("next November", "2024-11"),
        ("il prossimo novembre", "2024-11"), ("last January", "2023-01"),
        ("next January", "2025-01"), ("last Friday", "2023-12-29"),
        ("venerdì scorso", "2023-12-29"), ("next Friday", "2024-01-12"),
        ("venerdì prossimo", "2024-01-12"), ("this Monday", "2024-01-01"),
        ("last summer", "2023-SU"), ("l'estate scorsa", "2023-SU"), ("next summer", "2024-SU"),
        ("last winter", "2022-WI"), ("this winter", "2023-WI"),
    ])  # fmt: skip
    check([("last November", "XXXX-11"), ("venerdì scorso", "XXXX-WXX-5"),
           ("l'estate scorsa", "XXXX-SU")], published=None)  # fmt: skip


def test_bare_weekday_is_the_nearest_one() -> None:
    # published on Friday 2024-01-05: Mon..Thu of the same week are at most 4 days back,
    # Sat/Sun 1-2 days ahead; the nearest wins, within three days.
    check([
        ("Friday", "2024-01-05"), ("venerdì", "2024-01-05"), ("Thursday", "2024-01-04"),
        ("giovedì", "2024-01-04"), ("Tuesday", "2024-01-02"), ("martedì", "2024-01-02"),
        ("Saturday", "2024-01-06"), ("sabato", "2024-01-06"), ("Sunday", "2024-01-07"),
        ("domenica", "2024-01-07"), ("Monday", "2024-01-08"), ("lunedì", "2024-01-08"),
        ("on Wednesday", "2024-01-03"), ("Friday morning", "2024-01-05TMO"),
        ("venerdì sera", "2024-01-05TEV"), ("Thursday's", "2024-01-04"),
    ])  # fmt: skip
    assert value("Friday", None) == "XXXX-WXX-5"
    assert value("Tuesday", "2006-05-29") == "2006-05-30"  # Monday -> tomorrow


# --------------------------------------------------------------------------------------
# Durations, vague references, sets
# --------------------------------------------------------------------------------------


def test_durations() -> None:
    check([
        ("two years", "P2Y"), ("due anni", "P2Y"), ("a decade", "P10Y"), ("un decennio", "P10Y"),
        ("three days", "P3D"), ("tre giorni", "P3D"), ("5 hours", "PT5H"), ("cinque ore", "PT5H"),
        ("thirty minutes", "PT30M"), ("half an hour", "PT30M"), ("mezz'ora", "PT30M"),
        ("un'ora", "PT1H"), ("18 months", "P18M"), ("a year and a half", "P1.5Y"),
        ("un anno e mezzo", "P1.5Y"), ("almost two and a half years", "P2.5Y"),
        ("several weeks", "PXW"), ("diverse settimane", "PXW"), ("alcuni giorni", "PXD"),
        ("a few years", "PXY"), ("years", "PXY"), ("settimane", "PXW"), ("decades", "PXDE"),
        ("da settimane", "PXW"), ("da tre anni", "P3Y"), ("per due anni", "P2Y"),
        ("for two years", "P2Y"), ("the past three years", "P3Y"),
        ("gli ultimi tre anni", "P3Y"), ("negli ultimi anni", "PXY"),
        ("i prossimi mesi", "PXM"), ("the next six months", "P6M"), ("recent years", "PXY"),
        ("over the years", "PXY"), ("fifty-year", "P50Y"), ("12-hour", "PT12H"),
        ("41-year history", "P41Y"), ("a 20 year", "P20Y"), ("six straight days", "P6D"),
        ("two consecutive quarters", "P2Q"), ("tre anni consecutivi", "P3Y"),
        ("two centuries", "P200Y"), ("the first six months of the year", "P6M"),
        ("an unusually turbulent day", "P1D"), ("a fortnight", "P2W"),
    ])  # fmt: skip
    r = normalize_date("two years")
    assert (r.type, r.granularity, r.anchored) == ("DURATION", "duration", False)


def test_modifiers() -> None:
    cases = {
        "nearly five months": ("P5M", "LESS_THAN"), "quasi cinque mesi": ("P5M", "LESS_THAN"),
        "more than a decade": ("P10Y", "MORE_THAN"), "più di dieci anni": ("P10Y", "MORE_THAN"),
        "about two years": ("P2Y", "APPROX"), "circa due anni": ("P2Y", "APPROX"),
        "tre anni circa": ("P3Y", "APPROX"), "early 2009": ("2009", "START"),
        "all'inizio del 2009": ("2009", "START"), "late 2006": ("2006", "END"),
        "alla fine del 2023": ("2023", "END"), "mid-2011": ("2011", "MID"),
        "metà 2011": ("2011", "MID"), "early June": ("2024-06", "START"),
        "fine dicembre": ("2023-12", "END"), "the end of this year": ("2024", "END"),
    }  # fmt: skip
    got = {e: (normalize_date(e, PUB).value, normalize_date(e, PUB).mod) for e in cases}
    assert got == cases


def test_vague_references() -> None:
    check([
        ("recently", "PAST_REF"), ("di recente", "PAST_REF"), ("recentemente", "PAST_REF"),
        ("in passato", "PAST_REF"), ("the past", "PAST_REF"), ("more recently", "PAST_REF"),
        ("in recent U.S. history", "PAST_REF"), ("now", "PRESENT_REF"), ("ora", "PRESENT_REF"),
        ("adesso", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("attualmente", "PRESENT_REF"),
        ("al momento", "PRESENT_REF"), ("for the time being", "PRESENT_REF"),
        ("in the future", "FUTURE_REF"), ("in futuro", "FUTURE_REF"), ("soon", "FUTURE_REF"),
        ("presto", "FUTURE_REF"), ("a breve", "FUTURE_REF"), ("later", "FUTURE_REF"),
        ("the long term", "FUTURE_REF"),
    ])  # fmt: skip
    r = normalize_date("recently")
    assert (r.type, r.granularity, r.anchored) == ("DATE", "vague", False)


def test_sets() -> None:
    check([
        ("every year", "P1Y"), ("ogni anno", "P1Y"), ("annually", "P1Y"), ("annuale", "P1Y"),
        ("each week", "P1W"), ("weekly", "P1W"), ("settimanale", "P1W"), ("daily", "P1D"),
        ("ogni giorno", "P1D"), ("every two years", "P2Y"), ("every other week", "P2W"),
        ("twice a week", "P1W"), ("due volte a settimana", "P1W"), ("monthly", "P1M"),
        ("every Monday", "XXXX-WXX-1"), ("ogni lunedì", "XXXX-WXX-1"), ("Mondays", "XXXX-WXX-1"),
        ("every morning", "XXXX-XX-XXTMO"),
    ])  # fmt: skip
    r = normalize_date("ogni lunedì")
    assert (r.type, r.granularity) == ("SET", "set")


# --------------------------------------------------------------------------------------
# Weeks, quarters, seasons, decades, centuries, fiscal years, holidays, times
# --------------------------------------------------------------------------------------


def test_quarters_halves_weeks() -> None:
    check([
        ("the first quarter of 2013", "2013-Q1"), ("il primo trimestre del 2013", "2013-Q1"),
        ("Q1 2013", "2013-Q1"), ("3Q09", "2009-Q3"), ("the third quarter", "2023-Q3"),
        ("il terzo trimestre", "2023-Q3"), ("the first quarter", "2024-Q1"),
        ("third-quarter", "2023-Q3"), ("the fourth quarter of last year", "2023-Q4"),
        ("the final quarter of 2009", "2009-Q4"), ("the first half of 2013", "2013-H1"),
        ("il secondo semestre del 2023", "2023-H2"), ("H2 2023", "2023-H2"),
        ("the last week of March 2009", "2009-W13"), ("l'ultima settimana di marzo", "2024-W13"),
        ("the first week of January", "2024-W01"), ("the week of March 3, 2024", "2024-W09"),
    ])  # fmt: skip
    assert value("the fourth quarter", "2007-03-13") == "2006-Q4"
    assert value("the third quarter", None) == "XXXX-Q3"
    assert value("the fourth quarter of last year", None) is None


def test_seasons() -> None:
    check([
        ("summer 2013", "2013-SU"), ("the summer of 2013", "2013-SU"),
        ("l'estate del 2013", "2013-SU"), ("estate 2013", "2013-SU"), ("autumn", "2023-FA"),
        ("in autunno", "2023-FA"), ("spring", "2024-SP"), ("primavera", "2024-SP"),
        ("winter", "2023-WI"), ("inverno", "2023-WI"), ("this summer", "2024-SU"),
    ])  # fmt: skip
    assert value("spring", None) == "XXXX-SP"
    assert value("l'inverno 2013", None) == "2013-WI"


def test_decades_and_centuries() -> None:
    check([
        ("the 1990s", "199"), ("the '90s", "199"), ("the 90s", "199"), ("the nineties", "199"),
        ("gli anni '90", "199"), ("gli anni novanta", "199"), ("gli anni Novanta", "199"),
        ("the early 1980s", "198"), ("the 2000s", "200"), ("the 20th century", "19"),
        ("the twentieth century", "19"), ("il XX secolo", "19"), ("il ventesimo secolo", "19"),
        ("il Novecento", "19"), ("the 21st century", "20"), ("l'Ottocento", "18"),
    ])  # fmt: skip
    assert value("the '90s", None) is None  # the century is not stated
    assert value("the 1990s", None) == "199"
    assert normalize_date("the 1990s").granularity == "decade"


def test_fiscal_years_and_holidays() -> None:
    check([
        ("fiscal 2009", "FY2009"), ("FY2009", "FY2009"), ("fiscal year 2009", "FY2009"),
        ("l'anno fiscale 2009", "FY2009"), ("the financial year", "FY2024"),
        ("Christmas", "2023-12-25"), ("Natale", "2023-12-25"), ("Natale 2022", "2022-12-25"),
        ("Capodanno", "2024-01-01"), ("Ferragosto", "2023-08-15"), ("Easter", "2024-03-31"),
        ("Pasqua 2023", "2023-04-09"), ("Thanksgiving", "2023-11-23"),
    ])  # fmt: skip
    assert value("Natale", None) == "XXXX-12-25"
    assert value("Easter", None) is None


def test_times() -> None:
    check([
        ("18:00 UTC", "2024-01-05T18:00Z"), ("0800 UTC", "2024-01-05T08:00Z"),
        ("10 a.m.", "2024-01-05T10:00"), ("3 p.m. EST", "2024-01-05T15:00-05"),
        ("6:40 p.m. (GMT +8)", "2024-01-05T18:40+08"), ("noon", "2024-01-05T12:00"),
        ("alle 15", "2024-01-05T15:00"), ("alle 15:30", "2024-01-05T15:30"),
        ("mezzanotte", "2024-01-05T00:00"), ("ieri alle 15", "2024-01-04T15:00"),
        ("yesterday at 3 pm", "2024-01-04T15:00"), ("12:00 UTC Monday", "2024-01-08T12:00Z"),
        ("16:00 UTC today", "2024-01-05T16:00Z"), ("lunedì alle 9", "2024-01-08T09:00"),
        ("March 3, 2024 at 10:30", "2024-03-03T10:30"), ("the morning of March 3", "2024-03-03TMO"),
        ("la sera del 4 gennaio", "2024-01-04TEV"), ("this morning", "2024-01-05TMO"),
    ])  # fmt: skip
    r = normalize_date("18:00 UTC", PUB)
    assert (r.type, r.granularity, r.anchored) == ("TIME", "time", True)
    assert value("18:00 UTC", None) == "XXXX-XX-XXT18:00Z"
    assert value("yesterday at 3 pm", None) is None


def test_news_reporting_day() -> None:
    assert value("the day") == PUB
    assert value("the third straight day") == PUB
    assert value("late in the day") == PUB
    assert value("the day", None) is None


# --------------------------------------------------------------------------------------
# The no-invented-year rule and other contracts
# --------------------------------------------------------------------------------------

RELATIVE_EXPRESSIONS = [
    "lo scorso novembre", "last November", "novembre", "November", "30 dicembre", "Dec. 30",
    "tra il 30 dicembre e il 2 gennaio", "from Dec. 30 to Jan. 2", "yesterday", "ieri",
    "today", "oggi", "domani", "tomorrow", "two weeks ago", "due settimane fa", "next month",
    "il mese prossimo", "l'anno scorso", "last year", "this week", "questa settimana",
    "Friday", "venerdì", "last Friday", "venerdì scorso", "Friday morning", "two years ago",
    "in three months", "tra tre mesi", "the fourth quarter", "the third quarter of last year",
    "last summer", "l'estate", "winter", "the '90s", "gli anni '90", "the nineties", "'82",
    "7/8/07", "9/11", "the day", "this weekend", "the weekend", "the previous year",
    "the end of the year", "fine anno", "early June", "a year earlier", "a decade ago",
    "Christmas", "Easter", "Natale", "18:00 UTC", "ieri alle 15", "12:00 UTC Monday",
    "the last week of March", "the week of March 3", "this decade", "this century",
    "the financial year", "fiscal '09", "3Q09", "the 15th", "12 mars", "hier",
    "la semaine dernière", "from Monday to Friday", "dal 3 al 5 marzo", "the year",
    "earlier this month", "later this year", "this morning", "tonight", "stasera",
]  # fmt: skip


@pytest.mark.parametrize("lang", [None, "en", "it", "fr"])
def test_no_invented_year_without_publication_date(lang: str | None) -> None:
    for expr in [*RELATIVE_EXPRESSIONS, "March 2013", "2009-2011", "summer 2013", "FY2009"]:
        r = normalize_date(expr, None, lang)
        for year in re.findall(r"\d{4}", r.value or ""):
            assert year in expr, (expr, r.value)
        assert not r.anchored, expr


def test_relative_expressions_are_anchored_with_publication_date() -> None:
    for expr in ("lo scorso novembre", "yesterday", "30 dicembre", "Friday", "next month"):
        r = normalize_date(expr, PUB)
        assert r.anchored and r.value and r.value.startswith(("2023", "2024")), expr
    assert not normalize_date("4 gennaio 2024", PUB).anchored


def test_deictics_without_publication_date_keep_their_granularity() -> None:
    for expr, gran in (("yesterday", "day"), ("ieri", "day"), ("last week", "week"),
                       ("next month", "month"), ("l'anno scorso", "year")):  # fmt: skip
        r = normalize_date(expr)
        assert (r.value, r.granularity) == (None, gran), expr


def test_published_forms() -> None:
    expected = "2023-11"
    assert value("last November", dt.date(2024, 1, 5)) == expected
    assert value("last November", dt.datetime(2024, 1, 5, 23, 59)) == expected
    assert value("last November", "2024-01-05T10:00:00Z") == expected
    assert value("last November", "2024-01-05T10:00:00+01:00") == expected


@pytest.mark.parametrize("bad", ["yesterday", "05/01/2024", "2024-13-01", "2024-02-30", "", "x"])
def test_invalid_published_raises_value_error(bad: str) -> None:
    with pytest.raises(ValueError):
        normalize_date("ieri", published=bad)


def test_invalid_argument_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        normalize_date("ieri", published=20240105)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize_date(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("expr", ["", "   ", "the Joint Strike Fighter program", "which", "60",
                                  "blah 12 blah", "tra due e tre", "??", "every"])  # fmt: skip
def test_unrecognized_text_returns_none(expr: str) -> None:
    r = normalize_date(expr, PUB)
    assert r.value is None
    assert r.expression == expr


def test_date_value_is_frozen_and_keeps_the_expression() -> None:
    r = normalize_date("  Dec. 30 ", PUB)
    assert isinstance(r, DateValue)
    assert r.expression == "  Dec. 30 "
    with pytest.raises(ValidationError):
        r.value = "x"  # type: ignore[misc]


def test_lang_codes_are_normalized() -> None:
    assert value("7/8/2007", None, "en-US") == "2007-07-08"
    assert value("7/8/2007", None, "IT") == "2007-08-07"


def test_dateparser_fallback_keeps_only_stated_parts() -> None:
    assert value("3. März 2020", None, "de") == "2020-03-03"
    assert value("12 mars", None, "fr") == "XXXX-03-12"
    assert value("12 mars", PUB, "fr") == "2024-03-12"
    assert value("hier", PUB, "fr") == "2024-01-04"
    assert value("hier", None, "fr") is None


# --------------------------------------------------------------------------------------
# Benchmark loaders
# --------------------------------------------------------------------------------------


def _load_benchmark():
    path = REPO / "benchmarks" / "timex_normalization.py"
    spec = importlib.util.spec_from_file_location("timex_normalization", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_benchmark_loaders_parse_one_file_of_each_corpus() -> None:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    bench = _load_benchmark()

    meantime = SHARED_DATA / "meantime_en" / "intra-doc_annotation" / "corpus_airbus"
    gold, implicit = bench.load_meantime(
        meantime / "100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing.xml"
    )
    by_id = {g.tid: g for g in gold}
    assert (by_id["36"].text, by_id["36"].type, by_id["36"].value) == (
        "fifty-year",
        "DURATION",
        "P50Y",
    )
    assert (by_id["35"].text, by_id["35"].value) == ("a year", "P1Y")
    assert {g.dct for g in gold} == {"2008-03-01"}
    assert "34" not in by_id  # the DCT itself is not evaluated
    assert implicit == 1  # TIMEX3 m_id 63 has no tokens
    # a file without a CREATION_TIME attribute: the dateline is the DCT
    gold, _ = bench.load_meantime(
        meantime / "78496_Airbus_A380_test_flight_delayed_after_accident.xml"
    )
    assert {g.dct for g in gold} == {"2007-09-01"}
    assert bench.join_tokens(["6:40", "p.m.", "(", "GMT", "+8", ")"]) == "6:40 p.m. (GMT +8)"
    assert bench.join_tokens(["mid", "-", "2011"]) == "mid-2011"
    assert bench.join_tokens(["July", "24", ",", "2003"]) == "July 24, 2003"

    tml = SHARED_DATA / "tempeval3_platinum" / "AP_20130322.tml"
    gold = bench.load_tempeval(tml)
    first = next(g for g in gold if g.tid == "t1")
    assert (first.type, first.value, first.dct) == ("DURATION", "P1M", "2013-03-22")
    raw = re.search(r'<TIMEX3 tid="t1"[^>]*>(.*?)</TIMEX3>', tml.read_text(), re.S)
    assert raw is not None and first.text == " ".join(raw.group(1).split())
    assert all(g.tid != "t0" for g in gold)  # the DCT itself is not evaluated
    assert bench.dct_date("03-02-2009") == "2009-02-03"


# --------------------------------------------------------------------------------------
# is_timex3_value
# --------------------------------------------------------------------------------------

VALID_TIMEX3 = [
    "2024", "2024-01", "2024-01-05", "XXXX-12-30", "2011-06-XX", "19XX", "XXXX", "XXXX-XX-XX",
    "FY2009", "FY2009-Q1", "2024-W01", "2024-W01-5", "2024-W01-WE", "XXXX-WXX-5", "2013-Q1",
    "2013-H2", "2013-SU", "2013-WI", "199", "19", "2024-02-29", "XXXX-02-29",
    "2024-01-05T18:00", "2024-01-05T18:00Z", "2007-10-17T18:40+08", "2024-01-05T10:00:00.5-05:00",
    "2024-01-05TMO", "XXXX-XX-XXTMO", "2024-W01-5TNI", "T18:00", "2024-01-05T24:00",
    "P2Y", "P1Y6M", "P3W", "PT5H30M", "P2.5Y", "PXW", "PTXH", "P1DE", "PXDE", "P1CE", "P1ML",
    "P1Q", "P1WE", "P10Y", "PT30M", "P1DT12H",
    "PAST_REF", "PRESENT_REF", "FUTURE_REF",
    "2023-12-30/2024-01-02", "2009/2011", "XXXX-12-30/XXXX-01-02",
    "2024-01-05T09:00/2024-01-05T17:00",
]  # fmt: skip
INVALID_TIMEX3 = [
    "", " 2024", "2024 ", "P", "PT", "PY5", "PM6", "P1Y2", "PT1HM", "p2y", "2024-1-5",
    "last year", "2023-02-29", "XXXX-02-30", "2024-01-32", "2024-13", "2024-00", "2024-W54",
    "2024-W00", "2024-Q5", "2024-H3", "2024-01T18:00", "2024T18:00", "2024-01-05T25:00",
    "2024-01-05T18:60", "1", "12345", "2024/", "/2024", "P2Y/2024", "PAST_REF/2024",
    "2024/2025/2026", "present_ref", "NOW", "2024-01-05 18:00",
]  # fmt: skip


@pytest.mark.parametrize("v", VALID_TIMEX3)
def test_is_timex3_value_accepts(v: str) -> None:
    assert is_timex3_value(v)


@pytest.mark.parametrize("v", INVALID_TIMEX3)
def test_is_timex3_value_rejects(v: str) -> None:
    assert not is_timex3_value(v)


def test_is_timex3_value_rejects_non_strings() -> None:
    for v in (None, 2024, b"2024", ["2024"]):
        assert not is_timex3_value(v)  # type: ignore[arg-type]


def test_every_value_normalize_date_writes_is_valid_timex3() -> None:
    extra = ["Dec. 30", "the third quarter of 2009", "two and a half years", "6:40 p.m. (GMT +8)",
             "every Monday", "the 1990s", "il Novecento", "FY09", "Friday morning", "recently",
             "gli anni '90", "tra il 30 dicembre e il 2 gennaio", "already for weeks"]  # fmt: skip
    for published in (PUB, None):
        for expr in [*RELATIVE_EXPRESSIONS, *extra]:
            v = normalize_date(expr, published).value
            assert v is None or is_timex3_value(v), (expr, published, v)


# --------------------------------------------------------------------------------------
# Context: tense of the governing verb
# --------------------------------------------------------------------------------------

WED = "2024-01-10"  # a Wednesday


def ctx_value(expression: str, context: str | None, published: str | None = WED, **kw):
    return normalize_date(expression, published, context=context, **kw).value


@pytest.mark.parametrize(
    ("expression", "context", "expected"),
    [
        # past: the latest such day on or before publication; future: the first on or after
        ("Friday", "The company said on Friday that profits fell.", "2024-01-05"),
        ("Friday", "Shares rose 3% on Friday.", "2024-01-05"),
        ("Friday", "The company will report results on Friday.", "2024-01-12"),
        ("Friday", "Talks are expected to resume on Friday.", "2024-01-12"),
        ("Friday", "The board plans to vote on Friday.", "2024-01-12"),
        ("Wednesday", "He resigned on Wednesday.", "2024-01-10"),
        ("Tuesday", "Boeing on Tuesday delivered the final 717 jet.", "2024-01-09"),
        ("Monday", "The plant will reopen on Monday.", "2024-01-15"),
        # no tense cue (present tense, headline style): the nearest one, as without context
        ("Friday", "Markets open on Friday.", "2024-01-12"),
        ("Friday", "", "2024-01-12"),
        # months, seasons, quarters
        ("November", "The plant will close in November.", "2024-11"),
        ("November", "The plant closed in November.", "2023-11"),
        ("January", "Sales rose in January.", "2024-01"),
        ("the summer", "Sales slumped in the summer.", "2023-SU"),
        ("the summer", "Sales should recover in the summer.", "2024-SU"),
        ("the fourth quarter", "Profit will rise in the fourth quarter.", "2024-Q4"),
        ("the fourth quarter", "Profit rose in the fourth quarter.", "2023-Q4"),
        ("winter", "The price of gas will rise this winter.", "2023-WI"),  # the current one
        # days of a month, compared by month
        ("March 3", "He was arrested on March 3.", "2023-03-03"),
        ("March 3", "The hearing has been scheduled for March 3.", "2024-03-03"),
        ("January 12", "Apple announced an event to be held on January 12.", "2024-01-12"),
        ("Dec. 30", "The deal will close on Dec. 30.", "2024-12-30"),
        ("Dec. 30", "The deal closed on Dec. 30.", "2023-12-30"),
        # a verb in another clause does not govern the expression
        ("the fourth quarter", "Ford has announced cuts, resulting in closures during the "
         "fourth quarter.", "2023-Q4"),
    ],
)  # fmt: skip
def test_tense_chooses_past_or_future_en(expression: str, context: str, expected: str) -> None:
    assert ctx_value(expression, context) == expected


@pytest.mark.parametrize(
    ("expression", "context", "expected"),
    [
        ("venerdì", "L'azienda ha annunciato venerdì i risultati.", "2024-01-05"),
        ("venerdì", "Il governo presenterà venerdì il piano.", "2024-01-12"),
        ("venerdì", "Il vertice è previsto per venerdì.", "2024-01-12"),
        ("venerdì", "Secondo il Washington Post, Kirby avrebbe incontrato i leader venerdì.",
         "2024-01-05"),
        ("Venerdì", "Venerdì il presidente firmò il decreto.", "2024-01-05"),
        ("venerdì", "I ministri si riunivano anche venerdì.", "2024-01-05"),
        ("venerdì", "La delegazione dovrebbe arrivare venerdì.", "2024-01-12"),
        ("novembre", "Lo stabilimento chiuderà a novembre.", "2024-11"),
        ("novembre", "Lo stabilimento ha chiuso a novembre.", "2023-11"),
        ("novembre", "Gli operai sono tornati al lavoro a novembre.", "2023-11"),
        ("estate", "I lavori inizieranno in estate.", "2024-SU"),
        ("estate", "I lavori sono iniziati in estate.", "2023-SU"),
        ("3 marzo", "L'udienza si terrà il 3 marzo.", "2024-03-03"),
        ("3 marzo", "È stato arrestato il 3 marzo.", "2023-03-03"),
        ("venerdì", "I mercati aprono venerdì.", "2024-01-12"),  # present: no cue
    ],
)  # fmt: skip
def test_tense_chooses_past_or_future_it(expression: str, context: str, expected: str) -> None:
    assert ctx_value(expression, context) == expected


def test_context_needs_no_exact_match_and_keeps_isolated_results_otherwise() -> None:
    # expression not found verbatim: the whole sentence is searched
    assert ctx_value("friday", "Shares ROSE sharply on  Friday.") == "2024-01-05"
    assert ctx_value("Friday", "Nothing to see here.") == value("Friday", WED)
    # expressions that do not depend on tense are unchanged by any context
    for expr in ("yesterday", "last week", "next month", "2023", "January 4, 2024"):
        for sentence in ("It happened then.", "It will happen then.", "Accadde allora."):
            assert ctx_value(expr, sentence) == value(expr, WED), (expr, sentence)


def test_sentence_completes_a_bare_month_with_a_year_qualifier() -> None:
    sentence = "Dealerships whose franchises won't be renewed after October of next year."
    assert ctx_value("October", sentence, "2009-05-15") == "2010-10"
    assert ctx_value("October", "Sales rose in October, last year.", "2009-05-15") == "2008-10"
    assert value("November next year", "2009-05-15") == "2010-11"
    assert value("May last year", "2009-05-15") == "2008-05"
    assert value("l'estate dell'anno prossimo", "2009-05-15") == "2010-SU"
    assert value("November next year", None) == "XXXX-11"
    assert value("March 2013", PUB) == "2013-03"  # absolute dates are not affected


def test_streaks_end_with_the_current_period() -> None:
    assert ctx_value("the fourth straight week", None, "2009-04-04") == "2009-W14"
    assert ctx_value("a third consecutive month", None, "2009-04-04") == "2009-04"
    assert ctx_value("la terza seduta consecutiva", None, "2009-04-04") == "2009-04-04"
    headline = "US stocks log gains for fourth week in a row"
    assert ctx_value("fourth week", headline, "2009-04-04") == "2009-W14"
    assert ctx_value("fourth week", "It was the fourth week of the strike.", "2009-04-04") is None
    assert ctx_value("fourth week", None, "2009-04-04") is None


def test_the_week_is_the_current_week() -> None:
    assert value("the week", "2009-03-13") == "2009-W11"
    assert value("week", "2009-03-13") == "2009-W11"
    assert value("la settimana", "2009-03-13") == "2009-W11"


# --------------------------------------------------------------------------------------
# Context: reference time (narrative anchoring)
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "published", "reference", "expected", "without_reference"),
    [
        ("the same day", "2009-04-04", "2009-04-03", "2009-04-03", None),
        ("the same day", "2009-04-04", dt.date(2009, 4, 3), "2009-04-03", None),
        ("that day", "2009-04-04", "2009-04-03", "2009-04-03", None),
        ("its date", "2007-07-09", "2007-07-08", "2007-07-08", None),
        ("that time", "2011-05-29", "2011-06-10", "2011-06-10", None),
        ("at the time", "2011-05-29", "2011-06", "2011-06", None),
        ("lo stesso giorno", "2009-04-04", "2009-04-03", "2009-04-03", None),
        ("quel giorno", "2009-04-04", "2009-04-03", "2009-04-03", None),
        ("the next day", "2009-04-04", "2009-04-01", "2009-04-02", None),
        ("the following day", "2009-04-04", "2009-04-01", "2009-04-02", None),
        ("the day before", "2009-04-04", "2009-04-01", "2009-03-31", None),
        ("il giorno dopo", "2009-04-04", "2009-04-01", "2009-04-02", None),
        ("the following week", "2009-04-04", "2009-02-11", "2009-W08", "2009-W15"),
        ("the previous year", "2010-01-28", "2009", "2008", "2009"),
        ("the year previous", "2010-01-28", "2009", "2008", "2009"),
        ("l'anno precedente", "2010-01-28", "2009-06", "2008", "2009"),
        ("two days later", "2009-04-04", "2009-03-01", "2009-03-03", None),
        ("three days before", "2009-04-04", "2009-03-01", "2009-02-26", None),
        ("due anni dopo", "2009-04-04", "1990", "1992", None),
        ("a week later", "2009-04-04", "2009-03-01", "2009-03-08", None),
        ("a year earlier", "2009-02-03", "2009-01", "2008", "2008"),  # unit granularity
        ("a year earlier", "2010-01-28", "2005-Q4", "2004", "2009"),
        ("the same month a year ago", "2009-02-03", "2009-01", "2008-01", None),
        ("the same period last year", "2010-03-03", "2010-02", "2009-02", None),
        ("the same quarter a year earlier", "2009-10-16", "2009-Q3", "2008-Q3", None),
        ("the year-earlier quarter", "2009-10-16", "2009-Q3", "2008-Q3", None),
        ("lo stesso periodo dell'anno scorso", "2023-10-16", "2023-Q3", "2022-Q3", None),
        ("the same period of the last year", "2007-01-18", "FY2007", "FY2006", None),
        ("the same day a year ago", "2024-03-02", "2024-02-29", "2023-02-28", None),
        # "the day" of a market report, bare parts of the day and clock times
        ("the day", "2009-02-24", "2009-02-23", "2009-02-23", "2009-02-24"),
        ("late in the day", "2009-02-24", "2009-02-23", "2009-02-23", "2009-02-24"),
        ("morning", "2009-02-24", "2009-02-23", "2009-02-23TMO", "2009-02-24TMO"),
        ("18:00 UTC", "2009-12-16", "2009-12-15", "2009-12-15T18:00Z", "2009-12-16T18:00Z"),
        # deictic expressions stay relative to publication
        ("yesterday", "2009-04-04", "2008-01-01", "2009-04-03", "2009-04-03"),
        ("last week", "2009-04-04", "2008-01-01", "2009-W13", "2009-W13"),
        ("two days ago", "2009-04-04", "2008-01-01", "2009-04-02", "2009-04-02"),
        ("next month", "2009-04-04", "2008-01-01", "2009-05", "2009-05"),
        ("the third straight day", "2009-04-04", "2009-04-01", "2009-04-04", "2009-04-04"),
        # a reference coarser than the expression, or vague, cannot anchor it
        ("the next day", "2009-04-04", "2009", None, None),
        ("the same day", "2009-04-04", "2009-04", None, None),
        ("the day", "2009-04-04", "2009", "2009-04-04", "2009-04-04"),
        ("the same day", "2009-04-04", "PAST_REF", None, None),
        ("two days later", "2009-04-04", "2009-W10", None, None),
        ("two weeks later", "2009-04-04", "2009-W10", "2009-W12", None),
    ],
)  # fmt: skip
def test_reference_anchors_anaphoric_expressions(
    expression: str, published: str, reference, expected, without_reference
) -> None:
    r = normalize_date(expression, published, reference=reference)
    assert r.value == expected
    assert r.value is None or r.anchored
    assert value(expression, published) == without_reference


def test_reference_and_context_need_a_publication_date() -> None:
    assert normalize_date("the same day", None, reference="2009-04-03").value is None
    assert normalize_date("the next day", None, reference="2009-04-03").value is None
    assert normalize_date("Friday", None, context="It fell on Friday.").value == "XXXX-WXX-5"


@pytest.mark.parametrize("lang", [None, "en", "it"])
def test_no_invented_year_without_publication_date_even_with_context(lang) -> None:
    sentences = ["The plant closed last year and will reopen in 2030.",
                 "Lo stabilimento ha chiuso e riaprirà nel 2030.", "Friday, 2030."]  # fmt: skip
    for expr in [
        *RELATIVE_EXPRESSIONS,
        "the same day",
        "the next day",
        "the previous year",
        "two days later",
        "the same month a year ago",
        "November next year",
    ]:
        for sentence in sentences:
            r = normalize_date(expr, None, lang, context=sentence, reference="2030-06-15")
            for year in re.findall(r"\d{4}", r.value or ""):
                assert year in expr, (expr, sentence, r.value)
            assert not r.anchored, expr


def test_reference_and_context_argument_checks() -> None:
    with pytest.raises(ValueError):
        normalize_date("the same day", PUB, reference="last year")
    with pytest.raises(ValueError):
        normalize_date("the same day", PUB, reference="2024-13-01")
    with pytest.raises(TypeError):
        normalize_date("the same day", PUB, reference=20240105)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize_date("Friday", PUB, context=["Friday"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize_date("Friday", PUB, "en", "context")  # type: ignore[misc]  # keyword-only
    r = normalize_date("the same day", PUB, reference=dt.datetime(2024, 1, 3, 18, 0))
    assert r.value == "2024-01-03"
    r = normalize_date("the same day", PUB, reference="2024-01-03T18:00Z")
    assert r.value == "2024-01-03"
    r = normalize_date("the same day", PUB, reference="2009/2011")  # a range anchors nothing
    assert r.value is None


def test_benchmark_sentence_splitter() -> None:
    bench = _load_benchmark()
    text = "Mr. Smith met U.S. officials on Jan. 5 in Washington. Then he left!\n\nNew paragraph"
    assert [text[a:b].strip() for a, b in bench.sentence_spans(text)] == [
        "Mr. Smith met U.S. officials on Jan. 5 in Washington.",
        "Then he left!",
        "New paragraph",
    ]


_SYNTHETIC_TML = """<?xml version="1.0" ?>
<TimeML><DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2009-04-04" temporalFunction="false"
 functionInDocument="CREATION_TIME">April 4, 2009</TIMEX3></DCT>
<TEXT>Mr. Smith said the market fell on <TIMEX3 tid="t1" type="DATE" value="2009-04-03"
>Friday</TIMEX3>. A report came out <TIMEX3 tid="t2" type="DATE" value="2009-04-03"
>the same day</TIMEX3>.

Shares will rise <TIMEX3 tid="t3" type="DATE" value="2009-04-10">next Friday</TIMEX3></TEXT>
</TimeML>
"""


def test_benchmark_runs_isolated_sentence_and_pipeline(tmp_path: Path, capsys) -> None:
    import json

    bench = _load_benchmark()
    corpus = tmp_path / "tempeval3_platinum"
    corpus.mkdir()
    (corpus / "X.tml").write_text(_SYNTHETIC_TML, encoding="utf-8")
    gold = bench.load_tempeval(corpus / "X.tml")
    assert [g.sentence for g in gold] == [
        "Mr. Smith said the market fell on Friday.",
        "A report came out the same day.",
        "Shares will rise next Friday",
    ]
    isolated, _, _ = bench.evaluate("tempeval3_platinum", tmp_path, "isolated")
    sentence, errors, _ = bench.evaluate("tempeval3_platinum", tmp_path, "sentence")
    pipeline, _, _ = bench.evaluate("tempeval3_platinum", tmp_path, "pipeline")
    assert (isolated["DATE"]["n"], isolated["DATE"]["correct"]) == (3, 2)  # "the same day"
    assert (sentence["DATE"]["n"], sentence["DATE"]["correct"]) == (3, 2)  # needs a reference
    assert [e[2] for e in errors] == ["the same day"]
    assert (pipeline["DATE"]["n"], pipeline["DATE"]["correct"]) == (3, 3)
    with pytest.raises(ValueError, match="mode"):
        bench.evaluate("tempeval3_platinum", tmp_path, "in_context")
    bench.main(["--data-dir", str(tmp_path), "--corpus", "tempeval3_platinum", "--json"])
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["tempeval3_platinum"]["DATE"] == {"n": 3, "accuracy": 1.0}
    assert summary["isolated"]["tempeval3_platinum"]["DATE"] == {"n": 3, "accuracy": 0.6667}
    assert summary["sentence"]["tempeval3_platinum"]["DATE"] == {"n": 3, "accuracy": 0.6667}


def test_benchmark_meantime_sentences_in_text_order() -> None:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    bench = _load_benchmark()
    path = (SHARED_DATA / "meantime_en" / "intra-doc_annotation" / "corpus_airbus"
            / "100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing.xml")  # fmt: skip
    gold, _ = bench.load_meantime(path)
    assert all(g.text in g.sentence for g in gold)
    by_id = {g.tid: g for g in gold}
    assert "fifty-year" in by_id["36"].sentence
    positions = [next(i for i, g2 in enumerate(gold) if g2.tid == g.tid) for g in gold]
    assert positions == sorted(positions)
