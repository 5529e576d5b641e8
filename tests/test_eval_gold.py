"""The gold shipped in tests/data/gold: offsets on the right words, labels, links, provenance."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from llmclaims.evaluation.gold import GoldArticle
from llmclaims.evaluation.meantime import project_onto, read_meantime

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold"
SHARED = Path(
    os.environ.get("LLMCLAIMS_SHARED_DATA")
    or Path(__file__).resolve().parents[1].parent / "shared" / "data"
)
CORPUS_GM = SHARED / "meantime_en" / "intra-doc_annotation" / "corpus_gm"
MEANTIME_FILES = {
    "gm-bankruptcy-126878": "126878_Bankruptcy_for_U.S._automaker_GM_becomes_almost_certain_"
    "after_bondholder_offers_fail.xml",
    "daimlerchrysler-jobs-60658": "60658_DaimlerChrysler_plans_to_cut_13,000_jobs.xml",
}


def load(name: str) -> GoldArticle:
    return GoldArticle.model_validate_json((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def all_gold() -> list[str]:
    return sorted(p.stem for p in GOLD.glob("*.json"))


def test_three_gold_articles_are_shipped() -> None:
    assert all_gold() == [
        "daimlerchrysler-jobs-60658.en",
        "gm-bankruptcy-126878.en",
        "nk-missiles-russia.it",
    ]


@pytest.mark.parametrize("name", all_gold())
def test_every_claim_span_covers_the_words_the_annotator_wrote(name: str) -> None:
    gold = load(name)
    assert gold.claims and gold.sources
    for claim in gold.claims:
        # The annotator wrote the words down with the offsets; both must agree with the text.
        assert claim.evidence.text is not None
        assert gold.text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
        assert claim.author is not None
    ids = {s.id for s in gold.sources}
    assert all(c.source in ids for c in gold.claims if c.source is not None)
    assert all(s.via in ids for s in gold.sources if s.via is not None)


def test_the_italian_gold_is_the_projects_own_annotation(article_it: str) -> None:
    gold = load("nk-missiles-russia.it")
    assert gold.annotation == "project"
    assert gold.text == article_it
    assert gold.publication_date == "2024-01-05"
    sources = {s.id: s for s in gold.sources}
    # Nested attribution: Kofman "ha detto al WP".
    assert sources["kofman"].via == "wp"
    assert not sources["official_2"].named
    words = {gold.text[t.span.start : t.span.end]: t.value for t in gold.timexes}
    assert words["lo scorso novembre"] == "2023-11"
    assert words["il 30 dicembre e il 2 gennaio"] == "2023-12-30/2024-01-02"
    for timex in gold.timexes:
        assert timex.span.text == gold.text[timex.span.start : timex.span.end]
    # The newspaper hedges ("sarebbero entrati") where Kirby is certain.
    kirby = next(c for c in gold.claims if "sarebbero entrati" in (c.evidence.text or ""))
    assert kirby.author is not None and kirby.author.certainty == "probable"
    assert kirby.source_factuality is not None and kirby.source_factuality.certainty == "certain"


def test_the_italian_gold_text_is_the_shared_reference_article() -> None:
    shared = SHARED.parent / "articles" / "nk-missiles-russia.it.txt"
    if not shared.exists():
        pytest.skip("shared articles absent")
    assert load("nk-missiles-russia.it").text == shared.read_text(encoding="utf-8")


@pytest.mark.skipif(not CORPUS_GM.exists(), reason="MEANTIME corpus absent")
@pytest.mark.parametrize("name", sorted(MEANTIME_FILES))
def test_meantime_gold_parts_are_the_corpus_annotation(name: str) -> None:
    """Timexes and events come from the corpus through the adapters, unchanged; only sources
    and claims were added by hand (the label says so)."""
    gold = load(f"{name}.en")
    assert gold.annotation == "corpus+project"
    corpus = project_onto(read_meantime(CORPUS_GM / MEANTIME_FILES[name]), gold.text)
    assert gold.timexes == corpus.timexes
    assert gold.events == corpus.events
    assert gold.publication_date == corpus.publication_date


def test_a_span_whose_words_drift_from_the_text_is_refused() -> None:
    # "abcdef"[1:3] is "bc"; the annotator wrote "cd": the file is refused, not scored.
    with pytest.raises(ValueError, match="covers 'bc', not 'cd'"):
        GoldArticle.model_validate(
            {
                "id": "x",
                "text": "abcdef",
                "claims": [{"evidence": {"start": 1, "end": 3, "text": "cd"}}],
            }
        )
