"""`python -m llmclaims.testing`: the fake OpenAI-compatible server as a process.

Serves grounded stub answers (or one fixed answer) with optional latency and seeded faults;
useful to try the CLI or a batch without a model, and for benchmarks (see `ServerProcess`).
Prints `serving on URL` as its first line.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path
from typing import Any

from .batch_api import BatchAPI
from .faults import KINDS, Fault, FaultPlan
from .server import FakeOpenAI, ServedRequest, answer_reply, stub_handler


def _fault(spec: str) -> Fault:
    try:
        return Fault.parse(spec)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m llmclaims.testing",
        description="Serve OpenAI-compatible stub answers locally, with optional faults.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument(
        "--hang-seconds",
        type=float,
        default=30.0,
        help="how long a 'hang' fault holds the connection",
    )
    parser.add_argument(
        "--fault",
        type=_fault,
        action="append",
        default=[],
        metavar="KIND[+KIND...]:SHARE[:ATTEMPTS|all]",
        help=f"inject a fault (repeatable); kinds: {', '.join(KINDS)}",
    )
    parser.add_argument("--seed", type=int, default=0, help="which articles get faults")
    parser.add_argument(
        "--retry-after",
        type=float,
        default=0.0,
        help="Retry-After seconds sent with 429 and 503 (negative: none)",
    )
    parser.add_argument(
        "--answer-file",
        type=Path,
        help="a JSON answer to serve for every article (default: stub answers "
        "quoting each article's first sentence)",
    )
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    answer = stub_handler
    if args.answer_file:
        fixed: Any = json.loads(args.answer_file.read_text(encoding="utf-8"))

        def answer(request: ServedRequest) -> Any:
            return answer_reply(request, fixed, prompt_tokens=request.prompt_tokens)

    plan = FaultPlan(
        args.fault,
        seed=args.seed,
        answer=answer,
        retry_after=args.retry_after if args.retry_after >= 0 else None,
    )
    server = FakeOpenAI(
        BatchAPI(plan),  # chat completions with faults, plus Files and Batches for --provider-batch
        host=args.host,
        port=args.port,
        latency=args.latency,
        hang_seconds=args.hang_seconds,
        record=False,
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"serving on {server.base_url} (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
