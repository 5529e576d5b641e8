"""Links between a model's items (`via`, `source_ids`, `claim_ids`), repaired instead of fatal.

A dangling reference used to fail the whole article after the re-asks: one `via` holding a name
instead of an id threw away an answer that was paid for and otherwise good. Now each link is
kept when it resolves, repaired when it is unambiguous (it names exactly one source, by id in
another case or by name), and removed otherwise, always with a flag on the item, so nothing
changes silently. `via` chains are made acyclic: code that follows `via` must terminate, so
the link that closes a cycle (or points at its own source) is cut and flagged.

Flags: `link_repaired:<field>:<given>-><id>`, `link_removed:<field>:<given>`,
`via_cycle_broken:<id>`.
"""

from __future__ import annotations

from .wire import WireArticle


def repair_links(wire: WireArticle) -> tuple[WireArticle, dict[tuple[str, str], list[str]]]:
    """The answer with every link resolving, and the flags per (kind, id) of what changed."""
    flags: dict[tuple[str, str], list[str]] = {}
    source_ids = {s.id for s in wire.sources}
    by_folded_id = {s.id.casefold(): s.id for s in wire.sources}
    by_name: dict[str, list[str]] = {}
    for s in wire.sources:
        if s.name:
            by_name.setdefault(" ".join(s.name.split()).casefold(), []).append(s.id)

    def resolve(given: str, kind: str, ident: str, field: str) -> str | None:
        if given in source_ids:
            return given
        folded = " ".join(given.split()).casefold()
        match = by_folded_id.get(folded)
        if match is None and len(by_name.get(folded, ())) == 1:
            match = by_name[folded][0]
        note = (
            f"link_repaired:{field}:{given}->{match}" if match else f"link_removed:{field}:{given}"
        )
        flags.setdefault((kind, ident), []).append(note)
        return match

    sources = []
    for s in wire.sources:
        via = s.via
        if via is not None:
            via = resolve(via, "source", s.id, "via")
        sources.append(s.model_copy(update={"via": via}) if via != s.via else s)
    sources = _break_cycles(sources, flags)

    claim_ids = {c.id for c in wire.claims}
    claims = []
    for c in wire.claims:
        fixed = [r for r in (resolve(i, "claim", c.id, "source_ids") for i in c.source_ids) if r]
        fixed = list(dict.fromkeys(fixed))
        claims.append(c.model_copy(update={"source_ids": fixed}) if fixed != c.source_ids else c)

    timeline = []
    for n, t in enumerate(wire.timeline):
        kept = [i for i in t.claim_ids if i in claim_ids]
        for gone in (i for i in t.claim_ids if i not in claim_ids):
            flags.setdefault(("timeline", f"T{n + 1}"), []).append(f"link_removed:claim_ids:{gone}")
        timeline.append(t.model_copy(update={"claim_ids": kept}) if kept != t.claim_ids else t)

    if not flags:
        return wire, flags
    repaired = wire.model_copy(update={"sources": sources, "claims": claims, "timeline": timeline})
    return repaired, flags


def _break_cycles(sources: list, flags: dict[tuple[str, str], list[str]]) -> list:
    """Cut the `via` that closes each cycle (a source via itself included)."""
    via = {s.id: s.via for s in sources}
    cut: set[str] = set()
    for start in via:
        seen: list[str] = []
        node: str | None = start
        while node is not None and node not in seen:
            seen.append(node)
            node = via.get(node)
        if node is not None:  # the chain came back to `node`: cut the link into it
            closing = seen[-1]
            via[closing] = None
            cut.add(closing)
            flags.setdefault(("source", closing), []).append(f"via_cycle_broken:{node}")
    return [s.model_copy(update={"via": None}) if s.id in cut else s for s in sources]
