"""llmclaims: claims, sources, hedging and timelines from news articles, tied to evidence.

    >>> import llmclaims
    >>> summary = llmclaims.summarize(text, published="2024-01-05", model="gpt-4o-mini")
    >>> for claim in summary.claims: print(claim.text, claim.author.hedging)

Many articles at once: `summarize_many` (async, bounded concurrency, results as they finish),
or `llmclaims batch` on the command line (resumable JSONL output).
"""

import logging

from .batch import Article, BatchResult, summarize_many
from .dates import DateValue, normalize_date
from .errors import (
    ConfigurationError,
    ContentFilteredError,
    InputError,
    InvalidOutputError,
    LLMClaimsError,
    OutputError,
    PromptTruncatedError,
    ProviderError,
    RefusalError,
    TruncatedOutputError,
)
from .extract import Summarizer, asummarize, summarize
from .grounding import locate_evidence
from .models import (
    ArticleSummary,
    Claim,
    Dropped,
    Evidence,
    Factuality,
    Metadata,
    Source,
    Span,
    TimelineEntry,
    Usage,
    hedging_level,
)

__version__ = "0.1.0"

# Libraries log, applications decide where logs go. Without these, Python's last-resort handler
# would print instructor's per-attempt error lines to stderr, although every failure reaches the
# caller as a typed exception.
logging.getLogger("llmclaims").addHandler(logging.NullHandler())
logging.getLogger("instructor").addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "ArticleSummary",
    "BatchResult",
    "Claim",
    "ConfigurationError",
    "ContentFilteredError",
    "DateValue",
    "Dropped",
    "Evidence",
    "Factuality",
    "InputError",
    "InvalidOutputError",
    "LLMClaimsError",
    "Metadata",
    "OutputError",
    "PromptTruncatedError",
    "ProviderError",
    "RefusalError",
    "Source",
    "Span",
    "Summarizer",
    "TimelineEntry",
    "TruncatedOutputError",
    "Usage",
    "asummarize",
    "hedging_level",
    "locate_evidence",
    "normalize_date",
    "summarize",
    "summarize_many",
]
