"""Everything llmclaims knows about particular languages, one module per language.

The engines (grounding, hedging, dates) are language-neutral: they read word lists and small hooks
from these modules and nothing else. A language module is plain data (module-level constants, named
the same in every module) plus, where data is not enough, a few small functions. Adding a language
is one new module here, registered in `_MODULES`, with its test table and prompt example.

Codes are BCP 47 tags; only the primary subtag picks the module (`it-IT`, `es-419` → `it`, `es`).
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from . import en, es, it

_MODULES: dict[str, ModuleType] = {module.CODE: module for module in (en, it, es)}


def supported() -> tuple[str, ...]:
    """The language codes with a module, in registration order."""
    return tuple(_MODULES)


def for_code(code: str | None) -> ModuleType | None:
    """The module for a language tag (`it`, `it-IT`, `es_419`), or None when there is none."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-", 1)[0].lower()
    return _MODULES.get(primary)


def registered() -> tuple[ModuleType, ...]:
    """Every language module, for checks that run whatever the article's language."""
    return tuple(_MODULES.values())


@cache
def union(name: str) -> frozenset[str]:
    """One word set across every registered language (e.g. `NEGATIONS` for grounding, which must
    refuse to fuzz away a negation in any language it knows)."""
    words: set[str] = set()
    for module in _MODULES.values():
        words.update(getattr(module, name, ()))
    return frozenset(words)
