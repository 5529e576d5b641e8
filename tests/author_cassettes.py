"""Write the authored cassettes: hand-written answers in the exact wire format of a real call.

    python -m tests.author_cassettes

For each article in `tests/cassettes/manifest.json`, the real client sends its real request to a
local server that answers with the hand-written answer (`tests/cassettes/answers/*.json`) in a
chat-completion envelope; vcrpy records that exchange, with the request's host set to the
OpenAI API's, and the cassette is labelled `provenance: authored`. Re-run after changing a
prompt or the wire schema. To replace an authored cassette by a real recording, see
`tests/recording.py`.
"""

from __future__ import annotations

import json

import vcr

import llmclaims
from llmclaims.testing import FakeOpenAI, ServedRequest, answer_reply

from .recording import CASSETTES, ROOT, VCR_CONFIG, ProvenanceJSON, manifest, register

MODEL = "gpt-4o-mini"
RESPONSE_MODEL = "gpt-4o-mini-2024-07-18"


def _to_openai(request: object) -> object:
    request.uri = "https://api.openai.com/v1/chat/completions"  # type: ignore[attr-defined]
    request.headers["host"] = "api.openai.com"  # type: ignore[attr-defined]
    return request


def author(entry: dict[str, str]) -> None:
    text = (ROOT / entry["text"]).read_text(encoding="utf-8")
    answer = json.loads((ROOT / entry["answer"]).read_text(encoding="utf-8"))
    content = json.dumps(answer, ensure_ascii=False)

    def handler(request: ServedRequest) -> object:
        prompt_chars = sum(len(m["content"] or "") for m in request.json()["messages"])
        return answer_reply(
            request,
            content,
            model=RESPONSE_MODEL,
            # No model counted these: estimated at 4 characters a token, like the answer.
            prompt_tokens=prompt_chars // 4,
            completion_tokens=len(content) // 4,
        )

    ProvenanceJSON.provenance = "authored"
    ProvenanceJSON.note = (
        f"Answer written by hand ({entry['answer']}), not by a model; wrapped in the wire "
        "format of a real chat completion by tests/author_cassettes.py. Token usage is an "
        "estimate (characters / 4)."
    )
    recorder = vcr.VCR(
        record_mode="all",
        before_record_request=_to_openai,
        **{k: v for k, v in VCR_CONFIG.items() if k != "serializer"},
    )
    register(recorder)
    path = CASSETTES / f"{entry['name']}.json"
    path.unlink(missing_ok=True)
    with FakeOpenAI(handler) as server, recorder.use_cassette(str(path), serializer="json"):
        summary = llmclaims.Summarizer(
            model=MODEL,
            base_url=server.base_url,
            api_key="sk-authoring-placeholder",
            cache=False,
            reasks=0,
            retries=0,
        ).summarize(text, published=entry["published"])
    ungrounded = [c.id for c in summary.claims if c.flags]
    print(
        f"{path.relative_to(ROOT)}: {len(summary.claims)} claims, "
        f"{len(summary.sources)} sources, {len(summary.timeline)} dates, "
        f"flagged: {ungrounded or 'none'}"
    )


def main() -> None:
    for entry in manifest():
        author(entry)


if __name__ == "__main__":
    main()
