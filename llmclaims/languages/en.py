"""English: the words llmclaims' checks need, as data (see `llmclaims.languages`)."""

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
