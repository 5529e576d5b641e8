"""Tense of the governing verb from the sentence context (HeidelTime-style, no tagger)."""

from __future__ import annotations

import re
from functools import lru_cache

from .values import Tense

# ======================================================================================
# Sentence context: tense of the governing verb (HeidelTime-style, without a tagger)
# ======================================================================================

_RE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|['’][^\W\d_]+|[,;:()\[\]–—]")
_CLAUSE_MARKS = {",", ";", ":", "(", ")", "[", "]", "–", "—"}

# English. Modal and periphrastic futures; forms of "be" that make a following participle
# passive or adjectival; determiners that make it attributive ("the planned merger").
_EN_FUTURE = {"will", "shall", "'ll", "won't", "tomorrow", "next"}
_EN_FUTURE_TO = {  # "is expected to", "are going to", "is set to"
    "going", "expected", "scheduled", "set", "due", "slated", "planned", "poised", "likely",
    "about", "bound", "projected", "forecast", "forecasted",
}  # fmt: skip
_EN_INTEND_TO = {
    "plans", "plan", "intends", "intend", "aims", "aim", "expects", "expect", "wants", "want",
    "hopes", "hope", "seeks", "seek", "promises", "promise", "vows", "vow", "pledges",
}  # fmt: skip
# "has been scheduled for", "is planned for": a planned, i.e. future, event.
_EN_PLANNED = {"scheduled", "planned", "slated", "set", "expected", "due", "projected",
               "timed", "earmarked", "pencilled", "penciled"}  # fmt: skip
_PLANNED_1 = [[w] for w in _EN_PLANNED]
_EN_MODAL_FUTURE = {"may", "might", "should", "must"}
_EN_COPULAS = {  # "remain closed": the participle is an adjective
    "remain", "remains", "remained", "stay", "stays", "stayed", "keep", "keeps", "kept",
    "get", "gets", "got", "become", "becomes", "became", "seem", "seems", "seemed",
    "appear", "appears", "appeared", "look", "looks", "feel", "feels",
}  # fmt: skip
_EN_BE_PRESENT = {"is", "are", "am", "'s", "'re", "be", "being"}
_EN_PERFECT = {"has", "have", "'ve", "had"}
_EN_PAST = {"was", "were", "had", "did", "ago", "yesterday", "last"}
_EN_IRREGULAR_PAST = {
    "said", "told", "rose", "fell", "made", "took", "went", "came", "began", "saw", "gave",
    "got", "left", "led", "sold", "bought", "paid", "met", "held", "kept", "lost", "won",
    "sent", "built", "brought", "thought", "found", "became", "ran", "struck", "grew",
    "drew", "flew", "wrote", "spoke", "broke", "chose", "drove", "stood", "sank", "sought",
    "fought", "caught", "taught", "meant", "felt", "dealt", "knew", "threw", "shook",
    "wore", "hung", "swung", "rang", "sang", "spent", "lent", "fled", "slid", "stole",
    "froze", "forgot", "overtook", "withdrew", "undertook", "understood", "shrank",
}  # fmt: skip
_EN_PARTICIPLES = {
    "been", "done", "gone", "seen", "taken", "given", "made", "said", "told", "risen",
    "fallen", "begun", "got", "gotten", "left", "led", "sold", "bought", "paid", "met",
    "held", "kept", "lost", "won", "sent", "built", "brought", "found", "become", "run",
    "struck", "grown", "drawn", "flown", "written", "spoken", "broken", "chosen", "driven",
    "stood", "sunk", "sought", "fought", "caught", "taught", "meant", "felt", "dealt",
    "known", "thrown", "shaken", "put", "cut", "set", "hit", "shut", "spent", "quit",
}  # fmt: skip
_EN_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "some", "any", "no", "each", "every", "newly", "so",
}  # fmt: skip
_EN_NOT_PAST_ED = {  # words in -ed that are not past forms
    "united", "limited", "based", "related", "detailed", "advanced", "interested",
    "concerned", "supposed", "sacred", "naked", "wicked", "beloved", "crooked", "rugged",
    "aged", "armed", "skilled", "talented", "hundred", "embed", "shed", "wed", "red",
    "bed", "fed", "ted", "need", "speed", "seed", "feed", "breed", "bleed", "proceed",
    "exceed", "succeed", "indeed", "greed", "deed", "creed", "reed", "weed", "tweed",
    "sled", "shred", "bred", "expected", "unexpected", "unprecedented", "so-called",
}  # fmt: skip
_EN_ADVERBS = {"not", "also", "already", "just", "since", "now", "recently", "still", "n't",
               "never", "previously", "reportedly", "finally", "officially"}  # fmt: skip

# Italian. Future (-rà, -ranno), conditional present (-rebbe), compound past
# (ha/hanno/è/sono + participle), imperfect and simple past endings.
_IT_FUTURE = {"prossimo", "prossima", "prossimi", "prossime", "domani", "dopodomani"}
_IT_PLANNED = {  # "è previsto", "sono attese": planned, i.e. future
    "previsto", "prevista", "previsti", "previste", "atteso", "attesa", "attesi", "attese",
    "programmato", "programmata", "programmati", "programmate", "fissato", "fissata",
}  # fmt: skip
_IT_AUX = {
    "ho", "hai", "ha", "abbiamo", "avete", "hanno", "aveva", "avevano", "avrebbe",
    "avrebbero", "è", "sono", "siamo", "siete", "era", "erano", "sarebbe", "sarebbero",
    "fu", "furono", "sia", "siano", "fosse", "fossero", "abbia", "abbiano",
}  # fmt: skip
_IT_AUX_SKIP = {"già", "stato", "stata", "stati", "state", "anche", "poi", "appena", "mai",
                "ancora", "infatti", "però", "quindi", "invece", "ieri"}  # fmt: skip
_IT_IRREGULAR_PARTICIPLES = {
    "fatto", "fatta", "fatti", "fatte", "detto", "detta", "detti", "dette", "preso", "presa",
    "presi", "prese", "messo", "messa", "visto", "vista", "scritto", "scritta", "morto",
    "morta", "morti", "nato", "nata", "chiuso", "chiusa", "aperto", "aperta", "ucciso",
    "uccisa", "uccisi", "rimasto", "rimasta", "rimasti", "successo", "giunto", "giunta",
    "corso", "scelto", "tolto", "reso", "speso", "vinto", "perso", "risposto", "posto",
    "deciso", "diviso", "acceso", "spento", "sceso", "emerso", "esploso", "dimesso",
    "concluso", "incluso", "letto", "stretto", "tratto", "condotto", "prodotto", "ridotto",
    "rotto", "mosso", "comparso", "apparso", "scomparso", "espresso", "promesso", "ammesso",
    "permesso", "commesso", "sospeso", "difeso", "sorpreso", "ripreso", "compreso",
    "raggiunto", "aggiunto", "dichiarato", "richiesto", "chiesto", "assunto", "discusso",
}  # fmt: skip
_RE_IT_PARTICIPLE = re.compile(r"\w{2,}(?:at|ut|it)[oaie]")
_RE_IT_PAST_FORM = re.compile(r"\w{2,}(?:arono|erono|irono|avano|evano|ivano|ava|eva|iva)|\w{3,}ò")
_RE_IT_FUTURE_FORM = re.compile(r"\w{2,}(?:rà|ranno)")
_RE_IT_CONDITIONAL = re.compile(r"\w{2,}(?:rebbe|rebbero)")
_IT_NOT_VERBS = {"però", "perciò", "ciò", "può", "falò", "tiranno", "cava", "lava", "diva",
                 "saliva", "gengiva", "nuova"}  # fmt: skip


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


def _is_en_participle(w: str) -> bool:
    return (w.endswith("ed") and len(w) > 3 and w not in _EN_NOT_PAST_ED) or w in _EN_PARTICIPLES


def _cue(words: list[str], i: int) -> Tense | None:
    """The tense signalled by word ``i`` of a sentence (lower case), or None."""
    w = words[i]
    prev = next((p for p in reversed(words[max(0, i - 3) : i]) if p not in _EN_ADVERBS), "")
    nxt = words[i + 1] if i + 1 < len(words) else ""
    # --- English
    if w in _EN_FUTURE or (w == "wo" and nxt in ("n't", "'t")):
        return "FUTURE"
    if nxt == "to" and ((w in _EN_FUTURE_TO and prev in _EN_BE_PRESENT) or w in _EN_INTEND_TO):
        return "FUTURE"
    if w == "to" and nxt == "be":
        return "FUTURE"  # "an event to be held on October 12"
    if w in _EN_MODAL_FUTURE and nxt != "have":
        return "FUTURE"  # "may be signed on September 12"
    if (
        w in _EN_PLANNED
        and prev in (*_EN_BE_PRESENT, "been")
        and (prev != "been" or any(x in ("has", "have", "'ve") for x in words[max(0, i - 3) : i]))
    ):
        return "FUTURE"  # "is scheduled for", "has been planned for"
    if w in ("has", "have", "'ve") and nxt == "been" and words[i + 2 : i + 3] in _PLANNED_1:
        return "FUTURE"  # "has been scheduled for"
    if w in _EN_PERFECT and any(_is_en_participle(x) for x in words[i + 1 : i + 3]):
        return "PAST"  # "has risen", "have already announced", "had been"
    if w in _EN_PAST or w in _EN_IRREGULAR_PAST:
        return "PAST"
    if w.endswith("ed") and len(w) > 3 and w not in _EN_NOT_PAST_ED:
        if w.endswith("eed") and w not in ("agreed", "freed", "guaranteed", "decreed"):
            return None
        if prev in _EN_BE_PRESENT or prev in _EN_DETERMINERS or prev in _EN_PERFECT:
            return None  # passive present, attributive, or perfect (cued by "has")
        if prev in _EN_COPULAS or prev == "been":
            return None
        if prev in ("will", "would", "should", "could", "can", "may", "might", "must", "to"):
            return None
        return "PAST"
    # --- Italian
    if w in _IT_NOT_VERBS:
        return None
    if w in _IT_FUTURE or _RE_IT_FUTURE_FORM.fullmatch(w):
        return "FUTURE"
    if w in _IT_AUX:
        following = [x for x in words[i + 1 : i + 4] if x not in _IT_AUX_SKIP][:1]
        if following and following[0] in _IT_PLANNED:
            return "FUTURE"  # "è previsto", "sono attese"
        if following and (
            following[0] in _IT_IRREGULAR_PARTICIPLES or _RE_IT_PARTICIPLE.fullmatch(following[0])
        ):
            return "PAST"  # "ha annunciato", "sono arrivati", "avrebbe ucciso"
        return None
    if _RE_IT_CONDITIONAL.fullmatch(w):
        return "FUTURE"  # "dovrebbe arrivare" (a compound conditional is cued by its aux)
    if w in ("ieri", "fa", "scorso", "scorsa", "scorsi", "scorse") or _RE_IT_PAST_FORM.fullmatch(w):
        return "PAST"
    return None


@lru_cache(maxsize=1024)
def _tense(context: str, expression: str) -> Tense | None:
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
    before, after = _split_context(context, expression)
    words_before = [w.lower().replace("’", "'") for w in _RE_WORD.findall(before)]
    words_after = [w.lower().replace("’", "'") for w in _RE_WORD.findall(after)]
    words = [*words_before, "", *words_after]
    for i in range(len(words_before) - 1, -1, -1):
        if words[i] in _CLAUSE_MARKS:
            break  # the governing verb is in the expression's clause, or after it
        if (t := _cue(words, i)) is not None:
            return t
    for i in range(len(words_before) + 1, len(words)):
        if (t := _cue(words, i)) is not None:
            return t
    return None
