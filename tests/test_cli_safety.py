"""The CLI under careless use and a hostile machine (issue 9): no overwrite without
--overwrite, -o checked, every OS failure one Chinese line with exit 2, results printed
before the marked copy, no temporary file left, LibreOffice never left running, and a
cold start that imports nothing but click."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ledger_tools.cli import cli
from ledger_tools.output import TEMP_PREFIX, remove_leftovers

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "示例台账.xlsx"
DAY = ["--today", "2024-05-10"]


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ledger_tools", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        **kw,  # type: ignore[arg-type]
    )


def no_leftovers(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


# ---------------------------------------------------------------------------------------------
# Overwriting and -o


def test_a_document_is_not_overwritten_without_overwrite(ledger):
    out = ledger.with_name("整改方案.docx")
    first = CliRunner().invoke(cli, ["plan", str(ledger), *DAY])
    assert first.exit_code == 0, first.output and out.exists()
    out.write_bytes(b"edited by hand")
    again = CliRunner().invoke(cli, ["plan", str(ledger), *DAY])
    assert again.exit_code == 2
    assert "已存在" in again.output and "--overwrite" in again.output
    assert out.read_bytes() == b"edited by hand"
    forced = CliRunner().invoke(cli, ["plan", str(ledger), *DAY, "--overwrite"])
    assert forced.exit_code == 0 and out.read_bytes() != b"edited by hand"
    assert no_leftovers(ledger.parent)


@pytest.mark.parametrize(
    "output, extra, fragment",
    [
        ("r.pdf", ["--pdf"], "加 --pdf 时 -o 仍写 Word 文件名（如 -o r.docx）"),
        ("x.xlsx", [], "文件名应以 .docx 结尾，如 -o x.docx"),
        ("报告", [], "文件名应以 .docx 结尾"),
        ("{folder}", [], "是文件夹，请写出文件名"),
    ],
)
def test_output_with_a_wrong_extension_is_a_usage_error(ledger, output, extra, fragment):
    target = output.format(folder=ledger.parent)
    res = CliRunner().invoke(cli, ["report", str(ledger), *DAY, "-o", target, *extra])
    assert res.exit_code == 2, res.output
    assert fragment in res.output and "用法" in res.output
    assert "原台账" not in res.output and "Word/WPS" not in res.output
    assert sorted(p.name for p in ledger.parent.iterdir()) == ["台账.xlsx"]


def test_an_existing_pdf_is_refused_before_the_docx_is_written(ledger):
    pdf = ledger.with_name("整改情况报告.pdf")
    pdf.write_bytes(b"%PDF- earlier")
    res = CliRunner().invoke(cli, ["report", str(ledger), *DAY, "--pdf"])
    assert res.exit_code == 2 and "整改情况报告.pdf 已存在" in res.output
    assert not ledger.with_name("整改情况报告.docx").exists()
    assert pdf.read_bytes() == b"%PDF- earlier"


# ---------------------------------------------------------------------------------------------
# Temporary files


@pytest.fixture
def big_ledger(tmp_path: Path) -> Path:
    """A 3,000-measure ledger: its plan takes long enough to be caught while writing."""
    path = tmp_path / "大台账.xlsx"
    gen = REPO / "benchmarks" / "generate.py"
    subprocess.run([sys.executable, str(gen), str(path), "--measures", "3000"], check=True)
    return path


def caught_writing(ledger: Path) -> subprocess.Popen[bytes]:
    """A real ``plan`` run, returned once its temporary file exists in the ledger's folder."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "ledger_tools", "plan", str(ledger), *DAY, "--force"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while no_leftovers(ledger.parent) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert proc.poll() is None, "the run ended before it wrote: nothing to interrupt"
    return proc


def test_leftovers_of_a_killed_run_are_removed_by_the_next(big_ledger):
    folder = big_ledger.parent
    proc = caught_writing(big_ledger)
    proc.kill()  # SIGKILL: no finally block runs, the temporary file stays behind …
    proc.communicate()
    left = [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert left
    # … and one of a run still going on (this process) must survive the clean-up
    alive = folder / f"{TEMP_PREFIX}{os.getpid()}-xyz.docx"
    alive.write_bytes(b"being written")
    res = run("report", str(big_ledger), *DAY, "--force")
    assert res.returncode == 0, res.stderr
    assert not any(p.exists() for p in left)
    assert alive.exists()
    alive.unlink()
    assert remove_leftovers(folder) == []


def test_sigterm_removes_the_temporary_file(big_ledger):
    proc = caught_writing(big_ledger)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in err
    assert no_leftovers(big_ledger.parent)
    assert not big_ledger.with_name("整改方案.docx").exists()


# ---------------------------------------------------------------------------------------------
# Operating-system failures


def _file_size_limit() -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file size limit")
def test_a_write_that_the_disk_refuses(ledger):
    res = run("plan", str(ledger), *DAY, preexec_fn=_file_size_limit)
    assert res.returncode == 2, res.stderr
    assert "无法写入" in res.stderr and "文件超过了该磁盘允许的大小" in res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert "Exception ignored" not in res.stderr
    assert no_leftovers(ledger.parent)
    # check prints its results first, then says the marked copy could not be written
    marked = ledger.with_name("标注.xlsx")
    res = run("check", str(ledger), *DAY, "--mark", str(marked), preexec_fn=_file_size_limit)
    assert res.returncode == 2
    assert "结论" in res.stdout and "无法写入" in res.stderr and "Traceback" not in res.stderr
    assert not marked.exists() and no_leftovers(ledger.parent)


def test_broken_pipe_when_piped_into_head(ledger):
    # the reader is gone before anything is written (as ``| head`` is after its lines):
    # deterministic, unlike a race with a real head
    read_end, write_end = os.pipe()
    os.close(read_end)
    proc = subprocess.run(
        [sys.executable, "-m", "ledger_tools", "context", str(ledger)],
        cwd=REPO,
        stdout=write_end,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    os.close(write_end)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err
    assert "输出管道已关闭" in err and err.count("\n") == 1


# ---------------------------------------------------------------------------------------------
# LibreOffice


def _office_processes(marker: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        if marker in cmdline and "soffice" in cmdline:
            pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_pdf_timeout_kills_every_libreoffice_process(ledger, tmp_path, monkeypatch):
    from ledger_tools.documents.render import find_office

    if find_office() is None:
        pytest.skip("LibreOffice not installed")
    # a private TMPDIR marks this run's LibreOffice processes (its profile lives there)
    private = tmp_path / "tmp-marker-9"
    private.mkdir()
    res = run(
        "report", str(ledger), *DAY, "--pdf", "--pdf-timeout", "1",
        env={**os.environ, "TMPDIR": str(private)},
    )  # fmt: skip
    assert res.returncode == 2, res.stderr
    assert "超过 1 秒仍未完成" in res.stderr and "--pdf-timeout" in res.stderr
    assert res.stderr.count("\n") == 1
    assert ledger.with_name("整改情况报告.docx").exists()
    assert not ledger.with_name("整改情况报告.pdf").exists()
    time.sleep(1)
    assert _office_processes(str(private)) == []
    assert not list(private.iterdir())  # the profile folder is gone too


def test_pdf_timeout_must_be_positive(ledger):
    res = CliRunner().invoke(cli, ["plan", str(ledger), "--pdf", "--pdf-timeout", "0"])
    assert res.exit_code == 2 and "时限应为正数" in res.output


# ---------------------------------------------------------------------------------------------
# Cold start


HEAVY = {"polars", "pandas", "numpy", "jinja2", "docx", "docxtpl", "lxml", "openpyxl", "pandera",
         "fastexcel", "python_calamine", "hypothesis", "xlsxwriter"}  # fmt: skip


def heavy_modules_after(*argv: str) -> set[str]:
    """The heavy top-level modules a fresh ``python -m ledger_tools *argv`` has imported."""
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['ledger-tools', *{list(argv)!r}]\n"
        "try:\n    runpy.run_module('ledger_tools', run_name='__main__')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "print('LOADED', sorted({m.split('.')[0] for m, v in sys.modules.items() if v}))\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    line = next((ln for ln in res.stdout.splitlines() if ln.startswith("LOADED")), None)
    assert line, res.stdout + res.stderr
    return set(eval(line.removeprefix("LOADED "))) & HEAVY  # noqa: S307 - our own output


def test_help_imports_nothing_but_click():
    assert heavy_modules_after("--help") == set()


def test_hypothesis_is_never_imported_at_run_time(ledger, tmp_path):
    loaded = heavy_modules_after("report", str(ledger), *DAY, "-o", str(tmp_path / "r.docx"))
    assert "docxtpl" in loaded and "hypothesis" not in loaded


def test_json_output_is_valid_when_marked(ledger, tmp_path):
    res = run("check", str(ledger), *DAY, "--format", "json", "--mark", str(tmp_path / "m.xlsx"))
    json.loads(res.stdout)  # nothing but the JSON on stdout
    assert (tmp_path / "m.xlsx").exists()


def test_sheet_names_are_quoted_the_excel_way(tmp_path):
    from conftest import INFO, good_row, write_ledger

    path = write_ledger(
        tmp_path / "台账.xlsx", [good_row(1, 整改状态="搞定了")], info=INFO, sheet="O'Brien 台账"
    )
    res = CliRunner().invoke(cli, ["check", str(path), *DAY])
    assert res.exit_code == 1
    assert "'O''Brien 台账'!" in res.output
    data = json.loads(
        CliRunner().invoke(cli, ["check", str(path), *DAY, "--format", "json"]).output
    )
    cells = [f["cell"] for f in data["findings"] if f["row"]]
    assert cells and all(c.startswith("'O''Brien 台账'!") for c in cells)


def test_a_termination_while_the_temporary_file_is_created_waits_for_its_cleanup(
    tmp_path, monkeypatch
):
    """SIGTERM arriving between the creation of the temporary file and the block that removes
    it left the file behind (seen once under load). A real SIGTERM, sent to this process right
    after the file exists and handled by the CLI's own handler, is held back and acted on
    where the file is removed."""
    from ledger_tools import cli, output

    real = output._temporary_file

    def created_then_terminated(out_path: Path) -> Path:
        path = real(out_path)
        os.kill(os.getpid(), signal.SIGTERM)  # the worst moment: the file exists, no cleanup yet
        return path

    monkeypatch.setattr(output, "_temporary_file", created_then_terminated)
    previous = signal.signal(signal.SIGTERM, cli._terminated)
    try:
        with pytest.raises(SystemExit) as stop:
            with output.atomic_output(tmp_path / "文稿.docx"):
                pytest.fail("the held-back termination must stop the run first")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert stop.value.code == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def test_every_command_help_is_in_chinese():
    # the usage line of every command (also those defined in their subpackages) says [选项]
    import click

    from ledger_tools.cli import cli

    names = cli.list_commands(click.Context(cli))  # the lazily imported ones too
    assert {"check", "merge", "import", "web"} <= set(names)
    for name in names:
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "[选项]" in result.output and "OPTIONS" not in result.output, name
