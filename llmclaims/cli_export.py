"""`llmclaims export OUT.jsonl --to sqlite results.db`: a batch's results as queryable tables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import ConfigurationError

FOLDERS = {"csv", "parquet"}
TARGETS = {
    "sqlite": "database file",
    "csv": "folder (one CSV per table)",
    "parquet": "folder (one Parquet file per table; needs llmclaims[parquet])",
    "jsonld": "JSON-LD file (schema.org Claims, Web Annotation evidence)",
}


def add_parser(commands: Any) -> None:
    export = commands.add_parser(
        "export", help="export a batch's OUT.jsonl to SQLite (with FTS), CSV, Parquet or JSON-LD"
    )
    export.add_argument("out", type=Path, metavar="OUT.jsonl")
    export.add_argument(
        "--to", choices=list(TARGETS), default="sqlite", help="format (default: sqlite)"
    )
    export.add_argument(
        "target",
        type=Path,
        metavar="TARGET",
        help="; ".join(f"{k}: {v}" for k, v in TARGETS.items()),
    )
    export.set_defaults(run=_export)


def writer(fmt: str) -> Callable[[Path, Path], int]:
    if fmt == "parquet":
        from .export_parquet import export_parquet

        return export_parquet
    if fmt == "jsonld":
        from .export_jsonld import export_jsonld

        return export_jsonld
    from .export_sqlite import export_csv, export_sqlite

    return export_csv if fmt == "csv" else export_sqlite


def _check_target(fmt: str, target: Path) -> None:
    if fmt in FOLDERS and target.exists() and not target.is_dir():
        raise ConfigurationError(f"{target} is a file; --to {fmt} writes a folder")
    if fmt not in FOLDERS and target.is_dir():
        raise ConfigurationError(f"{target} is a folder; --to {fmt} writes a file")


def _export(args: argparse.Namespace) -> int:
    _check_target(args.to, args.target)
    count = writer(args.to)(args.out, args.target)
    print(f"llmclaims: {count} result lines exported to {args.target}", file=sys.stderr)
    return 0
