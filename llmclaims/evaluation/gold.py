"""The gold format: one annotated article as JSON, validated with Pydantic.

Spans are character offsets into `text` (end exclusive) because both corpora and our
predictions can be mapped onto them, while token ids cannot be compared across tokenizers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from ..wire import Certainty, Evidential, Polarity


class Span(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    # The characters the offsets cover, written by the annotator: a gold file whose offsets
    # drift from its text is refused instead of scoring against the wrong words.
    text: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} must be after start {self.start}")
        return self


class GoldTimex(BaseModel):
    span: Span
    type: str
    value: str


class GoldEvent(BaseModel):
    """An event mention with its factuality (MEANTIME certainty/polarity, TimeML has none)."""

    span: Span
    certainty: str | None = None
    polarity: str | None = None


class GoldSource(BaseModel):
    id: str
    name: str | None = None
    kind: str = "person"
    named: bool = True
    via: str | None = None  # id of the source this one is reported through


class GoldFactuality(BaseModel):
    """One party's commitment, in the vocabulary of `llmclaims.models.Factuality`.

    `evidential` is optional because corpora rarely give it; without it the hedging level
    (which depends on it) is not scored.
    """

    certainty: Certainty
    polarity: Polarity
    evidential: Evidential | None = None


class GoldClaim(BaseModel):
    evidence: Span
    text: str | None = None  # the claim as the annotator stated it, for readers of the file
    source: str | None = None  # GoldSource.id; None: the author's own voice
    author: GoldFactuality | None = None
    source_factuality: GoldFactuality | None = None


class GoldArticle(BaseModel):
    id: str
    text: str
    publication_date: str | None = None
    # Who annotated it: "corpus" (a public corpus, moved onto `text`), "project" (this
    # project's own hand annotation), or "corpus+project" (corpus timexes and events, sources
    # and claims added by this project).
    annotation: Literal["corpus", "project", "corpus+project"] = "corpus"
    timexes: list[GoldTimex] = []
    events: list[GoldEvent] = []
    sources: list[GoldSource] = []
    claims: list[GoldClaim] = []

    @model_validator(mode="after")
    def _spans_inside_text(self) -> GoldArticle:
        spans = [t.span for t in self.timexes] + [e.span for e in self.events]
        spans += [c.evidence for c in self.claims]
        for span in spans:
            if span.end > len(self.text):
                raise ValueError(f"span {span.start}-{span.end} beyond text of {len(self.text)}")
            if span.text is not None and self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"span {span.start}-{span.end} covers "
                    f"{self.text[span.start : span.end]!r}, not {span.text!r}"
                )
        ids = {s.id for s in self.sources}
        for ref in [c.source for c in self.claims] + [s.via for s in self.sources]:
            if ref is not None and ref not in ids:
                raise ValueError(f"unknown source id {ref!r}")
        return self
