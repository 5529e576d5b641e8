"""Grounding: quotes found as spans of the article's own characters, and nothing else."""

from __future__ import annotations

import unicodedata

import pytest

from llmclaims.grounding import (
    FUZZY_THRESHOLD,
    MAX_ELLIPSIS_GAP,
    ground_quotes,
    locate_evidence,
    normalize_text,
    sentence_around,
)


def _check(span, text):
    assert span is not None
    assert text[span.start : span.end] == span.text
    return span


# --------------------------------------------------------------------------- exact


def test_exact_match_offsets(article):
    quote = "Impossibile dirlo con certezza."
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "exact"
    assert span.start == article.index(quote)
    assert span.end == span.start + len(quote)
    assert span.text == quote


def test_exact_strips_outer_whitespace_only(article):
    span = _check(locate_evidence("  \n Impossibile dirlo con certezza \t", article), article)
    assert span.status == "exact"
    assert span.text == "Impossibile dirlo con certezza"


def test_exact_keeps_article_quote_marks_with_inner_spaces(article):
    quote = '" conseguente e preoccupante escalation "'
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "exact"
    assert span.start == 264 and span.end == 305


def test_start_returns_earliest_match_at_or_after(article):
    first = article.index("ha spiegato")
    second = article.index("ha spiegato", first + 1)
    assert locate_evidence("ha spiegato", article).start == first
    assert locate_evidence("ha spiegato", article, start=first).start == first
    assert locate_evidence("ha spiegato", article, start=first + 1).start == second
    assert locate_evidence("ha spiegato", article, start=second + 1) is None
    # the normalized tier honours `start` too
    upper = locate_evidence("HA SPIEGATO", article, start=first + 1)
    assert upper.status == "normalized" and upper.start == second
    assert locate_evidence("HA SPIEGATO", article, start=second + 1) is None


# --------------------------------------------------------------------------- normalized


@pytest.mark.parametrize(
    "quote",
    [
        '"conseguente e preoccupante escalation"',
        "“conseguente e preoccupante escalation”",
        "“ conseguente e preoccupante escalation ”",
        "« conseguente e preoccupante escalation »",
        '"Conseguente e preoccupante escalation"',
        '"conseguente e\npreoccupante escalation"',
    ],
)
def test_quote_with_marks_takes_in_the_articles_marks(article, quote):
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "normalized"
    assert span.text == '" conseguente e preoccupante escalation "'
    assert (span.start, span.end) == (264, 305)


def test_mark_not_taken_in_before_start(article):
    span = _check(
        locate_evidence('"conseguente e preoccupante escalation"', article, start=265), article
    )
    assert (span.start, span.end) == (266, 305)


def test_quote_without_marks_is_found_inside_them(article):
    span = _check(locate_evidence("Conseguente e preoccupante escalation", article), article)
    assert span.status == "normalized"
    assert span.text == "conseguente e preoccupante escalation"
    assert (span.start, span.end) == (266, 303)


def test_quote_dropping_inner_quote_marks(article):
    quote = (
        "la Casa Bianca che ha denunciato una conseguente e preoccupante escalation del sostegno"
    )
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "normalized"
    assert span.text == (
        'la Casa Bianca che ha denunciato una " conseguente e preoccupante escalation " del '
        "sostegno"
    )


def test_quote_across_a_quoted_passage_and_its_attribution(article):
    quote = (
        '"Le nostre informazioni indicano che la Corea del Nord ha recentemente fornito alla '
        'Russia sistemi di lancio di missili balistici e diversi missili balistici", ha chiarito '
        "Kirby."
    )
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "normalized"
    assert span.text.startswith('" Le nostre informazioni')
    assert span.text.endswith('balistici ", ha chiarito Kirby.')


def test_straight_apostrophe_finds_curly_one(article):
    span = _check(locate_evidence("È questa l'accusa rivolta dagli Stati Uniti", article), article)
    assert span.status == "normalized"
    assert span.text == "È questa l’accusa rivolta dagli Stati Uniti"
    assert span.start == article.index("È questa")


def test_curly_apostrophe_finds_straight_one(article):
    span = _check(locate_evidence("l’equipaggiamento militare", article), article)
    assert span.status == "normalized"
    assert span.text == "l'equipaggiamento militare"


def test_case_difference(article):
    span = _check(locate_evidence("LA RUSSIA È DIVENTATA SEMPRE PIÙ ISOLATA", article), article)
    assert span.status == "normalized"
    assert span.text == "La Russia è diventata sempre più isolata"


def test_newlines_tabs_and_nbsp_in_quote(article):
    quote = "missili balistici\nnordcoreani  da parte\n\t della\u00a0Russia"
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "normalized"
    assert span.text == "missili balistici nordcoreani da parte della Russia"
    assert span.start == article.index("missili balistici nordcoreani da parte")


def test_quote_across_paragraph_break(article):
    quote = "La Russia ha lanciato i missili di Kim Il dispiegamento di missili balistici"
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "normalized"
    assert span.text == (
        'La Russia ha lanciato i missili di Kim"\n\nIl dispiegamento di missili balistici'
    )


def test_trailing_punctuation_the_article_lacks(article):
    quote = "Ma quante e quali armi Kim ha inviato a Putin."
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "normalized"
    assert span.text == "Ma quante e quali armi Kim ha inviato a Putin"


def test_dashes_ligatures_and_decomposed_accents():
    text = "Il vertice Usa–Russia è ﬁnito così… Poi e\u0301 ripartito."
    span = _check(locate_evidence("vertice USA-Russia", text), text)
    assert span.text == "vertice Usa–Russia" and span.status == "normalized"
    span = _check(locate_evidence("è finito così...", text), text)
    assert span.text == "è ﬁnito così…"
    span = _check(locate_evidence("Poi è ripartito", text), text)  # NFC quote, NFD text
    assert span.text == "Poi e\u0301 ripartito"
    # never half of a ligature, never an accent's base letter without its accent
    assert locate_evidence("inito così", text) is None
    assert locate_evidence("POI E", text) is None
    assert locate_evidence("POI E\u0301", text).text == "Poi e\u0301"


def test_every_tier_respects_word_boundaries(article):
    assert "ssia ha lanciato" in article  # a substring, but it starts inside "Russia"
    assert locate_evidence("ssia ha lanciato", article) is None
    assert locate_evidence("SSIA HA LANCIATO", article) is None
    assert locate_evidence("Russia ha lanci", article) is None  # ends inside "lanciato"
    text = "Ford cut 4,300 jobs in France and 2.5 million euros."
    assert locate_evidence("300 jobs in France", text) is None
    assert locate_evidence("cut 4,3", text) is None
    assert locate_evidence("5 million euros", text) is None
    assert locate_evidence("4,300 jobs in France", text).status == "exact"


def test_normalize_text_examples():
    text = "L’Accusa  «  Tra\u00a0virgolette » , e—poi"
    assert normalize_text(text) == "l'accusa tra virgolette, e-poi"
    assert normalize_text("l' accusa") == normalize_text("l'accusa")


# --------------------------------------------------------------------------- ellipsis


@pytest.mark.parametrize("dots", ["...", "…", " [...] ", "[…]", " (...) ", ". . ."])
def test_ellipsis_spans_omitted_words(article, dots):
    quote = f"Tra il 30 dicembre e il 2 gennaio la Russia avrebbe colpito{dots}missili balistici"
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "normalized"
    assert span.start == 0
    assert span.text == (
        "Tra il 30 dicembre e il 2 gennaio la Russia avrebbe colpito l’Ucraina utilizzando "
        "missili balistici"
    )


def test_ellipsis_across_quote_marks_and_sentences(article):
    quote = "Le nostre informazioni indicano ... ha chiarito Kirby"
    span = _check(locate_evidence(quote, article), article)
    assert span.text.startswith("Le nostre informazioni indicano")
    assert span.text.endswith("ha chiarito Kirby")


def test_leading_and_trailing_ellipsis(article):
    span = _check(locate_evidence("…la Russia avrebbe colpito l'Ucraina...", article), article)
    assert span.status == "normalized"
    assert span.text == "la Russia avrebbe colpito l’Ucraina"


def test_ellipsis_gap_is_bounded(article):
    quote = "Tra il 30 dicembre ... spedizioni di armi nordcoreane"
    assert len(normalize_text(article)) > MAX_ELLIPSIS_GAP
    assert locate_evidence(quote, article) is None


def test_ellipsis_pieces_must_be_in_order(article):
    quote = "missili balistici e rampe di lancio ... Tra il 30 dicembre"
    assert locate_evidence(quote, article) is None


def test_ellipsis_chooses_a_placement_that_fits(article):
    # "missili balistici" occurs many times; only the one just before "e rampe" fits
    span = _check(locate_evidence("utilizzando ... e rampe di lancio", article), article)
    assert span.text == "utilizzando missili balistici e rampe di lancio"


# --------------------------------------------------------------------------- short quotes


@pytest.mark.parametrize("quote", ["", "   ", '""', "“ ”", "...", "KI", "?!"])
def test_short_or_punctuation_quotes_need_an_exact_match(article, quote):
    assert locate_evidence(quote, article) is None


def test_short_quotes_found_exactly(article):
    assert locate_evidence("Usa", article).start == article.index("Usa")
    assert locate_evidence(",", article).start == article.index(",")
    assert locate_evidence("USA", article).text == "Usa"  # 3 characters: normalized is allowed


# --------------------------------------------------------------------------- fuzzy


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (  # a typo (transposed letters)
            "Il portavoce del Consiglio nazionale di sicurezza americano, John Kirby, ha spiegato "
            "che gli Usa sarebbero entarti in possesso",
            "Il portavoce del Consiglio nazionale di sicurezza americano, John Kirby, ha spiegato "
            "che gli Usa sarebbero entrati in possesso",
        ),
        (  # a dropped word ("fin")
            "Il dispiegamento di missili balistici nordcoreani da parte della Russia, che non era "
            "qui mai stato riportato",
            "Il dispiegamento di missili balistici nordcoreani da parte della Russia, che non era "
            "fin qui mai stato riportato",
        ),
        (  # an added word
            "ha spiegato che gli Usa sarebbero entrati in possesso di informazioni assolutamente "
            "inconfutabili",
            "ha spiegato che gli Usa sarebbero entrati in possesso di informazioni inconfutabili",
        ),
        (  # a missing accent and a typo
            "lo sforzo bellico della Russia e sostenuto da ingenti importazoni di armi",
            "lo sforzo bellico della Russia è sostenuto da ingenti importazioni di armi",
        ),
        (  # a typo with typographic differences too
            "È questa l'accusa rivolta dagli Stati Unti all'indirizzo di Kim Jong Un",
            "È questa l’accusa rivolta dagli Stati Uniti all’indirizzo di Kim Jong Un",
        ),
    ],
)
def test_fuzzy_tolerates_small_differences(article, quote, expected):
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "fuzzy"
    assert span.text == expected
    assert span.start == article.index(expected)


def test_fuzzy_inside_an_ellipsis_quote(article):
    quote = "Tra il 30 dicembre e il 2 genaio la Russia avrebbe colpito ... rampe di lancio"
    span = _check(locate_evidence(quote, article), article)
    assert span.status == "fuzzy"
    assert span.start == 0 and span.text.endswith("rampe di lancio")


def test_fuzzy_only_when_cheaper_tiers_fail(article):
    quote = "ha spiegato che gli Usa sarebbero entrati in possesso"
    assert locate_evidence(quote, article).status == "exact"
    assert locate_evidence(quote.upper(), article).status == "normalized"


def test_fuzzy_threshold_is_documented():
    assert FUZZY_THRESHOLD == 0.90


TRANSLATIONS = [
    "Between December 30 and January 2 Russia allegedly struck Ukraine using ballistic missiles "
    "and launchers received from North Korea",
    "This is the accusation made by the United States against Kim Jong Un",
    "The spokesman of the US National Security Council, John Kirby, explained that the US had "
    "come into possession of irrefutable information",
    "Our information indicates that North Korea has recently provided Russia with ballistic "
    "missile launchers and several ballistic missiles",
    "Russia has become increasingly isolated on the world stage",
    "It is impossible to say with certainty",
    "Michael Kofman, military analyst at the Carnegie Endowment for International Peace, told "
    "the WP",
]

INVENTED = [
    # one entity, place or party swapped
    "Tra il 30 dicembre e il 2 gennaio la Russia avrebbe colpito la Polonia utilizzando missili "
    "balistici",
    "Le nostre informazioni indicano che la Corea del Sud ha recentemente fornito alla Russia "
    "sistemi di lancio",
    "ha recentemente fornito alla Russia sistemi di lancio di missili balistici e diversi "
    "missili balistici, ha chiarito Kerry",
    "Un terzo funzionario ha affermato che i proiettili nordcoreani impiegati dalle forze del "
    "Cremlino",
    "erano missili balistici a lungo raggio che Mosca avrebbe lanciato nel territorio ucraino",
    "La Russia ha lanciato i missili di Putin",
    # a negation added or removed, a number changed, a prefix that inverts
    "la Russia non avrebbe colpito l’Ucraina utilizzando missili balistici",
    "Tuttavia, questo è ancora sufficiente rispetto alle sue esigenze",
    "Tra il 29 dicembre e il 2 gennaio la Russia avrebbe colpito l’Ucraina",
    "Possibile dirlo con certezza",
    # words reordered, halves of two real sentences joined
    "sanzioni imposte da Mosca contro Washington",
    "Michael Kofman ha detto al WP che la Russia è diventata sempre più isolata sulla scena "
    "mondiale",
    "gli Usa sarebbero entrati in possesso di informazioni inconfutabili che confermerebbero "
    "la notizia dell'accusa",
]

TOPIC_SIMILAR = [
    "La Corea del Nord ha fornito missili balistici alla Russia, secondo la Casa Bianca",
    "Gli Stati Uniti accusano Pyongyang di armare Mosca nella guerra contro Kiev",
    "Kim Jong Un sostiene lo sforzo bellico russo con missili e lanciatori",
    "North Korea supplied Russia with ballistic missiles, the White House said",
]


@pytest.mark.parametrize("quote", TRANSLATIONS + INVENTED + TOPIC_SIMILAR)
def test_fuzzy_never_matches_what_the_article_does_not_say(article, quote):
    assert locate_evidence(quote, article) is None


def test_invented_sentences_are_close_to_real_ones(article):
    """The negative cases above are hard ones: real words, mostly in the article's order."""
    from difflib import SequenceMatcher

    real = "La Russia ha lanciato i missili di Kim"
    fake = "La Russia ha lanciato i missili di Putin"
    assert SequenceMatcher(None, normalize_text(real), normalize_text(fake)).ratio() > 0.85
    assert locate_evidence(real, article) is not None
    assert locate_evidence(fake, article) is None


# --------------------------------------------------------------------------- convenience, speed


def test_ground_quotes(article):
    spans = ground_quotes(["Usa", "l'accusa rivolta", "Kim Jong Un ha invaso la Francia"], article)
    assert [s.status if s else None for s in spans] == ["exact", "normalized", None]


def test_span_invariant_holds_everywhere(article):
    quotes = [article[i : i + 60] for i in range(0, len(article) - 60, 97)]
    quotes += [q.upper().replace("’", "'").replace(" ", "\n") for q in quotes]
    for quote in quotes:
        span = locate_evidence(quote, article)
        if span is not None:
            assert article[span.start : span.end] == span.text


def test_case_changed_windows_all_found_on_the_reference_article(article):
    """Speed is measured in benchmarks/grounding.py; here only that every window is found."""
    words = article.split(" ")
    quotes = [" ".join(words[i : i + 12]).upper() for i in range(0, len(words) - 12, 10)]
    for q in quotes:
        assert locate_evidence(q, article, lang="it") is not None


def test_fuzzy_decisions_hold_on_a_huge_text(article):
    """Its cost is bounded by the window cap (tests/test_grounding_bounds.py counts the work)."""
    text = article * 40  # ~130 KB, every word very frequent
    assert locate_evidence(TRANSLATIONS[0], text, lang="it") is None
    assert locate_evidence(INVENTED[0], text, lang="it") is None
    span = locate_evidence(INVENTED[0].replace("la Polonia", "l'Ucrania"), text, lang="it")
    assert span is not None and span.status == "fuzzy" and span.start == 0


# --------------------------------------------------------------------------- sentences


def _sentence(text, needle):
    start = text.index(needle)
    a, b = sentence_around(text, start, start + len(needle))
    return text[a:b]


def test_sentence_around_first_sentence(article):
    assert _sentence(article, "avrebbe colpito") == (
        "Tra il 30 dicembre e il 2 gennaio la Russia avrebbe colpito l’Ucraina utilizzando "
        "missili balistici e rampe di lancio ricevute dalla Corea del Nord."
    )


def test_sentence_around_keeps_a_quotation_with_its_attribution(article):
    sentence = _sentence(article, "Tuttavia, questo non è ancora sufficiente")
    assert sentence.startswith('" La produzione industriale')
    assert sentence.endswith('", ha spiegato l’esperto.')


def test_sentence_around_headline_and_question(article):
    assert _sentence(article, "presunto") == "Il presunto sostegno della Corea del Nord al Cremlino"
    assert _sentence(article, "Kim ha inviato") == "Ma quante e quali armi Kim ha inviato a Putin?"
    assert _sentence(article, "dirlo") == "Impossibile dirlo con certezza."


def test_sentence_around_span_crossing_sentences(article):
    start = article.index("a Putin?")
    end = article.index("con certezza") + 3
    a, b = sentence_around(article, start, end)
    assert article[a:b] == (
        "Ma quante e quali armi Kim ha inviato a Putin? Impossibile dirlo con certezza."
    )


def test_sentence_around_abbreviations_and_quotes():
    text = "Il sig. Rossi ha parlato con il dott. Bianchi. Poi è partito."
    assert _sentence(text, "Rossi") == "Il sig. Rossi ha parlato con il dott. Bianchi."
    text = "Mr. J. R. Smith met U.S. officials on Monday. They said no."
    assert _sentence(text, "Smith") == "Mr. J. R. Smith met U.S. officials on Monday."
    text = 'He said "It is over." Then he left. The end'
    assert _sentence(text, "Then") == "Then he left."
    assert _sentence(text, "over") == 'He said "It is over."'
    assert _sentence(text, "end") == "The end"


def test_sentence_around_edges():
    assert sentence_around("", 0, 0) == (0, 0)
    text = "One. Two."
    assert sentence_around(text, 0, 1) == (0, 4)
    assert sentence_around(text, 5, 100) == (5, 9)


def test_unicode_sanity():
    # Every article character normalizes without error (unassigned, surrogates aside).
    chars = [chr(c) for c in range(32, 0x3000) if unicodedata.category(chr(c)) != "Cs"]
    text = " ".join(chars)
    found = 0
    for i in range(0, len(text) - 60, 997):
        span = locate_evidence(text[i : i + 60], text)
        if span is not None:
            found += 1
            assert text[span.start : span.end] == span.text
    assert found >= 10
