"""Many articles, concurrently, each one's failure its own: `summarize_many`.

Articles are pulled from the input lazily and at most `concurrency` are in flight, so memory does
not grow with the number of articles, and results are yielded as they complete (not in input
order), so a caller can write each one out at once. A failed article becomes a `BatchResult`
with an `error`; it never stops the others. Only the caller's cancellation (Ctrl-C) stops the
batch, and it cancels the requests in flight before returning.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .errors import ConfigurationError, LLMClaimsError, redact
from .extract import Summarizer, sourced
from .models import ArticleSummary

if TYPE_CHECKING:
    from .webpage import WebPage


@dataclass(frozen=True)
class Article:
    """One article to summarize. `id` names it in results (and in a batch's output file)."""

    id: str
    text: str | bytes
    published: date | datetime | str | None = None
    url: str | None = None
    title: str | None = None

    @classmethod
    def from_html(
        cls,
        html: str | bytes,
        url: str | None = None,
        *,
        id: str | None = None,
        published: date | datetime | str | None = None,
    ) -> Article:
        """The page's main text as an article; the page's own date unless `published` is given."""
        from .webpage import extract_page

        return cls._from_page(extract_page(html, url=url), id, published)

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        id: str | None = None,
        published: date | datetime | str | None = None,
        timeout: float = 20.0,
    ) -> Article:
        """Fetch a page once (no retries) and make it an article; `FetchError` on failure."""
        from .webpage import fetch_page

        return cls._from_page(fetch_page(url, timeout=timeout), id or url, published)

    @classmethod
    def _from_page(
        cls, page: WebPage, ident: str | None, published: date | datetime | str | None
    ) -> Article:
        return cls(
            id=ident or page.url or "page",
            text=page.text,
            published=published if published is not None else page.published,
            url=page.url,
            title=page.title,
        )


@dataclass(frozen=True)
class BatchResult:
    """What became of one article: a summary, or the error that stopped it."""

    id: str
    summary: ArticleSummary | None = None
    error: LLMClaimsError | None = None
    url: str | None = None

    @classmethod
    def of(cls, article: Article, summary: ArticleSummary) -> BatchResult:
        """`article`'s result, its summary recording the URL and title the text came from."""
        return cls(
            id=article.id, summary=sourced(summary, article.url, article.title), url=article.url
        )

    @property
    def ok(self) -> bool:
        return self.summary is not None

    @property
    def cached(self) -> bool:
        """True when the answer came from the cache (no request was made)."""
        return self.summary is not None and self.summary.metadata.cached


async def summarize_many(
    articles: Iterable[Article] | AsyncIterable[Article],
    *,
    concurrency: int = 8,
    summarizer: Summarizer | None = None,
    **config: Any,
) -> AsyncIterator[BatchResult]:
    """Summarize articles concurrently; yield one `BatchResult` per article as each completes.

    `config` takes the `Summarizer` options (model, base_url, cache_dir, retries, ...), or pass
    a ready `summarizer`. Configuration errors raise before any article is read. Identical
    articles in flight together cost one request chain (they share the cache). Close the
    iterator (`contextlib.aclosing`) if you stop early, so requests in flight are cancelled.

        async for result in summarize_many(articles, concurrency=16, model="gpt-4o-mini"):
            print(result.id, result.summary or result.error)
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigurationError(f"concurrency must be a whole number >= 1, not {concurrency!r}")
    if summarizer is not None and config:
        raise ConfigurationError("pass either a summarizer or Summarizer options, not both")
    owned = summarizer is None
    engine = summarizer if summarizer is not None else Summarizer(**config)
    source = _pull(articles)
    finished: asyncio.Queue[BatchResult] = asyncio.Queue()
    running: set[asyncio.Task[BatchResult]] = set()

    def collect(task: asyncio.Task[BatchResult]) -> None:
        running.discard(task)
        if not task.cancelled():
            finished.put_nowait(task.result())

    exhausted = False
    in_flight = 0
    try:
        while True:
            while not exhausted and in_flight < concurrency:
                article = await anext(source, None)
                if article is None:
                    exhausted = True
                    break
                task = asyncio.ensure_future(_summarize_one(engine, article))
                running.add(task)
                task.add_done_callback(collect)
                in_flight += 1
            if in_flight == 0:
                return
            result = await finished.get()  # O(1) per article, however wide the batch
            in_flight -= 1
            yield result
    finally:
        for task in running:
            task.cancel()
        if running:
            await asyncio.gather(*running, return_exceptions=True)
        await source.aclose()
        if owned:
            engine.close()


async def _summarize_one(summarizer: Summarizer, article: Article) -> BatchResult:
    try:
        summary = await summarizer.asummarize(article.text, published=article.published)
    except LLMClaimsError as exc:
        return BatchResult(id=article.id, error=exc, url=article.url)
    except Exception as exc:  # a bug on one article must not sink a batch of thousands
        message = redact(
            f"unexpected failure: {type(exc).__name__}: {exc}", summarizer.settings.api_key
        )
        return BatchResult(id=article.id, error=LLMClaimsError(message), url=article.url)
    return BatchResult.of(article, summary)


async def _pull(
    articles: Iterable[Article] | AsyncIterable[Article],
) -> AsyncGenerator[Article, None]:
    if isinstance(articles, AsyncIterable):
        async for article in articles:
            yield article
    else:
        for article in articles:
            yield article
