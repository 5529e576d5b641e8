"""Document-level anchoring: the reference time of each dated item of one article.

An anaphoric expression ("that day", "the following week", "il giorno dopo", "dos días
después") needs the time the article was last talking about. For a list of expressions of
one article, each with its position, :func:`document_references` gives the reference to
pass to ``normalize_date(..., reference=)``: the last calendar DATE value (a day, week,
month, quarter, half, season or year) that the normalizer itself found for an expression
earlier in the text. Our own values, never the model's, so a wrong value the model gave
cannot vouch for the next one. Deictic expressions ("yesterday", "next month") ignore it.

Measured with ``python benchmarks/timex_normalization.py --json`` (every gold DATE as an
entry, so an upper bound for a timeline that lists fewer dates): DATE accuracy with the
sentence 0.8556 -> 0.8803 on MEANTIME, 0.8854 -> 0.8854 on TempEval-3. Cost: one
``normalize_date`` per expression, cached.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from .normalize import normalize_date
from .reference import _parse_reference


def document_references(
    entries: Sequence[tuple[int | None, str, str | None]],
    published: _dt.date | None,
    lang: str | None,
) -> list[str | None]:
    """The reference for each ``(position, expression, sentence)`` entry, in input order.

    Entries are visited in text order (by position); an entry without a position (its
    expression is not in the article) gets no reference and anchors nothing. Without a
    publication date there is nothing to anchor to: every reference is None.
    """
    references: list[str | None] = [None] * len(entries)
    if published is None:
        return references
    placed = sorted((pos, i) for i, (pos, _, _) in enumerate(entries) if pos is not None)
    last: str | None = None
    for _, i in placed:
        _, expression, sentence = entries[i]
        references[i] = last
        found = normalize_date(expression, published, lang, context=sentence, reference=last)
        if found.type == "DATE" and found.value and _parse_reference(found.value) is not None:
            last = found.value
    return references
