"""Typed errors, all under `LLMClaimsError`, each saying what to do next.

Messages never include the API key: the transport redacts it before an error is built (see
`redact` below), because provider error bodies sometimes echo part of it back.
"""

from __future__ import annotations

import re

_KEY_PATTERNS = [
    re.compile(r"sk-[A-Za-z0-9_\-*]{8,}"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9_.\-*]{8,}"),
]


def redact(message: str, *secrets: str | None) -> str:
    """Remove secrets (the given ones: API key, URL password, URL query values; and anything
    shaped like a key) from a message."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            message = message.replace(secret, "[REDACTED]")
    for pattern in _KEY_PATTERNS:
        message = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "[REDACTED]", message)
    return message


class LLMClaimsError(Exception):
    """Base class: catch this to handle every failure of the library."""


class ConfigurationError(LLMClaimsError):
    """Something the caller must set is missing or wrong (API key, model, mode)."""


class InputError(LLMClaimsError):
    """The article cannot be processed as given (empty, binary, not UTF-8, too long)."""


class ProviderError(LLMClaimsError):
    """The provider answered with an error, or could not be reached, after any retries.

    `status` is the HTTP status (None when no answer came back), `attempts` how many requests
    were made.
    """

    def __init__(self, message: str, *, status: int | None = None, attempts: int = 1) -> None:
        super().__init__(message)
        self.status = status
        self.attempts = attempts


class OutputError(LLMClaimsError):
    """The model answered, but not with a usable summary."""


class RefusalError(OutputError):
    """The model refused to answer (`message.refusal` set)."""


class TruncatedOutputError(OutputError):
    """The answer was cut off (`finish_reason: length`): raise the output token limit."""


class PromptTruncatedError(OutputError):
    """The server read far fewer prompt tokens than were sent: it cut the article to fit its
    context window, so the answer covers part of it. Give the server a larger context, or tell
    llmclaims the context it has (`context_tokens`), which then sends smaller pieces."""


class ContentFilteredError(OutputError):
    """The provider's content filter blocked the prompt or the answer."""


class InvalidOutputError(OutputError):
    """The answer still did not match the schema after every re-ask."""


__all__ = [
    "ConfigurationError",
    "ContentFilteredError",
    "InputError",
    "InvalidOutputError",
    "LLMClaimsError",
    "OutputError",
    "PromptTruncatedError",
    "ProviderError",
    "RefusalError",
    "TruncatedOutputError",
    "redact",
]
