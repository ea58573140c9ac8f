"""What every round of real layouts (``test_real_layouts*``) asks of a ledger: ``check`` and
``stats`` run through the CLI as a clerk runs them, the counts and statuses the clerk put in,
each column read as what it is; and the ledgers saved as .xls by LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from real_layouts import Expect

from ledger_tools.cli import cli


def run(today: str, *args: str) -> dict[str, Any]:
    """``ledger-tools ARGS --today TODAY --format json``, parsed (never a traceback)."""
    res = CliRunner().invoke(cli, [*args, "--today", today, "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    assert "Traceback" not in res.output
    return json.loads(res.output)


def document_text(today: str, tmp_path: Path, kind: str, path: Path) -> str:
    """The paragraphs of the ``kind`` document (``plan``, ``report`` …) written from the ledger
    at ``path`` through the CLI, as one text."""
    import docx

    out = tmp_path / f"{kind}.docx"
    args = [kind, str(path), "--as-of", today, "--today", today, "--force", "-o", str(out)]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def build(tmp_path: Path, builder: Any, suffix: str = ".xlsx") -> tuple[Path, Expect]:
    path = tmp_path / f"{builder.__name__}{suffix}"
    return path, builder(path)


def rules(report: dict[str, Any]) -> dict[str, list[str]]:
    """Rule → the cells of its findings, in report order."""
    out: dict[str, list[str]] = {}
    for f in report["findings"]:
        out.setdefault(f["rule"], []).append(f["cell"])
    return out


def messages(report: dict[str, Any], rule: str) -> list[str]:
    return [f["message"] for f in report["findings"] if f["rule"] == rule]


def reads(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Column letter → how ``check`` read it (读取方式)."""
    return {c["column"]: c for c in report["layout"]["columns"]}


def assert_counts(today: str, path: Path, expect: Expect, *, money_always: bool = True) -> None:
    """``stats`` counts the 方面, problems, measures, statuses and money the clerk put in
    (money 0 when the ledger has none, unless ``money_always`` is False)."""
    stats = run(today, "stats", str(path))
    counted = (stats["方面数"], stats["问题数"], stats["措施数"])
    assert counted == (expect.aspects, expect.problems, expect.measures)
    by_status = {k: v for k, v in stats["措施状态"].items() if v and k != "状态未填"}
    assert by_status == expect.statuses
    if money_always or expect.money is not None:
        assert stats["清退资金"] == (expect.money or 0)


def assert_columns(report: dict[str, Any], expect: Expect) -> None:
    """Each canonical column of ``expect.columns`` is read from its letter."""
    read = {c["read_as"]: c["column"] for c in report["layout"]["columns"] if c["read_as"]}
    for name, letter in expect.columns.items():
        assert read.get(name) == letter, (name, report["layout"]["columns"])


def saved_as_xls(tmp_path_factory: pytest.TempPathFactory, builders: list[Any]) -> dict[str, Path]:
    """The ledgers of ``builders`` saved as .xls by LibreOffice (one conversion for all)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    src = tmp_path_factory.mktemp("xlsx")
    out = tmp_path_factory.mktemp("xls")
    paths = [str(build(src, b)[0]) for b in builders]
    subprocess.run(
        [soffice, "--headless", "--convert-to", "xls", "--outdir", str(out), *paths],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {b.__name__: out / f"{b.__name__}.xls" for b in builders}


def assert_findings(today: str, path: Path, expected: dict[str, list[str]]) -> None:
    """``check`` finds exactly ``expected`` (rule → cells), and no column the clerk keeps on
    purpose is called unknown, no status word misread."""
    found = rules(run(today, "check", str(path)))
    assert found == expected
    assert "unmapped-column" not in found
    assert "unknown-status" not in found


def round_tests(today: str, builders: list[Any], findings: dict[str, dict[str, list[str]]]) -> Any:
    """The three tests every round of real layouts asks of each of its ledgers (``builders``,
    one test per ledger): the counts the clerk put in, every column read as what it is, every
    finding (``findings``: ledger name → rule → cells) on its cell. Returns the ``built``
    fixture and the three tests, for the round's test module to bind by these names."""

    @pytest.fixture(params=builders, ids=[b.__name__ for b in builders])
    def built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Expect]:
        return build(tmp_path, request.param)

    def test_stats_counts_what_the_clerk_put_in(built: tuple[Path, Expect]) -> None:
        assert_counts(today, *built)

    def test_every_column_read_as_what_it_is(built: tuple[Path, Expect]) -> None:
        path, expect = built
        assert_columns(run(today, "check", str(path)), expect)

    def test_every_finding_on_its_cell(built: tuple[Path, Expect]) -> None:
        path, _ = built
        assert_findings(today, path, findings[path.stem])

    return (
        built,
        test_stats_counts_what_the_clerk_put_in,
        test_every_column_read_as_what_it_is,
        test_every_finding_on_its_cell,
    )


def report_test(today: str, rates: dict[str, str]) -> Any:
    """The round's test that ``stats`` gives each ledger the 办结率 the clerk counts
    (``rates``: ledger name → rate) and that ``report`` says it, with the counts and the
    statistics sentence of ``stats``. Returns the test, to bind by its name."""

    def test_closure_rate_and_report_say_what_the_clerk_counts(
        built: tuple[Path, Expect], tmp_path: Path
    ) -> None:
        import docx

        path, expect = built
        stats = run(today, "stats", str(path))
        assert stats["办结率"] == rates[path.stem]
        out = tmp_path / "报告.docx"
        args = ["report", str(path), "--as-of", today, "--today", today, "--force", "-o", str(out)]
        res = CliRunner().invoke(cli, args)
        assert res.exit_code == 0, res.output
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        # (a count the reader is unsure of is printed in 【】, as ``stats`` marks it 存疑)
        doubt = stats.get("存疑", {})
        problems = f"【{expect.problems}】" if "问题数" in doubt else expect.problems
        measures = f"【{expect.measures}】" if "措施数" in doubt else expect.measures
        assert f"{problems}项问题，细化整改措施{measures}条" in text
        # (with no problem done the report gives no 办结率 0%: it says "上述问题均正在推进" or
        # "尚无问题整改到位，正在推进2项", the statistics sentence ``stats`` gives, checked below)
        said = f"办结率{rates[path.stem]}" in text
        assert said or (rates[path.stem] == "0%" and "办结率" not in text)
        assert stats["统计句"] in text

    return test_closure_rate_and_report_say_what_the_clerk_counts


def xls_tests(
    today: str,
    builders: list[Any],
    findings: dict[str, dict[str, list[str]]],
    also: tuple[Any, ...] = (),
) -> Any:
    """The round's ledgers ``builders`` saved as .xls by LibreOffice (with ``also``, for the
    round's own tests: one conversion for all) read the same as the .xlsx: the same ``stats``,
    the same findings. Returns the ``as_xls`` fixture and the test, to bind by these names."""

    @pytest.fixture(scope="module")
    def as_xls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
        return saved_as_xls(tmp_path_factory, [*builders, *also])

    @pytest.mark.parametrize("builder", builders, ids=[b.__name__ for b in builders])
    def test_saved_as_xls_reads_the_same(
        builder: Any, as_xls: dict[str, Path], tmp_path: Path
    ) -> None:
        xls = as_xls[builder.__name__]
        xlsx, _ = build(tmp_path, builder)
        assert run(today, "stats", str(xls)) | {"文件": ""} == run(today, "stats", str(xlsx)) | {
            "文件": ""
        }
        assert rules(run(today, "check", str(xls))) == findings[builder.__name__]

    return as_xls, test_saved_as_xls_reads_the_same
