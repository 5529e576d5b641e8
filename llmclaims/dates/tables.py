"""Word tables for dates, merged across languages for matching."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from .values import Granularity, Mod

# ======================================================================================
# Word tables (lower case), per language. They are merged for matching: the one clash
# that matters, "ago" as the Italian abbreviation of agosto, is left out on purpose.
# ======================================================================================

_MONTHS: dict[str, dict[str, int]] = {
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
    "it": {
        "gennaio": 1, "genn": 1, "gen": 1, "febbraio": 2, "febbr": 2, "feb": 2, "marzo": 3,
        "mar": 3, "aprile": 4, "apr": 4, "maggio": 5, "magg": 5, "mag": 5, "giugno": 6,
        "giu": 6, "luglio": 7, "lug": 7, "agosto": 8, "settembre": 9, "sett": 9,
        "ottobre": 10, "ott": 10, "novembre": 11, "nov": 11, "dicembre": 12, "dic": 12,
    },
}  # fmt: skip

_WEEKDAYS: dict[str, dict[str, int]] = {  # ISO weekday numbers, Monday = 1
    "en": {
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
        "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
        "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    },
    "it": {
        "lunedì": 1, "lunedi": 1, "martedì": 2, "martedi": 2, "mercoledì": 3, "mercoledi": 3,
        "giovedì": 4, "giovedi": 4, "venerdì": 5, "venerdi": 5, "sabato": 6, "domenica": 7,
    },
}  # fmt: skip

# TIMEX3 season codes; _SEASON_START gives the (meteorological) first month of each.
_SEASONS: dict[str, dict[str, str]] = {
    "en": {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
    "it": {"primavera": "SP", "estate": "SU", "autunno": "FA", "inverno": "WI"},
}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Parts of the day (TIMEX3 codes).
_PARTS_OF_DAY: dict[str, dict[str, str]] = {
    "en": {
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
        "overnight": "NI", "daytime": "DT", "midday": "MI",
    },
    "it": {
        "mattina": "MO", "mattino": "MO", "mattinata": "MO", "pomeriggio": "AF",
        "sera": "EV", "serata": "EV", "notte": "NI", "nottata": "NI",
    },
}  # fmt: skip

# Deictic day words: (offset in days from publication, part of day or None).
# Elided Italian articles are written with a space ("l' altro ieri"): see _clean().
_DEICTIC_DAYS: dict[str, dict[str, tuple[int, str | None]]] = {
    "en": {
        "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None),
        "the day before yesterday": (-2, None), "the day after tomorrow": (2, None),
        "tonight": (0, "NI"), "last night": (-1, "NI"), "this morning": (0, "MO"),
        "this afternoon": (0, "AF"), "this evening": (0, "EV"), "earlier today": (0, None),
        "later today": (0, None),
    },
    "it": {
        "oggi": (0, None), "ieri": (-1, None), "domani": (1, None), "l' altro ieri": (-2, None),
        "l' altroieri": (-2, None), "ieri l' altro": (-2, None), "avantieri": (-2, None),
        "dopodomani": (2, None), "stamattina": (0, "MO"), "stamani": (0, "MO"),
        "stamane": (0, "MO"), "stasera": (0, "EV"), "stanotte": (0, "NI"),
        "questa mattina": (0, "MO"), "questo pomeriggio": (0, "AF"), "questa sera": (0, "EV"),
        "questa notte": (0, "NI"), "ieri notte": (-1, "NI"),
    },
}  # fmt: skip

# Whole expressions with a fixed vague value.
_VAGUE: dict[str, dict[str, str]] = {
    "en": {
        "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
        "the past": "PAST_REF", "past": "PAST_REF", "formerly": "PAST_REF",
        "previously": "PAST_REF", "earlier": "PAST_REF", "in the past": "PAST_REF",
        "recent times": "PAST_REF", "history": "PAST_REF", "recent history": "PAST_REF",
        "one point": "PAST_REF", "at one point": "PAST_REF", "a while ago": "PAST_REF",
        "some time ago": "PAST_REF", "long ago": "PAST_REF", "a long time ago": "PAST_REF",
        "the old days": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
        "until recently": "PAST_REF",
        "now": "PRESENT_REF", "right now": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "currently": "PRESENT_REF", "current": "PRESENT_REF", "present": "PRESENT_REF",
        "the present": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
        "the moment": "PRESENT_REF", "at the moment": "PRESENT_REF", "for now": "PRESENT_REF",
        "the time being": "PRESENT_REF", "for the time being": "PRESENT_REF",
        "these days": "PRESENT_REF", "ongoing": "PRESENT_REF", "at this time": "PRESENT_REF",
        "the present day": "PRESENT_REF",
        "the future": "FUTURE_REF", "future": "FUTURE_REF", "in the future": "FUTURE_REF",
        "soon": "FUTURE_REF", "very soon": "FUTURE_REF", "shortly": "FUTURE_REF",
        "later": "FUTURE_REF", "later on": "FUTURE_REF", "a later time": "FUTURE_REF",
        "a later date": "FUTURE_REF", "eventually": "FUTURE_REF", "someday": "FUTURE_REF",
        "the long term": "FUTURE_REF", "long-term": "FUTURE_REF", "long term": "FUTURE_REF",
        "the short term": "FUTURE_REF", "short-term": "FUTURE_REF", "short term": "FUTURE_REF",
        "the near term": "FUTURE_REF", "near-term": "FUTURE_REF",
        "the medium term": "FUTURE_REF", "medium-term": "FUTURE_REF",
        "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    },
    "it": {
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
    },
}  # fmt: skip

# Recurrence adverbs and adjectives (TIMEX3 SET values).
_SET_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "per year": "P1Y",
        "per annum": "P1Y", "monthly": "P1M", "per month": "P1M", "weekly": "P1W",
        "per week": "P1W", "daily": "P1D", "per day": "P1D", "nightly": "P1D",
        "hourly": "PT1H", "per hour": "PT1H", "quarterly": "P3M", "biweekly": "P2W",
        "fortnightly": "P2W", "biannual": "P6M", "semiannual": "P6M", "semi-annual": "P6M",
        "biennial": "P2Y",
    },
    "it": {
        "annuale": "P1Y", "annuali": "P1Y", "annualmente": "P1Y", "annuo": "P1Y",
        "annua": "P1Y", "all' anno": "P1Y", "mensile": "P1M", "mensili": "P1M",
        "mensilmente": "P1M", "al mese": "P1M", "settimanale": "P1W", "settimanali": "P1W",
        "settimanalmente": "P1W", "alla settimana": "P1W", "quotidiano": "P1D",
        "quotidiana": "P1D", "quotidianamente": "P1D", "giornaliero": "P1D",
        "giornaliera": "P1D", "giornalmente": "P1D", "al giorno": "P1D", "orario": "PT1H",
        "trimestrale": "P3M", "semestrale": "P6M", "biennale": "P2Y",
    },
}  # fmt: skip

# Duration units: word -> (TIMEX3 unit, multiplier, is a time-of-day unit).
_UNITS: dict[str, dict[str, tuple[str, int, bool]]] = {
    "en": {
        "second": ("S", 1, True), "seconds": ("S", 1, True), "sec": ("S", 1, True),
        "secs": ("S", 1, True), "minute": ("M", 1, True), "minutes": ("M", 1, True),
        "min": ("M", 1, True), "mins": ("M", 1, True), "hour": ("H", 1, True),
        "hours": ("H", 1, True), "hr": ("H", 1, True), "hrs": ("H", 1, True),
        "day": ("D", 1, False), "days": ("D", 1, False), "night": ("D", 1, False),
        "nights": ("D", 1, False), "week": ("W", 1, False), "weeks": ("W", 1, False),
        "weekend": ("WE", 1, False), "weekends": ("WE", 1, False),
        "fortnight": ("W", 2, False), "fortnights": ("W", 2, False),
        "month": ("M", 1, False), "months": ("M", 1, False), "quarter": ("Q", 1, False),
        "quarters": ("Q", 1, False), "year": ("Y", 1, False), "years": ("Y", 1, False),
        "yr": ("Y", 1, False), "yrs": ("Y", 1, False), "decade": ("DE", 1, False),
        "decades": ("DE", 1, False), "century": ("CE", 1, False),
        "centuries": ("CE", 1, False), "millennium": ("ML", 1, False),
        "millennia": ("ML", 1, False),
    },
    "it": {
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
    },
}  # fmt: skip
_PLURAL_UNITS = {
    "seconds", "secs", "minutes", "mins", "hours", "hrs", "days", "nights", "weeks",
    "weekends", "fortnights", "months", "quarters", "years", "yrs", "decades", "centuries",
    "millennia", "secondi", "minuti", "ore", "giorni", "giornate", "notti", "settimane",
    "mesi", "trimestri", "semestri", "anni", "bienni", "trienni", "lustri", "decenni",
    "secoli", "millenni",
}  # fmt: skip
# Large units are written in years when the count is known ("a decade" -> P10Y).
_UNIT_IN_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
# Granularity of "N units ago" for each unit.
_UNIT_GRAN: dict[str, Granularity] = {
    "S": "day", "H": "day", "D": "day", "W": "day", "WE": "week", "M": "month",
    "Q": "quarter", "Y": "year", "DE": "year", "CE": "year", "ML": "year",
}  # fmt: skip

# Calendar units that this/last/next can shift, mapped to an internal unit name.
_CAL_UNITS: dict[str, dict[str, str]] = {
    "en": {
        "week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
        "half": "half", "year": "year", "decade": "decade", "century": "century",
        "fiscal year": "fy", "financial year": "fy", "day": "day",
    },
    "it": {
        "settimana": "week", "fine settimana": "weekend", "mese": "month",
        "trimestre": "quarter", "semestre": "half", "anno": "year", "decennio": "decade",
        "secolo": "century", "anno fiscale": "fy", "esercizio": "fy", "giorno": "day",
    },
}  # fmt: skip

# Qualifiers before ("last year", "lo scorso anno") or after ("l'anno scorso") the unit:
# offset in units from the one containing the publication date.
_QUAL_PRE: dict[str, dict[str, int]] = {
    "en": {
        "this": 0, "current": 0, "the current": 0, "present": 0, "this past": -1,
        "last": -1, "previous": -1, "prior": -1, "preceding": -1, "past": -1, "next": 1,
        "coming": 1, "following": 1, "upcoming": 1,
    },
    "it": {
        "questo": 0, "questa": 0, "quest'": 0, "scorso": -1, "scorsa": -1, "passato": -1,
        "passata": -1, "ultimo": -1, "ultima": -1, "prossimo": 1, "prossima": 1,
    },
}  # fmt: skip
_QUAL_POST: dict[str, dict[str, int]] = {
    "en": {"before": -1, "previous": -1, "earlier": -1, "after": 1, "later": 1},
    "it": {
        "corrente": 0, "in corso": 0, "attuale": 0, "scorso": -1, "scorsa": -1,
        "passato": -1, "passata": -1, "precedente": -1, "prima": -1, "prossimo": 1,
        "prossima": 1, "venturo": 1, "ventura": 1, "successivo": 1, "successiva": 1,
        "dopo": 1,
    },
}  # fmt: skip

# Ordinals for quarters, halves and weeks of a month (-1 = the last one).
_ORDINALS: dict[str, dict[str, int]] = {
    "en": {
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1,
    },
    "it": {
        "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3,
        "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5, "ultimo": -1, "ultima": -1,
    },
}  # fmt: skip

_CENTURY_ORDINALS: dict[str, dict[str, int]] = {
    "en": {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
        "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "twenty-first": 21, "twenty first": 21, "twenty-second": 22,
    },
    "it": {
        "primo": 1, "secondo": 2, "terzo": 3, "quarto": 4, "quinto": 5, "sesto": 6,
        "settimo": 7, "ottavo": 8, "nono": 9, "decimo": 10, "undicesimo": 11,
        "dodicesimo": 12, "tredicesimo": 13, "quattordicesimo": 14, "quindicesimo": 15,
        "sedicesimo": 16, "diciassettesimo": 17, "diciottesimo": 18, "diciannovesimo": 19,
        "ventesimo": 20, "ventunesimo": 21, "ventiduesimo": 22,
    },
}  # fmt: skip
# Italian names of centuries: "il Novecento" is the 1900s (TIMEX3 value "19").
_IT_CENTURY_NAMES = {
    "duecento": 12, "trecento": 13, "quattrocento": 14, "cinquecento": 15, "seicento": 16,
    "settecento": 17, "ottocento": 18, "novecento": 19,
}  # fmt: skip
_DECADE_WORDS: dict[str, dict[str, int]] = {
    "en": {
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
        "seventies": 7, "eighties": 8, "nineties": 9,
    },
    "it": {  # after "anni": "gli anni Novanta"
        "venti": 2, "trenta": 3, "quaranta": 4, "cinquanta": 5, "sessanta": 6,
        "settanta": 7, "ottanta": 8, "novanta": 9,
    },
}  # fmt: skip

# Time zones: abbreviation -> ISO 8601 offset suffix ("" = stated but not convertible).
_TIME_ZONES = {
    "utc": "Z", "gmt": "Z", "z": "Z", "zulu": "Z", "est": "-05", "edt": "-04", "cst": "-06",
    "cdt": "-05", "mst": "-07", "mdt": "-06", "pst": "-08", "pdt": "-07", "cet": "+01",
    "cest": "+02", "bst": "+01", "jst": "+09", "aest": "+10",
    # generic US zone names do not say whether daylight saving applies
    "et": "", "ct": "", "mt": "", "pt": "", "local time": "", "ora italiana": "",
}  # fmt: skip


def _easter(year: int) -> _dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return _dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date:
    first = _dt.date(year, month, 1)
    return first + _dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


# Holidays: a fixed (month, day) or a function of the year.
_HOLIDAYS: dict[str, dict[str, tuple[int, int] | Callable[[int], _dt.date]]] = {
    "en": {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
        "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
        "the fourth of july": (7, 4), "easter": _easter, "easter sunday": _easter,
        "easter monday": lambda y: _easter(y) + _dt.timedelta(days=1),
        "good friday": lambda y: _easter(y) - _dt.timedelta(days=2),
        "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
        "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    },
    "it": {
        "natale": (12, 25), "vigilia di natale": (12, 24), "santo stefano": (12, 26),
        "capodanno": (1, 1), "san silvestro": (12, 31), "epifania": (1, 6), "befana": (1, 6),
        "ferragosto": (8, 15), "san valentino": (2, 14), "festa della liberazione": (4, 25),
        "festa della repubblica": (6, 2), "festa dei lavoratori": (5, 1),
        "ognissanti": (11, 1), "pasqua": _easter,
        "pasquetta": lambda y: _easter(y) + _dt.timedelta(days=1),
        "venerdì santo": lambda y: _easter(y) - _dt.timedelta(days=2),
    },
}  # fmt: skip

# Leading modifiers, with the TimeML mod they imply, and function words (mod None). They
# are removed one at a time and the rules are tried again after each removal, so "in two
# weeks" is read before "in" is dropped. Elided articles are spelled with a space.
_PREFIXES: dict[str, list[tuple[str, Mod | None]]] = {
    "en": [
        ("as early as", None), ("as late as", None), ("as of", None),
        ("no later than", "ON_OR_BEFORE"), ("no earlier than", "ON_OR_AFTER"),
        ("more than", "MORE_THAN"), ("longer than", "MORE_THAN"), ("just over", "MORE_THAN"),
        ("over the", None), ("over", "MORE_THAN"), ("upwards of", "MORE_THAN"),
        ("less than", "LESS_THAN"), ("just under", "LESS_THAN"), ("under", "LESS_THAN"),
        ("nearly", "LESS_THAN"), ("almost", "LESS_THAN"), ("at least", "EQUAL_OR_MORE"),
        ("no less than", "EQUAL_OR_MORE"), ("up to", "EQUAL_OR_LESS"),
        ("at most", "EQUAL_OR_LESS"), ("no more than", "EQUAL_OR_LESS"), ("about", "APPROX"),
        ("around", "APPROX"), ("approximately", "APPROX"), ("roughly", "APPROX"),
        ("circa", "APPROX"), ("some", "APPROX"), ("the very beginning of", "START"),
        ("the very start of", "START"), ("the beginning of", "START"),
        ("the start of", "START"), ("the dawn of", "START"), ("beginning of", "START"),
        ("start of", "START"), ("early in", "START"), ("early", "START"),
        ("the middle of", "MID"), ("middle of", "MID"), ("mid-", "MID"), ("mid", "MID"),
        ("the very end of", "END"), ("the end of", "END"), ("end of", "END"),
        ("the close of", "END"), ("late in", "END"), ("late", "END"), ("before", "BEFORE"),
        ("after", "AFTER"),
        ("so far", None), ("later", None), ("earlier", None), ("already", None), ("since", None),
        ("until", None), ("till", None), ("through", None), ("throughout", None),
        ("during", None), ("on", None), ("in", None), ("at", None), ("by", None),
        ("of", None), ("for", None), ("within", None), ("from", None), ("the", None),
    ],
    "it": [
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
    ],
}  # fmt: skip
# Trailing modifiers ("tre anni circa", "two years or so").
_SUFFIXES: dict[str, Mod | None] = {
    "or so": "APPROX", "or more": "EQUAL_OR_MORE", "or less": "EQUAL_OR_LESS",
    "in all": None, "circa": "APPROX", "a questa parte": None, "e oltre": "EQUAL_OR_MORE",
}  # fmt: skip


def _number_words() -> dict[str, float]:
    """Cardinal number words, EN and IT: 0-99 plus idioms ("a couple of", "mezz'")."""
    en_units = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ]  # fmt: skip
    en_tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    it_units = [
        "zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
        "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici",
        "diciassette", "diciotto", "diciannove",
    ]  # fmt: skip
    it_tens = ["venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta",
               "novanta"]  # fmt: skip
    words: dict[str, float] = {}
    for units, tens, joiners in ((en_units, en_tens, ("-", " ")), (it_units, it_tens, ("",))):
        words.update((w, i) for i, w in enumerate(units))
        for t, ten in enumerate(tens, start=2):
            words[ten] = 10 * t
            for u in range(1, 10):
                unit = units[u]
                for j in joiners:
                    # Italian drops the final vowel before uno/otto: ventuno, ventotto
                    stem = ten[:-1] if not j and unit[0] in "uo" else ten
                    words[stem + j + unit] = 10 * t + u
                    if unit == "tre" and not j:
                        words[stem + "tré"] = 10 * t + u
    words.update({
        "a": 1, "an": 1, "single": 1, "a single": 1, "un": 1, "una": 1, "un'": 1,
        "a couple of": 2, "couple of": 2, "a pair of": 2, "un paio di": 2, "paio di": 2,
        "a dozen": 12, "dozen": 12, "una dozzina di": 12, "hundred": 100, "a hundred": 100,
        "one hundred": 100, "cento": 100, "half a": 0.5, "half an": 0.5, "mezzo": 0.5,
        "mezza": 0.5, "mezz'": 0.5,
    })  # fmt: skip
    return words


_NUMBERS = _number_words()
_FUZZY_NUMBERS = {
    "several", "a few", "few", "some", "many", "numerous", "multiple", "countless",
    "dozens of", "hundreds of", "thousands of", "a number of", "qualche", "alcuni", "alcune",
    "diversi", "diverse", "vari", "varie", "pochi", "poche", "molti", "molte", "parecchi",
    "parecchie", "tanti", "tante", "numerosi", "numerose",
}  # fmt: skip


def _merge(tables: dict[str, dict]) -> dict:
    out: dict = {}
    for table in tables.values():
        out.update(table)
    return out


MONTHS: dict[str, int] = _merge(_MONTHS)
WEEKDAYS: dict[str, int] = _merge(_WEEKDAYS)
SEASONS: dict[str, str] = _merge(_SEASONS)
PARTS_OF_DAY: dict[str, str] = _merge(_PARTS_OF_DAY)
DEICTIC_DAYS: dict[str, tuple[int, str | None]] = _merge(_DEICTIC_DAYS)
VAGUE: dict[str, str] = _merge(_VAGUE)
SET_WORDS: dict[str, str] = _merge(_SET_WORDS)
UNITS: dict[str, tuple[str, int, bool]] = _merge(_UNITS)
CAL_UNITS: dict[str, str] = _merge(_CAL_UNITS)
QUAL_PRE: dict[str, int] = _merge(_QUAL_PRE)
QUAL_POST: dict[str, int] = _merge(_QUAL_POST)
ORDINALS: dict[str, int] = _merge(_ORDINALS)
CENTURY_ORDINALS: dict[str, int] = _merge(_CENTURY_ORDINALS)
DECADE_WORDS: dict[str, int] = _merge(_DECADE_WORDS)
HOLIDAYS: dict[str, tuple[int, int] | Callable[[int], _dt.date]] = _merge(_HOLIDAYS)
PREFIX_MODS: dict[str, Mod | None] = {p: mod for t in _PREFIXES.values() for p, mod in t}
