"""Many pieces' summaries in, one summary of the whole article out.

Each piece of a long article (`llmclaims/chunking.py`) is answered and checked on its own, with
its own ids (S1, C1, ...): its quotes are looked for in the piece (the text its model saw, so a
quote is found at the occurrence the model read, not at an earlier repetition) and reported at
article offsets (`PieceGrounder`); the other checks (claim numbers and names, cue sentences,
dates) read the whole article, as for a short one. Merging:

- sources are the same source when name, kind, role and affiliation agree (case and spacing
  aside): one entry, its evidence and flags the union, `named` if any piece named it;
- a claim from a later piece whose located evidence spans equal those of a claim from an earlier
  piece is the same claim read twice in the overlap: kept once, its sources the union. Within one
  piece, claims are never merged (two claims may quote one sentence). Timeline entries likewise,
  by expression and evidence spans;
- ids are renumbered in article order (S1.., C1..) and every reference (`via`, `source_ids`,
  `claim_ids`) follows; items the grounding policy dropped keep their piece's id, prefixed with
  the piece (`piece2/C4`);
- the metadata adds up what the pieces cost and lists them (`Metadata.chunks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from .assemble import Grounder
from .chunking import Chunk
from .models import (
    ArticleSummary,
    ChunkRecord,
    Claim,
    Dropped,
    Evidence,
    Metadata,
    Source,
    Span,
    TimelineEntry,
    Usage,
)

if TYPE_CHECKING:
    from .transport import CallStats


class PieceGrounder(Grounder):
    """A `Grounder` that looks for quotes in one piece of the article and reports them at
    article offsets (`text[span.start:span.end] == span.text` for the whole article)."""

    def __init__(
        self, article: str, chunk: Chunk, reasks: int = 0, stats: CallStats | None = None
    ) -> None:
        super().__init__(chunk.of(article), reasks, stats)
        self.offset = chunk.start

    def find(self, quote: str, *args: Any, **kwargs: Any) -> Span | None:
        span = super().find(quote, *args, **kwargs)  # the base's options, whatever they are
        if span is None or self.offset == 0:
            return span
        return span.model_copy(
            update={"start": span.start + self.offset, "end": span.end + self.offset}
        )


@dataclass(frozen=True)
class PieceSummary:
    """One piece of the article, and its summary with offsets into the piece."""

    chunk: Chunk
    summary: ArticleSummary  # offsets into the whole article

    def record(self) -> ChunkRecord:
        meta = self.summary.metadata
        return ChunkRecord(
            start=self.chunk.start,
            end=self.chunk.end,
            usage=meta.usage,
            requests=meta.requests,
            cached=meta.cached,
        )


def _located(items: list[Evidence]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({(e.span.start, e.span.end) for e in items if e.span is not None}))


def _norm(value: str | None) -> str | None:
    return " ".join(value.split()).casefold() if value is not None else None


def _union(first: list[Any], second: list[Any]) -> list[Any]:
    return first + [x for x in second if x not in first]


class _Matcher:
    """Items of earlier pieces by key; each may be matched once by each later piece."""

    def __init__(self) -> None:
        self._by_key: dict[Any, list[tuple[int, int]]] = {}  # key -> [(piece, index)]

    def match(self, key: Any, piece: int, used: set[int]) -> int | None:
        for owner, index in self._by_key.get(key, ()):
            if owner != piece and index not in used:
                used.add(index)
                return index
        return None

    def add(self, key: Any, piece: int, index: int) -> None:
        self._by_key.setdefault(key, []).append((piece, index))


M = TypeVar("M", bound=BaseModel)


def _copy(item: M, **update: Any) -> M:
    return item.model_copy(update=update, deep=False)


def merge_summaries(pieces: Sequence[PieceSummary]) -> ArticleSummary:
    """One summary of the article from its pieces' summaries, in article order."""
    sources: list[Source] = []
    claims: list[Claim] = []
    timeline: list[TimelineEntry] = []
    dropped: list[Dropped] = []
    notes: list[str] = []
    source_index: dict[tuple[Any, ...], int] = {}
    claim_match, entry_match = _Matcher(), _Matcher()
    vias: list[tuple[int, int | None]] = []  # (merged source, merged via) to resolve at the end
    claim_sources: list[list[int]] = []  # per merged claim: its merged sources
    entry_claims: list[list[int]] = []  # per merged timeline entry: its merged claims

    for p, piece in enumerate(pieces):
        summary = piece.summary
        local_sources: dict[str, int] = {}
        pending_vias: list[tuple[int, str]] = []
        for s in summary.sources:
            same = (_norm(s.name), s.kind, _norm(s.role), _norm(s.affiliation))
            evidence = s.evidence
            if same in source_index:
                i = source_index[same]
                old = sources[i]
                sources[i] = _copy(
                    old,
                    named=old.named or s.named,
                    evidence=_union(old.evidence, evidence),
                    flags=_union(old.flags, s.flags),
                )
            else:
                i = source_index[same] = len(sources)
                sources.append(_copy(s, via=None))
            local_sources.setdefault(s.id, i)
            if s.via is not None:
                pending_vias.append((i, s.via))
        vias += [(i, local_sources.get(via)) for i, via in pending_vias]

        local_claims: dict[str, int] = {}
        used: set[int] = set()
        for c in summary.claims:
            evidence = c.evidence
            mine = [local_sources[i] for i in c.source_ids if i in local_sources]
            key: Any = _located(evidence) or ("text", _norm(c.text))
            found = claim_match.match(key, p, used)
            if found is None:
                i = len(claims)
                claims.append(c)
                claim_sources.append(mine)
                claim_match.add(key, p, i)
            else:
                i = found
                claims[i] = _copy(claims[i], flags=_union(claims[i].flags, c.flags))
                claim_sources[i] = _union(claim_sources[i], mine)
            local_claims.setdefault(c.id, i)

        used = set()
        for t in summary.timeline:
            evidence = t.evidence
            mine = [local_claims[i] for i in t.claim_ids if i in local_claims]
            key = (_norm(t.expression), _located(evidence))
            found = entry_match.match(key, p, used)
            if found is None:
                entry_match.add(key, p, len(timeline))
                timeline.append(t)
                entry_claims.append(mine)
            else:
                entry_claims[found] = _union(entry_claims[found], mine)

        dropped += [_copy(d, id=f"piece{p + 1}/{d.id}") for d in summary.dropped]
        notes = _union(notes, summary.metadata.notes)

    def sid(i: int) -> str:
        return f"S{i + 1}"

    def cid(i: int) -> str:
        return f"C{i + 1}"

    via_of: dict[int, int] = {}
    for i, target in vias:  # the first piece that names a source's via decides it
        if target is not None and target != i:
            via_of.setdefault(i, target)
    return ArticleSummary(
        language=_language(pieces),
        sources=[
            _copy(s, id=sid(i), via=sid(via_of[i]) if i in via_of else None)
            for i, s in enumerate(sources)
        ],
        claims=[
            _copy(c, id=cid(i), source_ids=[sid(j) for j in claim_sources[i]])
            for i, c in enumerate(claims)
        ],
        timeline=[
            _copy(t, claim_ids=[cid(j) for j in entry_claims[i]]) for i, t in enumerate(timeline)
        ],
        metadata=_metadata(pieces, notes),
        dropped=dropped,
        text=pieces[0].summary.text,  # each piece's summary carries the whole article
    )


def _metadata(pieces: Sequence[PieceSummary], notes: list[str]) -> Metadata:
    metas = [p.summary.metadata for p in pieces]
    usage = Usage()
    for meta in metas:
        usage = usage + meta.usage
    paid = [meta for meta in metas if not meta.cached] or metas
    return _copy(
        paid[0],
        usage=usage,
        requests=sum(meta.requests for meta in metas),
        reasks=sum(meta.reasks for meta in metas),
        transport_retries=sum(meta.transport_retries for meta in metas),
        cached=all(meta.cached for meta in metas),
        created_at=max((m.created_at for m in metas if m.created_at), default=None),
        notes=notes,
        chunks=[p.record() for p in pieces],
    )


def _language(pieces: Sequence[PieceSummary]) -> str:
    """The language most pieces gave (the first piece's on a tie)."""
    counts: dict[str, int] = {}
    for piece in pieces:
        code = piece.summary.language
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda code: counts[code])
