"""Spanish: the words llmclaims' checks need, as data (see `llmclaims.languages`).

The lists were written for Spanish news wire prose (Spain and Latin America alike); no Spanish
corpus was at hand, so `tests/test_language_es.py` holds sentences written in that style, one
per cue, negation and abbreviation this module must make the checks find.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

CODE = "es"
NAME = "Español"

# Grounding: words a fuzzy match may never add, drop or change. In normalized form (NFKD,
# case-folded): "jama\u0301s" is "jamás".
NEGATIONS = frozenset(
    {
        "no",
        "nunca",
        "jama\u0301s",
        "ni",
        "ningu\u0301n",
        "ninguno",
        "ninguna",
        "ningunos",
        "ningunas",
        "nada",
        "nadie",
        "sin",
        "tampoco",
    }
)

# Sentence splitting: a period after these does not end a sentence (lower case, no final period).
ABBREVIATIONS = frozenset(
    {
        "sr",
        "sra",
        "srta",
        "sres",
        "dr",
        "dra",
        "dña",
        "lic",
        "ing",
        "arq",
        "prof",
        "gral",
        "cnel",
        "tte",
        "av",
        "avda",
        "pág",
        "págs",
        "núm",
        "art",
        "arts",
        "ee.uu",
        "ee",
        "uu",
        "ud",
        "uds",
        "cía",
        "s.a",
        "p.ej",
        "aprox",
    }
)

# Claim checks: word beginnings of predicates that carry a negation in their meaning, so a claim
# "los sindicatos rechazaron la oferta" restates "Dijeron que no." (normalized, lower case; not
# "nego", which begins "negociar" as well).
NEGATIVE_PREDICATES = (
    "rechaz",
    "desment",
    "desmint",
    "nieg",
    "nega",
    "descart",
    "declin",
    "desestim",
)

# Hedging: cue phrases by category, lower case; a space stands for any whitespace and ' for any
# apostrophe. `llmclaims.hedging` reads them: conditionals and modals are `conditional` and
# `modal` cues, the five lists from EPISTEMIC_VERBS to HEDGE_CONDITIONS together are `hedge_word`.

# Every -ría / -rían verb is a conditional, found by `conditional_spans` below; these are listed
# for the reader, and are the auxiliaries that take a participle or gerund along.
CONDITIONALS = ("habría", "habrían", "sería", "serían", "estaría", "estarían")

MODALS = (
    "podría",
    "podrían",
    "debería",
    "deberían",
    "podría haber",
    "podrían haber",
    "puede que",
    "pudo haber",
    "pudieron haber",
    "podrá",
    "podrán",
)

HEDGE_ADVERBS = (  # adverbs and adjectives
    "supuestamente",
    "supuesto",
    "supuesta",
    "supuestos",
    "supuestas",
    "presuntamente",
    "presunto",
    "presunta",
    "presuntos",
    "presuntas",
    "al parecer",
    "según parece",
    "aparentemente",
    "probablemente",
    "posiblemente",
    "previsiblemente",
    "quizá",
    "quizás",
    "tal vez",
    "acaso",
    "probable",
    "posible",
    "posibles",
    "eventual",
    "eventuales",
    "no confirmado",
    "no confirmada",
    "no confirmados",
    "no confirmadas",
    "sin confirmar",
    "extraoficialmente",
)

IMPERSONAL_HEDGES = (
    "no está claro",
    "no está claro si",
    "no queda claro",
    "no se sabe",
    "se desconoce",
    "no se descarta",
    "no se puede descartar",
    "no se ha confirmado",
    "está por ver",
    "queda por ver",
    "es posible que",
    "es probable que",
    "se estima",
    "se calcula",
    "se cree",
    "se sospecha",
    "se teme",
    "se especula",
    "se rumorea",
)

EPISTEMIC_VERBS = ("parece", "parecen", "parecía", "parecían", "parece que")

HEDGE_NOUNS = ("rumores", "especulaciones", "hipótesis")

HEDGE_CONDITIONS = ("de confirmarse", "si se confirma", "si se confirman", "en caso de que")

# "según" is a reporting cue ("according to"), like English "according to" and Italian
# "secondo": attribution, not uncertainty.
REPORTING_VERBS = (
    "según",
    "de acuerdo con",
    "a decir de",
    "dijo",
    "dijeron",
    "afirmó",
    "afirmaron",
    "declaró",
    "declararon",
    "explicó",
    "explicaron",
    "aseguró",
    "aseguraron",
    "señaló",
    "señalaron",
    "indicó",
    "indicaron",
    "añadió",
    "añadieron",
    "agregó",
    "agregaron",
    "informó",
    "informaron",
    "anunció",
    "anunciaron",
    "confirmó",
    "confirmaron",
    "negó",
    "negaron",
    "admitió",
    "reconoció",
    "sostuvo",
    "subrayó",
    "precisó",
    "destacó",
    "advirtió",
    "denunció",
    "manifestó",
    "dice",
    "dicen",
    "afirma",
    "asegura",
    "explica",
    "señala",
    "indica",
    "sostiene",
    "informa",
)

# Reporting participles: a `reporting` cue only after a form of *haber* (`REPORTING_AUXILIARY`,
# which the cue includes: "ha dicho", "han confirmado"), not alone ("lo dicho" is a noun).
REPORTING_PARTICIPLES = (
    "dicho",
    "declarado",
    "afirmado",
    "explicado",
    "asegurado",
    "señalado",
    "indicado",
    "confirmado",
    "anunciado",
    "informado",
    "añadido",
    "agregado",
    "precisado",
    "reconocido",
    "admitido",
    "negado",
    "desmentido",
    "denunciado",
    "reiterado",
    "subrayado",
    "revelado",
    "sostenido",
    "advertido",
    "escrito",
)
REPORTING_AUXILIARY = (
    r"(?:ha|han|había|habían|habría|habrían|haya|hayan|habrá|habrán|haber|habiendo"
    r"|ha\s+ya|han\s+ya)\s+(?:[^\W\d_]+mente\s+)?"
)

CERTAINTY_BOOSTERS = (
    "sin duda",
    "sin lugar a dudas",
    "sin ninguna duda",
    "indudablemente",
    "ciertamente",
    "claramente",
    "evidentemente",
    "definitivamente",
    "innegable",
    "innegables",
    "irrefutable",
    "irrefutables",
    "indiscutible",
    "indiscutibles",
    "incuestionable",
    "incuestionables",
    "concluyente",
    "concluyentes",
    "por supuesto",
    "con toda seguridad",
)


def _por_supuesto(text: str, m: re.Match[str]) -> bool:
    """Not the adjective "alleged": "por supuesto" means "of course" (a booster)."""
    return bool(re.search(r"(?<!\w)por\s+$", text[: m.start()], re.IGNORECASE))


_AS_POSSIBLE = re.compile(r"(?<!\w)(?:antes|pronto|rápido|lo|máximo|mejor)\s+$", re.IGNORECASE)


def _as_possible(text: str, m: re.Match[str]) -> bool:
    """Not a hedge: "lo antes posible", "todo lo posible" (as soon as, everything possible)."""
    return bool(_AS_POSSIBLE.search(text[max(0, m.start() - 20) : m.start()]))


# Cue phrases that are not cues in some contexts: phrase -> test(text, match) -> True to skip.
CUE_VETOES: dict[str, Callable[[str, re.Match[str]], bool]] = {
    "supuesto": _por_supuesto,
    "posible": _as_possible,
}

_PARTICIPLE = (
    r"[^\W\d_]+?(?:ad|id|ch|st|rt|lt|it|ot)[oa]s?"  # atacado, dicho, puesto, abierto, vuelto...
    r"|[^\W\d_]+(?:ando|iendo|yendo)"  # estaría preparando
)
_AUXILIARY = r"(?:hab|se|esta)rían?"  # habría(n), sería(n), estaría(n)
_CONDITIONAL_RE = re.compile(
    rf"(?<!\w)(?:(?:{_AUXILIARY})(?:\s+(?:ya|también|incluso|sido|estado))?\s+(?:{_PARTICIPLE})"
    r"|[^\W\d_]{2,}rían?)(?!\w)",
    re.IGNORECASE,
)
_MODAL_HEADS = frozenset(MODALS)
# Words ending in -ría that are no verb: nouns in -oría, -uría, -gría ("mayoría", "auditoría",
# "alegría": no Spanish verb forms its conditional so), and the commonest -ería / -aría / -dría
# nouns and names of news prose.
_NOT_CONDITIONAL_ENDINGS = ("oría", "uría", "gría")
_NOT_CONDITIONAL = frozenset(
    {
        "maría",
        "alejandría",
        "secretaría",
        "vicesecretaría",
        "batería",
        "galería",
        "lotería",
        "ingeniería",
        "ganadería",
        "librería",
        "panadería",
        "cafetería",
        "consejería",
        "tesorería",
        "artillería",
        "infantería",
        "caballería",
        "piratería",
        "cancillería",
        "mensajería",
        "tubería",
        "tontería",
        "brujería",
        "peluquería",
        "joyería",
        "zapatería",
        "carpintería",
        "fontanería",
        "cervecería",
        "papelería",
        "ferretería",
        "pastelería",
        "lavandería",
        "pescadería",
        "carnicería",
        "frutería",
        "hostelería",
        "mercería",
        "relojería",
        "herrería",
        "comisaría",
        "notaría",
        "gendarmería",
        "armería",
        "pizzería",
        "sastrería",
    }
)


def conditional_spans(text: str) -> Iterator[tuple[int, int]]:
    """The journalistic conditional: any verb ending in -ría / -rían ("atacaría",
    "tendrían", "habría"), except the modals poder / deber (`MODALS`), nouns that end so
    ("mayoría", "batería") and names ("Echeverría" inside a sentence); the auxiliaries
    haber / ser / estar take their participle or gerund along ("habría atacado", "habrían
    sido detenidos", "estaría preparando"). A rule, because the lexicon cannot list every
    verb."""
    if "ría" not in text.lower():  # in every match: most texts are turned away here
        return
    for m in _CONDITIONAL_RE.finditer(text):
        head = m.group().lower().split()[0]
        if (
            head in _MODAL_HEADS
            or head in _NOT_CONDITIONAL
            or head.endswith(_NOT_CONDITIONAL_ENDINGS)
            or _is_name(text, m.start())
        ):
            continue
        yield m.start(), m.end()


def _is_name(text: str, start: int) -> bool:
    """A capital inside a sentence: a name ("Echeverría", "Secretaría General"), never a
    verb."""
    if not text[start].isupper():
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in '.!?"“«¿¡:;-—\n'


# Numbers written out, as wires do below ten and in round figures ("dos", "tres mil"). No engine
# reads them yet: they are here for the date rules' numbers, which the dates section adds.
NUMBER_WORDS: dict[str, int] = {
    "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
    "doscientos": 200, "quinientos": 500, "mil": 1000, "millón": 1_000_000,
    "millones": 1_000_000,
}  # fmt: skip

# Prompt: this language's lines of the few-shot guidance (`llmclaims.prompt_files` renders every
# registered language's into the system prompt): typical cues, and one worked example.
PROMPT_CUES = (
    'Spanish conditional = probable, reported: "habría atacado", "sería", "estarían '
    'preparando"; "presunto", "supuestamente", "al parecer", "no está claro", "podría" '
    '(possible or unknown); "según" marks attribution; boosters "sin duda", "irrefutables".'
)
PROMPT_EXAMPLE = (
    "Example (Spanish): "
    "«La empresa habría pagado sobornos a los funcionarios, según la Fiscalía.» The "
    'prosecutors (source): certain, direct, cues [] ("según" marks attribution, not '
    'certainty). Author: probable, reported, cues ["habría pagado"].'
)
# Timeline expressions as an article writes them (the prompt asks for them verbatim).
PROMPT_DATE_EXPRESSIONS = ("el pasado martes", "del 30 de diciembre al 2 de enero")
# Sources as an article names them: an anonymous one, one quoted through an outlet.
PROMPT_ANONYMOUS_SOURCES = ("un alto funcionario",)
PROMPT_NESTED_ATTRIBUTIONS = ("dijo al diario El País",)
