"""llmclaims: claims, sources, hedging and timelines from news articles, tied to evidence.

    >>> import llmclaims
    >>> summary = llmclaims.summarize(text, published="2024-01-05", model="gpt-4o-mini")
    >>> for claim in summary.claims: print(claim.text, claim.author.hedging)
"""

from .errors import (
    ConfigurationError,
    ContentFilteredError,
    InputError,
    InvalidOutputError,
    LLMClaimsError,
    OutputError,
    ProviderError,
    RefusalError,
    TruncatedOutputError,
)
from .extract import Summarizer, asummarize, summarize
from .dates import DateValue, normalize_date
from .grounding import locate_evidence
from .hedging import hedging_level
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
)

__version__ = "0.1.0"

__all__ = [
    "ArticleSummary",
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
]
