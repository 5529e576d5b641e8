"""Check an article before any money is spent on it.

Every rejection is an `InputError` that says what was wrong and what to do; the text itself is
never altered, because evidence offsets are reported against exactly what the caller passed.
Offsets count Unicode code points of the decoded `str`; for bytes, a leading UTF-8 byte-order
mark is not part of the text (offset 0 is the first character after it).
"""

from __future__ import annotations

import re

from .errors import InputError

DEFAULT_MAX_CHARS = 1_000_000
_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|span|br|script|style|article|a\s+href)\b",
    re.IGNORECASE,
)


def check_article(text: str | bytes, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return the article as `str`, or raise `InputError` saying why it cannot be summarized."""
    if isinstance(text, (bytes, bytearray)):
        if text[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(
                "the article is UTF-16 text (it starts with a UTF-16 byte-order mark): decode "
                "it first, e.g. data.decode('utf-16'), or save it as UTF-8"
            )
        if b"\x00" in text:
            raise InputError("the article is binary data (it contains NUL bytes), not text")
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"the article is not valid UTF-8 (byte {exc.start}): decode it with its real "
                "encoding first, e.g. data.decode('latin-1')"
            ) from None
    if not isinstance(text, str):
        raise InputError(f"the article must be str or bytes, not {type(text).__name__}")
    if not text.strip():
        raise InputError("the article is empty or only whitespace")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"the article holds a lone surrogate (U+{ord(text[exc.start]):04X} at character "
            f"{exc.start}), which is not text: decode the source with errors='replace'"
        ) from None
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise InputError("the article looks like binary data (control characters), not text")
    if len(text) > max_chars:
        raise InputError(
            f"the article is too long: {len(text):,} characters, the limit is {max_chars:,} "
            "(longer articles are sent in pieces up to this cap; split the text, or raise "
            "max_chars if you mean to pay for that many pieces)"
        )
    if len(_HTML.findall(text[:20_000])) >= 3:
        raise InputError(
            "the article looks like HTML: extract the article text first (for example with "
            "trafilatura or BeautifulSoup's get_text), so evidence points at words, not markup"
        )
    return text


# Control characters other than the whitespace ones (\t \n \v \f \r), and U+FFFD, the mark
# a decoder leaves for bytes it could not read.
_CONTROL = bytes(c for c in range(32) if chr(c) not in "\n\r\t\f\v")


def _control_ratio(text: str) -> float:
    """Share of control characters and U+FFFD in the first 10,000 characters."""
    sample = text[:10_000]
    # Encoding to UTF-8 keeps ASCII bytes for ASCII characters only; deleting every other
    # byte leaves exactly one byte per control character, all in C.
    data = sample.encode("utf-8", "surrogatepass")
    bad = len(data) - len(data.translate(None, _CONTROL))
    bad += sample.count("\ufffd")
    return bad / len(sample)
