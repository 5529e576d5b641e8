"""From the model's answer to a checked `ArticleSummary`: the trust layer's seam.

Everything deterministic happens here, after the model and on every cache hit: evidence is
located in the article to character offsets, items whose evidence cannot be found are handled by
the grounding policy (never silently), and the metadata records what the article cost.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from .dates import is_timex3_value, normalize_date
from .grounding import locate_evidence, sentence_around
from .hedging import check_cues
from .models import (
    ArticleSummary,
    Claim,
    Dropped,
    Evidence,
    Metadata,
    Source,
    Span,
    TimelineEntry,
)
from .wire import WireArticle

if TYPE_CHECKING:
    from .cache import CachedAnswer
    from .config import Settings
    from .prompts import Prompt
    from .transport import CallStats

UNGROUNDED = "ungrounded"


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
        self._found: dict[str, Span | None] = {}

    def find(self, quote: str) -> Span | None:
        if quote not in self._found:
            self._found[quote] = locate_evidence(quote, self.text)
        return self._found[quote]

    def missing(self, wire: WireArticle) -> list[str]:
        quotes = [q for item in _items(wire) for q in item.evidence]
        return list(dict.fromkeys(q for q in quotes if self.find(q) is None))

    def check(self, wire: WireArticle) -> None:
        if self.stats is not None and self.stats.responses > self.reasks:
            return
        missing = self.missing(wire)
        if missing:
            listed = "; ".join(repr(q) for q in missing[:20])
            raise ValueError(
                "these evidence quotes do not occur in the article; copy each one exactly "
                f"from the article text, or remove it: {listed}"
            )


def _items(wire: WireArticle) -> list[Any]:
    return [*wire.sources, *wire.claims, *wire.timeline]


def _evidence(quotes: list[str], grounder: Grounder) -> list[Evidence]:
    return [Evidence(quote=q, span=grounder.find(q)) for q in quotes]


def _cue_flags(claim: Any, evidence: list[dict[str, Any]], text: str, lang: str) -> list[str]:
    """Check each party's reported cues against the claim's evidence and its sentences.

    Flags are prefixed with the party (`author:` / `source:`) so a reader knows whose
    commitment looks wrong. A hedge in the evidence that the author's commitment already
    accounts for (the journalistic conditional over a source's firm statement) is the
    author's, so it does not make the source's `certain` suspicious.
    """
    spans = [e["span"] for e in evidence if e["span"] is not None]
    if not spans:
        return []
    evidence_text = " … ".join(span["text"] for span in spans)
    sentences = dict.fromkeys(sentence_around(text, sp["start"], sp["end"]) for sp in spans)
    sentence_text = " ".join(text[a:b] for a, b in sentences)
    flags = [f"author:{f}" for f in check_cues(claim.author, evidence_text, sentence_text, lang)]
    if claim.source is not None:
        source = check_cues(claim.source, evidence_text, sentence_text, lang)
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
) -> tuple[str | None, str | None, list[str]]:
    """Cross-check the model's TIMEX3 value with `normalize_date`; return (value, normalized,
    flags).

    `context` is the sentence around the entry's evidence (it lets the normalizer read the
    tense: "on Friday" in a sentence about the past).

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
    normalized = normalize_date(expression, published=published, lang=lang, context=context).value
    flags: list[str] = []
    value = model_value
    if model_value is None:
        value = normalized
    elif not is_timex3_value(model_value):
        flags.append("date_malformed")
        value = normalized
    elif published is None and any(
        year not in expression for year in _YEAR.findall(model_value)
    ):
        flags.append("date_invented_year")
        value = normalized
    if normalized is not None and value != normalized:
        flags.append("date_disagreement")
    return value, normalized, flags


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
    wire = answer.wire
    policy = settings.grounding
    dropped: list[Dropped] = []

    def ground(item: Any, kind: str, ident: str) -> tuple[dict[str, Any], list[str]] | None:
        evidence = _evidence(item.evidence, grounder)
        flags: list[str] = []
        if any(e.span is None for e in evidence):
            if policy == "strict":
                kept = [e for e in evidence if e.span is not None]
                if not kept:
                    dropped.append(
                        Dropped(
                            kind=kind,  # type: ignore[arg-type]
                            id=ident,
                            reason="no evidence quote was found in the article",
                            item=item.model_dump(),
                        )
                    )
                    return None
                evidence = kept
            elif policy == "flag":
                flags.append(UNGROUNDED)
        data = item.model_dump()
        data["evidence"] = [e.model_dump() for e in evidence]
        return data, flags

    sources: list[Source] = []
    for s in wire.sources:
        grounded = ground(s, "source", s.id)
        if grounded is not None:
            data, flags = grounded
            sources.append(Source.model_validate({**data, "flags": flags}))
    kept_sources = {s.id for s in sources}
    for s in sources:
        if s.via is not None and s.via not in kept_sources:
            s.via = None

    claims: list[Claim] = []
    for c in wire.claims:
        grounded = ground(c, "claim", c.id)
        if grounded is not None:
            data, flags = grounded
            data["source_ids"] = [i for i in c.source_ids if i in kept_sources]
            flags += _cue_flags(c, data["evidence"], text, wire.language)
            claims.append(Claim.model_validate({**data, "flags": flags}))
    kept_claims = {c.id for c in claims}

    timeline: list[TimelineEntry] = []
    for i, t in enumerate(wire.timeline):
        grounded = ground(t, "timeline", f"T{i + 1}")
        if grounded is not None:
            data, flags = grounded
            data["claim_ids"] = [i for i in t.claim_ids if i in kept_claims]
            spans = [e["span"] for e in data["evidence"] if e["span"] is not None]
            context = text[slice(*sentence_around(text, spans[0]["start"], spans[0]["end"]))] if (
                spans) else None
            value, normalized, date_flags = resolve_date(
                t.expression, t.value, published, wire.language, context=context
            )
            timeline.append(
                TimelineEntry.model_validate({
                    **data, "value": value, "model_value": t.value, "normalized": normalized,
                    "flags": flags + date_flags,
                })
            )

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
        created_at=answer.created_at,
    )
    return ArticleSummary(
        language=wire.language,
        sources=sources,
        claims=claims,
        timeline=timeline,
        metadata=metadata,
        dropped=dropped,
    )
