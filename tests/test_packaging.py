"""The wheel ships the prompt templates, and an installed wheel finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("llmclaims-*.whl"))


def test_wheel_contains_prompts_and_license(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for template in (ROOT / "prompts").rglob("*.jinja"):
        relative = template.relative_to(ROOT / "prompts").as_posix()
        assert f"llmclaims/prompts/{relative}" in names
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert "llmclaims/py.typed" in names


def test_no_module_shares_a_name_with_a_folder(wheel):
    """`llmclaims/prompts.py` beside `llmclaims/prompts/` made two things answer to one name."""
    names = set(zipfile.ZipFile(wheel).namelist())
    folders = {name.rsplit("/", 1)[0] for name in names if "/" in name}
    clashes = [n for n in names if n.endswith(".py") and n[: -len(".py")] in folders]
    assert clashes == []


def _where_prompts_load(pythonpath: Path, cwd: Path) -> list[str]:
    """In a clean interpreter whose only llmclaims is on `pythonpath`: the package's file,
    the prompt folder and the current prompt's version."""
    code = (
        "import llmclaims, llmclaims.prompt_files as p; "
        "print(llmclaims.__file__); print(p.prompt_dir()); print(p.load_prompt().version)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(pythonpath), "PATH": ""},
        timeout=60,
        check=True,
    )
    return result.stdout.split("\n")[:3]


def test_prompts_load_from_a_zipped_package(wheel, tmp_path):
    """importlib.resources, not file paths: the templates load even when the package is a zip."""
    archive = tmp_path / "llmclaims.zip"
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(archive, "w") as target:
        for name in source.namelist():
            if name.startswith("llmclaims/"):
                target.writestr(name, source.read(name))
    module_file, _, version = _where_prompts_load(archive, tmp_path)
    assert module_file.startswith(str(archive))
    assert version == "summarize/v2"


def test_installed_wheel_finds_its_prompts(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    module_file, prompt_dir, version = _where_prompts_load(site, tmp_path)
    assert Path(module_file).is_relative_to(site)
    assert Path(prompt_dir) == site / "llmclaims" / "prompts"
    assert version == "summarize/v2"
