"""`llmclaims export OUT.jsonl --to sqlite results.db`: a batch's results as queryable tables."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(commands: Any) -> None:
    export = commands.add_parser("export", help="export a batch's OUT.jsonl to SQLite (with FTS)")
    export.add_argument("out", type=Path, metavar="OUT.jsonl")
    export.add_argument(
        "--to", choices=["sqlite", "csv"], default="sqlite", help="format (default: sqlite)"
    )
    export.add_argument(
        "target", type=Path, metavar="TARGET", help="database file, or folder for csv"
    )
    export.set_defaults(run=_export)


def _export(args: argparse.Namespace) -> int:
    from .export_sqlite import export_csv, export_sqlite

    count = (export_csv if args.to == "csv" else export_sqlite)(args.out, args.target)
    print(f"llmclaims: {count} result lines exported to {args.target}", file=sys.stderr)
    return 0
