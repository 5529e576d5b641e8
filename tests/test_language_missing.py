"""An article in a language without a module (German) is still summarized and checked.

The checks that read language data (hedge lexicon, negation words) have nothing to read: they
are skipped, and the summary says so once in `metadata.notes`. The checks that need no language
(grounding, numbers, names) run as for any article. End to end through the local server, with a
German article and answer written for this test.
"""

from __future__ import annotations

import copy

import llmclaims
from llmclaims.testing import answer_reply

ARTICLE = (
    "Berlin erhöht die Tabaksteuer\n\n"
    "Berlin (dpa) - Im Mai erhöhte die Bundesregierung die Tabaksteuer um zehn Prozent. "
    "Das Finanzministerium dementierte am Dienstag einen Bericht über weitere Erhöhungen. "
    "Nach Angaben des Ministeriums könnten die Einnahmen im kommenden Jahr steigen."
)


def fact(certainty="certain", polarity="positive", evidential="direct", cues=()):
    return {"certainty": certainty, "polarity": polarity, "evidential": evidential, "cues": cues}


ANSWER = {
    "language": "de",
    "sources": [
        {
            "id": "S1",
            "name": None,
            "kind": "author",
            "named": False,
            "role": None,
            "affiliation": None,
            "via": None,
            "evidence": ["Berlin (dpa)"],
        },
        {
            "id": "S2",
            "name": "Finanzministerium",
            "kind": "government",
            "named": True,
            "role": None,
            "affiliation": None,
            "via": None,
            "evidence": ["Das Finanzministerium dementierte"],
        },
    ],
    "claims": [
        {
            # "Mai" is the month here, but "mai" is an Italian negation: a negation check
            # reading every language's words would call this claim's polarity turned around.
            "id": "C1",
            "text": "Die Bundesregierung erhöhte die Tabaksteuer um zehn Prozent.",
            "ambiguous": False,
            "source_ids": ["S1"],
            "author": fact(),
            "source": None,
            "evidence": ["Im Mai erhöhte die Bundesregierung die Tabaksteuer um zehn Prozent"],
        },
        {
            # A denial with no cue listed: negative_without_cue would need German negations.
            "id": "C2",
            "text": "Es gibt weitere Erhöhungen der Tabaksteuer.",
            "ambiguous": False,
            "source_ids": ["S2"],
            "author": fact(evidential="reported"),
            "source": fact(polarity="negative"),
            "evidence": ["dementierte am Dienstag einen Bericht über weitere Erhöhungen"],
        },
        {
            # A number the article never states: found whatever the language.
            "id": "C3",
            "text": "Die Einnahmen könnten im kommenden Jahr um 50 Prozent steigen.",
            "ambiguous": False,
            "source_ids": ["S2"],
            "author": fact(evidential="reported"),
            "source": fact("possible", cues=["könnten"]),
            "evidence": ["könnten die Einnahmen im kommenden Jahr steigen"],
        },
    ],
    "timeline": [
        {
            "expression": "am Dienstag",
            "value": "2024-06-04",
            "granularity": "day",
            "anchored": True,
            "event": "Das Finanzministerium dementiert den Bericht",
            "claim_ids": ["C2"],
            "evidence": ["Das Finanzministerium dementierte am Dienstag"],
        }
    ],
}


def run(serve, answer: dict) -> llmclaims.ArticleSummary:
    server = serve(lambda request: answer_reply(request, answer))
    return llmclaims.summarize(
        ARTICLE, published="2024-06-05", model="m", base_url=server.base_url, cache=False
    )


def test_language_without_module_skips_language_checks_and_says_so_once(serve):
    summary = run(serve, ANSWER)
    assert summary.language == "de"
    assert summary.metadata.notes == [
        "no language module for 'de': hedge-lexicon and negation checks skipped "
        "(unflagged_hedge, negation_ignored, negative_without_cue)"
    ]
    flags = {c.id: c.flags for c in summary.claims}
    # Language-independent checks still run: grounding located every quote, the invented
    # number is flagged.
    for item in (*summary.sources, *summary.claims, *summary.timeline):
        assert all(e.span is not None for e in item.evidence), item
        assert "ungrounded" not in item.flags
    assert flags == {
        "C1": [],
        "C2": [],
        "C3": ["claim:number_not_in_article:50"],
    }


def test_the_same_answer_labelled_with_a_known_language_is_checked(serve):
    """The skipped checks are real ones: labelled Italian, the same answer raises them."""
    answer = copy.deepcopy(ANSWER)
    answer["language"] = "it"
    summary = run(serve, answer)
    assert summary.metadata.notes == []
    flags = {c.id: c.flags for c in summary.claims}
    assert "author:negation_ignored" in flags["C1"]
    assert "source:negative_without_cue" in flags["C2"]


def test_a_known_language_tag_with_a_region_needs_no_note(serve):
    answer = copy.deepcopy(ANSWER)
    answer["language"] = "es-419"
    assert run(serve, answer).metadata.notes == []
