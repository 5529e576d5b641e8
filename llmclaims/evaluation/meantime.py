"""Read a MEANTIME NAF-style XML file into the gold format.

MEANTIME gives tokens without offsets, so the text is rebuilt by joining tokens with one
space and sentences with a newline; spans are offsets into that rebuilt text. The TIMEX3
with functionInDocument=CREATION_TIME gives the publication date.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import InputError
from .gold import GoldArticle, GoldEvent, GoldTimex, Span


def read_meantime(path: Path) -> GoldArticle:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read MEANTIME file {path.name}: {exc}") from exc
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    cursor, sentence = 0, None
    for token in root.iter("token"):
        if pieces:
            sep = " " if token.get("sentence") == sentence else "\n"
            pieces.append(sep)
            cursor += 1
        sentence = token.get("sentence")
        word = token.text or ""
        offsets[token.get("t_id", "")] = (cursor, cursor + len(word))
        pieces.append(word)
        cursor += len(word)

    def span_of(element: ET.Element) -> Span | None:
        ids = [a.get("t_id", "") for a in element.iter("token_anchor")]
        found = [offsets[i] for i in ids if i in offsets]
        if not found:
            return None
        return Span(start=min(s for s, _ in found), end=max(e for _, e in found))

    markables = root.find("Markables")
    if markables is None:
        raise InputError(f"MEANTIME file {path.name} has no Markables")
    timexes: list[GoldTimex] = []
    date: str | None = None
    for timex in markables.iter("TIMEX3"):
        span = span_of(timex)
        if timex.get("functionInDocument") == "CREATION_TIME":
            date = timex.get("value")
        if span is not None:
            timexes.append(
                GoldTimex(span=span, type=timex.get("type", ""), value=timex.get("value", ""))
            )
    events = []
    for mention in markables.iter("EVENT_MENTION"):
        span = span_of(mention)
        if span is not None:
            events.append(
                GoldEvent(
                    span=span,
                    certainty=mention.get("certainty") or None,
                    polarity=mention.get("polarity") or None,
                )
            )
    return GoldArticle(
        id=root.get("doc_id", path.stem),
        text="".join(pieces),
        publication_date=date,
        timexes=timexes,
        events=events,
    )


def project_onto(article: GoldArticle, text: str) -> GoldArticle:
    """Move the spans of a MEANTIME article onto the original (untokenized) text.

    Each span's tokens are searched in order with optional whitespace between them, so
    "March 01 , 2008" finds "March 01, 2008"; a span not found is dropped (that loses gold,
    so callers should compare counts).
    """

    def moved(span: Span, cursor: int) -> Span | None:
        words = article.text[span.start : span.end].split()
        pattern = re.compile(r"\s*".join(re.escape(w) for w in words))
        found = pattern.search(text, cursor) or pattern.search(text)
        return Span(start=found.start(), end=found.end()) if found else None

    timexes, events, cursor = [], [], 0
    for timex in sorted(article.timexes, key=lambda t: t.span.start):
        span = moved(timex.span, cursor)
        if span is not None:
            timexes.append(timex.model_copy(update={"span": span}))
            cursor = span.start
    cursor = 0
    for event in sorted(article.events, key=lambda e: e.span.start):
        span = moved(event.span, cursor)
        if span is not None:
            events.append(event.model_copy(update={"span": span}))
            cursor = span.start
    return article.model_copy(update={"text": text, "timexes": timexes, "events": events})
