"""JSON-LD export: schema.org Claims with W3C Web Annotation evidence, checked by pyld.

pyld expands the file offline (its document loader refuses every URL), so the inline `@context`
alone must map every key; the IRIs it yields are checked against the terms the two vocabularies
define (schema.org; the Web Annotation Vocabulary, http://www.w3.org/ns/oa#).
"""

from __future__ import annotations

import json
from typing import Any

from pyld import jsonld

from llmclaims.cli import main
from llmclaims.export_jsonld import AROUND, CONTEXT

from .test_export import line, stored, write_out

S = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Terms as the vocabularies define them (schema.org pages; W3C Web Annotation Vocabulary, 3.x).
VOCABULARY = {
    *(S + t for t in ["Claim", "NewsArticle", "CreativeWork", "Person", "Organization"]),
    *(S + t for t in ["text", "name", "headline", "description", "jobTitle", "inLanguage"]),
    S + "identifier",
    *(S + t for t in ["url", "datePublished", "author", "affiliation", "parentOrganization"]),
    S + "appearance",
    *(OA + t for t in ["Annotation", "SpecificResource", "TextPositionSelector"]),
    *(OA + t for t in ["TextQuoteSelector", "describing", "motivatedBy", "hasBody"]),
    *(OA + t for t in ["hasTarget", "hasSource", "hasSelector", "start", "end", "exact"]),
    *(OA + t for t in ["prefix", "suffix"]),
    "urn:llmclaims:vocab:via",  # ours: schema.org has no nested attribution
    RDF_TYPE,
}
# Where the vocabularies let each property stand (its domain, narrowed to the types used here).
CREATIVE = {S + "Claim", S + "NewsArticle", S + "CreativeWork"}
DOMAINS = {
    S + "appearance": {S + "Claim"},
    S + "author": CREATIVE,
    S + "headline": CREATIVE,
    S + "datePublished": CREATIVE,
    S + "inLanguage": CREATIVE,
    S + "jobTitle": {S + "Person"},
    S + "affiliation": {S + "Person"},
    S + "parentOrganization": {S + "Organization"},
    OA + "hasBody": {OA + "Annotation"},
    OA + "hasTarget": {OA + "Annotation"},
    OA + "motivatedBy": {OA + "Annotation"},
    OA + "hasSource": {OA + "SpecificResource"},
    OA + "hasSelector": {OA + "SpecificResource"},
    OA + "start": {OA + "TextPositionSelector"},
    OA + "end": {OA + "TextPositionSelector"},
    OA + "exact": {OA + "TextQuoteSelector"},
    OA + "prefix": {OA + "TextQuoteSelector"},
    OA + "suffix": {OA + "TextQuoteSelector"},
}
FAILED = json.dumps({"id": "broken", "error": {"type": "ProviderError", "message": "503"}}) + "\n"
URL = "https://example.org/nk"


def offline(url: str, options: object = None) -> None:
    raise AssertionError(f"the export needs no remote context, but {url} was asked for")


OPTIONS = {"documentLoader": offline}


def keys(value: Any) -> set[str]:
    if isinstance(value, list):
        return set().union(*map(keys, value)) if value else set()
    if isinstance(value, dict):
        return set(value) | set().union(*(keys(v) for v in value.values()))
    return set()


def export(tmp_path, *lines: str):
    out = write_out(tmp_path / "out.jsonl", *lines)
    target = tmp_path / "claims.jsonld"
    assert main(["export", str(out), "--to", "jsonld", str(target)]) == 0
    return target, json.loads(target.read_text(encoding="utf-8"))


def test_claims_and_evidence_expand_to_the_two_vocabularies(tmp_path):
    it = stored("nk-missiles-russia.it", url=URL, title="Missili dalla Corea")
    en = stored("gm-bankruptcy-126878.en", text=None)  # a summary written without its text
    _, doc = export(tmp_path, line("it", it), FAILED, line("en", en))
    graph = doc["@graph"]
    assert keys(graph) <= set(CONTEXT)  # every key maps: a processor drops nothing
    quads = jsonld.to_rdf(doc, {**OPTIONS, "format": "application/n-quads"})
    predicates = {q.split(" ")[1].strip("<>") for q in quads.splitlines()}
    objects = {q.split(" ")[2].strip("<>") for q in quads.splitlines() if f"<{RDF_TYPE}>" in q}
    assert predicates <= VOCABULARY and objects <= VOCABULARY

    nodes = {n["@id"]: n for n in jsonld.flatten(doc, None, OPTIONS)}
    for node in nodes.values():
        for predicate in set(node) & set(DOMAINS):
            assert set(node["@type"]) & DOMAINS[predicate], (predicate, node["@type"])

    def typed(iri: str) -> list[dict]:
        return [n for n in nodes.values() if iri in n.get("@type", [])]

    def one(node: dict, term: str) -> Any:
        (value,) = node[term]
        return value.get("@value", value.get("@id"))

    claims = typed(S + "Claim")
    assert len(claims) == len(it.claims) + len(en.claims)
    article = nodes[URL]
    assert one(article, S + "headline") == "Missili dalla Corea"
    it_claims = [c for c in claims if one(c, S + "appearance") == URL]
    assert len(it_claims) == len(it.claims)
    assert {one(c, S + "datePublished") for c in it_claims} == {"2024-01-05"}

    # Kofman spoke to the Washington Post: his claims' author carries the Post as `via`
    kofman = next(s for s in it.sources if s.name == "Michael Kofman")
    via = nodes[one(nodes[f"urn:llmclaims:it:{kofman.id}"], "urn:llmclaims:vocab:via")]
    assert one(via, S + "name") == "Washington Post" and S + "Organization" in via["@type"]
    by_kofman = [c for c in it.claims if kofman.id in c.source_ids]
    authored = [c for c in claims if {"@id": f"urn:llmclaims:it:{kofman.id}"} in c[S + "author"]]
    assert len(authored) == len(by_kofman) > 0

    annotations = typed(OA + "Annotation")
    located = [(c, e) for c in it.claims for e in c.evidence if e.span is not None]
    located += [(c, e) for c in en.claims for e in c.evidence if e.span is not None]
    assert len(annotations) == len(located)
    text = it.text or ""
    for claim in it.claims:
        for n, ev in enumerate(claim.evidence):
            note = nodes[f"urn:llmclaims:it:{claim.id}:evidence-{n}"]
            assert one(note, OA + "hasBody") == f"urn:llmclaims:it:{claim.id}"
            assert one(note, OA + "motivatedBy") == OA + "describing"
            target = nodes[one(note, OA + "hasTarget")]
            assert one(target, OA + "hasSource") == URL
            selectors = [nodes[s["@id"]] for s in target[OA + "hasSelector"]]
            (position,) = [s for s in selectors if OA + "TextPositionSelector" in s["@type"]]
            (quoted,) = [s for s in selectors if OA + "TextQuoteSelector" in s["@type"]]
            start, end = one(position, OA + "start"), one(position, OA + "end")
            assert ev.span is not None and (start, end) == (ev.span.start, ev.span.end)
            assert one(quoted, OA + "exact") == text[start:end]
            prefix = [v["@value"] for v in quoted.get(OA + "prefix", [])]
            suffix = [v["@value"] for v in quoted.get(OA + "suffix", [])]
            assert prefix == ([text[max(0, start - AROUND) : start]] if start else [])
            assert suffix == ([text[end : end + AROUND]] if end < len(text) else [])
    # without the stored text: positions and the exact quote, no context around it
    en_notes = [n for n in annotations if one(n, OA + "hasBody").startswith("urn:llmclaims:en:")]
    for note in en_notes:
        target = nodes[one(note, OA + "hasTarget")]
        assert one(target, OA + "hasSource") == "urn:llmclaims:en"
        for s in target[OA + "hasSelector"]:
            assert OA + "prefix" not in nodes[s["@id"]] and OA + "suffix" not in nodes[s["@id"]]


def test_unlocated_evidence_gets_no_selector(tmp_path):
    it = stored("nk-missiles-russia.it")
    it.claims[0].evidence[0].span = None  # a quote the library did not find in the article
    _, doc = export(tmp_path, line("it", it))
    ids = {n["id"] for n in doc["@graph"]}
    assert f"urn:llmclaims:it:{it.claims[0].id}:evidence-0" not in ids
    assert f"urn:llmclaims:it:{it.claims[0].id}:evidence-1" in ids


def test_jsonld_export_is_idempotent_and_keeps_earlier_articles(tmp_path, capsys):
    it, en = stored("nk-missiles-russia.it"), stored("gm-bankruptcy-126878.en", url=URL)
    target, first = export(tmp_path, line("it", it), FAILED, line("en", en))
    again = target.read_bytes()
    export(tmp_path, line("it", it), FAILED, line("en", en))
    assert target.read_bytes() == again  # re-running changes nothing
    target.unlink()
    _, only_it = export(tmp_path, line("it", it))
    _, grown = export(tmp_path, line("en", en))  # a later OUT: earlier nodes stay, new ones join
    assert grown["@graph"] == first["@graph"]
    assert grown["@graph"][: len(only_it["@graph"])] == only_it["@graph"]
    other = tmp_path / "notes.json"
    other.write_text('{"mine": true}', encoding="utf-8")
    out = write_out(tmp_path / "out.jsonl", line("it", it))
    assert main(["export", str(out), "--to", "jsonld", str(other)]) == 2
    assert "not a JSON-LD export of llmclaims" in capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == '{"mine": true}'


def test_a_via_cycle_in_the_answer_ends(tmp_path):
    it = stored("nk-missiles-russia.it")
    kofman = next(s for s in it.sources if s.name == "Michael Kofman")
    post = it.source(kofman.via or "")
    assert post is not None
    post.via = kofman.id  # the Post "via" Kofman via the Post ...
    _, doc = export(tmp_path, line("it", it))
    claim = next(n for n in doc["@graph"] if n["type"] == "Claim" and "author" in n
                 and n["author"][0]["id"].endswith(f":{kofman.id}"))  # fmt: skip
    via = claim["author"][0]["via"]
    assert via["name"] == "Washington Post" and "via" not in via
