"""Adversarial grounding on MEANTIME sentences (cases: tests/grounding_cases.py).

Every altered quote is refused, or found only with a flag (a fuzzy match, or evidence too short
to carry a claim); every genuine variant is found at the article's words, not exactly, with
what differed recorded. Skipped when the shared MEANTIME corpus is absent (the benchmark built
on the same cases then exits non-zero instead).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from llmclaims.grounding import evidence_too_short, locate_evidence

from .grounding_cases import ALTERED, GENUINE, Case, build_cases, load_articles, meantime_present

needs_meantime = pytest.mark.skipif(
    not meantime_present(), reason="MEANTIME corpus absent (shared data meantime_en)"
)

# Genuine variants the fuzzy tier must find (the others are the normalized tier's).
FUZZY_GENUINE = {"misspelling"}
# Altered quotes that are the article's words, too short to carry a claim: found, and flagged.
SHORT = ["one_word", "stop_words_only"]


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, str], dict[str, list[Case]]]:
    articles = load_articles()
    by_category: dict[str, list[Case]] = {c: [] for c in ALTERED + GENUINE}
    for case in build_cases(articles):
        by_category[case.category].append(case)
    return {a.name: a.text for a in articles}, by_category


@needs_meantime
@pytest.mark.parametrize("category", ALTERED)
def test_altered_quotes_are_refused_or_flagged(corpus, category):
    texts, cases = corpus
    assert len(cases[category]) >= 20, "too few cases to say anything"
    silent = []
    for case in cases[category]:
        span = locate_evidence(case.quote, texts[case.doc], lang="en")
        if span is None:
            continue
        if span.status == "fuzzy":
            assert span.differences, case  # a flagged match says what it changed
            continue
        if evidence_too_short(span.text, "en"):
            continue
        silent.append((case.quote, span.text, span.status))
    assert silent == []


@needs_meantime
@pytest.mark.parametrize("category", [c for c in ALTERED if c not in SHORT])
def test_altered_quotes_are_refused_outright(corpus, category):
    """Stronger than the rule (refused or flagged): on this corpus no altered quote is even
    found by the fuzzy tier, with the article's language or without one."""
    texts, cases = corpus
    found = [
        (case.quote, lang, span.text)
        for case in cases[category]
        for lang in ("en", None)
        if (span := locate_evidence(case.quote, texts[case.doc], lang=lang)) is not None
    ]
    assert found == []


@needs_meantime
@pytest.mark.parametrize("category", SHORT)
def test_short_evidence_is_found_and_flagged(corpus, category):
    texts, cases = corpus
    for case in cases[category]:
        span = locate_evidence(case.quote, texts[case.doc], lang="en")
        assert span is not None and span.status == "exact"
        assert evidence_too_short(span.text, "en"), case.quote


@needs_meantime
@pytest.mark.parametrize("category", GENUINE)
def test_genuine_variants_are_found_at_the_articles_words(corpus, category):
    texts, cases = corpus
    assert len(cases[category]) >= 20, "too few cases to say anything"
    wrong = []
    for case in cases[category]:
        text = texts[case.doc]
        span = locate_evidence(case.quote, text, lang="en")
        expected = "fuzzy" if category in FUZZY_GENUINE else "normalized"
        if span is None or (span.start, span.end, span.status) != (case.start, case.end, expected):
            wrong.append((case.quote, span))
            continue
        assert text[span.start : span.end] == span.text
        assert span.differences, case.quote
    assert wrong == []


@needs_meantime
def test_differences_name_what_each_genuine_variant_changed(corpus):
    texts, cases = corpus
    expected_kind = {
        "case": "case",
        "curly_quotes": "typography",
        "dashes": "typography",
        "ellipsis": "elided",
        "misspelling": "spelling",
    }
    for category, kind in expected_kind.items():
        for case in cases[category]:
            span = locate_evidence(case.quote, texts[case.doc], lang="en")
            assert span is not None
            assert kind in {d.kind for d in span.differences}, (case.quote, span.differences)


def test_the_benchmark_exits_non_zero_without_the_corpus(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "benchmarks/grounding.py", "--data-dir", str(tmp_path), "--json"],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "MEANTIME corpus missing" in run.stderr
    assert run.stdout == ""
