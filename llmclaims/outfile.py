"""A batch's output file: one JSON line per article, never torn, resumable.

Each result is encoded whole and written with a single `os.write` on a file opened with
`O_APPEND`, so a line is either entirely in the file or not at all, whatever happens to the
process; a trailing partial line (possible only if the machine, not the process, died mid-write)
is removed when the file is opened again. Lines are:

    {"id": "...", "summary": {...}}
    {"id": "...", "error": {"type": "ProviderError", "message": "..."}}

(plus `"url"` when the input gave one, and the HTTP `"status"` of provider errors).

Opening an existing file reads which ids are done. A summary line is final: resuming skips that
article. An error line is final only with `retry_failed=False`; by default the article is tried
again, and its old line is removed first by rewriting the file to a temporary file and
`os.replace`-ing it in (atomic), so the file never holds two lines for one article. Unparseable
and duplicate lines are dropped the same way.

One process writes a given file at a time: the file is locked (`flock`, where available) and a
second batch writing the same file is refused instead of interleaving duplicate lines.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch import BatchResult
from .errors import ConfigurationError
from .models import ArticleSummary

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; one writer per file is then up to the user
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("llmclaims")


@dataclass(frozen=True)
class ResultLine:
    """One line of a finished OUT, read back for reports and exports."""

    number: int
    id: str
    summary: ArticleSummary | None
    error: dict[str, Any]


def read_out(path: Path) -> Iterator[ResultLine]:
    """Every line of an OUT file, validated; `ConfigurationError` naming the first bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigurationError(f"no such file: {path}") from None
    for number, line in enumerate(lines, 1):
        try:
            record = json.loads(line)
            summary = (
                ArticleSummary.model_validate(record["summary"]) if "summary" in record else None
            )
            yield ResultLine(number, str(record["id"]), summary, dict(record.get("error") or {}))
        except (ValueError, KeyError, TypeError):  # pydantic's ValidationError is a ValueError
            raise ConfigurationError(f"{path}:{number} is not a batch result line") from None


def printable_id(ident: str) -> str:
    """The id as OUT writes it: valid UTF-8 whatever the input gave. A file name that is not
    UTF-8 (Python holds its bytes as lone surrogates) becomes its bytes escaped ("caf\\xe9.txt"),
    a JSONL id with a lone surrogate its escape ("\\ud800"). Inputs name articles through this
    same function, so resuming finds them again."""
    try:
        ident.encode("utf-8")
        return ident
    except UnicodeEncodeError:
        raw = ident.encode("utf-8", "surrogateescape") if _only_escapes(ident) else None
        if raw is not None:
            return raw.decode("utf-8", "backslashreplace")
        return ident.encode("utf-8", "backslashreplace").decode("utf-8")


def _only_escapes(ident: str) -> bool:
    """True when every surrogate is one `surrogateescape` made (U+DC80..U+DCFF)."""
    return all("\udc80" <= ch <= "\udcff" for ch in ident if "\ud800" <= ch <= "\udfff")


def encode(result: BatchResult) -> bytes:
    """The result's line, newline included. The summary's JSON is embedded as pydantic wrote it."""
    head = '{"id":' + json.dumps(printable_id(result.id), ensure_ascii=False)
    if result.url is not None:
        head += ',"url":' + json.dumps(result.url, ensure_ascii=False)
    if result.summary is not None:
        return f'{head},"summary":{result.summary.model_dump_json()}}}\n'.encode()
    error = result.error
    detail = {"type": type(error).__name__, "message": str(error)}
    status = getattr(error, "status", None)
    if status is not None:
        detail["status"] = status
    return f'{head},"error":{json.dumps(detail, ensure_ascii=False)}}}\n'.encode(
        "utf-8", "backslashreplace"
    )


@dataclass
class Existing:
    """What an output file already held when it was opened."""

    done: set[str] = field(default_factory=set)  # ids with a summary line, or a kept error line
    errors: set[str] = field(default_factory=set)  # ids whose error line was kept as final
    failed: set[str] = field(default_factory=set)  # ids whose error line was removed for a retry
    repaired: bool = False  # a partial last line was cut off
    dropped: int = 0  # unparseable or duplicate lines removed


class ResultsFile:
    """Append-only writer of result lines; see the module docstring for the guarantees."""

    def __init__(self, path: Path, fd: int, existing: Existing) -> None:
        self.path = path
        self.existing = existing
        self._fd = fd

    @classmethod
    def open(
        cls, path: Path, *, retry_failed: bool = True, ids: Collection[str] | None = None
    ) -> ResultsFile:
        """Open (or create) `path` for appending, after repairing and reading what it holds.

        With `retry_failed`, error lines of articles in `ids` (all error lines if `ids` is None)
        are removed so those articles run again; error lines of other ids are kept.
        """
        if path.is_dir():
            raise ConfigurationError(f"--out {path} is a folder; give a file name")
        if not path.parent.is_dir():
            raise ConfigurationError(f"the folder for --out does not exist: {path.parent}")
        fd = _open_locked(path)
        try:
            _refuse_foreign(fd, path)  # before anything is changed: a user's file stays intact
        except BaseException:
            os.close(fd)
            raise
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # from a rewrite cut short
            stale.unlink(missing_ok=True)
        try:
            existing = Existing(repaired=_cut_partial_line(fd))
            keep, existing = _classify(fd, existing, retry_failed, ids)
            if existing.failed or existing.dropped:
                fd = _rewrite(path, fd, keep)
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd, existing)

    def write(self, result: BatchResult) -> None:
        """Append one result as one whole line (a single `os.write`)."""
        data = encode(result)
        written = os.write(self._fd, data)
        if written != len(data):  # only a full disk does this to a regular file
            raise OSError(f"short write to {self.path} ({written} of {len(data)} bytes)")

    def close(self) -> None:
        if self._fd >= 0:
            try:
                os.fsync(self._fd)
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lock(fd: int, path: Path) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise ConfigurationError(
            f"another llmclaims batch is writing {path}; wait for it or choose another --out"
        ) from None


def _open_locked(path: Path) -> int:
    """Open for append and lock, making sure the lock is on the file now at `path`."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            _lock(fd, path)
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                return fd
        except FileNotFoundError:
            pass  # replaced between our open and our stat: open the new one
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _refuse_foreign(fd: int, path: Path) -> None:
    """Refuse a non-empty file that is not an llmclaims OUT, leaving it byte for byte as it was.

    An OUT is recognized by its lines: every complete line is a result record, and a last line
    without its newline (a write cut short by a machine crash) begins like one. Anything else,
    an input feed or a user's notes, would lose its lines to the repair and resume rewrites.
    """
    if os.fstat(fd).st_size == 0:
        return
    with os.fdopen(os.dup(fd), "rb") as handle:
        handle.seek(0)
        for number, raw in enumerate(handle, start=1):
            complete = raw.endswith(b"\n")
            if complete and not raw.strip():
                continue
            if (complete and _parse(raw) is None) or (
                not complete and not raw.lstrip().startswith(b'{"id":')
            ):
                raise ConfigurationError(
                    f"--out {path} exists and is not an llmclaims results file (line {number} "
                    "is not a result line); it was left unchanged: choose another --out"
                )


def _cut_partial_line(fd: int) -> bool:
    size = os.fstat(fd).st_size
    if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
        return False
    end, block = size, 1 << 16
    while end > 0:  # find the last newline, reading backwards
        start = max(0, end - block)
        chunk = os.pread(fd, end - start, start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            os.ftruncate(fd, start + newline + 1)
            break
        end = start
    else:
        os.ftruncate(fd, 0)
    log.warning("removed an incomplete last line from the output file (an interrupted write)")
    return True


def _lines(fd: int) -> Iterator[bytes]:
    with os.fdopen(os.dup(fd), "rb") as handle:
        handle.seek(0)
        yield from handle


def _classify(
    fd: int, existing: Existing, retry_failed: bool, ids: Collection[str] | None
) -> tuple[list[int], Existing]:
    """Decide which lines to keep (by index); fill `existing`. Reads one line at a time."""
    summaries: set[str] = set()
    verdicts: list[tuple[str | None, bool]] = []  # (id, is_summary) per line
    for raw in _lines(fd):
        record = _parse(raw)
        if record is None:
            verdicts.append((None, False))
            continue
        ident, is_summary = record
        verdicts.append((ident, is_summary))
        if is_summary:
            summaries.add(ident)
    keep: list[int] = []
    kept: set[str] = set()
    for index, (line_id, is_summary) in enumerate(verdicts):
        if line_id is None or line_id in kept:
            existing.dropped += 1  # unparseable, or a second line for one article
        elif is_summary:
            kept.add(line_id)
            keep.append(index)
        elif line_id in summaries:
            existing.dropped += 1  # an old failure, superseded by a success
        elif retry_failed and (ids is None or line_id in ids):
            existing.failed.add(line_id)  # removed, so the article runs again
        else:
            kept.add(line_id)
            keep.append(index)
            existing.errors.add(line_id)
    existing.done = kept
    return keep, existing


def _parse(raw: bytes) -> tuple[str, bool] | None:
    try:
        record: Any = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    if isinstance(record.get("summary"), dict):
        return record["id"], True
    if isinstance(record.get("error"), dict):
        return record["id"], False
    return None


def _rewrite(path: Path, fd: int, keep: list[int]) -> int:
    """Replace the file by its kept lines, atomically; return the new locked append fd."""
    wanted = set(keep)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    new = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
    try:
        _lock(new, temporary)  # locked before it becomes `path`: no other writer can slip in
        with os.fdopen(os.dup(new), "wb") as out:
            for index, raw in enumerate(_lines(fd)):
                if index in wanted:
                    out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        os.close(new)
        temporary.unlink(missing_ok=True)
        raise
    os.close(fd)
    return new
