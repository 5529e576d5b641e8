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

# Clause breaks: words that open a new clause, so a cue before them does not govern the events
# after them ("podría caer, pero los beneficios subieron"); `llmclaims.hedging.cue_scope`.
CLAUSE_BREAKS = (
    "pero",
    "mientras",
    "porque",
    "aunque",
    "cuando",
    "después",
    "antes",
    "y",
    "o",
    "según",
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

# --- Dates ---
# Word tables read by llmclaims.dates (lower case, NFC), merged across languages. Contractions
# ("del", "al") are words of their own; there are no elided articles.

DATE_MONTHS: dict[str, int] = {
    "enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4,
    "mayo": 5, "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "septiembre": 9,
    "setiembre": 9, "sept": 9, "sep": 9, "octubre": 10, "oct": 10, "noviembre": 11, "nov": 11,
    "diciembre": 12, "dic": 12,
}  # fmt: skip  # "ago" (agosto) and "set" (setiembre) are left out: English words

DATE_WEEKDAYS: dict[str, int] = {
    "lunes": 1, "martes": 2, "miércoles": 3, "miercoles": 3, "jueves": 4, "viernes": 5,
    "sábado": 6, "sabado": 6, "domingo": 7,
}  # fmt: skip

DATE_SEASONS: dict[str, str] = {
    "primavera": "SP", "verano": "SU", "otoño": "FA", "otono": "FA", "invierno": "WI",
}  # fmt: skip

# "mañana" alone is tomorrow (DATE_DEICTIC_DAYS, tried first); after "por la", the morning.
DATE_PARTS_OF_DAY: dict[str, str] = {
    "mañana": "MO", "tarde": "AF", "noche": "NI", "madrugada": "NI",
}  # fmt: skip

DATE_DEICTIC_DAYS: dict[str, tuple[int, str | None]] = {
    "hoy": (0, None), "ayer": (-1, None), "mañana": (1, None), "anteayer": (-2, None),
    "antier": (-2, None), "antes de ayer": (-2, None), "antes de anoche": (-2, "NI"),
    "pasado mañana": (2, None), "anoche": (-1, "NI"), "esta mañana": (0, "MO"),
    "esta tarde": (0, "AF"), "esta noche": (0, "NI"), "el día de hoy": (0, None),
}  # fmt: skip

DATE_VAGUE: dict[str, str] = {
    "recientemente": "PAST_REF", "últimamente": "PAST_REF", "en el pasado": "PAST_REF",
    "el pasado": "PAST_REF", "anteriormente": "PAST_REF", "hace tiempo": "PAST_REF",
    "hace poco": "PAST_REF", "hace mucho": "PAST_REF", "hace mucho tiempo": "PAST_REF",
    "antiguamente": "PAST_REF", "en su momento": "PAST_REF",
    "ahora": "PRESENT_REF", "actualmente": "PRESENT_REF", "en la actualidad": "PRESENT_REF",
    "en este momento": "PRESENT_REF", "por ahora": "PRESENT_REF", "de momento": "PRESENT_REF",
    "por el momento": "PRESENT_REF", "hoy en día": "PRESENT_REF", "hoy día": "PRESENT_REF",
    "a día de hoy": "PRESENT_REF", "en estos momentos": "PRESENT_REF",
    "en el futuro": "FUTURE_REF", "el futuro": "FUTURE_REF", "pronto": "FUTURE_REF",
    "próximamente": "FUTURE_REF", "en breve": "FUTURE_REF", "dentro de poco": "FUTURE_REF",
    "más adelante": "FUTURE_REF", "a corto plazo": "FUTURE_REF", "corto plazo": "FUTURE_REF",
    "a medio plazo": "FUTURE_REF", "medio plazo": "FUTURE_REF", "a mediano plazo": "FUTURE_REF",
    "a largo plazo": "FUTURE_REF", "largo plazo": "FUTURE_REF",
}  # fmt: skip

DATE_SET_WORDS: dict[str, str] = {
    "anual": "P1Y", "anuales": "P1Y", "anualmente": "P1Y", "al año": "P1Y", "por año": "P1Y",
    "mensual": "P1M", "mensuales": "P1M", "mensualmente": "P1M", "al mes": "P1M",
    "semanal": "P1W", "semanales": "P1W", "semanalmente": "P1W", "a la semana": "P1W",
    "diario": "P1D", "diaria": "P1D", "diariamente": "P1D", "al día": "P1D", "por día": "P1D",
    "trimestral": "P3M", "semestral": "P6M", "bienal": "P2Y",
}  # fmt: skip

DATE_UNITS: dict[str, tuple[str, int, bool]] = {
    "segundo": ("S", 1, True), "segundos": ("S", 1, True), "minuto": ("M", 1, True),
    "minutos": ("M", 1, True), "hora": ("H", 1, True), "horas": ("H", 1, True),
    "día": ("D", 1, False), "días": ("D", 1, False), "jornada": ("D", 1, False),
    "jornadas": ("D", 1, False), "noche": ("D", 1, False), "noches": ("D", 1, False),
    "semana": ("W", 1, False), "semanas": ("W", 1, False), "fin de semana": ("WE", 1, False),
    "fines de semana": ("WE", 1, False), "quincena": ("W", 2, False),
    "mes": ("M", 1, False), "meses": ("M", 1, False), "trimestre": ("Q", 1, False),
    "trimestres": ("Q", 1, False), "semestre": ("M", 6, False), "semestres": ("M", 6, False),
    "año": ("Y", 1, False), "años": ("Y", 1, False), "bienio": ("Y", 2, False),
    "trienio": ("Y", 3, False), "lustro": ("Y", 5, False), "lustros": ("Y", 5, False),
    "década": ("DE", 1, False), "décadas": ("DE", 1, False), "decenio": ("DE", 1, False),
    "siglo": ("CE", 1, False), "siglos": ("CE", 1, False), "milenio": ("ML", 1, False),
}  # fmt: skip

DATE_CAL_UNITS: dict[str, str] = {
    "semana": "week", "fin de semana": "weekend", "mes": "month", "trimestre": "quarter",
    "semestre": "half", "año": "year", "década": "decade", "siglo": "century",
    "año fiscal": "fy", "ejercicio": "fy", "día": "day",
}  # fmt: skip

DATE_QUAL_PRE: dict[str, int] = {
    "este": 0, "esta": 0, "pasado": -1, "pasada": -1, "último": -1, "última": -1,
    "próximo": 1, "próxima": 1,
}  # fmt: skip

DATE_QUAL_POST: dict[str, int] = {
    "actual": 0, "en curso": 0, "corriente": 0, "pasado": -1, "pasada": -1, "anterior": -1,
    "próximo": 1, "próxima": 1, "que viene": 1, "entrante": 1, "siguiente": 1, "después": 1,
}  # fmt: skip

DATE_ORDINALS: dict[str, int] = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    "último": -1, "última": -1,
}  # fmt: skip

DATE_CENTURY_ORDINALS: dict[str, int] = {
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
    "quinto": 5, "sexto": 6, "séptimo": 7, "octavo": 8, "noveno": 9, "décimo": 10,
    "undécimo": 11, "duodécimo": 12, "decimotercero": 13, "decimocuarto": 14,
    "decimoquinto": 15, "decimosexto": 16, "decimoséptimo": 17, "decimoctavo": 18,
    "decimonoveno": 19, "vigésimo": 20, "vigésimo primero": 21, "vigésimo primer": 21,
}  # fmt: skip

DATE_DECADE_WORDS: dict[str, int] = {  # after "años": "los años noventa"
    "veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5, "sesenta": 6, "setenta": 7,
    "ochenta": 8, "noventa": 9,
}  # fmt: skip

DATE_PREFIXES: list[tuple[str, str | None]] = [
    ("más de", "MORE_THAN"), ("menos de", "LESS_THAN"), ("casi", "LESS_THAN"),
    ("al menos", "EQUAL_OR_MORE"), ("por lo menos", "EQUAL_OR_MORE"),
    ("alrededor de", "APPROX"), ("cerca de", "APPROX"), ("aproximadamente", "APPROX"),
    ("unos", "APPROX"), ("unas", "APPROX"),
    ("a principios de", "START"), ("principios de", "START"), ("a comienzos de", "START"),
    ("comienzos de", "START"), ("a inicios de", "START"), ("inicios de", "START"),
    ("el inicio de", "START"), ("a mediados de", "MID"), ("mediados de", "MID"),
    ("a finales de", "END"), ("finales de", "END"), ("a fines de", "END"), ("fines de", "END"),
    ("a fin de", "END"), ("fin de", "END"), ("el final de", "END"),
    ("antes de", "BEFORE"), ("después de", "AFTER"),
    ("desde hace", None), ("hasta hace", None), ("a partir de", None), ("ya", None),
    ("aún", None), ("todavía", None), ("desde", None), ("hasta", None), ("durante", None),
    ("para", None), ("por", None), ("en", None), ("el", None), ("la", None), ("los", None),
    ("las", None), ("lo", None), ("mes de", None), ("del", None), ("de", None), ("al", None),
]  # fmt: skip

# Holidays: (month, day), ("easter", days after Easter Sunday) or ("nth", month, ISO weekday, n).
DATE_HOLIDAYS: dict[str, tuple[int, int] | tuple[str, int] | tuple[str, int, int, int]] = {
    "navidad": (12, 25), "nochebuena": (12, 24), "nochevieja": (12, 31), "año nuevo": (1, 1),
    "día de reyes": (1, 6), "día de los reyes magos": (1, 6), "san valentín": (2, 14),
    "día del trabajo": (5, 1), "día de la hispanidad": (10, 12), "todos los santos": (11, 1),
    "día de muertos": (11, 2), "día de los muertos": (11, 2), "pascua": ("easter", 0),
    "domingo de resurrección": ("easter", 0), "viernes santo": ("easter", -2),
    "jueves santo": ("easter", -3),
}  # fmt: skip

# "los lunes": every Monday (the plural of the weekday is the singular).
DATE_HABITUAL_WEEKDAYS: dict[str, int] = {
    "los lunes": 1, "los martes": 2, "los miércoles": 3, "los jueves": 4, "los viernes": 5,
    "los sábados": 6, "los domingos": 7,
}  # fmt: skip

DATE_PLURAL_UNITS = frozenset({
    "segundos", "minutos", "horas", "días", "jornadas", "noches", "semanas",
    "fines de semana", "meses", "trimestres", "semestres", "años", "lustros", "décadas",
    "siglos",
})  # fmt: skip

DATE_SUFFIXES: dict[str, str | None] = {
    "aproximadamente": "APPROX", "o más": "EQUAL_OR_MORE", "o menos": "EQUAL_OR_LESS",
}  # fmt: skip

DATE_LOCAL_TIME = ("hora local", "hora peninsular")


def _number_words() -> dict[str, float]:
    units = [
        "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
        "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
        "dieciocho", "diecinueve",
    ]  # fmt: skip
    words: dict[str, float] = {w: i for i, w in enumerate(units)}
    twenties = [
        "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis",
        "veintisiete", "veintiocho", "veintinueve",
    ]  # fmt: skip
    words.update({"dieciseis": 16, "veinte": 20, "veintiún": 21})
    words.update({w: 21 + i for i, w in enumerate(twenties)})
    tens = ["treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
    for t, ten in enumerate(tens, start=3):
        words[ten] = 10 * t
        for u in range(1, 10):
            words[f"{ten} y {units[u]}"] = 10 * t + u
    words.update({
        "un": 1, "una": 1, "un par de": 2, "una docena de": 12, "cien": 100, "medio": 0.5,
        "media": 0.5,
    })  # fmt: skip
    return words


# Cardinal number words 0-99 and counting idioms ("un par de", "media hora").
DATE_NUMBERS: dict[str, float] = _number_words()
# Spelled-out years: "mil novecientos noventa y seis", "dos mil nueve".
DATE_YEAR_THOUSANDS = {"mil": 1000, "dos mil": 2000}
DATE_YEAR_HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400,
    "quinientos": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800,
    "novecientos": 900,
}  # fmt: skip
DATE_YEAR_JOINERS = (" ",)
DATE_FUZZY_NUMBERS = frozenset({
    "varios", "varias", "algunos", "algunas", "pocos", "pocas", "muchos", "muchas", "unos",
    "unas", "numerosos", "numerosas", "decenas de", "cientos de", "miles de",
})  # fmt: skip

# Function words the date patterns are built from (see languages/en.py for each role).
DATE_ARTICLES = ("el", "la")
DATE_INDEFINITE_ARTICLES: tuple[str, ...] = ()
DATE_OF = ("de", "del")  # "el tercer trimestre de 2024", "la mañana del 3 de mayo"
DATE_DAY_OF_MONTH = ("de",)  # "3 de mayo"
DATE_YEAR_OF = ("de", "del")  # "mayo de 2024"
DATE_MONTH_OF = ("mes de",)  # "el pasado mes de marzo": last March
DATE_DAY_ONE = ("primero",)  # "el primero de mayo"
DATE_ORDINAL_SUFFIXES: tuple[str, ...] = ()
DATE_YEAR_WORD = ("año",)
DATE_WEEK_WORD = ("semana",)
DATE_QUARTER_WORD = ("trimestre",)
DATE_HALF_WORD = ("semestre",)
DATE_CENTURY_WORD = ("siglo",)
DATE_DECADE_PREFIX = ("años",)  # "los años noventa", "los años 90"
DATE_BARE_DECADE_WORDS: dict[str, int] = {}
DATE_FULL: tuple[str, ...] = ()
DATE_RANGE_OPEN = ("entre", "desde", "del", "de")  # "del 3 al 5 de mayo"
DATE_RANGE_JOIN = ("y", "a", "al", "hasta", "hasta el")
DATE_RANGE_JOIN_BARE = ("al", "hasta")  # "3 al 5 de mayo"
DATE_YEAR_RANGE_JOIN = ("a", "al", "y", "hasta")  # "de 2009 a 2011"
DATE_AGO: tuple[str, ...] = ()
DATE_AGO_BEFORE = ("hace",)  # "hace dos semanas": the count follows
DATE_IN = ("en", "dentro de")  # "dentro de dos semanas"
DATE_IN_TAIL: tuple[str, ...] = ()
DATE_EARLIER: tuple[str, ...] = ()
DATE_LATER = ("después", "más tarde", "luego")  # "dos días después": from the reference
DATE_BEFORE = ("antes",)
DATE_UNIT_COMPOUNDS: tuple[str, ...] = ()
DATE_ADVERB_SUFFIXES: tuple[str, ...] = ()
DATE_EVERY = ("cada", "todos los", "todas las")
DATE_TIMES_FIXED = ("una vez",)  # "una vez al mes"
DATE_TIMES_COUNTED = ("veces",)  # "dos veces al año"
DATE_TIMES_PER = ("al", "a la", "por", "cada")
DATE_EVERY_OTHER: tuple[str, ...] = ()
DATE_THE_DAY = ("la jornada", "la sesión")  # "la bolsa subió un 2% en la jornada"
DATE_POD_LINK = ("por la", "en la", "de la")  # "ayer por la tarde"
DATE_POD_OF = ("del", "de")  # "la noche del 3 de mayo"
DATE_STREAK_ARTICLES = ("el", "la")
DATE_STREAK_PRE: tuple[str, ...] = ()
DATE_STREAK_POST = ("consecutivo", "consecutiva", "seguido", "seguida")
DATE_IN_A_ROW = ("consecutivo", "consecutiva", "seguido", "seguida", "de forma consecutiva")
DATE_STREAK_UNITS: dict[str, str] = {
    "día": "day", "jornada": "day", "sesión": "day", "semana": "week", "mes": "month",
    "trimestre": "quarter", "año": "year",
}  # fmt: skip
# "la tercera jornada consecutiva": ordinals in both genders.
DATE_STREAK_ORDINALS = (
    *DATE_CENTURY_ORDINALS,
    *(w[:-1] + "a" for w in DATE_CENTURY_ORDINALS if w.endswith("o")),
)
DATE_FISCAL = ("año fiscal", "ejercicio", "ejercicio fiscal")  # "el ejercicio 2024"
DATE_FISCAL_AFTER: tuple[str, ...] = ()
DATE_CURRENT_PERIODS = ("año", "mes", "fin de semana", "año fiscal", "ejercicio")  # "el año"
DATE_THIS_YEAR = ("año", "año en curso", "año actual", "presente año")
DATE_BARE_PERIODS = ("año", "mes", "semana", "década", "siglo")  # "a finales de año"
DATE_RIGHT_YEAR_PRE = ("próximo", "pasado")  # "octubre del próximo año"
DATE_RIGHT_YEAR_POST = ("próximo", "pasado", "siguiente", "anterior", "que viene")
DATE_ANAPHORIC_QUALIFIERS = frozenset({"anterior", "siguiente", "después", "posterior"})
DATE_SAME_UNITS: dict[str, str] = {
    "día": "day", "fecha": "day", "jornada": "day", "semana": "week", "mes": "month",
    "trimestre": "quarter", "año": "year", "periodo": "", "período": "", "momento": "",
}  # fmt: skip
DATE_SAME_DET = (
    "ese", "esa", "aquel", "aquella", "el mismo", "la misma", "ese mismo", "esa misma",
    "aquel mismo", "aquella misma",
)  # fmt: skip
DATE_YEAR_BACK = (  # "el mismo periodo del año pasado"
    *(f"del año {w}" for w in ("pasado", "anterior")),
    "de hace un año", "hace un año", "un año antes",
)  # fmt: skip
DATE_YEAR_EARLIER: tuple[str, ...] = ()
DATE_AT_THE_TIME = ("en aquel momento", "en ese momento", "por aquel entonces", "en aquella época")
DATE_CLOCK_PREFIX = ("a las", "a la")  # "a las 15"
DATE_OCLOCK = ("en punto",)
DATE_NAMED_TIMES: dict[str, int] = {"mediodía": 12, "medianoche": 0}
DATE_CLOCK_LEAD = ("del", "de", "el")
DATE_CLOCK_TRAIL = ("a las", "de", "del")
DATE_ENDED = (  # "el trimestre terminado el 30 de septiembre"
    "terminado el", "terminada el", "cerrado el", "cerrada el", "concluido el",
    "concluida el", "finalizado el", "finalizada el", "que terminó el", "que cerró el",
)  # fmt: skip
DATE_REFERENCED_PERIODS = ("trimestre", "periodo", "período")
DATE_REWRITES: dict[str, str] = {"fin de año": "finales de año", "cierre del año": "finales de año"}
DATE_CLOCK_HALVES: dict[str, str] = {}
DATE_CLOCK_HOURS: tuple[str, ...] = ()
DATE_RECENT_HISTORY: tuple[str, ...] = ()
DATE_HISTORY: tuple[str, ...] = ()
DATE_DURATION_DET = ("los", "las")
DATE_DURATION_LEAD = (
    "últimos", "últimas", "próximos", "próximas", "primeros", "primeras", "pasados",
)  # fmt: skip
DATE_DURATION_ADJ: tuple[str, ...] = ()
DATE_DURATION_POST = (
    "consecutivos", "consecutivas", "seguidos", "seguidas", "enteros", "enteras", "completos",
    "completas", "más", "anteriores", "siguientes", "pasados", "próximos",
)  # fmt: skip
DATE_AND_A_HALF = ("y medio", "y media")  # "dos años y medio"
DATE_DURATION_OF = ("de", "del")  # "los primeros seis meses del año"
DATE_DURATION_OF_DET = ("este", "el")
DATE_BARE_PREPOSITIONS: dict[str, tuple[str, ...]] = {}
DATE_ELISIONS: tuple[str, ...] = ()
DATE_WEEKDAY_POD_LINK = ("por la", "en la")  # "el lunes por la mañana"
DATE_POD_WEEKDAY_LINK = ("del",)  # "la mañana del lunes"
DATE_WEEK_OF = ("del", "de")  # "la semana del 3 de mayo"
DATE_ROMAN_CENTURY_FIRST = ("siglo",)  # "el siglo XX"
DATE_CENTURY_NAMES: dict[str, int] = {}
DATE_DURATION_ONE: tuple[str, ...] = ()
DATE_DURATION_QUALIFIERS: tuple[str, ...] = ()
DATE_APPROX_BEFORE_NUMBER = ("unos", "unas")  # "unos 20 años" is approximate, "unos días" fuzzy

# Tense of the verb governing a date (see llmclaims.dates.tense): word cues, no tagger.
# Future (-rá, -rán) and plural conditional (-rían); the singular conditional in -ría is
# listed by word, as many nouns end in -ía ("economía", "mayoría"). Past: preterite (-ó,
# -aron, -ieron), imperfect (-aba, -aban, -ían), and haber + participle.
DATE_TENSE_FUTURE = frozenset({
    "próximo", "próxima", "próximos", "próximas", "podría", "debería", "sería", "tendría",
    "habrá", "habrán", "prevé", "prevén", "planea", "planean", "pretende", "pretenden",
    "previsto", "prevista", "previstos", "previstas", "programado", "programada",
})  # fmt: skip
DATE_TENSE_FUTURE_BIGRAMS = frozenset({("va", "a"), ("van", "a"), ("vamos", "a")})
DATE_TENSE_AUX = frozenset({
    "ha", "han", "he", "hemos", "habéis", "había", "habían", "hubo", "habría", "habrían",
    "haya", "hayan", "hubiera", "hubieran",
})  # fmt: skip
DATE_TENSE_AUX_SKIP = frozenset({"ya", "también", "no", "sido", "nunca", "aún", "todavía"})
DATE_TENSE_AUX_PLANNED = frozenset({"previsto", "prevista", "programado", "programada"})
DATE_TENSE_PARTICIPLES = frozenset({
    "dicho", "hecho", "puesto", "visto", "escrito", "muerto", "abierto", "vuelto", "roto",
    "cubierto", "resuelto", "devuelto", "descubierto", "impuesto", "propuesto", "dispuesto",
})  # fmt: skip
DATE_TENSE_PARTICIPLE_FORM = r"\w{2,}(?:ad|id)(?:o|a|os|as)"
DATE_TENSE_PAST = frozenset({
    "ayer", "anoche", "hace", "pasado", "pasada", "fue", "fueron", "era", "eran", "estuvo",
    "estuvieron", "hubo", "dijo", "dijeron", "hizo", "hicieron", "tuvo", "tuvieron", "pudo",
    "puso", "vino", "quiso", "supo",
})  # fmt: skip
DATE_TENSE_PAST_FORM = r"\w{2,}(?:aron|ieron|aba|aban|ían)|\w{3,}ó"
DATE_TENSE_FUTURE_FORM = r"\w{2,}(?:rá|rán)"
DATE_TENSE_CONDITIONAL_FORM = r"\w{2,}rían"
DATE_TENSE_NOT_VERBS = frozenset({"día", "días", "quizá"})
DATE_TENSE_PRESENT = frozenset({"es", "son", "está", "están"})  # "dijo que está previsto..."
DATE_TENSE_PREP_PAST = frozenset({"desde"})  # "desde marzo"
DATE_TENSE_PREP_NONE = frozenset({"hasta"})  # "hasta el viernes"
