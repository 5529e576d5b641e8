"""One self-contained HTML page per summary: the article with its evidence marked in place.

Why self-contained: reviewers open it from a file:// URL or a mail attachment, offline, so there
is no CDN, no font, no fetch. Why data attributes instead of embedded JSON: text from the article
or the model never enters a <script>, so a `</script>` in an article cannot break out of one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from jinja2 import Environment, PackageLoader, select_autoescape

from ..models import ArticleSummary, Evidence

_ENV = Environment(
    loader=PackageLoader("llmclaims.render", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_PALETTE = 8  # source colours cycle through CSS classes src-0 .. src-7


@dataclass
class Segment:
    """A run of article text covered by the same set of evidence spans."""

    text: str
    items: list[str] = field(default_factory=list)
    colour: int | None = None


def _located(summary: ArticleSummary) -> list[tuple[int, int, str, int | None]]:
    """Every located span as (start, end, item id, source colour)."""
    colours = {s.id: i % _PALETTE for i, s in enumerate(summary.sources)}
    spans: list[tuple[int, int, str, int | None]] = []

    def add(item: str, evidence: list[Evidence], source_ids: list[str]) -> None:
        colour = next((colours[s] for s in source_ids if s in colours), None)
        for ev in evidence:
            if ev.span is not None and ev.span.end > ev.span.start:
                spans.append((ev.span.start, ev.span.end, item, colour))

    for source in summary.sources:
        add(f"source-{source.id}", source.evidence, [source.id])
    for claim in summary.claims:
        add(f"claim-{claim.id}", claim.evidence, list(claim.source_ids))
    for n, entry in enumerate(summary.timeline):
        add(f"time-{n}", entry.evidence, [])
    return spans


def segments(text: str, summary: ArticleSummary) -> list[Segment]:
    """Cut the text at every span boundary so overlapping evidence still nests in valid HTML."""
    spans = [s for s in _located(summary) if s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        colour = next((s[3] for s in covering if s[3] is not None), None)
        out.append(Segment(text[a:b], [s[2] for s in covering], colour))
    return out


def render_html(summary: ArticleSummary, text: str | None = None, *, title: str = "") -> str:
    """The review page; without `text` it lists the evidence quotes instead of the article."""
    return _ENV.get_template("summary.html.j2").render(
        s=summary,
        title=title or "llmclaims review",
        segments=segments(text, summary) if text is not None else None,
        colours={src.id: i % _PALETTE for i, src in enumerate(summary.sources)},
        timeline=sorted(
            enumerate(summary.timeline), key=lambda t: (t[1].value is None, t[1].value or "")
        ),
        names={src.id: src.name or src.kind for src in summary.sources},
    )


def render_index(rows: list[dict[str, object]], *, title: str = "llmclaims batch") -> str:
    """A batch's index: one row per article (id, counts, failure, link to its page)."""
    return _ENV.get_template("index.html.j2").render(rows=rows, title=title)
