"""Grounding's worst case is bounded: asserted on work done (occurrences examined, windows
scored), never on time."""

from __future__ import annotations

import random

from llmclaims import grounding
from llmclaims.grounding import locate_evidence

WORDS = ["the", "cat", "and", "dog", "saw", "man", "near", "house", "of", "king"]


def _repetitive(n_chars: int = 110_000) -> str:
    rng = random.Random(1)
    return " ".join(rng.choice(WORDS) for _ in range(n_chars // 3))[:n_chars]


def test_ellipsis_chain_examines_each_occurrence_once():
    text = _repetitive()
    the_count = text.split().count("the")
    grounding._ChainWork.occurrences = 0
    assert locate_evidence("the ... the ... the ... the ... Putin denied", text) is None
    # Backtracking examined millions of placements here; two passes see each occurrence of
    # each piece once per tier (normalized, fuzzy).
    assert grounding._ChainWork.occurrences <= 2 * 5 * (the_count + 1)


def test_ellipsis_chain_still_finds_the_earliest_match():
    text = _repetitive(5_000) + " Putin denied it."
    span = locate_evidence("the ... the ... Putin denied", text)
    assert span is not None and span.text.endswith("Putin denied")
    assert text[span.start : span.end] == span.text


def test_long_fuzzy_quote_scores_a_bounded_number_of_windows():
    text = _repetitive()
    rng = random.Random(2)
    quote = " ".join(rng.choice(WORDS) for _ in range(450))[:2000]
    grounding._ChainWork.windows = 0
    locate_evidence(quote, text)
    n = len(quote.split())
    # One call scores the whole quote once; before the cap it scored up to 16 x 47**2 windows.
    assert 0 < grounding._ChainWork.windows <= max(8, grounding.FUZZY_MAX_WORDS_SCORED // n)


def test_the_rapidfuzz_prefilter_never_rejects_what_difflib_accepts():
    """The fuzzy tier skips a window when rapidfuzz's Indel ratio is under the threshold; that
    is only safe because the Indel ratio is an upper bound of difflib's: checked here on
    random near-miss pairs over a small alphabet (where the two differ most)."""
    import random
    from difflib import SequenceMatcher

    from rapidfuzz import fuzz

    rng = random.Random(5)
    for _ in range(3000):
        a = "".join(rng.choice("ab c") for _ in range(rng.randint(1, 60)))
        b = list(a)
        for _ in range(rng.randint(0, 6)):
            b.insert(rng.randint(0, len(b)), rng.choice("ab c"))
        b = "".join(b)
        difflib = SequenceMatcher(None, a, b, autojunk=False).ratio()
        assert fuzz.ratio(a, b) / 100 >= difflib - 1e-9, (a, b)
