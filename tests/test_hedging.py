"""Hedging: the derived level, the cue lexicon, and the checks on the model's cues."""

from __future__ import annotations

import pytest

from llmclaims.assemble import _cue_flags
from llmclaims.hedging import (
    HEDGE_CATEGORIES,
    LEXICON,
    SUPPORTED_LANGUAGES,
    Cue,
    check_cues,
    cue_scope,
    find_cues,
    hedging_level,
    sentence_around,
)
from llmclaims.models import Factuality, Span
from llmclaims.wire import WireClaim, WireFactuality


def fact(certainty="certain", polarity="positive", evidential="direct", cues=()):
    return WireFactuality(
        certainty=certainty, polarity=polarity, evidential=evidential, cues=list(cues)
    )


# --------------------------------------------------------------------------- hedging_level


@pytest.mark.parametrize(
    ("certainty", "polarity", "evidential", "level"),
    [
        ("certain", "positive", "direct", "none"),
        ("certain", "negative", "direct", "none"),  # a firm denial is not a hedge
        ("certain", "positive", "reported", "low"),
        ("certain", "positive", "inferred", "low"),
        ("certain", "negative", "reported", "low"),
        ("certain", "unknown", "direct", "medium"),
        ("certain", "unknown", "reported", "medium"),
        ("probable", "positive", "direct", "medium"),
        ("probable", "positive", "reported", "medium"),
        ("probable", "unknown", "reported", "medium"),
        ("possible", "positive", "direct", "high"),
        ("possible", "negative", "reported", "high"),
        ("unknown", "positive", "direct", "high"),
        ("unknown", "unknown", "inferred", "high"),
    ],
)
def test_hedging_level_table(certainty, polarity, evidential, level):
    f = fact(certainty, polarity, evidential)
    assert hedging_level(f) == level
    assert Factuality(**f.model_dump()).hedging == level


# --------------------------------------------------------------------------- find_cues


def _by_text(cues: list[Cue]) -> dict[str, Cue]:
    return {c.text: c for c in cues}


@pytest.mark.parametrize(
    "expected",
    [
        "avrebbe colpito",
        "sarebbero entrati",
        "confermerebbero",
        "indicherebbe",
        "sottolineerebbe",
        "avrebbe lanciato",
        "starebbe traendo",
    ],
)
def test_reference_article_conditionals(article, expected):
    cues = _by_text(find_cues(article, "it"))
    assert expected in cues
    cue = cues[expected]
    assert cue.category == "conditional" and cue.lang == "it"
    assert cue.start == article.index(expected)
    assert article[cue.start : cue.end] == expected


def test_reference_article_cues_by_category(article):
    cues = find_cues(article, "it")
    for cue in cues:
        assert article[cue.start : cue.end] == cue.text
    assert [c.start for c in cues] == sorted(c.start for c in cues)
    got = {(c.text, c.category) for c in cues}
    assert {
        ("presunto", "hedge_word"),
        ("non è chiaro", "hedge_word"),
        ("Impossibile dirlo", "hedge_word"),
        ("se le indiscrezioni dovessero", "hedge_word"),
        ("inconfutabili", "certainty_booster"),
        ("ha spiegato", "reporting"),
        ("ha dichiarato", "reporting"),
        ("ha affermato", "reporting"),
        ("ha detto", "reporting"),
        ("ha chiarito", "reporting"),
        ("hanno confermato", "reporting"),
        ("aveva precedentemente riferito", "reporting"),
    } <= got
    texts = {c.text for c in cues}
    # "un secondo funzionario" is an ordinal; "è sostenuto da" a passive; "Detto altrimenti"
    # an idiom; "indiscrezioni" is inside the longer "se ... dovessero" cue.
    assert not {"secondo", "è sostenuto", "sostenuto", "Detto", "indiscrezioni"} & texts
    # the article's hedge cues, in order, are exactly these
    assert [c.text for c in cues if c.category in HEDGE_CATEGORIES] == [
        "avrebbe colpito",
        "sarebbero entrati",
        "confermerebbero",
        "indicherebbe",
        "sottolineerebbe",
        "avrebbe lanciato",
        "presunto",
        "se le indiscrezioni dovessero",
        "starebbe traendo",
        "Impossibile dirlo",
        "non è chiaro",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secondo Kirby, i missili sono nordcoreani.", [("Secondo", "reporting")]),
        ("Il secondo missile è caduto.", []),
        ("L'economia crebbe del 3%; le esportazioni accrebbero.", []),
        ("Il Rebbe ha parlato.", []),
        ("Mosca potrebbe aver usato i missili.", [("potrebbe", "modal")]),
        ("Kiev dovrebbero ricevere aiuti.", [("dovrebbero", "modal")]),
        ("Il raid sarebbe stato ucciso", [("sarebbe stato ucciso", "conditional")]),
        ("Lo avrebbe già detto.", [("avrebbe già detto", "conditional")]),
        ("Sarebbe meglio così.", [("Sarebbe", "conditional")]),
        (
            "Vorrebbero la pace, parrebbe.",
            [("Vorrebbero", "conditional"), ("parrebbe", "conditional")],
        ),
        (
            "Pare che Mosca abbia detto di sì.",
            [("Pare", "hedge_word"), ("abbia detto", "reporting")],
        ),
        ("Non è ancora chiaro chi sia.", [("Non è ancora chiaro", "hedge_word")]),
        (
            "Resta da chiarire l’origine: si ritiene russa.",
            [("Resta da chiarire", "hedge_word"), ("si ritiene", "hedge_word")],
        ),
        (
            "Le prove sono inconfutabili, senza dubbio.",
            [("inconfutabili", "certainty_booster"), ("senza dubbio", "certainty_booster")],
        ),
        (
            "Il presunto attacco e le presunte vittime.",
            [("presunto", "hedge_word"), ("presunte", "hedge_word")],
        ),
    ],
)
def test_italian_cues(text, expected):
    got = [(c.text, c.category) for c in find_cues(text, "it")]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia would have used the missiles, officials said.",
            [("would have", "conditional"), ("said", "reporting")],
        ),
        (
            "The missiles were allegedly fired and could reach Kyiv.",
            [("allegedly", "hedge_word"), ("could", "modal")],
        ),
        (
            "It is unclear how many, according to the Post.",
            [("It is unclear", "hedge_word"), ("according to", "reporting")],
        ),
        (
            "It’s unclear; it remains unclear.",
            [("It’s unclear", "hedge_word"), ("it remains unclear", "hedge_word")],
        ),
        (
            "Reportedly, they may strike. Apparently not.",
            [("Reportedly", "hedge_word"), ("may", "modal"), ("Apparently", "hedge_word")],
        ),
        (
            "The unconfirmed reports, Kirby told reporters, are presumably true.",
            [("unconfirmed", "hedge_word"), ("told", "reporting"), ("presumably", "hedge_word")],
        ),
        (
            "The evidence is irrefutable and will certainly surface.",
            [("irrefutable", "certainty_booster"), ("certainly", "certainty_booster")],
        ),
        ("In May 2024 Theresa May spoke. May I ask?", [("May", "modal")]),
        ("She might be right.", [("might", "modal")]),
    ],
)
def test_english_cues(text, expected):
    assert [(c.text, c.category) for c in find_cues(text, "en")] == expected


# Each category of general news English the lexicon covers, in sentences written for the test.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # possibility and likelihood
            "A merger is possible and, in all likelihood, imminent.",
            [("possible", "hedge_word"), ("in all likelihood", "hedge_word")],
        ),
        (  # near-certainty is still not certainty
            "A default now looks almost certain.",
            [("almost certain", "hedge_word")],
        ),
        (  # unknowns
            "The cause of the fire is unknown and the toll uncertain.",
            [("unknown", "hedge_word"), ("uncertain", "hedge_word")],
        ),
        (  # appearance and inference verbs
            "The data suggests the economy appears to be slowing.",
            [("suggests", "hedge_word"), ("appears to", "hedge_word")],
        ),
        (  # belief and tendency
            "The gunman, believed to be 30, tends to act alone.",
            [("believed to", "hedge_word"), ("tends to", "hedge_word")],
        ),
        (  # hope, fear and risk nouns with the complement they govern
            "Hopes for a ceasefire rose, and the risk of default fell.",
            [("Hopes for", "hedge_word"), ("risk of", "hedge_word")],
        ),
        ("Worries that the bank will fail spread.", [("Worries that", "hedge_word")]),
        (  # impersonal expectation: nobody commits to the clause
            "It is expected that the plant will close.",
            [("It is expected that", "hedge_word")],
        ),
        ("The worries eased and the risks shrank.", []),  # the noun alone is no cue
        # words that look epistemic but are not here: a court appearance, the noun "suspect"
        ("The suspect appeared in court.", []),
        ("There is no doubt.", [("no doubt", "certainty_booster")]),
        ("The plant will reopen as soon as possible.", []),  # a manner, not a possibility
        (  # "can not" / "can't" deny; only the bare "can" is a possibility
            "We can not pay and we can't wait, but we can try.",
            [("can", "modal")],
        ),
    ],
)
def test_english_news_hedge_categories(text, expected):
    assert [(c.text, c.category) for c in find_cues(text, "en")] == expected


def test_negated_can_is_no_unflagged_hedge():
    text = "The airline cannot fly the route and can not sell the tickets."
    assert check_cues(fact("certain", "negative"), text, text, "en") == []
    hedged = "The airline can fly the route."
    assert check_cues(fact("certain"), hedged, hedged, "en") == ["unflagged_hedge"]


def _scopes(text: str, lang: str) -> dict[str, str]:
    return {
        c.text: text[slice(*cue_scope(text, c))]
        for c in find_cues(text, lang)
        if c.category in HEDGE_CATEGORIES
    }


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a modal governs the verb after it, up to the end of its clause
        ("Shares could fall sharply, but profits rose.", "en", {"could": "fall sharply"}),
        ("Analysts say the deal may collapse before the vote.", "en", {"may": "collapse"}),
        (
            "The company is expected to report a loss next week.",
            "en",
            {"expected to": "report a loss next week"},
        ),
        # an "if" governs its own clause, not the main one
        ("If the talks fail, the strike goes ahead.", "en", {"If": "the talks fail"}),
        # an adjective the noun after it; a relative clause is another clause
        (
            "Potential buyers include two banks which bid last year.",
            "en",
            {"Potential": "buyers include two banks"},
        ),
        # an abbreviation and a thousands separator end nothing
        (
            "Sales may drop in the U.S. market this year.",
            "en",
            {"may": "drop in the U.S. market this year"},
        ),
        ("The firm could cut 10,000 jobs.", "en", {"could": "cut 10,000 jobs"}),
        ("Output could rise 3.5% this year.", "en", {"could": "rise 3.5% this year"}),
        # a clause without punctuation is cut after SCOPE_WORDS words
        (
            "The index might rise on each of the next twelve trading days of the year",
            "en",
            {"might": "rise on each of the next twelve trading days of"},
        ),
        (
            "La Borsa potrebbe scendere del 3%, ma i profitti sono saliti.",
            "it",
            {"potrebbe": "scendere del 3%"},
        ),
        (
            "Si teme che la banca fallisca entro marzo.",
            "it",
            {"Si teme": "che la banca fallisca entro marzo"},
        ),
        (
            "La bolsa podría caer un 3%, pero los beneficios subieron.",
            "es",
            {"podría": "caer un 3%"},
        ),
    ],
)
def test_cue_scope(text, lang, expected):
    assert _scopes(text, lang) == expected


def test_english_may_offsets():
    text = "In May 2024 Theresa May spoke. May I ask?"
    (cue,) = find_cues(text, "en")
    assert (cue.start, cue.end) == (31, 34)


def test_language_selection(article):
    text = "La Russia avrebbe colpito Kiev, officials said."
    assert {c.lang for c in find_cues(text)} == {"it", "en"}
    assert {c.lang for c in find_cues(text, "it-IT")} == {"it"}
    assert {c.lang for c in find_cues(text, "EN")} == {"en"}
    assert find_cues(text, "fr") == []
    assert SUPPORTED_LANGUAGES == ("en", "it", "es")
    assert (
        set(LEXICON["it"])
        == set(LEXICON["en"])
        == set(LEXICON["es"])
        == {
            "conditional",
            "modal",
            "hedge_word",
            "reporting",
            "certainty_booster",
        }
    )


def test_cue_is_the_texts_own_characters():
    text = "Non\u00a0è\nchiaro quanti"
    (cue,) = find_cues(text, "it")
    assert cue == Cue("Non\u00a0è\nchiaro", 0, 12, "hedge_word", "it")


# --------------------------------------------------------------------------- check_cues


def _evidence_and_sentence(article, evidence):
    start = article.index(evidence)
    a, b = sentence_around(article, start, start + len(evidence))
    return evidence, article[a:b]


def test_cue_not_in_text(article):
    ev, sent = _evidence_and_sentence(article, "la Russia avrebbe colpito l’Ucraina")
    f = fact("probable", evidential="reported", cues=["sarebbe stato colpito", "avrebbe colpito"])
    assert check_cues(f, ev, sent, "it") == ["cue_not_in_text:sarebbe stato colpito"]


@pytest.mark.parametrize(
    "cue",
    [
        "avrebbe colpito",
        "AVREBBE COLPITO",
        "avrebbe\ncolpito",
        "ricevute dalla Corea",  # in the sentence, not in the evidence
        "l'Ucraina",  # straight apostrophe for the article's curly one
        "Tra il 30 dicembre ... avrebbe colpito",  # an ellipsis in a cue
    ],
)
def test_cue_found_despite_case_apostrophes_and_layout(article, cue):
    ev, sent = _evidence_and_sentence(article, "la Russia avrebbe colpito l’Ucraina")
    f = fact("probable", evidential="reported", cues=[cue])
    assert not [x for x in check_cues(f, ev, sent, "it") if x.startswith("cue_not_in_text")]


def test_cue_must_be_whole_words(article):
    ev, sent = _evidence_and_sentence(article, "la Russia avrebbe colpito l’Ucraina")
    f = fact("probable", evidential="reported", cues=["avrebbe colp", "avrebbe colpito"])
    assert check_cues(f, ev, sent, "it") == ["cue_not_in_text:avrebbe colp"]


def test_unflagged_hedge(article):
    ev, sent = _evidence_and_sentence(article, "la Russia avrebbe colpito l’Ucraina")
    assert check_cues(fact("certain"), ev, sent, "it") == ["unflagged_hedge"]
    assert check_cues(fact("certain", evidential="reported"), ev, sent, None) == ["unflagged_hedge"]


def test_unflagged_hedge_not_for_kirbys_own_certainty(article):
    """Kirby is certain ("inconfutabili") while the newspaper hedges the same words."""
    ev, sent = _evidence_and_sentence(
        article, "gli Usa sarebbero entrati in possesso di informazioni inconfutabili"
    )
    kirby = fact("certain", cues=["inconfutabili"])
    newspaper = fact("probable", evidential="reported", cues=["sarebbero entrati"])
    # Read alone, a certain commitment over "sarebbero" is suspicious whatever its cues ...
    assert check_cues(kirby, ev, sent, "it") == ["unflagged_hedge"]
    assert check_cues(newspaper, ev, sent, "it") == []
    # ... but in a claim, the newspaper's hedge accounts for it: Kirby is not flagged.
    start = article.index(ev)
    span = Span(start=start, end=start + len(ev), text=ev, status="exact")
    claim = WireClaim(id="C1", text="Gli Usa hanno informazioni.", ambiguous=False,
                      source_ids=["S1"], author=newspaper, source=kirby, evidence=[ev])  # fmt: skip
    assert _cue_flags(claim, [span], article, "it") == []


def test_a_booster_or_reporting_verb_does_not_silence_a_hedge(article):
    ev, sent = _evidence_and_sentence(
        article, "gli Usa sarebbero entrati in possesso di informazioni inconfutabili"
    )
    for cues in (["inconfutabili"], ["ha spiegato"]):
        assert "unflagged_hedge" in check_cues(fact("certain", cues=cues), ev, sent, "it")


def test_reporting_verbs_alone_raise_nothing(article):
    ev, sent = _evidence_and_sentence(
        article,
        '" Le nostre informazioni indicano che la Corea del Nord ha recentemente fornito alla '
        'Russia sistemi di lancio di missili balistici e diversi missili balistici ", ha '
        "chiarito Kirby",
    )
    assert check_cues(fact("certain"), ev, sent, "it") == []
    assert (
        check_cues(fact("certain", evidential="reported", cues=["ha chiarito"]), ev, sent, "it")
        == []
    )


def test_unflagged_hedge_reads_the_evidence_not_the_sentence(article):
    ev, sent = _evidence_and_sentence(article, "Il portavoce del Consiglio nazionale di sicurezza")
    assert "sarebbero" in sent
    assert check_cues(fact("certain"), ev, sent, "it") == []


def test_hedge_without_cue(article):
    ev, sent = _evidence_and_sentence(
        article, "la Corea del Nord ha recentemente fornito alla Russia sistemi di lancio"
    )
    assert check_cues(fact("probable"), ev, sent, "it") == ["hedge_without_cue"]
    assert check_cues(fact("possible"), ev, sent, "it") == ["hedge_without_cue"]
    # a reporting verb is attribution, not a hedge
    reported = fact("probable", evidential="reported", cues=["ha chiarito"])
    assert check_cues(reported, ev, sent, "it") == ["hedge_without_cue"]
    # unknown certainty is not a hedge claim: nothing to check
    assert check_cues(fact("unknown"), ev, sent, "it") == []


def test_hedge_with_cue_in_evidence_or_sentence(article):
    ev, sent = _evidence_and_sentence(article, "quale sia la quantità di armi inviate")
    assert "non è chiaro" in sent and "non è chiaro" not in ev
    assert check_cues(fact("possible"), ev, sent, "it") == []
    ev, sent = _evidence_and_sentence(article, "Il presunto sostegno della Corea del Nord")
    assert check_cues(fact("probable"), ev, sent, "it") == []


def test_hedge_phrase_missing_from_the_lexicon_is_trusted():
    text = "Resta da vedere se Mosca userà i missili."
    f = fact("possible", cues=["resta da vedere"])
    assert check_cues(f, text, text, "it") == []
    assert check_cues(fact("possible"), text, text, "it") == ["hedge_without_cue"]


def test_all_flags_together():
    text = "Kirby ha detto che la Russia ha lanciato i missili."
    f = fact("probable", cues=["avrebbe lanciato"])
    assert check_cues(f, text, text, "it") == [
        "cue_not_in_text:avrebbe lanciato",
        "hedge_without_cue",
    ]


def test_english_checks():
    text = "Russia allegedly fired North Korean missiles, officials said."
    assert check_cues(fact("certain"), text, text, "en") == ["unflagged_hedge"]
    assert check_cues(fact("probable", cues=["allegedly"]), text, text, "en") == []
    plain = "Russia fired North Korean missiles, officials said."
    assert check_cues(fact("probable", cues=["said"]), plain, plain, "en") == ["hedge_without_cue"]
    assert check_cues(fact("certain", evidential="reported"), plain, plain, "en") == []


def test_unsupported_language_relies_on_the_models_cues():
    text = "La Russie aurait frappé l’Ukraine, selon Washington."
    assert check_cues(fact("certain"), text, text, "fr") == []
    assert check_cues(fact("probable", cues=["aurait frappé"]), text, text, "fr") == []
    assert check_cues(fact("probable"), text, text, "fr") == ["hedge_without_cue"]
    assert check_cues(fact("probable", cues=["pourrait"]), text, text, "fr") == [
        "cue_not_in_text:pourrait",
        "hedge_without_cue",
    ]


def test_blank_cues_are_ignored():
    text = "La Russia avrebbe colpito Kiev."
    assert check_cues(fact("certain", cues=[" "]), text, text, "it") == ["unflagged_hedge"]


def test_sentence_around_is_available_here(article):
    start = article.index("presunto")
    a, b = sentence_around(article, start, start + 8)
    assert article[a:b] == "Il presunto sostegno della Corea del Nord al Cremlino"


def test_reported_speech_would_is_not_a_hedge():
    reported = "DaimlerChrysler announced today it would cut 13,000 jobs in North America."
    assert [c.category for c in find_cues(reported, "en")] == ["reporting"]
    hedged = "The plant would close, analysts fear. The company said nothing."
    assert [c.text for c in find_cues(hedged, "en")][:1] == ["would"]


@pytest.mark.parametrize(
    ("text", "lang", "cue"),
    [
        ("Non si esclude che i missili siano arrivati via mare.", "it", "Non si esclude"),
        ("Si ipotizza un accordo segreto tra Mosca e Pyongyang.", "it", "Si ipotizza"),
        ("Verosimilmente le armi sono già in Ucraina.", "it", "Verosimilmente"),
        ("Si teme una nuova ondata di attacchi.", "it", "Si teme"),
        ("The plant should reopen next week.", "en", "should"),
        ("The company is expected to report a loss.", "en", "expected to"),
        ("The strike ends if the union accepts the offer.", "en", "if"),
    ],
)
def test_news_hedges_the_lexicon_once_missed(text, lang, cue):
    hedges = [c.text for c in find_cues(text, lang) if c.category in HEDGE_CATEGORIES]
    assert cue in hedges


def test_may_the_month_is_never_a_modal():
    for text in ("The vote took place in May.", "On May 5 the talks resumed.", "May 2024 sales"):
        assert not [c for c in find_cues(text, "en") if c.category == "modal"], text


def test_the_lexicon_is_the_language_modules_data():
    """The engine holds no words: each category is the concatenation of its module lists."""
    from llmclaims import languages

    for module in languages.registered():
        table = LEXICON[module.CODE]
        assert table["modal"] == module.MODALS
        assert table["reporting"] == module.REPORTING_VERBS
        assert table["certainty_booster"] == module.CERTAINTY_BOOSTERS
        assert set(table["hedge_word"]) == {
            *module.HEDGE_ADVERBS,
            *module.IMPERSONAL_HEDGES,
            *module.EPISTEMIC_VERBS,
            *module.HEDGE_NOUNS,
            *module.HEDGE_CONDITIONS,
        }
