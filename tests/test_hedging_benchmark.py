"""The hedging benchmark's dev and held-out halves: the README reports the held-out half as
documents not read during development, which holds only if the halves never share a document."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "hedging_benchmark", REPO / "benchmarks" / "hedging.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_halves_partition_the_documents_and_cover_every_topic(tmp_path: Path) -> None:
    root = tmp_path / "meantime_en" / "intra-doc_annotation"
    for topic, n in (("corpus_a", 5), ("corpus_b", 4), ("corpus_c", 1)):
        (root / topic).mkdir(parents=True)
        for k in range(n):
            (root / topic / f"{k:02d}_doc.xml").write_text("<Document/>")
    bench = _benchmark()
    dev = set(bench.documents(tmp_path, "dev"))
    held_out = set(bench.documents(tmp_path, "held-out"))
    every = set(bench.documents(tmp_path, "all"))
    assert len(every) == 10
    assert dev.isdisjoint(held_out)
    assert dev | held_out == every
    assert {p.parent.name for p in dev} == {"corpus_a", "corpus_b", "corpus_c"}
    assert {p.parent.name for p in held_out} == {"corpus_a", "corpus_b"}
    assert (len(dev), len(held_out)) == (3 + 2 + 1, 2 + 2)
