"""The response cache: pay for each article once.

Entries hold the model's validated answer (the wire JSON) and what it cost, never a secret and
never the finished summary: grounding and date checks re-run on every hit, so improving them
improves cached results for free. The key covers everything that can change the answer. A
corrupted, unreadable or outdated entry is treated as a miss and replaced.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import diskcache
import pydantic_core

from .config import Settings
from .models import Usage
from .prompts import Prompt
from .wire import WireArticle

log = logging.getLogger("llmclaims")

FORMAT = 1  # bump when the entry layout changes: old entries then simply miss


@dataclass(frozen=True)
class CachedAnswer:
    wire: WireArticle
    usage: Usage
    requests: int
    reasks: int
    transport_retries: int
    model: str
    created_at: str


def wire_schema_digest() -> str:
    schema = json.dumps(WireArticle.model_json_schema(), sort_keys=True)
    return hashlib.sha256(schema.encode()).hexdigest()[:16]


_SCHEMA_DIGEST = wire_schema_digest()


def cache_key(settings: Settings, prompt: Prompt, text: str, published: date | None) -> str:
    """A digest of everything that shapes the answer. The API key is deliberately absent.

    The digest is SHA-256 of ``json.dumps(material, sort_keys=True, ensure_ascii=False)``,
    `material` being the settings, prompt, schema, publication date and text below. "text"
    sorts last, so the JSON is the same for every article up to the text: that part is
    serialized and hashed once per configuration (`_key_prefix`), and each article only adds
    its own text.
    """
    digest = _key_prefix(settings, prompt, published.isoformat() if published else None).copy()
    digest.update(json.dumps(text, ensure_ascii=False).encode() + b"}")
    return "summary:" + digest.hexdigest()


def _key_material(settings: Settings, prompt: Prompt, published: str | None) -> dict[str, Any]:
    """What the key covers besides the article's text."""
    return {
        "format": FORMAT,
        "model": settings.model,
        "endpoint": settings.endpoint,
        "mode": settings.mode,
        "prompt": [prompt.version, prompt.digest],
        "schema": _SCHEMA_DIGEST,
        "sampling": settings.sampling(),
        "reasks": settings.reasks,
        "published": published,
    }


@lru_cache(maxsize=64)
def _key_prefix(settings: Settings, prompt: Prompt, published: str | None) -> Any:
    """SHA-256 state after the material's JSON up to the text's value."""
    material = {**_key_material(settings, prompt, published), "text": ""}
    blob = json.dumps(material, sort_keys=True, ensure_ascii=False)
    tail = '"text": ""}'
    if max(material) != "text" or not blob.endswith(tail):  # pragma: no cover
        raise AssertionError("the cache key's text must come last")
    return hashlib.sha256((blob[: -len(tail)] + '"text": ').encode())


# diskcache's defaults (a 32 MB SQLite page cache plus up to 64 MB of memory-mapped database)
# suit hot, read-mostly caches. Ours is written once per article and read again on re-runs, and
# with the defaults a 10,000-article batch grew the process by ~30 MB as the database grew. A
# 4 MB page cache and no mmap keep memory flat in the number of articles.
_SQLITE = {"sqlite_cache_size": 1024, "sqlite_mmap_size": 0}


def _entry_json(answer: CachedAnswer) -> str:
    """The entry for `answer`: ``json.dumps(entry, ensure_ascii=False)`` of

        {"format": FORMAT, "wire": <the wire answer's JSON, as a string>, "usage": {...},
         "requests": ..., "reasks": ..., "transport_retries": ..., "model": ...,
         "created_at": ...}

    The wire answer's JSON is quoted by pydantic's serializer, which escapes exactly like
    `json.dumps(..., ensure_ascii=False)` and several times faster on a long string.
    """
    rest = json.dumps(
        {
            "usage": answer.usage.model_dump(),
            "requests": answer.requests,
            "reasks": answer.reasks,
            "transport_retries": answer.transport_retries,
            "model": answer.model,
            "created_at": answer.created_at,
        },
        ensure_ascii=False,
    )
    wire = pydantic_core.to_json(answer.wire.model_dump_json()).decode()
    return f'{{"format": {json.dumps(FORMAT)}, "wire": {wire}, {rest[1:]}'


class ResponseCache:
    """A thin layer over `diskcache.Cache` that never lets a bad entry become an error."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        try:
            self._cache: diskcache.Cache | None = diskcache.Cache(str(directory), **_SQLITE)
        except Exception as exc:  # unreadable database or directory: run uncached, say so
            log.warning("cache at %s unusable (%s); continuing without a cache", directory, exc)
            self._cache = None

    def get(self, key: str) -> CachedAnswer | None:
        if self._cache is None:
            return None
        try:
            raw = self._cache.get(key)
        except Exception as exc:  # a damaged database must not stop the run
            log.warning("cache read failed (%s); treating as a miss", exc)
            return None
        if raw is None:
            return None
        try:
            entry = json.loads(raw)
            if entry.get("format") != FORMAT:
                raise ValueError("old format")
            return CachedAnswer(
                wire=WireArticle.model_validate_json(entry["wire"]),
                usage=Usage.model_validate(entry["usage"]),
                requests=int(entry["requests"]),
                reasks=int(entry["reasks"]),
                transport_retries=int(entry["transport_retries"]),
                model=str(entry["model"]),
                created_at=str(entry["created_at"]),
            )
        except Exception as exc:
            log.warning("ignoring unreadable cache entry %s (%s)", key[:20], exc)
            self.delete(key)
            return None

    def put(self, key: str, answer: CachedAnswer) -> None:
        if self._cache is None:
            return
        value = _entry_json(answer)
        try:
            self._cache.set(key, value)
        except Exception as exc:  # a full disk loses the cache entry, not the summary
            log.warning("cache write failed (%s); the summary is returned uncached", exc)

    def delete(self, key: str) -> None:
        if self._cache is None:
            return
        try:
            self._cache.delete(key)
        except Exception as exc:
            log.warning("cache delete failed (%s)", exc)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
