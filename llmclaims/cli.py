"""`llmclaims` on the command line: JSON out, one-line errors, meaningful exit codes.

Exit codes: 0 success, 1 the library failed on this input or provider (for `batch`: some
articles have error lines), 2 usage or configuration error, 130 interrupted (143 for `batch`
stopped by SIGTERM). Set LLMCLAIMS_DEBUG=1 to see tracebacks.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__, cli_eval, cli_export, cli_report
from .cli_report import FORMATS
from .errors import ConfigurationError, InputError, LLMClaimsError, redact
from .published import parse_published


def _date(value: str) -> date:
    try:
        day = parse_published(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if day is None:
        raise argparse.ArgumentTypeError("--published needs a date")
    return day


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"llmclaims {__version__}")
    group = parser.add_argument_group("model")
    group.add_argument("--model", help="model name (default: $LLMCLAIMS_MODEL)")
    group.add_argument("--base-url", help="OpenAI-compatible endpoint (default: $OPENAI_BASE_URL)")
    group.add_argument(
        "--mode",
        choices=["json_schema", "tools", "tools_strict", "json", "md_json"],
        help="how the schema is enforced (default: json_schema)",
    )
    group.add_argument(
        "--grounding",
        choices=["strict", "flag", "keep"],
        default="flag",
        help="what to do with items whose evidence is not in the text",
    )
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    group.add_argument("--cache-dir", type=Path, help="cache folder (default: per-user cache)")
    group.add_argument(
        "--context",
        type=_positive,
        metavar="TOKENS",
        help="the model's context window in tokens: long articles are sent in pieces that fit "
        "it with their answer (default: pieces of 12,000 characters)",
    )
    group.add_argument(
        "--max-tokens",
        type=_positive,
        metavar="N",
        help="output token limit per request (default: the server's)",
    )
    group.add_argument(
        "--temperature",
        type=_number,
        metavar="T",
        help="sampling temperature (default: the server's)",
    )
    group.add_argument(
        "--timeout",
        type=_number,
        metavar="SECONDS",
        help="deadline for one whole request, body included (default: 120)",
    )
    group.add_argument(
        "--reasks",
        type=_whole,
        metavar="N",
        help="times an invalid answer is sent back to the model to fix (default: 2)",
    )


def _config(args: argparse.Namespace) -> dict[str, Any]:
    """The Summarizer options; None (an option not given) means the library's default."""
    return {
        "model": args.model,
        "base_url": args.base_url,
        "mode": args.mode,
        "grounding": args.grounding,
        "cache": not args.no_cache,
        "cache_dir": args.cache_dir,
        "context_tokens": args.context,
        "max_tokens": args.max_tokens,
        "temperature": args.temperature,
        "timeout": args.timeout,
        "reasks": args.reasks,
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="llmclaims",
        description="Claims, sources, hedging and timelines from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"llmclaims {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    cli_eval.add_parser(commands)

    one = commands.add_parser("summarize", help="summarize one article, print JSON")
    one.add_argument("path", help="text or .html file, http(s) URL, or - for standard input")
    one.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    one.add_argument("--format", choices=FORMATS, default="json", help="output (default: json)")
    _add_model_options(one)
    one.set_defaults(run=_summarize)

    many = commands.add_parser(
        "batch",
        help="summarize many articles into a JSONL file (resumable)",
        description="Summarize many articles concurrently into OUT, one JSON line per article "
        "as soon as it is done. Running the same command again resumes: articles with a "
        "summary line in OUT are skipped, cached answers cost no request, and articles with "
        "an error line are tried again (their old line is replaced).",
    )
    many.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help="text or .html file, folder of *.txt and *.html files (ids: relative paths), or "
        '.jsonl file with {"id", "text" | "html" | "url", "published"?, "url"?, "title"?} '
        "per line",
    )
    many.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date of articles that carry none (a JSONL row's or a page's own "
        "date wins)",
    )
    many.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="OUT.jsonl",
        help="results file: created, or resumed if it exists",
    )
    many.add_argument(
        "--concurrency",
        type=_positive,
        default=8,
        metavar="N",
        help="articles in flight at once (default: 8)",
    )
    many.add_argument(
        "--retry-failed",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="try articles with an error line in OUT again (default: yes)",
    )
    many.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    # One way to get the answers: live requests (default), the provider's Batch API, or
    # request/result files; asking for two is a usage error, not a silent choice.
    route = many.add_mutually_exclusive_group()
    route.add_argument(
        "--provider-batch",
        action="store_true",
        help="submit through the provider's Batch API instead (OpenAI: about "
        "half the price, results within 24 h); the batch ids are kept in "
        "OUT.provider-batch.json, so re-running resumes waiting, never resubmits",
    )
    many.add_argument(
        "--poll-interval",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="with --provider-batch: seconds between status checks (default: 30)",
    )
    route.add_argument(
        "--write-requests",
        type=Path,
        metavar="REQUESTS.jsonl",
        help="write the requests for articles not in OUT or the cache as an OpenAI batch "
        "input file (for vllm run-batch or a compatible engine) instead of calling the model",
    )
    route.add_argument(
        "--read-results",
        type=Path,
        metavar="RESULTS.jsonl",
        help="read an OpenAI-format batch output file into OUT and the cache",
    )
    _add_model_options(many)
    many.set_defaults(run=_batch)
    cli_report.add_parser(commands)
    cli_export.add_parser(commands)
    return parser


def _at_least(low: int) -> Callable[[str], int]:
    """An argparse type: a whole number >= `low`, refused with a usage error otherwise."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = low - 1
        if number < low:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number >= {low}")
        return number

    return parse


_positive = _at_least(1)
_whole = _at_least(0)


def _number(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number < float("inf"):  # also refuses nan
        raise argparse.ArgumentTypeError(f"{value!r} is not a number >= 0")
    return number


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigurationError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ConfigurationError(f"{path} is a folder; give a text file") from None
    except OSError as exc:
        raise ConfigurationError(f"cannot read {path}: {exc.strerror}") from None


def _summarize(args: argparse.Namespace) -> int:
    from .extract import Summarizer
    from .page_input import page_article

    page = page_article(args.path, _read)
    text = page.text if page else _read(args.path)
    published = args.published or (page.published if page else None)
    summary = Summarizer(**_config(args)).summarize(
        text,
        published=published,
        url=page.url if page else None,
        title=page.title if page else None,
    )
    shown = summary.text if args.format == "html" else None
    sys.stdout.write(cli_report.format_summary(summary, args.format, shown))
    return 0


def _batch(args: argparse.Namespace) -> int:
    from . import batch_files
    from .batch_run import Interrupted, run_batch

    files = batch_files.chosen(args)
    try:
        tally = run_batch(
            args.inputs,
            args.out,
            concurrency=args.concurrency,
            retry_failed=args.retry_failed,
            progress=args.progress,
            config=_config(args),
            poll_interval=args.poll_interval if args.provider_batch else None,
            files=files,
            published=args.published,
        )
    except Interrupted as stop:
        print(
            f"llmclaims: interrupted: {stop.tally.report(args.out)}. Run the same command "
            "again to resume.",
            file=sys.stderr,
        )
        return stop.code
    if isinstance(files, batch_files.RequestWriter):
        print(f"llmclaims: {files.report()}", file=sys.stderr)
    print(f"llmclaims: {tally.report(args.out)}", file=sys.stderr)
    return 1 if tally.failed or tally.failed_before else 0


def _debug_traceback(debug: bool) -> None:
    if debug:
        traceback.print_exc(file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="llmclaims: %(message)s")
    logging.getLogger("instructor").setLevel(logging.CRITICAL)  # we report its failures
    args = build_parser().parse_args(argv)
    debug = bool(os.environ.get("LLMCLAIMS_DEBUG"))
    transport = logging.getLogger("llmclaims.transport")
    level = transport.level
    if not debug:  # retries are counted in metadata and on the batch's progress bar
        transport.setLevel(logging.ERROR)
    try:
        return int(args.run(args))
    except ConfigurationError as exc:
        _debug_traceback(debug)
        print(f"llmclaims: error: {exc}", file=sys.stderr)
        return 2
    except LLMClaimsError as exc:
        _debug_traceback(debug)
        print(f"llmclaims: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("llmclaims: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the promise is no raw traceback, whatever happens
        if debug:
            raise
        message = redact(f"{type(exc).__name__}: {exc}", os.environ.get("OPENAI_API_KEY"))
        print(
            f"llmclaims: unexpected error: {message} (set LLMCLAIMS_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1
    finally:
        transport.setLevel(level)  # main() may run in-process (tests, notebooks)


if __name__ == "__main__":
    sys.exit(main())
