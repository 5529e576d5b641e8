"""MEANTIME and TempEval-3 adapters on real corpus files (skipped when the corpora are absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from llmclaims.errors import InputError
from llmclaims.evaluation.gold import GoldArticle
from llmclaims.evaluation.meantime import read_meantime
from llmclaims.evaluation.timeml import read_timeml

# A worktree may sit elsewhere than beside shared/: LLMCLAIMS_SHARED_DATA then points at it.
SHARED = Path(
    os.environ.get("LLMCLAIMS_SHARED_DATA")
    or Path(__file__).resolve().parents[1].parent / "shared" / "data"
)
MEANTIME = SHARED / "meantime_en" / "intra-doc_annotation"
TEMPEVAL = SHARED / "tempeval3_platinum"
NORTHROP = (
    MEANTIME / "corpus_airbus" / "100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing.xml"
)
AP = TEMPEVAL / "AP_20130322.tml"


@pytest.mark.skipif(not NORTHROP.exists(), reason="MEANTIME corpus absent")
def test_meantime_timexes_and_events_land_on_their_words() -> None:
    gold = read_meantime(NORTHROP)
    assert gold.publication_date == "2008-03-01"
    words = {gold.text[t.span.start : t.span.end]: t.value for t in gold.timexes}
    # The DCT TIMEX3 is anchored to tokens 16-18, the first three words of sentence 1.
    assert words["March 01 , 2008"] == "2008-03-01"
    first = gold.events[0]
    # EVENT_MENTION m_id 23 is anchored to token 39, the word "defeated" (pred is the lemma).
    assert gold.text[first.span.start : first.span.end] == "defeated"
    assert (first.certainty, first.polarity) == ("CERTAIN", "POS")
    assert GoldArticle.model_validate_json(gold.model_dump_json()) == gold


@pytest.mark.skipif(not MEANTIME.exists(), reason="MEANTIME corpus absent")
def test_every_meantime_file_reads() -> None:
    files = sorted(MEANTIME.glob("*/*.xml"))
    assert files
    articles = [read_meantime(f) for f in files]
    assert all(a.timexes for a in articles)
    for article in articles:
        for timex in article.timexes:
            assert article.text[timex.span.start : timex.span.end].strip()


@pytest.mark.skipif(not AP.exists(), reason="TempEval-3 corpus absent")
def test_timeml_spans_match_the_tagged_words() -> None:
    gold = read_timeml(AP)
    assert gold.publication_date == "2013-03-22"
    timexes = {gold.text[t.span.start : t.span.end]: t.value for t in gold.timexes}
    assert timexes["a month"] == "P1M"
    assert timexes["the last week"] == "2013-W11"
    assert "<" not in gold.text
    assert [gold.text[e.span.start : e.span.end] for e in gold.events[:2]] == ["season", "killed"]


@pytest.mark.skipif(not TEMPEVAL.exists(), reason="TempEval-3 corpus absent")
def test_every_timeml_file_reads() -> None:
    files = sorted(TEMPEVAL.glob("*.tml"))
    assert len(files) >= 20
    assert all(read_timeml(f).timexes for f in files)


def test_unreadable_file_is_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(InputError):
        read_meantime(bad)
    with pytest.raises(InputError):
        read_timeml(bad)


def test_gold_rejects_spans_outside_the_text() -> None:
    with pytest.raises(ValueError):
        GoldArticle.model_validate(
            {
                "id": "x",
                "text": "abc",
                "timexes": [{"span": {"start": 1, "end": 9}, "type": "DATE", "value": "X"}],
            }
        )


GOLD = Path(__file__).resolve().parent / "data" / "gold"


@pytest.mark.parametrize("name", ["gm-bankruptcy-126878", "daimlerchrysler-jobs-60658"])
def test_shipped_gold_sits_on_the_article_text(name: str) -> None:
    gold = GoldArticle.model_validate_json((GOLD / f"{name}.en.json").read_text(encoding="utf-8"))
    text = (GOLD.parent / "meantime" / f"{name}.txt").read_text(encoding="utf-8")
    assert gold.text == text
    dct = (GOLD.parent / "meantime" / f"{name}.dct").read_text(encoding="utf-8").strip()
    assert gold.publication_date == dct
    # MEANTIME annotates 3 TIMEX3 in each article (DCT included); none lost in projection.
    assert len(gold.timexes) == 3


@pytest.mark.skipif(not NORTHROP.exists(), reason="MEANTIME corpus absent")
def test_projection_finds_tokenized_spans_in_running_text() -> None:
    from llmclaims.evaluation.meantime import project_onto

    article = read_meantime(NORTHROP)
    # The tokenized "March 01 , 2008" must land on the untokenized "March 01, 2008".
    moved = project_onto(article, "Published March 01, 2008 by us")
    assert [moved.text[t.span.start : t.span.end] for t in moved.timexes][:1] == ["March 01, 2008"]
