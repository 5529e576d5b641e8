"""A quote is the article's words: the cases the strictness rules exist for, one by one."""

from __future__ import annotations

import random

import pytest
from rapidfuzz.distance import OSA

from llmclaims.grounding import differences, evidence_too_short, locate_evidence
from llmclaims.models import Evidence, Span

from .grounding_cases import osa_reference

TEXT = (
    "The carmaker said it will cut 4,300 jobs in France over four years, at a cost of US$27 "
    "billion. North Carolina will keep its eight plants there. Ford has not come forward with "
    "a plan, and the union never agreed to one.\n\n"
    "In a second paragraph, the mayor of Detroit said the city expects three new plants."
)


def _find(quote: str, text: str = TEXT, lang: str | None = "en") -> Span | None:
    span = locate_evidence(quote, text, lang=lang)
    if span is not None:
        assert text[span.start : span.end] == span.text
    return span


# --------------------------------------------------------------------------- word boundaries


@pytest.mark.parametrize(
    "quote",
    [
        "300 jobs in France",  # inside "4,300"
        "armaker said it will",  # starts inside a word
        "it will cut 4,3",  # ends inside a number
        "said it will cut 4,300 jobs in Fran",  # ends inside a word
        "ARMAKER SAID IT WILL",  # the normalized tier too
    ],
)
def test_spans_start_and_end_on_word_boundaries(quote):
    assert quote in TEXT or quote.lower() in TEXT.lower()
    assert _find(quote) is None


def test_a_whole_number_is_found():
    assert _find("4,300 jobs in France").status == "exact"


# --------------------------------------------------------------------------- fuzzy: no new word


@pytest.mark.parametrize(
    "quote",
    [
        "The carmaker said it bill cut 4,300 jobs in France",  # will -> bill
        "cut 4,300 jobs in France over tour years",  # four -> tour (and a number word)
        "Worth Carolina will keep its eight plants there",  # North -> Worth
        "North Carolina will keep its eighty plants there",  # eight -> eighty
        "North Carolina will keep its eight plants three",  # there -> three
        "at a cost of US$27 million",  # a magnitude
        "at a cost of US$28 billion",  # a digit
        "cut 4,300 jobs in France over five years",  # a number word
        "Ford has come forward with a plan",  # a negation dropped
        "the union agreed to one",  # a negation dropped
        "North Carolina will not keep its eight plants there",  # a negation added
        "the mayor said the city expects three new plants",  # a name dropped
        "the mayor of Detroit said the Ford city expects three new plants",  # a name added
        "The carmaker said it will cuts 4,300 jobs in France",  # a word form (cut -> cuts)
    ],
)
def test_fuzzy_refuses_a_changed_fact_or_word(quote):
    assert _find(quote) is None
    assert _find(quote, lang=None) is None  # and with every language's lists


@pytest.mark.parametrize(
    ("quote", "quote_word", "article_word"),
    [
        ("The carmaker said it will cut 4,300 jobs in Frnace", "Frnace", "France"),
        ("Ford has not come forward with a plna, and the union", "plna", "plan"),
        ("In a second paragraph, the mayor of Detriot said the city", "Detriot", "Detroit"),
    ],
)
def test_fuzzy_forgives_a_misspelling_and_says_so(quote, quote_word, article_word):
    span = _find(quote)
    assert span is not None and span.status == "fuzzy"
    assert [(d.kind, d.quote, d.article) for d in span.differences] == [
        ("spelling", quote_word, article_word)
    ]


def test_a_word_of_the_articles_own_vocabulary_is_no_typo():
    # "plants" is in the article; as a "typo" of "plans" it would change the claim.
    text = "The company presented its plans to investors on Monday morning."
    assert _find("The company presented its plants to investors", text) is None
    assert _find("The company presented its plnas to investors", text).status == "fuzzy"


def test_protected_words_follow_the_articles_language():
    # Italian "due" (two) is a number; English "due" is not.
    en = "The suspension took place due to an order of the Russian government."
    assert _find("The suspension took place ... to an order of the Russian government", en)
    it = "La sospensione riguarda due ordini del governo russo e della sua agenzia."
    assert _find("La sospensione riguarda ... ordini del governo russo", it, lang="it") is None


# --------------------------------------------------------------------------- ellipsis


@pytest.mark.parametrize(
    "quote",
    [
        "Ford has ... come forward with a plan",  # skips "not"
        "and the union ... agreed to one",  # skips "never"
        "said it will cut ... jobs in France",  # skips "4,300"
        "jobs in France over ... years",  # skips "four"
        "agreed to one ... In a second paragraph",  # joins two paragraphs
    ],
)
def test_an_ellipsis_skips_no_fact_and_joins_no_paragraphs(quote):
    assert _find(quote) is None


def test_an_ellipsis_over_harmless_words_is_found_and_recorded():
    span = _find("Ford has not come ... with a plan")
    assert span.status == "normalized"
    assert span.text == "Ford has not come forward with a plan"
    assert [(d.kind, d.quote, d.article) for d in span.differences] == [
        ("elided", "...", "forward")
    ]


# --------------------------------------------------------------------------- differences


def test_differences_of_each_kind():
    span = _find("THE CARMAKER said it will cut 4,300 jobs")
    assert [(d.kind, d.quote, d.article) for d in span.differences] == [
        ("case", "THE CARMAKER", "The carmaker")
    ]
    text = "L’accusa è arrivata ieri da Washington, e non è la prima volta."
    span = _find("L'accusa e arrivata ieri da Washington", text, lang="it")
    assert [(d.kind, d.quote, d.article) for d in span.differences] == [
        ("typography", "L'accusa", "L’accusa"),
        ("accent", "e", "è"),
    ]
    assert [d.kind for d in differences("a  b", "a b")] == ["typography"]
    assert differences("same words", "same words") == []


def test_exact_matches_record_no_differences():
    span = _find("Ford has not come forward")
    assert span.status == "exact" and span.differences == []


def test_old_json_without_differences_still_loads():
    old = '{"quote": "x y", "span": {"start": 0, "end": 3, "text": "x y", "status": "exact"}}'
    assert Evidence.model_validate_json(old).span.differences == []


# --------------------------------------------------------------------------- short evidence


@pytest.mark.parametrize(
    ("text", "lang", "short"),
    [
        ("la", "it", True),
        ("Kirby", None, True),
        ("of the", "en", True),
        ("ha detto che", "it", True),
        ("Kirby said", "en", False),
        ("Ricordiamo che", "it", False),
        ("4,300 jobs", "en", False),
    ],
)
def test_evidence_too_short(text, lang, short):
    assert evidence_too_short(text, lang) is short


def test_a_name_alone_is_enough_when_one_word_is():
    assert not evidence_too_short("Reuters", "en", min_words=1)
    assert evidence_too_short("the", "en", min_words=1)


# --------------------------------------------------------------------------- rapidfuzz


def test_rapidfuzz_osa_makes_the_same_typo_decisions():
    """The fuzzy tier asks rapidfuzz's OSA distance `<= limit`; on random near pairs over a
    small alphabet (transpositions, insertions, deletions, substitutions) it decides as the
    pure-Python reference did, and gives the same distance whenever that is within reach."""
    rng = random.Random(9)
    decided = 0
    for _ in range(20_000):
        a = "".join(rng.choice("abcè") for _ in range(rng.randint(0, 10)))
        b = list(a)
        for _ in range(rng.randint(0, 3)):
            op = rng.randrange(4)
            k = rng.randint(0, max(0, len(b) - 1))
            if op == 0:
                b.insert(k, rng.choice("abcè"))
            elif b and op == 1:
                del b[k]
            elif b and op == 2:
                b[k] = rng.choice("abcè")
            elif len(b) > 1 and k + 1 < len(b):
                b[k], b[k + 1] = b[k + 1], b[k]
        b_text = "".join(b)
        for limit in (1, 2):
            ours = OSA.distance(a, b_text, score_cutoff=limit)
            reference = osa_reference(a, b_text, limit)
            assert (ours <= limit) == (reference <= limit), (a, b_text, limit)
            if reference <= limit:
                assert ours == reference
                decided += 1
    assert decided > 10_000


# --------------------------------------------------------------------------- Italian


ISOLATA = (
    "La Russia è diventata sempre più isolata sulla scena mondiale ed è stata costretta a "
    "rivolgersi a Stati che la pensano allo stesso modo"
)
RICORDIAMO = (
    "Ricordiamo che lo scorso novembre la Corea del Sud aveva accusato la Corea del Nord di "
    "fornire diversi tipi di missili alla Russia"
)


@pytest.mark.parametrize(
    "quote",
    [  # each one was accepted before these rules
        ISOLATA.replace("stata costretta", "stato costretto"),  # real words, another gender
        ISOLATA.replace("costretta", "corretta"),  # another real word
        RICORDIAMO.replace("missili", "missile"),  # singular for plural
        RICORDIAMO.replace("Corea del Nord", "Corea"),  # a name dropped
        "da parte della Russia, che non era fin qui ... riportato in precedenza",  # skips "mai"
        "Tuttavia, questo ... è ancora sufficiente rispetto alle sue esigenze",  # skips "non"
        "di appoggiarsi ai Paesi pari",  # ends inside "paria"
    ],
)
def test_italian_changes_are_refused(article, quote):
    assert _find(quote, article, lang="it") is None


def test_italian_misspelling_is_found_and_flagged(article):
    span = _find("Michael Kofman, analista militare del Carnegie Endowmnet", article, lang="it")
    assert span is not None and span.status == "fuzzy"
    assert span.text == "Michael Kofman, analista militare del Carnegie Endowment"
    assert [(d.kind, d.quote, d.article) for d in span.differences] == [
        ("spelling", "Endowmnet", "Endowment")
    ]
