"""A real OpenAI-compatible HTTP server on 127.0.0.1, for tests, benchmarks and dry runs.

Tests of retries, caching, batches and faults talk to this server over real HTTP through the real
openai client, so they exercise exactly the code users run. Behaviour is scripted per request by
a handler returning a `Reply` (status, headers, body, delay) or a fault (`HANG`, `DROP`).

    with FakeOpenAI(handler) as server:
        llmclaims.summarize(text, model="fake", base_url=server.base_url, cache=False)

Run `python -m llmclaims.testing` to serve grounded stub answers for any article (useful to try
the CLI or a batch without a model).
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = [
    "DROP",
    "HANG",
    "FakeOpenAI",
    "Reply",
    "ServedRequest",
    "answer_reply",
    "completion",
    "error_reply",
    "stub_answer",
]


@dataclass
class Reply:
    """One scripted HTTP answer. `body` is JSON-encoded unless already bytes."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


HANG = "hang"  # keep the connection open without answering, until the client times out
DROP = "drop"  # close the connection without an HTTP answer

Handler = Callable[["ServedRequest"], "Reply | str"]


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
    def article(self) -> str:
        """The article text inside the user message, as llmclaims' prompt delimits it."""
        for message in self.json().get("messages", []):
            content = message.get("content")
            if message.get("role") == "user" and isinstance(content, str):
                found = re.search(r"<article>\n(.*)\n</article>", content, re.DOTALL)
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
        message["tool_calls"] = [{"id": "call_fake", "type": "function",
                                  "function": {"name": tool, "arguments": content}}]
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
    factuality = {"certainty": "certain", "polarity": "positive", "evidential": "direct",
                  "cues": []}
    return {
        "language": "en",
        "sources": [{"id": "S1", "name": None, "kind": "author", "named": False, "role": None,
                     "affiliation": None, "via": None, "evidence": []}],
        "claims": [{"id": "C1", "text": first, "ambiguous": False, "source_ids": ["S1"],
                    "author": factuality, "source": None, "evidence": [first]}],
        "timeline": [],
    }


def answer_reply(request: ServedRequest, answer: dict[str, Any] | str, **kw: Any) -> Reply:
    """Reply with `answer` in whatever shape the request asked for (content or tool call)."""
    content = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
    tools = request.json().get("tools") or []
    tool = tools[0]["function"]["name"] if tools else None
    return Reply(body=completion(content, tool=tool, **kw))


def stub_handler(request: ServedRequest) -> Reply:
    return answer_reply(request, stub_answer(request.article))


class FakeOpenAI:
    """Serve `POST /v1/chat/completions` (and any other path) through a handler function."""

    def __init__(
        self,
        handler: Handler = stub_handler,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
        hang_seconds: float = 30.0,
    ) -> None:
        self.handler = handler
        self.latency = latency
        self.hang_seconds = hang_seconds
        self.requests: list[ServedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer((host, port), self._make_handler())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def count(self) -> int:
        return len(self.requests)

    def start(self) -> FakeOpenAI:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

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

    def _make_handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet by default
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                with server._lock:
                    request = ServedRequest(
                        method=self.command,
                        path=self.path,
                        headers={k.lower(): v for k, v in self.headers.items()},
                        body=body,
                        index=len(server.requests),
                    )
                    server.requests.append(request)
                reply = server.handler(request)
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
                payload = reply.body if isinstance(reply.body, bytes) else (
                    json.dumps(reply.body).encode()
                )
                self.send_response(reply.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

            do_POST = do_GET = do_DELETE = _serve

        return _Handler


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Serve stub OpenAI-compatible answers locally.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    server = FakeOpenAI(port=args.port, latency=args.latency)
    print(f"serving on {server.base_url} (Ctrl-C to stop)")
    try:
        server._server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
