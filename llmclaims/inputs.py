"""Where a batch's articles come from: text files, folders of them, and JSONL files.

- a text file is one article; its id is the path as given;
- a folder contributes every `*.txt` file and `*.html` page (its main text, see `webpage`)
  below it (recursively, in sorted order); ids are the paths relative to that folder, so the
  same folder gives the same ids from any working directory;
- a `.jsonl` / `.ndjson` file holds one article per line: `{"id": ..., "text": ...}` with
  optional `"published": "YYYY-MM-DD"` and `"url"`. Blank lines are skipped.

Articles are produced lazily, one at a time, so a batch of any size holds one article's text
at a time. What cannot become an article (a malformed JSONL line, an unreadable file) becomes a
failed `BatchResult` with a clear `InputError`, so it gets its error line and nothing else is
lost. Text is not checked here: empty, binary, non-UTF-8 and too-long articles are rejected by
the summarizer's own input check, with the same messages as `summarize`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from .batch import Article, BatchResult
from .errors import ConfigurationError, InputError
from .outfile import printable_id
from .page_input import HTML_SUFFIXES

JSONL_SUFFIXES = (".jsonl", ".ndjson")

Item = Article | BatchResult


def read_inputs(paths: Sequence[Path], *, exclude: Path | None = None) -> Iterator[Item]:
    """Every article of every input, in order, lazily; `exclude` (the batch's OUT) is never
    read as an article, even when it sits in an input folder."""
    for path in paths:
        if path.is_dir():
            for file in _text_files(path, exclude):
                yield _text_article(file, printable_id(file.relative_to(path).as_posix()))
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from _jsonl_items(path)
        else:
            yield _text_article(path, printable_id(path.as_posix()))


def scan_ids(paths: Sequence[Path], *, exclude: Path | None = None) -> list[str]:
    """All ids, in input order, without keeping any text; refuse missing inputs and duplicates.

    Raises `ConfigurationError` (the batch must not start): results and resuming are keyed by
    id, so two articles with one id would overwrite each other's line.
    """
    for path in paths:
        if not path.exists():
            raise ConfigurationError(f"no such file or folder: {path}")
    seen: dict[str, str] = {}
    ids: list[str] = []
    for ident, where in _ids(paths, exclude):
        if ident in seen:
            raise ConfigurationError(
                f"duplicate article id {ident!r} ({seen[ident]} and {where}): ids must be "
                "unique, because the output file and resuming are keyed by id"
            )
        seen[ident] = where
        ids.append(ident)
    return ids


def _ids(paths: Sequence[Path], exclude: Path | None) -> Iterator[tuple[str, str]]:
    for path in paths:
        if path.is_dir():
            for file in _text_files(path, exclude):
                yield printable_id(file.relative_to(path).as_posix()), file.as_posix()
        elif path.suffix.lower() in JSONL_SUFFIXES:
            for number, item in _jsonl_numbered(path):
                yield item.id, f"{path.as_posix()}:{number}"
        else:
            yield printable_id(path.as_posix()), path.as_posix()


def refuse_out_among_inputs(paths: Sequence[Path], out: Path) -> None:
    """OUT may sit in an input folder (it is skipped there), but never be an input itself:
    the feed would be rewritten as results."""
    if not out.exists():
        return
    for path in paths:
        if path.exists() and not path.is_dir() and path.samefile(out):
            raise ConfigurationError(
                f"--out {out} is also an input; it was left unchanged: choose another --out"
            )


def _text_files(folder: Path, exclude: Path | None = None) -> list[Path]:
    suffixes = (".txt", *HTML_SUFFIXES)
    files = (p for p in folder.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
    if exclude is not None and exclude.exists():
        files = (p for p in files if not p.samefile(exclude))
    return sorted(files)


def _failed(ident: str, message: str, url: str | None = None) -> BatchResult:
    return BatchResult(id=ident, error=InputError(message), url=url)


def _text_article(path: Path, ident: str) -> Item:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failed(ident, f"cannot read {path.as_posix()}: {exc.strerror or exc}")
    if path.suffix.lower() in HTML_SUFFIXES:
        try:
            return Article.from_html(data, id=ident)
        except InputError as exc:
            return _failed(ident, f"{path.as_posix()}: {exc}")
    return Article(id=ident, text=data)


def _jsonl_items(path: Path) -> Iterator[Item]:
    for _, item in _jsonl_numbered(path):
        yield item


def _jsonl_numbered(path: Path) -> Iterator[tuple[int, Item]]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ConfigurationError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield number, _jsonl_item(path, number, raw)


def _jsonl_item(path: Path, number: int, raw: bytes) -> Item:
    where = f"{path.as_posix()}:{number}"
    bad_utf8: UnicodeDecodeError | None = None
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:  # still read the id, so the error line names the article
        bad_utf8 = exc
        line = raw.decode("utf-8", "replace")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _failed(
            where,
            f"line {number} of {path.as_posix()} is not valid JSON "
            f"({exc.msg} at column {exc.colno})",
        )
    if not isinstance(record, dict):
        return _failed(where, f"line {number} of {path.as_posix()} is not a JSON object")
    ident = record.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)) or not str(ident).strip():
        return _failed(
            where,
            f'line {number} of {path.as_posix()} has no usable "id" '
            "(a non-empty string or a number)",
        )
    ident = printable_id(str(ident))
    url = record.get("url") if isinstance(record.get("url"), str) else None
    if bad_utf8 is not None:
        return _failed(
            ident,
            f"line {number} of {path.as_posix()} is not valid UTF-8 "
            f"(byte {bad_utf8.start}): re-encode the file as UTF-8",
            url,
        )
    text = record.get("text")
    if not isinstance(text, str):
        return _failed(ident, f'line {number} of {path.as_posix()} has no "text" string', url)
    return Article(id=ident, text=text, published=record.get("published"), url=url)
