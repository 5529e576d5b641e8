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

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

CURRENT = "summarize/v1"


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


@cache
def load_prompt(version: str = CURRENT) -> Prompt:
    folder = _under(prompt_dir(), version)
    return Prompt(
        version=version,
        system=folder.joinpath("system.jinja").read_text(encoding="utf-8"),
        user=folder.joinpath("user.jinja").read_text(encoding="utf-8"),
    )
