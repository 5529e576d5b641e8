"""Ray Data: summarize a corpus with `Dataset.map_batches`, one row out for every article in.

    import ray
    from llmclaims.ray_data import SummarizeBatch

    articles = ray.data.read_parquet("articles/")  # columns id, text, [published], [url]
    summaries = articles.map_batches(
        SummarizeBatch,
        fn_constructor_kwargs={"model": "gpt-4o-mini", "concurrency": 16},
        batch_size=64,
        compute=ray.data.ActorPoolStrategy(size=2),
        num_cpus=0.5,  # actors wait on HTTP: leave CPUs for the read and write tasks
    )
    summaries.write_parquet("summaries/")

Ray builds one `SummarizeBatch` per actor, so each actor keeps one `Summarizer` (HTTP clients,
the prompt, and the on-disk cache of the node it runs on: a re-run on the same nodes pays for
nothing twice) and one event loop. Each batch goes through `summarize_many`, the same scheduler
as `llmclaims batch`: at most `concurrency` requests of the actor in flight, and an article that
fails is a row with `error_type` and `error_message`, never a failed Ray task (a failed task
would be retried by Ray and pay again for the whole batch). Configuration errors (no model, a
bad option) raise when the actor is built, before any article is read.

Ray hands a callable class a dict of numpy arrays by default (`batch_format="default"`, which is
`"numpy"`); `batch_format="pandas"` gives a DataFrame. Both work, and the result has the same
form as the batch. Rows come back in the order their articles finished, not the input order.

Importing llmclaims never imports this module, and this module never imports ray itself: Ray
only calls it. It needs numpy and pandas, which `pip install "llmclaims[ray]"` brings.

Measured cost (`python benchmarks/ray_vs_batch.py --json`, 2,000 articles at 0.5 s latency, 32
in flight): two actors of 16 took 1.50-1.55x the ideal time against 1.21-1.28x for one
`llmclaims batch` process, and each Ray worker peaked at 273-277 MB RSS against 115 MB for the
whole `llmclaims batch` process.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

import numpy as np

from .batch import Article, BatchResult, summarize_many
from .errors import ConfigurationError, InputError
from .extract import Summarizer

COLUMNS = (
    "id",
    "url",
    "summary",
    "claims",
    "sources",
    "timeline",
    "flags",
    "tokens",
    "cached",
    "error_type",
    "error_message",
)
"""The output row. `summary` is the `ArticleSummary` as JSON (read it back with
`ArticleSummary.model_validate_json`); the counts are 0 and `summary` is None on an error row;
`error_type` is the `LLMClaimsError` subclass's name and None on a summarized row. `tokens` is
what the answer cost when it was paid for; on a `cached` row it was not paid again."""

_COUNTS = ("claims", "sources", "timeline", "flags", "tokens")


class SummarizeBatch:
    """A callable class for `Dataset.map_batches`: rows `id`, `text`, optional `published` and
    `url` in, one row of `COLUMNS` per article out.

    `concurrency` bounds the requests this actor has in flight; with Ray's batches of
    `batch_size` rows, an actor never has more than `min(concurrency, batch_size)` in flight, so
    give `batch_size` at least `concurrency`. The other arguments are the `Summarizer` options
    (model, base_url, cache_dir, retries, ...); the API key is best left to each worker's
    `OPENAI_API_KEY` rather than passed here, where it would travel with the task.
    """

    def __init__(self, *, concurrency: int = 8, **config: Any) -> None:
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ConfigurationError(
                f"concurrency must be a whole number >= 1, not {concurrency!r}"
            )
        self.concurrency = concurrency
        self.summarizer = Summarizer(**config)
        # One loop for the actor's life: the async HTTP client belongs to the loop it first ran in.
        self._loop = asyncio.new_event_loop()

    def __call__(self, batch: Any) -> Any:
        columns = _columns(batch)
        results = self._loop.run_until_complete(self._summarize(_articles(columns)))
        rows = _rows(results)
        if isinstance(batch, Mapping):
            return rows
        import pandas

        return pandas.DataFrame({name: list(values) for name, values in rows.items()})

    async def _summarize(self, items: Iterable[Article | BatchResult]) -> list[BatchResult]:
        rows = list(items)
        done = [row for row in rows if isinstance(row, BatchResult)]  # unusable rows
        articles = [row for row in rows if isinstance(row, Article)]
        stream = summarize_many(articles, concurrency=self.concurrency, summarizer=self.summarizer)
        async for result in stream:
            done.append(result)
        return done

    def close(self) -> None:
        """Release the cache and the event loop (also done when the object is collected)."""
        if not self._loop.is_closed():
            self.summarizer.close()
            self._loop.close()

    def __del__(self) -> None:
        if hasattr(self, "_loop"):
            self.close()


def _columns(batch: Any) -> dict[str, list[Any]]:
    """The batch's columns as lists, from a dict of arrays or a pandas DataFrame."""
    if isinstance(batch, Mapping):
        names = list(batch)
        columns = {name: list(batch[name]) for name in names}
    elif hasattr(batch, "columns") and hasattr(batch, "to_dict"):  # a pandas DataFrame
        columns = {str(name): batch[name].tolist() for name in batch.columns}
    else:
        raise ConfigurationError(
            f"SummarizeBatch takes batch_format='numpy' or 'pandas' batches, not "
            f"{type(batch).__name__}"
        )
    for required in ("id", "text"):
        if required not in columns:
            raise ConfigurationError(
                f"the dataset has no {required!r} column (columns: {', '.join(columns)}): "
                "rename yours with Dataset.rename_columns"
            )
    return columns


def _articles(columns: dict[str, list[Any]]) -> Iterator[Article | BatchResult]:
    """Each row as an `Article`, or as an error result when the row itself is unusable."""
    n = len(columns["id"])
    published = columns.get("published", [None] * n)
    urls = columns.get("url", [None] * n)
    for ident, text, day, url in zip(columns["id"], columns["text"], published, urls, strict=True):
        url = _cell(url)
        url = None if url is None else str(url)
        ident = _cell(ident)
        if ident is None:
            yield BatchResult(id="", error=InputError("the row has no id"), url=url)
            continue
        ident = str(ident)
        text = _cell(text)
        if text is None:
            yield BatchResult(id=ident, error=InputError("the row has no text"), url=url)
            continue
        yield Article(id=ident, text=text, published=_cell(day), url=url)


def _cell(value: Any) -> Any:
    """A plain Python value: None for every missing marker (None, NaN, NaT, pandas NA), a
    `date` for numpy dates, Python scalars for numpy scalars."""
    if value is None:
        return None
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else value.astype("datetime64[D]").item()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (str, bytes, date, datetime)):
        return value if value == value else None  # pandas' NaT is a datetime unequal to itself
    if type(value).__name__ == "NAType":  # pandas.NA, without importing pandas
        return None
    return value


def _rows(results: list[BatchResult]) -> dict[str, np.ndarray]:
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for result in results:
        columns["id"].append(result.id)
        columns["url"].append(result.url)
        summary = result.summary
        if summary is None:
            error = result.error
            columns["summary"].append(None)
            for name in _COUNTS:
                columns[name].append(0)
            columns["cached"].append(False)
            columns["error_type"].append(type(error).__name__)
            columns["error_message"].append(str(error))
            continue
        columns["summary"].append(summary.model_dump_json())
        columns["claims"].append(len(summary.claims))
        columns["sources"].append(len(summary.sources))
        columns["timeline"].append(len(summary.timeline))
        flags = [len(c.flags) for c in summary.claims] + [len(s.flags) for s in summary.sources]
        columns["flags"].append(sum(flags) + sum(len(t.flags) for t in summary.timeline))
        columns["tokens"].append(summary.metadata.usage.total_tokens)
        columns["cached"].append(summary.metadata.cached)
        columns["error_type"].append(None)
        columns["error_message"].append(None)
    arrays = {name: np.array(columns[name], dtype=object) for name in COLUMNS}
    for name in _COUNTS:
        arrays[name] = np.array(columns[name], dtype=np.int64)
    arrays["cached"] = np.array(columns["cached"], dtype=bool)
    return arrays


__all__ = ["COLUMNS", "SummarizeBatch"]
