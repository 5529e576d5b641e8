"""One reading of "publication date" for the whole library: Python, CLI, batch inputs, dates.

Feeds and pages write dates in a few well-known forms; each is accepted whole, and anything
else is refused rather than guessed: "2024-01-05 garbage" was once read as 2024-01-05 because
only its first ten characters were looked at.

Accepted: `date`, `datetime` (its calendar date, as written: no time-zone shift), ISO 8601
dates and datetimes ("2024-01-05", "2024-01-05T09:30:00Z", "2024-01-05 09:30+01:00"), and RFC
2822 dates as RSS feeds write them ("Thu, 04 Jun 2009 09:30:00 GMT").
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime

from .errors import InputError

_ISO = re.compile(
    r"(\d{4}-\d{2}-\d{2})"  # the date, then an optional time and offset
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


def parse_published(value: date | datetime | str | None) -> date | None:
    """The publication date, or None; `InputError` naming the accepted forms otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        match = _ISO.fullmatch(text)
        try:
            if match:
                return date.fromisoformat(match.group(1))
            if re.search(r"[A-Za-z]{3}", text):
                return email.utils.parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    raise InputError(
        f"published must be a date, 'YYYY-MM-DD', an ISO 8601 datetime or an RFC 2822 date "
        f"('Thu, 04 Jun 2009 09:30:00 GMT'), not {value!r}"
    )
