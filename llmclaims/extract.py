"""One article in, one checked `ArticleSummary` out: the request, the cache and the re-asks.

`Summarizer` holds what is worth reusing across articles (settings, HTTP clients, the cache, the
prompt); `summarize` / `asummarize` are the one-line entry points and reuse a `Summarizer` per
distinct configuration, so a loop over articles does not rebuild clients.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import instructor
from instructor.core.exceptions import InstructorRetryException, ResponseParsingError
from pydantic import ValidationError

from .article_text import check_article
from .assemble import Grounder, assemble
from .cache import CachedAnswer, ResponseCache, cache_key
from .config import Settings, resolve
from .errors import InputError, InvalidOutputError, LLMClaimsError, redact
from .models import ArticleSummary
from .prompts import Prompt, load_prompt
from .transport import CallStats, async_create, current_stats, sync_create
from .wire import WireArticle


def parse_published(published: date | datetime | str | None) -> date | None:
    if published is None or isinstance(published, date) and not isinstance(published, datetime):
        return published
    if isinstance(published, datetime):
        return published.date()
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        raise InputError(
            f"published must be a date or 'YYYY-MM-DD', not {published!r}"
        ) from None


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
        mode: str | None = None,
        cache: bool = True,
        cache_dir: str | Path | None = None,
        **options: Any,
    ) -> None:
        self.settings: Settings = resolve(
            model=model,
            base_url=base_url,
            api_key=api_key,
            mode=mode,
            cache=cache,
            cache_dir=cache_dir,
            **options,
        )
        self.prompt: Prompt = load_prompt()
        self.cache = ResponseCache(self.settings.cache_dir) if self.settings.cache_dir else None
        self._create: Callable[..., Any] | None = None
        self._acreate: Callable[..., Any] | None = None

    def __repr__(self) -> str:
        s = self.settings
        return f"Summarizer(model={s.model!r}, endpoint={s.endpoint!r}, mode={s.mode!r})"

    # -- the request -------------------------------------------------------------------------

    def _request(self, text: str, published: date | None, grounder: Grounder) -> dict[str, Any]:
        s = self.settings
        return {
            "model": s.model,
            "response_model": WireArticle,
            "messages": [
                {"role": "system", "content": self.prompt.system},
                {"role": "user", "content": self.prompt.user},
            ],
            # Rendered by instructor's Jinja step: the article is inserted as a value, never
            # parsed as a template, so "{{" in an article is just text.
            "context": {
                "article": text,
                "published": published.isoformat() if published else "",
                "check_evidence": grounder.check,
            },
            "max_retries": s.reasks,
            **s.sampling(),
        }

    def _prepare(self, text: str | bytes, published: Any) -> tuple[str, date | None, str]:
        article = check_article(text, max_chars=self.settings.max_chars)
        day = parse_published(published)
        return article, day, cache_key(self.settings, self.prompt, article, day)

    def _cached(self, key: str) -> CachedAnswer | None:
        return self.cache.get(key) if self.cache is not None else None

    def _finish(
        self, article: str, day: date | None, key: str, wire: WireArticle, stats: CallStats,
        grounder: Grounder,
    ) -> ArticleSummary:
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
        return assemble(article, day, answer, self.settings, self.prompt, cached=False,
                        grounder=grounder)

    def summarize(
        self, text: str | bytes, *, published: date | datetime | str | None = None
    ) -> ArticleSummary:
        """Summarize one article; at most one paid request chain, none when cached."""
        article, day, key = self._prepare(text, published)
        hit = self._cached(key)
        if hit is not None:
            return assemble(article, day, hit, self.settings, self.prompt, cached=True)
        if self._create is None:
            self._create = instructor.patch(
                create=sync_create(self.settings), mode=self.settings.instructor_mode
            )
        stats = CallStats()
        grounder = Grounder(article, self.settings.reasks, stats)
        token = current_stats.set(stats)
        try:
            wire = self._create(**self._request(article, day, grounder))
        except InstructorRetryException as exc:
            raise self._translate(exc, stats) from None
        finally:
            current_stats.reset(token)
        return self._finish(article, day, key, wire, stats, grounder)

    async def asummarize(
        self, text: str | bytes, *, published: date | datetime | str | None = None
    ) -> ArticleSummary:
        """Async twin of `summarize`, for event loops and `summarize_many`."""
        article, day, key = self._prepare(text, published)
        hit = self._cached(key)
        if hit is not None:
            return assemble(article, day, hit, self.settings, self.prompt, cached=True)
        if self._acreate is None:
            self._acreate = instructor.patch(
                create=async_create(self.settings), mode=self.settings.instructor_mode
            )
        stats = CallStats()
        grounder = Grounder(article, self.settings.reasks, stats)
        token = current_stats.set(stats)
        try:
            wire = await self._acreate(**self._request(article, day, grounder))
        except InstructorRetryException as exc:
            raise self._translate(exc, stats) from None
        finally:
            current_stats.reset(token)
        return self._finish(article, day, key, wire, stats, grounder)

    def _translate(self, exc: InstructorRetryException, stats: CallStats) -> LLMClaimsError:
        """Surface our own typed error if one caused the failure, else 'invalid output'."""
        cause = exc.__cause__
        if isinstance(cause, LLMClaimsError):
            return cause
        if cause is not None and not isinstance(cause, _OUTPUT_ERRORS):
            return LLMClaimsError(
                redact(f"unexpected failure: {type(cause).__name__}: {cause}",
                       self.settings.api_key)
            )
        detail = _short_errors(cause) if cause is not None else str(exc)
        return InvalidOutputError(
            redact(
                f"the model's answer was still invalid after {stats.responses} attempt(s) "
                f"({self.settings.reasks} re-ask(s)): {detail}. Try a stronger model, raise "
                "reasks, or use mode='json_schema' on servers with structured outputs",
                self.settings.api_key,
            )
        )

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()


_OUTPUT_ERRORS = (ValidationError, json.JSONDecodeError, ResponseParsingError)


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


_ENV = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMCLAIMS_MODEL", "LLMCLAIMS_MODE",
        "LLMCLAIMS_CACHE_DIR")


@lru_cache(maxsize=16)
def _summarizer(environment: tuple[str | None, ...], **config: Any) -> Summarizer:
    return Summarizer(**config)


def _shared(**config: Any) -> Summarizer:
    """One `Summarizer` per configuration (and environment), so loops reuse clients."""
    return _summarizer(tuple(os.environ.get(name) for name in _ENV), **config)


def summarize(
    text: str | bytes,
    *,
    published: date | datetime | str | None = None,
    model: str | None = None,
    **config: Any,
) -> ArticleSummary:
    """Summarize one article: claims, sources, hedging and timeline, tied to evidence.

    `config` takes the `Summarizer` options (base_url, api_key, mode, cache, cache_dir,
    grounding, temperature, max_tokens, timeout, retries, reasks, max_chars).
    """
    return _shared(model=model, **config).summarize(text, published=published)


async def asummarize(
    text: str | bytes,
    *,
    published: date | datetime | str | None = None,
    model: str | None = None,
    **config: Any,
) -> ArticleSummary:
    """Async twin of `summarize`."""
    return await _shared(model=model, **config).asummarize(text, published=published)
