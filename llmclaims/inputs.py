"""Where a batch's articles come from: text files, folders of them, and JSONL files.

- a text file is one article; its id is the path as given;
- a folder contributes every `*.txt` file and `*.html` page (its main text, see `webpage`)
  below it (recursively, in sorted order); ids are the paths relative to that folder, so the
  same folder gives the same ids from any working directory;
- a `.jsonl` / `.ndjson` file holds one article per line: `{"id": ..., "text": ...}`, or
  `"html"` (a page's HTML, whose main text is the article) instead of `"text"`, or only a
  `"url"` (the page is fetched when its turn comes, see `PageRef`); optional `"published"`,
  `"url"` and `"title"`. Blank lines are skipped.

`published` (the batch's `--published`) is the date of articles that carry none: a row's own
date wins, then the page's, then this default.

Every input must yield at least one article: a folder with no `.txt` or `.html` file or a JSONL
file with no line refuses to start (`ConfigurationError`) instead of reporting "0 of 0"; other
files in a folder are skipped with one warning.

Articles are produced lazily, one at a time, so a batch of any size holds one article's text
at a time. What cannot become an article (a malformed JSONL line, an unreadable file) becomes a
failed `BatchResult` with a clear `InputError`, so it gets its error line and nothing else is
lost. Text is not checked here: empty, binary, non-UTF-8 and too-long articles are rejected by
the summarizer's own input check, with the same messages as `summarize`.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .batch import Article, BatchResult
from .errors import ConfigurationError, InputError
from .outfile import printable_id
from .page_input import HTML_SUFFIXES

log = logging.getLogger("llmclaims")

JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class PageRef:
    """A JSONL row that names only a URL: fetched by `fetch` when the batch reaches it (in a
    thread, so requests in flight go on), not while the inputs are scanned."""

    id: str
    url: str
    published: str | None = None  # the row's own date
    title: str | None = None
    default_published: date | None = None  # the batch's, if neither row nor page has one

    def fetch(self) -> Article | BatchResult:
        """The page as an article, or the failed result that says why it could not be had."""
        try:
            article = Article.from_url(self.url, id=self.id, published=self.published)
        except InputError as exc:
            return _failed(self.id, str(exc), self.url)
        return _defaults(article, self.default_published, self.title)


Item = Article | BatchResult | PageRef


def read_inputs(
    paths: Sequence[Path], *, exclude: Path | None = None, published: date | None = None
) -> Iterator[Item]:
    """Every article of every input, in order, lazily; `exclude` (the batch's OUT) is never
    read as an article, even when it sits in an input folder. `published` is the default date."""
    for path in paths:
        if path.is_dir():
            for file in _text_files(path, exclude):
                ident = printable_id(file.relative_to(path).as_posix())
                yield _text_article(file, ident, published)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            for _, item in _jsonl_numbered(path, published):
                yield item
        else:
            yield _text_article(path, printable_id(path.as_posix()), published)


def _defaults(article: Article, published: date | None, title: str | None = None) -> Article:
    """The batch's date where the article has none; the row's title over the page's."""
    changes: dict[str, object] = {}
    if article.published is None and published is not None:
        changes["published"] = published
    if title:
        changes["title"] = title
    return dataclasses.replace(article, **changes) if changes else article  # type: ignore[arg-type]


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
            files = _text_files(path, exclude)
            _refuse_empty_folder(path, files, exclude)
            for file in files:
                yield printable_id(file.relative_to(path).as_posix()), file.as_posix()
        elif path.suffix.lower() in JSONL_SUFFIXES:
            count = 0
            for number, item in _jsonl_numbered(path, None):
                count += 1
                yield item.id, f"{path.as_posix()}:{number}"
            if count == 0:
                raise ConfigurationError(
                    f"{path} holds no article: a JSONL input needs one JSON object per line"
                )
        else:
            yield printable_id(path.as_posix()), path.as_posix()


def _refuse_empty_folder(folder: Path, articles: list[Path], exclude: Path | None) -> None:
    """No article in a folder is an error; files that are no article are named, once."""
    others = [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.suffix.lower() not in _ARTICLE_SUFFIXES
        and not (exclude is not None and exclude.exists() and p.samefile(exclude))
    ]
    kinds = ", ".join(
        f"{n} {suffix or 'without suffix'}"
        for suffix, n in Counter(p.suffix.lower() for p in others).most_common()
    )
    if not articles:
        found = f"; it has {kinds}" if others else " (it is empty)"
        raise ConfigurationError(
            f"folder {folder} holds no article: articles are *.txt and *.html files{found}"
        )
    if others:
        log.warning(
            "folder %s: skipped %d file(s) that are no article (%s)", folder, len(others), kinds
        )


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


_ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)


def _text_files(folder: Path, exclude: Path | None = None) -> list[Path]:
    suffixes = _ARTICLE_SUFFIXES
    files = (p for p in folder.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
    if exclude is not None and exclude.exists():
        files = (p for p in files if not p.samefile(exclude))
    return sorted(files)


def _failed(ident: str, message: str, url: str | None = None) -> BatchResult:
    return BatchResult(id=ident, error=InputError(message), url=url)


def _text_article(path: Path, ident: str, published: date | None) -> Item:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failed(ident, f"cannot read {path.as_posix()}: {exc.strerror or exc}")
    if path.suffix.lower() in HTML_SUFFIXES:
        try:
            return _defaults(Article.from_html(data, id=ident), published)
        except InputError as exc:
            return _failed(ident, f"{path.as_posix()}: {exc}")
    return Article(id=ident, text=data, published=published)


def _jsonl_numbered(path: Path, published: date | None) -> Iterator[tuple[int, Item]]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ConfigurationError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield number, _jsonl_item(path, number, raw, published)


def _jsonl_item(path: Path, number: int, raw: bytes, published: date | None) -> Item:
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
    title = record.get("title") if isinstance(record.get("title"), str) else None
    if bad_utf8 is not None:
        return _failed(
            ident,
            f"line {number} of {path.as_posix()} is not valid UTF-8 "
            f"(byte {bad_utf8.start}): re-encode the file as UTF-8",
            url,
        )
    given = [key for key in ("text", "html") if key in record]
    if len(given) > 1:
        return _failed(ident, f'line {number} of {path.as_posix()} has both "text" and "html"', url)
    own = record.get("published")
    if "html" in record:
        html = record["html"]
        if not isinstance(html, str):
            return _failed(
                ident, f'line {number} of {path.as_posix()}: "html" is not a string', url
            )
        try:
            page = Article.from_html(html, url, id=ident, published=own)
        except InputError as exc:
            return _failed(ident, f"line {number} of {path.as_posix()}: {exc}", url)
        return _defaults(page, published, title)
    text = record.get("text")
    if text is None and url is not None:
        return PageRef(ident, url, own, title, published)
    if not isinstance(text, str):
        return _failed(
            ident,
            f'line {number} of {path.as_posix()} has no "text" string (nor "html" or "url")',
            url,
        )
    return Article(
        id=ident, text=text, published=own if own is not None else published, url=url, title=title
    )
