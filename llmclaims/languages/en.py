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
    # Possibility and likelihood words beside the ones above.
    "possible",
    "possibility",
    "probable",
    "plausible",
    "conceivably",
    "arguably",
    "in all likelihood",
    "almost certain",
    "almost certainly",
    "nearly certain",
    "all but certain",
    # Unknowns: the event is not established.
    "uncertain",
    "unknown",
    "doubtful",
    "questionable",
    "unsure",
    "tentative",
    "tentatively",
    "provisional",
    "provisionally",
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
    # Impersonal expectation and belief: nobody commits to the clause after "that".
    "it is expected that",
    "it is believed that",
    "it is thought that",
    "it is feared that",
    "it is hoped that",
    "it is likely that",
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
    # Appearance, belief and inference verbs: the writer or a party infers, not states. Not the
    # bare "appear" ("appeared in court"), "suspect" (the noun) or "doubt" ("no doubt").
    "appear to",
    "seem",
    "seems",
    "seemed",
    "believed to",
    "thought to",
    "understood to",
    "presumed to",
    "believes",
    "believe",
    "doubts",
    "suggests",
    "suggest that",
    "suggested that",
    "suggesting that",
    "indicates that",
    "indicating that",
    "tends to",
    "tend to",
    "tended to",
)

# Hedge nouns, and the nouns of hope, fear and risk with the complement they govern ("worries
# that the government will nationalize the banks": the nationalizing is not a fact). The noun
# alone ("the worries eased") is no cue.
HEDGE_NOUNS = (
    "rumors",
    "rumours",
    "speculation",
    "worries that",
    "worries of",
    "worries about",
    "fears that",
    "fears of",
    "fear of",
    "concerns that",
    "hopes that",
    "hopes of",
    "hopes for",
    "hope of",
    "prospects for",
    "prospect of",
    "risk of",
    "risks of",
    "chance of",
    "chances of",
    "threat of",
    "possibility of",
    "possibility that",
)

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

# Clause breaks: words that open a new clause, so a cue before them does not govern the events
# after them ("could rise, analysts said" / "may fall but profits rose").
CLAUSE_BREAKS = (
    "but",
    "while",
    "whereas",
    "because",
    "although",
    "though",
    "since",
    "which",
    "who",
    "when",
    "after",
    "before",
    "and",
    "or",
    "said",
    "says",
    "according to",
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


def _is_negated_can(text: str, m: re.Match[str]) -> bool:
    """ "can not", "can't": a firm negation (negative polarity, certain), not a possibility."""
    return bool(re.match(r"\s+not\b|['’ʼ]t\b", text[m.end() :], re.IGNORECASE))


def _is_as_as_possible(text: str, m: re.Match[str]) -> bool:
    """ "as soon as possible", "as quickly as possible": a manner, not a possibility."""
    return bool(re.search(r"(?<!\w)as\s+\w+\s+as\s+$", text[: m.start()], re.IGNORECASE))


# Cue phrases that are not cues in some contexts: phrase -> test(text, match) -> True to skip.
CUE_VETOES: dict[str, Callable[[str, re.Match[str]], bool]] = {
    "may": _is_month_may,
    "can": _is_negated_can,
    "possible": _is_as_as_possible,
}


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
        "coming": 1, "following": 1, "upcoming": 1, "latest": -1, "most recent": -1,
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

# Numeric dates are month first: "7/8/07" is July 8.
DATE_MONTH_FIRST = True

# Plural units: a unit word without a count is an unknown number of them ("years": PXY).
DATE_PLURAL_UNITS = frozenset({
    "seconds", "secs", "minutes", "mins", "hours", "hrs", "days", "nights", "weeks",
    "weekends", "fortnights", "months", "quarters", "years", "yrs", "decades", "centuries",
    "millennia",
})  # fmt: skip

# Trailing modifiers ("two years or so") with the TimeML mod they imply.
DATE_SUFFIXES: dict[str, str | None] = {
    "or so": "APPROX", "or more": "EQUAL_OR_MORE", "or less": "EQUAL_OR_LESS", "in all": None,
}  # fmt: skip

# A time zone that is stated but cannot be converted to an offset.
DATE_LOCAL_TIME = ("local time",)


def _number_words() -> dict[str, float]:
    units = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ]  # fmt: skip
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    words: dict[str, float] = {w: i for i, w in enumerate(units)}
    for t, ten in enumerate(tens, start=2):
        words[ten] = 10 * t
        for u in range(1, 10):
            for joiner in ("-", " "):
                words[ten + joiner + units[u]] = 10 * t + u
    words.update({
        "a": 1, "an": 1, "single": 1, "a single": 1, "a couple of": 2, "couple of": 2,
        "a pair of": 2, "a dozen": 12, "dozen": 12, "hundred": 100, "a hundred": 100,
        "one hundred": 100, "half a": 0.5, "half an": 0.5,
    })  # fmt: skip
    return words


# Cardinal number words 0-99 and counting idioms ("a couple of", "half an").
DATE_NUMBERS: dict[str, float] = _number_words()
# Spelled-out years: "nineteen ninety-six" (a century word, then 10-99, "hundred" or "oh"
# and a digit), "two thousand and nine" (thousands, a joiner, then 1-99).
DATE_YEAR_CENTURIES = {
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
DATE_YEAR_HUNDRED = "hundred"  # "nineteen hundred"
DATE_YEAR_OH = ("oh", "o")  # "nineteen oh five"
DATE_YEAR_THOUSANDS = {"two thousand": 2000, "one thousand": 1000}
DATE_YEAR_HUNDREDS: dict[str, int] = {}
DATE_YEAR_JOINERS = (" ", " and ")
# Quantities with no definite count ("several weeks": PXW).
DATE_FUZZY_NUMBERS = frozenset({
    "several", "a few", "few", "some", "many", "numerous", "multiple", "countless",
    "dozens of", "hundreds of", "thousands of", "a number of",
})  # fmt: skip

# Function words the date patterns are built from (lower case; a space is one space).
DATE_ARTICLES = ("the",)  # "the week", "the 15th"
DATE_INDEFINITE_ARTICLES = ("a", "an")  # "a difficult year", "a 10-day"
DATE_OF = ("of",)  # "the first quarter of 2009", "the morning of March 3"
DATE_DAY_OF_MONTH = ("of",)  # "the 4th of July"
DATE_YEAR_OF = ("of",)  # "March of 2013"
DATE_DAY_ONE = ("first",)  # "the first of May"
DATE_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
DATE_YEAR_WORD = ("year",)  # "the year 2009", "November next year"
DATE_WEEK_WORD = ("week",)
DATE_QUARTER_WORD = ("quarter",)
DATE_HALF_WORD = ("half",)
DATE_CENTURY_WORD = ("century",)  # "the 20th century"
DATE_DECADE_PREFIX = ("years",)  # "years 2000"
DATE_BARE_DECADE_WORDS = DATE_DECADE_WORDS  # "the nineties"
DATE_FULL = ("full",)  # "the last full week of March"
DATE_RANGE_OPEN = ("between", "from")
DATE_RANGE_JOIN = ("and", "to", "until", "till", "through", "thru")
DATE_RANGE_JOIN_BARE = ("to", "through", "until")  # "March to May"
DATE_YEAR_RANGE_JOIN = ("to", "until", "through")  # "2009 to 2011"
DATE_AGO = ("ago", "back", "before now", "or so ago")
DATE_AGO_BEFORE: tuple[str, ...] = ()  # languages that put the count after ("hace dos años")
DATE_IN = ("in", "in another")  # "in two weeks"
DATE_IN_TAIL = ("time",)  # "in two weeks' time"
DATE_EARLIER = ("earlier",)  # "a year earlier": from the reporting time in news
DATE_LATER = ("later", "after", "afterwards")  # "two days later": from the reference
DATE_BEFORE = ("before",)  # "two days before"
DATE_UNIT_COMPOUNDS = ("long", "old")  # "a five-year-long", "a 10-day-old"
DATE_ADVERB_SUFFIXES = ("ly",)  # "an unusually turbulent day"
DATE_EVERY = ("every", "each")
DATE_TIMES_FIXED = ("once", "twice", "thrice")  # "twice a week"
DATE_TIMES_COUNTED = ("time", "times")  # "three times a year"
DATE_TIMES_PER = ("a", "an", "per", "every", "each")
DATE_EVERY_OTHER = ("other",)  # "every other week"
DATE_THE_DAY = ("the day", "the session")  # "shares rose 2% on the day"
DATE_POD_LINK = ("in the",)  # "Friday in the morning"
DATE_POD_OF = ("of", "on")  # "the morning of March 3"
DATE_STREAK_ARTICLES = ("the", "a")
DATE_STREAK_PRE = ("straight", "consecutive", "successive")  # "the third straight day"
DATE_STREAK_POST: tuple[str, ...] = ()
DATE_IN_A_ROW = ("in a row", "running", "straight")  # "the fourth week in a row"
DATE_STREAK_UNITS: dict[str, str] = {
    "day": "day", "session": "day", "trading day": "day", "trading session": "day",
    "week": "week", "month": "month", "quarter": "quarter", "year": "year",
}  # fmt: skip
DATE_STREAK_ORDINALS = tuple(DATE_CENTURY_ORDINALS)
DATE_FISCAL = ("fiscal", "financial", "fiscal year", "financial year")  # "fiscal 2009"
DATE_FISCAL_AFTER = ("fiscal year", "financial year")  # "the 2009 fiscal year"
DATE_CURRENT_PERIODS = (
    "year",
    "month",
    "weekend",
    "fiscal year",
    "financial year",
)  # after an article: the current one ("the year")
DATE_THIS_YEAR = ("year", "current year")  # "the third quarter of the year"
DATE_BARE_PERIODS = ("year", "month", "week", "decade", "century")  # "the end of the year"
DATE_RIGHT_YEAR_PRE = ("next", "last", "this", "following", "previous")  # "October of next year"
DATE_RIGHT_YEAR_POST: tuple[str, ...] = ()
DATE_ANAPHORIC_QUALIFIERS = frozenset({
    "previous", "prior", "preceding", "following", "before", "earlier", "after", "later",
})  # fmt: skip
# "the same day", "that week", "its date": the reference time ("" = at its granularity).
DATE_SAME_UNITS: dict[str, str] = {
    "day": "day", "date": "day", "week": "week", "month": "month", "quarter": "quarter",
    "year": "year", "time": "", "period": "", "moment": "",
}  # fmt: skip
DATE_SAME_DET = ("that", "the same", "this same", "that same", "that very", "the very same", "its")
DATE_YEAR_BACK = (  # "the same month a year ago", "the same period last year"
    *(f"{p}{a} year {w}" for p in ("", "of ", "in ") for a in ("a", "one")
      for w in ("ago", "earlier", "before")),
    *(f"{p}{t}{w} year" for p in ("", "of ", "in ") for t in ("", "the ")
      for w in ("last", "previous", "prior", "preceding")),
    *(f"{p}the year {w}" for p in ("", "of ") for w in ("before", "earlier")),
)  # fmt: skip
DATE_YEAR_EARLIER = (  # "the year-earlier quarter": the reference one year back
    "the year-earlier",
    "the year earlier",
    "the year-ago",
    "the year ago",
    "year-earlier",
    "year earlier",
    "year-ago",
    "year ago",
)
DATE_AT_THE_TIME = ("at the time",)
DATE_CLOCK_PREFIX = ("at",)  # "at 6"
DATE_OCLOCK = ("o'clock",)
DATE_NAMED_TIMES: dict[str, int] = {"noon": 12, "midnight": 0}
DATE_CLOCK_LEAD = ("on", "of", "the")  # "on Monday at 18:00": words left around the clock
DATE_CLOCK_TRAIL = ("on", "at")
DATE_RECENT_HISTORY = ("recent",)  # "in recent U.S. history"
DATE_HISTORY = ("history",)
DATE_DURATION_DET = ("the", "these", "those")
DATE_DURATION_LEAD = (
    "past", "last", "next", "coming", "previous", "following", "first", "final", "remaining",
    "recent",
)  # fmt: skip
DATE_DURATION_ADJ = (
    "straight", "consecutive", "successive", "full", "whole", "entire", "more", "additional",
    "further", "extra", "trading", "business", "working", "calendar", "long", "short", "brief",
)  # fmt: skip
DATE_DURATION_POST: tuple[str, ...] = ()
DATE_AND_A_HALF = ("and a half",)  # "two and a half years"
DATE_DURATION_OF = ("of", "in")  # "the first six months of the year"
DATE_DURATION_OF_DET = ("the", "this", "last")
# Function words after which a leading modifier is dropped only before these words.
DATE_BARE_PREPOSITIONS: dict[str, tuple[str, ...]] = {}
DATE_ELISIONS: tuple[str, ...] = ()
# "Friday in the evening": only "in the" links a weekday and a part of day.
DATE_WEEKDAY_POD_LINK = ("in the",)
DATE_POD_WEEKDAY_LINK = ("of",)  # "the morning of Friday"
DATE_WEEK_OF = ("of",)  # "the week of March 3"
DATE_ROMAN_CENTURY_FIRST: tuple[str, ...] = ()  # "secolo XX"
DATE_CENTURY_NAMES: dict[str, int] = {}  # "il Novecento"

# "the quarter ended Sept. 30": the unit that holds the date ("the three months ended ...":
# a duration).
DATE_ENDED = ("ended", "ending", "that ended", "which ended")
# "the quarter", "the period": the one the article is talking about (the reference).
DATE_REFERENCED_PERIODS = ("quarter", "period")
# "last year's third quarter" is "third quarter of last year": the possessive marker and the
# preposition of the same reading.
DATE_POSSESSIVE = {"'s": "of"}
# Whole expressions read as another phrasing of the same language.
DATE_REWRITES = {
    "year-end": "the end of the year", "year end": "the end of the year",
    "the year-end": "the end of the year", "the year's end": "the end of the year",
    "month-end": "the end of the month", "the month's end": "the end of the month",
}  # fmt: skip
DATE_CLOCK_HALVES = {"am": "AM", "pm": "PM"}  # "6:40 p.m.", written without dots or spaces
DATE_CLOCK_HOURS = ("hrs", "hours")  # "0800 hrs UTC"
DATE_DURATION_ONE = ("past", "recent")  # "the past year", "the recent week": one unit
DATE_DURATION_QUALIFIERS = ("past",)  # "the past year" is a duration (P1Y), "last year" a date
DATE_APPROX_BEFORE_NUMBER = ("some",)  # "some 20 years" is approximate, "some years" fuzzy

# Tense of the verb governing a date (see llmclaims.dates.tense): word cues, no tagger.
DATE_TENSE_FUTURE = frozenset({"will", "shall", "'ll", "won't", "tomorrow", "next"})
DATE_TENSE_FUTURE_BIGRAMS = frozenset({("wo", "n't"), ("wo", "'t"), ("to", "be")})
DATE_TENSE_FUTURE_TO = frozenset({  # "is expected to", "are going to", "is set to"
    "going", "expected", "scheduled", "set", "due", "slated", "planned", "poised", "likely",
    "about", "bound", "projected", "forecast", "forecasted",
})  # fmt: skip
DATE_TENSE_TO = "to"
DATE_TENSE_INTEND_TO = frozenset({
    "plans", "plan", "intends", "intend", "aims", "aim", "expects", "expect", "wants", "want",
    "hopes", "hope", "seeks", "seek", "promises", "promise", "vows", "vow", "pledges",
    # their past forms: what was planned lies after the plan ("said it planned to open...")
    "planned", "intended", "aimed", "expected", "wanted", "hoped", "sought", "promised",
    "vowed", "pledged",
})  # fmt: skip
# "has been scheduled for", "is planned for": a planned, i.e. future, event.
DATE_TENSE_PLANNED = frozenset({
    "scheduled", "planned", "slated", "set", "expected", "due", "projected", "timed",
    "earmarked", "pencilled", "penciled",
})  # fmt: skip
# "would" is the future of reported speech ("said it would close the plant in November").
DATE_TENSE_MODAL_FUTURE = frozenset({"may", "might", "should", "must", "would"})
DATE_TENSE_MODALS = frozenset({"will", "would", "should", "could", "can", "may", "might", "must"})
DATE_TENSE_COPULAS = frozenset({  # "remain closed": the participle is an adjective
    "remain", "remains", "remained", "stay", "stays", "stayed", "keep", "keeps", "kept",
    "get", "gets", "got", "become", "becomes", "became", "seem", "seems", "seemed",
    "appear", "appears", "appeared", "look", "looks", "feel", "feels",
})  # fmt: skip
DATE_TENSE_BE_PRESENT = frozenset({"is", "are", "am", "'s", "'re", "be", "being"})
DATE_TENSE_HAVE_PRESENT = frozenset({"has", "have", "'ve"})
DATE_TENSE_PERFECT = frozenset({"has", "have", "'ve", "had"})
DATE_TENSE_BEEN = "been"
DATE_TENSE_HAVE = "have"  # "may have happened": a modal perfect is past
DATE_TENSE_PAST = frozenset({"was", "were", "had", "did", "ago", "yesterday", "last"})
DATE_TENSE_IRREGULAR_PAST = frozenset({
    "said", "told", "rose", "fell", "made", "took", "went", "came", "began", "saw", "gave",
    "got", "left", "led", "sold", "bought", "paid", "met", "held", "kept", "lost", "won",
    "sent", "built", "brought", "thought", "found", "became", "ran", "struck", "grew",
    "drew", "flew", "wrote", "spoke", "broke", "chose", "drove", "stood", "sank", "sought",
    "fought", "caught", "taught", "meant", "felt", "dealt", "knew", "threw", "shook",
    "wore", "hung", "swung", "rang", "sang", "spent", "lent", "fled", "slid", "stole",
    "froze", "forgot", "overtook", "withdrew", "undertook", "understood", "shrank",
})  # fmt: skip
DATE_TENSE_PARTICIPLES = frozenset({
    "been", "done", "gone", "seen", "taken", "given", "made", "said", "told", "risen",
    "fallen", "begun", "got", "gotten", "left", "led", "sold", "bought", "paid", "met",
    "held", "kept", "lost", "won", "sent", "built", "brought", "found", "become", "run",
    "struck", "grown", "drawn", "flown", "written", "spoken", "broken", "chosen", "driven",
    "stood", "sunk", "sought", "fought", "caught", "taught", "meant", "felt", "dealt",
    "known", "thrown", "shaken", "put", "cut", "set", "hit", "shut", "spent", "quit",
})  # fmt: skip
# The regular past and participle ending, its false friends, and the -eed words that are
# past forms ("agreed") among the many that are not ("need").
DATE_TENSE_PAST_SUFFIX = "ed"
DATE_TENSE_PAST_SUFFIX_NOT = "eed"
DATE_TENSE_PAST_SUFFIX_NOT_EXCEPT = frozenset({"agreed", "freed", "guaranteed", "decreed"})
DATE_TENSE_NOT_PAST_SUFFIX = frozenset({
    "united", "limited", "based", "related", "detailed", "advanced", "interested",
    "concerned", "supposed", "sacred", "naked", "wicked", "beloved", "crooked", "rugged",
    "aged", "armed", "skilled", "talented", "hundred", "embed", "shed", "wed", "red",
    "bed", "fed", "ted", "need", "speed", "seed", "feed", "breed", "bleed", "proceed",
    "exceed", "succeed", "indeed", "greed", "deed", "creed", "reed", "weed", "tweed",
    "sled", "shred", "bred", "expected", "unexpected", "unprecedented", "so-called",
})  # fmt: skip
DATE_TENSE_DETERMINERS = frozenset({  # "the planned merger": attributive, not a verb
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "some", "any", "no", "each", "every", "newly", "so",
})  # fmt: skip
# The verb of the expression's clause in the present: the search for a tense stops there, so
# a reporting verb further back ("said it is calling for the redemption on Dec. 7") does not
# set the direction. "'s" is left out: it is also the possessive.
DATE_TENSE_PRESENT = frozenset({"is", "are", "am", "'re"})
# A temporal preposition right before the expression decides before any verb does.
DATE_TENSE_PREP_PAST = frozenset({"since"})  # "has risen since March"
DATE_TENSE_PREP_NONE = frozenset({"until", "till"})  # "closed until Friday": either side
# Right before the expression, a determiner makes it a noun's modifier ("expects to report
# a third-quarter loss"): the period is the one being reported, whatever the verb's tense.
DATE_TENSE_ATTRIBUTIVE = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})
DATE_TENSE_ADVERBS = frozenset({
    "not", "also", "already", "just", "since", "now", "recently", "still", "n't", "never",
    "previously", "reportedly", "finally", "officially",
})  # fmt: skip
