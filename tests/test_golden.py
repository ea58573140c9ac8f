"""``check`` and ``stats`` print exactly what the saved golden outputs say (issue 10: the columnar
pipeline must leave ``check --format json`` unchanged byte for byte).

The goldens, what they cover and how to regenerate them: ``tests/golden/make_golden.py``. On a
difference the test names the first differing line with context, and writes the whole current
output to ``tests/_artifacts/golden/`` for a full ``diff``. The 100,000-measure case runs only
with ``LEDGER_TOOLS_GOLDEN_BIG=1`` (about a minute; it generates the ledger on first use).
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "golden"))
import make_golden as G  # noqa: E402

ARTIFACTS = ROOT / "tests" / "_artifacts" / "golden"
INDEX = G.load_index()
CASES = G.cases()
CONTEXT = 4  # lines shown around the first difference
SHOWN = 40  # differing lines listed at most


@pytest.fixture(scope="module")
def space(tmp_path_factory):
    return G.Workspace(tmp_path_factory.mktemp("golden"))


def _first_difference(expected: str, actual: str) -> str:
    """A readable account of where two long outputs part: a small unified diff around the
    first differing line and how many lines differ in all (difflib on the whole 10k output
    could take long when everything moved)."""
    old, new = expected.splitlines(), actual.splitlines()
    first = next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
        min(len(old), len(new)),
    )
    lo = max(0, first - CONTEXT)
    window = difflib.unified_diff(
        old[lo : first + SHOWN], new[lo : first + SHOWN], "golden", "now", n=CONTEXT, lineterm=""
    )
    differing = sum(a != b for a, b in zip(old, new, strict=False)) + abs(len(old) - len(new))
    shown = list(window)[: SHOWN + 2 * CONTEXT]
    return (
        f"first difference at line {first + 1}; {differing} of {len(old)} golden lines differ "
        f"(now {len(new)} lines)\n" + "\n".join(shown)
    )


def _save_actual(case: G.Case, text: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / (case.name + case.suffix)
    path.write_text(text, encoding="utf-8")
    return path


def _compare(case: G.Case, result: G.Result) -> None:
    entry = INDEX.get(case.name)
    assert entry is not None, f"no golden for {case.name}: run tests/golden/make_golden.py"
    if entry["input_fingerprint"] != result.input_fingerprint:
        pytest.fail(
            f"{case.name}: the INPUT changed (examples/ rebuilt, benchmarks/generate.py or its "
            "phrase banks changed), not necessarily the output. Regenerate the goldens from the "
            "code before the change, then compare."
        )
    assert result.exit_code == entry["exit_code"], (
        f"{case.name}: exit code {result.exit_code}, golden {entry['exit_code']}\n{result.stderr}"
    )
    assert result.stderr == entry["stderr"], f"{case.name}: stderr differs"
    if G.sha256(result.stdout) == entry["stdout_sha256"]:
        return
    saved = _save_actual(case, result.stdout)
    if "stdout_file" in entry:
        detail = _first_difference(G.golden_stdout(entry), result.stdout)
    elif entry["stdout_bytes"] == 0:
        detail = "the golden stdout is empty"
    else:  # sha256 only: say which of the kept parts moved
        now = G.head(result.stdout)
        moved = [k for k, v in entry["stdout_head"].items() if now.get(k) != v]
        detail = f"sha256 differs; parts that differ from the kept head: {moved or 'none'}"
    pytest.fail(f"{case.name}: stdout differs from the golden. {detail}\nwhole output: {saved}")


def _params(big: bool) -> list:
    return [pytest.param(c, id=c.name) for c in CASES if c.input.big == big]


@pytest.mark.parametrize("case", _params(big=False))
def test_output_equals_the_golden(case, space):
    _compare(case, G.run(case, space))


@pytest.mark.skipif(
    os.environ.get(G.BIG_ENV) != "1", reason=f"100,000 measures: set {G.BIG_ENV}=1 to run"
)
@pytest.mark.parametrize("case", _params(big=True))
def test_big_output_equals_the_golden(case, space):
    _compare(case, G.run(case, space))


def test_every_golden_has_a_case_and_a_file():
    """No stale or missing golden: the index and the case list agree, and the stored files
    decompress to the recorded sha256."""
    assert set(INDEX) == {c.name for c in CASES}
    for name, entry in INDEX.items():
        if "stdout_file" in entry:
            assert G.sha256(G.golden_stdout(entry)) == entry["stdout_sha256"], name


def test_goldens_cover_the_corpus_examples_and_generated_ledgers():
    from test_robustness import CORPUS

    names = set(INDEX)
    for corpus_name, _build, code, _fragment in CORPUS:
        entry = INDEX[f"corpus-{corpus_name}.check-json"]
        assert entry["exit_code"] == code  # the corpus test's own expectation, kept here too
        if code == 2:
            assert entry["stderr"].startswith("错误：") and entry["stdout_bytes"] == 0
        else:
            assert json.loads(G.golden_stdout(entry))["file"] == f"{corpus_name}.xlsx"
    for example in (ROOT / "examples").glob("*.xlsx"):
        assert f"example-{example.stem}.check-json" in names
    assert {
        "gen-1000-s0.check-json",
        "gen-10000-s0.check-json",
        "gen-100000-s0.check-json",
    } <= names
    assert any(n.endswith("-title.check-json") for n in names)


def test_a_real_process_prints_the_same_as_the_in_process_runner(tmp_path):
    """The goldens are taken with CliRunner; ``python -m ledger_tools`` (this repository's code,
    not an installed copy) prints the same bytes."""
    case = next(c for c in CASES if c.name == "example-示例台账.check-json")
    path = G.Workspace(tmp_path).path(case.input)
    args = [a.replace("{file}", path.name) for a in case.args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "ledger_tools", *args],
        cwd=path.parent,
        capture_output=True,
        env=env,
        timeout=120,
    )
    entry = INDEX[case.name]
    assert proc.returncode == entry["exit_code"]
    assert proc.stdout.decode("utf-8") == G.golden_stdout(entry)
