"""The trust layer's fast paths give exactly what the straightforward code gives.

Normalization, sentence splitting, the cue checks, assembly, the control-character check and
the cache's key and entries were rewritten for speed. Each is checked here against a plain
implementation of the same rules (the code the fast one replaced, kept below as the oracle),
on the reference articles and their authored answers, on damaged copies of those answers, and
on generated texts crowded with the characters the rules are about.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import random
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from llmclaims import grounding, languages
from llmclaims.article_text import _control_ratio
from llmclaims.assemble import UNGROUNDED, Grounder, _cue_flags, assemble, resolve_date
from llmclaims.cache import _SCHEMA_DIGEST, FORMAT, CachedAnswer, _entry_json, cache_key
from llmclaims.claim_checks import claim_flags
from llmclaims.config import resolve
from llmclaims.grounding import locate_evidence, normalize_text, sentence_around
from llmclaims.hedging import (
    HEDGE_CATEGORIES,
    LEXICON,
    _base_lang,
    _has_hedge,
    check_cues,
    find_cues,
)
from llmclaims.models import (
    ArticleSummary,
    Claim,
    Dropped,
    Evidence,
    Metadata,
    Source,
    TimelineEntry,
    Usage,
)
from llmclaims.prompt_files import load_prompt
from llmclaims.wire import WireArticle, WireFactuality

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
MANIFEST = json.loads((Path(__file__).parent / "cassettes" / "manifest.json").read_text())
LANGS = ("it", "en", "es", None, "it-IT", "EN_us", "es-419", "fr")


def _load(entry: dict[str, str]) -> tuple[str, dict[str, Any], date]:
    text = (ROOT / entry["text"]).read_text(encoding="utf-8")
    answer = json.loads((ROOT / entry["answer"]).read_text(encoding="utf-8"))
    return text, answer, date.fromisoformat(entry["published"])


CASES = [_load(entry) for entry in MANIFEST]
ARTICLES = [path.read_text(encoding="utf-8") for path in sorted(DATA.rglob("*.txt"))]


# --------------------------------------------------------------------------- the oracle


def ref_normalize(s: str) -> tuple[str, list[int]]:
    """Normalization as one left-to-right pass that skips and pops spaces."""
    out: list[str] = []
    idx: list[int] = []
    for i, c in enumerate(s):
        for ch in grounding._norm_char(c):
            if ch == " ":
                if not out or out[-1] == " " or out[-1] in grounding._NO_SPACE_AFTER:
                    continue
            elif ch in grounding._NO_SPACE_BEFORE and out and out[-1] == " ":
                out.pop()
                idx.pop()
            out.append(ch)
            idx.append(i)
    if out and out[-1] == " ":
        out.pop()
        idx.pop()
    return "".join(out), idx


def ref_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence splitter, visiting every character."""
    g = grounding
    cuts = [0]
    paragraph_breaks = {m.start() for m in g._PARAGRAPH_RE.finditer(text)}
    straight = False
    depth = 0
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if i in paragraph_breaks:
            cuts.append(i)
            straight, depth = False, 0
        elif c == '"':
            straight = not straight
            if not straight:
                k = i - 1
                while k >= 0 and text[k].isspace():
                    k -= 1
                if k >= 0 and text[k] in g._TERMINATORS and g._starts_sentence(text, i + 1):
                    cuts.append(i + 1)
        elif c in "“«":
            depth += 1
        elif c in "”»":
            depth = max(0, depth - 1)
        elif c in g._TERMINATORS and not straight and depth == 0:
            j = i
            while j < n and (text[j] in g._TERMINATORS or text[j] in g._CLOSERS):
                j += 1
            word = g._previous_word(text, i)
            abbreviation = c == "." and (
                word.rstrip(".") in g._ABBREVIATIONS or (len(word) == 1 and word.isalpha())
            )
            if not abbreviation and (j == n or text[j].isspace()) and g._starts_sentence(text, j):
                cuts.append(j)
            i = j
            continue
        i += 1
    cuts.append(n)
    out = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)


def ref_sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    if not text:
        return 0, 0
    start = min(max(0, start), len(text))
    end = min(max(start, end), len(text))
    sents = ref_sentences(text)
    if not sents:
        return start, end
    last_char = max(start, end - 1)
    first = next((s for s in sents if s[1] > start), sents[-1])
    last = next((s for s in sents if s[1] > last_char), sents[-1])
    return min(first[0], start), max(last[1], end)


def ref_has_hedge(text: str, lang: str | None) -> bool:
    return any(c.category in HEDGE_CATEGORIES for c in find_cues(text, lang))


def ref_occurs(cue: str, haystacks: list[str]) -> bool:
    pieces = [p for p in re.split(r"\s*(?:\.\s?){2,}\.\s*|\s*…\s*", cue) if p.strip()]
    pieces = [ref_normalize(p)[0] for p in pieces]
    pieces = [p for p in pieces if p]
    if not pieces:
        return True
    pattern = re.compile(r"(?<!\w)" + r"[\s\S]*?".join(re.escape(p) for p in pieces) + r"(?!\w)")
    return any(pattern.search(h) for h in haystacks)


def ref_check_cues(
    factuality: WireFactuality, evidence_text: str, sentence_text: str, lang: str | None
) -> list[str]:
    flags: list[str] = []
    haystacks = [ref_normalize(evidence_text)[0], ref_normalize(sentence_text)[0]]
    present: list[str] = []
    for cue in factuality.cues:
        if not cue.strip():
            continue
        if ref_occurs(cue, haystacks):
            present.append(cue)
        else:
            flags.append(f"cue_not_in_text:{cue}")
    supported = _base_lang(lang) is None or _base_lang(lang) in LEXICON

    def lexicon_hedges(text: str) -> list[Any]:
        return [c for c in find_cues(text, lang) if c.category in HEDGE_CATEGORIES]

    if factuality.certainty == "certain":
        if supported and lexicon_hedges(evidence_text):
            flags.append("unflagged_hedge")
    elif factuality.certainty in ("probable", "possible"):
        if supported:
            hedged = bool(lexicon_hedges(evidence_text) or lexicon_hedges(sentence_text))
            if not hedged:
                for cue in present:
                    categories = {c.category for c in find_cues(cue, lang)}
                    if not categories or categories & HEDGE_CATEGORIES:
                        hedged = True
                        break
        else:
            hedged = bool(present)
        if not hedged:
            flags.append("hedge_without_cue")
    return flags


def ref_cue_flags(claim: Any, evidence: list[dict[str, Any]], text: str, lang: str) -> list[str]:
    spans = [e["span"] for e in evidence if e["span"] is not None]
    if not spans:
        return []
    evidence_text = " … ".join(span["text"] for span in spans)
    sentences = dict.fromkeys(ref_sentence_around(text, sp["start"], sp["end"]) for sp in spans)
    sentence_text = " ".join(text[a:b] for a, b in sentences)
    flags = [
        f"author:{f}" for f in ref_check_cues(claim.author, evidence_text, sentence_text, lang)
    ]
    if claim.source is not None:
        source = ref_check_cues(claim.source, evidence_text, sentence_text, lang)
        if claim.author.certainty != "certain" and claim.author.cues:
            source = [f for f in source if f != "unflagged_hedge"]
        flags += [f"source:{f}" for f in source]
    return flags


def ref_assemble(
    text: str,
    published: date | None,
    answer: CachedAnswer,
    settings: Any,
    prompt: Any,
    *,
    cached: bool,
) -> ArticleSummary:
    """Assembly through `model_dump` and `model_validate` of dicts, as it first was."""
    wire = answer.wire
    policy = settings.grounding
    dropped: list[Dropped] = []

    def ground(item: Any, kind: str, ident: str) -> tuple[dict[str, Any], list[str]] | None:
        evidence = [Evidence(quote=q, span=locate_evidence(q, text)) for q in item.evidence]
        flags: list[str] = []
        if any(e.span is None for e in evidence):
            if policy == "strict":
                kept = [e for e in evidence if e.span is not None]
                if not kept:
                    dropped.append(
                        Dropped(
                            kind=kind,
                            id=ident,
                            item=item.model_dump(),
                            reason="no evidence quote was found in the article",
                        )
                    )
                    return None
                evidence = kept
            elif policy == "flag":
                flags.append(UNGROUNDED)
        data = item.model_dump()
        data["evidence"] = [e.model_dump() for e in evidence]
        return data, flags

    sources = []
    for s in wire.sources:
        grounded = ground(s, "source", s.id)
        if grounded is not None:
            sources.append(Source.model_validate({**grounded[0], "flags": grounded[1]}))
    kept_sources = {s.id for s in sources}
    for s in sources:
        if s.via is not None and s.via not in kept_sources:
            s.via = None
    claims = []
    for c in wire.claims:
        grounded = ground(c, "claim", c.id)
        if grounded is not None:
            data, flags = grounded
            data["source_ids"] = [i for i in c.source_ids if i in kept_sources]
            flags += ref_cue_flags(c, data["evidence"], text, wire.language)
            located = [e["span"]["text"] for e in data["evidence"] if e["span"] is not None]
            flags += claim_flags(c, located, text, published)
            claims.append(Claim.model_validate({**data, "flags": flags}))
    kept_claims = {c.id for c in claims}
    timeline = []
    for i, t in enumerate(wire.timeline):
        grounded = ground(t, "timeline", f"T{i + 1}")
        if grounded is not None:
            data, flags = grounded
            data["claim_ids"] = [i for i in t.claim_ids if i in kept_claims]
            spans = [e["span"] for e in data["evidence"] if e["span"] is not None]
            context = (
                text[slice(*ref_sentence_around(text, spans[0]["start"], spans[0]["end"]))]
                if spans
                else None
            )
            value, normalized, date_flags = resolve_date(
                t.expression, t.value, published, wire.language, context=context
            )
            where = None
            for sp in spans:
                inner = locate_evidence(t.expression, text[sp["start"] : sp["end"]])
                if inner is not None:
                    where = {
                        **inner.model_dump(),
                        "start": sp["start"] + inner.start,
                        "end": sp["start"] + inner.end,
                    }
                    break
            else:
                found = locate_evidence(t.expression, text)
                where = found.model_dump() if found else None
            date_flags += ["expression_not_found"] if where is None else []
            date_flags += ["date_unverified"] if normalized is None else []
            timeline.append(
                TimelineEntry.model_validate(
                    {
                        **data,
                        "expression_span": where,
                        "value": value,
                        "model_value": t.value,
                        "normalized": normalized,
                        "flags": flags + date_flags,
                    }
                )
            )
    metadata = Metadata(
        model=answer.model,
        endpoint=settings.endpoint,
        mode=settings.mode,
        prompt_version=prompt.version,
        published=published,
        usage=answer.usage,
        requests=0 if cached else answer.requests,
        reasks=answer.reasks,
        transport_retries=answer.transport_retries,
        cached=cached,
        created_at=answer.created_at,
        notes=[],  # every language of these answers has a module
    )
    return ArticleSummary(
        language=wire.language,
        sources=sources,
        claims=claims,
        timeline=timeline,
        metadata=metadata,
        dropped=dropped,
        text=text,
    )


def shape(obj: Any) -> Any:
    """Values, types and the fields each model records as set, all the way down."""
    if isinstance(obj, BaseModel):
        fields = {name: shape(getattr(obj, name)) for name in type(obj).model_fields}
        return type(obj).__name__, sorted(obj.model_fields_set), fields
    if isinstance(obj, list):
        return [shape(x) for x in obj]
    if isinstance(obj, dict):
        return {k: shape(v) for k, v in obj.items()}
    return obj


# --------------------------------------------------------------------------- generated texts

_NORM_ALPHABET = [
    *"ab AZ\t\n\r\x0b\x0c\x1c\x00\u00a0\u2003\u3000\"'“”«»„’‘ʼ`´-–—(),.;:!?[]…ﬁßİıſ¨èàÉ",
    "\u0301",
    "\u0308",
    "\u00ad",
    "\u200b",
    "½",
    "㎏",
    "Ⅻ",
    "\ud800",
    "\udc00",
    "𝔸",
    "ǅ",
    "ꭰ",
]
_SENTENCE_TOKENS = [
    "a",
    "Bb",
    "c1",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n \n",
    "\t",
    "\u00a0",
    ".",
    "!",
    "?",
    "…",
    "...",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "’",
    ")",
    "(",
    "-",
    "Dr.",
    "U.S.",
    "J.",
    "dott.ssa",
    "1.000",
    "Era",
    "è",
    "¿",
    "—",
]
_CUE_WORDS = sorted(
    {
        *(p for table in LEXICON.values() for phrases in table.values() for p in phrases),
        *languages.it.REPORTING_PARTICIPLES,
        *languages.es.REPORTING_PARTICIPLES,
        "han",
        "habría",
        "habrían sido",
        "atacado",
        "Echeverría",
        "mayoría",
        "María",
        "por",
        "supuesto",
        "SERÍA",
        "lo antes",
        "posible",
        "ha",
        "hanno",
        "avrebbero",
        "rebbe",
        "crebbe",
        "ricrebbero",
        "indicherebbe",
        "se",
        "dovesse",
        "dovessero",
        "May",
        "may 5",
        "would",
        "said",
        "un",
        "secondo",
        "ſi dice",
        "İpotesi",
        "potrebbe",
        "SEMBRA",
        "Would",
        "x",
    }
)
_CUE_SEPARATORS = [" ", "  ", "\n", "’", "'", ". ", ", ", "x", "", " … ", "; "]


def _generated(kind: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        if kind == "chars":
            texts.append("".join(rng.choice(_NORM_ALPHABET) for _ in range(rng.randint(0, 25))))
        elif kind == "sentences":
            texts.append("".join(rng.choice(_SENTENCE_TOKENS) for _ in range(rng.randint(0, 40))))
        else:
            words = [rng.choice(_CUE_WORDS) for _ in range(rng.randint(1, 8))]
            words = [w.upper() if rng.random() < 0.15 else w for w in words]
            texts.append("".join(w + rng.choice(_CUE_SEPARATORS) for w in words))
    return texts


def _slices(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for text in ARTICLES:
        for _ in range(count):
            a = rng.randrange(len(text))
            out.append(text[a : a + rng.randint(0, 400)])
    return out


# --------------------------------------------------------------------------- normalization


def test_normalization_is_the_one_pass_rule():
    texts = [*ARTICLES, *_slices(60, 1), *_generated("chars", 5000, 2)]
    for text in texts:
        expected = ref_normalize(text)
        assert grounding._normalize(text) == expected, repr(text)
        assert normalize_text(text) == expected[0], repr(text)


def test_normalization_of_every_character_on_its_own_and_between_words():
    chars = [chr(c) for c in range(0x3000)]
    for chunk in (chars[k : k + 256] for k in range(0, len(chars), 256)):
        text = " x".join(chunk) + " ( " + " ".join(chunk)
        assert grounding._normalize(text) == ref_normalize(text)
        assert normalize_text(text) == ref_normalize(text)[0]


# --------------------------------------------------------------------------- sentences


def test_sentences_are_the_character_by_character_split():
    rng = random.Random(3)
    for text in [*ARTICLES, *_generated("sentences", 3000, 4)]:
        assert grounding._sentences(text) == ref_sentences(text), repr(text)
        for _ in range(5):
            start = rng.randint(-3, len(text) + 3)
            end = start + rng.randint(-2, 60)
            assert sentence_around(text, start, end) == ref_sentence_around(text, start, end)


# --------------------------------------------------------------------------- cues


@pytest.mark.parametrize("lang", LANGS)
def test_hedge_presence_is_find_cues(lang):
    sentences = [text[a:b] for text in ARTICLES for a, b in ref_sentences(text)]
    for text in [*sentences, *_slices(20, 5), *_generated("cues", 3000, 6)]:
        assert _has_hedge(text, lang) == ref_has_hedge(text, lang), repr(text)


def _claim_texts():
    """(claim, evidence dicts as the first assembly had them, article, language)."""
    for text, answer, _ in CASES:
        wire = WireArticle.model_validate(answer)
        for claim in wire.claims:
            spans = [locate_evidence(q, text) for q in claim.evidence]
            evidence = [
                {"quote": q, "span": sp.model_dump() if sp else None}
                for q, sp in zip(claim.evidence, spans, strict=True)
            ]
            yield claim, evidence, text, wire.language


def _variants(claim: Any) -> list[WireFactuality]:
    found = [*claim.author.cues, *(claim.source.cues if claim.source else [])]
    cue_sets = [[], found, ["non sta scritto qui"], [" "], ["..."], [*found[:1], "said"]]
    if found:
        words = found[0].split()
        cue_sets.append([f"{words[0]} ... {words[-1]}", found[0].upper()])
    return [
        WireFactuality(certainty=c, polarity="positive", evidential="reported", cues=cues)
        for c in ("certain", "probable", "possible", "unknown")
        for cues in cue_sets
    ]


def test_check_cues_is_the_straightforward_check():
    checked = 0
    for claim, evidence, text, _ in _claim_texts():
        spans = [e["span"] for e in evidence if e["span"] is not None]
        evidence_text = " … ".join(sp["text"] for sp in spans)
        sentences = dict.fromkeys(sentence_around(text, sp["start"], sp["end"]) for sp in spans)
        sentence_text = " ".join(text[a:b] for a, b in sentences)
        for factuality in _variants(claim):
            for lang in LANGS:
                assert check_cues(factuality, evidence_text, sentence_text, lang) == (
                    ref_check_cues(factuality, evidence_text, sentence_text, lang)
                )
                checked += 1
    assert checked > 3000


def test_cue_flags_of_every_claim_are_the_straightforward_flags():
    flagged = 0
    for claim, evidence, text, lang in _claim_texts():
        spans = [locate_evidence(q, text) for q in claim.evidence]
        spans = [sp for sp in spans if sp is not None]
        for variant in (
            claim,
            *(claim.model_copy(update={"author": f, "source": f}) for f in _variants(claim)),
        ):
            got = _cue_flags(variant, spans, text, lang)
            assert got == ref_cue_flags(variant, evidence, text, lang)
            flagged += bool(got)
    assert flagged  # the variants do raise flags


# --------------------------------------------------------------------------- assembly


def _damaged(answer: dict[str, Any], seed: int) -> dict[str, Any]:
    """Some items lose every quote, some one of them; some quotes are retyped (case,
    apostrophes), so the normalized tier finds them; a `via` target loses its quotes."""
    rng = random.Random(seed)
    damaged = copy.deepcopy(answer)
    items = [*damaged["sources"], *damaged["claims"], *damaged["timeline"]]
    for item in items:
        roll = rng.random()
        if roll < 0.2:
            item["evidence"] = ["questa frase non è nell'articolo"]
        elif roll < 0.35:
            item["evidence"] = [*item["evidence"], "nor is this one"]
        elif roll < 0.5:
            item["evidence"] = [q.replace("’", "'").upper() for q in item["evidence"]]
    for source in damaged["sources"]:
        if source["via"] is not None:
            target = next(s for s in damaged["sources"] if s["id"] == source["via"])
            target["evidence"] = ["not in the article"]
    return damaged


def _answers():
    for text, answer, published in CASES:
        yield text, answer, published
        for seed in range(3):
            yield text, _damaged(answer, seed), published


@pytest.mark.parametrize("policy", ["flag", "strict", "keep"])
def test_assembly_is_the_dict_round_trip(policy):
    settings = resolve(model="m", base_url="http://127.0.0.1:9/v1", cache=False, grounding=policy)
    prompt = load_prompt()
    seen_drops = seen_flags = 0
    for text, raw, published in _answers():
        answer = CachedAnswer(
            wire=WireArticle.model_validate(raw),
            usage=Usage(prompt_tokens=7, total_tokens=9),
            requests=2,
            reasks=1,
            transport_retries=0,
            model="m",
            created_at="2024-01-05T10:00:00+00:00",
        )
        for day, cached in ((published, False), (None, True)):
            got = assemble(
                text,
                day,
                answer,
                settings,
                prompt,
                cached=cached,
                grounder=Grounder(text) if cached else None,
            )
            expected = ref_assemble(text, day, answer, settings, prompt, cached=cached)
            assert shape(got) == shape(expected)
            assert got.model_dump_json() == expected.model_dump_json()
            seen_drops += len(got.dropped)
            seen_flags += sum("ungrounded" in c.flags for c in got.claims)
    assert bool(seen_drops) == (policy == "strict")
    assert bool(seen_flags) == (policy == "flag")  # "ungrounded"


# --------------------------------------------------------------------------- inputs and cache


def test_control_ratio_counts_like_the_character_loop():
    def ref(text: str) -> float:
        sample = text[:10_000]
        bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
        return (bad + sample.count("\ufffd")) / len(sample)

    rng = random.Random(7)
    alphabet = [*map(chr, range(40)), "a", "é", "\ufffd", "\ud800", "€", "𝔸"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    for text in [*texts, *ARTICLES, "x\x01" * 8000, "\ufffd" * 12_000]:
        assert _control_ratio(text) == ref(text), repr(text[:50])


def test_cache_key_is_the_digest_of_the_whole_material():
    def ref(settings: Any, prompt: Any, text: str, published: date | None) -> str:
        material = {
            "format": FORMAT,
            "model": settings.model,
            "endpoint": settings.endpoint,
            "mode": settings.mode,
            "prompt": [prompt.version, prompt.digest],
            "schema": _SCHEMA_DIGEST,
            "sampling": settings.sampling(),
            "reasks": settings.reasks,
            "published": published.isoformat() if published else None,
            "text": text,
        }
        blob = json.dumps(material, sort_keys=True, ensure_ascii=False).encode()
        return "summary:" + hashlib.sha256(blob).hexdigest()

    prompt = load_prompt()
    configurations = [
        resolve(model="m", base_url="http://127.0.0.1:9/v1", cache=False),
        resolve(
            model="gpt-4o-ü",
            api_key="k",
            temperature=0.2,
            max_tokens=5,
            reasks=0,
            mode="tools",
            cache=False,
        ),
    ]
    for settings in configurations:
        for text in [*ARTICLES[:3], "", 'a"b\\\n\u2028 ' + "{}", "x" * 5]:
            for published in (None, date(2024, 1, 5)):
                assert cache_key(settings, prompt, text, published) == ref(
                    settings, prompt, text, published
                )


def test_cache_entry_is_the_json_of_the_entry():
    for _, raw, _ in _answers():
        answer = CachedAnswer(
            wire=WireArticle.model_validate(raw),
            usage=Usage(prompt_tokens=3, total_tokens=4),
            requests=2,
            reasks=1,
            transport_retries=0,
            model='gpt-é"\\',
            created_at="2024-01-05T00:00:00+00:00",
        )
        entry = {
            "format": FORMAT,
            "wire": answer.wire.model_dump_json(),
            "usage": answer.usage.model_dump(),
            "requests": answer.requests,
            "reasks": answer.reasks,
            "transport_retries": answer.transport_retries,
            "model": answer.model,
            "created_at": answer.created_at,
        }
        assert _entry_json(answer) == json.dumps(entry, ensure_ascii=False)
