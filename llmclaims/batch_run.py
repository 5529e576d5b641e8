"""`llmclaims batch`: check the inputs, resume from the output file, run, stop cleanly.

The order matters for "never lose anything, never pay twice": configuration and inputs are
checked before anything is written (duplicate ids refuse to start), the output file is repaired
and read before any request (articles with a line are skipped; see `outfile.py` for error
lines), and each result is written the moment it is ready. Ctrl-C (or SIGTERM) cancels the
requests in flight and keeps every line already written; running the same command again
resumes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from .batch import Article, BatchResult, summarize_many
from .batch_files import FileStep, as_stream
from .extract import Summarizer
from .inputs import Item, PageRef, read_inputs, refuse_out_among_inputs, scan_ids
from .outfile import ResultsFile
from .provider_batch import ProviderBatch


@dataclass
class Tally:
    """Counts for the progress bar and the final report."""

    total: int = 0
    skipped: int = 0  # already in the output file
    failed_before: int = 0  # of those, error lines kept from an earlier run
    ok: int = 0
    failed: int = 0
    cached: int = 0
    tokens: int = 0
    retries: int = 0  # transport retries and re-asks of the articles summarized

    def add(self, result: BatchResult) -> None:
        if result.summary is None:
            self.failed += 1
        elif result.summary.metadata.cached:
            self.ok += 1
            self.cached += 1
        else:
            metadata = result.summary.metadata
            self.ok += 1
            self.tokens += metadata.usage.total_tokens
            self.retries += metadata.transport_retries + metadata.reasks

    def postfix(self) -> str:
        return (
            f"ok={self.ok} failed={self.failed} cached={self.cached} "
            f"tokens={_short(self.tokens)} retries={self.retries}"
        )

    def report(self, out: Path) -> str:
        done = self.skipped + self.ok + self.failed
        earlier = f" ({self.failed_before} of them failures)" if self.failed_before else ""
        return (
            f"{done} of {self.total} articles in {out}: {self.ok} summarized "
            f"({self.cached} from cache), {self.failed} failed, {self.skipped} already "
            f"there{earlier}; {self.tokens:,} tokens"
        )


def _short(n: int) -> str:
    for unit, size in (("M", 1_000_000), ("k", 1_000)):
        if n >= size:
            return f"{n / size:.1f}{unit}"
    return str(n)


class Interrupted(Exception):
    """The batch was stopped by a signal; what was written stays written."""

    def __init__(self, tally: Tally, code: int) -> None:
        super().__init__("interrupted")
        self.tally = tally
        self.code = code


def run_batch(
    inputs: Sequence[Path],
    out: Path,
    *,
    concurrency: int = 8,
    retry_failed: bool = True,
    progress: bool | None = None,
    config: dict[str, Any],
    poll_interval: float | None = None,
    files: FileStep | None = None,
    published: date | None = None,
) -> Tally:
    """Run (or resume) a batch into `out`; raise `Interrupted` on Ctrl-C or SIGTERM.

    With `poll_interval`, articles go through the provider's Batch API (`provider_batch.py`)
    instead of live requests; the output file, cache and resume rules are the same.
    `published` is the date of articles that carry none of their own (`inputs.py`).
    """
    summarizer = Summarizer(**config)  # configuration errors stop us before anything is read
    try:
        refuse_out_among_inputs(inputs, out)
        ids = scan_ids(inputs, exclude=out)
        with ResultsFile.open(out, retry_failed=retry_failed, ids=set(ids)) as results:
            existing = results.existing
            tally = Tally(
                total=len(ids),
                skipped=len(existing.done.intersection(ids)),
                failed_before=len(existing.errors.intersection(ids)),
            )
            return _run(
                inputs,
                results,
                summarizer,
                tally,
                concurrency,
                progress,
                poll_interval,
                files,
                published,
            )
    finally:
        summarizer.close()


def _run(
    inputs: Sequence[Path],
    results: ResultsFile,
    summarizer: Summarizer,
    tally: Tally,
    concurrency: int,
    progress: bool | None,
    poll_interval: float | None = None,
    files: FileStep | None = None,
    published: date | None = None,
) -> Tally:
    bar = tqdm(
        total=tally.total,
        initial=tally.skipped,
        unit="article",
        file=sys.stderr,
        disable=None if progress is None else not progress,
        dynamic_ncols=True,
    )
    bar.set_postfix_str(tally.postfix(), refresh=False)
    done = results.existing.done

    def record(result: BatchResult) -> None:
        results.write(result)
        tally.add(result)
        bar.set_postfix_str(tally.postfix(), refresh=False)
        bar.update(1)

    def pending() -> Iterator[Item]:
        for item in read_inputs(inputs, exclude=results.path, published=published):
            if item.id not in done:
                yield item

    def articles() -> Iterator[Article]:
        """For the offline routes, which take a plain iterable: pages are fetched in turn."""
        for item in pending():
            if isinstance(item, PageRef):
                item = item.fetch()
            if isinstance(item, BatchResult):  # could not even be read: its error line now
                record(item)
            else:
                yield item

    async def live_articles() -> AsyncIterator[Article]:
        """For live requests: a page is fetched in a thread, so answers in flight keep landing."""
        for item in pending():
            if isinstance(item, PageRef):
                item = await asyncio.to_thread(item.fetch)
            if isinstance(item, BatchResult):
                record(item)
            else:
                yield item

    async def main() -> None:
        stop = asyncio.current_task()
        assert stop is not None
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.cancel)
        if files is not None:  # request / result files (batch_files.py)
            stream = as_stream(files(articles(), summarizer))
        elif poll_interval is None:
            stream = summarize_many(live_articles(), concurrency=concurrency, summarizer=summarizer)
        else:
            state = results.path.with_name(results.path.name + ".provider-batch.json")
            runner = ProviderBatch(
                summarizer,
                state,
                poll_interval=poll_interval,
                on_status=lambda m: tqdm.write(f"llmclaims: {m}", file=sys.stderr),
            )
            stream = runner.run(articles())
        async with contextlib.aclosing(stream):  # type: ignore[type-var]  # an async generator
            async for result in stream:
                record(result)

    # The bar counts retries and failures; a warning per retry would only scroll it away.
    transport_log = logging.getLogger("llmclaims.transport")
    level = transport_log.level
    transport_log.setLevel(logging.ERROR)
    try:
        with logging_redirect_tqdm():
            asyncio.run(main())
    except KeyboardInterrupt:
        raise Interrupted(tally, 130) from None
    except asyncio.CancelledError:  # SIGTERM
        raise Interrupted(tally, 143) from None
    finally:
        transport_log.setLevel(level)
        bar.close()
    return tally
