"""Long articles: cutting them into pieces, merging the pieces' answers, and the whole path
through a real local server (one request per piece, cached per piece, cut-off answers split,
prompts a server visibly cut refused)."""

from __future__ import annotations

import asyncio
import itertools
import json
import subprocess
import sys
import threading
import time

import pytest

import llmclaims
from llmclaims.assemble import assemble
from llmclaims.cache import CachedAnswer
from llmclaims.chunking import (
    DEFAULT_CHUNK_CHARS,
    MAX_OVERLAP_CHARS,
    Chunk,
    chunk_chars,
    halves,
    prompt_was_cut,
    split_text,
)
from llmclaims.grounding import sentence_spans
from llmclaims.merge import PieceGrounder, PieceSummary, merge_summaries
from llmclaims.models import Usage
from llmclaims.testing import ServedRequest, answer_reply, completion, error_reply, stub_answer
from llmclaims.testing.server import Reply
from llmclaims.wire import WireArticle

from .conftest import DATA

# Sentences with the abbreviations of both language modules, so a cut after "Sig." or "U.S."
# would show.
SENTENCES = [
    "Il sig. Rossi ha detto che il ponte riaprirà a maggio.",
    "U.S. officials said the talks would resume on Monday.",
    "Dr. Smith, who led the study, disagreed with the findings.",
    "La dott. Bianchi ha confermato i dati del ministero.",
    "Critics say the plan costs too much and helps too few.",
]


def long_article(paragraphs: int = 120) -> str:
    """A text of numbered paragraphs of 3-5 sentences each (every sentence unique)."""
    out = []
    for p in range(paragraphs):
        sentences = [s[:-1] + f" ({p}-{k})." for k, s in enumerate(SENTENCES[: 3 + p % 3])]
        out.append(" ".join(sentences))
    return "\n\n".join(out)


# -- splitting ---------------------------------------------------------------------------------


def test_a_short_article_is_one_piece():
    text = (DATA / "nk-missiles-russia.it.txt").read_text(encoding="utf-8")
    assert split_text(text, DEFAULT_CHUNK_CHARS) == [Chunk(0, len(text))]


@pytest.mark.parametrize("budget", [700, 2_000, 5_000])
def test_pieces_end_at_sentence_ends_within_budget_and_overlap(budget):
    text = long_article()
    chunks = split_text(text, budget)
    ends = {b for _, b in sentence_spans(text)}
    starts = {a for a, _ in sentence_spans(text)}
    assert len(chunks) > 2
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    overlap = min(budget // 10, MAX_OVERLAP_CHARS)
    for before, after in itertools.pairwise(chunks):
        assert before.end - before.start <= budget
        assert before.end in ends  # never inside a sentence, never after "sig." or "U.S."
        assert after.start in starts  # a piece starts a sentence
        assert after.start <= before.end  # nothing between pieces is lost
        assert before.end - after.start <= overlap
    # Some pieces do overlap (the sentences are far shorter than the overlap at 2,000+).
    if budget >= 2_000:
        assert any(a.start < b.end for b, a in itertools.pairwise(chunks))
    for chunk in chunks:
        piece = chunk.of(text)
        assert not piece.startswith(("Rossi", "officials", "Smith", "Bianchi"))


def test_a_paragraph_break_is_preferred_to_a_later_sentence_end():
    first = " ".join(SENTENCES[:4])
    second = " ".join(SENTENCES * 3)
    text = first + "\n\n" + second
    chunks = split_text(text, len(first) + 120)
    assert chunks[0].end == len(first)  # the paragraph end, not a sentence inside `second`


def test_text_without_boundaries_is_cut_at_the_budget_and_nothing_is_lost():
    text = "x" * 2_500
    chunks = split_text(text, 1_000)
    assert [(c.start, c.end) for c in chunks] == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]
    spaced = ("word " * 600).strip()
    for c in split_text(spaced, 1_000):
        piece = c.of(spaced)
        assert not piece.startswith(" ") and (c.end == len(spaced) or spaced[c.end] == " ")


def test_halves_cut_a_piece_near_its_middle():
    text = long_article(20)
    chunk = Chunk(0, len(text))
    parts = halves(text, chunk)
    assert len(parts) == 2
    assert parts[0].start == 0 and parts[1].end == len(text)
    assert parts[1].start <= parts[0].end
    assert all(p.end - p.start < 0.7 * len(text) for p in parts)
    one = "One sentence, long enough to be cut at a space, but not at a sentence end"
    assert halves(one, Chunk(0, len(one))) == [Chunk(0, len(one))]


def test_context_budget_sizes_pieces_and_refuses_a_context_too_small():
    prompt = 4_000
    default = chunk_chars(None, prompt)
    assert default == DEFAULT_CHUNK_CHARS
    small, large = chunk_chars(8_192, prompt), chunk_chars(32_768, prompt)
    assert 500 <= small < large
    # The answer dominates: at 8 answer tokens per article token, 32k tokens hold ~3,500
    # article tokens, i.e. about 10,400 characters at 3 characters per token.
    assert 10_000 < large < 15_000
    # With max_tokens the answer's share is what it says.
    assert chunk_chars(8_192, prompt, max_tokens=2_000) > small
    with pytest.raises(llmclaims.ConfigurationError, match="OLLAMA_CONTEXT_LENGTH"):
        chunk_chars(2_048, prompt)
    with pytest.raises(llmclaims.ConfigurationError, match="max_tokens=8000"):
        chunk_chars(8_192, prompt, max_tokens=8_000)
    with pytest.raises(llmclaims.ConfigurationError, match="context_tokens"):
        llmclaims.Summarizer(model="m", base_url="http://127.0.0.1:9/v1", context_tokens=0)


def test_modes_that_put_the_schema_in_the_prompt_get_smaller_pieces():
    def size(mode: str) -> int:
        return llmclaims.Summarizer(
            model="m", base_url="http://127.0.0.1:9/v1", mode=mode, context_tokens=16_384
        ).chunk_chars

    # json_schema's schema travels as response_format (a grammar on local servers); tools and
    # md_json carry it as tool definitions or prompt text, which takes context.
    assert size("tools") < size("json_schema")
    assert size("md_json") < size("json_schema")


def test_prompt_cut_detection_judges_only_long_prompts_with_usage():
    assert prompt_was_cut(2_000, 40_000)  # 40,000 characters read as 2,000 tokens
    assert not prompt_was_cut(9_000, 40_000)  # 4.4 characters per token: read whole
    assert not prompt_was_cut(0, 40_000)  # no usage reported: not judged
    assert not prompt_was_cut(100, 8_000)  # fits any context: cannot have been cut


# -- merging -----------------------------------------------------------------------------------


def _factuality() -> dict:
    return {"certainty": "certain", "polarity": "positive", "evidential": "direct", "cues": []}


def _source(ident: str, name: str | None, kind: str = "person", via: str | None = None) -> dict:
    return {
        "id": ident,
        "name": name,
        "kind": kind,
        "named": name is not None,
        "role": None,
        "affiliation": None,
        "via": via,
        "evidence": [],
    }


def _claim(ident: str, quote: str, sources: list[str]) -> dict:
    return {
        "id": ident,
        "text": quote,
        "ambiguous": False,
        "source_ids": sources,
        "author": _factuality(),
        "source": None,
        "evidence": [quote],
    }


def _piece(text: str, chunk: Chunk, answer: dict, **options: object) -> PieceSummary:
    summarizer = llmclaims.Summarizer(
        model="m", base_url="http://127.0.0.1:9/v1", cache=False, **options
    )
    cached = CachedAnswer(
        wire=WireArticle.model_validate(answer),
        usage=Usage(prompt_tokens=10, completion_tokens=5, total_tokens=15),
        requests=1,
        reasks=0,
        transport_retries=0,
        model="m",
        created_at="2024-01-05T00:00:00+00:00",
    )
    summary = assemble(
        text, None, cached, summarizer.settings, summarizer.prompt, cached=False,
        grounder=PieceGrounder(text, chunk),
    )  # fmt: skip
    return PieceSummary(chunk, summary)


def test_merge_dedupes_overlap_and_sources_remaps_ids_and_moves_offsets():
    a, b, c = (
        "Rossi said the bridge will reopen in May.",
        "The Post reported that Kofman disputed it.",
        "Rossi said the bridge will reopen in May.",  # the same words again, later
    )
    text = f"{a} {b} {c}"
    first = Chunk(0, len(a) + 1 + len(b))
    second = Chunk(len(a) + 1, len(text))  # overlaps the first on sentence b
    piece1 = _piece(
        text,
        first,
        {
            "language": "en",
            "sources": [_source("S1", "Rossi"), _source("S2", "Washington Post", "media")],
            "claims": [_claim("C1", a, ["S1"]), _claim("C2", b, ["S2"])],
            "timeline": [
                {
                    "expression": "May",
                    "value": "XXXX-05",
                    "granularity": "month",
                    "anchored": False,
                    "event": "reopening",
                    "claim_ids": ["C1"],
                    "evidence": [a],
                }
            ],
        },
    )
    piece2 = _piece(
        text,
        second,
        {
            "language": "en",
            "sources": [
                _source("S1", "Kofman", via="S2"),
                _source("S2", "washington  post", "media"),  # the same source: case, spaces
                _source("S3", "Rossi"),
            ],
            "claims": [_claim("C1", b, ["S1", "S2"]), _claim("C2", c, ["S3"])],
            "timeline": [],
        },
    )
    merged = merge_summaries([piece1, piece2])

    assert [s.id for s in merged.sources] == ["S1", "S2", "S3"]
    names = {s.id: s.name for s in merged.sources}
    assert names == {"S1": "Rossi", "S2": "Washington Post", "S3": "Kofman"}
    assert merged.source("S3").via == "S2"  # the second piece's S2, remapped
    # The overlap's claim (b) is kept once, with the sources of both readings; the later
    # repetition of a is a claim of its own (other offsets).
    assert [c.id for c in merged.claims] == ["C1", "C2", "C3"]
    assert merged.claims[1].source_ids == ["S2", "S3"]
    assert merged.claims[2].source_ids == ["S1"]
    starts = [c.evidence[0].span.start for c in merged.claims]
    assert starts == [0, len(a) + 1, len(a) + len(b) + 2]
    for item in merged.claims:
        span = item.evidence[0].span
        assert text[span.start : span.end] == span.text
    assert merged.timeline[0].claim_ids == ["C1"]
    assert text[merged.timeline[0].expression_span.start :].startswith("May")
    meta = merged.metadata
    assert meta.usage.total_tokens == 30 and meta.requests == 2 and not meta.cached
    assert [(r.start, r.end, r.requests) for r in meta.chunks] == [
        (first.start, first.end, 1),
        (second.start, second.end, 1),
    ]


def test_a_piece_s_claims_are_checked_against_the_whole_article():
    intro = "Mario Rossi is the mayor of Genova."
    later = "The mayor said the bridge will reopen in May."
    text = f"{intro} {later}"
    second = Chunk(len(intro) + 1, len(text))  # its model never saw the name
    claim = _claim("C1", later, ["S1"])
    claim["text"] = "Mario Rossi said the Genova bridge will reopen in May."
    answer = {"language": "en", "sources": [_source("S1", "Rossi")], "claims": [claim]}
    merged = merge_summaries([_piece(text, second, {**answer, "timeline": []})])
    assert merged.claims[0].evidence[0].span.start == second.start
    # Names from anywhere in the article are fine, as for a short article.
    assert not [f for f in merged.claims[0].flags if f.startswith("claim:name_not_in_article")]


def test_items_a_piece_dropped_keep_their_piece_s_id_and_its_own_offsets():
    text = "Rossi said the bridge will reopen in May. Bianchi said it will not."
    first, second = Chunk(0, 42), Chunk(42, len(text))
    real = _claim("C1", "Bianchi said it will not.", ["S1"])
    invented = _claim("C2", "Verdi said it was sold.", ["S1"])

    def answer(*claims: dict) -> dict:
        sources = [_source("S1", None, "author")]
        return {"language": "en", "sources": sources, "claims": list(claims), "timeline": []}

    pieces = [
        _piece(text, first, answer(_claim("C1", text[:41], ["S1"])), grounding="strict"),
        _piece(text, second, answer(real, invented), grounding="strict"),
    ]
    merged = merge_summaries(pieces)
    assert [c.text for c in merged.claims] == [text[:41], "Bianchi said it will not."]
    assert [(d.kind, d.id) for d in merged.dropped] == [("claim", "piece2/C2")]
    assert merged.claims[1].evidence[0].span.start == text.index("Bianchi")


def test_merge_keeps_two_claims_of_one_piece_that_quote_one_sentence():
    text = "Rossi said the bridge will reopen in May and cost less."
    chunk = Chunk(0, len(text))
    answer = {
        "language": "en",
        "sources": [_source("S1", "Rossi")],
        "claims": [_claim("C1", text, ["S1"]), _claim("C2", text, ["S1"])],
        "timeline": [],
    }
    merged = merge_summaries([_piece(text, chunk, answer), _piece(text, chunk, answer)])
    assert [c.id for c in merged.claims] == ["C1", "C2"]  # each matched once, not collapsed


# -- end to end through the local server --------------------------------------------------------


def reference_long(copies: int = 20) -> str:
    """Over 60,000 characters: the reference article again and again, each copy's names and
    numbers made unique so that no two pieces send the same text."""
    text = (DATA / "nk-missiles-russia.it.txt").read_text(encoding="utf-8")
    return "\n\n".join(f"Parte {i}. " + text.replace("Kirby", f"Kirby{i}") for i in range(copies))


class Counting:
    """A handler that answers with the stub and records how many requests overlapped."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.active = 0
        self.most = 0
        self.lock = threading.Lock()

    def __call__(self, request: ServedRequest) -> Reply:
        with self.lock:
            self.active += 1
            self.most = max(self.most, self.active)
        time.sleep(self.delay)
        with self.lock:
            self.active -= 1
        return answer_reply(
            request, stub_answer(request.article), prompt_tokens=request.prompt_tokens
        )


def make(server, tmp_path, **kw):
    options = {"model": "m", "base_url": server.base_url, "cache_dir": tmp_path / "cache"}
    return llmclaims.Summarizer(**{**options, **kw})


@pytest.mark.parametrize("via", ["sync", "async"])
def test_a_long_article_is_one_request_per_piece_concurrently_then_cached(serve, tmp_path, via):
    text = reference_long()
    assert len(text) >= 60_000
    handler = Counting(delay=0.2)
    server = serve(handler)
    summarizer = make(server, tmp_path)

    def run():
        if via == "async":
            return asyncio.run(summarizer.asummarize(text, published="2024-01-05"))
        return summarizer.summarize(text, published="2024-01-05")

    summary = run()
    chunks = split_text(text, summarizer.chunk_chars)
    assert len(chunks) > 3
    assert server.count == len(chunks)
    assert sorted(r.article for r in server.requests) == sorted(c.of(text) for c in chunks)
    assert handler.most > 1  # pieces were in flight together
    meta = summary.metadata
    assert [(r.start, r.end) for r in meta.chunks] == [(c.start, c.end) for c in chunks]
    assert meta.requests == len(chunks) and not meta.cached
    assert meta.usage.prompt_tokens == sum(r.usage.prompt_tokens for r in meta.chunks)
    assert summary.text == text  # the whole article, which every offset refers to
    for claim in summary.claims:
        for e in claim.evidence:
            assert e.span is not None and text[e.span.start : e.span.end] == e.span.text
    # The stub claims each piece's first sentence: one claim per piece, in article order.
    assert [c.evidence[0].span.start for c in summary.claims] == [c.start for c in chunks]

    again = run()  # every piece from the cache: no request at all
    assert server.count == len(chunks)
    assert again.metadata.cached and again.metadata.requests == 0
    assert all(r.cached for r in again.metadata.chunks)
    assert again.claims == summary.claims


def every_sentence(request: ServedRequest) -> Reply:
    """An answer claiming every sentence of the piece, each quoting itself."""
    piece = request.article
    answer = stub_answer(piece)
    answer["claims"] = [
        {**answer["claims"][0], "id": f"C{k + 1}", "text": piece[a:b], "evidence": [piece[a:b]]}
        for k, (a, b) in enumerate(sentence_spans(piece))
    ]
    return answer_reply(request, answer, prompt_tokens=request.prompt_tokens)


def test_claims_read_twice_in_an_overlap_are_kept_once(serve, tmp_path):
    text = long_article()  # 30,000 characters of unique sentences: three pieces
    server = serve(every_sentence)
    summary = make(server, tmp_path, cache=False).summarize(text)
    assert len(summary.metadata.chunks) == server.count >= 3
    chunks = summary.metadata.chunks
    assert any(b.start < a.end for a, b in itertools.pairwise(chunks))  # there is overlap
    spans = [(c.evidence[0].span.start, c.evidence[0].span.end) for c in summary.claims]
    # Every sentence of the article exactly once, in order, at its own offsets.
    assert spans == list(sentence_spans(text))
    assert [c.id for c in summary.claims] == [f"C{i + 1}" for i in range(len(spans))]
    assert len(summary.sources) == 1 and all(c.source_ids == ["S1"] for c in summary.claims)


def test_a_failed_piece_fails_the_article_but_the_others_stay_cached(serve, tmp_path):
    text = reference_long()
    chunks = split_text(text, DEFAULT_CHUNK_CHARS)
    refused = {chunks[2].of(text)}

    def handler(request: ServedRequest) -> Reply:
        if request.article in refused:
            return error_reply(400, "bad request")
        return answer_reply(
            request, stub_answer(request.article), prompt_tokens=request.prompt_tokens
        )

    server = serve(handler)
    with pytest.raises(llmclaims.ProviderError):
        asyncio.run(make(server, tmp_path).asummarize(text))
    assert server.count == len(chunks)
    refused.clear()  # the server recovers
    summary = make(server, tmp_path).summarize(text)
    assert server.count == len(chunks) + 1  # only the piece that failed was asked again
    assert [r.cached for r in summary.metadata.chunks] == [i != 2 for i in range(len(chunks))]


def test_a_short_article_is_one_request_with_the_unchanged_body(serve, tmp_path, article_it):
    server = serve(Counting())
    summarizer = make(server, tmp_path, cache=False)
    summary = summarizer.summarize(article_it, published="2024-01-05")
    assert server.count == 1 and summary.metadata.chunks == []
    assert server.requests[0].json() == summarizer.request_body(article_it, published="2024-01-05")


def test_a_cut_off_answer_splits_its_piece_and_succeeds(serve, tmp_path):
    text = reference_long(6)  # about 20,000 characters: two pieces of 12,000
    first_pieces = {c.of(text) for c in split_text(text, DEFAULT_CHUNK_CHARS)}

    def handler(request: ServedRequest) -> Reply:
        if request.article in first_pieces:  # too much to answer: cut off
            return Reply(body=completion('{"language": "it", "sourc', finish_reason="length"))
        return answer_reply(
            request, stub_answer(request.article), prompt_tokens=request.prompt_tokens
        )

    server = serve(handler)
    summary = make(server, tmp_path).summarize(text)
    pieces = summary.metadata.chunks
    assert len(pieces) >= 2 * len(first_pieces)  # each piece was halved
    assert server.count == len(first_pieces) + len(pieces)
    assert all(r.end - r.start < DEFAULT_CHUNK_CHARS * 0.7 for r in pieces)
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    assert all(b.start <= a.end for a, b in itertools.pairwise(pieces))  # nothing skipped


def test_cut_off_answers_are_split_a_bounded_number_of_times(serve, tmp_path):
    text = reference_long(6)
    server = serve(lambda r: Reply(body=completion('{"lang', finish_reason="length")))
    with pytest.raises(llmclaims.TruncatedOutputError, match="split") as info:
        make(server, tmp_path).summarize(text)
    assert "context_tokens" in str(info.value)
    # Two pieces, each halved twice at most: at most 2 * (1 + 2 + 4) requests, whatever the
    # server keeps doing.
    assert 2 < server.count <= 14


def test_a_prompt_the_server_cut_is_refused_and_not_cached(serve, tmp_path):
    text = reference_long(3)  # one request of ~14,000 characters
    context = [2_048]  # like a stock Ollama: it reads what fits and says so in usage

    def handler(request: ServedRequest) -> Reply:
        read = min(request.prompt_tokens, context[0])
        return answer_reply(request, stub_answer(request.article), prompt_tokens=read)

    server = serve(handler)
    with pytest.raises(llmclaims.PromptTruncatedError, match="OLLAMA_CONTEXT_LENGTH") as info:
        make(server, tmp_path).summarize(text)
    assert "2,048 prompt tokens" in str(info.value)
    context[0] = 32_768  # the server's context raised: the answer is asked for again
    summary = make(server, tmp_path).summarize(text)
    assert server.count == 2 and not summary.metadata.cached
    assert summary.metadata.usage.prompt_tokens == server.requests[1].prompt_tokens


def test_the_hard_cap_refuses_before_any_request(serve, tmp_path):
    server = serve(Counting())
    with pytest.raises(llmclaims.InputError, match="too long"):
        make(server, tmp_path, max_chars=50_000).summarize(reference_long())
    assert server.count == 0


def test_provider_batch_bodies_refuse_an_article_that_needs_pieces(serve, tmp_path):
    server = serve(Counting())
    with pytest.raises(llmclaims.InputError, match="pieces"):
        make(server, tmp_path).request_body(reference_long())


def test_cli_context_sizes_the_pieces(serve, tmp_path, article_it):
    server = serve(Counting())
    path = tmp_path / "article.txt"
    path.write_text(article_it, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "llmclaims", "summarize", str(path), "--model", "m",
         "--base-url", server.base_url, "--no-cache", "--context", "8192"],
        capture_output=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    chunks = json.loads(result.stdout)["metadata"]["chunks"]
    assert len(chunks) >= 2 and server.count == len(chunks)
    assert chunks[0]["start"] == 0 and chunks[-1]["end"] == len(article_it)
