"""Cold start (issue 10): ``ledger-tools --help`` imports nothing but click and the project's
own light modules, and hypothesis (which pandera imports whenever it is installed) is never
imported by a command. Checked on ``sys.modules`` of a real process, not by timing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"

# Runs the console script's entry point like the installed ``ledger-tools`` does, then writes
# which modules were imported (name -> really imported, not a None placeholder) and the exit
# code to argv[1].
PROBE = """
import json, sys
out = sys.argv[1]
sys.argv = ["ledger-tools", *sys.argv[2:]]
code = 0
try:
    from ledger_tools.cli import main
    main()
except SystemExit as exit:
    code = exit.code
finally:
    with open(out, "w", encoding="utf-8") as fh:
        modules = {k: v is not None for k, v in sys.modules.items()}
        json.dump({"modules": modules, "exit": code}, fh)
"""
BARE = """
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    json.dump({"modules": {k: v is not None for k, v in sys.modules.items()}, "exit": 0}, fh)
"""


def _modules(tmp_path: Path, code: str, *args: str, exit_codes: tuple = (0,)) -> dict[str, bool]:
    out = tmp_path / "modules.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this repository's code, never an installed copy
    proc = subprocess.run(
        [sys.executable, "-c", code, str(out), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.exists(), proc.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["exit"] in exit_codes, proc.stderr
    return result["modules"]


def _imported(modules: dict[str, bool]) -> set[str]:
    return {name for name, real in modules.items() if real}


@pytest.fixture(scope="module")
def at_start_up(tmp_path_factory) -> set[str]:
    """What the interpreter imports before any of our code (site, .pth hooks)."""
    return _imported(_modules(tmp_path_factory.mktemp("bare"), BARE))


def _third_party(names: set[str]) -> set[str]:
    tops = {n.split(".")[0] for n in names}
    return {t for t in tops if t not in sys.stdlib_module_names and t != "__main__"}


def test_help_imports_only_click_and_our_light_modules(tmp_path, at_start_up):
    loaded = _imported(_modules(tmp_path, PROBE, "--help")) - at_start_up
    assert "ledger_tools.cli" in loaded  # the probe ran the real entry point
    assert _third_party(loaded) == {"click", "ledger_tools"}, sorted(
        _third_party(loaded) - {"click", "ledger_tools"}
    )


def test_a_subcommand_help_stays_light(tmp_path, at_start_up):
    loaded = _imported(_modules(tmp_path, PROBE, "check", "--help")) - at_start_up
    assert _third_party(loaded) == {"click", "ledger_tools"}


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(EXAMPLE), "--today", "2024-05-10", "--format", "json"],
        ["stats", str(EXAMPLE), "--today", "2024-05-10"],
        ["report", str(EXAMPLE), "--as-of", "2024-05-10", "-o", "{tmp}/报告.docx"],
    ],
    ids=["check", "stats", "report"],
)
def test_hypothesis_is_never_imported_by_a_command(tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    modules = _modules(tmp_path, PROBE, *args, exit_codes=(0, 1))
    assert "ledger_tools.ledger.normalise" in _imported(modules)  # the ledger was really read
    hypothesis = sorted(n for n in _imported(modules) if n.split(".")[0] == "hypothesis")
    assert hypothesis == []
    if args[0] == "report":
        assert (tmp_path / "报告.docx").stat().st_size > 0
