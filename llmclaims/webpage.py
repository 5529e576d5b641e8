"""Web pages in: the main text and metadata of a news page, and fetching it by URL.

Extraction is trafilatura's (`bare_extraction`, comments off): it drops navigation, cookie
banners, ads, scripts and reader comments, and reads title, author, date, language and the
canonical URL from the page's meta tags and JSON-LD (a date only when the markup states one).
The extracted text is what evidence offsets refer to, so a `WebPage` keeps it verbatim.

Fetching is one httpx GET with connect/read timeouts, bounded redirects, a size cap read in a
stream (a huge page is never held whole) and a content-type check. It is not retried: a page
that fails once is reported once, with a `FetchError` saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx2 as httpx
import trafilatura

from .errors import InputError

MAX_PAGE_BYTES = 10_000_000
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(InputError):
    """A URL could not be fetched as a web page (scheme, network, status, type, size)."""


@dataclass(frozen=True)
class WebPage:
    """The main text of a page and what the page says about itself."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None


def extract_page(html: str | bytes, url: str | None = None) -> WebPage:
    """Main text and metadata of an HTML page; `InputError` when it holds no article text."""
    if isinstance(html, (bytes, bytearray)):
        html = bytes(html).decode("utf-8", "replace")
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        # Only dates the page states in its markup (meta tags, JSON-LD, <time>), the original
        # publication over later updates. htmldate's extensive search guessed 2024-01-01 for a
        # page with no date at all; a wrong date would anchor every relative date in the
        # article, where none lets the caller's default apply.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if doc is None or isinstance(doc, dict) or not text or not text.strip():
        where = f" at {url}" if url else ""
        raise InputError(f"the page{where} holds no article text that could be extracted")
    return WebPage(
        text=text,
        title=doc.title or None,
        author=doc.author or None,
        published=doc.date or None,
        language=doc.language or None,
        url=doc.url or url,
    )


def fetch_page(
    url: str,
    *,
    timeout: float = 20.0,
    max_bytes: int = MAX_PAGE_BYTES,
    max_redirects: int = 5,
) -> WebPage:
    """Fetch `url` once and extract it; `FetchError` names the one thing that went wrong."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    limits = httpx.Timeout(timeout, connect=min(timeout, 10.0))
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=max_redirects, timeout=limits
            ) as client,
            client.stream("GET", url, headers={"Accept": "text/html"}) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"{url} answered HTTP {response.status_code}")
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind not in _HTML_TYPES:
                raise FetchError(f"{url} is not a web page (content-type {kind or 'none'})")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"{url} is larger than {max_bytes:,} bytes")
            encoding = response.encoding or "utf-8"
            final = str(response.url)
    except httpx.TooManyRedirects:
        raise FetchError(f"{url} redirects more than {max_redirects} times") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url} did not answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url}: {type(exc).__name__}") from None
    page = extract_page(bytes(body).decode(encoding, "replace"), url=final)
    return page
