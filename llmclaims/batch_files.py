"""Request and result files in the OpenAI batch format, for self-hosted engines.

`vllm run-batch`, the OpenAI Batch API and compatible engines read and write the same JSONL
files. Writing the requests ourselves and reading the answers back lets a team run the model
on its own GPUs while llmclaims keeps the prompt, the checks and the cache. The request body
is exactly the live one (`Summarizer.request_body`) and answers are judged by the same code
as `--provider-batch` (`provider_batch.answer`); the article id is the `custom_id`, so a
results file can be read back in any order and resumes by id.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .batch import Article, BatchResult
from .errors import LLMClaimsError
from .extract import Summarizer
from .provider_batch import _line, answer


def write_requests(
    articles: Iterable[Article],
    summarizer: Summarizer,
    path: Path,
    *,
    on_write: Callable[[], None] | None = None,
) -> Iterator[BatchResult]:
    """Write one request line per unanswered article (calling `on_write` after each); yield
    results for settled ones."""
    with path.open("wb") as handle:
        for article in articles:
            try:
                hit = summarizer.cached(article.text, published=article.published)
                if hit is not None:
                    yield BatchResult.of(article, hit)
                    continue
                body = summarizer.request_body(article.text, published=article.published)
            except LLMClaimsError as exc:
                yield BatchResult(id=article.id, error=exc, url=article.url)
                continue
            handle.write(_line(article.id, body))
            if on_write is not None:
                on_write()


def read_results(
    articles: Iterable[Article], summarizer: Summarizer, path: Path
) -> Iterator[BatchResult]:
    """Yield one result per article that `path` answers; unanswered articles are left out."""
    records: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
                custom_id = record["custom_id"]
            except (ValueError, KeyError, TypeError) as exc:
                raise LLMClaimsError(
                    f"{path}:{number} is not an OpenAI batch output line ({exc})"
                ) from None
            records.setdefault(str(custom_id), record)
    for article in articles:
        record = records.get(article.id)
        if record is not None:
            yield answer(summarizer, article, record)


FileStep = Callable[[Iterable[Article], Summarizer], Iterator[BatchResult]]


class RequestWriter:
    """`--write-requests` as a batch step that counts its lines, for the final message."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.written = 0

    def __call__(
        self, articles: Iterable[Article], summarizer: Summarizer
    ) -> Iterator[BatchResult]:
        return write_requests(articles, summarizer, self.path, on_write=self._count)

    def _count(self) -> None:
        self.written += 1

    def report(self) -> str:
        noun = "request" if self.written == 1 else "requests"
        return (
            f"{self.written} {noun} written to {self.path}: run them (e.g. vllm run-batch), "
            "then read the output file back with --read-results"
        )


def chosen(args: argparse.Namespace) -> FileStep | None:
    """The file step the options ask for, if any (cli.py makes the options exclusive)."""
    if args.write_requests is not None:
        return RequestWriter(args.write_requests)
    if args.read_results is not None:
        results: Path = args.read_results
        return lambda articles, summarizer: read_results(articles, summarizer, results)
    return None


async def as_stream(results: Iterator[BatchResult]) -> AsyncIterator[BatchResult]:
    """The batch runner consumes async streams; these steps need no network."""
    for result in results:
        yield result
