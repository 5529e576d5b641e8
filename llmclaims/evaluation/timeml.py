"""Read a TempEval-3 TimeML file into the gold format.

The text is the content of <TEXT> with tags removed, so offsets match what an extractor sees;
the DCT TIMEX3 gives the publication date.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import InputError
from .gold import GoldArticle, GoldEvent, GoldTimex, Span


def read_timeml(path: Path) -> GoldArticle:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read TimeML file {path.name}: {exc}") from exc
    body = root.find("TEXT")
    if body is None:
        raise InputError(f"TimeML file {path.name} has no TEXT")
    pieces: list[str] = [body.text or ""]
    cursor = len(pieces[0])
    timexes: list[GoldTimex] = []
    events: list[GoldEvent] = []
    for child in body:
        inner = "".join(child.itertext())
        span = Span(start=cursor, end=cursor + len(inner)) if inner else None
        if span is not None and child.tag == "TIMEX3":
            timexes.append(
                GoldTimex(span=span, type=child.get("type", ""), value=child.get("value", ""))
            )
        elif span is not None and child.tag == "EVENT":
            events.append(GoldEvent(span=span))
        pieces.append(inner + (child.tail or ""))
        cursor += len(inner) + len(child.tail or "")
    dct = root.find("DCT/TIMEX3")
    docid = root.findtext("DOCID") or path.stem
    return GoldArticle(
        id=docid.strip(),
        text="".join(pieces),
        publication_date=dct.get("value") if dct is not None else None,
        timexes=timexes,
        events=events,
    )
