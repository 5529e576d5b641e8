"""One article in, one checked `ArticleSummary` out: the request, the cache and the re-asks.

`Summarizer` holds what is worth reusing across articles (settings, HTTP clients, the cache, the
prompt); `summarize` / `asummarize` are the one-line entry points and reuse a `Summarizer` per
distinct configuration, so a loop over articles does not rebuild clients. The per-article hot path
does no work that is the same for every article (see `request.py`).

`request_body` and `from_completion` split one call in two, for providers' offline batch APIs:
the exact body `summarize` would send, and the same checks, cache and assembly for an answer
that came back some other way.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Callable, Hashable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

import instructor
from instructor.core.exceptions import InstructorRetryException, ResponseParsingError
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from .article_text import check_article
from .assemble import Grounder, assemble
from .cache import CachedAnswer, ResponseCache, cache_key
from .chunking import Chunk, chunk_chars, halves, prompt_was_cut, split_text
from .config import Mode, Settings, given, resolve
from .errors import (
    InputError,
    InvalidOutputError,
    LLMClaimsError,
    PromptTruncatedError,
    TruncatedOutputError,
    redact,
)
from .merge import PieceGrounder, PieceSummary, merge_summaries
from .models import ArticleSummary, GroundingPolicy
from .prompt_files import Prompt, load_prompt
from .published import parse_published
from .request import ANSWER_MODEL, render_messages, validation_context
from .transport import (
    CallStats,
    async_create,
    check_completion,
    current_stats,
    record_completion,
    strict_request,
    sync_create,
)
from .wire import WireArticle


class Summarizer:
    """Reusable extractor: configure once, summarize many articles.

    Arguments override the environment (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, `LLMCLAIMS_MODEL`,
    `LLMCLAIMS_MODE`, `LLMCLAIMS_CACHE_DIR`); see the README's configuration table.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: Mode | None = None,
        cache: bool = True,
        cache_dir: str | Path | None = None,
        grounding: GroundingPolicy | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        timeout: float | None = None,
        max_response_bytes: int | None = None,
        retries: int | None = None,
        retry_max_wait: float | None = None,
        reasks: int | None = None,
        max_chars: int | None = None,
        context_tokens: int | None = None,
        extra_body: Mapping[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **unknown: NoReturn,
    ) -> None:
        # An option left at None takes the default (`config.Settings` holds every default);
        # `unknown` only exists to refuse a misspelt option by name (a ConfigurationError that
        # lists the options) instead of Python's TypeError; mypy flags it already.
        self.settings: Settings = resolve(**given(locals()), **unknown)
        self.prompt: Prompt = load_prompt()
        self.cache = ResponseCache(self.settings.cache_dir) if self.settings.cache_dir else None
        self._create: Callable[..., Any] | None = None
        self._acreate: Callable[..., Any] | None = None
        # Cache keys being requested right now, so a second identical article (a syndicated
        # story under another id) waits for the first one's answer instead of paying again.
        self._inflight: dict[str, asyncio.Future[None]] = {}
        # The largest piece of an article one request carries (`llmclaims/chunking.py`); the
        # prompt is measured (a captured request, about 4 ms) only when a context budget needs it.
        context = self.settings.context_tokens
        prompt = self._prompt_chars() if context is not None else 0
        self.chunk_chars = chunk_chars(context, prompt, self.settings.max_tokens)

    def __repr__(self) -> str:
        s = self.settings
        return f"Summarizer(model={s.model!r}, endpoint={s.endpoint!r}, mode={s.mode!r})"

    # -- the request -------------------------------------------------------------------------

    def _request(self, text: str, published: date | None) -> dict[str, Any]:
        s = self.settings
        return {
            "model": s.model,
            "response_model": ANSWER_MODEL,
            # Rendered here, not by instructor, and no `context=`: see request.py. The evidence
            # check reaches validation through `validation_context` (see `_calling`).
            "messages": render_messages(self.prompt, text, published),
            "max_retries": s.reasks,
            **s.sampling(),
        }

    def _prepare(self, text: str | bytes, published: Any) -> tuple[str, date | None, str]:
        article = check_article(text, max_chars=self.settings.max_chars)
        day = parse_published(published)
        return article, day, cache_key(self.settings, self.prompt, article, day)

    @staticmethod
    @contextmanager
    def _calling(stats: CallStats, grounder: Grounder | None) -> Iterator[None]:
        """Give the transport this article's accounting and validation its evidence check."""
        stats_token = current_stats.set(stats)
        context = {"check_evidence": grounder.check} if grounder is not None else None
        context_token = validation_context.set(context)
        try:
            yield
        finally:
            validation_context.reset(context_token)
            current_stats.reset(stats_token)

    def _claim_ttl(self) -> float:
        """How long one article's request chain can take at most: every attempt's deadline and
        the longest waits between them."""
        s = self.settings
        return (s.timeout + s.retry_max_wait) * (s.retries + 1) * (s.reasks + 1)

    def _lookup(self, key: str) -> CachedAnswer | None:
        return self.cache.get(key) if self.cache is not None else None

    def _finish(
        self,
        article: str,
        day: date | None,
        key: str,
        wire: WireArticle,
        stats: CallStats,
        grounder: Grounder,
    ) -> ArticleSummary:
        answer = self._store(key, wire, stats, _sent_chars(self.prompt, article, day))
        return assemble(
            article, day, answer, self.settings, self.prompt, cached=False, grounder=grounder
        )

    def _store(self, key: str, wire: WireArticle, stats: CallStats, sent: int) -> CachedAnswer:
        """Cache a paid answer, unless the server cut the prompt (`sent` characters) to fit its
        context: that answer covers part of the text, and is refused, never kept."""
        if stats.responses and prompt_was_cut(stats.usage.prompt_tokens / stats.responses, sent):
            raise PromptTruncatedError(
                f"the server reports reading {stats.usage.prompt_tokens // stats.responses:,} "
                f"prompt tokens, but the prompt it was sent has {sent:,} characters (news text "
                f"makes at least {sent // 6:,} tokens of that): it cut the article to fit its "
                "context window. Give the server a larger context (Ollama: "
                "OLLAMA_CONTEXT_LENGTH or options.num_ctx; llama.cpp: -c; vLLM: "
                "--max-model-len) and pass it as context_tokens (--context), so llmclaims "
                "sends pieces that fit"
            )
        answer = CachedAnswer(
            wire=wire,
            usage=stats.usage,
            requests=stats.requests,
            reasks=max(stats.responses - 1, 0),
            transport_retries=stats.transport_retries,
            model=stats.model or self.settings.model,
            created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        if self.cache is not None:
            self.cache.put(key, answer)
        return answer

    # -- one article: one request, or one per piece of a long one ------------------------------

    def summarize(
        self,
        text: str | bytes,
        *,
        published: date | datetime | str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> ArticleSummary:
        """Summarize one article; one paid request chain (one per piece of an article longer
        than `chunk_chars`, sent concurrently), none when cached.

        `url` and `title` say where the text came from; the summary records them (they do
        not reach the model, nor the cache key)."""
        return sourced(self._summarize(text, published), url, title)

    def _summarize(self, text: str | bytes, published: Any) -> ArticleSummary:
        article, day, key = self._prepare(text, published)
        chunks = split_text(article, self.chunk_chars)
        if self._create is None:
            self._create = instructor.patch(
                create=sync_create(self.settings), mode=self.settings.instructor_mode
            )
        if len(chunks) == 1:
            try:
                answer, cached, grounder = self._answer(article, chunks[0], day, key)
            except TruncatedOutputError as exc:
                truncated = exc
            else:
                return assemble(
                    article, day, answer, self.settings, self.prompt, cached=cached,
                    grounder=grounder,
                )  # fmt: skip
            chunks = self._split_or_raise(article, chunks[0], truncated, 0)
        with ThreadPoolExecutor(min(len(chunks), CHUNK_CONCURRENCY)) as pool:
            parts = list(pool.map(lambda c: self._piece(article, day, c, 0), chunks))
        return merge_summaries([p for part in parts for p in part])

    def _answer(
        self, article: str, chunk: Chunk, day: date | None, key: str
    ) -> tuple[CachedAnswer, bool, Grounder | None]:
        """The answer for a piece of the article (the whole of a short one): from the cache, or
        paid for and cached; and whether it was cached."""
        hit = self._lookup(key)
        if hit is not None:
            return hit, True, None
        assert self._create is not None
        stats = CallStats()
        grounder = self._grounder(article, chunk, stats)
        request = self._request(chunk.of(article), day)
        sent = sum(len(m["content"]) for m in request["messages"])
        try:
            with self._calling(stats, grounder):
                wire = self._create(**request)
        except InstructorRetryException as exc:
            if grounder.best is not None:  # a paid, valid answer: use it, never throw it away
                return self._store(key, grounder.best, stats, sent), False, grounder
            failure = self._translate(exc, stats)
        else:
            return self._store(key, wire, stats, sent), False, grounder
        raise _unchained(failure)

    def _piece(
        self, article: str, day: date | None, chunk: Chunk, depth: int
    ) -> list[PieceSummary]:
        """A piece's answer; a piece whose answer was cut off is halved and each half asked."""
        text = chunk.of(article)
        try:
            answer, cached, grounder = self._answer(article, chunk, day, self._key(text, day))
        except TruncatedOutputError as exc:
            truncated = exc
        else:
            return [self._summary(article, day, chunk, answer, cached, grounder)]
        parts = self._split_or_raise(article, chunk, truncated, depth)
        return [p for half in parts for p in self._piece(article, day, half, depth + 1)]

    def _grounder(self, article: str, chunk: Chunk, stats: CallStats | None = None) -> Grounder:
        """The quote finder for a piece's answer: quotes are looked for in the piece (the text
        its model saw) and reported at article offsets."""
        if chunk.start == 0 and chunk.end == len(article):
            return Grounder(article, self.settings.reasks, stats)
        return PieceGrounder(article, chunk, self.settings.reasks, stats)

    def _key(self, text: str, day: date | None) -> str:
        return cache_key(self.settings, self.prompt, text, day)

    def _split_or_raise(
        self, article: str, chunk: Chunk, error: TruncatedOutputError, depth: int
    ) -> list[Chunk]:
        """The halves of a piece whose answer was cut off, or the error when splitting is out of
        bounds (`MAX_SPLITS` times, pieces of at least `MIN_SPLIT_CHARS`)."""
        parts = halves(article, chunk) if chunk.end - chunk.start >= MIN_SPLIT_CHARS else [chunk]
        if depth >= MAX_SPLITS or len(parts) < 2:
            if depth == 0 and chunk.end - chunk.start == len(article):
                raise _unchained(error)
            raise _unchained(
                TruncatedOutputError(
                    f"{error} (characters {chunk.start:,}-{chunk.end:,} of the article, after "
                    f"{depth} split(s) of its piece; or pass context_tokens (--context) so "
                    "pieces are sized for the answer)"
                )
            )
        return parts

    def _summary(
        self, article: str, day: date | None, chunk: Chunk, answer: CachedAnswer, cached: bool,
        grounder: Grounder | None,
    ) -> PieceSummary:  # fmt: skip
        """A piece's summary: its quotes found in the piece, at article offsets, and the other
        checks run against the whole article."""
        summary = assemble(
            article, day, answer, self.settings, self.prompt, cached=cached,
            grounder=grounder or self._grounder(article, chunk),
        )  # fmt: skip
        return PieceSummary(chunk, summary)

    async def asummarize(
        self,
        text: str | bytes,
        *,
        published: date | datetime | str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> ArticleSummary:
        """Async twin of `summarize`, for event loops and `summarize_many`.

        Concurrent calls for the same article (same cache key) make one request chain: the
        others wait for it and read its answer from the cache. The same holds per piece.
        """
        return sourced(await self._asummarize(text, published), url, title)

    async def _asummarize(self, text: str | bytes, published: Any) -> ArticleSummary:
        article, day, key = self._prepare(text, published)
        chunks = split_text(article, self.chunk_chars)
        if self._acreate is None:
            self._acreate = instructor.patch(
                create=async_create(self.settings), mode=self.settings.instructor_mode
            )
        if len(chunks) == 1:
            try:
                answer, cached, grounder = await self._aanswer(article, chunks[0], day, key)
            except TruncatedOutputError as exc:
                truncated = exc
            else:
                return assemble(
                    article, day, answer, self.settings, self.prompt, cached=cached,
                    grounder=grounder,
                )  # fmt: skip
            chunks = self._split_or_raise(article, chunks[0], truncated, 0)
        limit = asyncio.Semaphore(CHUNK_CONCURRENCY)

        async def piece(chunk: Chunk, depth: int) -> list[PieceSummary]:
            text = chunk.of(article)
            try:
                async with limit:
                    key = self._key(text, day)
                    answer, cached, grounder = await self._aanswer(article, chunk, day, key)
            except TruncatedOutputError as exc:
                truncated = exc
            else:
                return [self._summary(article, day, chunk, answer, cached, grounder)]
            parts = self._split_or_raise(article, chunk, truncated, depth)
            answered = await _all([piece(half, depth + 1) for half in parts])
            return [p for half in answered for p in half]

        parts = await _all([piece(chunk, 0) for chunk in chunks])
        return merge_summaries([p for part in parts for p in part])

    async def _aanswer(
        self, article: str, chunk: Chunk, day: date | None, key: str
    ) -> tuple[CachedAnswer, bool, Grounder | None]:
        """Async twin of `_answer`: one request chain per key, across tasks and processes."""
        while True:
            hit = self._lookup(key)
            if hit is not None:
                return hit, True, None
            running = self._inflight.get(key) if self.cache is not None else None
            if running is not None:
                await asyncio.wait([running])  # its outcome is read from the cache, not from it
                continue
            if self.cache is None:
                break
            if self.cache.claim(key, self._claim_ttl()):
                hit = self._lookup(key)  # it may have landed between our look and our claim
                if hit is None:
                    break
                self.cache.release(key)
                return hit, True, None
            await asyncio.sleep(_CLAIM_POLL)  # another process is paying for it right now
        assert self._acreate is not None
        done = asyncio.get_running_loop().create_future()
        self._inflight[key] = done
        stats = CallStats()
        grounder = self._grounder(article, chunk, stats)
        request = self._request(chunk.of(article), day)
        sent = sum(len(m["content"]) for m in request["messages"])
        try:
            try:
                with self._calling(stats, grounder):
                    wire = await self._acreate(**request)
            except InstructorRetryException as exc:
                if grounder.best is not None:  # a paid, valid answer: use it
                    return self._store(key, grounder.best, stats, sent), False, grounder
                failure = self._translate(exc, stats)
            else:
                return self._store(key, wire, stats, sent), False, grounder
            raise _unchained(failure)
        finally:
            del self._inflight[key]
            if self.cache is not None:
                self.cache.release(key)
            done.set_result(None)

    # -- one call in two, for providers' offline batch APIs -----------------------------------

    def cached(
        self, text: str | bytes, *, published: date | datetime | str | None = None
    ) -> ArticleSummary | None:
        """The summary if this article's answer is cached, else None; never sends anything.

        For planning an offline batch: only the misses need a `request_body`.
        """
        article, day, key = self._prepare(text, published)
        hit = self._lookup(key)
        if hit is None:
            return None
        return assemble(article, day, hit, self.settings, self.prompt, cached=True)

    def request_body(
        self, text: str | bytes, *, published: date | datetime | str | None = None
    ) -> dict[str, Any]:
        """The exact JSON body `summarize` would POST to `/chat/completions`, without sending it.

        For offline batch APIs (one `body` per line of an OpenAI Batch input file). The body is
        captured from instructor itself, so every mode gets exactly the messages, schema and
        options a live request carries. Raises `InputError` for bad articles, like `summarize`.
        """
        article, day, _ = self._prepare(text, published)
        self._one_request(article)
        return self._body(article, day)

    def _body(self, article: str, day: date | None) -> dict[str, Any]:
        captured: dict[str, Any] = {}

        def capture(**kwargs: Any) -> Any:
            captured.update(strict_request(kwargs, self.settings.mode))
            raise _Captured

        create = instructor.patch(create=capture, mode=self.settings.instructor_mode)
        token = _capturing.set(True)
        try:
            create(**self._request(article, day))
        except (InstructorRetryException, _Captured):
            pass
        finally:
            _capturing.reset(token)
        if not captured:  # instructor changed how it calls `create`: fail loudly, not silently
            raise LLMClaimsError("could not build the request body for this article")
        extra = captured.pop("extra_body", None) or {}  # the SDK sends these as top-level fields
        return json.loads(json.dumps({**captured, **extra}))

    def from_completion(
        self,
        text: str | bytes,
        completion: Mapping[str, Any] | ChatCompletion,
        *,
        published: date | datetime | str | None = None,
    ) -> ArticleSummary:
        """Turn a raw chat.completion body for this article into a checked summary.

        The answer goes through the same path as a live one: refusal, truncation and content
        filter checks, schema validation, then the cache and assembly (grounding, policy,
        metadata). There is no conversation to re-ask in, so an invalid answer raises
        `InvalidOutputError`, and quotes not found in the article are left to the grounding
        policy. `text` and `published` must be what `request_body` was given.
        """
        article, day, key = self._prepare(text, published)
        self._one_request(article)
        try:
            if not isinstance(completion, ChatCompletion):
                completion = ChatCompletion.model_validate(completion)
        except ValidationError as exc:
            raise InvalidOutputError(f"not a chat.completion body: {_short_errors(exc)}") from None
        stats = CallStats(requests=1)
        try:
            with self._calling(stats, None):
                record_completion(completion)
                check_completion(completion)
                wire = ANSWER_MODEL.from_response(  # type: ignore[attr-defined]  # instructor's
                    completion, mode=self.settings.instructor_mode
                )
        except _OUTPUT_ERRORS as exc:
            raise InvalidOutputError(
                redact(
                    f"the model's answer is invalid: {_short_errors(exc)}", *self.settings.secrets
                )
            ) from None
        grounder = Grounder(article, 0, stats)
        return self._finish(article, day, key, wire, stats, grounder)

    def _prompt_chars(self) -> int:
        """Characters a request carries besides the article: the messages (in `json` and
        `md_json` modes they hold the schema) and tool definitions, which servers' chat
        templates write into the prompt. `json_schema`'s `response_format` is left out: local
        servers turn it into a grammar, not prompt text."""
        body = self._body("", None)
        chars = sum(len(m.get("content") or "") for m in body["messages"])
        return chars + len(json.dumps(body.get("tools", []), ensure_ascii=False))

    def _one_request(self, article: str) -> None:
        """Offline batches carry one request per article: a longer one is refused, never sent
        whole."""
        if len(article) > self.chunk_chars:
            raise InputError(
                f"the article has {len(article):,} characters, more than one request carries "
                f"({self.chunk_chars:,}): it is sent in pieces, which only live requests do "
                "(summarize it without --provider-batch / --write-requests)"
            )

    def _translate(self, exc: InstructorRetryException, stats: CallStats) -> LLMClaimsError:
        """Surface our own typed error if one caused the failure, else 'invalid output'."""
        cause = exc.__cause__
        if isinstance(cause, LLMClaimsError):
            return cause
        if cause is not None and not isinstance(cause, _OUTPUT_ERRORS):
            return LLMClaimsError(
                redact(
                    f"unexpected failure: {type(cause).__name__}: {cause}", *self.settings.secrets
                )
            )
        detail = _short_errors(cause) if cause is not None else str(exc)
        instead = (
            # Strict structured outputs were asked for and the answer still broke the schema: the
            # server ignores response_format (some llama.cpp builds do, with HTTP 200).
            "the server seems to ignore response_format: use a server or model with structured "
            "outputs, or mode='md_json' with a stronger model"
            if self.settings.mode == "json_schema"
            else "or use mode='json_schema' on servers with structured outputs"
        )
        return InvalidOutputError(
            redact(
                f"the model's answer was still invalid after {stats.responses} attempt(s) "
                f"({self.settings.reasks} re-ask(s)): {detail}. Try a stronger model, raise "
                f"reasks, {instead}",
                *self.settings.secrets,
            )
        )

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()


_OUTPUT_ERRORS = (ValidationError, json.JSONDecodeError, ResponseParsingError)
_CLAIM_POLL = 0.2  # seconds between looks at another process's claim on an article
CHUNK_CONCURRENCY = 8  # pieces of one article in flight at once
MAX_SPLITS = 2  # a piece whose answer is cut off is halved at most this many times
MIN_SPLIT_CHARS = 2_000  # smaller pieces are not halved: their truncation is reported


def _sent_chars(prompt: Prompt, text: str, day: date | None) -> int:
    return sum(len(m["content"]) for m in render_messages(prompt, text, day))


async def _all(tasks: list[Any]) -> list[Any]:
    """Every task's result; the first failure raised once all are done, so the pieces that
    were answered are cached and a re-run pays only for the rest."""
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def _unchained(error: LLMClaimsError) -> LLMClaimsError:
    """The typed error, cut from instructor's wrapper: that wrapper's __cause__ is this very
    error (a cycle that hangs code walking the chain), and the SDK exceptions behind it may
    quote what a server reflected. Raised outside any handler, nothing new is attached."""
    error.__cause__ = None
    error.__context__ = None
    error.__suppress_context__ = True
    return error


class _Captured(Exception):
    """Raised by `request_body`'s stand-in for the network once it has the request."""


_capturing: ContextVar[bool] = ContextVar("llmclaims_capturing", default=False)


class _QuietWhileCapturing(logging.Filter):
    """instructor logs every failed call at ERROR; `request_body`'s stop is not a failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not _capturing.get()


logging.getLogger("instructor.v2.retry").addFilter(_QuietWhileCapturing())


def _short_errors(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        parts = [
            f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}"
            for e in exc.errors()[:5]
        ]
        more = exc.error_count() - len(parts)
        return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg})"
    return str(exc)[:500]


_ENV = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "LLMCLAIMS_MODEL",
    "LLMCLAIMS_MODE",
    "LLMCLAIMS_CACHE_DIR",
)


@lru_cache(maxsize=16)
def _summarizer(environment: tuple[str | None, ...], **config: Hashable) -> Summarizer:
    return Summarizer(**{name: _Frozen.thaw(value) for name, value in config.items()})


class _Frozen:
    """An unhashable option (the dicts `extra_body`, `extra_headers`) as a key for
    `_summarizer`'s cache."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.key = json.dumps(value, sort_keys=True, default=repr)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Frozen) and self.key == other.key

    @staticmethod
    def thaw(value: object) -> Any:
        return value.value if isinstance(value, _Frozen) else value


def _shared(config: dict[str, Any]) -> Summarizer:
    """One `Summarizer` per configuration (and environment), so loops reuse clients."""
    frozen = {k: v if isinstance(v, Hashable) else _Frozen(v) for k, v in config.items()}
    return _summarizer(tuple(os.environ.get(name) for name in _ENV), **frozen)


def sourced(summary: ArticleSummary, url: str | None, title: str | None) -> ArticleSummary:
    """`summary` recording the URL and title its text came from (the text it always has)."""
    if url is None and title is None:
        return summary
    return summary.model_copy(update={"url": url, "title": title})


def summarize(
    text: str | bytes,
    *,
    published: date | datetime | str | None = None,
    url: str | None = None,
    title: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: Mode | None = None,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    grounding: GroundingPolicy | None = None,
    temperature: float | None = None,
    max_tokens: int | None = None,
    timeout: float | None = None,
    max_response_bytes: int | None = None,
    retries: int | None = None,
    retry_max_wait: float | None = None,
    reasks: int | None = None,
    max_chars: int | None = None,
    context_tokens: int | None = None,
    extra_body: Mapping[str, Any] | None = None,
    extra_headers: Mapping[str, str] | None = None,
    **unknown: NoReturn,
) -> ArticleSummary:
    """Summarize one article: claims, sources, hedging and timeline, tied to evidence.

    `url` and `title` (where the text came from) are recorded in the summary.

    The options are `Summarizer`'s (None: the default); a `Summarizer` is kept per distinct
    configuration, so calling this in a loop reuses its clients and cache.
    """
    summarizer = _shared({**given(locals()), **unknown})
    return summarizer.summarize(text, published=published, url=url, title=title)


async def asummarize(
    text: str | bytes,
    *,
    published: date | datetime | str | None = None,
    url: str | None = None,
    title: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: Mode | None = None,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    grounding: GroundingPolicy | None = None,
    temperature: float | None = None,
    max_tokens: int | None = None,
    timeout: float | None = None,
    max_response_bytes: int | None = None,
    retries: int | None = None,
    retry_max_wait: float | None = None,
    reasks: int | None = None,
    max_chars: int | None = None,
    context_tokens: int | None = None,
    extra_body: Mapping[str, Any] | None = None,
    extra_headers: Mapping[str, str] | None = None,
    **unknown: NoReturn,
) -> ArticleSummary:
    """Async twin of `summarize`."""
    config = {**given(locals()), **unknown}
    return await _shared(config).asummarize(text, published=published, url=url, title=title)
