"""The wire schema passes OpenAI strict structured outputs and local grammar engines; the public
model can express everything the reference Italian article says, and round-trips through JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from openai.lib._pydantic import to_strict_json_schema

from llmclaims import ArticleSummary, Factuality, hedging_level
from llmclaims.wire import WireArticle

SCHEMA = WireArticle.model_json_schema()


def walk(node: Any, path: str = "$"):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


def test_openai_strict_conversion_has_nothing_to_fix():
    # The openai SDK's own converter (used by client.chat.completions.parse) adds
    # additionalProperties, makes every field required and inlines $ref siblings; if our
    # schema already satisfies strict mode, it comes back unchanged.
    assert to_strict_json_schema(WireArticle) == SCHEMA


def test_every_object_is_closed_and_fully_required():
    objects = [(p, n) for p, n in walk(SCHEMA) if n.get("type") == "object"]
    assert len(objects) == 5
    for path, node in objects:
        assert node["additionalProperties"] is False, path
        assert sorted(node["required"]) == sorted(node["properties"]), path


@pytest.mark.parametrize("keyword", ["allOf", "not", "oneOf", "if", "patternProperties"])
def test_no_keywords_local_engines_reject(keyword):
    assert not [p for p, n in walk(SCHEMA) if keyword in n]


def test_no_ref_with_siblings_and_no_defaults():
    for path, node in walk(SCHEMA):
        if "$ref" in node:
            assert set(node) == {"$ref"}, path
        assert "default" not in node or node["default"] is None, path


def test_schema_sent_is_the_strict_one(serve):
    import llmclaims

    from .conftest import ok

    server = serve(ok)
    llmclaims.summarize(
        "A sentence, said the minister.", model="m", base_url=server.base_url, cache=False
    )
    fmt = server.requests[0].json()["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["schema"] == json.loads(json.dumps(SCHEMA))


def fact(certainty: str, evidential: str, cues: list[str], polarity: str = "positive") -> dict:
    return {"certainty": certainty, "polarity": polarity, "evidential": evidential, "cues": cues}


def ev(quote: str, start: int) -> dict:
    return {
        "quote": quote,
        "span": {"start": start, "end": start + len(quote), "text": quote, "status": "exact"},
    }


def reference_summary(article_it: str) -> ArticleSummary:
    """The reference article's hard parts, written out by hand in the public model."""

    def at(quote: str) -> dict:
        return ev(quote, article_it.index(quote))

    src = {"role": None, "affiliation": None, "via": None, "flags": []}
    return ArticleSummary.model_validate(
        {
            "language": "it",
            "sources": [
                {**src, "id": "S1", "name": None, "kind": "author", "named": False, "evidence": []},
                {
                    **src,
                    "id": "S2",
                    "name": "John Kirby",
                    "kind": "official",
                    "named": True,
                    "role": "portavoce",
                    "affiliation": "Consiglio nazionale di sicurezza americano",
                    "evidence": [at("Il portavoce del Consiglio nazionale di sicurezza americano")],
                },
                {
                    **src,
                    "id": "S3",
                    "name": "Washington Post",
                    "kind": "media",
                    "named": True,
                    "evidence": [at("ha sottolineato il Washington Post")],
                },
                {
                    **src,
                    "id": "S4",
                    "name": "Michael Kofman",
                    "kind": "expert",
                    "named": True,
                    "role": "analista militare",
                    "affiliation": "Carnegie Endowment for International Peace",
                    "via": "S3",
                    "evidence": [at("ha detto al WP")],
                },
            ],
            "claims": [
                {
                    "id": "C1",
                    "text": "Gli Stati Uniti sono entrati in possesso di informazioni "
                    "inconfutabili sulla fornitura di missili balistici nordcoreani alla Russia.",
                    "ambiguous": False,
                    "source_ids": ["S2"],
                    "flags": [],
                    "source": fact("certain", "direct", ["inconfutabili"]),
                    "author": fact("probable", "reported", ["sarebbero entrati"]),
                    "evidence": [at("sarebbero entrati in possesso di informazioni inconfutabili")],
                },
                {
                    "id": "C2",
                    "text": "La produzione industriale di difesa della Russia non è ancora "
                    "sufficiente rispetto alle sue esigenze.",
                    "ambiguous": False,
                    "source_ids": ["S4"],
                    "flags": [],
                    "source": fact("certain", "direct", []),
                    "author": fact("certain", "reported", ["ha spiegato"]),
                    "evidence": [at("questo non è ancora sufficiente rispetto alle sue esigenze")],
                },
            ],
            "timeline": [
                {
                    "expression": "Tra il 30 dicembre e il 2 gennaio",
                    "value": "2023-12-30/2024-01-02",
                    "granularity": "range",
                    "anchored": True,
                    "event": "attacchi russi con missili nordcoreani",
                    "claim_ids": ["C1"],
                    "model_value": "2023-12-30/2024-01-02",
                    "normalized": "2023-12-30/2024-01-02",
                    "flags": [],
                    "evidence": [at("Tra il 30 dicembre e il 2 gennaio")],
                },
                {
                    "expression": "lo scorso novembre",
                    "value": "2023-11",
                    "granularity": "month",
                    "anchored": True,
                    "event": "accusa della Corea del Sud",
                    "claim_ids": [],
                    "model_value": "2023-11",
                    "normalized": "2023-11",
                    "flags": [],
                    "evidence": [at("lo scorso novembre")],
                },
            ],
            "metadata": {
                "model": "authored",
                "endpoint": "https://api.openai.com/v1",
                "mode": "json_schema",
                "prompt_version": "summarize/v1",
                "published": "2024-01-05",
            },
        }
    )


def test_reference_article_is_expressible(article_it):
    summary = reference_summary(article_it)
    kirby = summary.claims[0]
    assert kirby.source.hedging == "none" and kirby.author.hedging == "medium"
    assert summary.source("S4").via == "S3"
    assert summary.claims_by("S4")[0].id == "C2"
    for item in (*summary.sources, *summary.claims, *summary.timeline):
        for e in item.evidence:
            assert article_it[e.span.start : e.span.end] == e.quote
    year_boundary = summary.timeline[0].value.split("/")
    assert year_boundary[0].startswith("2023-12") and year_boundary[1].startswith("2024-01")


def test_round_trip_through_json(article_it):
    summary = reference_summary(article_it)
    again = ArticleSummary.model_validate_json(summary.model_dump_json())
    assert again == summary
    assert json.loads(again.model_dump_json()) == json.loads(summary.model_dump_json())


def test_hedging_level_is_always_derived_never_trusted():
    f = Factuality.model_validate({**fact("possible", "direct", ["may"]), "hedging": "none"})
    assert f.hedging == "high" == hedging_level(f)


def test_wire_answer_with_extra_or_missing_fields_is_rejected():
    good = {"language": "en", "sources": [], "claims": [], "timeline": []}
    WireArticle.model_validate(good)
    with pytest.raises(ValueError):
        WireArticle.model_validate({**good, "headline": "x"})
    with pytest.raises(ValueError):
        WireArticle.model_validate({"language": "en", "sources": [], "claims": []})


def test_one_granularity_for_the_wire_and_the_normalizer():
    """The model may answer every granularity the normalizer produces, and no other."""
    from llmclaims.dates import Granularity
    from llmclaims.wire import WireTimelineEntry

    assert WireTimelineEntry.model_fields["granularity"].annotation is Granularity
