"""The public data model: what `summarize` returns and what users store.

Each public item extends its wire counterpart (`wire.py`) with what the library computes and
checks itself: character spans of the evidence, the derived hedging level, flags raised by the
trust checks, and the summary's provenance. Everything round-trips through JSON, so a summary
written to a JSONL file reads back as the same object.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .wire import WireArticle, WireClaim, WireFactuality, WireSource, WireTimelineEntry

HedgingLevel = Literal["none", "low", "medium", "high"]
MatchStatus = Literal["exact", "normalized", "fuzzy"]
GroundingPolicy = Literal["strict", "flag", "keep"]

_BY_CERTAINTY: dict[str, HedgingLevel] = {
    "certain": "none",
    "probable": "medium",
    "possible": "high",
    "unknown": "high",
}


def hedging_level(f: WireFactuality) -> HedgingLevel:
    """Derive the hedging level of one commitment.

    - certain, from the party's own knowledge (evidential `direct`) -> `none`
    - certain, but relayed or inferred (`reported` / `inferred`)   -> `low`
    - probable (conditional mood, "likely", "reportedly")          -> `medium`
    - possible or unknown ("may", "it is unclear")                 -> `high`
    An unknown polarity (the party does not say whether it is so) is at least `medium`.
    A firm denial is not a hedge: negative polarity does not raise the level.

    It lives here, beside `Factuality`, because it reads nothing but the commitment's own
    fields: the cue lexicon (`llmclaims.hedging`) imports the models, never the reverse.
    """
    level = _BY_CERTAINTY[f.certainty]
    if level == "none" and f.evidential != "direct":
        level = "low"
    if f.polarity == "unknown" and level in ("none", "low"):
        level = "medium"
    return level


DifferenceKind = Literal["case", "typography", "accent", "spelling", "added", "dropped", "elided"]


class Difference(BaseModel):
    """One way a quote differs from the article's words it was matched to: `quote` holds the
    quote's words ("" when it dropped some), `article` the article's ("" when the quote added
    some; for `elided`, the words an ellipsis stands for)."""

    model_config = ConfigDict(frozen=True)

    kind: DifferenceKind
    quote: str
    article: str


class Span(BaseModel):
    """Where a quote sits in the article; `text` is always the article's own characters.

    `differences` is empty for an exact match, so JSON written before it existed still loads.
    """

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    status: MatchStatus
    differences: list[Difference] = Field(default_factory=list)


class Evidence(BaseModel):
    """A quote as the model gave it, and where the library found it (None: not found)."""

    quote: str
    span: Span | None = None


class Factuality(WireFactuality):
    """A party's commitment to a claim, with a hedging level derived from it.

    `hedging` is recomputed from the other fields on every validation, so it can never
    disagree with them, whatever a stored JSON file says.
    """

    hedging: HedgingLevel = "none"

    @model_validator(mode="after")
    def _derive_hedging(self) -> Factuality:
        object.__setattr__(self, "hedging", hedging_level(self))
        return self


class Source(WireSource):
    evidence: list[Evidence]  # type: ignore[assignment]
    flags: list[str] = Field(default_factory=list)


class Claim(WireClaim):
    author: Factuality
    source: Factuality | None
    evidence: list[Evidence]  # type: ignore[assignment]
    flags: list[str] = Field(default_factory=list)


class TimelineEntry(WireTimelineEntry):
    """A dated event. `value` is the resolved value; `model_value` what the model proposed,
    `normalized` what the library's own normalizer computed, when it could. `expression_span` is
    where the expression itself stands in the article (inside its evidence when it can be found
    there): a date the article does not state is flagged, never passed on as if it did."""

    evidence: list[Evidence]  # type: ignore[assignment]
    expression_span: Span | None = None
    model_value: str | None = None
    normalized: str | None = None
    flags: list[str] = Field(default_factory=list)


class Usage(BaseModel):
    """Tokens billed, summed over every request made for the article (re-asks included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
        )


class Dropped(BaseModel):
    """An item removed by the `strict` grounding policy, kept here so nothing vanishes silently."""

    kind: Literal["claim", "source", "timeline"]
    id: str
    reason: str
    item: dict


class ChunkRecord(BaseModel):
    """One piece of a long article that was requested on its own (`llmclaims/chunking.py`):
    `text[start:end]` of the article, what its answer cost, and whether it came from the cache."""

    start: int
    end: int
    usage: Usage = Field(default_factory=Usage)
    requests: int = 0
    cached: bool = False


class Metadata(BaseModel):
    """How the summary was made: enough to reproduce it and to account for its cost."""

    model: str
    endpoint: str
    mode: str
    prompt_version: str
    published: date | None = None
    usage: Usage = Field(default_factory=Usage)
    requests: int = 0
    reasks: int = 0
    transport_retries: int = 0
    cached: bool = False
    created_at: datetime | None = None
    # Things the reader must know about how the checks ran (e.g. a language without a module, whose
    # language-specific checks were skipped), each said once.
    notes: list[str] = Field(default_factory=list)
    # The pieces of an article too long for one request, in order; empty when it took one.
    chunks: list[ChunkRecord] = Field(default_factory=list)


class ArticleSummary(BaseModel):
    """Claims, sources, hedging and timeline of one article, each tied to verbatim evidence."""

    language: str
    sources: list[Source]
    claims: list[Claim]
    timeline: list[TimelineEntry]
    metadata: Metadata
    dropped: list[Dropped] = Field(default_factory=list)
    # The exact text every span's offsets refer to, and where it came from, so a span can always be
    # shown. None in summaries written before the text was stored.
    text: str | None = None
    url: str | None = None
    title: str | None = None

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def claims_by(self, source_id: str) -> list[Claim]:
        return [c for c in self.claims if source_id in c.source_ids]

    def _repr_html_(self) -> str:
        """Jupyter shows the review page, on the article text when the summary stored it."""
        from .render import render_html

        return render_html(self)

    def _repr_markdown_(self) -> str:
        from .render import render_markdown

        return render_markdown(self)


__all__ = [
    "ArticleSummary",
    "ChunkRecord",
    "Claim",
    "Dropped",
    "Evidence",
    "Factuality",
    "GroundingPolicy",
    "HedgingLevel",
    "Metadata",
    "Source",
    "Span",
    "TimelineEntry",
    "Usage",
    "WireArticle",
]
