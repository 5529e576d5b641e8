"""Month and weekday names of every registered language live only in its module.

The acceptance test of "a language is one module": grep the string literals of the
engines' code (not comments or docstrings, which may quote examples) for any registered
language's month and weekday names. A hit means a rule still carries a language inline.
"""

import ast
import io
import re
import tokenize
import typing
import unicodedata
from pathlib import Path

import pytest

from llmclaims import languages
from llmclaims.wire import WireFactuality

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


# Every engine module outside `llmclaims/languages/`: the packages whose words live in a language
# module (dates, hedging, grounding, claim checks, assembly).
WORD_ENGINES = [
    *ENGINES,
    PACKAGE / "claim_checks.py",
    PACKAGE / "assemble.py",
]
# The word lists each language module carries, by the names the engines read.
WORD_LISTS = (
    "NEGATIONS",
    "NEGATIVE_PREDICATES",
    "CONDITIONALS",
    "MODALS",
    "HEDGE_ADVERBS",
    "IMPERSONAL_HEDGES",
    "EPISTEMIC_VERBS",
    "HEDGE_NOUNS",
    "HEDGE_CONDITIONS",
    "REPORTING_VERBS",
    "REPORTING_PARTICIPLES",
    "CERTAINTY_BOOSTERS",
)
# Short words that are also code ("t" of "don't", "no" and "on" as abbreviations, "if"):
# a string literal that is one of them says nothing about a language.
TOO_SHORT = 2


def _string_literals(path: Path) -> set[str]:
    """The lower-cased contents of every string constant in ``path`` (f-string pieces
    included), docstrings excluded."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        unicodedata.normalize("NFC", node.value).lower()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


def _schema_words() -> set[str]:
    """The data model's own values ("probable" is a certainty, and a Spanish adjective; "added"
    is a kind of grounding difference, and an English reporting verb)."""
    from llmclaims.models import DifferenceKind

    values: set[str] = set(typing.get_args(DifferenceKind))
    for field in WireFactuality.model_fields.values():
        values.update(a for a in typing.get_args(field.annotation) if isinstance(a, str))
    return values


def _language_words() -> dict[str, str]:
    """Every word and phrase of every registered language's lists -> where it comes from
    (the schema's own values left out)."""
    schema = _schema_words()
    assert "probable" in schema
    words: dict[str, str] = {}
    for module in languages.registered():
        for name in WORD_LISTS:
            for word in getattr(module, name, ()):
                word = unicodedata.normalize("NFC", word).lower()
                if len(word) > TOO_SHORT and word not in schema:
                    words.setdefault(word, f"{module.CODE}.{name}")
    return words


def test_every_language_module_carries_the_word_lists():
    for module in languages.registered():
        missing = [
            n for n in WORD_LISTS if n != "REPORTING_PARTICIPLES" and not getattr(module, n, ())
        ]
        assert missing == [], module.CODE
        for name in ("PROMPT_CUES", "PROMPT_EXAMPLE"):  # the prompt's few-shot lines
            assert isinstance(getattr(module, name, None), str), (module.CODE, name)
        for name in (
            "PROMPT_DATE_EXPRESSIONS",
            "PROMPT_ANONYMOUS_SOURCES",
            "PROMPT_NESTED_ATTRIBUTIONS",
        ):
            assert getattr(module, name, ()), (module.CODE, name)


@pytest.mark.parametrize("engine", WORD_ENGINES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_language_word_as_a_string_literal_in_engine_code(engine: Path) -> None:
    words = _language_words()
    assert len(words) > 100, "the language modules' word lists were not found"
    found = {w: words[w] for w in _string_literals(engine) if w in words}
    assert found == {}


def test_the_word_scan_finds_an_inlined_word(tmp_path: Path) -> None:
    """The scan is not vacuous: a hedge word written into code is found."""
    module = tmp_path / "engine.py"
    module.write_text('"""Docstrings may quote "allegedly"."""\nCUES = ("allegedly", "sarebbe")\n')
    assert {"allegedly", "sarebbe"} <= _string_literals(module) & set(_language_words())
    assert 'docstrings may quote "allegedly".' not in _string_literals(module)


# The engine's own vocabulary: TIMEX3 granularities, types, mods and tenses, and the internal
# names of calendar units, are identifiers that happen to be English words, not text to match.
def _engine_vocabulary() -> set[str]:
    from typing import get_args

    from llmclaims.dates import values

    names: set[str] = set()
    for alias in (values.Granularity, values.TimexType, values.Mod, values.Tense):
        names.update(w.lower() for v in get_args(alias) for w in _split(v))
    for module in languages.registered():
        names.update(getattr(module, "DATE_CAL_UNITS", {}).values())
        names.update(getattr(module, "DATE_STREAK_UNITS", {}).values())
        names.update(getattr(module, "DATE_SAME_UNITS", {}).values())
    names.update({"easter", "nth"})  # the kinds of holiday rule in DATE_HOLIDAYS
    return names


def _date_words(module: object) -> set[str]:
    """Every word of a language module's DATE_* tables (keys of dicts, items of lists)."""
    out: set[str] = set()
    for name in dir(module):
        if not name.startswith("DATE_"):
            continue
        table = getattr(module, name)
        if not isinstance(table, (str, dict, list, tuple, set, frozenset)):
            continue  # a flag such as DATE_MONTH_FIRST
        items = table if not isinstance(table, str) else [table]
        for item in items:
            for text in item if isinstance(item, tuple) else (item,):
                if isinstance(text, str):
                    out.update(w.lower() for w in _split(text))
    return out


def _regex_literal_words(path: Path) -> set[str]:
    """Lower-case words of the string literals of ``path`` outside docstrings and ``raise``
    statements (error messages are prose), with regex group names and escapes (``\\d``)
    removed. Upper case is the engine's own: TIMEX3 codes ("FA", "PAST_REF") and the names
    of the tables patterns are built from ("RANGE_OPEN")."""
    source = path.read_text("utf-8")
    group_names = set(re.findall(r"\(\?P<(\w+)>", source))  # identifiers: m.group("mon")
    words: set[str] = set()
    previous = tokenize.NEWLINE
    in_raise = False
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.NAME and tok.string == "raise":
            in_raise = True
        elif tok.type == tokenize.NEWLINE:
            in_raise = False
        is_docstring = tok.type == tokenize.STRING and previous in (
            tokenize.NEWLINE,
            tokenize.INDENT,
            tokenize.DEDENT,
            tokenize.NL,
        )
        if tok.type == tokenize.STRING and not is_docstring and not in_raise:
            text = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]", " ", tok.string)
            if re.match(r"[rb]?f", tok.string, re.IGNORECASE):
                text = re.sub(r"\{[^{}]*\}", " ", text)  # f-string fields are code
            found = re.findall(r"\w+", text)  # "is_timex3_value" is one identifier
            words.update(w for w in found if len(w) > 1 and w.isalpha() and w.islower())
            words -= group_names
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            previous = tok.type
    return words


DATE_ENGINE = sorted(PACKAGE.glob("dates/*.py"))


@pytest.mark.parametrize("engine", DATE_ENGINE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_date_word_of_any_language_in_the_date_engine(engine: Path) -> None:
    """Relative words, range and week/quarter words, tense cues: every word of a language's
    DATE_* tables lives in its module; the date engine builds its patterns from them."""
    lexicon = set().union(*(_date_words(m) for m in languages.registered()))
    assert {"settimana", "trimestre", "tra", "ago", "said"} <= lexicon  # the check has teeth
    assert sorted(_regex_literal_words(engine) & lexicon - _engine_vocabulary()) == []
