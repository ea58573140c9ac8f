"""The golden outputs of ``check`` and ``stats``: what today's code prints, kept so that a rewrite
of the ledger pipeline (issue 10: columnar) can prove its output unchanged, byte for byte.

    python tests/golden/make_golden.py            # rewrite every golden except the 100k one
    python tests/golden/make_golden.py --big      # also the 100k ledger (about a minute)
    python tests/golden/make_golden.py --only gen-1000   # the cases whose name contains this

Run it from any folder; it always imports the ``ledger_tools`` of this repository (never an
installed copy). Regenerate only when a change of output is intended, and say why in the commit:
``tests/test_golden.py`` compares the current code with what is written here.

What is covered (every case: exit code, stdout, stderr, with ``--today`` fixed):
- the bundled example ledgers in ``examples/`` (``check`` JSON and text, ``stats`` JSON and text);
- the malformed-input corpus of ``tests/test_robustness.py`` (its own builders; ``check`` JSON and
  text; cases that stop with an error keep their exit code and stderr message);
- ledgers from ``benchmarks/generate.py``: 1,000 and 10,000 measures, title-row variants and other
  seeds (``check`` JSON, ``stats`` JSON), and 100,000 measures as a sha256 (``--big`` / the env
  variable ``LEDGER_TOOLS_GOLDEN_BIG=1`` for the test).

Every command runs in-process through click's ``CliRunner`` with the input file's folder as the
working directory and the file given by its bare name, so the ``file`` field and any message
naming the file are the same on every machine.

Storage: ``index.json`` holds, per case, the exit code, stderr, the sha256 and size of stdout and
a fingerprint of the input (generated and example ledgers: a sha256 of the workbook's parts
without ``docProps/``, whose timestamps change on every generation). Stdout is kept in
``out/<case>.json|.txt``, gzip-compressed (``.gz``, mtime 0 so regeneration is stable) when large;
the 100k case keeps only the sha256, the counts and the first findings.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
ROOT = GOLDEN.parents[1]
for _p in (ROOT / "benchmarks", ROOT / "tests", ROOT):  # ROOT ends up first
    if str(_p) in sys.path:
        sys.path.remove(str(_p))
    sys.path.insert(0, str(_p))

from click.testing import CliRunner  # noqa: E402

import ledger_tools  # noqa: E402
from ledger_tools.cli import cli  # noqa: E402

INDEX = GOLDEN / "index.json"
OUT = GOLDEN / "out"
TODAY = "2024-05-10"  # the day generate.py and the example ledger are consistent with
LATER = "2024-07-01"  # a second day for the example: more deadlines passed
BIG_ENV = "LEDGER_TOOLS_GOLDEN_BIG"
GZIP_ABOVE = 100_000  # bytes of stdout above which the golden is stored compressed
HEAD_FINDINGS = 20  # findings kept for a case stored as sha256 only

if Path(ledger_tools.__file__).resolve().parent != ROOT / "ledger_tools":
    raise SystemExit(f"ledger_tools imported from {ledger_tools.__file__}, not from {ROOT}")


# ---------------------------------------------------------------------------------------------
# Inputs: each writes one file into a folder and returns its path.
@dataclass(frozen=True)
class Input:
    name: str  # the case names start with it
    filename: str  # the name the command is given (the working folder is the file's)
    build: Callable[[Path], None]  # writes the workbook to the given path
    fingerprint: bool  # the input is a fixed artefact (example, generator): record its parts
    big: bool = False


def _copy(src: Path) -> Callable[[Path], None]:
    return lambda dest: shutil.copyfile(src, dest)


def _generated(measures: int, seed: int, title_row: bool = False) -> Callable[[Path], None]:
    def build(dest: Path) -> None:
        from generate import cached_ledger  # benchmarks/ (cached in benchmarks/out/)

        shutil.copyfile(cached_ledger(measures, seed, title_row), dest)

    return build


def _corpus() -> list[Input]:
    from test_robustness import CORPUS

    return [
        Input(f"corpus-{name}", f"{name}.xlsx", build, False)
        for name, build, _code, _frag in CORPUS
    ]


def _generated_inputs() -> list[Input]:
    variants = [
        (1000, 0, False),
        (10000, 0, False),
        (1000, 0, True),
        (1000, 3, False),
        (2000, 7, True),
        (500, 11, False),
    ]
    names = [
        (f"gen-{n}-s{seed}{'-title' if title else ''}", n, seed, title)
        for n, seed, title in variants
    ]
    inputs = [
        Input(name, f"{name}.xlsx", _generated(n, seed, title), True)
        for name, n, seed, title in names
    ]
    big = Input("gen-100000-s0", "gen-100000-s0.xlsx", _generated(100_000, 0), True, big=True)
    return [*inputs, big]


def inputs() -> list[Input]:
    examples = [
        Input(f"example-{p.stem}", p.name, _copy(p), True)
        for p in sorted((ROOT / "examples").glob("*.xlsx"))
    ]
    return [*examples, *_corpus(), *_generated_inputs()]


# ---------------------------------------------------------------------------------------------
# Cases: an input and one command line.
CHECK_JSON = ("check", "{file}", "--today", TODAY, "--format", "json")
CHECK_TEXT = ("check", "{file}", "--today", TODAY)
STATS_JSON = ("stats", "{file}", "--today", TODAY, "--format", "json")
STATS_TEXT = ("stats", "{file}", "--today", TODAY, "--by", "责任部门")
CHECK_JSON_LATER = ("check", "{file}", "--today", LATER, "--format", "json")


@dataclass(frozen=True)
class Case:
    input: Input
    command: str  # short name of the command line
    args: tuple[str, ...]
    sha_only: bool = False

    @property
    def name(self) -> str:
        return f"{self.input.name}.{self.command}"

    @property
    def suffix(self) -> str:
        return ".json" if "json" in self.command else ".txt"


def cases() -> list[Case]:
    out: list[Case] = []
    for inp in inputs():
        if inp.big:
            out.append(Case(inp, "check-json", CHECK_JSON, sha_only=True))
        elif inp.name.startswith("example-"):
            out += [
                Case(inp, "check-json", CHECK_JSON),
                Case(inp, "check-text", CHECK_TEXT),
                Case(inp, "check-json-later", CHECK_JSON_LATER),
                Case(inp, "stats-json", STATS_JSON),
                Case(inp, "stats-text", STATS_TEXT),
            ]
        elif inp.name.startswith("corpus-"):
            out += [Case(inp, "check-json", CHECK_JSON), Case(inp, "check-text", CHECK_TEXT)]
        else:
            out += [Case(inp, "check-json", CHECK_JSON), Case(inp, "stats-json", STATS_JSON)]
    return out


# ---------------------------------------------------------------------------------------------
# Running.
@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str
    input_fingerprint: str | None


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def fingerprint(path: Path) -> str:
    """sha256 of the workbook's parts except ``docProps/`` (creation times)."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(path) as zf:
        for member in sorted(zf.namelist()):
            if not member.startswith("docProps/"):
                digest.update(member.encode() + b"\0" + zf.read(member))
    return digest.hexdigest()


class Workspace:
    """A temporary folder holding each input once (built on first use)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: dict[str, Path] = {}

    def path(self, inp: Input) -> Path:
        if inp.name not in self.built:
            sub = self.folder / inp.name  # a folder per input: builders may add side files
            sub.mkdir()
            dest = sub / inp.filename
            inp.build(dest)
            self.built[inp.name] = dest
        return self.built[inp.name]


def run(case: Case, space: Workspace) -> Result:
    path = space.path(case.input)
    args = [a.replace("{file}", path.name) for a in case.args]
    with working_directory(path.parent):
        res = CliRunner().invoke(cli, args, prog_name="ledger-tools")
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise RuntimeError(f"{case.name}: {res.exception!r}") from res.exception
    return Result(
        res.exit_code,
        res.stdout,
        res.stderr,
        fingerprint(path) if case.input.fingerprint else None,
    )


# ---------------------------------------------------------------------------------------------
# Storage.
def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stdout_file(case: Case, size: int) -> Path:
    name = case.name + case.suffix
    return OUT / (name + ".gz" if size > GZIP_ABOVE else name)


def head(stdout: str) -> dict:
    """What a sha256-only golden keeps to localise a difference: counts and first findings."""
    try:
        data = json.loads(stdout)
    except ValueError:
        return {"first_lines": stdout.splitlines()[:40]}
    return {
        "counts": data.get("counts"),
        "totals": data.get("totals"),
        "first_findings": data.get("findings", [])[:HEAD_FINDINGS],
    }


def record(case: Case, result: Result) -> dict:
    """Write the stdout file (unless sha-only) and return the index entry."""
    data = result.stdout.encode("utf-8")
    entry: dict = {
        "command": ["ledger-tools", *case.args],
        "exit_code": result.exit_code,
        "stderr": result.stderr,
        "stdout_sha256": sha256(result.stdout),
        "stdout_bytes": len(data),
        "input_fingerprint": result.input_fingerprint,
    }
    if case.sha_only:
        entry["stdout_head"] = head(result.stdout)
        return entry
    if not data:  # a command that stopped with an error: exit code and stderr are the golden
        return entry
    target = stdout_file(case, len(data))
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix == ".gz":
        target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    else:
        target.write_bytes(data)
    entry["stdout_file"] = target.relative_to(GOLDEN).as_posix()
    return entry


def load_index() -> dict:
    return json.loads(INDEX.read_text(encoding="utf-8")) if INDEX.exists() else {}


def golden_stdout(entry: dict) -> str:
    path = GOLDEN / entry["stdout_file"]
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", action="store_true", help="also the 100,000-measure ledger")
    parser.add_argument("--only", help="only the cases whose name contains this")
    args = parser.parse_args(argv)
    index = load_index()
    chosen = [
        c
        for c in cases()
        if (args.big or not c.input.big) and (not args.only or args.only in c.name)
    ]
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        space = Workspace(Path(tmp))
        for case in chosen:
            old = index.get(case.name)
            entry = record(case, run(case, space))
            index[case.name] = entry
            same = old is not None and all(
                old.get(k) == entry.get(k) for k in ("exit_code", "stderr", "stdout_sha256")
            )
            state = "unchanged" if same else ("new" if old is None else "CHANGED")
            print(f"{state:9} {case.name}  exit {entry['exit_code']}, {entry['stdout_bytes']} B")
    known = {c.name for c in cases()}
    for stale in sorted(set(index) - known):
        print(f"removed   {stale}")
        del index[stale]
    ordered = {k: index[k] for k in sorted(index)}
    INDEX.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for path in OUT.iterdir():  # stdout files no case refers to any more
        if path.relative_to(GOLDEN).as_posix() not in {
            e.get("stdout_file") for e in ordered.values()
        }:
            path.unlink()


if __name__ == "__main__":
    main()
