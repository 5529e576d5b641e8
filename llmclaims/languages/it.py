"""Italian: the words llmclaims' checks need, as data (see `llmclaims.languages`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

CODE = "it"
NAME = "Italiano"

# Grounding: words a fuzzy match may never add, drop or change. In normalized form (NFKD,
# case-folded): "ne\u0301" is "né".
NEGATIONS = frozenset(
    {
        "non",
        "mai",
        "ne\u0301",
        "nessun",
        "nessuno",
        "nessuna",
        "niente",
        "nulla",
        "senza",
        "neanche",
        "nemmeno",
        "neppure",
    }
)

# Sentence splitting: a period after these does not end a sentence (lower case, no final period).
ABBREVIATIONS = frozenset(
    {
        "sig",
        "sigg",
        "dott",
        "dott.ssa",
        "prof.ssa",
        "ing",
        "avv",
        "on",
        "pag",
        "art",
        "cap",
        "fig",
        "vol",
        "n",
        "nn",
        "cfr",
        "p.es",
        "ca",
    }
)

# Claim checks: word beginnings of predicates that carry a negation in their meaning, so a claim
# "gli obbligazionisti hanno respinto l'offerta" restates "Hanno detto no."
NEGATIVE_PREDICATES = (
    "respin",
    "smenti",
    "rifiut",
    "nega",
    "negat",
    "nego",
    "esclu",
    "declin",
)


# Hedging: cue phrases by category, lower case; a space stands for any whitespace and ' for any
# apostrophe. `llmclaims.hedging` reads them: conditionals and modals are `conditional` and
# `modal` cues, the five lists from EPISTEMIC_VERBS to HEDGE_CONDITIONS together are `hedge_word`.

# Every -rebbe / -rebbero word is a conditional, found by `conditional_spans` below; these are
# listed for the reader, and are the auxiliaries that take a participle along.
CONDITIONALS = ("avrebbe", "avrebbero", "sarebbe", "sarebbero", "starebbe", "starebbero")

MODALS = (
    "potrebbe",
    "potrebbero",
    "dovrebbe",
    "dovrebbero",
    "potrebbe essere",
    "può darsi",
    "potrà",
    "potranno",
)

HEDGE_ADVERBS = (  # adverbs and adjectives; "parrebbe", "sembrerebbe" are conditionals
    "presunto",
    "presunta",
    "presunti",
    "presunte",
    "presumibilmente",
    "presumibile",
    "apparentemente",
    "probabilmente",
    "probabile",
    "forse",
    "verosimilmente",
    "non confermato",
    "non confermata",
    "non confermati",
    "non confermate",
    "eventuale",
    "eventuali",
)

IMPERSONAL_HEDGES = (
    "non è chiaro",
    "non è ancora chiaro",
    "non è noto",
    "non si sa",
    "non si esclude",
    "non è escluso",
    "si ipotizza",
    "si teme",
    "si temono",
    "resta da chiarire",
    "resta da capire",
    "si dice",
    "si ritiene",
    "si presume",
    "è possibile che",
    "è probabile che",
    "impossibile dirlo",
    "impossibile stabilire",
    "impossibile sapere",
)

EPISTEMIC_VERBS = ("pare", "sembra", "sembrano", "sembrava")

HEDGE_NOUNS = ("ipotesi", "indiscrezioni", "secondo indiscrezioni")

HEDGE_CONDITIONS = ("se confermata", "qualora")

# The hypothetical "se ... dovesse/dovessero" (up to six words in between; the cue spans them):
# `hedge_word` cues found by pattern (case-insensitive; the engine adds the word boundaries).
HEDGE_PATTERNS = (r"se(?:\s+[^\s.;:!?]+){0,6}?\s+dovess(?:e|ero)(?!\w)",)

REPORTING_VERBS = (
    "riferito",
    "secondo quanto riferito",
    "come riferito",
    "fatto sapere",
    "dice",
    "dicono",
    "afferma",
    "affermano",
    "dichiara",
    "dichiarano",
    "spiega",
    "spiegano",
    "riferisce",
    "riferiscono",
    "sostiene",
    "sostengono",
    "riporta",
    "riportano",
    "fa sapere",
    "fanno sapere",
    "secondo",
    "secondo quanto",
    "stando a",
    "a detta di",
)

# Reporting participles: a `reporting` cue only after a form of *avere*
# (`REPORTING_AUXILIARY`, which the cue includes: "ha detto", "hanno confermato", "aveva
# precedentemente riferito"), not alone ("è sostenuto da" is passive, "Detto altrimenti" means
# "in other words").
REPORTING_PARTICIPLES = (
    "detto",
    "dichiarato",
    "affermato",
    "spiegato",
    "riferito",
    "chiarito",
    "sottolineato",
    "confermato",
    "annunciato",
    "aggiunto",
    "precisato",
    "ribadito",
    "denunciato",
    "scritto",
    "riportato",
    "osservato",
    "rivelato",
    "raccontato",
    "sostenuto",
    "assicurato",
    "ammesso",
    "negato",
    "smentito",
    "accusato",
    "fatto sapere",
)
REPORTING_AUXILIARY = (
    r"(?:ha|hanno|aveva|avevano|avrebbe|avrebbero|abbia|abbiano|avrà|avranno|aver|avere"
    r"|avendo|hanno\s+già|ha\s+già)\s+(?:[^\W\d_]+mente\s+)?"
)

# Clause breaks: words that open a new clause, so a cue before them does not govern the events
# after them ("potrebbe scendere, ma i profitti sono saliti"); `llmclaims.hedging.cue_scope`.
CLAUSE_BREAKS = (
    "ma",
    "mentre",
    "perché",
    "poiché",
    "sebbene",
    "benché",
    "quando",
    "dopo",
    "prima",
    "e",
    "o",
    "secondo",
)

CERTAINTY_BOOSTERS = (
    "inconfutabile",
    "inconfutabili",
    "innegabile",
    "innegabili",
    "indiscutibile",
    "indiscutibili",
    "certamente",
    "sicuramente",
    "indubbiamente",
    "senza dubbio",
    "senza alcun dubbio",
    "di certo",
)

_SECONDO_ORDINAL = frozenset(
    {"un", "il", "lo", "la", "al", "del", "nel", "dal", "sul", "col", "in", "per", "ogni"}
)


def _is_ordinal_secondo(text: str, m: re.Match[str]) -> bool:
    """The ordinal, not "according to": "secondo" after an article ("un secondo funzionario")."""
    prev = re.search(r"(\w+)\W*$", text[: m.start()])
    return bool(prev) and prev.group(1).lower() in _SECONDO_ORDINAL  # type: ignore[union-attr]


# Cue phrases that are not cues in some contexts: phrase -> test(text, match) -> True to skip.
CUE_VETOES: dict[str, Callable[[str, re.Match[str]], bool]] = {"secondo": _is_ordinal_secondo}

_PARTICIPLE = r"[^\W\d_]+?(?:[aiu]t|tt|st|nt|rt|s)[oaie]|[^\W\d_]+(?:ando|endo)"
_AUXILIARY = r"(?:av|sa|sta)rebbe(?:ro)?"  # avrebbe(ro), sarebbe(ro), starebbe(ro)
_CONDITIONAL_RE = re.compile(
    rf"(?<!\w)(?:(?:{_AUXILIARY})(?:\s+(?:già|anche|ormai|poi|mai|stat[oaie]))?\s+(?:{_PARTICIPLE})"
    r"|[^\W\d_]+rebbe(?:ro)?)(?!\w)",
    re.IGNORECASE,
)
_MODAL_HEADS = frozenset(MODALS)


def conditional_spans(text: str) -> Iterator[tuple[int, int]]:
    """The journalistic conditional: any word ending in -rebbe / -rebbero ("avrebbe",
    "indicherebbe", "confermerebbero"), except the modals potere / dovere (`MODALS`) and the
    forms of (ac/de/in/rin/ri)crescere ("crebbe" is a past tense); the auxiliaries avere /
    essere / stare take their participle or gerund along ("avrebbe colpito", "sarebbero
    entrati", "starebbe traendo"). A rule, because the lexicon cannot list every verb."""
    if "rebbe" not in text.lower():  # in every match: most texts are turned away here
        return
    for m in _CONDITIONAL_RE.finditer(text):
        head = m.group().lower().split()[0]
        if head in _MODAL_HEADS or head.endswith(("crebbe", "crebbero")):
            continue
        yield m.start(), m.end()


# Prompt: this language's lines of the few-shot guidance (`llmclaims.prompt_files` renders every
# registered language's into the system prompt): typical cues, and one worked example.
PROMPT_CUES = (
    'Italian journalistic conditional = probable, reported: "avrebbe colpito", "sarebbero '
    'entrati", "indicherebbe", "starebbe"; "presunto", "secondo", "pare", "non è chiaro" '
    '(possible or unknown); "se ... dovessero"; boosters "inconfutabili".'
)
PROMPT_EXAMPLE = (
    "Example (Italian): "
    "«Kirby ha spiegato che gli Usa sarebbero entrati in possesso di informazioni "
    'inconfutabili». Kirby (source) is certain, evidential direct, cues ["inconfutabili"]; '
    'the article (author) is probable, evidential reported, cues ["sarebbero entrati"].'
)
# Timeline expressions as an article writes them (the prompt asks for them verbatim).
PROMPT_DATE_EXPRESSIONS = ("tra il 30 dicembre e il 2 gennaio",)
# Sources as an article names them: an anonymous one, one quoted through an outlet.
PROMPT_ANONYMOUS_SOURCES = ("un funzionario americano",)
PROMPT_NESTED_ATTRIBUTIONS = ("ha detto al WP",)

# Dates: word tables read by llmclaims.dates (lower case), merged across languages.

DATE_MONTHS: dict[str, int] = {
        "gennaio": 1, "genn": 1, "gen": 1, "febbraio": 2, "febbr": 2, "feb": 2, "marzo": 3,
        "mar": 3, "aprile": 4, "apr": 4, "maggio": 5, "magg": 5, "mag": 5, "giugno": 6,
        "giu": 6, "luglio": 7, "lug": 7, "agosto": 8, "settembre": 9, "sett": 9,
        "ottobre": 10, "ott": 10, "novembre": 11, "nov": 11, "dicembre": 12, "dic": 12,
    }  # fmt: skip

DATE_WEEKDAYS: dict[str, int] = {
        "lunedì": 1, "lunedi": 1, "martedì": 2, "martedi": 2, "mercoledì": 3, "mercoledi": 3,
        "giovedì": 4, "giovedi": 4, "venerdì": 5, "venerdi": 5, "sabato": 6, "domenica": 7,
    }  # fmt: skip

DATE_SEASONS: dict[str, str] = {"primavera": "SP", "estate": "SU", "autunno": "FA", "inverno": "WI"}

DATE_PARTS_OF_DAY: dict[str, str] = {
        "mattina": "MO", "mattino": "MO", "mattinata": "MO", "pomeriggio": "AF",
        "sera": "EV", "serata": "EV", "notte": "NI", "nottata": "NI",
    }  # fmt: skip

DATE_DEICTIC_DAYS: dict[str, tuple[int, str | None]] = {
        "oggi": (0, None), "ieri": (-1, None), "domani": (1, None), "l' altro ieri": (-2, None),
        "l' altroieri": (-2, None), "ieri l' altro": (-2, None), "avantieri": (-2, None),
        "dopodomani": (2, None), "stamattina": (0, "MO"), "stamani": (0, "MO"),
        "stamane": (0, "MO"), "stasera": (0, "EV"), "stanotte": (0, "NI"),
        "questa mattina": (0, "MO"), "questo pomeriggio": (0, "AF"), "questa sera": (0, "EV"),
        "questa notte": (0, "NI"), "ieri notte": (-1, "NI"),
    }  # fmt: skip

DATE_VAGUE: dict[str, str] = {
        "di recente": "PAST_REF", "recentemente": "PAST_REF", "ultimamente": "PAST_REF",
        "in passato": "PAST_REF", "passato": "PAST_REF", "un tempo": "PAST_REF",
        "tempo fa": "PAST_REF", "poco fa": "PAST_REF", "da poco": "PAST_REF",
        "in precedenza": "PAST_REF", "precedentemente": "PAST_REF", "storia": "PAST_REF",
        "ora": "PRESENT_REF", "adesso": "PRESENT_REF", "attualmente": "PRESENT_REF",
        "al momento": "PRESENT_REF", "momento": "PRESENT_REF",
        "in questo momento": "PRESENT_REF", "per ora": "PRESENT_REF",
        "per il momento": "PRESENT_REF", "oggigiorno": "PRESENT_REF",
        "oggi giorno": "PRESENT_REF", "ai giorni nostri": "PRESENT_REF",
        "attuale": "PRESENT_REF", "in corso": "PRESENT_REF", "di questi tempi": "PRESENT_REF",
        "in futuro": "FUTURE_REF", "futuro": "FUTURE_REF", "presto": "FUTURE_REF",
        "a breve": "FUTURE_REF", "tra poco": "FUTURE_REF", "fra poco": "FUTURE_REF",
        "prossimamente": "FUTURE_REF", "più tardi": "FUTURE_REF", "in seguito": "FUTURE_REF",
        "a lungo termine": "FUTURE_REF", "lungo termine": "FUTURE_REF",
        "nel lungo periodo": "FUTURE_REF", "lungo periodo": "FUTURE_REF",
        "a breve termine": "FUTURE_REF", "breve termine": "FUTURE_REF",
        "a medio termine": "FUTURE_REF", "medio termine": "FUTURE_REF",
    }  # fmt: skip

DATE_SET_WORDS: dict[str, str] = {
        "annuale": "P1Y", "annuali": "P1Y", "annualmente": "P1Y", "annuo": "P1Y",
        "annua": "P1Y", "all' anno": "P1Y", "mensile": "P1M", "mensili": "P1M",
        "mensilmente": "P1M", "al mese": "P1M", "settimanale": "P1W", "settimanali": "P1W",
        "settimanalmente": "P1W", "alla settimana": "P1W", "quotidiano": "P1D",
        "quotidiana": "P1D", "quotidianamente": "P1D", "giornaliero": "P1D",
        "giornaliera": "P1D", "giornalmente": "P1D", "al giorno": "P1D", "orario": "PT1H",
        "trimestrale": "P3M", "semestrale": "P6M", "biennale": "P2Y",
    }  # fmt: skip

DATE_UNITS: dict[str, tuple[str, int, bool]] = {
        "secondo": ("S", 1, True), "secondi": ("S", 1, True), "minuto": ("M", 1, True),
        "minuti": ("M", 1, True), "ora": ("H", 1, True), "ore": ("H", 1, True),
        "giorno": ("D", 1, False), "giorni": ("D", 1, False), "giornata": ("D", 1, False),
        "giornate": ("D", 1, False), "notte": ("D", 1, False), "notti": ("D", 1, False),
        "settimana": ("W", 1, False), "settimane": ("W", 1, False),
        "mese": ("M", 1, False), "mesi": ("M", 1, False), "trimestre": ("Q", 1, False),
        "trimestri": ("Q", 1, False), "semestre": ("M", 6, False),
        "semestri": ("M", 6, False), "anno": ("Y", 1, False), "anni": ("Y", 1, False),
        "biennio": ("Y", 2, False), "bienni": ("Y", 2, False), "triennio": ("Y", 3, False),
        "trienni": ("Y", 3, False), "quinquennio": ("Y", 5, False), "lustro": ("Y", 5, False),
        "lustri": ("Y", 5, False), "decennio": ("DE", 1, False), "decenni": ("DE", 1, False),
        "secolo": ("CE", 1, False), "secoli": ("CE", 1, False),
        "millennio": ("ML", 1, False), "millenni": ("ML", 1, False),
    }  # fmt: skip

DATE_CAL_UNITS: dict[str, str] = {
        "settimana": "week", "fine settimana": "weekend", "mese": "month",
        "trimestre": "quarter", "semestre": "half", "anno": "year", "decennio": "decade",
        "secolo": "century", "anno fiscale": "fy", "esercizio": "fy", "giorno": "day",
    }  # fmt: skip

DATE_QUAL_PRE: dict[str, int] = {
        "questo": 0, "questa": 0, "quest'": 0, "scorso": -1, "scorsa": -1, "passato": -1,
        "passata": -1, "ultimo": -1, "ultima": -1, "prossimo": 1, "prossima": 1,
    }  # fmt: skip

DATE_QUAL_POST: dict[str, int] = {
        "corrente": 0, "in corso": 0, "attuale": 0, "scorso": -1, "scorsa": -1,
        "passato": -1, "passata": -1, "precedente": -1, "prima": -1, "prossimo": 1,
        "prossima": 1, "venturo": 1, "ventura": 1, "successivo": 1, "successiva": 1,
        "dopo": 1,
    }  # fmt: skip

DATE_ORDINALS: dict[str, int] = {
        "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3,
        "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5, "ultimo": -1, "ultima": -1,
    }  # fmt: skip

DATE_CENTURY_ORDINALS: dict[str, int] = {
        "primo": 1, "secondo": 2, "terzo": 3, "quarto": 4, "quinto": 5, "sesto": 6,
        "settimo": 7, "ottavo": 8, "nono": 9, "decimo": 10, "undicesimo": 11,
        "dodicesimo": 12, "tredicesimo": 13, "quattordicesimo": 14, "quindicesimo": 15,
        "sedicesimo": 16, "diciassettesimo": 17, "diciottesimo": 18, "diciannovesimo": 19,
        "ventesimo": 20, "ventunesimo": 21, "ventiduesimo": 22,
    }  # fmt: skip

DATE_DECADE_WORDS: dict[str, int] = {  # after "anni": "gli anni Novanta"
        "venti": 2, "trenta": 3, "quaranta": 4, "cinquanta": 5, "sessanta": 6,
        "settanta": 7, "ottanta": 8, "novanta": 9,
    }  # fmt: skip

DATE_PREFIXES: list[tuple[str, str | None]] = [
        ("più di", "MORE_THAN"), ("oltre", "MORE_THAN"), ("meno di", "LESS_THAN"),
        ("quasi", "LESS_THAN"), ("almeno", "EQUAL_OR_MORE"), ("intorno a", "APPROX"),
        ("intorno al", "APPROX"), ("attorno a", "APPROX"), ("verso", "APPROX"),
        ("all' incirca", "APPROX"), ("all' inizio", "START"), ("agli inizi", "START"),
        ("inizio", "START"), ("inizi", "START"), ("primi", "START"), ("a metà", "MID"),
        ("metà", "MID"), ("alla fine", "END"), ("sul finire", "END"), ("fine", "END"),
        ("prima", "BEFORE"), ("dopo", "AFTER"),
        ("da qui", None), ("finora", None), ("già", None), ("ancora", None), ("sin", None),
        ("fin", None), ("fino", None),
        ("a partire", None), ("entro", None), ("per", None), ("durante", None),
        ("nel corso", None), ("il", None), ("lo", None), ("la", None), ("l'", None),
        ("i", None), ("gli", None), ("le", None), ("del", None), ("dello", None),
        ("della", None), ("dell'", None), ("dei", None), ("degli", None), ("delle", None),
        ("nel", None), ("nello", None), ("nella", None), ("nell'", None), ("nei", None),
        ("negli", None), ("nelle", None), ("al", None), ("allo", None), ("alla", None),
        ("all'", None), ("ai", None), ("agli", None), ("alle", None), ("dal", None),
        ("dallo", None), ("dalla", None), ("dall'", None), ("dai", None), ("dagli", None),
        ("dalle", None), ("sul", None), ("sullo", None), ("sulla", None), ("sull'", None),
        ("di", None), ("d'", None), ("da", None), ("ad", None), ("su", None),
    ]  # fmt: skip


# Holidays: (month, day), ("easter", days after Easter Sunday) or ("nth", month, ISO weekday, n).
DATE_HOLIDAYS: dict[str, tuple[int, int] | tuple[str, int] | tuple[str, int, int, int]] = {
    "natale": (12, 25), "vigilia di natale": (12, 24), "santo stefano": (12, 26),
    "capodanno": (1, 1), "san silvestro": (12, 31), "epifania": (1, 6), "befana": (1, 6),
    "ferragosto": (8, 15), "san valentino": (2, 14), "festa della liberazione": (4, 25),
    "festa della repubblica": (6, 2), "festa dei lavoratori": (5, 1),
    "ognissanti": (11, 1), "pasqua": ("easter", 0), "pasquetta": ("easter", 1),
    "venerdì santo": ("easter", -2),
}  # fmt: skip

# Grounding: words a fuzzy match may never add, drop or alter (numbers and their scale carry
# facts), and function words that cannot carry a claim on their own.
NUMBER_WORDS = frozenset({
    "zero", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici",
    "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto",
    "diciannove", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta",
    "novanta", "cento", "duecento", "trecento", "mezzo", "mezza", "metà", "dozzina", "dozzine",
    "primo", "terzo", "terza", "quarto", "quarta", "quinto", "quinta", "doppio", "doppia", "triplo"
})  # fmt: skip
MAGNITUDES = frozenset({
    "mille", "mila", "milione", "milioni", "miliardo", "miliardi", "bilione", "bilioni",
    "centinaia", "migliaia", "mld", "mln", "percento"
})  # fmt: skip
STOPWORDS = frozenset({
    "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "di", "a", "da", "in", "con",
    "su", "per", "tra", "fra", "del", "dello", "della", "dei", "degli", "delle", "al", "allo",
    "alla", "ai", "agli", "alle", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "nel", "nello",
    "nella", "nei", "negli", "nelle", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "e", "ed",
    "o", "od", "ma", "se", "che", "chi", "cui", "come", "quando", "dove", "anche", "poi", "già",
    "più", "meno", "molto", "così", "questo", "questa", "questi", "queste", "quello", "quella",
    "quelli", "quelle", "è", "sono", "era", "erano", "sia", "siano", "essere", "stato", "stata",
    "stati", "state", "ha", "hanno", "aveva", "avevano", "avere", "c", "ci", "si", "ne", "mi",
    "ti", "vi", "lui", "lei", "loro", "noi", "voi", "io", "tu", "suo", "sua", "suoi", "sue",
    "nostro", "nostra", "detto", "dice"
})  # fmt: skip

# Plural units: a unit word without a count is an unknown number of them ("settimane": PXW).
DATE_PLURAL_UNITS = frozenset({
    "secondi", "minuti", "ore", "giorni", "giornate", "notti", "settimane", "mesi",
    "trimestri", "semestri", "anni", "bienni", "trienni", "lustri", "decenni", "secoli",
    "millenni",
})  # fmt: skip

# Trailing modifiers ("tre anni circa") with the TimeML mod they imply.
DATE_SUFFIXES: dict[str, str | None] = {
    "circa": "APPROX", "a questa parte": None, "e oltre": "EQUAL_OR_MORE",
}  # fmt: skip

# A time zone that is stated but cannot be converted to an offset.
DATE_LOCAL_TIME = ("ora italiana",)


def _number_words() -> dict[str, float]:
    units = [
        "zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
        "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici",
        "diciassette", "diciotto", "diciannove",
    ]  # fmt: skip
    tens = ["venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta",
            "novanta"]  # fmt: skip
    words: dict[str, float] = {w: i for i, w in enumerate(units)}
    for t, ten in enumerate(tens, start=2):
        words[ten] = 10 * t
        for u in range(1, 10):
            unit = units[u]
            stem = ten[:-1] if unit[0] in "uo" else ten  # ventuno, ventotto
            words[stem + unit] = 10 * t + u
            if unit == "tre":
                words[stem + "tré"] = 10 * t + u
    words.update({
        "un": 1, "una": 1, "un'": 1, "un paio di": 2, "paio di": 2, "una dozzina di": 12,
        "cento": 100, "mezzo": 0.5, "mezza": 0.5, "mezz'": 0.5,
    })  # fmt: skip
    return words


# Cardinal number words 0-99 and counting idioms ("un paio di", "mezz'").
DATE_NUMBERS: dict[str, float] = _number_words()
# Spelled-out years, written as one word: "millenovecentonovantasei", "duemilanove".
DATE_YEAR_THOUSANDS = {"mille": 1000, "duemila": 2000}
DATE_YEAR_HUNDREDS = {
    "cento": 100, "duecento": 200, "trecento": 300, "quattrocento": 400, "cinquecento": 500,
    "seicento": 600, "settecento": 700, "ottocento": 800, "novecento": 900,
}  # fmt: skip
DATE_YEAR_JOINERS = ("",)
# Quantities with no definite count ("diverse settimane": PXW).
DATE_FUZZY_NUMBERS = frozenset({
    "qualche", "alcuni", "alcune", "diversi", "diverse", "vari", "varie", "pochi", "poche",
    "molti", "molte", "parecchi", "parecchie", "tanti", "tante", "numerosi", "numerose",
})  # fmt: skip

# Function words the date patterns are built from (lower case; elided articles are written
# with a space, "dell' anno", as the normalizer's cleaning splits them).
DATE_ARTICLES = ("la", "il", "lo", "l'")
DATE_INDEFINITE_ARTICLES: tuple[str, ...] = ()
DATE_OF = ("del", "dell'", "di", "dello", "della")  # "il primo trimestre del 2009"
DATE_DAY_OF_MONTH: tuple[str, ...] = ()
DATE_YEAR_OF = ("del",)  # "gennaio del 2024"
DATE_DAY_ONE = ("primo",)  # "il primo maggio"
DATE_ORDINAL_SUFFIXES: tuple[str, ...] = ()
DATE_YEAR_WORD = ("anno",)
DATE_WEEK_WORD = ("settimana",)
DATE_QUARTER_WORD = ("trimestre",)
DATE_HALF_WORD = ("semestre",)
DATE_CENTURY_WORD = ("secolo",)
DATE_DECADE_PREFIX = ("anni",)  # "gli anni Novanta", "gli anni '90"
DATE_BARE_DECADE_WORDS: dict[str, int] = {}  # "venti" alone is a number
DATE_FULL: tuple[str, ...] = ()
DATE_RANGE_OPEN = ("tra", "fra", "dal", "dallo", "dalla", "dall'", "dai", "da")
DATE_RANGE_JOIN = ("e", "a", "al", "allo", "alla", "all'", "ai", "fino al", "fino a")
DATE_RANGE_JOIN_BARE: tuple[str, ...] = ()
DATE_YEAR_RANGE_JOIN = ("al", "e")  # "dal 2009 al 2011"
DATE_AGO = ("fa",)
DATE_AGO_BEFORE: tuple[str, ...] = ()
DATE_IN = ("tra", "fra")  # "tra due settimane"
DATE_IN_TAIL: tuple[str, ...] = ()
DATE_EARLIER: tuple[str, ...] = ()
DATE_LATER = ("dopo", "più tardi")  # "due anni dopo": from the reference
DATE_BEFORE = ("prima",)
DATE_UNIT_COMPOUNDS: tuple[str, ...] = ()
DATE_ADVERB_SUFFIXES: tuple[str, ...] = ()
DATE_EVERY = ("ogni", "tutti i", "tutte le")
DATE_TIMES_FIXED = ("una volta",)  # "una volta al mese"
DATE_TIMES_COUNTED = ("volte",)  # "tre volte all'anno"
DATE_TIMES_PER = ("al", "alla", "all'", "ogni", "a", "per")
DATE_EVERY_OTHER: tuple[str, ...] = ()
DATE_THE_DAY = ("giornata odierna",)
DATE_POD_LINK = ("di",)  # "ieri di sera"
DATE_POD_OF = ("del", "di", "dello", "della", "dell'")  # "la sera del 4 gennaio"
DATE_STREAK_ARTICLES = ("la", "il", "lo")
DATE_STREAK_PRE: tuple[str, ...] = ()
DATE_STREAK_POST = ("consecutivo", "consecutiva", "consecutivi", "consecutive", "di fila")
DATE_IN_A_ROW = ("di fila", "consecutivo", "consecutiva", "consecutivi", "consecutive")
DATE_STREAK_UNITS: dict[str, str] = {
    "giorno": "day", "giornata": "day", "seduta": "day", "settimana": "week",
    "mese": "month", "trimestre": "quarter", "anno": "year",
}  # fmt: skip
# "la terza seduta consecutiva": ordinals in both genders.
DATE_STREAK_ORDINALS = (*DATE_CENTURY_ORDINALS, *(w[:-1] + "a" for w in DATE_CENTURY_ORDINALS))
DATE_FISCAL = ("anno fiscale", "esercizio", "esercizio fiscale")  # "l'esercizio 2009"
DATE_FISCAL_AFTER: tuple[str, ...] = ()
DATE_CURRENT_PERIODS = (
    "anno",
    "mese",
    "anno fiscale",
    "esercizio",
)  # after an article: the current one ("l'anno")
DATE_THIS_YEAR = ("anno", "anno in corso", "anno corrente")
DATE_BARE_PERIODS = ("anno", "mese", "settimana", "decennio", "secolo")  # "a fine anno"
DATE_RIGHT_YEAR_PRE = ("prossimo", "scorso")  # "ottobre del prossimo anno"
DATE_RIGHT_YEAR_POST = ("prossimo", "scorso", "successivo", "precedente")  # "dell'anno prossimo"
DATE_ANAPHORIC_QUALIFIERS = frozenset({"precedente", "prima", "dopo", "successivo", "successiva"})
# "lo stesso giorno", "quel mese": the reference time ("" = at its granularity).
DATE_SAME_UNITS: dict[str, str] = {
    "giorno": "day", "giornata": "day", "data": "day", "settimana": "week", "mese": "month",
    "trimestre": "quarter", "anno": "year", "periodo": "", "momento": "", "tempo": "",
}  # fmt: skip
DATE_SAME_DET = (
    "quel", "quell'", "quella", "quello", "lo stesso", "la stessa", "quello stesso",
    "quella stessa", "quel stesso", "stesso", "stessa",
)  # fmt: skip
DATE_YEAR_BACK = (  # "lo stesso periodo dell'anno scorso"
    *(f"{p} {w}" for p in ("dell'", "del")
      for w in ("anno scorso", "anno precedente", "anno prima", "anno passato", "scorso anno",
                "lo scorso anno")),
    *(f"{p}un anno {w}" for p in ("", "di ") for w in ("fa", "prima")),
)  # fmt: skip
DATE_YEAR_EARLIER: tuple[str, ...] = ()
DATE_AT_THE_TIME = ("all' epoca", "a quel tempo", "in quel momento")
DATE_CLOCK_PREFIX = ("alle", "all'", "ore")  # "alle 15"
DATE_OCLOCK: tuple[str, ...] = ()
DATE_NAMED_TIMES: dict[str, int] = {"mezzogiorno": 12, "mezzanotte": 0}
DATE_CLOCK_LEAD = ("del", "di", "il")
DATE_CLOCK_TRAIL = ("alle", "ore", "del", "di")
DATE_RECENT_HISTORY: tuple[str, ...] = ()
DATE_HISTORY: tuple[str, ...] = ()
DATE_DURATION_DET = ("gli", "i", "le")
DATE_DURATION_LEAD = (
    "ultimi", "ultime", "prossimi", "prossime", "primi", "prime", "scorsi", "scorse",
    "passati", "passate", "trascorsi", "trascorse",
)  # fmt: skip
DATE_DURATION_ADJ: tuple[str, ...] = ()
DATE_DURATION_POST = (
    "consecutivi", "consecutive", "interi", "intere", "pieni", "piene", "lavorativi",
    "lavorative", "successivi", "successive", "precedenti", "scorsi", "scorse", "passati",
    "passate", "prossimi", "prossime", "di fila", "in più", "ancora",
)  # fmt: skip
DATE_AND_A_HALF = ("e mezzo", "e mezza")  # "due anni e mezzo"
DATE_DURATION_OF = ("del", "dell'", "dello", "della", "di")  # "i primi tre mesi dell'anno"
DATE_DURATION_OF_DET = ("l'", "quest'")
# "a" is a preposition in Italian ("a gennaio", "a fine anno"), dropped before a month or
# these words only (in English "a" is the article of "a year").
DATE_BARE_PREPOSITIONS: dict[str, tuple[str, ...]] = {"a": ("fine", "metà", "inizio", "partire")}
# Elided articles and prepositions ("l'anno"), split off by the normalizer's cleaning.
DATE_ELISIONS = ("l", "dell", "nell", "all", "dall", "sull", "quest", "un", "mezz", "d")
DATE_WEEKDAY_POD_LINK: tuple[str, ...] = ()
DATE_POD_WEEKDAY_LINK: tuple[str, ...] = ()
DATE_WEEK_OF = ("del", "dell'", "di")  # "la settimana del 3 marzo"
DATE_ROMAN_CENTURY_FIRST = ("secolo",)  # "secolo XX"
# Names of centuries: "il Novecento" is the 1900s (TIMEX3 value "19").
DATE_CENTURY_NAMES: dict[str, int] = {
    "duecento": 12, "trecento": 13, "quattrocento": 14, "cinquecento": 15, "seicento": 16,
    "settecento": 17, "ottocento": 18, "novecento": 19,
}  # fmt: skip

DATE_ENDED = (  # "il trimestre chiuso al 30 settembre"
    "chiuso al", "chiusa al", "chiuso il", "chiusa il", "terminato il", "terminata il",
    "concluso il", "conclusa il", "concluso al", "conclusa al",
)  # fmt: skip
DATE_REFERENCED_PERIODS = ("trimestre", "periodo")
DATE_REWRITES: dict[str, str] = {}
DATE_CLOCK_HALVES: dict[str, str] = {}
DATE_CLOCK_HOURS: tuple[str, ...] = ()
DATE_DURATION_ONE: tuple[str, ...] = ()
DATE_DURATION_QUALIFIERS: tuple[str, ...] = ()
DATE_APPROX_BEFORE_NUMBER: tuple[str, ...] = ()

# Tense of the verb governing a date (see llmclaims.dates.tense): word cues, no tagger.
# Future (-rà, -ranno), conditional present (-rebbe), compound past (ha/hanno/è/sono +
# participle), imperfect and simple past endings.
DATE_TENSE_FUTURE = frozenset({"prossimo", "prossima", "prossimi", "prossime", "domani",
                               "dopodomani"})  # fmt: skip
DATE_TENSE_AUX_PLANNED = frozenset({  # "è previsto", "sono attese": planned, i.e. future
    "previsto", "prevista", "previsti", "previste", "atteso", "attesa", "attesi", "attese",
    "programmato", "programmata", "programmati", "programmate", "fissato", "fissata",
})  # fmt: skip
DATE_TENSE_AUX = frozenset({
    "ho", "hai", "ha", "abbiamo", "avete", "hanno", "aveva", "avevano", "avrebbe",
    "avrebbero", "è", "sono", "siamo", "siete", "era", "erano", "sarebbe", "sarebbero",
    "fu", "furono", "sia", "siano", "fosse", "fossero", "abbia", "abbiano",
})  # fmt: skip
DATE_TENSE_AUX_SKIP = frozenset({
    "già", "stato", "stata", "stati", "state", "anche", "poi", "appena", "mai", "ancora",
    "infatti", "però", "quindi", "invece", "ieri",
})  # fmt: skip
DATE_TENSE_PARTICIPLES = frozenset({
    "fatto", "fatta", "fatti", "fatte", "detto", "detta", "detti", "dette", "preso", "presa",
    "presi", "prese", "messo", "messa", "visto", "vista", "scritto", "scritta", "morto",
    "morta", "morti", "nato", "nata", "chiuso", "chiusa", "aperto", "aperta", "ucciso",
    "uccisa", "uccisi", "rimasto", "rimasta", "rimasti", "successo", "giunto", "giunta",
    "corso", "scelto", "tolto", "reso", "speso", "vinto", "perso", "risposto", "posto",
    "deciso", "diviso", "acceso", "spento", "sceso", "emerso", "esploso", "dimesso",
    "concluso", "incluso", "letto", "stretto", "tratto", "condotto", "prodotto", "ridotto",
    "rotto", "mosso", "comparso", "apparso", "scomparso", "espresso", "promesso", "ammesso",
    "permesso", "commesso", "sospeso", "difeso", "sorpreso", "ripreso", "compreso",
    "raggiunto", "aggiunto", "dichiarato", "richiesto", "chiesto", "assunto", "discusso",
})  # fmt: skip
DATE_TENSE_PARTICIPLE_FORM = r"\w{2,}(?:at|ut|it)[oaie]"
DATE_TENSE_PAST = frozenset({"ieri", "fa", "scorso", "scorsa", "scorsi", "scorse"})
DATE_TENSE_PAST_FORM = r"\w{2,}(?:arono|erono|irono|avano|evano|ivano|ava|eva|iva)|\w{3,}ò"
DATE_TENSE_FUTURE_FORM = r"\w{2,}(?:rà|ranno)"
DATE_TENSE_CONDITIONAL_FORM = r"\w{2,}(?:rebbe|rebbero)"  # "dovrebbe arrivare": future
DATE_TENSE_PREP_NONE = frozenset({"fino"})  # "fino a venerdì": either side
DATE_TENSE_NOT_VERBS = frozenset({
    "però", "perciò", "ciò", "può", "falò", "tiranno", "cava", "lava", "diva", "saliva",
    "gengiva", "nuova",
})  # fmt: skip
