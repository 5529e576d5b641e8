"""The one place requests leave the process: transport retries, accounting, answer checks.

Retries happen here and only here. The openai SDK's own retries are switched off
(`max_retries=0`) and instructor retries only invalid output (re-asks), so one article never
costs more attempts than `Settings.retries`. This function is what instructor calls for each
attempt; it records every request and its token usage in the current `CallStats`, so usage is
summed over re-asks and transport retries alike.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import math
import re
import time
import weakref
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timezone
from typing import Any

import openai
from openai.types.chat import ChatCompletion
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

from .config import Settings
from .errors import (
    ConfigurationError,
    ContentFilteredError,
    ProviderError,
    RefusalError,
    TruncatedOutputError,
    redact,
)
from .models import Usage

# A child of the "llmclaims" logger, so a batch (which counts retries on its progress bar) can
# quiet the per-retry warnings without silencing anything else.
log = logging.getLogger("llmclaims.transport")

RETRY_STATUSES = frozenset({408, 409, 429})
_CONTEXT_TOO_LONG = re.compile(
    r"context.length|prompt (?:is )?too long|maximum context|context_length_exceeded", re.I
)

# A server refusing the structured-output parameter of the mode in use. Seen in the wild:
# llama.cpp before structured outputs (HTTP 500) 'response_format type must be one of "text" or
# "json_object", but got: json_schema'; llama-cpp-python (500) for json_schema; hosted servers
# (400) "response_format `json_schema` is not supported with this model", "tools are not
# supported". Such a refusal is the same on every attempt: never retried, always advised.
_MODE_PARAMETER = re.compile(
    r"response_format|json_schema|json_object|\btools?\b|tool_choice", re.I
)
_REFUSED = re.compile(
    r"not (?:be )?support|unsupported|must be one of|unknown|unrecognized|not allowed|"
    r"not permitted|invalid (?:value|type)",
    re.I,
)
# What to use instead, by the mode that was refused.
_INSTEAD = {
    "json_schema": "mode='md_json' (or mode='json' if the server accepts response_format "
    "json_object)",
    "json": "mode='md_json'",
    "tools": "mode='json_schema', or mode='md_json' if it has no structured outputs",
    "tools_strict": "mode='tools', mode='json_schema', or mode='md_json'",
}


def refuses_mode(exc: BaseException) -> bool:
    """True when a 4xx/5xx says the server does not support the structured-output parameter."""
    if not isinstance(exc, openai.APIStatusError) or exc.status_code < 400:
        return False
    said = str(exc.message)
    return bool(_MODE_PARAMETER.search(said) and _REFUSED.search(said))


@dataclass
class CallStats:
    """What one article cost: requests sent, answers received, retries, tokens."""

    requests: int = 0
    responses: int = 0
    transport_retries: int = 0
    usage: Usage = field(default_factory=Usage)
    model: str | None = None


current_stats: ContextVar[CallStats | None] = ContextVar("llmclaims_call_stats", default=None)


class MalformedBody(openai.OpenAIError):
    """An HTTP answer whose body is not JSON (a proxy's error page, a cut-off stream).

    The openai SDK lets the `JSONDecodeError` through, and instructor would take it for an
    invalid *model answer* and re-ask without any answer to show; it is a transport failure,
    retried here like a 502.
    """


class ErrorInBody(openai.OpenAIError):
    """HTTP 200 whose body is an error object (OpenRouter and some proxies do this): the
    provider's own message and code are kept, and it is retried when the code is transient."""

    def __init__(self, message: str, code: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ResponseTooLarge(openai.OpenAIError):
    """The body grew past `Settings.max_response_bytes` (decompressed): refused, not retried."""


def is_transient(exc: BaseException) -> bool:
    """408/409/429/5xx, timeouts, dropped connections and garbled bodies are worth another
    try; the rest not."""
    if isinstance(exc, openai.APIStatusError):
        if refuses_mode(exc):
            return False
        return exc.status_code in RETRY_STATUSES or exc.status_code >= 500
    if isinstance(exc, ErrorInBody):
        return exc.code is not None and (exc.code in RETRY_STATUSES or exc.code >= 500)
    return isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError, MalformedBody))


def _snippet(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat[:limit] + ("…" if len(flat) > limit else "")


def parse_completion(body: bytes) -> ChatCompletion:
    """The chat completion in a 200 body, or the exception that says what the body really was.

    The SDK would hand anything that parses as JSON to the response model: `null`, a list or an
    error object became "empty choices" (a content-filter error, never retried) and the
    provider's message was lost; bytes that are not UTF-8 or JSON nested 100,000 deep became an
    "unexpected failure".
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedBody(f"the body is not valid UTF-8 (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise MalformedBody("the body is JSON nested too deeply to be an answer") from None
    except ValueError:
        raise MalformedBody(f"the body is not JSON: {_snippet(text)!r}") from None
    if isinstance(data, dict) and data.get("error") and not data.get("choices"):
        error = data["error"]
        message = error.get("message") if isinstance(error, dict) else error
        code = error.get("code") if isinstance(error, dict) else None
        if isinstance(code, str) and code.isdigit():
            code = int(code)
        raise ErrorInBody(_snippet(str(message), 300), code if isinstance(code, int) else None)
    if not isinstance(data, dict) or not isinstance(data.get("choices", None), list):
        kind = "an object without choices" if isinstance(data, dict) else type(data).__name__
        raise MalformedBody(f"the body is {kind}, not a chat completion: {_snippet(text)!r}")
    return ChatCompletion.construct(**data)


class _Reader:
    """Reads one body under the whole-request deadline and the size cap.

    The SDK's timeout bounds each read, so a server dripping one byte a second held a request
    for as long as it liked; and a gzip body was expanded whole in memory (1 MB became 2.1 GB).
    Reading the decoded stream chunk by chunk bounds both.
    """

    def __init__(self, settings: Settings, started: float) -> None:
        self.deadline = started + settings.timeout
        self.cap = settings.max_response_bytes
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes, request: Any) -> None:
        self.size += len(chunk)
        if self.size > self.cap:
            raise ResponseTooLarge(
                f"the response exceeded max_response_bytes={self.cap:,} (after decompression)"
            )
        self.parts.append(chunk)
        if time.monotonic() > self.deadline:
            raise openai.APITimeoutError(request=request)

    def completion(self) -> ChatCompletion:
        return parse_completion(b"".join(self.parts))


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """The server's own wait hint (`retry-after-ms`, then `Retry-After`), when it gave one."""
    response = getattr(exc, "response", None)
    if response is None:
        return None
    headers = response.headers
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        seconds = _finite(raw_ms)
        if seconds is not None:
            return seconds / 1000.0
    raw = headers.get("retry-after")
    if not raw:
        return None
    seconds = _finite(raw)
    if seconds is not None:
        return seconds
    try:  # an HTTP date; anything else is no hint at all
        parsed = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return max(parsed.timestamp() - time.time(), 0.0)


def _finite(raw: str) -> float | None:
    """A header's number of seconds, or None: "nan", "inf" and words are no hint at all (a nan
    once reached `time.sleep` and crashed the sync path)."""
    try:
        value = float(raw)
    except ValueError:
        return None
    return max(value, 0.0) if math.isfinite(value) else None


class WaitRetryAfter:
    """Wait what the server asks (capped), else exponential backoff with full jitter."""

    def __init__(self, cap: float, initial: float = 0.5) -> None:
        self.cap = cap
        self.backoff = wait_random_exponential(multiplier=initial, max=cap)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = retry_after_seconds(exc)
        if hinted is not None:
            return min(hinted, self.cap)
        return self.backoff(state)


def retry_policy(settings: Settings, stats: Callable[[], CallStats | None]) -> dict[str, Any]:
    """Tenacity arguments for the one transport retry layer (also for other request paths)."""

    def count(state: RetryCallState) -> None:
        current = stats()
        if current is not None:
            current.transport_retries += 1
        exc = state.outcome.exception() if state.outcome else None
        log.warning("transient provider error, retrying: %s", redact(str(exc), *settings.secrets))

    return {
        "retry": retry_if_exception(is_transient),
        "wait": WaitRetryAfter(cap=settings.retry_max_wait),
        "stop": stop_after_attempt(settings.retries + 1),
        "before_sleep": count,
        "reraise": True,
    }


def provider_error(exc: Exception, settings: Settings, attempts: int) -> ProviderError | Exception:
    """Turn an openai exception into our typed error, with advice and without the key."""
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        advice = {
            400: "the provider rejected the request (check the model supports the mode "
            f"{settings.mode!r}; try mode='json' or 'md_json' for servers without "
            "structured outputs)",
            401: "the API key was rejected: check OPENAI_API_KEY",
            403: "the key is not allowed to use this model or endpoint",
            404: f"model {settings.model!r} or endpoint {settings.endpoint} not found",
            413: "the request is too large for this server: lower max_chars, or raise the "
            "server's request size limit",
            422: "the server could not process the request (often a parameter it does not "
            f"support in mode {settings.mode!r}; try mode='json' or 'md_json')",
            429: "rate limited after retries: lower concurrency or raise retries",
        }.get(
            status,
            "the provider failed after retries; try again later"
            if attempts > 1
            else "the provider rejected the request",
        )
        if status == 400 and _CONTEXT_TOO_LONG.search(str(exc.message)):
            advice = (
                "the article exceeds the model's context window: lower max_chars or use a "
                "model with a larger context"
            )
        elif refuses_mode(exc):
            advice = (
                f"this server does not support mode {settings.mode!r} (structured output "
                f"parameters it refuses): use {_INSTEAD.get(settings.mode, repr('md_json'))}; "
                "the README lists the mode each server needs"
            )
        message = f"HTTP {status} from {settings.endpoint}: {advice}. Provider said: {exc.message}"
        return ProviderError(redact(message, *settings.secrets), status=status, attempts=attempts)
    if isinstance(exc, ErrorInBody):
        code = f" (code {exc.code})" if exc.code is not None else ""
        message = (
            f"{settings.endpoint} answered HTTP 200 with an error{code} after {attempts} "
            f"attempt(s). Provider said: {exc.message}"
        )
        return ProviderError(redact(message, *settings.secrets), status=exc.code, attempts=attempts)
    if isinstance(exc, ResponseTooLarge):
        message = f"the response from {settings.endpoint} was refused: {exc}"
        return ProviderError(message, status=None, attempts=attempts)
    if isinstance(exc, openai.APITimeoutError):
        message = (
            f"no complete answer from {settings.endpoint} within {settings.timeout:g}s after "
            f"{attempts} attempt(s): raise timeout= or check the server"
        )
        return ProviderError(message, status=None, attempts=attempts)
    if isinstance(exc, openai.APIConnectionError):
        message = (
            f"cannot reach {settings.endpoint} after {attempts} attempt(s): check the base URL "
            "and that the server is running"
        )
        return ProviderError(message, status=None, attempts=attempts)
    if isinstance(exc, MalformedBody):
        message = (
            f"the response from {settings.endpoint} was not a chat completion after {attempts} "
            f"attempt(s) ({redact(str(exc), *settings.secrets)}): a proxy, a wrong base URL or "
            "a server that cut it short; check the base URL or try again later"
        )
        return ProviderError(message, status=None, attempts=attempts)
    return exc


def check_completion(completion: ChatCompletion) -> None:
    """Raise the typed error for answers that carry no usable content."""
    choices = getattr(completion, "choices", None) or []
    if not choices:
        if getattr(completion, "prompt_filter_results", None):
            raise ContentFilteredError("the provider's content filter blocked the prompt")
        raise ContentFilteredError("the provider returned no answer (empty choices)")
    choice = choices[0]
    message = getattr(choice, "message", None)
    if choice.finish_reason == "content_filter" or message is None:
        raise ContentFilteredError(
            "the provider's content filter blocked the answer (finish_reason="
            f"{choice.finish_reason!r}); the article may touch a filtered topic"
        )
    refusal = getattr(message, "refusal", None)
    if refusal:
        raise RefusalError(f"the model refused to answer: {refusal}")
    if choice.finish_reason == "length":
        raise TruncatedOutputError(
            "the answer was cut off at the output token limit (finish_reason='length'): "
            "raise max_tokens, or use a model with a larger output limit"
        )


def record_completion(completion: ChatCompletion) -> None:
    """Count an answer and its tokens in the current `CallStats`."""
    stats = current_stats.get()
    if stats is None:
        return
    stats.responses += 1
    stats.model = getattr(completion, "model", None) or stats.model
    usage = getattr(completion, "usage", None)
    if usage is not None:
        stats.usage = stats.usage + Usage(
            prompt_tokens=usage.prompt_tokens or 0,
            completion_tokens=usage.completion_tokens or 0,
            total_tokens=usage.total_tokens or 0,
        )


def strict_request(kwargs: dict[str, Any], mode: str) -> dict[str, Any]:
    """Ask for strict structured outputs: our wire schema is built to pass OpenAI's checks.

    `json_schema` always asks strictly. `tools_strict` marks each function `strict: true`
    itself: instructor 1.17 builds the same request for it as for `tools`, so without this the
    mode would silently be plain `tools`.
    """
    fmt = kwargs.get("response_format")
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        schema = dict(fmt["json_schema"])
        schema.setdefault("strict", True)
        kwargs = {**kwargs, "response_format": {**fmt, "json_schema": schema}}
    if mode == "tools_strict" and kwargs.get("tools"):
        tools = [
            {**tool, "function": {**tool["function"], "strict": True}}
            if isinstance(tool, dict) and isinstance(tool.get("function"), dict)
            else tool
            for tool in kwargs["tools"]
        ]
        kwargs = {**kwargs, "tools": tools}
    return kwargs


_SCHEMA_PARAMETERS = ("response_format", "tools")


def send_as_is(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Pass the schema-carrying parameters through `extra_body`, which the SDK sends untouched.

    Otherwise the openai SDK walks our whole JSON Schema through its TypedDict transformer on
    every call: an identity transform for plain JSON that cost about 0.4 ms per article. The
    JSON on the wire is the same.
    """
    moved = {key: kwargs[key] for key in _SCHEMA_PARAMETERS if key in kwargs}
    if not moved:
        return kwargs
    rest = {key: value for key, value in kwargs.items() if key not in moved}
    rest["extra_body"] = {**(kwargs.get("extra_body") or {}), **moved}
    return rest


def client_options(settings: Settings) -> dict[str, Any]:
    options: dict[str, Any] = {
        "api_key": settings.api_key,
        "base_url": settings.base_url,
        "timeout": settings.timeout,
        "max_retries": 0,
    }
    if settings.extra_headers:  # sent with every request; never part of the cache key
        options["default_headers"] = dict(settings.extra_headers)
    return options


def sync_create(settings: Settings) -> Callable[..., ChatCompletion]:
    """The per-attempt function instructor calls (sync): retries, accounting, checks."""
    try:
        client = openai.OpenAI(**client_options(settings))
    except openai.OpenAIError as exc:
        raise ConfigurationError(redact(str(exc), *settings.secrets)) from None
    policy = retry_policy(settings, current_stats.get)

    def create(**kwargs: Any) -> ChatCompletion:
        kwargs = send_as_is(strict_request(kwargs, settings.mode))
        attempts = 0
        failure: Exception | None
        try:
            for attempt in Retrying(**policy):
                with attempt:
                    attempts += 1
                    _count_request()
                    reader = _Reader(settings, time.monotonic())
                    with client.chat.completions.with_streaming_response.create(
                        **kwargs
                    ) as response:
                        for chunk in response.iter_bytes():
                            reader.add(chunk, response.http_request)
                    completion = reader.completion()
        except openai.OpenAIError as exc:
            failure = provider_error(exc, settings, attempts)
        else:
            failure = None
        if failure is not None:  # raised outside the handler: no __context__ to leak a key
            raise failure
        record_completion(completion)
        check_completion(completion)
        return completion

    return create


def _count_request() -> None:
    stats = current_stats.get()
    if stats is not None:
        stats.requests += 1


def async_create(settings: Settings) -> Callable[..., Awaitable[ChatCompletion]]:
    """The per-attempt function instructor awaits (async twin of `sync_create`).

    One client per event loop: an async client's pooled connections belong to the loop that
    opened them, and reusing them from a later `asyncio.run` fails each first request with a
    connection error (a wasted, retried attempt).
    """
    try:
        first: openai.AsyncOpenAI | None = openai.AsyncOpenAI(**client_options(settings))
    except openai.OpenAIError as exc:
        raise ConfigurationError(redact(str(exc), *settings.secrets)) from None
    clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, openai.AsyncOpenAI] = (
        weakref.WeakKeyDictionary()
    )
    policy = retry_policy(settings, current_stats.get)

    def client_for_this_loop() -> openai.AsyncOpenAI:
        nonlocal first
        loop = asyncio.get_running_loop()
        client = clients.get(loop)
        if client is None:
            client = first or openai.AsyncOpenAI(**client_options(settings))
            first = None
            clients[loop] = client
        return client

    async def create(**kwargs: Any) -> ChatCompletion:
        kwargs = send_as_is(strict_request(kwargs, settings.mode))
        attempts = 0
        failure: Exception | None
        try:
            async for attempt in AsyncRetrying(**policy):
                with attempt:
                    attempts += 1
                    _count_request()
                    reader = _Reader(settings, time.monotonic())
                    completions = client_for_this_loop().chat.completions
                    async with completions.with_streaming_response.create(**kwargs) as response:
                        async for chunk in response.iter_bytes():
                            reader.add(chunk, response.http_request)
                    completion = reader.completion()
        except openai.OpenAIError as exc:
            failure = provider_error(exc, settings, attempts)
        else:
            failure = None
        if failure is not None:  # raised outside the handler: no __context__ to leak a key
            raise failure
        record_completion(completion)
        check_completion(completion)
        return completion

    return create
