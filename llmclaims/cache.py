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
from pathlib import Path
from typing import Any

import diskcache

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
    """A digest of everything that shapes the answer. The API key is deliberately absent."""
    material = {
        "format": FORMAT,
        "model": settings.model,
        "endpoint": settings.endpoint,
        "mode": settings.mode,
        "prompt": [prompt.version, prompt.digest],
        "schema": _SCHEMA_DIGEST,
        "sampling": settings.sampling(),
        "reasks": settings.reasks,
        "published": published.isoformat() if published else None,
        "text": text,
    }
    blob = json.dumps(material, sort_keys=True, ensure_ascii=False).encode()
    return "summary:" + hashlib.sha256(blob).hexdigest()


# diskcache's defaults (a 32 MB SQLite page cache plus up to 64 MB of memory-mapped database)
# suit hot, read-mostly caches. Ours is written once per article and read again on re-runs, and
# with the defaults a 10,000-article batch grew the process by ~30 MB as the database grew. A
# 4 MB page cache and no mmap keep memory flat in the number of articles.
_SQLITE = {"sqlite_cache_size": 1024, "sqlite_mmap_size": 0}


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
        entry: dict[str, Any] = {
            "format": FORMAT,
            "wire": answer.wire.model_dump_json(),
            "usage": answer.usage.model_dump(),
            "requests": answer.requests,
            "reasks": answer.reasks,
            "transport_retries": answer.transport_retries,
            "model": answer.model,
            "created_at": answer.created_at,
        }
        if self._cache is None:
            return
        try:
            self._cache.set(key, json.dumps(entry, ensure_ascii=False))
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
