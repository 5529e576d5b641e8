"""Rules that make dates generalize: the tense that decides is the dated event's own, and
spelled-out years are read. Every sentence here is written for its rule (none is copied
from an annotated corpus); each case states the value the rule changes."""

from __future__ import annotations

import pytest

from llmclaims.dates import normalize_date


def _with(sentence: str, expression: str, published: str, lang: str = "en") -> str | None:
    return normalize_date(expression, published, lang, context=sentence).value


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "expected", "reporting_tense_gives"),
    [
        # the event's verb is present ("is redeeming"): the reporting verb "said" does not
        # make it the March before publication; the nearest March it is
        ("The utility said it is redeeming the bonds on March 3.", "March 3", "2024-01-10",
         "2024-03-03", "2023-03-03"),
        ("El ministro dijo que la reunión es el jueves.", "el jueves", "2024-05-15",
         "2024-05-16", "2024-05-09"),
        # reported future ("would") and intentions reported in the past ("planned to")
        ("The company said it would close the plant in November.", "November", "2024-06-10",
         "2024-11", "2023-11"),
        ("The airline said it planned to open the route in October.", "October", "2024-11-20",
         "2025-10", "2024-10"),
    ],
)  # fmt: skip
def test_the_event_verb_decides_not_the_reporting_verb(
    sentence: str, expression: str, published: str, expected: str, reporting_tense_gives: str
) -> None:
    lang = "es" if "dijo" in sentence else "en"
    assert _with(sentence, expression, published, lang) == expected
    # what the reporting verb alone would give, to show the rule changes something
    reported = sentence.split(" said ")[0] + " said " if " said " in sentence else "Dijo "
    assert _with(reported + expression + ".", expression, published, lang) == reporting_tense_gives


def test_a_period_that_modifies_a_noun_is_the_reported_one() -> None:
    # "expects to post" is future, but "a fourth-quarter profit" is the quarter just ended
    sentence = "The retailer expects to post a fourth-quarter profit."
    assert _with(sentence, "fourth-quarter", "2024-01-20") == "2023-Q4"
    assert _with("The retailer expects to post profits in the fourth quarter.",
                 "the fourth quarter", "2024-01-20") == "2024-Q4"  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "expected", "lang"),
    [
        # "since" points back whatever the verb: the March before publication
        ("Exports are down since March.", "March", "2024-02-10", "2023-03", "en"),
        ("Las exportaciones caen desde marzo.", "marzo", "2024-02-10", "2023-03", "es"),
        # "until" can lie on either side: the perfect "has suspended" does not push it back
        ("The exchange has suspended trading until Monday.", "Monday", "2024-03-09",
         "2024-03-11", "en"),
        ("La bolsa ha suspendido la negociación hasta el lunes.", "el lunes", "2024-03-09",
         "2024-03-11", "es"),
    ],
)  # fmt: skip
def test_a_temporal_preposition_decides_before_any_verb(
    sentence: str, expression: str, published: str, expected: str, lang: str
) -> None:
    assert _with(sentence, expression, published, lang) == expected


def test_without_a_language_an_italian_preposition_is_not_an_english_article() -> None:
    # "a novembre": "a" is the Italian preposition, not the English article
    assert _with("Lo stabilimento chiuderà a novembre.", "novembre", "2024-01-05", None) == (
        "2024-11"
    )


@pytest.mark.parametrize(
    ("expression", "lang", "expected"),
    [
        ("nineteen ninety-six", "en", "1996"),
        ("in nineteen eighty four", "en", "1984"),
        ("two thousand and nine", "en", "2009"),
        ("two thousand nine", "en", "2009"),
        ("the year two thousand", "en", "2000"),
        ("nineteen oh five", "en", "1905"),
        ("May nineteen eighty-two", "en", "1982-05"),
        ("the summer of nineteen sixty-nine", "en", "1969-SU"),
        ("twenty twenty-one", "en", "2021"),
        ("nel millenovecentonovantasei", "it", "1996"),
        ("duemilanove", "it", "2009"),
        ("il 3 maggio duemiladieci", "it", "2010-05-03"),
        ("mil novecientos noventa y seis", "es", "1996"),
        ("el 3 de mayo de dos mil veinticuatro", "es", "2024-05-03"),
        # spelled numbers that are not years stay what they were
        ("twenty one days", "en", "P21D"),
        ("two thousand years", "en", "P2000Y"),
        ("nineteen", "en", None),
    ],
)
def test_spelled_out_years(expression: str, lang: str, expected: str | None) -> None:
    assert normalize_date(expression, "2024-05-15", lang).value == expected


@pytest.mark.parametrize(
    ("expression", "lang", "reference", "expected"),
    [
        # earnings-report phrasing, published 1995-11-02
        ("the latest quarter", "en", None, "1995-Q3"),
        ("the most recent week", "en", None, "1995-W43"),
        ("the quarter ended Sept. 30", "en", None, "1995-Q3"),
        ("the week ended Oct. 27", "en", None, "1995-W43"),
        ("the fiscal year ended June 30, 1995", "en", None, "FY1995"),
        ("the nine months ended Sept. 30", "en", None, "P9M"),
        ("il trimestre chiuso al 30 settembre", "it", None, "1995-Q3"),
        ("el semestre terminado el 30 de junio", "es", None, "1995-H1"),
        ("the second quarter of fiscal 1996", "en", None, "FY1996-Q2"),
        # "the quarter" is the one the article is about, else unknown
        ("the quarter", "en", "1995-Q3", "1995-Q3"),
        ("the quarter", "en", None, None),
        ("il periodo", "it", "1995-09", "1995-09"),
    ],
)
def test_reporting_periods(expression: str, lang: str, reference: str | None, expected) -> None:
    got = normalize_date(expression, "1995-11-02", lang, reference=reference)
    assert got.value == expected


@pytest.mark.parametrize("expression", ["year-end", "by year-end", "the year's end"])
def test_year_end_is_the_end_of_the_year(expression: str) -> None:
    got = normalize_date(expression, "1995-11-02", "en")
    assert (got.value, got.mod) == ("1995", "END")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("last year's third quarter", "1994-Q3"),
        ("1993's fourth quarter", "1993-Q4"),
        ("this year's first half", "1995-H1"),
        ("fiscal 1994's second half", "FY1994-H2"),
        ("the plan's second phase", None),  # not a date: no rule reads the rewritten form
    ],
)
def test_a_possessive_period_is_the_period_of_its_owner(expression: str, expected) -> None:
    assert normalize_date(expression, "1995-11-02", "en").value == expected
