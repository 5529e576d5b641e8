"""The review page and Markdown, on real summaries replayed from the authored cassettes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

import llmclaims
from llmclaims.article_text import check_article
from llmclaims.cli import main
from llmclaims.models import Span
from llmclaims.render import render_html, render_markdown
from llmclaims.testing import FakeOpenAI, Reply

from .recording import CASSETTES, ROOT, manifest

ENTRIES = {e["name"]: e for e in manifest()}


def replayed(name: str, text: str | None = None) -> tuple[llmclaims.ArticleSummary, str]:
    """Summarize through a local server that answers with the cassette's recorded responses."""
    entry = ENTRIES[name]
    recorded = json.loads((CASSETTES / f"{name}.json").read_text(encoding="utf-8"))
    responses = [i["response"] for i in recorded["interactions"]]
    model = json.loads(recorded["interactions"][0]["request"]["body"])["model"]

    def handler(request: object) -> Reply:
        r = responses[min(request.index, len(responses) - 1)]  # type: ignore[attr-defined]
        return Reply(status=r["status"]["code"], body=r["body"]["string"].encode())

    article = text if text is not None else (ROOT / entry["text"]).read_text(encoding="utf-8")
    server = FakeOpenAI(handler).start()
    try:
        summary = llmclaims.summarize(
            article,
            published=entry["published"],
            model=model,
            base_url=server.base_url,
            api_key="sk-replay-placeholder",
            cache=False,
            retries=0,
        )
    finally:
        server.stop()
    return summary, check_article(article)


class Marks(HTMLParser):
    """Collects the page's marks, scripts and every attribute, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[str] = []
        self.scripts = 0
        self.attrs: list[tuple[str, str | None]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag == "mark" and any(k == "data-items" for k, _ in attrs):
            self.marks.append(dict(attrs)["data-items"] or "")
        if tag == "script":
            self.scripts += 1


def parse(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


@pytest.mark.parametrize("name", ["nk-missiles-russia.it", "gm-bankruptcy-126878.en"])
def test_every_located_span_is_highlighted(name):
    summary, text = replayed(name)
    page = render_html(summary, text)
    marks = parse(page).marks
    for claim in summary.claims:
        located = [e for e in claim.evidence if e.span is not None]
        assert located, claim
        assert any(f" claim-{claim.id} " in m for m in marks), claim.id
    # the article is shown whole, in order, whatever was cut at span boundaries
    article = re.search(r'<div id="article">(.*?)</div>', page, re.S)
    assert article is not None
    from html import unescape

    assert unescape(re.sub(r"<[^>]+>", "", article.group(1))) == text


def test_page_is_self_contained():
    summary, text = replayed("nk-missiles-russia.it")
    page = render_html(summary, text)
    assert not re.search(r"(src|href)\s*=", page, re.I)
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]
    assert "default-src 'none'" in page


HOSTILE = (
    "<script>alert(1)</script> Il ministro ha detto </textarea><img src=x onerror=alert(2)> "
    '<a href="javascript:alert(3)">qui</a> "quote" & more.\n\n'
)


def test_hostile_article_and_answer_cannot_execute(article_it):
    summary, text = replayed("nk-missiles-russia.it", HOSTILE + article_it)
    # the model's answer is untrusted too: put markup in it
    summary.claims[0].text = "</script><script>alert(4)</script><b onclick=alert(5)>x</b>"
    summary.sources[0].name = '"><svg onload=alert(6)>'
    page = render_html(summary, text, title="<script>alert(7)</script>")
    parsed = parse(page)
    assert parsed.scripts == 1  # our own, nothing injected
    assert not {"img", "a", "svg", "b", "textarea"} & set(parsed.tags)
    assert not [k for k, _ in parsed.attrs if k.startswith("on")]
    assert "javascript:" not in " ".join(v or "" for _, v in parsed.attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    markdown = render_markdown(summary)
    assert "<script>" not in markdown and "<svg" not in markdown


def test_markdown_lists_claims_sources_and_sorted_timeline():
    summary, _ = replayed("gm-bankruptcy-126878.en")
    md = render_markdown(summary)
    assert md.count("\n- **") == len(summary.claims)
    values = [t.value for t in summary.timeline if t.value]
    rows = re.findall(r"^\| ([^|]+) \| .*\|$", md.split("### Timeline")[1], re.M)[
        1:
    ]  # after the header
    shown = [r.replace("\\", "").strip() for r in rows if r.strip() != "?"]
    assert shown == sorted(values)
    assert summary._repr_markdown_() == md
    assert parse(summary._repr_html_()).scripts == 1


def test_report_command_writes_page_and_rejects_bad_input(tmp_path, capsys):
    summary, text = replayed("nk-missiles-russia.it")
    (tmp_path / "s.json").write_text(summary.model_dump_json(), encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "r.html"
    assert (
        main(
            ["report", str(tmp_path / "s.json"), "--text", str(tmp_path / "a.txt"), "-o", str(out)]
        )
        == 0
    )
    assert len(parse(out.read_text(encoding="utf-8")).marks) > 0
    (tmp_path / "bad.json").write_text('{"claims": 3}', encoding="utf-8")
    assert main(["report", str(tmp_path / "bad.json"), "-o", str(out)]) == 2
    assert "not a summary JSON file" in capsys.readouterr().err


def test_batch_report_indexes_articles_and_failures(tmp_path):
    summary, _ = replayed("gm-bankruptcy-126878.en")
    out_jsonl = tmp_path / "out.jsonl"
    out_jsonl.write_text(
        json.dumps({"id": "gm<script>", "summary": json.loads(summary.model_dump_json())})
        + "\n"
        + json.dumps({"id": "bad", "error": {"type": "ProviderError", "message": "<b>503</b>"}})
        + "\n",
        encoding="utf-8",
    )
    index = tmp_path / "report.html"
    assert main(["report", str(out_jsonl), "-o", str(index)]) == 0
    page = index.read_text(encoding="utf-8")
    parsed = parse(page)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert f"<td>{len(summary.claims)}</td>" in page and "&lt;b&gt;503&lt;/b&gt;" in page
    assert (tmp_path / "report" / "00001.html").exists()
    assert not (tmp_path / "report" / "00002.html").exists()


class MarkTexts(HTMLParser):
    """The article's marks as (data-items, text): what a reader sees highlighted."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        items = dict(attrs).get("data-items")
        if tag == "mark" and items is not None:
            self._open = items
            self.marks.append((items, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            items, text = self.marks[-1]
            self.marks[-1] = (items, text + data)


def cue_marks(page: str, claim_id: str, party: str) -> list[tuple[str, str]]:
    parser = MarkTexts()
    parser.feed(page)
    return [(i, t) for i, t in parser.marks if f" cue-{party}-claim-{claim_id} " in i]


def test_cue_words_are_marked_inside_their_claims_evidence():
    summary, text = replayed("nk-missiles-russia.it")
    page = render_html(summary, text)
    checked = 0
    for claim in summary.claims:
        evidence = [text[e.span.start : e.span.end].lower() for e in claim.evidence if e.span]
        for party, f in (("author", claim.author), ("source", claim.source)):
            marked = cue_marks(page, claim.id, party) if f else []
            assert all(f" claim-{claim.id} " in items for items, _ in marked)  # inside evidence
            shown = " ".join(t for _, t in marked).lower()
            for cue in f.cues if f else []:
                if any(cue.lower() in quote for quote in evidence):
                    assert cue.lower() in shown, (claim.id, party, cue)
                    checked += 1
    assert checked >= 10  # the reference article's cues really are found and marked
    c1 = summary.claims[0]
    assert [t for _, t in cue_marks(page, c1.id, "author")] == c1.author.cues == ["avrebbe colpito"]


def test_a_cue_missing_from_its_evidence_is_said(article_it):
    summary, text = replayed("nk-missiles-russia.it")
    summary.claims[0].author.cues.append("parola inventata")
    page = render_html(summary, text)
    assert not cue_marks(page, summary.claims[0].id, "author")[1:]
    detail = page.split(f'id="detail-claim-{summary.claims[0].id}"')[1].split("</div>")[0]
    assert 'parola inventata</mark> <span class="flag">(not in its evidence)</span>' in detail
    assert detail.count("(not in its evidence)") == 1


def test_hostile_cue_words_stay_text(article_it):
    summary, text = replayed("nk-missiles-russia.it", HOSTILE + article_it)
    hostile_line = HOSTILE.strip()
    claim = summary.claims[0]
    claim.evidence[0].span = Span(start=0, end=len(hostile_line), text=hostile_line, status="exact")
    cues = ["<img src=x onerror=alert(2)>", "</textarea>", '<a href="javascript:alert(3)">']
    claim.author.cues = cues
    claim.source = claim.source or claim.author
    claim.source.cues = ["<script>alert(1)</script>"]
    page = render_html(summary, text)
    parsed = parse(page)
    assert parsed.scripts == 1
    assert not {"img", "a", "svg", "textarea"} & set(parsed.tags)
    assert not [k for k, _ in parsed.attrs if k.startswith("on")]
    assert "javascript:" not in " ".join(v or "" for _, v in parsed.attrs)
    assert [t for _, t in cue_marks(page, claim.id, "author")] == [cues[1], cues[0], cues[2]]
    assert [t for _, t in cue_marks(page, claim.id, "source")] == ["<script>alert(1)</script>"]


def test_batch_pages_show_the_stored_text_or_say_it_was_not_stored(tmp_path):
    summary, text = replayed("gm-bankruptcy-126878.en")
    with_text = summary.model_copy(update={"text": text, "title": "GM <files>"})
    lines = [
        {"id": "with", "summary": json.loads(with_text.model_dump_json())},
        # an OUT line written before summaries stored their text
        {
            "id": "without",
            "summary": json.loads(summary.model_copy(update={"text": None}).model_dump_json()),
        },
    ]
    out_jsonl = tmp_path / "out.jsonl"
    out_jsonl.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert main(["report", str(out_jsonl), "-o", str(tmp_path / "report.html")]) == 0
    index = (tmp_path / "report.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', index)
    assert links == [("report/00001.html", "with"), ("report/00002.html", "without")]
    assert "<td>marked</td>" in index and "<td>not stored</td>" in index
    shown = (tmp_path / "report" / "00001.html").read_text(encoding="utf-8")
    assert len(parse(shown).marks) > 0 and "was not stored" not in shown
    assert "<title>with: GM &lt;files&gt;</title>" in shown
    missing = (tmp_path / "report" / "00002.html").read_text(encoding="utf-8")
    assert parse(missing).marks == [] and "the article text was not stored" in missing
