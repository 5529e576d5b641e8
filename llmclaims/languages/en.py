"""English: the words llmclaims' checks need, as data (see `llmclaims.languages`)."""

from __future__ import annotations

import re
from collections.abc import Callable

CODE = "en"
NAME = "English"

# Grounding: words a fuzzy match may never add, drop or change. In normalized form (NFKD,
# case-folded). n't contractions as the tokenizer splits them ("didn't" -> "didn", "t").
NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "nor",
        "neither",
        "none",
        "nobody",
        "nothing",
        "nowhere",
        "without",
        "cannot",
        "didn",
        "doesn",
        "don",
        "isn",
        "wasn",
        "weren",
        "aren",
        "hasn",
        "haven",
        "hadn",
        "couldn",
        "wouldn",
        "shouldn",
        "won",
        "mustn",
        "needn",
        "t",
    }
)

# Sentence splitting: a period after these does not end a sentence (lower case, no final period).
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)

# Claim checks: word beginnings of predicates that carry a negation in their meaning, so a claim
# "bondholders rejected the offer" restates the evidence "They said no." (normalized, lower case).
NEGATIVE_PREDICATES = (
    "reject",
    "deny",
    "denie",
    "denial",
    "refus",
    "declin",
    "dismiss",
    "fail",
    "rule out",
    "ruled out",
)


# Hedging: cue phrases by category, lower case; a space stands for any whitespace and ' for any
# apostrophe. `llmclaims.hedging` reads them: conditionals and modals are `conditional` and
# `modal` cues, the five lists from EPISTEMIC_VERBS to HEDGE_CONDITIONS together are `hedge_word`.
CONDITIONALS = ("would", "would have", "wouldn't")

MODALS = (
    "may",
    "might",
    "could",
    "may have",
    "might have",
    "could have",
    "can't be sure",
    "should",
    "should have",
    "can",
)

HEDGE_ADVERBS = (  # adverbs and adjectives
    "allegedly",
    "alleged",
    "reportedly",
    "apparently",
    "presumably",
    "purportedly",
    "purported",
    "supposedly",
    "seemingly",
    "possibly",
    "probably",
    "likely",
    "unlikely",
    "perhaps",
    "maybe",
    "unconfirmed",
    "unverified",
    "suspected",
    "unclear",
    "potential",
    "potentially",
    "estimated",
)

IMPERSONAL_HEDGES = (
    "it is unclear",
    "it's unclear",
    "it was unclear",
    "it remains unclear",
    "not clear",
    "it is not clear",
    "it is not known",
    "not known whether",
)

EPISTEMIC_VERBS = (
    "appears to",
    "appeared to",
    "seems to",
    "seemed to",
    "is believed to",
    "are believed to",
    "was believed to",
    "is thought to",
    "are thought to",
    "is said to",
    "are said to",
    "rumored",
    "rumoured",
    # Expectation. (Stated plans and intentions, "plans to cut", are not hedges: the party
    # commits to the plan.)
    "expected to",
    "expects to",
    "expect to",
    "fears",
    "feared",
)

HEDGE_NOUNS = ("rumors", "rumours", "speculation")

HEDGE_CONDITIONS = ("if confirmed", "if true", "if", "whether")

REPORTING_VERBS = (
    "said",
    "says",
    "told",
    "tells",
    "according to",
    "stated",
    "reported",
    "announced",
    "added",
    "explained",
    "noted",
    "claimed",
    "confirmed",
    "wrote",
    "argued",
    "insisted",
    "acknowledged",
    "denied",
    "asserted",
    "declared",
)

CERTAINTY_BOOSTERS = (
    "certainly",
    "definitely",
    "undoubtedly",
    "undeniably",
    "unquestionably",
    "clearly",
    "irrefutable",
    "indisputable",
    "undeniable",
    "conclusive",
    "no doubt",
    "without doubt",
    "beyond doubt",
)

# Reported speech's future-in-the-past: after a reporting verb in the same sentence, "said it
# would cut 13,000 jobs" states a plan, so these conditionals are not cues there.
BACKSHIFTED_CONDITIONALS = ("would",)


def _is_month_may(text: str, m: re.Match[str]) -> bool:
    """The month, not the modal: "May" with a capital inside a sentence, or before a number."""
    if m.group() != "May":
        return False
    if re.match(r"\s+\d", text[m.end() :]):
        return True
    before = text[: m.start()].rstrip()
    return bool(before) and before[-1] not in '.!?"“«:\n'


# Cue phrases that are not cues in some contexts: phrase -> test(text, match) -> True to skip.
CUE_VETOES: dict[str, Callable[[str, re.Match[str]], bool]] = {"may": _is_month_may}


# Prompt: this language's lines of the few-shot guidance (`llmclaims.prompt_files` renders every
# registered language's into the system prompt): typical cues, and one worked example.
PROMPT_CUES = (
    'English: "allegedly", "reportedly", "would", "may", "could", "it is unclear", '
    '"according to"; boosters "confirmed", "clearly".'
)
PROMPT_EXAMPLE = (
    "Example (English): "
    "«The company allegedly paid the officials, prosecutors said.» Prosecutors (source): "
    'certain, direct, cues [] (a reporting verb such as "said" marks attribution, not '
    'certainty). Author: possible, reported, cues ["allegedly"].'
)
# Timeline expressions as an article writes them (the prompt asks for them verbatim).
PROMPT_DATE_EXPRESSIONS = ("last November", "Friday")
# Sources as an article names them: an anonymous one, one quoted through an outlet.
PROMPT_ANONYMOUS_SOURCES = ("a senior official",)
PROMPT_NESTED_ATTRIBUTIONS = ("Kofman told the Washington Post",)

# Dates: word tables read by llmclaims.dates (lower case), merged across languages.

DATE_MONTHS: dict[str, int] = {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    }  # fmt: skip

DATE_WEEKDAYS: dict[str, int] = {
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
        "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
        "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    }  # fmt: skip

DATE_SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

DATE_PARTS_OF_DAY: dict[str, str] = {
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
        "overnight": "NI", "daytime": "DT", "midday": "MI",
    }  # fmt: skip

DATE_DEICTIC_DAYS: dict[str, tuple[int, str | None]] = {
        "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None),
        "the day before yesterday": (-2, None), "the day after tomorrow": (2, None),
        "tonight": (0, "NI"), "last night": (-1, "NI"), "this morning": (0, "MO"),
        "this afternoon": (0, "AF"), "this evening": (0, "EV"), "earlier today": (0, None),
        "later today": (0, None),
    }  # fmt: skip

DATE_VAGUE: dict[str, str] = {
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
    }  # fmt: skip

DATE_SET_WORDS: dict[str, str] = {
        "annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "per year": "P1Y",
        "per annum": "P1Y", "monthly": "P1M", "per month": "P1M", "weekly": "P1W",
        "per week": "P1W", "daily": "P1D", "per day": "P1D", "nightly": "P1D",
        "hourly": "PT1H", "per hour": "PT1H", "quarterly": "P3M", "biweekly": "P2W",
        "fortnightly": "P2W", "biannual": "P6M", "semiannual": "P6M", "semi-annual": "P6M",
        "biennial": "P2Y",
    }  # fmt: skip

DATE_UNITS: dict[str, tuple[str, int, bool]] = {
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
    }  # fmt: skip

DATE_CAL_UNITS: dict[str, str] = {
        "week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
        "half": "half", "year": "year", "decade": "decade", "century": "century",
        "fiscal year": "fy", "financial year": "fy", "day": "day",
    }  # fmt: skip

DATE_QUAL_PRE: dict[str, int] = {
        "this": 0, "current": 0, "the current": 0, "present": 0, "this past": -1,
        "last": -1, "previous": -1, "prior": -1, "preceding": -1, "past": -1, "next": 1,
        "coming": 1, "following": 1, "upcoming": 1,
    }  # fmt: skip

DATE_QUAL_POST: dict[str, int] = {
    "before": -1,
    "previous": -1,
    "earlier": -1,
    "after": 1,
    "later": 1,
}

DATE_ORDINALS: dict[str, int] = {
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1,
    }  # fmt: skip

DATE_CENTURY_ORDINALS: dict[str, int] = {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
        "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "twenty-first": 21, "twenty first": 21, "twenty-second": 22,
    }  # fmt: skip

DATE_DECADE_WORDS: dict[str, int] = {
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
        "seventies": 7, "eighties": 8, "nineties": 9,
    }  # fmt: skip

DATE_PREFIXES: list[tuple[str, str | None]] = [
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
    ]  # fmt: skip


# Holidays: (month, day), ("easter", days after Easter Sunday) or ("nth", month, ISO weekday, n).
DATE_HOLIDAYS: dict[str, tuple[int, int] | tuple[str, int] | tuple[str, int, int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
    "the fourth of july": (7, 4), "easter": ("easter", 0), "easter sunday": ("easter", 0),
    "easter monday": ("easter", 1), "good friday": ("easter", -2),
    "thanksgiving": ("nth", 11, 4, 4), "thanksgiving day": ("nth", 11, 4, 4),
}  # fmt: skip

# Plural weekdays read as habitual ("Mondays": every Monday).
DATE_HABITUAL_WEEKDAYS: dict[str, int] = {
    "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5,
    "saturdays": 6, "sundays": 7,
}  # fmt: skip

# Grounding: words a fuzzy match may never add, drop or alter (numbers and their scale carry
# facts), and function words that cannot carry a claim on their own.
NUMBER_WORDS = frozenset({
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "half", "quarter", "dozen", "dozens", "first", "third", "fourth", "fifth", "sixth", "seventh",
    "eighth", "ninth", "tenth", "twice", "thrice", "double", "triple"
})  # fmt: skip
MAGNITUDES = frozenset({
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
    "trillion", "trillions", "bn", "mn", "tn", "k", "percent", "pct"
})  # fmt: skip
STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "if", "then", "so", "as", "of", "in", "on", "at", "to",
    "for", "from", "by", "with", "into", "onto", "over", "under", "about", "after", "before",
    "between", "through", "during", "up", "down", "out", "off", "than", "that", "this", "these",
    "those", "there", "here", "it", "its", "he", "she", "they", "we", "you", "i", "me",
    "him", "her", "them", "us", "my", "your", "his", "their", "our", "is", "are", "was", "were",
    "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "which", "who", "whom", "whose",
    "what", "when", "where", "why", "how", "also", "too", "very", "just", "such", "said", "says",
    "say"
})  # fmt: skip
