"""Find and load the versioned prompt templates.

The templates live in the top-level `prompts/` folder of the source tree, which the wheel ships
as the data folder `llmclaims/prompts/` (a folder of templates, not a Python package: this module
is named `prompt_files` so that no module and folder share a name). An installed package reads
them through `importlib.resources`, which also works from a zip or any other loader; a source
checkout (editable install, tests) has no such folder inside the package and reads the top-level
one.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2.sandbox import SandboxedEnvironment

from . import languages

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

CURRENT = "summarize/v2"


def prompt_dir() -> Traversable:
    """The folder holding the prompt templates, wherever the package was installed from."""
    installed = resources.files("llmclaims") / "prompts"
    checkout = Path(__file__).resolve().parent.parent / "prompts"
    for candidate in (installed, checkout):
        if _under(candidate, f"{CURRENT}/system.jinja").is_file():
            return candidate
    raise FileNotFoundError(
        "llmclaims prompt templates not found in the installed package; the installation is "
        "incomplete (reinstall llmclaims)"
    )


def _under(folder: Traversable, relative: str) -> Traversable:
    # Traversable.joinpath takes one segment at a time before Python 3.11.
    for part in relative.split("/"):
        folder = folder.joinpath(part)
    return folder


@dataclass(frozen=True)
class Prompt:
    """One version of the prompt: templates for instructor to render, and their identity."""

    version: str
    system: str
    user: str

    @property
    def digest(self) -> str:
        """Hash of the template text: part of the cache key, so edits never serve stale answers."""
        return hashlib.sha256(f"{self.system}\0{self.user}".encode()).hexdigest()[:16]


# The system template's lists of example phrases, each the registered languages' own.
_PHRASE_LISTS = {
    "date_expressions": "PROMPT_DATE_EXPRESSIONS",
    "anonymous_sources": "PROMPT_ANONYMOUS_SOURCES",
    "nested_attributions": "PROMPT_NESTED_ATTRIBUTIONS",
}


@cache
def load_prompt(version: str = CURRENT) -> Prompt:
    """The prompt, its system message rendered with every registered language's few-shot lines
    (`PROMPT_CUES`, `PROMPT_EXAMPLE` and the `_PHRASE_LISTS` of `llmclaims.languages`): adding
    a language adds its lines, and changes the digest, so no cached answer of the old prompt
    is served."""
    folder = _under(prompt_dir(), version)
    examples = [
        {"cues": module.PROMPT_CUES, "example": module.PROMPT_EXAMPLE}
        for module in languages.registered()
        if hasattr(module, "PROMPT_EXAMPLE")
    ]
    phrases = {
        variable: [p for module in languages.registered() for p in getattr(module, name, ())]
        for variable, name in _PHRASE_LISTS.items()
    }
    system = SandboxedEnvironment().from_string(
        folder.joinpath("system.jinja").read_text(encoding="utf-8")
    )
    return Prompt(
        version=version,
        system=system.render(languages=examples, **phrases),
        user=folder.joinpath("user.jinja").read_text(encoding="utf-8"),
    )
