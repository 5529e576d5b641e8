"""Which command-line inputs are web pages: http(s) URLs and `.html` / `.htm` files.

Kept apart from `cli.py` so the text path stays as it was: anything else is read as text.
"""

from __future__ import annotations

from collections.abc import Callable

from .batch import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def page_article(value: str, read: Callable[[str], bytes]) -> Article | None:
    """The page behind `value` as an article, or None when `value` is a text input."""
    if is_url(value):
        return Article.from_url(value)
    if value.lower().endswith(HTML_SUFFIXES):
        return Article.from_html(read(value), id=value)
    return None
