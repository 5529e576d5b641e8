"""A real OpenAI-compatible HTTP server on 127.0.0.1, for tests, benchmarks and dry runs.

Tests of retries, caching, batches and faults talk to this server over real HTTP through the real
openai client, so they exercise exactly the code users run. Behaviour is scripted per request by
a handler returning a `Reply` (status, headers, body, delay) or a fault (`HANG`, `DROP`);
`FaultPlan` is a ready-made handler that injects seeded, per-article faults.

    with FakeOpenAI(handler) as server:
        llmclaims.summarize(text, model="fake", base_url=server.base_url, cache=False)

`python -m llmclaims.testing` serves grounded stub answers for any article, with optional latency
and faults (useful to try the CLI or a batch without a model); `ServerProcess` runs it in its own
process for benchmarks.
"""

from .faults import KINDS, TRANSIENT, Fault, FaultPlan
from .process import ServerProcess
from .server import (
    DROP,
    HANG,
    FakeOpenAI,
    Reply,
    ServedRequest,
    answer_reply,
    article_key,
    completion,
    error_reply,
    stub_answer,
    stub_handler,
)

__all__ = [
    "DROP",
    "HANG",
    "KINDS",
    "TRANSIENT",
    "FakeOpenAI",
    "Fault",
    "FaultPlan",
    "Reply",
    "ServedRequest",
    "ServerProcess",
    "answer_reply",
    "article_key",
    "completion",
    "error_reply",
    "stub_answer",
    "stub_handler",
]
