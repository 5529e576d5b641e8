"""Italian: the words llmclaims' checks need, as data (see `llmclaims.languages`)."""

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
