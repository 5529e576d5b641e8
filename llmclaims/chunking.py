"""Cut a long article into pieces that each fit one request, at paragraph and sentence ends.

A piece is a pair of offsets into the article (`Chunk`), never a copy with its own numbering, so
every span found in a piece is an article offset once the piece's `start` is added. Sentences are
the grounding module's (`sentence_spans`: the languages' ABBREVIATIONS, quotations kept whole), so
"sig. Rossi" or "U.S. officials" never end a piece. Neighbouring pieces share a little text
(`overlap`, whole sentences only), so a claim whose sentence straddles a cut is still read whole by
one of them; the duplicates this makes are removed when the answers are merged
(`llmclaims/merge.py`).

Sizing, in characters, from a budget in tokens (`context_tokens`): the model's context must hold
the prompt (template and article) and its answer. `CHARS_PER_TOKEN` converts: 3.0 characters per
token is below what BPE tokenizers give news text (`benchmarks/tokens.py`: 3.67-5.15 over the
three test articles in cl100k_base and o200k_base, the Italian one lowest), so pieces come out
smaller than the budget rather than larger. The answer is the larger part: the authored answers
run to `ANSWER_TOKENS_PER_ARTICLE_TOKEN` times the article's tokens (measured, see the same
benchmark), unless `max_tokens` caps it.

Cost: splitting a 1,000,000-character article into 93 pieces took 0.02-0.10 s on the development
machine (`benchmarks/tokens.py`, three runs); a short article costs one length comparison.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .errors import ConfigurationError
from .grounding import sentence_spans

CHARS_PER_TOKEN = 3.0
"""Characters per token used to size pieces (deliberately low: see the module docstring)."""

ANSWER_TOKENS_PER_ARTICLE_TOKEN = 8.0
"""Expected answer tokens per article token. The authored answers run from 5.8 (the reference
article: 913 article tokens, 5,284 answer tokens in cl100k_base) to 8.6 (a short MEANTIME article,
whose answer's fixed JSON weighs more); `benchmarks/tokens.py` measures them."""

DEFAULT_CHUNK_CHARS = 12_000
"""Piece size when no context budget is given: most news articles (the reference one has 3,373
characters) stay one request, and a piece's expected answer stays under 16,384 output tokens."""

MIN_CHUNK_CHARS = 500
"""Smaller pieces would be mostly prompt: a context too small for this is refused."""

ANSWER_MARGIN_TOKENS = 256
"""Room left in the context for the chat template's own tokens and estimation error."""

MAX_OVERLAP_CHARS = 1_500

_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n\s*")


@dataclass(frozen=True)
class Chunk:
    """`text[start:end]` of the article: one request's worth."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def estimate_tokens(chars: int) -> int:
    """Tokens for `chars` characters at `CHARS_PER_TOKEN` (an over-estimate for news text)."""
    return int(chars / CHARS_PER_TOKEN) + 1


SMALLEST_CONTEXT_CHARS = 2_048 * 4
"""A prompt this short fits the smallest context servers run at (2,048 tokens, at 4 characters
per token): it cannot have been cut, so `prompt_was_cut` does not judge it."""


def prompt_was_cut(reported_tokens: float, sent_chars: int) -> bool:
    """True when a server reports reading under half the tokens `sent_chars` characters make
    at `CHARS_PER_TOKEN`, i.e. under one token per 6 characters, which no BPE tokenizer gives
    text (news text is 4-5 characters per token): the server cut the prompt to fit its
    context (Ollama does so silently). A server that reports no usage (0) is not judged, and
    neither is a prompt under `SMALLEST_CONTEXT_CHARS`; a prompt cut by less than half passes
    unseen, which sizing pieces with `context_tokens` prevents.
    """
    if reported_tokens <= 0 or sent_chars < SMALLEST_CONTEXT_CHARS:
        return False
    return reported_tokens < estimate_tokens(sent_chars) / 2


def chunk_chars(
    context_tokens: int | None, prompt_chars: int, max_tokens: int | None = None
) -> int:
    """The largest piece, in characters, whose prompt and answer fit `context_tokens`.

    `prompt_chars` is the prompt without the article (system message and template). Without a
    context budget, `DEFAULT_CHUNK_CHARS`. A context too small for the prompt, the answer and a
    `MIN_CHUNK_CHARS` piece is a `ConfigurationError` naming what would fit.
    """
    if context_tokens is None:
        return DEFAULT_CHUNK_CHARS
    room = context_tokens - estimate_tokens(prompt_chars) - ANSWER_MARGIN_TOKENS
    if max_tokens is not None:
        article_tokens = room - max_tokens
    else:
        article_tokens = int(room / (1 + ANSWER_TOKENS_PER_ARTICLE_TOKEN))
    chars = int(article_tokens * CHARS_PER_TOKEN)
    if chars < MIN_CHUNK_CHARS:
        answer = f"max_tokens={max_tokens}" if max_tokens is not None else "the expected answer"
        raise ConfigurationError(
            f"context_tokens={context_tokens} cannot hold the prompt "
            f"(~{estimate_tokens(prompt_chars)} tokens), {answer} and a {MIN_CHUNK_CHARS}-"
            "character piece of the article: give the server a larger context (Ollama: "
            "OLLAMA_CONTEXT_LENGTH, llama.cpp: -c, vLLM: --max-model-len) and say so with "
            "context_tokens"
        )
    return chars


def split_text(text: str, budget: int, overlap: int | None = None) -> list[Chunk]:
    """Pieces of at most `budget` characters covering the whole text, in order.

    A piece ends at the last paragraph break inside its budget, else the last sentence end,
    else the last space, and only when there is none of those mid-word. A break in the first
    half of the budget is not taken when a later sentence end exists (pieces stay near the
    budget). The next piece starts up to `overlap` characters earlier, at a sentence start
    (default: a tenth of the budget, at most `MAX_OVERLAP_CHARS`); with no sentence start in
    that stretch it starts where the previous one ended.
    """
    if budget < 1:
        raise ValueError("budget must be at least one character")
    n = len(text)
    if n <= budget:
        return [Chunk(0, n)]
    if overlap is None:
        overlap = min(budget // 10, MAX_OVERLAP_CHARS)
    sentences = sentence_spans(text)
    starts = [a for a, _ in sentences]
    paragraphs = [m.start() for m in _PARAGRAPH.finditer(text)]
    ends = sorted({b for _, b in sentences}.union(paragraphs))
    chunks: list[Chunk] = []
    start = 0
    while True:
        limit = start + budget
        if limit >= n:
            chunks.append(Chunk(start, n))
            return chunks
        end = _cut(text, start, limit, paragraphs, ends)
        chunks.append(Chunk(start, end))
        start = _next_start(starts, end, overlap, start, text)


def _cut(text: str, start: int, limit: int, paragraphs: list[int], ends: list[int]) -> int:
    half = start + (limit - start) // 2
    for candidates in (paragraphs, ends):
        i = bisect_right(candidates, limit) - 1
        if i >= 0 and candidates[i] > half:
            return candidates[i]
    i = bisect_right(ends, limit) - 1
    if i >= 0 and ends[i] > start:
        return ends[i]
    space = text.rfind(" ", start + 1, limit)
    if space == -1:
        space = max(text.rfind("\n", start + 1, limit), text.rfind("\t", start + 1, limit))
    return space if space > start else limit


def _next_start(starts: list[int], end: int, overlap: int, start: int, text: str) -> int:
    i = bisect_left(starts, end - overlap)
    if i < len(starts) and start < starts[i] < end:
        return starts[i]
    while end < len(text) and text[end].isspace():  # no leading whitespace in a piece
        end += 1
    return end


def halves(text: str, chunk: Chunk) -> list[Chunk]:
    """`chunk` cut in two near its middle at the same kinds of boundary as `split_text`, the
    halves overlapping as its pieces do; [chunk] when it holds a single sentence (an answer cut
    off there is not helped by cutting a sentence)."""
    piece = chunk.of(text)
    if len(sentence_spans(piece)) < 2:
        return [chunk]
    budget = (len(piece) + 1) // 2 + min(len(piece) // 20, MAX_OVERLAP_CHARS)
    parts = split_text(piece, max(budget, 1))
    if len(parts) < 2:
        return [chunk]
    return [Chunk(chunk.start + p.start, chunk.start + p.end) for p in parts]
