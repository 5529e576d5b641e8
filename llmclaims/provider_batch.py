"""Summarize through the provider's offline Batch API: about half the price, results within 24 h.

OpenAI's Batch API (and compatible ones) takes a JSONL file of requests, runs them when it
has capacity, and returns a JSONL file of answers. The flow here:

1. articles already answered (cache) or refused (bad input) are settled at once, no request;
2. the rest become request files of at most `MAX_REQUESTS` lines and `MAX_BYTES` each, with
   exactly the body a live call would send (`Summarizer.request_body`), uploaded and submitted;
3. the batch ids are written to a state file *before* waiting, so an interrupted run resumes
   polling the same batches instead of paying again;
4. answers go through the same checks, cache and assembly as live ones
   (`Summarizer.from_completion`). A batch cannot re-ask, so an invalid answer, or a quote the
   model did not copy, is handled without one (error line / grounding policy); re-running the
   command resubmits only the articles that failed, and only those cost anything again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai
from tenacity import AsyncRetrying

from .batch import Article, BatchResult
from .errors import LLMClaimsError, ProviderError, redact
from .extract import Summarizer
from .transport import client_options, provider_error, retry_policy

log = logging.getLogger("llmclaims")

MAX_REQUESTS = 50_000  # OpenAI's limit per batch
MAX_BYTES = 190 * 2**20  # under OpenAI's 200 MB input-file limit
ENDPOINT = "/v1/chat/completions"
FINAL = frozenset({"completed", "failed", "expired", "cancelled"})


@dataclass
class Submitted:
    """One submitted batch and which article each request line stands for."""

    batch_id: str
    ids: dict[str, str]  # custom_id -> article id


class ProviderBatch:
    """Run articles through the Batch API with `summarizer`'s settings, prompt and cache."""

    def __init__(
        self,
        summarizer: Summarizer,
        state_path: Path,
        *,
        poll_interval: float = 30.0,
        on_status: Callable[[str], None] | None = None,
    ) -> None:
        self.summarizer = summarizer
        self.state_path = state_path
        self.poll_interval = poll_interval
        self.on_status = on_status or (lambda message: log.info("%s", message))
        settings = summarizer.settings
        self._client = openai.AsyncOpenAI(**client_options(settings))
        self._policy = retry_policy(settings, lambda: None)

    async def run(self, articles: Iterable[Article]) -> AsyncIterator[BatchResult]:
        """Yield one result per article: settled ones first, then each batch's as it ends."""
        pending: dict[str, Article] = {}
        for article in articles:
            try:
                hit = self.summarizer.cached(article.text, published=article.published)
            except LLMClaimsError as exc:
                yield BatchResult(id=article.id, error=exc, url=article.url)
                continue
            if hit is not None:
                yield BatchResult.of(article, hit)
            else:
                pending[article.id] = article

        submitted = self._load_state()
        waiting = {aid for batch in submitted for aid in batch.ids.values()}
        fresh = [a for aid, a in pending.items() if aid not in waiting]
        async for result in self._submit(fresh, submitted):
            yield result
        for batch in list(submitted):
            async for result in self._collect(batch, pending):
                yield result
            submitted.remove(batch)
            self._save_state(submitted)
        self.state_path.unlink(missing_ok=True)

    # -- submission -------------------------------------------------------------------------------

    async def _submit(
        self, articles: list[Article], submitted: list[Submitted]
    ) -> AsyncIterator[BatchResult]:
        lines: list[bytes] = []
        ids: dict[str, str] = {}
        size = 0
        for article in articles:
            try:
                body = self.summarizer.request_body(article.text, published=article.published)
            except LLMClaimsError as exc:
                yield BatchResult(id=article.id, error=exc, url=article.url)
                continue
            line = _line(f"r{len(ids)}", body)
            if lines and (len(lines) >= MAX_REQUESTS or size + len(line) > MAX_BYTES):
                submitted.append(await self._create(lines, ids))
                self._save_state(submitted)
                lines, ids, size = [], {}, 0
                line = _line("r0", body)
            ids[f"r{len(ids)}"] = article.id
            lines.append(line)
            size += len(line)
        if lines:
            submitted.append(await self._create(lines, ids))
            self._save_state(submitted)

    async def _create(self, lines: list[bytes], ids: dict[str, str]) -> Submitted:
        upload = await self._call(
            self._client.files.create,
            file=("llmclaims-batch.jsonl", b"".join(lines), "application/jsonl"),
            purpose="batch",
        )
        batch = await self._call(
            self._client.batches.create,
            input_file_id=upload.id,
            endpoint=ENDPOINT,
            completion_window="24h",
            metadata={"created_by": "llmclaims"},
        )
        self.on_status(f"submitted batch {batch.id} ({len(ids)} articles)")
        return Submitted(batch_id=batch.id, ids=dict(ids))

    # -- collection -------------------------------------------------------------------------------

    async def _collect(
        self, submitted: Submitted, articles: dict[str, Article]
    ) -> AsyncIterator[BatchResult]:
        batch = await self._call(self._client.batches.retrieve, submitted.batch_id)
        while batch.status not in FINAL:
            counts = batch.request_counts
            done = f"{counts.completed + counts.failed}/{counts.total}" if counts else "?"
            self.on_status(f"batch {batch.id}: {batch.status} ({done} done)")
            await asyncio.sleep(self.poll_interval)
            batch = await self._call(self._client.batches.retrieve, submitted.batch_id)
        self.on_status(f"batch {batch.id}: {batch.status}")
        seen: set[str] = set()
        for file_id in (batch.output_file_id, batch.error_file_id):
            if not file_id:
                continue
            content = await self._call(self._client.files.content, file_id)
            for raw in content.text.splitlines():
                if not raw.strip():
                    continue
                record = json.loads(raw)
                custom_id = record.get("custom_id")
                article_id = submitted.ids.get(custom_id)
                article = articles.get(article_id) if article_id else None
                if article is None or custom_id in seen:
                    continue  # not ours, or an input that changed since submission
                seen.add(custom_id)
                yield answer(self.summarizer, article, record)
        for custom_id, article_id in submitted.ids.items():
            if custom_id not in seen and article_id in articles:
                article = articles[article_id]
                error = ProviderError(
                    f"batch {batch.id} ended '{batch.status}' without answering this article; "
                    "run the command again to resubmit it",
                    status=None,
                )
                yield BatchResult(id=article.id, error=error, url=article.url)

    # -- plumbing -------------------------------------------------------------------------------

    async def _call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        attempts = 0
        try:
            async for attempt in AsyncRetrying(**self._policy):
                with attempt:
                    attempts += 1
                    return await method(*args, **kwargs)
        except openai.OpenAIError as exc:
            raise provider_error(exc, self.summarizer.settings, attempts) from None
        raise AssertionError("unreachable")

    def _load_state(self) -> list[Submitted]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
            return [Submitted(batch_id=b["batch_id"], ids=dict(b["ids"])) for b in data["batches"]]
        except FileNotFoundError:
            return []
        except (ValueError, KeyError, TypeError) as exc:
            raise LLMClaimsError(
                f"the batch state file {self.state_path} is unreadable ({exc}); it lists "
                "submitted batches: fix or remove it (removing it resubmits those articles)"
            ) from None

    def _save_state(self, submitted: list[Submitted]) -> None:
        data = {"batches": [{"batch_id": s.batch_id, "ids": s.ids} for s in submitted]}
        temporary = self.state_path.with_name(self.state_path.name + ".tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, self.state_path)


def answer(summarizer: Summarizer, article: Article, record: dict[str, Any]) -> BatchResult:
    """Turn one batch output line into a result, with the checks a live answer gets.

    Shared by `--provider-batch` and `--read-results` so an answer from any OpenAI-format
    engine (Batch API, `vllm run-batch`) is judged the same way.
    """
    response = record.get("response") or {}
    status = response.get("status_code")
    if status == 200:
        try:
            summary = summarizer.from_completion(
                article.text, response.get("body") or {}, published=article.published
            )
        except LLMClaimsError as exc:
            return BatchResult(id=article.id, error=exc, url=article.url)
        return BatchResult.of(article, summary)
    error = record.get("error") or (response.get("body") or {}).get("error") or {}
    message = error.get("message") or "no answer"
    code = error.get("code")
    text = f"the provider batch did not answer ({code or status}): {message}"
    if code == "batch_expired":
        text += "; run the command again to resubmit it"
    return BatchResult(
        id=article.id,
        error=ProviderError(redact(text, *summarizer.settings.secrets), status=status),
        url=article.url,
    )


def _line(custom_id: str, body: dict[str, Any]) -> bytes:
    record = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"
