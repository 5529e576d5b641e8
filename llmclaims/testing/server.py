"""A real OpenAI-compatible HTTP server on 127.0.0.1, scripted per request by a handler.

A handler receives each `ServedRequest` and returns a `Reply` (status, headers, body, delay) or
a fault (`HANG`, `DROP`). The helpers build replies in the exact wire shape of the OpenAI API.
`GET <base_url>/_fake/stats` reports what the server has seen (for a server in another process).
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted HTTP answer. `body` is JSON-encoded unless already bytes."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    trickle: float = 0.0  # seconds between the body's bytes: a server that drips its answer


HANG = "hang"  # keep the connection open without answering, until the client times out
DROP = "drop"  # close the connection without an HTTP answer

Handler = Callable[["ServedRequest"], "Reply | str"]
STATS_PATH = "/_fake/stats"
_ARTICLE = re.compile(r"<article>\n(.*)\n</article>", re.DOTALL)


def article_key(article: str) -> str:
    """A short stable name for an article text: how the server counts requests per article."""
    return hashlib.sha256(article.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class ServedRequest:
    """A request as the server saw it (headers lower-cased)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    index: int
    arrived: float = field(default_factory=time.monotonic)

    def json(self) -> Any:
        return json.loads(self.body or b"null")

    @property
    def prompt_tokens(self) -> int:
        """What a server that read every message would count: 4 characters per token."""
        messages = (self.json() or {}).get("messages", [])
        chars = sum(len(m["content"]) for m in messages if isinstance(m.get("content"), str))
        return max(1, chars // 4)

    @property
    def article(self) -> str:
        """The article text inside the user message, as llmclaims' prompt delimits it."""
        for message in self.json().get("messages", []):
            content = message.get("content")
            if message.get("role") == "user" and isinstance(content, str):
                found = _ARTICLE.search(content)
                if found:
                    return found.group(1)
        return ""


def completion(
    content: str | None,
    *,
    finish_reason: str = "stop",
    model: str = "fake-model",
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    refusal: str | None = None,
    tool: str | None = None,
) -> dict[str, Any]:
    """A chat.completion body in the exact shape the OpenAI API returns.

    With `tool`, the content is sent as the arguments of a call to that tool (tools modes).
    """
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
    if tool is not None:
        message["content"] = None
        message["tool_calls"] = [
            {
                "id": "call_fake",
                "type": "function",
                "function": {"name": tool, "arguments": content},
            }
        ]
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": message,
                "logprobs": None,
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def error_reply(status: int, message: str = "error", **headers: str) -> Reply:
    """An error in the OpenAI error-object shape; headers such as retry_after="1"."""
    kind = {429: "rate_limit_error", 401: "invalid_request_error"}.get(status, "server_error")
    return Reply(
        status=status,
        body={"error": {"message": message, "type": kind, "param": None, "code": None}},
        headers={k.replace("_", "-"): v for k, v in headers.items()},
    )


def stub_answer(article: str) -> dict[str, Any]:
    """A schema-valid, grounded answer for any article: its first sentence as one claim.

    Not an extraction: a stand-in with the right shape and real quotes, so the whole pipeline
    (grounding included) runs against this server.
    """
    first = re.split(r"(?<=[.!?])\s", article.strip(), maxsplit=1)[0][:300] or article[:50]
    factuality = {
        "certainty": "certain",
        "polarity": "positive",
        "evidential": "direct",
        "cues": [],
    }
    return {
        "language": "en",
        "sources": [
            {
                "id": "S1",
                "name": None,
                "kind": "author",
                "named": False,
                "role": None,
                "affiliation": None,
                "via": None,
                "evidence": [],
            }
        ],
        "claims": [
            {
                "id": "C1",
                "text": first,
                "ambiguous": False,
                "source_ids": ["S1"],
                "author": factuality,
                "source": None,
                "evidence": [first],
            }
        ],
        "timeline": [],
    }


def answer_reply(request: ServedRequest, answer: dict[str, Any] | str, **kw: Any) -> Reply:
    """Reply with `answer` in whatever shape the request asked for (content or tool call)."""
    content = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
    tools = request.json().get("tools") or []
    tool = tools[0]["function"]["name"] if tools else None
    return Reply(body=completion(content, tool=tool, **kw))


def stub_handler(request: ServedRequest) -> Reply:
    """The stub answer, reporting the prompt tokens a server that read the whole prompt would
    (4 characters per token): the client refuses answers to prompts a server visibly cut."""
    return answer_reply(request, stub_answer(request.article), prompt_tokens=request.prompt_tokens)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512  # the default 5 drops connections when a batch opens 32 at once


class FakeOpenAI:
    """Serve `POST /v1/chat/completions` (and any other path) through a handler function.

    `latency` delays every answer (and every fault); `record=False` keeps only per-article
    counts instead of every request (for long benchmark runs).
    """

    def __init__(
        self,
        handler: Handler = stub_handler,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
        hang_seconds: float = 30.0,
        record: bool = True,
    ) -> None:
        self.handler = handler
        self.latency = latency
        self.hang_seconds = hang_seconds
        self.record = record
        self.requests: list[ServedRequest] = []
        self.per_article: Counter[str] = Counter()  # article_key -> requests
        self._count = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = _HTTPServer((host, port), self._make_handler())
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    @property
    def count(self) -> int:
        return self._count

    def requests_for(self, article: str) -> int:
        """How many requests carried this article text."""
        return self.per_article[article_key(article)]

    def stats(self) -> dict[str, Any]:
        """What `GET .../_fake/stats` returns: request counts and this process's CPU time."""
        with self._lock:
            return {
                "requests": self._count,
                "per_article": dict(self.per_article),
                "cpu_seconds": time.process_time(),
            }

    def start(self) -> FakeOpenAI:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread (for a server process); returns after `stop`."""
        self._server.serve_forever(poll_interval=0.05)

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _arrive(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> ServedRequest:
        with self._lock:
            request = ServedRequest(
                method=method, path=path, headers=headers, body=body, index=self._count
            )
            self._count += 1
            if self.record:
                self.requests.append(request)
        try:
            key = article_key(request.article)
        except (ValueError, AttributeError):  # not a chat request: counted, not per article
            return request
        with self._lock:
            self.per_article[key] += 1
        return request

    def _make_handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet by default
                pass

            def _send(
                self, status: int, payload: bytes, headers: dict[str, str], trickle: float = 0.0
            ) -> None:
                self.send_response(status)
                given = {key.lower() for key in headers}
                if "content-type" not in given:
                    self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if not trickle:
                    self.wfile.write(payload)
                    return
                for i in range(len(payload)):
                    if server._stopping.wait(trickle):
                        return
                    self.wfile.write(payload[i : i + 1])
                    self.wfile.flush()

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                if self.path.endswith(STATS_PATH):
                    self._send(200, json.dumps(server.stats()).encode(), {})
                    return
                request = server._arrive(
                    self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body
                )
                if self.command == "GET" and self.path.split("?")[0].rstrip("/").endswith(
                    "/models"
                ):
                    models = {"object": "list", "data": [{"id": "fake-model", "object": "model"}]}
                    self._send(200, json.dumps(models).encode(), {})
                    return
                try:
                    reply = server.handler(request)
                except Exception as exc:  # a handler's bug is a 500, never a dropped connection
                    error = {"error": {"message": f"fake server: {type(exc).__name__}: {exc}"}}
                    self._send(500, json.dumps(error).encode(), {})
                    return
                if server.latency:
                    time.sleep(server.latency)
                if reply == HANG:
                    server._stopping.wait(server.hang_seconds)
                    self.close_connection = True
                    return
                if reply == DROP or not isinstance(reply, Reply):
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                if reply.delay:
                    time.sleep(reply.delay)
                payload = (
                    reply.body
                    if isinstance(reply.body, bytes)
                    else (json.dumps(reply.body).encode())
                )
                try:
                    self._send(reply.status, payload, reply.headers, reply.trickle)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up: fine
                    self.close_connection = True

            do_POST = do_GET = do_DELETE = _serve

        return _Handler
