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
