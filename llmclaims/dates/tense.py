"""Tense of the governing verb from the sentence context (HeidelTime-style, no tagger)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from types import ModuleType

from ..languages import registered
from .values import Tense

# ======================================================================================
# Sentence context: tense of the governing verb (HeidelTime-style, without a tagger)
# ======================================================================================

_RE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|['’][^\W\d_]+|[,;:()\[\]–—]")
_CLAUSE_MARKS = {",", ";", ":", "(", ")", "[", "]", "–", "—"}


@dataclass(frozen=True)
class _Cues:
    """One language's tense cues (its ``DATE_TENSE_*`` data; what it lacks stays empty)."""

    future: frozenset[str] = frozenset()
    future_bigrams: frozenset[tuple[str, str]] = frozenset()
    future_to: frozenset[str] = frozenset()  # "is expected to"
    to: str | None = None
    intend_to: frozenset[str] = frozenset()  # "plans to"
    planned: frozenset[str] = frozenset()  # "is scheduled for"
    modal_future: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    be_present: frozenset[str] = frozenset()
    have_present: frozenset[str] = frozenset()
    perfect: frozenset[str] = frozenset()
    been: str | None = None
    have: str | None = None
    past: frozenset[str] = frozenset()
    irregular_past: frozenset[str] = frozenset()
    participles: frozenset[str] = frozenset()
    past_suffix: str | None = None
    past_suffix_not: str | None = None
    past_suffix_not_except: frozenset[str] = frozenset()
    not_past_suffix: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    aux: frozenset[str] = frozenset()  # compound tenses: aux + participle
    aux_skip: frozenset[str] = frozenset()
    aux_planned: frozenset[str] = frozenset()
    participle_form: re.Pattern[str] | None = None
    past_form: re.Pattern[str] | None = None
    future_form: re.Pattern[str] | None = None
    conditional_form: re.Pattern[str] | None = None
    not_verbs: frozenset[str] = frozenset()
    present: frozenset[str] = frozenset()  # "is calling": the clause's verb is present
    prep_past: frozenset[str] = frozenset()  # "since Friday"
    prep_none: frozenset[str] = frozenset()  # "until Friday": the verb's tense says nothing
    attributive: frozenset[str] = frozenset()  # "a third-quarter loss": a noun's modifier

    @classmethod
    def of(cls, module: ModuleType) -> _Cues:
        values: dict[str, object] = {}
        for f in fields(cls):
            data = getattr(module, "DATE_TENSE_" + f.name.upper(), None)
            if data is not None:
                values[f.name] = re.compile(data) if f.name.endswith("_form") else data
        return cls(**values)  # type: ignore[arg-type]

    def is_participle(self, w: str) -> bool:
        return self.regular_past(w) or w in self.participles

    def regular_past(self, w: str) -> bool:
        """A past form by the regular ending ("announced"), false friends excluded."""
        sfx = self.past_suffix
        if not sfx:
            return False
        return w.endswith(sfx) and len(w) > len(sfx) + 1 and w not in self.not_past_suffix


_NO_CUE = "NO_CUE"  # this language sees no cue in the word: let the next one look


def _lang_cue(c: _Cues, words: list[str], i: int) -> Tense | str | None:
    """The tense signalled by word ``i`` in one language: a tense, None (the word decides
    that there is no cue, e.g. an attributive participle), or ``_NO_CUE``."""
    w = words[i]
    if w in c.not_verbs:
        return None
    prev = next((p for p in reversed(words[max(0, i - 3) : i]) if p not in c.adverbs), "")
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w in c.future or (w, nxt) in c.future_bigrams:
        return "FUTURE"
    if c.future_form is not None and c.future_form.fullmatch(w):
        return "FUTURE"
    if c.to and nxt == c.to and ((w in c.future_to and prev in c.be_present) or w in c.intend_to):
        return "FUTURE"
    if w in c.modal_future and nxt != c.have:
        return "FUTURE"  # "may be signed on September 12"
    if (
        w in c.planned
        and (prev in c.be_present or prev == c.been)
        and (prev != c.been or any(x in c.have_present for x in words[max(0, i - 3) : i]))
    ):
        return "FUTURE"  # "is scheduled for", "has been planned for"
    if w in c.have_present and nxt == c.been and words[i + 2 : i + 3] and words[i + 2] in c.planned:
        return "FUTURE"  # "has been scheduled for"
    if w in c.perfect and any(c.is_participle(x) for x in words[i + 1 : i + 3]):
        return "PAST"  # "has risen", "have already announced", "had been"
    if w in c.past or w in c.irregular_past:
        return "PAST"
    if c.regular_past(w):
        if (
            c.past_suffix_not
            and w.endswith(c.past_suffix_not)
            and w not in c.past_suffix_not_except
        ):
            return None
        if prev in c.be_present or prev in c.determiners or prev in c.perfect:
            return None  # passive present, attributive, or perfect (cued by "has")
        if prev in c.copulas or prev == c.been or prev in c.modals or prev == c.to:
            return None
        return "PAST"
    if w in c.aux:
        following = [x for x in words[i + 1 : i + 4] if x not in c.aux_skip][:1]
        if following and following[0] in c.aux_planned:
            return "FUTURE"  # "è previsto", "sono attese"
        if following and (
            following[0] in c.participles
            or (c.participle_form is not None and c.participle_form.fullmatch(following[0]))
        ):
            return "PAST"  # "ha annunciato", "sono arrivati", "avrebbe ucciso"
        return None
    if c.conditional_form is not None and c.conditional_form.fullmatch(w):
        return "FUTURE"  # "dovrebbe arrivare" (a compound conditional is cued by its aux)
    if c.past_form is not None and c.past_form.fullmatch(w):
        return "PAST"
    return _NO_CUE


_CUES = {m.CODE: _Cues.of(m) for m in registered()}


def _cues_for(lang: str | None) -> tuple[_Cues, ...]:
    """The cues of the expression's language; all registered ones when it has no module
    (or is not given), the first to see a cue deciding."""
    return (_CUES[lang],) if lang in _CUES else tuple(_CUES.values())


@lru_cache(maxsize=1024)
def _split_context(context: str, expression: str) -> tuple[str, str]:
    """(text before, text after) the expression in its sentence; the whole sentence is
    "before" when the expression cannot be found in it."""
    i = context.find(expression)
    if i < 0:
        i = context.lower().find(expression.lower().strip())
        expression = expression.strip()
    if i < 0 or not expression:
        return context, ""
    return context[:i], context[i + len(expression) :]


def _cue(words: list[str], i: int, langs: tuple[_Cues, ...]) -> Tense | None:
    """The tense signalled by word ``i`` of a sentence (lower case), or None: the first
    language that sees a cue (or rules one out) decides."""
    for cues in langs:
        if (t := _lang_cue(cues, words, i)) != _NO_CUE:
            return t  # type: ignore[return-value]
    return None


@lru_cache(maxsize=1024)
def _tense(context: str, expression: str, lang: str | None = None) -> Tense | None:
    """Tense of the verb governing ``expression`` in the sentence ``context``.

    HeidelTime's rule (``getLastTense``) with word cues instead of part-of-speech tags:
    the nearest tense cue before the expression decides; if there is none, the first one
    after it. Cues: English "will", "'ll", "shall", "won't", "is expected/going/scheduled/
    set to", "plans to", "next", "tomorrow" (future); past forms in -ed and irregular
    ones ("said", "rose"), "was", "were", "has/have/had + participle", "ago",
    "yesterday", "last" (past). Italian future in -rà/-ranno, conditional in -rebbe,
    "è previsto", "prossimo", "domani" (future); "ha/hanno/è/sono + participle",
    imperfect (-ava, -evano) and simple past (-ò, -arono) forms, "ieri", "fa", "scorso"
    (past). Present tense gives no cue: headlines use it for past events.

    The backward search stops at a comma, semicolon, colon, parenthesis or dash: a verb
    in another clause ("Ford has announced cuts, resulting in closures during the
    fourth quarter") does not govern the expression.
    """
    langs = _cues_for(lang)
    before, after = _split_context(context, expression)
    words_before = [w.lower().replace("’", "'") for w in _RE_WORD.findall(before)]
    words_after = [w.lower().replace("’", "'") for w in _RE_WORD.findall(after)]
    words = [*words_before, "", *words_after]
    own = [w.lower().replace("’", "'") for w in _RE_WORD.findall(expression)][:1]
    nearest = {*words_before[-1:], *own}  # "since Friday", "until Friday", "a Q3 loss"
    # Only in a known language: "a" is an English article but an Italian preposition.
    for c in langs if len(langs) == 1 else ():
        if nearest & c.prep_past:
            return "PAST"
        if nearest & c.prep_none or (words_before[-1:] and words_before[-1] in c.attributive):
            return None
    for i in range(len(words_before) - 1, -1, -1):
        if words[i] in _CLAUSE_MARKS:
            break  # the governing verb is in the expression's clause, or after it
        if (t := _cue(words, i, langs)) is not None:
            return t
        if any(words[i] in c.present for c in langs):
            return None  # "said it is calling for the redemption on Dec. 7": present
    for i in range(len(words_before) + 1, len(words)):
        if (t := _cue(words, i, langs)) is not None:
            return t
    return None
