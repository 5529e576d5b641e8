"""Spanish: the checks find the cues, negations and sentence ends of Spanish news prose.

We have no Spanish corpus: every sentence below was written for these tests in the style of
Spanish-language news wires (EFE, Europa Press, agency copy from Spain and Latin America), one
per word or rule of `llmclaims/languages/es.py` that a check depends on.
"""

from __future__ import annotations

import pytest

from llmclaims import languages
from llmclaims.claim_checks import claim_flags
from llmclaims.grounding import sentence_around
from llmclaims.hedging import check_cues, find_cues
from llmclaims.wire import WireClaim, WireFactuality

CUES = [
    # The journalistic conditional, with the auxiliary's participle in the cue.
    (
        "Las tropas rusas habrían atacado la central eléctrica durante la madrugada.",
        [("habrían atacado", "conditional")],
    ),
    (
        "El detenido habría sido trasladado a la Audiencia Nacional, según fuentes policiales.",
        [("habría sido trasladado", "conditional"), ("según", "reporting")],
    ),
    (
        "La Policía estaría preparando una operación contra la red de narcotráfico.",
        [("estaría preparando", "conditional")],
    ),
    (
        "El acuerdo supondría un ahorro de 300 millones de euros para las arcas públicas.",
        [("supondría", "conditional")],
    ),
    # Modal verbs are `modal`, not conditionals.
    (
        "La huelga podría extenderse a otros sectores la próxima semana.",
        [("podría", "modal")],
    ),
    (
        "El Gobierno debería aprobar el decreto antes de fin de mes.",
        [("debería", "modal")],
    ),
    # Adverbs, adjectives and impersonal hedges.
    (
        "Al parecer, el presunto autor de los disparos huyó en un vehículo robado.",
        [("Al parecer", "hedge_word"), ("presunto", "hedge_word")],
    ),
    (
        "El exdirectivo presuntamente desvió fondos de la fundación a cuentas en Suiza.",
        [("presuntamente", "hedge_word")],
    ),
    (
        "Los investigadores no descartan la hipótesis de un atentado.",
        [("hipótesis", "hedge_word")],
    ),
    (
        "No se descarta que haya más víctimas bajo los escombros.",
        [("No se descarta", "hedge_word")],
    ),
    (
        "Se estima que unas 2.000 personas participaron en la marcha.",
        [("Se estima", "hedge_word")],
    ),
    (
        "No está claro cuántos misiles fueron lanzados desde la costa.",
        [("No está claro", "hedge_word")],
    ),
    (
        "La empresa supuestamente ocultó las pérdidas a sus accionistas.",
        [("supuestamente", "hedge_word")],
    ),
    (
        "De confirmarse los datos, sería la peor cosecha en tres décadas.",
        [("De confirmarse", "hedge_word"), ("sería", "conditional")],
    ),
    # Reporting verbs mark attribution; after a form of haber the participle is one.
    (
        "El portavoz del Ministerio de Defensa ha confirmado que no hubo heridos.",
        [("ha confirmado", "reporting")],
    ),
    (
        "«Es una decisión irrevocable», dijo la presidenta en rueda de prensa.",
        [("dijo", "reporting")],
    ),
    # Boosters raise the commitment.
    (
        "Las pruebas son irrefutables y demuestran sin duda la autoría del ataque.",
        [("irrefutables", "certainty_booster"), ("sin duda", "certainty_booster")],
    ),
    # "por supuesto" is "of course", not the adjective "alleged".
    (
        "El ministro, por supuesto, defendió la gestión de su departamento.",
        [("por supuesto", "certainty_booster")],
    ),
    # "posible" hedges a noun, not a set phrase of effort or speed.
    (
        "Los investigadores estudian un posible sabotaje en la red eléctrica.",
        [("posible", "hedge_word")],
    ),
    (
        "El Gobierno hará todo lo posible por reabrir la frontera lo antes posible.",
        [],
    ),
    # Plural conditionals, and "tendría que".
    (
        "Los detenidos habrían sido trasladados a Madrid y tendrían que declarar el lunes.",
        [("habrían sido trasladados", "conditional"), ("tendrían", "conditional")],
    ),
    # Words ending in -ría that are no conditional.
    (
        "La mayoría de los detenidos fue trasladada a la comisaría de la calle Mayor.",
        [],
    ),
    (
        "María Fernández dirige la Secretaría de Estado de Energía desde enero.",
        [],
    ),
    # A capitalized -ría word inside a sentence is a name; at the start, a verb.
    (
        "El portavoz, Martín Echeverría, lo explicó ante los periodistas.",
        [("explicó", "reporting")],
    ),
    (
        "Sería un error, advirtió la ministra.",
        [("Sería", "conditional"), ("advirtió", "reporting")],
    ),
    # The ordinary past and present are not hedges.
    (
        "El Banco Central subió los tipos de interés en un cuarto de punto.",
        [],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CUES, ids=[s[:40] for s, _ in CUES])
def test_spanish_cues(sentence, expected):
    assert [(c.text, c.category) for c in find_cues(sentence, "es")] == expected
    for cue in find_cues(sentence, "es-419"):  # any Spanish tag picks the module
        assert sentence[cue.start : cue.end] == cue.text and cue.lang == "es"


def fact(certainty="certain", polarity="positive", evidential="direct", cues=()):
    return WireFactuality(
        certainty=certainty, polarity=polarity, evidential=evidential, cues=list(cues)
    )


def test_a_spanish_conditional_reported_as_certain_is_flagged():
    evidence = "el Ejército habría bombardeado el hospital"
    sentence = f"Según la ONU, {evidence} de la ciudad."
    assert check_cues(fact(), evidence, sentence, "es") == ["unflagged_hedge"]
    assert check_cues(fact("probable", cues=["habría bombardeado"]), evidence, sentence, "es") == []


def test_a_spanish_hedge_backs_a_probable_commitment_and_reporting_does_not():
    hedged = "el alcalde, al parecer, conocía los hechos"
    assert check_cues(fact("probable"), hedged, hedged, "es") == []
    reported = "el alcalde conocía los hechos, según el diario"
    assert check_cues(fact("probable"), reported, reported, "es") == ["hedge_without_cue"]


def claim(text, polarity="positive"):
    return WireClaim(
        id="C1",
        text=text,
        source_ids=["S1"],
        evidence=["x"],
        author=fact(polarity=polarity, evidential="reported"),
        source=None,
        ambiguous=False,
    )


ARTICLE = (
    "El ministro no confirmó la dimisión del director. Los sindicatos dijeron que no a la "
    "propuesta de la patronal. Nunca se había registrado una cifra así."
)


@pytest.mark.parametrize(
    ("claim_text", "evidence", "flagged"),
    [
        # The claim drops the evidence's negation: the polarity is turned around.
        ("El ministro confirmó la dimisión del director.", "El ministro no confirmó", True),
        ("El ministro no confirmó la dimisión del director.", "El ministro no confirmó", False),
        # "rechazaron" restates "dijeron que no".
        ("Los sindicatos rechazaron la propuesta.", "dijeron que no a la propuesta", False),
        ("Los sindicatos aceptaron la propuesta.", "dijeron que no a la propuesta", True),
        ("Se había registrado una cifra así.", "Nunca se había registrado", True),
    ],
)
def test_spanish_negations(claim_text, evidence, flagged):
    flags = claim_flags(claim(claim_text), [evidence], ARTICLE, None)
    assert ("author:negation_ignored" in flags) is flagged, flags


SENTENCES = [
    # (text, a phrase inside the sentence, the whole sentence it must be found in)
    (
        "El Sr. García llegó a Madrid el lunes. Después habló con la prensa.",
        "llegó a Madrid",
        "El Sr. García llegó a Madrid el lunes.",
    ),
    (
        "La Dra. Pérez atendió a los heridos. El hospital pidió donantes.",
        "atendió",
        "La Dra. Pérez atendió a los heridos.",
    ),
    (
        "El embajador de EE.UU. en Caracas fue convocado. La cancillería no dio detalles.",
        "fue convocado",
        "El embajador de EE.UU. en Caracas fue convocado.",
    ),
    (
        "La marcha recorrió la Avda. de la Constitución hasta la plaza. Hubo 12 detenidos.",
        "hasta la plaza",
        "La marcha recorrió la Avda. de la Constitución hasta la plaza.",
    ),
    (
        "El Gobierno aprobó el decreto. ¿Habrá recurso? La oposición no lo aclaró.",
        "aprobó",
        "El Gobierno aprobó el decreto.",
    ),
]


@pytest.mark.parametrize(("text", "inside", "sentence"), SENTENCES, ids=[s[1] for s in SENTENCES])
def test_spanish_sentence_splits(text, inside, sentence):
    start = text.index(inside)
    a, b = sentence_around(text, start, start + len(inside))
    assert text[a:b] == sentence


def test_spanish_is_registered_for_every_tag():
    assert "es" in languages.supported()
    assert languages.for_code("es-419").CODE == languages.for_code("es_ES").CODE == "es"
