"""Spanish dates: a table of news phrasings with their publication date and TIMEX3 value.

The sentences are written for this table in the style of Spanish news (wire copy, economy
and politics pages); none is copied from an annotated corpus. Publication date, unless a
row says otherwise: Wednesday 2024-05-15 (ISO week 2024-W20).
"""

from __future__ import annotations

import pytest

from llmclaims import languages
from llmclaims.dates import normalize_date

PUB = "2024-05-15"

# (expression, published, value)
TABLE: list[tuple[str, str, str | None]] = [
    # deictic days and parts of the day
    ("hoy", PUB, "2024-05-15"),
    ("ayer", PUB, "2024-05-14"),
    ("mañana", PUB, "2024-05-16"),
    ("anteayer", PUB, "2024-05-13"),
    ("pasado mañana", PUB, "2024-05-17"),
    ("anoche", PUB, "2024-05-14TNI"),
    ("ayer por la tarde", PUB, "2024-05-14TAF"),
    ("esta mañana", PUB, "2024-05-15TMO"),
    ("el lunes por la mañana", PUB, "2024-05-13TMO"),
    ("la noche del martes", PUB, "2024-05-14TNI"),
    # relative to publication: weeks, months, years, named days
    ("la semana pasada", PUB, "2024-W19"),
    ("la próxima semana", PUB, "2024-W21"),
    ("la semana que viene", PUB, "2024-W21"),
    ("esta semana", PUB, "2024-W20"),
    ("el fin de semana", PUB, "2024-W20-WE"),
    ("el mes pasado", PUB, "2024-04"),
    ("el año pasado", PUB, "2023"),
    ("el próximo año", PUB, "2025"),
    ("el año que viene", PUB, "2025"),
    ("este año", PUB, "2024"),
    ("el próximo lunes", PUB, "2024-05-20"),
    ("el lunes pasado", PUB, "2024-05-13"),
    ("el viernes", PUB, "2024-05-17"),
    ("el pasado mes de marzo", PUB, "2024-03"),
    ("el próximo mes de junio", PUB, "2024-06"),
    ("octubre del año que viene", PUB, "2025-10"),
    ("el verano pasado", PUB, "2023-SU"),
    # shifts
    ("hace dos semanas", PUB, "2024-05-01"),
    ("hace tres años", PUB, "2021"),
    ("hace seis meses", PUB, "2023-11"),
    ("hace unos días", PUB, "PAST_REF"),
    ("el mes de marzo", PUB, "2024-03"),
    ("dentro de dos semanas", PUB, "2024-05-29"),
    ("dentro de un mes", PUB, "2024-06"),
    # absolute and yearless dates
    ("el 3 de mayo", PUB, "2024-05-03"),
    ("3 de mayo de 2023", PUB, "2023-05-03"),
    ("el 1 de enero de 2024", PUB, "2024-01-01"),
    ("el 1º de mayo", PUB, "2024-05-01"),
    ("el lunes 3 de junio", PUB, "2024-06-03"),
    ("mayo de 2024", PUB, "2024-05"),
    ("en 2009", PUB, "2009"),
    ("el 10/05/2024", PUB, "2024-05-10"),
    ("diciembre", "2024-01-05", "2023-12"),
    ("el 2 de enero", "2023-12-28", "2024-01-02"),
    ("a las 15:00", PUB, "2024-05-15T15:00"),
    # ranges, including across the year boundary
    ("del 3 al 5 de mayo", PUB, "2024-05-03/2024-05-05"),
    ("entre el 30 de diciembre y el 2 de enero", "2024-01-05", "2023-12-30/2024-01-02"),
    ("de enero a marzo", PUB, "2024-01/2024-03"),
    ("entre 2009 y 2011", PUB, "2009/2011"),
    # quarters, halves, weeks, seasons, decades, centuries, holidays
    ("el tercer trimestre de 2023", PUB, "2023-Q3"),
    ("el primer trimestre", PUB, "2024-Q1"),
    ("el primer semestre de 2024", PUB, "2024-H1"),
    ("el tercer trimestre del año pasado", PUB, "2023-Q3"),
    ("la semana del 3 de junio", PUB, "2024-W23"),
    ("en verano", PUB, "2024-SU"),
    ("los años noventa", PUB, "199"),
    ("los años 90", PUB, "199"),
    ("el siglo XX", PUB, "19"),
    ("Navidad", PUB, "2023-12-25"),
    ("Nochebuena de 2022", PUB, "2022-12-24"),
    # vague references
    ("recientemente", PUB, "PAST_REF"),
    ("actualmente", PUB, "PRESENT_REF"),
    ("en el futuro", PUB, "FUTURE_REF"),
    # durations and recurrences
    ("tres años", PUB, "P3Y"),
    ("dos años y medio", PUB, "P2.5Y"),
    ("los últimos cinco años", PUB, "P5Y"),
    ("desde hace dos años", PUB, "P2Y"),
    ("media hora", PUB, "PT30M"),
    ("varias semanas", PUB, "PXW"),
    ("cada año", PUB, "P1Y"),
    ("todos los lunes", PUB, "XXXX-WXX-1"),
    ("dos veces al año", PUB, "P1Y"),
    ("mensualmente", PUB, "P1M"),
]


@pytest.mark.parametrize(("expression", "published", "expected"), TABLE, ids=[r[0] for r in TABLE])
def test_spanish_table(expression: str, published: str, expected: str | None) -> None:
    assert normalize_date(expression, published, "es").value == expected


@pytest.mark.parametrize(
    ("expression", "mod", "expected"),
    [
        ("a finales de mayo", "END", "2024-05"),
        ("principios de 2024", "START", "2024"),
        ("mediados de los años noventa", "MID", "199"),
        ("más de tres años", "MORE_THAN", "P3Y"),
        ("unos 20 años", "APPROX", "P20Y"),
        ("a finales de año", "END", "2024"),
    ],
)
def test_spanish_modifiers(expression: str, mod: str, expected: str) -> None:
    r = normalize_date(expression, PUB, "es")
    assert (r.value, r.mod) == (expected, mod)


@pytest.mark.parametrize(
    ("sentence", "expression", "without", "with_context"),
    [
        # past: the latest Thursday on or before publication, not the nearest one
        ("El ministro llegó el jueves a Bruselas.", "el jueves", "2024-05-16", "2024-05-09"),
        # future: the next March, not the one of the publication year
        ("La cumbre se celebrará en marzo.", "en marzo", "2024-03", "2025-03"),
        # "ha anunciado" is past but "cerrará" governs the date: next November
        (
            "La empresa ha anunciado que cerrará la planta en noviembre.",
            "en noviembre",
            "2023-11",
            "2024-11",
        ),
        # compound past (haber + participle) with a bare weekday
        ("El Gobierno ha aprobado el viernes la reforma.", "el viernes", "2024-05-17",
         "2024-05-10"),
        # a bare quarter in a past sentence is the last one that has begun
        ("La firma registró pérdidas en el tercer trimestre.", "el tercer trimestre", "2024-Q3",
         "2023-Q3"),
    ],
)  # fmt: skip
def test_spanish_tense(sentence: str, expression: str, without: str, with_context: str) -> None:
    assert normalize_date(expression, PUB, "es").value == without
    assert normalize_date(expression, PUB, "es", context=sentence).value == with_context


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("el día siguiente", "2024-03-11"),
        ("ese mismo día", "2024-03-10"),
        ("dos días después", "2024-03-12"),
        ("el año anterior", "2023"),
    ],
)
def test_spanish_anaphora_from_the_reference(expression: str, expected: str) -> None:
    assert normalize_date(expression, PUB, "es", reference="2024-03-10").value == expected


def test_spanish_is_registered_and_without_publication_date_no_year_is_invented() -> None:
    assert "es" in languages.supported()
    assert languages.for_code("es-419") is languages.for_code("es")
    assert normalize_date("el 3 de mayo", None, "es").value == "XXXX-05-03"
    assert normalize_date("ayer", None, "es").value is None
