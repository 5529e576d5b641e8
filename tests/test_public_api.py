"""The package's public surface is exactly ``llmclaims.__all__``.

A name users can reach as ``llmclaims.X`` without being in ``__all__`` is public by accident
(and breaks ``from llmclaims import *`` users silently); a name in ``__all__`` that is not
defined breaks them loudly. Submodules are reachable as attributes once imported, so they
are not counted.
"""

from types import ModuleType

import llmclaims


def _public_names() -> set[str]:
    return {
        name
        for name, value in vars(llmclaims).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)
    }


def test_public_names_equal_all() -> None:
    assert _public_names() == set(llmclaims.__all__)


def test_all_has_no_duplicates_and_every_name_resolves() -> None:
    assert len(llmclaims.__all__) == len(set(llmclaims.__all__))
    for name in llmclaims.__all__:
        assert getattr(llmclaims, name, None) is not None, name
