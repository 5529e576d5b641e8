"""A batch's claims as linked data: schema.org `Claim`s, their evidence as W3C Web Annotations.

One JSON-LD document with an inline `@context` and a `@graph`: per article a `NewsArticle`
(`url`, `headline` when known), per claim a `Claim` (`text`, `author` = its sources with the
chain they were reported through, `datePublished` = the article's date, `appearance` = the
article), and per located evidence quote an `Annotation` whose body is the claim and whose target
is the article with a `TextPositionSelector` (start/end in Unicode code points, as Python indexes
the text, which is what the Web Annotation model counts) and a `TextQuoteSelector` (`exact` is the
article's own characters; `prefix`/`suffix` only when the summary stored the text).

Why an inline context: the standard ones (schema.org, `anno.jsonld`) are remote, and neither the
export nor a reader should need the network to expand the file. The context maps each term to the
IRI and type coercion those vocabularies give it. schema.org has no term for nested attribution
("Kofman told the Washington Post"), so `via` is this project's own term (`urn:llmclaims:vocab:`).
Evidence the library could not find in the article gets no annotation: a selector would claim text
the article does not hold (the claim's `ungrounded` flag is in the other exports).

Idempotent: nodes are grouped by article (a claim's `id` holds its article's batch id, a
`NewsArticle` its `identifier`); re-running replaces the nodes of the articles in OUT where they
stood and keeps every other article already in the file, so the same OUT gives the same bytes.
Failed articles have no claims, so they add nothing.

Cost (`python -m benchmarks.export --articles 1000 --formats jsonld`, 24 claims and the text per
article): 3.7 s wall, 2.7 s CPU, 31.8 MB; the whole graph is held in memory while it is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from .errors import ConfigurationError
from .models import ArticleSummary, Evidence, Source
from .outfile import read_out

CONTEXT: dict[str, Any] = {
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "llmclaims": "urn:llmclaims:vocab:",
    "id": "@id",
    "type": "@type",
    # schema.org
    "Claim": "schema:Claim",
    "NewsArticle": "schema:NewsArticle",
    "CreativeWork": "schema:CreativeWork",
    "Person": "schema:Person",
    "Organization": "schema:Organization",
    "text": "schema:text",
    "name": "schema:name",
    "headline": "schema:headline",
    "identifier": "schema:identifier",
    "description": "schema:description",
    "jobTitle": "schema:jobTitle",
    "inLanguage": "schema:inLanguage",
    "url": {"@id": "schema:url", "@type": "@id"},
    "datePublished": {"@id": "schema:datePublished", "@type": "schema:Date"},
    "author": {"@id": "schema:author"},
    "affiliation": {"@id": "schema:affiliation"},
    "parentOrganization": {"@id": "schema:parentOrganization"},
    "appearance": {"@id": "schema:appearance", "@type": "@id"},
    # W3C Web Annotation (as in http://www.w3.org/ns/anno.jsonld)
    "Annotation": "oa:Annotation",
    "SpecificResource": "oa:SpecificResource",
    "TextPositionSelector": "oa:TextPositionSelector",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "describing": "oa:describing",
    "motivation": {"@id": "oa:motivatedBy", "@type": "@vocab"},
    "body": {"@id": "oa:hasBody", "@type": "@id"},
    "target": {"@id": "oa:hasTarget", "@type": "@id"},
    "source": {"@id": "oa:hasSource", "@type": "@id"},
    "selector": {"@id": "oa:hasSelector", "@type": "@id"},
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    # this project's own
    "via": {"@id": "llmclaims:via"},
}
AROUND = 32  # characters of prefix and suffix: enough to tell repeated quotes apart
_PEOPLE = {"person", "official", "expert", "author"}
_ORGANIZATIONS = {"government", "organization", "media"}


def _iri(article: str, item: str = "") -> str:
    return f"urn:llmclaims:{quote(article, safe='')}" + (f":{quote(item, safe='')}" if item else "")


def _agent(article: str, summary: ArticleSummary, source: Source, seen: set[str]) -> dict[str, Any]:
    """A source as a schema.org agent, with the source it was reported through (`via`)."""
    kind = (
        "Person"
        if source.kind in _PEOPLE
        else "Organization"
        if source.kind in _ORGANIZATIONS
        else "CreativeWork"  # a document the article cites
    )
    node: dict[str, Any] = {"id": _iri(article, source.id), "type": kind}
    if source.name:
        node["name"] = source.name
    if source.role:
        node["jobTitle" if kind == "Person" else "description"] = source.role
    if source.affiliation and kind != "CreativeWork":
        key = "affiliation" if kind == "Person" else "parentOrganization"
        node[key] = {"type": "Organization", "name": source.affiliation}
    via = summary.source(source.via) if source.via else None
    seen = seen | {source.id}
    if via is not None and via.id not in seen:  # a cycle in the model's answer stops here
        node["via"] = _agent(article, summary, via, seen)
    return node


def _selectors(ev: Evidence, text: str | None) -> list[dict[str, Any]] | None:
    span = ev.span
    if span is None:
        return None
    quote_selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": span.text}
    if text is not None and text[span.start : span.end] == span.text:
        around = {
            "prefix": text[max(0, span.start - AROUND) : span.start],
            "suffix": text[span.end : span.end + AROUND],
        }
        quote_selector |= {k: v for k, v in around.items() if v}  # none at the text's edges
    position = {"type": "TextPositionSelector", "start": span.start, "end": span.end}
    return [position, quote_selector]


def nodes(article: str, summary: ArticleSummary) -> list[dict[str, Any]]:
    """The graph nodes of one article: the article, its claims, their evidence annotations."""
    page = summary.url or _iri(article)
    news: dict[str, Any] = {
        "id": page,
        "type": "NewsArticle",
        "identifier": article,  # the batch's id for it
        "inLanguage": summary.language,
    }
    if summary.url:
        news["url"] = summary.url
    if summary.title:
        news["headline"] = summary.title
    published = summary.metadata.published
    if published:
        news["datePublished"] = published.isoformat()
    out = [news]
    for claim in summary.claims:
        node: dict[str, Any] = {
            "id": _iri(article, claim.id),
            "type": "Claim",
            "text": claim.text,
            "inLanguage": summary.language,
            "appearance": page,
        }
        authors = [
            _agent(article, summary, source, set())
            for source in map(summary.source, claim.source_ids)
            if source is not None
        ]
        if authors:
            node["author"] = authors
        if published:
            node["datePublished"] = published.isoformat()
        out.append(node)
        for n, ev in enumerate(claim.evidence):
            selectors = _selectors(ev, summary.text)
            if selectors is not None:
                out.append(
                    {
                        "id": f"{node['id']}:evidence-{n}",
                        "type": "Annotation",
                        "motivation": "describing",
                        "body": node["id"],
                        "target": {
                            "type": "SpecificResource",
                            "source": page,
                            "selector": selectors,
                        },
                    }
                )
    return out


def _article_of(node: dict[str, Any]) -> str:
    """Which article a node of an earlier export belongs to (the batch id it was written for)."""
    if node.get("type") == "NewsArticle":
        return str(node["identifier"])
    scheme, ours, article, *_ = str(node["id"]).split(":")
    if (scheme, ours) != ("urn", "llmclaims"):
        raise KeyError(node["id"])
    return unquote(article)


def _existing(path: Path) -> dict[str, list[dict[str, Any]]]:
    if not path.exists():
        return {}
    try:
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        articles: dict[str, list[dict[str, Any]]] = {}
        for node in graph:
            articles.setdefault(_article_of(node), []).append(node)
        return articles
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ConfigurationError(
            f"{path} exists and is not a JSON-LD export of llmclaims; give a new file"
        ) from None


def export_jsonld(out_jsonl: Path, path: Path) -> int:
    """Write or update the JSON-LD file from every line of OUT; returns the lines read."""
    articles = _existing(path)  # article id -> its nodes, in the order first exported
    count = 0
    for line in read_out(out_jsonl):
        count += 1
        if line.summary is not None:
            articles[line.id] = nodes(line.id, line.summary)
    graph = [node for group in articles.values() for node in group]
    document = {"@context": CONTEXT, "@graph": graph}
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(partial, path)
    return count
