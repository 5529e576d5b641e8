"""Month and weekday names of every registered language live only in its module.

The acceptance test of "a language is one module": grep the string literals of the
engines' code (not comments or docstrings, which may quote examples) for any registered
language's month and weekday names. A hit means a rule still carries a language inline.
"""

import io
import tokenize
from pathlib import Path

import pytest

from llmclaims import languages

PACKAGE = Path(languages.__file__).resolve().parents[1]
ENGINES = [*sorted(PACKAGE.glob("dates/*.py")), PACKAGE / "hedging.py", PACKAGE / "grounding.py"]


def _code_words(path: Path) -> set[str]:
    """Lower-case words of the string literals in ``path`` (identifiers are code, not
    language data), docstrings excluded."""
    words: set[str] = set()
    previous = tokenize.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline):
        is_docstring = tok.type == tokenize.STRING and previous in (
            tokenize.NEWLINE,
            tokenize.INDENT,
            tokenize.DEDENT,
            tokenize.NL,
        )
        if tok.type == tokenize.STRING and not is_docstring:
            words.update(w.lower() for w in _split(tok.string))
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            previous = tok.type
    return words


def _split(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalpha() else " " for c in text).split() if w]


def _calendar_names(module: object) -> set[str]:
    names = set(getattr(module, "DATE_MONTHS", {})) | set(getattr(module, "DATE_WEEKDAYS", {}))
    return {n.rstrip(".") for n in names if len(n.rstrip(".")) >= 5}  # skip "mar", "sun"...


@pytest.mark.parametrize("engine", ENGINES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_month_or_weekday_name_in_engine_code(engine: Path) -> None:
    names = set().union(*(_calendar_names(m) for m in languages.registered()))
    assert names, "no language module registers month or weekday names"
    assert sorted(_code_words(engine) & names) == []
