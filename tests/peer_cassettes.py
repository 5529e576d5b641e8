"""Read other projects' recorded HTTP interactions back as plain responses, for replay tests.

The recordings in `tests/data/peer_cassettes` are third-party files kept verbatim, so they come
in every format their projects used. This module turns each into a list of `Recorded`
responses (status, headers, decoded body bytes) that a `llmclaims.testing.FakeOpenAI` handler
can serve back over real HTTP. Formats handled:

- stock vcrpy YAML: `interactions[].response` with `status.code`, `headers`, `body.string`;
  the body may be a `!!binary` gzip stream (when the recorder kept `Content-Encoding: gzip`);
- pydantic-ai's vcrpy serializer: JSON bodies stored as a YAML tree under `parsed_body`
  (re-dumped to JSON here);
- Ruby VCR YAML: `http_interactions[]`, bodies with an `encoding` and, when not plain ASCII,
  Ruby's local `!binary` tag holding base64 (PyYAML's safe loader rejects it unaided);
- the old vcrpy httpx-stub schema: `response.content`, `status_code`, `http_version`;
- Go `httprr` traces (langchaingo): raw HTTP/1.1 or HTTP/2 dumps, chunked framing included.

Nothing here knows about llmclaims: it only reads files.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "CASSETTES",
    "HOP_BY_HOP",
    "SUFFIXES",
    "Recorded",
    "cassette",
    "chat_completions",
    "recorded_responses",
    "replay_headers",
]

CASSETTES = Path(__file__).parent / "data" / "peer_cassettes"
SUFFIXES = (".yaml", ".yml", ".httprr")  # the files `recorded_responses` reads

# Headers that describe the recorded connection or encoding rather than the answer: the replay
# server frames its own (decoded) body, so these would lie about it.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "content-encoding",
        "content-length",
        "keep-alive",
        "transfer-encoding",
    }
)


@dataclass(frozen=True)
class Recorded:
    """One recorded HTTP response, decoded.

    `headers` has lower-cased names; a header recorded several times is joined with ", ".
    `body` is what the client would read after decoding: gzip undone, base64 undone,
    `parsed_body` re-dumped as JSON. `method` and `uri` are those of the request it answered.
    """

    status: int
    headers: dict[str, str]
    body: bytes
    method: str = ""
    uri: str = ""

    def json(self) -> Any:
        return json.loads(self.body)


def cassette(relative: str) -> Path:
    """A recording under `tests/data/peer_cassettes`, e.g. 'mirascope/python/.../sync.yaml'."""
    path = CASSETTES / relative
    if not path.is_file():
        raise FileNotFoundError(f"no peer cassette {relative!r} under {CASSETTES.name}")
    return path


def recorded_responses(path: str | Path) -> list[Recorded]:
    """Every response recorded in one cassette, in recording order."""
    path = Path(path)
    if path.suffix == ".httprr":
        return list(_httprr(path.read_bytes()))
    if path.suffix in (".yaml", ".yml"):
        return list(_vcr(yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)))
    raise ValueError(f"unsupported cassette format: {path.name}")


def chat_completions(path: str | Path) -> list[Recorded]:
    """Only the responses to `POST .../chat/completions` (cassettes also record other calls)."""
    return [
        r
        for r in recorded_responses(path)
        if r.method.upper() == "POST" and "/chat/completions" in r.uri
    ]


def replay_headers(recorded: Recorded, *, drop: Iterable[str] = ()) -> dict[str, str]:
    """The recorded headers a replay server should send: all but hop-by-hop/length ones."""
    dropped = HOP_BY_HOP | {name.lower() for name in drop}
    return {k: v for k, v in recorded.headers.items() if k not in dropped}


# -- YAML (vcrpy, pydantic-ai, Ruby VCR, old httpx-stub) -------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe YAML plus Ruby's `!binary` (base64). `!!binary` is standard and already handled."""


def _ruby_binary(loader: yaml.SafeLoader, node: yaml.Node) -> bytes:
    return base64.b64decode(loader.construct_scalar(node))  # type: ignore[arg-type]


_Loader.add_constructor("!binary", _ruby_binary)


def _vcr(document: Any) -> Iterator[Recorded]:
    if not isinstance(document, dict):
        raise ValueError("not a VCR cassette (top level is not a mapping)")
    interactions = document.get("interactions", document.get("http_interactions"))
    if not isinstance(interactions, list):
        raise ValueError("not a VCR cassette (no interactions / http_interactions list)")
    for interaction in interactions:
        request = interaction.get("request") or {}
        response = interaction["response"]
        headers = _headers(response.get("headers") or {})
        yield Recorded(
            status=_status(response),
            headers=headers,
            body=_decode(_raw_body(response)),
            method=str(request.get("method", "")).upper(),
            uri=str(request.get("uri", "")),
        )


def _status(response: dict[str, Any]) -> int:
    status = response.get("status")
    if isinstance(status, dict):  # vcrpy, Ruby VCR: {code: 200, message: OK}
        return int(status["code"])
    if status is not None:
        return int(status)
    return int(response["status_code"])  # old vcrpy httpx stub


def _headers(recorded: dict[str, Any]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, values in recorded.items():
        if not isinstance(values, list):
            values = [values]
        text = ", ".join(v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in values)
        key = str(name).lower()
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    return headers


def _raw_body(response: dict[str, Any]) -> bytes:
    if "parsed_body" in response:  # pydantic-ai stores JSON bodies as a YAML tree
        return json.dumps(response["parsed_body"], ensure_ascii=False).encode("utf-8")
    body = response.get("body", response.get("content", b""))  # `content`: old httpx stub
    if isinstance(body, dict):
        body = body.get("string", b"")
    if body is None:
        return b""
    return body if isinstance(body, bytes) else str(body).encode("utf-8")


def _decode(body: bytes) -> bytes:
    """Undo a gzip Content-Encoding the recorder kept (recognised by gzip's magic bytes)."""
    return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


# -- Go httprr ----------------------------------------------------------------------------------


def _httprr(data: bytes) -> Iterator[Recorded]:
    """`httprr trace v1`, then per exchange a `<request size> <response size>` line and both
    raw dumps, back to back."""
    magic, _, rest = data.partition(b"\n")
    if magic.strip() != b"httprr trace v1":
        raise ValueError("not an httprr trace")
    while rest.strip():
        sizes, _, rest = rest.partition(b"\n")
        request_size, response_size = (int(n) for n in sizes.split())
        request = rest[:request_size]
        response = rest[request_size : request_size + response_size]
        rest = rest[request_size + response_size :]
        method, uri = request.split(b"\n", 1)[0].decode("latin-1").split()[:2]
        yield _raw_response(response, method=method, uri=uri)


def _raw_response(raw: bytes, *, method: str, uri: str) -> Recorded:
    head, separator, body = raw.partition(b"\r\n\r\n")
    if not separator:
        head, _, body = raw.partition(b"\n\n")
    lines = head.decode("latin-1").splitlines()
    status = int(lines[0].split()[1])  # "HTTP/2.0 200 OK"
    pairs: dict[str, list[str]] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        pairs.setdefault(name.strip(), []).append(value.strip())
    headers = _headers(pairs)
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    return Recorded(
        status=status, headers=headers, body=_decode(body), method=method.upper(), uri=uri
    )


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    while body:
        size_line, _, body = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            break
        out += body[:size]
        body = body[size + 2 :]  # the chunk's trailing CRLF
    return bytes(out)
