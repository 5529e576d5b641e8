"""The response cache: pay for each article once.

Entries hold the model's validated answer (the wire JSON) and what it cost, never a secret and
never the finished summary: grounding and date checks re-run on every hit, so improving them
improves cached results for free. The key covers everything that can change the answer. A
corrupted, unreadable or outdated entry is treated as a miss and replaced.

A cache directory is data, never code. diskcache can pickle values and keep them in files named
by the database; `_RawDisk` refuses both: values are JSON text stored inline in SQLite, a row
with any other mode or with a file name is a miss (never unpickled, never opened), and removal
never touches a path outside the cache directory. Each entry carries an HMAC-SHA256 over its key
and value, keyed by a per-user secret kept outside the cache directory (`_secret`), so an entry
written by anyone else (a forged answer, another user's cache) is a miss, not a `cached` result.
A damaged database is moved aside and a new one started, with a warning that says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import diskcache
import platformdirs
import pydantic_core

from .config import Settings
from .models import Usage
from .prompt_files import Prompt
from .wire import WireArticle

log = logging.getLogger("llmclaims")

FORMAT = 2  # bump when the entry layout changes: old entries then simply miss


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
_SQLITE = {
    "sqlite_cache_size": 1024,
    "sqlite_mmap_size": 0,
    "disk_min_file_size": 1 << 40,  # every value inline in SQLite: no value files at all
}
_MAC_CHARS = 64  # hex HMAC-SHA256 in front of each entry's JSON


class _Refused(OSError):
    """A row llmclaims did not write (pickled, or pointing at a file): read as a miss."""


class _RawDisk(diskcache.Disk):
    """diskcache storage that holds raw text only (see the module docstring)."""

    def put(self, key: Any) -> tuple[Any, bool]:
        if not isinstance(key, str):
            raise TypeError("llmclaims cache keys are str")
        return super().put(key)

    def get(self, key: Any, raw: bool) -> Any:
        if not raw:
            raise _Refused("cache key row is not raw")
        return super().get(key, raw)

    def store(self, value: Any, read: bool, key: Any = diskcache.core.UNKNOWN) -> Any:
        if not isinstance(value, str) or read:
            raise TypeError("llmclaims cache values are str")
        return super().store(value, read, key=key)

    def fetch(self, mode: int, filename: str | None, value: Any, read: bool) -> Any:
        if mode != diskcache.core.MODE_RAW or filename is not None or not isinstance(value, str):
            raise _Refused("cache row not written by llmclaims (pickled or file-backed)")
        return value

    def remove(self, file_path: str) -> None:
        root = os.path.realpath(self._directory)
        target = os.path.realpath(os.path.join(self._directory, file_path))
        if os.path.commonpath([root, target]) != root or target == root:
            log.warning("cache row names a file outside the cache; left untouched")
            return
        with contextlib.suppress(OSError):
            os.remove(target)


def _secret() -> bytes:
    """The per-user key for entry HMACs, created on first use (mode 0600) in the user's config
    folder: outside every cache directory, so write access to a cache is not enough to forge."""
    path = platformdirs.user_config_path("llmclaims") / "cache-secret"
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_bytes()
    with os.fdopen(fd, "wb") as handle:
        handle.write(fresh)
    return fresh


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _mac(secret: bytes, key: str, entry: str) -> str:
    return hmac.new(secret, f"{key}\0{entry}".encode(), hashlib.sha256).hexdigest()


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
        self._secret = _secret()
        self._cache: diskcache.Cache | None = None
        try:
            self._cache = self._open()
        except sqlite3.DatabaseError as exc:  # damaged database: keep it for inspection, start anew
            aside = directory / f"cache.db.damaged-{int(time.time())}"
            try:
                os.replace(directory / "cache.db", aside)
                self._cache = self._open()
                log.warning(
                    "the cache database in %s was damaged (%s): moved it to %s and started a new "
                    "one; articles it held will be paid for once more",
                    directory,
                    exc,
                    aside.name,
                )
            except Exception as again:
                self._unusable(again)
        except Exception as exc:  # unreadable directory: run uncached, say what to do
            self._unusable(exc)

    def _open(self) -> diskcache.Cache:
        return diskcache.Cache(str(self.directory), disk=_RawDisk, **_SQLITE)

    def _unusable(self, exc: Exception) -> None:
        log.warning(
            "cache at %s unusable (%s); continuing without a cache: fix its permissions, or "
            "delete the folder (or pass --cache-dir) to start a new one",
            self.directory,
            exc,
        )
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
            mac, text = raw[:_MAC_CHARS], raw[_MAC_CHARS:]
            if not hmac.compare_digest(mac, _mac(self._secret, key, text)):
                raise ValueError("integrity check failed (not written by this user's llmclaims)")
            entry = json.loads(text)
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
        entry = _entry_json(answer)
        value = _mac(self._secret, key, entry) + entry
        try:
            self._cache.set(key, value)
        except Exception as exc:  # a full disk loses the cache entry, not the summary
            log.warning("cache write failed (%s); the summary is returned uncached", exc)

    def claim(self, key: str, ttl: float) -> bool:
        """Take the right to request `key`'s answer, for processes sharing this cache: False
        while another live process holds it (wait, then read its answer from the cache). A
        claim expires after `ttl` seconds and is taken over at once when its process has died,
        so a killed batch never blocks another."""
        if self._cache is None:
            return True
        name = "inflight:" + key
        try:
            if self._cache.add(name, str(os.getpid()), expire=ttl):
                return True
            holder = self._cache.get(name)
            if holder is None or not _alive(int(holder)):
                self._cache.delete(name)
                return bool(self._cache.add(name, str(os.getpid()), expire=ttl))
            return int(holder) == os.getpid()
        except Exception as exc:  # a claim is an economy, never a reason to fail
            log.warning("cache claim failed (%s); requesting anyway", exc)
            return True

    def release(self, key: str) -> None:
        if self._cache is None:
            return
        with contextlib.suppress(Exception):
            name = "inflight:" + key
            if self._cache.get(name) == str(os.getpid()):
                self._cache.delete(name)

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
