"""Resolve settings from arguments first, then the environment, then defaults.

The environment names are the ones the openai SDK already reads (`OPENAI_API_KEY`,
`OPENAI_BASE_URL`), so a configured machine needs nothing new, plus `LLMCLAIMS_*` for what is
ours. Resolution happens once per `Summarizer`, not per article.
"""

from __future__ import annotations

import ipaddress
import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

import instructor

from .article_text import DEFAULT_MAX_CHARS
from .errors import ConfigurationError, redact

MODES: dict[str, instructor.Mode] = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "tools_strict": instructor.Mode.TOOLS,  # strict: true added by transport.strict_request
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
Mode = Literal["json_schema", "tools", "tools_strict", "json", "md_json"]
LOCAL_KEY = "not-needed"  # sent to local servers that ignore keys; never a real secret


@dataclass(frozen=True)
class Settings:
    model: str
    base_url: str | None = field(repr=False)  # may hold user:password@ or ?api-key=
    api_key: str = field(repr=False)
    mode: str = "json_schema"
    temperature: float | None = None
    max_tokens: int | None = None
    timeout: float = 120.0  # seconds for a whole request: connect, wait and the entire body
    max_response_bytes: int = 8 << 20  # a larger (or decompressed-larger) body is refused
    retries: int = 4
    retry_max_wait: float = 60.0
    reasks: int = 2
    cache_dir: Path | None = None
    grounding: str = "flag"
    max_chars: int = DEFAULT_MAX_CHARS
    # The model's context window in tokens: sizes the pieces of an article (chunking.py).
    context_tokens: int | None = None
    # Extra request fields (vLLM's `chat_template_kwargs`, ...): they change the answer, so they
    # are part of the cache key (see `sampling`). Not hashed: a dict is not hashable, and equal
    # settings still compare equal.
    extra_body: Mapping[str, Any] | None = field(default=None, hash=False)
    # Extra HTTP headers (a proxy's token, ...): treated as secrets, never cached or shown.
    extra_headers: Mapping[str, str] | None = field(default=None, repr=False, hash=False)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Everything that must never reach a message: the key, the base URL's password, user
        name and query values (`?api-key=`), and the values of extra headers."""
        headers = tuple(self.extra_headers.values()) if self.extra_headers else ()
        return (self.api_key, *url_secrets(self.base_url), *headers)

    @property
    def instructor_mode(self) -> instructor.Mode:
        return MODES[self.mode]

    @property
    def endpoint(self) -> str:
        """The base URL without credentials or query string: safe to log and to cache-key."""
        url = self.base_url or "https://api.openai.com/v1"
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{host}{port}{parts.path.rstrip('/')}"

    def sampling(self) -> dict[str, Any]:
        """Request parameters that change the answer (and so belong in the cache key)."""
        params: dict[str, Any] = {}
        if self.temperature is not None:
            params["temperature"] = self.temperature
        if self.max_tokens is not None:
            params["max_tokens"] = self.max_tokens
        if self.extra_body:
            params["extra_body"] = dict(self.extra_body)
        return params


def url_secrets(url: str | None) -> tuple[str, ...]:
    """The credential parts of a URL, for redaction; nothing for a URL that does not parse."""
    if not url:
        return ()
    try:
        parts = urlsplit(url)
        found = [parts.password, parts.username, *(v for _, v in parse_qsl(parts.query))]
    except ValueError:
        found = re.findall(r"//[^/@]*:([^/@]+)@", url) + re.findall(r"=([^&#]+)", url)
    return tuple(v for v in found if v)


def is_local(base_url: str | None) -> bool:
    """True for servers on this machine or a private network (Ollama, vLLM, llama.cpp)."""
    if not base_url:
        return False
    host = urlsplit(base_url).hostname or ""
    if host in ("localhost",) or host.endswith((".local", ".internal", ".localhost")):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private or ip.is_link_local


def default_cache_dir() -> Path:
    env = os.environ.get("LLMCLAIMS_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("llmclaims", appauthor=False))


def resolve(
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: str | None = None,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    **options: Any,
) -> Settings:
    """Build `Settings`, raising `ConfigurationError` with the fix when something is missing."""
    _check_types(model=model, base_url=base_url, api_key=api_key, mode=mode, cache_dir=cache_dir)
    if not isinstance(cache, bool):
        raise ConfigurationError(f"cache must be True or False, not {cache!r}")
    _check_options(options)  # first: a misspelt option is the error to see, not a missing key
    model = model or os.environ.get("LLMCLAIMS_MODEL")
    if not model:
        raise ConfigurationError(
            "no model given: pass model='gpt-4o-mini' (or --model), or set LLMCLAIMS_MODEL"
        )
    base_url = base_url or os.environ.get("OPENAI_BASE_URL") or None
    if base_url is not None:
        _check_base_url(base_url)
    api_key = api_key or os.environ.get("OPENAI_API_KEY") or None
    if not api_key:
        if not is_local(base_url):
            where = base_url or "the OpenAI API"
            raise ConfigurationError(
                f"no API key for {where}: set OPENAI_API_KEY or pass api_key=... "
                "(local servers such as Ollama or vLLM need none: pass their base_url)"
            )
        api_key = LOCAL_KEY
    mode = mode or os.environ.get("LLMCLAIMS_MODE") or "json_schema"
    if mode not in MODES:
        raise ConfigurationError(f"unknown mode {mode!r}: choose one of {', '.join(MODES)}")
    grounding = options.get("grounding", "flag")
    if grounding not in ("strict", "flag", "keep"):
        raise ConfigurationError(f"unknown grounding policy {grounding!r}: strict, flag or keep")
    if options.get("extra_body"):  # a private copy: the caller's dict may change later
        options["extra_body"] = json.loads(json.dumps(options["extra_body"]))
    if options.get("extra_headers"):
        options["extra_headers"] = dict(options["extra_headers"])
    directory = None
    if cache:
        directory = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
    return Settings(
        model=model, base_url=base_url, api_key=api_key, mode=mode, cache_dir=directory, **options
    )


# Options beyond the ones `resolve` names, with what each must be. A wrong one is refused here,
# by name, instead of surfacing later as a TypeError about an internal class.
_OPTIONS: dict[str, tuple[str, object]] = {
    "grounding": ("'strict', 'flag' or 'keep'", lambda v: v in ("strict", "flag", "keep")),
    "temperature": ("a number >= 0 or None", lambda v: v is None or _number(v, 0)),
    "max_tokens": ("a whole number >= 1 or None", lambda v: v is None or _whole(v, 1)),
    "timeout": ("a number of seconds > 0", lambda v: _number(v, 0) and v > 0),
    "max_response_bytes": ("a whole number of bytes >= 1024", lambda v: _whole(v, 1024)),
    "retries": ("a whole number >= 0", lambda v: _whole(v, 0)),
    "retry_max_wait": ("a number of seconds >= 0", lambda v: _number(v, 0)),
    "reasks": ("a whole number >= 0", lambda v: _whole(v, 0)),
    "max_chars": ("a whole number >= 1", lambda v: _whole(v, 1)),
    "context_tokens": (
        "a whole number of tokens >= 1 or None",
        lambda v: v is None or _whole(v, 1),
    ),
    "extra_body": (
        "a dict of JSON values with str keys, none of the fields llmclaims sets "
        "(use max_tokens= and temperature= for those)",
        lambda v: v is None or _extra_body(v),
    ),
    "extra_headers": (
        "a dict of str header names to str values",
        lambda v: v is None or _headers(v),
    ),
}
# Everything `Summarizer(...)`, `summarize(...)` and `asummarize(...)` accept, in the order the
# error message lists them; a test holds their signatures to this list.
OPTIONS = ("model", "base_url", "api_key", "mode", "cache", "cache_dir", *_OPTIONS)
# Request fields llmclaims sets itself: an `extra_body` may not replace them.
_OWN_FIELDS = frozenset(
    {"model", "messages", "response_format", "tools", "tool_choice", "stream", "n",
     "max_tokens", "max_completion_tokens", "temperature"}
)  # fmt: skip


def given(values: Mapping[str, Any]) -> dict[str, Any]:
    """The options among `values` (a signature's `locals()`) that were given, i.e. not None:
    None means "the default", which `Settings` alone defines."""
    return {name: values[name] for name in OPTIONS if values.get(name) is not None}


def _extra_body(value: object) -> bool:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        return False
    if _OWN_FIELDS.intersection(value):
        return False
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return True


def _headers(value: object) -> bool:
    return isinstance(value, Mapping) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def _number(value: object, low: float) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= low
    )


def _whole(value: object, low: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= low


def _check_types(**values: object) -> None:
    """The named options are strings (a folder may be a Path); the value is not shown, as
    `api_key` is one of them."""
    for name, value in values.items():
        if value is not None and not isinstance(value, (str, Path) if name == "cache_dir" else str):
            raise ConfigurationError(f"{name} must be a string, not a {type(value).__name__}")


def _check_options(options: dict[str, Any]) -> None:
    for name, value in options.items():
        if name not in _OPTIONS:
            raise ConfigurationError(
                f"unknown option {name!r}; the options are: {', '.join(OPTIONS)}"
            )
        expected, ok = _OPTIONS[name]
        if not ok(value):  # type: ignore[operator]
            # header values are secrets: never echoed
            shown = "" if name == "extra_headers" else f", not {value!r}"
            raise ConfigurationError(f"{name} must be {expected}{shown}")


def _check_base_url(url: str) -> None:
    """Refuse a base URL that cannot be used, naming it without its credentials."""
    shown = redact(url, *url_secrets(url))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok:
        raise ConfigurationError(
            f"base URL {shown!r} is not a usable http(s) URL (e.g. http://localhost:11434/v1)"
        )
