"""What one article's request is made of, built once and reused for every article.

instructor does real work per call that does not depend on the article: it wraps the response
model in a freshly created Pydantic class, regenerates that class's JSON Schema (pydantic does not
cache `model_json_schema`), and, whenever a validation `context` is passed, compiles every
message as a new Jinja template. Measured on the reference article, that was about 3.9 ms of
client CPU per article (3.2 ms schema and wrapping, 0.7 ms templating), more than the bare openai
call itself (about 3 ms on the same machine). This module pays those costs once:

- `ANSWER_MODEL` is instructor's own wrapper of `WireArticle`, made once, with its JSON Schema
  generated once (instructor does not wrap again a class it already wrapped);
- `render_messages` renders our prompt with templates compiled once. The article is inserted as
  a value, never parsed as a template, so "{{" in an article is just text;
- the evidence check reaches validation through `validation_context` (a ContextVar read by
  `ANSWER_MODEL`'s validate methods) instead of instructor's `context=`, which would also
  re-template the already rendered messages. The messages therefore reach the model exactly as
  rendered (instructor's templating step also `dedent`ed them, which could alter articles).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from typing import Any

from instructor import OpenAISchema, openai_schema
from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment

from .prompt_files import Prompt
from .wire import WireArticle

_Wrapped: type[WireArticle] = openai_schema(WireArticle)

# What the current article's validation sees as `info.context` (the evidence check).
validation_context: ContextVar[dict[str, Any] | None] = ContextVar(
    "llmclaims_validation_context", default=None
)


class _Answer(_Wrapped):  # type: ignore[misc, valid-type]
    """`WireArticle` as instructor wraps it, with its JSON Schema generated once."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # Only the default call is cached. The top level is copied (instructor's tools-mode
        # helper sets keys there); nested parts are shared, as instructor shares its own cached
        # schemas, and nothing on the request path mutates them.
        if args or kwargs:
            return _Wrapped.model_json_schema(*args, **kwargs)
        return dict(_SCHEMA)

    @classmethod
    def model_validate_json(cls, json_data: Any, **kwargs: Any) -> Any:
        if kwargs.get("context") is None:
            kwargs["context"] = validation_context.get()
        return super().model_validate_json(json_data, **kwargs)

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Any:
        if kwargs.get("context") is None:
            kwargs["context"] = validation_context.get()
        return super().model_validate(obj, **kwargs)


_SCHEMA: dict[str, Any] = _Wrapped.model_json_schema()
_Answer.__name__ = _Answer.__qualname__ = WireArticle.__name__  # the schema's name on the wire
ANSWER_MODEL: type[WireArticle] = _Answer
assert issubclass(ANSWER_MODEL, OpenAISchema)  # so instructor does not wrap it again


@lru_cache(maxsize=8)
def _compiled(source: str) -> Template:
    return SandboxedEnvironment().from_string(source)


# The article sits between <article> tags; a "</article>" inside it would close the data early
# and let the text after it read as the prompt's own words. In the prompt (never in the text the
# offsets refer to) it is written "<\/article>".
_CLOSING_TAG = re.compile(r"<\s*/(\s*article)", re.IGNORECASE)


def render_messages(prompt: Prompt, article: str, published: date | None) -> list[dict[str, str]]:
    """The system and user messages for one article."""
    variables = {
        "article": _CLOSING_TAG.sub(r"<\\/\1", article),
        "published": published.isoformat() if published else "",
    }
    return [
        {"role": "system", "content": _compiled(prompt.system).render(variables)},
        {"role": "user", "content": _compiled(prompt.user).render(variables)},
    ]
