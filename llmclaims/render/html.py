"""One self-contained HTML page per summary: the article with its evidence marked in place.

Why self-contained: reviewers open it from a file:// URL or a mail attachment, offline, so there
is no CDN, no font, no fetch. Why data attributes instead of embedded JSON: text from the article
or the model never enters a <script>, so a `</script>` in an article cannot break out of one.

Cue words are marked where they stand inside the claim's own evidence (not anywhere in the
article: "non è chiaro" may occur twice, and only the occurrence in the evidence commits the
party), matched case-insensitively with any run of whitespace between words, because the model
copies cues from the text but not always its line breaks. A cue found in none of its claim's
evidence is listed as such: the model named a word the quote does not contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from jinja2 import Environment, PackageLoader, select_autoescape

from ..models import ArticleSummary, Claim, Evidence, Factuality

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


def _cue_pattern(cue: str) -> re.Pattern[str] | None:
    words = cue.split()
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE) if words else None


def _parties(claim: Claim) -> list[tuple[str, Factuality]]:
    return [(p, f) for p, f in (("author", claim.author), ("source", claim.source)) if f]


def cue_spans(text: str, summary: ArticleSummary) -> list[tuple[int, int, str, None]]:
    """Every occurrence of a claim's cue words inside that claim's located evidence, as spans
    with item id `cue-<party>-claim-<id>`."""
    spans: list[tuple[int, int, str, None]] = []
    for claim in summary.claims:
        located = [e.span for e in claim.evidence if e.span and e.span.end <= len(text)]
        for party, f in _parties(claim):
            for pattern in filter(None, map(_cue_pattern, f.cues)):
                for span in located:
                    for m in pattern.finditer(text, span.start, span.end):
                        spans.append((m.start(), m.end(), f"cue-{party}-claim-{claim.id}", None))
    return spans


def _cues_found(text: str, summary: ArticleSummary) -> set[tuple[str, str, str]]:
    """(claim id, party, cue) for every cue that stands in its claim's evidence."""
    found = set()
    for claim in summary.claims:
        evidence = [text[e.span.start : e.span.end] for e in claim.evidence if e.span]
        for party, f in _parties(claim):
            for cue in f.cues:
                pattern = _cue_pattern(cue)
                if pattern and any(pattern.search(quote) for quote in evidence):
                    found.add((claim.id, party, cue))
    return found


def segments(text: str, summary: ArticleSummary) -> list[Segment]:
    """Cut the text at every span boundary so overlapping evidence still nests in valid HTML."""
    spans = [s for s in _located(summary) if s[1] <= len(text)] + cue_spans(text, summary)
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        colour = next((s[3] for s in covering if s[3] is not None), None)
        out.append(Segment(text[a:b], [s[2] for s in covering], colour))
    return out


def render_html(summary: ArticleSummary, text: str | None = None, *, title: str = "") -> str:
    """The review page, on `text` or else the text the summary stored; with neither it says so
    and lists the evidence quotes instead of the article."""
    shown = text if text is not None else summary.text
    return _ENV.get_template("summary.html.j2").render(
        s=summary,
        title=title or summary.title or "llmclaims review",
        segments=segments(shown, summary) if shown is not None else None,
        cues_found=_cues_found(shown, summary) if shown is not None else None,
        colours={src.id: i % _PALETTE for i, src in enumerate(summary.sources)},
        timeline=sorted(
            enumerate(summary.timeline), key=lambda t: (t[1].value is None, t[1].value or "")
        ),
        names={src.id: src.name or src.kind for src in summary.sources},
    )


def render_index(rows: list[dict[str, object]], *, title: str = "llmclaims batch") -> str:
    """A batch's index: one row per article (id, counts, failure, link to its page)."""
    return _ENV.get_template("index.html.j2").render(rows=rows, title=title)
