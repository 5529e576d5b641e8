"""Markdown for terminals, pull requests and notebooks.

Model and article strings are escaped so a claim containing `*`, `|`, `<` or a link cannot
change the document's structure or smuggle HTML into a renderer that allows it.
"""

from __future__ import annotations

import html
import re

from ..models import ArticleSummary, Factuality

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md(value: object) -> str:
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(str(value).split()), quote=False))


def _commitment(label: str, f: Factuality) -> str:
    cues = ", ".join(_md(c) for c in f.cues) or "—"
    return f"{label}: {f.certainty}/{f.polarity}, {f.hedging} hedging (cues: {cues})"


def render_markdown(summary: ArticleSummary) -> str:
    names = {s.id: s.name or s.kind for s in summary.sources}
    lines = [
        f"## {len(summary.claims)} claims, {len(summary.sources)} sources, "
        f"{len(summary.timeline)} dated events ({_md(summary.language)})",
        "",
        "### Claims",
        "",
    ]
    for claim in summary.claims:
        who = ", ".join(_md(names.get(i, i)) for i in claim.source_ids) or "the article"
        lines.append(f"- **{_md(claim.text)}** — {who}")
        lines.append(f"  - {_commitment('author', claim.author)}")
        if claim.source is not None:
            lines.append(f"  - {_commitment('source', claim.source)}")
        for ev in claim.evidence:
            where = f"@{ev.span.start}–{ev.span.end} ({ev.span.status})" if ev.span else "NOT FOUND"
            lines.append(f"  - “{_md(ev.quote)}” {where}")
        if claim.flags:
            lines.append(f"  - ⚠ {', '.join(_md(f) for f in claim.flags)}")
    lines += [
        "",
        "### Sources",
        "",
        "| id | name | kind | role | via | flags |",
        "|---|---|---|---|---|---|",
    ]
    for s in summary.sources:
        cells = (s.id, s.name or "", s.kind, s.role or "", s.via or "", ", ".join(s.flags))
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    lines += ["", "### Timeline", "", "| value | expression | event | flags |", "|---|---|---|---|"]
    for t in sorted(summary.timeline, key=lambda t: (t.value is None, t.value or "")):
        row = (t.value or "?", t.expression, t.event, ", ".join(t.flags))
        lines.append("| " + " | ".join(_md(c) for c in row) + " |")
    m = summary.metadata
    lines += [
        "",
        f"_{_md(m.model)} · prompt {_md(m.prompt_version)} · {m.usage.total_tokens} tokens · "
        f"{m.requests} request(s){' · cached' if m.cached else ''}_",
        "",
    ]
    return "\n".join(lines)
