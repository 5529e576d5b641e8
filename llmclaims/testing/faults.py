"""Deterministic fault injection for the fake server, keyed per article and attempt.

A `FaultPlan` is a handler. Each article (recognised by its text) either gets no fault or one
`Fault`, chosen by a seeded hash of its text, so a plan picks the same articles on every run and
in every process. A fault hits the article's first `attempts` requests (re-asks count as
requests), then the article is answered normally; `attempts=None` makes it permanent. This is
what lets a test promise "transient faults on the first k attempts of 35% of the articles,
k <= retries" and expect every article to succeed, where independent per-request faults would
leave some articles failing by chance.

    plan = FaultPlan([Fault(("429", "503", "drop"), share=0.35, attempts=2),
                      Fault("refusal", share=0.05, attempts=None)], seed=7)
    with FakeOpenAI(plan) as server: ...
    plan.faulted  # article keys that got a fault
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .server import (
    DROP,
    HANG,
    Reply,
    ServedRequest,
    answer_reply,
    article_key,
    completion,
    error_reply,
    stub_handler,
)

TRANSIENT = ("429", "500", "502", "503", "hang", "drop")
"""Faults the client retries at the transport layer (a `hang` costs the client's timeout)."""

KINDS = (*TRANSIENT, "malformed", "invalid", "refusal", "length", "filter", "401")
"""Every fault kind. `invalid` (schema-invalid answer) is re-asked; `malformed` is a 200 whose
body is not JSON; `refusal`, `length`, `filter` and `401` are permanent for the client."""


@dataclass(frozen=True)
class Fault:
    """What happens to a share of the articles.

    `kind` is one kind or several: with several, each attempt picks one (seeded).
    `attempts` is how many first requests of a chosen article fail (None: all of them).
    """

    kind: str | tuple[str, ...]
    share: float
    attempts: int | None = 1

    def __post_init__(self) -> None:
        kinds = (self.kind,) if isinstance(self.kind, str) else self.kind
        unknown = [k for k in kinds if k not in KINDS]
        if unknown or not kinds:
            raise ValueError(f"unknown fault kind(s) {unknown}: choose from {', '.join(KINDS)}")
        if not 0.0 <= self.share <= 1.0:
            raise ValueError("share must be between 0 and 1")

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind,) if isinstance(self.kind, str) else self.kind

    @classmethod
    def parse(cls, spec: str) -> Fault:
        """Read `KIND[+KIND...]:SHARE[:ATTEMPTS|all]`: `429+503+drop:0.35:2`, `refusal:0.05:all`."""
        parts = spec.split(":")
        if len(parts) not in (2, 3):
            raise ValueError(f"fault {spec!r}: expected KIND[+KIND...]:SHARE[:ATTEMPTS|all]")
        kinds = tuple(parts[0].split("+"))
        attempts: int | None = 1
        if len(parts) == 3:
            attempts = None if parts[2] == "all" else int(parts[2])
        return cls(kinds if len(kinds) > 1 else kinds[0], float(parts[1]), attempts)


def _unit(*parts: object) -> float:
    """A seeded hash of `parts` as a number in [0, 1)."""
    digest = hashlib.sha256("\0".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return int.from_bytes(digest.digest()[:8], "big") / 2**64


@dataclass
class FaultPlan:
    """A handler that injects `faults` and answers everything else with `answer`.

    Shares are laid end to end on [0, 1): an article whose seeded hash falls in a fault's range
    gets that fault, so shares must add up to at most 1. `retry_after` is sent with 429 and 503
    (None: no header, so the client falls back to its own backoff).
    """

    faults: Sequence[Fault] = ()
    seed: int = 0
    retry_after: float | None = 0.0
    answer: Callable[[ServedRequest], Reply] = stub_handler
    attempts: Counter[str] = field(default_factory=Counter, init=False)  # article key -> requests
    faulted: Counter[str] = field(default_factory=Counter, init=False)  # article key -> faults
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        if sum(f.share for f in self.faults) > 1.0 + 1e-9:
            raise ValueError("fault shares add up to more than 1")

    def fault_for(self, article: str) -> Fault | None:
        """The fault this article gets under this seed, if any (no side effects)."""
        point, start = _unit(self.seed, "article", article), 0.0
        for fault in self.faults:
            if start <= point < start + fault.share:
                return fault
            start += fault.share
        return None

    def kind_for(self, article: str, attempt: int) -> str | None:
        """The fault kind for the article's `attempt`-th request (1-based), or None."""
        fault = self.fault_for(article)
        if fault is None or (fault.attempts is not None and attempt > fault.attempts):
            return None
        kinds = fault.kinds
        return kinds[int(_unit(self.seed, "attempt", attempt, article) * len(kinds))]

    def __call__(self, request: ServedRequest) -> Reply | str:
        article = request.article
        key = article_key(article)
        with self._lock:
            self.attempts[key] += 1
            attempt = self.attempts[key]
        kind = self.kind_for(article, attempt)
        if kind is None:
            return self.answer(request)
        with self._lock:
            self.faulted[key] += 1
        return self.reply(kind, request)

    def reply(self, kind: str, request: ServedRequest) -> Reply | str:
        """What the server sends for one fault `kind`, in the wire shape real servers use."""
        hint: dict[str, str] = {}
        if self.retry_after is not None:
            hint = {"retry_after": f"{self.retry_after:g}"}
        replies: dict[str, Callable[[], Reply | str]] = {
            "429": lambda: error_reply(429, "Rate limit reached for requests", **hint),
            "500": lambda: error_reply(500, "The server had an error processing your request"),
            "502": lambda: error_reply(502, "Bad gateway"),
            "503": lambda: error_reply(503, "The engine is currently overloaded", **hint),
            "hang": lambda: HANG,
            "drop": lambda: DROP,
            "malformed": lambda: Reply(body=b'{"id": "chatcmpl-broken", "object": "chat.comp'),
            "invalid": lambda: answer_reply(request, {"language": "en", "claims": "none"}),
            "refusal": lambda: Reply(
                body=completion(None, refusal="I'm sorry, I can't help with that request.")
            ),
            "length": lambda: answer_reply(
                request, '{"language": "en", "sources": [{"id": "S1", "na', finish_reason="length"
            ),
            "filter": lambda: Reply(body=completion(None, finish_reason="content_filter")),
            "401": lambda: error_reply(401, "Incorrect API key provided"),
        }
        return replies[kind]()

    def summary(self) -> dict[str, Any]:
        """Counts for reports: articles seen, articles faulted, requests, faulted requests."""
        with self._lock:
            return {
                "articles": len(self.attempts),
                "faulted_articles": len(self.faulted),
                "requests": sum(self.attempts.values()),
                "faulted_requests": sum(self.faulted.values()),
            }
