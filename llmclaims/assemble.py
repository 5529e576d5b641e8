"""From the model's answer to a checked `ArticleSummary`: the trust layer's seam.

Everything deterministic happens here, after the model and on every cache hit: evidence is
located in the article to character offsets, items whose evidence cannot be found are handled by
the grounding policy (never silently), and the metadata records what the article cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from . import languages
from .claim_checks import claim_flags
from .dates import document_references, is_timex3_value, normalize_date
from .grounding import evidence_too_short, locate_evidence, sentence_around
from .hedging import CueTexts
from .links import repair_links
from .models import (
    ArticleSummary,
    Claim,
    Dropped,
    Metadata,
    Source,
    Span,
    TimelineEntry,
)
from .wire import WireArticle, WireClaim, WireFactuality

if TYPE_CHECKING:
    from .cache import CachedAnswer
    from .config import Settings
    from .prompt_files import Prompt
    from .transport import CallStats

UNGROUNDED = "ungrounded"
FUZZY_MATCH = "fuzzy_match"
EVIDENCE_TOO_SHORT = "evidence_too_short"


class Grounder:
    """Finds quotes in one article, remembering results so each quote is searched once.

    `check` runs inside instructor's validation (it is passed in the validation context): when
    quotes are missing and re-asks remain, it raises with the exact quotes, so the model is asked
    again; on the last attempt it lets the answer through and the policy decides.
    """

    def __init__(self, text: str, reasks: int = 0, stats: CallStats | None = None) -> None:
        self.text = text
        self.reasks = reasks
        self.stats = stats
        self._found: dict[tuple[str, str | None], Span | None] = {}
        # The schema-valid answer with the fewest missing quotes so far: if a later re-ask
        # comes back malformed, this paid answer is used (its gaps go to the grounding policy).
        self.best: WireArticle | None = None
        self._best_missing = -1

    def find(self, quote: str, lang: str | None = None) -> Span | None:
        """`lang`, the answer's language, picks the word lists the fuzzy tier protects."""
        key = quote, lang
        if key not in self._found:
            self._found[key] = locate_evidence(quote, self.text, lang=lang)
        return self._found[key]

    def missing(self, wire: WireArticle) -> list[str]:
        quotes = [q for item in _items(wire) for q in item.evidence]
        return list(dict.fromkeys(q for q in quotes if self.find(q, wire.language) is None))

    def check(self, wire: WireArticle) -> None:
        if self.stats is not None and self.stats.responses > self.reasks:
            return
        missing = self.missing(wire)
        if self._best_missing < 0 or len(missing) < self._best_missing:
            self.best, self._best_missing = wire, len(missing)
        if missing:
            raise ValueError(
                "these evidence quotes do not occur in the article; copy each one exactly "
                f"from the article text, or remove it: {_listed(missing)}"
            )


def _listed(quotes: list[str], limit: int = 20, chars: int = 200) -> str:
    """The missing quotes for a re-ask, each cut to `chars`: quoting a 1 MB invented quote in
    full made every following request megabytes larger."""
    shown = [q if len(q) <= chars else q[:chars] + "…" for q in quotes[:limit]]
    more = f" (and {len(quotes) - limit} more)" if len(quotes) > limit else ""
    return "; ".join(repr(q) for q in shown) + more


def _items(wire: WireArticle) -> list[Any]:
    return [*wire.sources, *wire.claims, *wire.timeline]


# --------------------------------------------------------------------------- building models

# Each public item is validated once, from the wire item's own field values plus what the
# library adds (evidence with spans, flags), not from a `model_dump` of the wire item: the
# objects are the same, without a round trip through dicts.


def _wire_values(item: BaseModel) -> dict[str, Any]:
    """The item's field values (validation copies the lists)."""
    names, values = _field_getter(type(item))
    return dict(zip(names, values(item), strict=True))


@cache
def _field_getter(cls: type[BaseModel]) -> tuple[tuple[str, ...], Callable[[Any], tuple]]:
    """A class's field names, and a function reading them all from an instance at once."""
    names = tuple(cls.model_fields)
    if len(names) == 1:
        return names, lambda item: (getattr(item, names[0]),)
    return names, attrgetter(*names)


def _factuality(f: WireFactuality) -> dict[str, Any]:
    return {
        "certainty": f.certainty,
        "polarity": f.polarity,
        "evidential": f.evidential,
        "cues": f.cues,
    }


# --------------------------------------------------------------------------- checks


def _span_flags(spans: list[Span], lang: str, kind: str) -> list[str]:
    """A quote found only by the fuzzy tier is not the article's words: the reader is told
    (its `differences` say how). Evidence of function words only, or of one word for a claim
    or a timeline entry, grounds anything at all, so it does not count as support without a
    flag (a source may be pointed at by its name alone: "Reuters")."""
    flags = []
    if any(span.status == "fuzzy" for span in spans):
        flags.append(FUZZY_MATCH)
    min_words = 1 if kind == "source" else 2
    if any(evidence_too_short(span.text, lang, min_words=min_words) for span in spans):
        flags.append(EVIDENCE_TOO_SHORT)
    return flags


def _cue_flags(claim: WireClaim, spans: list[Span], text: str, lang: str) -> list[str]:
    """Check each party's reported cues against the claim's evidence and its sentences.

    Flags are prefixed with the party (`author:` / `source:`) so a reader knows whose
    commitment looks wrong. A hedge in the evidence that the author's commitment already
    accounts for (the journalistic conditional over a source's firm statement) is the
    author's, so it does not make the source's `certain` suspicious.

    `spans` are the claim's found evidence spans. The work is the claim's own: the article's
    sentence offsets are computed once per article (`sentence_around`), and the evidence and
    sentence texts are normalized and searched for cues once per claim (`CueTexts`), for
    both parties.
    """
    if not spans:
        return []
    evidence_text = " … ".join(span.text for span in spans)
    sentences = dict.fromkeys(sentence_around(text, sp.start, sp.end) for sp in spans)
    sentence_text = " ".join(text[a:b] for a, b in sentences)
    texts = CueTexts(evidence_text, sentence_text, lang)
    flags = [f"author:{f}" for f in texts.check(claim.author)]
    if claim.source is not None:
        source = texts.check(claim.source)
        if claim.author.certainty != "certain" and claim.author.cues:
            source = [f for f in source if f != "unflagged_hedge"]
        flags += [f"source:{f}" for f in source]
    return flags


_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def resolve_date(
    expression: str,
    model_value: str | None,
    published: date | None,
    lang: str,
    *,
    context: str | None = None,
    reference: str | None = None,
) -> tuple[str | None, str | None, list[str]]:
    """Cross-check the model's TIMEX3 value with `normalize_date`; return (value, normalized,
    flags).

    `context` is the sentence around the entry's evidence (it lets the normalizer read the
    tense: "on Friday" in a sentence about the past); `reference` the last date the
    normalizer found earlier in the article (`llmclaims.dates.document_references`), for
    anaphoric expressions such as "that day" or "the following week".

    The rule: the model's value stands (it read the whole article, and resolves references
    such as "that day" that no rule can), unless
    - it is not a TIMEX3 value at all -> the normalizer's value, flag `date_malformed`;
    - it states a year that neither the expression nor a publication date gives (no
      publication date, and a year absent from the expression) -> the normalizer's value,
      flag `date_invented_year`;
    - the model gave no value -> the normalizer's.
    Whenever the normalizer found a value that differs from the one kept, the entry is
    flagged `date_disagreement` and both opinions stay visible (`model_value`, `normalized`).
    """
    normalized = normalize_date(
        expression, published=published, lang=lang, context=context, reference=reference
    ).value
    flags: list[str] = []
    value = model_value
    if model_value is None:
        value = normalized
    elif not is_timex3_value(model_value):
        flags.append("date_malformed")
        value = normalized
    elif published is None and any(year not in expression for year in _YEAR.findall(model_value)):
        flags.append("date_invented_year")
        value = normalized
    if normalized is not None and value != normalized:
        flags.append("date_disagreement")
    return value, normalized, flags


def locate_expression(expression: str, spans: list[Span], text: str) -> Span | None:
    """Where a timeline expression stands: inside one of its evidence spans first (the
    occurrence the model meant), else anywhere in the article; None when the article does not
    contain it. Offsets are the article's, like every span."""
    for span in spans:
        inner = locate_evidence(expression, span.text)
        if inner is not None:
            return inner.model_copy(
                update={"start": span.start + inner.start, "end": span.start + inner.end}
            )
    return locate_evidence(expression, text)


def assemble(
    text: str,
    published: date | None,
    answer: CachedAnswer,
    settings: Settings,
    prompt: Prompt,
    *,
    cached: bool,
    grounder: Grounder | None = None,
) -> ArticleSummary:
    """Build the public summary: locate evidence, apply the grounding policy, add metadata."""
    grounder = grounder or Grounder(text)
    wire, link_flags = repair_links(answer.wire)
    policy = settings.grounding
    dropped: list[Dropped] = []

    def ground(item: Any, kind: str, ident: str) -> tuple[dict[str, Any], list[Span]] | None:
        """The item's fields with its evidence located and its grounding flags, and the spans
        found; None when the policy drops it."""
        found = [(quote, grounder.find(quote, wire.language)) for quote in item.evidence]
        flags: list[str] = []
        if any(span is None for _, span in found):
            if policy == "strict":
                found = [(quote, span) for quote, span in found if span is not None]
                if not found:
                    dropped.append(
                        Dropped(
                            kind=kind,  # type: ignore[arg-type]
                            id=ident,
                            reason="no evidence quote was found in the article",
                            item=item.model_dump(),
                        )
                    )
                    return None
            elif policy == "flag":
                flags.append(UNGROUNDED)
        spans = [span for _, span in found if span is not None]
        flags += _span_flags(spans, wire.language, kind)
        values = _wire_values(item)
        values["evidence"] = [{"quote": q, "span": sp} for q, sp in found]
        values["flags"] = flags + link_flags.get((kind, ident), []) if link_flags else flags
        return values, spans

    sources: list[Source] = []
    for s in wire.sources:
        grounded = ground(s, "source", s.id)
        if grounded is not None:
            sources.append(Source.model_validate(grounded[0]))
    kept_sources = {s.id for s in sources}
    for s in sources:
        if s.via is not None and s.via not in kept_sources:
            s.via = None

    # Without a module for the article's language the lexicon and negation checks have no words
    # to read: they are skipped, and the summary says so once, rather than raising flags that
    # would mean nothing. Grounding, numbers, names and dates do not need one.
    known_language = languages.for_code(wire.language) is not None
    notes = (
        []
        if known_language
        else [
            f"no language module for {wire.language!r}: hedge-lexicon and negation checks "
            "skipped (unflagged_hedge, negation_ignored, negative_without_cue)"
        ]
    )
    claims: list[Claim] = []
    for c in wire.claims:
        grounded = ground(c, "claim", c.id)
        if grounded is not None:
            values, spans = grounded
            values["source_ids"] = [i for i in c.source_ids if i in kept_sources]
            values["author"] = _factuality(c.author)
            values["source"] = _factuality(c.source) if c.source is not None else None
            values["flags"] += _cue_flags(c, spans, text, wire.language)
            values["flags"] += claim_flags(
                c, [sp.text for sp in spans], text, published, negations=known_language
            )
            claims.append(Claim.model_validate(values))
    kept_claims = {c.id for c in claims}

    entries = []
    for i, t in enumerate(wire.timeline):
        grounded = ground(t, "timeline", f"T{i + 1}")
        if grounded is not None:
            values, spans = grounded
            values["claim_ids"] = [i for i in t.claim_ids if i in kept_claims]
            context = (
                text[slice(*sentence_around(text, spans[0].start, spans[0].end))]
                if (spans)
                else None
            )
            entries.append((t, values, context, locate_expression(t.expression, spans, text)))
    # Anaphoric dates ("that day") are read against the last date found earlier in the text.
    references = document_references(
        [(sp.start if sp else None, t.expression, ctx) for t, _, ctx, sp in entries],
        published,
        wire.language,
    )
    timeline: list[TimelineEntry] = []
    for (t, values, context, expression_span), reference in zip(entries, references, strict=True):
        value, normalized, date_flags = resolve_date(
            t.expression, t.value, published, wire.language, context=context, reference=reference
        )
        if expression_span is None:
            date_flags.append("expression_not_found")
        if normalized is None:
            date_flags.append("date_unverified")
        values.update(
            value=value,
            expression_span=expression_span,
            model_value=t.value,
            normalized=normalized,
            flags=values["flags"] + date_flags,
        )
        timeline.append(TimelineEntry.model_validate(values))

    metadata = Metadata(
        model=answer.model,
        endpoint=settings.endpoint,
        mode=settings.mode,
        prompt_version=prompt.version,
        published=published,
        usage=answer.usage,
        requests=0 if cached else answer.requests,
        reasks=answer.reasks,
        transport_retries=answer.transport_retries,
        cached=cached,
        created_at=answer.created_at,  # type: ignore[arg-type]  # ISO text: pydantic parses it
        notes=notes,
    )
    return ArticleSummary(
        language=wire.language,
        sources=sources,
        claims=claims,
        timeline=timeline,
        metadata=metadata,
        dropped=dropped,
        text=text,  # what every span's offsets refer to, so a span can always be shown
    )
