"""Find and load the versioned prompt templates.

The templates live in the top-level `prompts/` folder of the source tree, which the wheel ships
as `llmclaims/prompts/`. An installed wheel finds them beside this module; a source checkout
(editable install, tests) finds them one level up.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment

from . import languages

CURRENT = "summarize/v1"


def prompt_dir() -> Path:
    """The folder holding the prompt templates, wherever the package was installed from."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "prompts", here.parent / "prompts"):
        if (candidate / CURRENT / "system.jinja").is_file():
            return candidate
    raise FileNotFoundError(
        f"llmclaims prompt templates not found next to {here}; the installation is incomplete "
        "(reinstall llmclaims)"
    )


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
    folder = prompt_dir() / version
    examples = [
        {"cues": module.PROMPT_CUES, "example": module.PROMPT_EXAMPLE}
        for module in languages.registered()
        if hasattr(module, "PROMPT_EXAMPLE")
    ]
    system = SandboxedEnvironment().from_string(
        (folder / "system.jinja").read_text(encoding="utf-8")
    )
    phrases = {
        variable: [p for module in languages.registered() for p in getattr(module, name, ())]
        for variable, name in _PHRASE_LISTS.items()
    }
    return Prompt(
        version=version,
        system=system.render(languages=examples, **phrases),
        user=(folder / "user.jinja").read_text(encoding="utf-8"),
    )
