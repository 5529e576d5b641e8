"""How this project's own cassettes are stored, matched and labelled.

Cassettes are vcrpy JSON files in `tests/cassettes/`, one per reference article (listed in
`tests/cassettes/manifest.json`). Each carries a top-level `provenance`:
- `authored`: the answer was written by hand, as a careful annotator would, and wrapped in the
  exact wire format of a chat completion by `python -m tests.cassettes.author`;
- `recorded`: a real model's answer, recorded with
  `LLMCLAIMS_RECORD=1 OPENAI_API_KEY=... LLMCLAIMS_MODEL=gpt-4o-mini \
   python -m pytest tests/test_recorded.py --record-mode=rewrite`
  (add OPENAI_BASE_URL for any other OpenAI-compatible endpoint).
vcrpy ignores unknown top-level keys when reading, so the label costs nothing at replay time.
Secrets never reach a cassette: credential headers are replaced and cookies dropped.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CASSETTES = ROOT / "tests" / "cassettes"
SECRET_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
]
DROPPED_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project"}


class ProvenanceJSON:
    """vcrpy serializer: JSON, with a provenance label written on every save."""

    provenance = "recorded"
    note = "Real model answer recorded against a live endpoint."

    @staticmethod
    def deserialize(text: str) -> dict[str, Any]:
        return json.loads(text)

    @classmethod
    def serialize(cls, cassette: dict[str, Any]) -> str:
        labelled = {
            "provenance": cls.provenance,
            "note": cls.note,
            "saved_at": datetime.now(timezone.utc).date().isoformat(),
            **cassette,
        }
        return json.dumps(labelled, indent=2, ensure_ascii=False) + "\n"


def same_request(r1: Any, r2: Any) -> None:
    """Match on the whole JSON body: a changed prompt or schema must be re-recorded."""
    assert json.loads(r1.body or b"null") == json.loads(r2.body or b"null")


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response["headers"] = {
        k: v for k, v in response["headers"].items() if k.lower() not in DROPPED_RESPONSE_HEADERS
    }
    return response


VCR_CONFIG: dict[str, Any] = {
    "serializer": "json",
    "match_on": ["method", "path", "same_request"],
    "filter_headers": [(h, "REDACTED") for h in SECRET_HEADERS],
    "before_record_response": scrub_response,
    "decode_compressed_response": True,
}


def register(vcr: Any) -> None:
    vcr.register_serializer("json", ProvenanceJSON)
    vcr.register_matcher("same_request", same_request)


def manifest() -> list[dict[str, str]]:
    return json.loads((CASSETTES / "manifest.json").read_text(encoding="utf-8"))
