"""Web pages in: extraction of realistic news pages and fetching them from a local server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from llmclaims import InputError
from llmclaims.batch import Article
from llmclaims.webpage import FetchError, extract_page, fetch_page

PAGES = Path(__file__).parent / "data" / "pages"
BOILERPLATE = ["cookie", "Accetta", "PUBBLICITÀ", "Oroscopo", "MarioR", "Vergogna", "P.IVA"]
BOILERPLATE_EN = ["cookies", "Advertisement", "Subscribe", "jdoe", "oldsalt", "Copyright"]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/it": ("text/html; charset=utf-8", (PAGES / "it_news.html").read_bytes()),
            "/en": ("text/html; charset=utf-8", (PAGES / "en_news.html").read_bytes()),
            "/pdf": ("application/pdf", b"%PDF-1.4"),
            "/big": ("text/html", b"<p>" + b"x" * 200_000 + b"</p>"),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        kind, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_italian_page_main_text_and_metadata() -> None:
    page = extract_page((PAGES / "it_news.html").read_bytes())
    assert "informazioni inconfutabili" in page.text
    assert "ricavi del canale siano calati del 40 per cento" in page.text
    for junk in BOILERPLATE:
        assert junk not in page.text, junk
    assert page.title == "Mar Rosso, gli Houthi avrebbero colpito una nave cargo"
    assert page.author == "Giulia Bianchi"
    assert page.published == "2024-01-05"
    assert page.url == "https://www.ilquotidiano.example/esteri/mar-rosso-attacco-nave"


def test_english_page_main_text_and_metadata() -> None:
    page = extract_page((PAGES / "en_news.html").read_text(encoding="utf-8"))
    assert "union president Maria Lopez told reporters" in page.text
    for junk in BOILERPLATE_EN:
        assert junk not in page.text, junk
    assert (page.title, page.author, page.published) == (
        "Port strike ends after nine days",
        "Sam Carter",
        "2024-03-14",
    )


def test_script_only_page_is_an_input_error() -> None:
    """A page rendered by JavaScript has no text to ground evidence in: say so, not 0 claims."""
    with pytest.raises(InputError, match="no article text"):
        extract_page("<html><body><div id='app'></div><script>render()</script></body></html>")


def test_from_html_page_date_is_default_and_caller_wins() -> None:
    html = (PAGES / "it_news.html").read_bytes()
    article = Article.from_html(html)
    assert article.published == "2024-01-05"
    assert article.title.startswith("Mar Rosso")
    assert (
        article.id
        == article.url
        == "https://www.ilquotidiano.example/esteri/mar-rosso-attacco-nave"
    )
    assert Article.from_html(html, published="2024-02-01", id="a1").published == "2024-02-01"


def test_from_url_fetches_and_extracts(site: str) -> None:
    article = Article.from_url(f"{site}/en")
    assert "nine-day strike" in article.text
    assert article.published == "2024-03-14"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404"),
        ("/pdf", "not a web page"),
        ("/loop", "redirects more than"),
    ],
)
def test_fetch_failures_are_one_clear_error(site: str, path: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_page(f"{site}{path}")


def test_fetch_size_cap(site: str) -> None:
    with pytest.raises(FetchError, match="larger than"):
        fetch_page(f"{site}/big", max_bytes=50_000)


def test_fetch_refuses_other_schemes() -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch_page("file:///etc/passwd")


def test_fetch_unreachable_is_fetch_error() -> None:
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch_page("http://127.0.0.1:9/", timeout=2)


@pytest.mark.parametrize(("target", "published"), [("file", "2024-01-05"), ("url", "2024-03-14")])
def test_cli_summarizes_a_page(
    serve, site: str, tmp_path: Path, capsys, target: str, published: str
) -> None:
    """Before: `.html` was refused as HTML and a URL was "no such file"."""
    from llmclaims.cli import main

    from .conftest import ok

    server = serve(ok)
    page = tmp_path / "page.html"
    page.write_bytes((PAGES / "it_news.html").read_bytes())
    arg = str(page) if target == "file" else f"{site}/en"
    code = main(["summarize", arg, "--model", "m", "--base-url", server.base_url, "--no-cache"])
    assert code == 0, capsys.readouterr().err
    summary = json.loads(capsys.readouterr().out)
    assert summary["metadata"]["published"] == published
    sent = server.requests[0].article
    assert ("Kirby" in sent) if target == "file" else ("Maria Lopez" in sent)
    assert "Accetta" not in sent and "jdoe" not in sent and "<p>" not in sent
    assert summary["text"] == sent  # the exact text the offsets refer to
    assert summary["title"] == (
        "Mar Rosso, gli Houthi avrebbero colpito una nave cargo"
        if target == "file"
        else "Port strike ends after nine days"
    )
    assert summary["url"] == (
        "https://www.ilquotidiano.example/esteri/mar-rosso-attacco-nave"  # the canonical URL
        if target == "file"
        else "https://dailyledger.example/business/port-strike-ends"
    )


def test_a_page_without_a_stated_date_gets_none_not_a_guess() -> None:
    """htmldate's extensive search guessed 2024-01-01 for this page; a guess would anchor every
    relative date in the article."""
    html = (PAGES / "en_news.html").read_text(encoding="utf-8").replace("2024-03-14T18:05:00Z", "")
    assert extract_page(html).published is None


def test_batch_folder_reads_html_pages(tmp_path: Path) -> None:
    """Before: a folder of .html files gave "0 of 0 articles"; now each page is an article."""
    from llmclaims.inputs import read_inputs, scan_ids

    (tmp_path / "it.html").write_bytes((PAGES / "it_news.html").read_bytes())
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>")
    assert scan_ids([tmp_path]) == ["empty.html", "it.html"]
    items = list(read_inputs([tmp_path]))
    assert items[0].error is not None and "no article text" in str(items[0].error)
    assert isinstance(items[1], Article) and items[1].published == "2024-01-05"
