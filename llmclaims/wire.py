"""The schema the language model fills in, and nothing more.

Kept apart from the public models in `models.py` because the two have different masters: this one
must be accepted by OpenAI strict structured outputs and by local grammar engines (llama.cpp,
Ollama `format`, vLLM/xgrammar), so every field is required, optional means "union with null",
there are no defaults, no `allOf`, and no `$ref` with sibling keywords (hence no descriptions on
fields whose type is a model: the guidance for those lives on the model's own docstring).
Character offsets, derived hedging levels and checks are added by the library afterwards; the
model is never asked for what code can compute.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from .dates.values import Granularity

Certainty = Literal["certain", "probable", "possible", "unknown"]
Polarity = Literal["positive", "negative", "unknown"]
Evidential = Literal["direct", "reported", "inferred"]
SourceKind = Literal[
    "person", "official", "government", "organization", "media", "expert", "document", "author"
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WireFactuality(_Strict):
    """How firmly one party commits to a claim (FactBank / MEANTIME factuality)."""

    certainty: Certainty = Field(
        description="certain: asserted as fact; probable: conditional mood, 'likely', "
        "'reportedly'; possible: 'may', 'could', 'it is unclear'; unknown: cannot tell."
    )
    polarity: Polarity = Field(description="negative when the party denies the claim.")
    evidential: Evidential = Field(
        description="direct: the party's own observation or assertion; reported: relayed "
        "from someone else; inferred: concluded from other facts."
    )
    cues: list[str] = Field(
        description="Words copied verbatim from the article that express this commitment "
        "(e.g. 'avrebbe colpito', 'allegedly', 'non è chiaro', 'inconfutabili'). "
        "Empty when nothing marks it."
    )


class WireSource(_Strict):
    """Who asserts something in the article (PARC / PolNeAR attribution)."""

    id: str = Field(description="Short id such as 'S1', unique within the article.")
    name: str | None = Field(description="Name as written, null when anonymous.")
    kind: SourceKind
    named: bool = Field(description="False for anonymous sources ('a US official').")
    role: str | None = Field(description="Role or title as written, e.g. 'portavoce'.")
    affiliation: str | None = Field(description="Organization the source speaks for.")
    via: str | None = Field(
        description="Id of the source through which this one is reported (nested "
        "attribution: 'Kofman told the Washington Post' -> Kofman via the Post), else null."
    )
    evidence: list[str] = Field(
        description="Verbatim excerpts of the article that introduce this source."
    )


class WireClaim(_Strict):
    """One atomic, checkable statement the article makes or reports."""

    id: str = Field(description="Short id such as 'C1', unique within the article.")
    text: str = Field(
        description="The claim rewritten to stand alone (names instead of pronouns, "
        "explicit places and dates), in the article's language."
    )
    ambiguous: bool = Field(
        description="True when the article leaves the claim's meaning open; do not guess."
    )
    source_ids: list[str] = Field(
        description="Ids of the sources asserting it; the article's own voice is a source "
        "of kind 'author'."
    )
    author: WireFactuality
    source: WireFactuality | None
    evidence: list[str] = Field(
        description="Verbatim excerpts of the article supporting the claim, copied exactly."
    )


class WireTimelineEntry(_Strict):
    """A dated event, with its date as written and as a TIMEX3 value."""

    expression: str = Field(description="The time expression exactly as written.")
    value: str | None = Field(
        description="TIMEX3 value: '2024-01-04', '2023-11', '2023-12-30/2024-01-02', "
        "'2024-W01', 'P2Y', 'PAST_REF', 'XXXX-12-30' when the year is not known. Never "
        "invent a year that neither the text nor the publication date gives."
    )
    granularity: Granularity
    anchored: bool = Field(description="True when resolved against the publication date.")
    event: str = Field(description="What happened at that time, in a short phrase.")
    claim_ids: list[str] = Field(description="Ids of the claims this date belongs to.")
    evidence: list[str] = Field(description="Verbatim excerpt containing the expression.")


class WireArticle(_Strict):
    """Everything the model extracts from one article."""

    language: str = Field(description="ISO 639-1 code of the article's language.")
    sources: list[WireSource]
    claims: list[WireClaim]
    timeline: list[WireTimelineEntry]

    @model_validator(mode="after")
    def _ids_unique(self) -> WireArticle:
        """Two items under one id cannot be told apart: re-ask. (Dangling links are repaired
        or removed with a flag after validation, see `llmclaims/links.py`: one bad link must
        not cost a paid answer.)"""
        problems: list[str] = []
        if len({s.id for s in self.sources}) != len(self.sources):
            problems.append("source ids are not unique")
        if len({c.id for c in self.claims}) != len(self.claims):
            problems.append("claim ids are not unique")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @model_validator(mode="after")
    def _evidence_in_article(self, info: ValidationInfo) -> WireArticle:
        """Let the caller check quotes against the article (see `assemble.Grounder.check`).

        The check arrives through instructor's validation context, so a failure becomes a
        re-ask that names the quotes the model must copy exactly.
        """
        check = (info.context or {}).get("check_evidence")
        if check is not None:
            check(self)
        return self
