"""The date engine and the language registry: a language is the tables its module has."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_language_module_with_only_some_date_tables_is_enough(tmp_path: Path) -> None:
    """A fourth language needs only the tables it has: the date engine builds its patterns
    without failing on the ones a module lacks (run in a fresh interpreter, with a minimal
    module registered before the engine is built)."""
    script = tmp_path / "fourth.py"
    script.write_text(
        "import sys, types\n"
        "from pathlib import Path\n"
        "import importlib.util\n"
        "root = Path(sys.argv[1])\n"
        "pkg = types.ModuleType('llmclaims'); pkg.__path__ = [str(root / 'llmclaims')]\n"
        "sys.modules['llmclaims'] = pkg  # skip the package's own imports\n"
        "import llmclaims.languages as L\n"
        "xx = types.ModuleType('xx'); xx.CODE = 'xx'; xx.NAME = 'X'\n"
        "xx.DATE_MONTHS = {'primus': 1}; xx.DATE_WEEKDAYS = {'lunadi': 1}\n"
        "L._MODULES['xx'] = xx\n"
        "from llmclaims.dates import normalize_date\n"
        "print(normalize_date('3 primus 2024', '2024-05-15', 'xx').value)\n"
        "print(normalize_date('ayer', '2024-05-15', 'xx').value)\n",
        encoding="utf-8",
    )
    repo = Path(__file__).resolve().parents[1]
    run = subprocess.run(
        [sys.executable, str(script), str(repo)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["2024-01-03", "2024-05-14"]
