"""Validation rules (README “校验规则”), outputs and exit codes of `ledger-tools check`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import INFO, STANDARD_HEADER, good_row

from ledger_tools.cli import cli
from ledger_tools.ledger.checking import JSON_SCHEMA, format_text, report_json
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.schema import RULES, check_info_fields, validate

TODAY = dt.date(2024, 5, 10)


def findings_for(path, today=TODAY):
    return validate(load_ledger(path), today=today).findings


def only(findings, rule):
    return [f for f in findings if f.rule == rule]


# Each case: the row override, the rule, the cell it must point at, severity.
CASES = [
    ({"方面": None}, "required-cell", "整改台账!B2"),
    ({"问题": None}, "required-cell", "整改台账!C2"),
    ({"整改措施": None}, "required-cell", "整改台账!D2"),
    ({"责任领导": None}, "required-cell", "整改台账!E2"),
    ({"整改时限": None}, "required-cell", "整改台账!I2"),
    ({"整改状态": None}, "required-cell", "整改台账!J2"),
    ({"整改状态": "差不多了"}, "unknown-status", "整改台账!J2"),
    ({"整改时限": "尽快"}, "bad-deadline", "整改台账!I2"),
    ({"整改时限": "2023年2月30日"}, "bad-deadline", "整改台账!I2"),
    ({"完成时间": "上个月"}, "bad-finish-date", "整改台账!K2"),
    ({"完成时间": None}, "finished-without-date", "整改台账!K2"),
    ({"整改状态": "长期坚持", "完成时间": None}, "finished-without-date", "整改台账!K2"),
    ({"完成时间": dt.date(2024, 6, 1)}, "finished-in-future", "整改台账!K2"),
    ({"完成时间": dt.date(2024, 2, 1)}, "finished-before-feedback", "整改台账!K2"),
    (
        {"整改状态": "正在推进", "完成时间": None, "整改时限": "2024-05-01"},
        "overdue-red",
        "整改台账!I2",
    ),
    (
        {"整改状态": "正在推进", "完成时间": None, "整改时限": "2024-05-15"},
        "due-yellow",
        "整改台账!I2",
    ),
    (
        {"整改状态": "未启动", "完成时间": None, "整改时限": "2024-05-28"},
        "due-green",
        "整改台账!I2",
    ),
    (
        {"完成时间": dt.date(2024, 5, 5), "整改时限": "2024年4月底前"},
        "late-completion",
        "整改台账!K2",
    ),
    ({"整改进展及成效": None}, "no-progress", "整改台账!L2"),
    ({"佐证材料": None}, "no-evidence", "整改台账!M2"),
    ({"责任人": None}, "no-person", "整改台账!H2"),
    ({"整改措施": "【示例，请修改】建立制度"}, "example-text", "整改台账!D2"),
]


@pytest.mark.parametrize(
    "override, rule, cell", CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_fires_on_the_right_cell(ledger_file, override, rule, cell):
    findings = findings_for(ledger_file([good_row(1, **override)], info=INFO))
    hits = only(findings, rule)
    assert [f.cell for f in hits] == [cell], findings
    assert hits[0].severity == RULES[rule].severity
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in hits[0].message) >= 8  # a Chinese sentence


def test_a_valid_row_has_no_findings(ledger_file):
    assert findings_for(ledger_file([good_row(1)], info=INFO)) == []


def test_department_either_lead_or_responsible(ledger_file):
    ok = findings_for(ledger_file([good_row(1, 责任部门=None)], info=INFO))
    assert not only(ok, "required-cell")
    both = findings_for(ledger_file([good_row(1, 责任部门=None, 牵头部门=None)], info=INFO))
    assert [f.cell for f in only(both, "required-cell")] == ["整改台账!G2"]


def test_missing_required_column_lists_headers_and_map_hint(ledger_file):
    header = [h for h in STANDARD_HEADER if h != "整改状态"]
    # (progress that opens with a status would stand in for the column: see test_real_layouts)
    full = good_row(1, 整改进展及成效="召开专题会议研究部署。")
    row = [v for h, v in zip(STANDARD_HEADER, full, strict=True) if h != "整改状态"]
    hits = only(findings_for(ledger_file([row], header=header)), "missing-column")
    assert len(hits) == 1 and "整改状态" in hits[0].message and "--map" in hits[0].message
    assert "整改时限" in hits[0].message  # lists the headers found


def test_cross_row_conflicts(ledger_file):
    rows = [
        good_row(1),
        good_row(1, 方面="另一方面"),
        good_row(2, 问题="问题1", 方面="落实全面从严治党方面"),
        good_row(3, 序号=3, 问题="问题3"),
        good_row(3, 序号=3, 问题="问题X"),
    ]
    findings = findings_for(ledger_file(rows, info=INFO))
    assert [f.cell for f in only(findings, "aspect-conflict")] == ["整改台账!B3"]
    assert "第 2 行" in only(findings, "aspect-conflict")[0].message
    assert [f.cell for f in only(findings, "number-conflict")] == ["整改台账!C6"]


def test_numeric_columns(ledger_file):
    header = [*STANDARD_HEADER, "清退资金（元）", "问责人次", "建立制度"]
    rows = [good_row(1) + [-5, 1.5, "三项"], good_row(2) + ["1,200", 2, 0]]
    hits = only(findings_for(ledger_file(rows, header=header, info=INFO)), "bad-number")
    assert sorted(f.cell for f in hits) == ["整改台账!N2", "整改台账!O2", "整改台账!P2"]


def test_period_deadlines_and_immediate_are_not_errors(ledger_file):
    rows = [
        good_row(i, 整改时限=t, 完成时间=dt.date(2024, 3, 20))
        for i, t in enumerate(
            [
                "2024年6月底前",
                "2024年第二季度",
                "2024年上半年",
                "立行立改",
                "长期坚持",
                "2024.6.30",
                "2024/6/30",
                "20240630",
            ],
            start=1,
        )
    ]
    findings = findings_for(ledger_file(rows, info=INFO))
    assert not [f for f in findings if f.severity == "error"], findings


def test_long_term_is_never_overdue(ledger_file):
    rows = [good_row(1, 整改时限="长期坚持", 整改状态="正在推进", 完成时间=None)]
    findings = findings_for(ledger_file(rows, info=INFO), today=dt.date(2030, 1, 1))
    assert not [f for f in findings if f.rule.startswith(("overdue", "due"))]


def test_info_fields_needed_by_documents(ledger_file):
    info = {k: v for k, v in INFO.items() if k != "监督机构"} | {"监督机构": None}
    ledger = load_ledger(ledger_file([good_row(1)], info=info))
    missing = check_info_fields(ledger, "report")
    assert [(f.field, f.cell) for f in missing] == [
        ("党组织名称", "基本信息!B3")
    ] or "监督机构" in [f.field for f in missing]
    assert all(f.severity == "error" for f in missing)
    no_sheet = check_info_fields(load_ledger(ledger_file([good_row(1)])), "plan")
    # Without the sheet: one finding naming every field the document needs, not one per field.
    assert len(no_sheet) == 1 and "没有“基本信息”工作表" in no_sheet[0].message
    assert "单位名称" in no_sheet[0].message and "领导小组组长" in no_sheet[0].message


def test_text_report_groups_and_counts(ledger_file):
    rows = [good_row(1, 整改状态="差不多了"), good_row(2, 责任人=None)]
    report = validate(load_ledger(ledger_file(rows, info=INFO)), today=TODAY)
    text = format_text(report)
    assert text.index("错误（1 处）") < text.index("警告（1 处）")
    assert "整改台账!J2" in text and "整改台账!H3" in text
    assert "共 2 个问题、2 条措施" in text
    assert "结论：有 1 处错误" in text


def test_json_output_follows_its_schema(ledger_file):
    rows = [
        good_row(1, 整改状态="差不多了"),
        good_row(2, 整改状态="正在推进", 完成时间=None, 整改时限="2024-05-01"),
    ]
    report = validate(load_ledger(ledger_file(rows, info=INFO)), today=TODAY)
    data = report_json(report)
    jsonschema.validate(data, JSON_SCHEMA)
    assert data["ok"] is False and data["counts"]["error"] == 1 and data["counts"]["红色"] == 1
    assert data["findings"][0]["cell"] == "整改台账!J2"
    json.dumps(data, ensure_ascii=False)


def test_cli_exit_codes_and_input_unchanged(ledger_file, tmp_path):
    good = ledger_file([good_row(1)], info=INFO)
    bad = ledger_file([good_row(1, 整改状态="差不多了")], info=INFO)
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    runner = CliRunner()
    assert runner.invoke(cli, ["check", str(good), "--today", "2024-05-10"]).exit_code == 0
    res = runner.invoke(cli, ["check", str(bad), "--today", "2024-05-10", "--format", "json"])
    assert res.exit_code == 1
    assert json.loads(res.output)["findings"][0]["rule"] == "unknown-status"
    res = runner.invoke(
        cli, ["check", str(bad), "--today", "2024-05-10", "--mark", str(tmp_path / "m.xlsx")]
    )
    assert res.exit_code == 1 and (tmp_path / "m.xlsx").exists()
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before
    res = runner.invoke(cli, ["check", str(good), "--today", "2024-13-01"])
    assert res.exit_code == 2 and "不是日期" in res.output


def test_cli_map_option(ledger_file):
    header = [
        "牵头处室" if h == "牵头部门" else ("具体办理" if h == "责任部门" else h)
        for h in STANDARD_HEADER
    ]
    path = ledger_file([good_row(1)], header=header, info=INFO)
    runner = CliRunner()
    res = runner.invoke(
        cli,
        [
            "check",
            str(path),
            "--today",
            "2024-05-10",
            "--map",
            "具体办理=责任部门",
            "--format",
            "json",
        ],
    )
    data = json.loads(res.output)
    assert res.exit_code == 0, res.output
    assert not [f for f in data["findings"] if f["rule"] == "unmapped-column"]
    res = runner.invoke(cli, ["check", str(path), "--map", "具体办理"])
    assert res.exit_code == 2 and "原列名=标准列名" in res.output


def test_cli_map_from_a_file(ledger_file, tmp_path):
    header = ["承办科室" if h == "责任部门" else h for h in STANDARD_HEADER]
    path = ledger_file([good_row(1)], header=header, info=INFO)
    mapping = tmp_path / "对照.txt"
    mapping.write_text("# 本单位列名\n承办科室=责任部门\n", encoding="utf-8")
    res = CliRunner().invoke(
        cli,
        ["check", str(path), "--today", "2024-05-10", "--map", f"@{mapping}", "--format", "json"],
    )
    assert res.exit_code == 0, res.output
    assert not json.loads(res.output)["findings"]


def test_fast_json_writer_matches_json_dumps(ledger_file):
    """``dumps_report`` (the findings written without the json module's slow indent path) is
    byte for byte what ``json.dumps(report_json(...), indent=2)`` writes: for a real report,
    an empty one and findings with every kind of value and extra."""
    from ledger_tools.ledger.checking import dumps_report
    from ledger_tools.ledger.findings import Finding, Report

    path = ledger_file([good_row(1, 整改时限="2020年1月1日"), good_row(2, 责任部门=None)])
    real = validate(load_ledger(path), today=dt.date(2026, 6, 30))
    odd = Report(
        "x.xlsx",
        [
            Finding("a", "note", '引号"和\\n换行\n', "O'Brien 台账", 3, "K", "f", 1.5),
            Finding("b", "error", "", "", None, "", "", True, {"k": [1, {"x": None}], "y": "红"}),
            Finding("c", "warning", "m", "s", 7, "", "", dt.date(2024, 1, 2)),
            Finding("d", "warning", "m", "s", None, "B", "", 12),
        ],
        totals={"措施数": 2},
        today="2026-06-30",
    )
    empty = Report("y.xlsx", [], today="2026-06-30")
    for report in (real, odd, empty):
        expected = json.dumps(report_json(report), ensure_ascii=False, indent=2)
        assert dumps_report(report) == expected
    assert real.findings  # the real report does exercise the findings


@pytest.mark.parametrize("which", ["example", "errors"])
def test_row_rules_give_what_the_pandera_schema_gives(ledger_file, which):
    """The row rules run as one polars select (``measure_failures``); the declared pandera
    schema of the same rules (``measure_schema``) finds exactly the same failures, in order."""
    from ledger_tools.ledger.schema import (
        _measure_checks,
        measure_failures,
        measure_schema,
        pandera_failures,
        rule_frame,
    )

    if which == "example":
        path = Path(__file__).resolve().parents[1] / "examples" / "示例台账.xlsx"
    else:
        path = ledger_file(
            [
                good_row(1, 整改时限="2020年1月1日", 延期说明=None),
                good_row(2, 责任部门=None, 牵头部门=None, 整改状态="差不多"),
                good_row(3, 整改状态="已完成", 完成时间=None, 清退资金="很多"),
                good_row(4, 整改时限="明年", 完成时间="2099-01-01", 问责人次=1.5),
                good_row(5, 整改措施="（示例）写法", 责任人=None),
            ]
        )
    today = dt.date(2026, 6, 30)
    ledger = load_ledger(path, today=today)
    frame = rule_frame(ledger, today)
    cases = pandera_failures(measure_schema(ledger, today), frame)
    expected = [
        (c["check"], c["column"], c["index"])
        for c in cases
        if c["index"] is not None and c["column"] is not None
    ]
    assert expected  # both ledgers break rules
    assert measure_failures(frame, _measure_checks(ledger, today)) == expected


@pytest.mark.parametrize(
    "present",
    [set(), {"方面", "问题"}, {"整改措施", "整改状态", "整改时限"}, set(STANDARD_HEADER)],
)
def test_required_columns_as_the_pandera_schema_declares_them(present):
    import polars as pl

    from ledger_tools.ledger.schema import columns_schema, missing_columns, pandera_failures

    frame = pl.DataFrame({name: pl.Series([], dtype=pl.Utf8) for name in present})
    cases = pandera_failures(columns_schema(), frame)
    assert missing_columns(present) == [c["failure_case"] for c in cases]


def test_validate_many_gives_each_ledger_its_own_report(ledger_file, tmp_path):
    """``validate_many`` (a merge checks hundreds of units at once: the ledgers read with the
    same columns in one polars query) gives every ledger exactly the report ``validate``
    gives it alone — also where a rule compares rows (the same 序号 with another 方面 in
    another ledger is no conflict)."""
    import real_layouts2
    from test_real_layouts2 import BUILDERS

    from ledger_tools.ledger.schema import validate_many

    examples = Path(__file__).resolve().parents[1] / "examples"
    paths = sorted(examples.glob("*.xlsx"))
    paths.append(ledger_file([good_row(1), good_row(2)], info=INFO))
    paths.append(ledger_file([good_row(1, 方面="另一方面"), good_row(2, 整改状态="差不多")]))
    paths.append(ledger_file([good_row(1, 整改时限="2020年1月1日", 延期说明=None)], info=INFO))
    paths.append(ledger_file([], info=INFO))
    for build in BUILDERS:
        path = tmp_path / f"{build.__name__}.xlsx"
        build(path)
        paths.append(path)
    today = dt.date.fromisoformat(real_layouts2.TODAY)
    ledgers = [load_ledger(p, today=today) for p in paths]
    together = [report_json(r) for r in validate_many(ledgers, today)]
    alone = [report_json(validate(ledger, today)) for ledger in ledgers]
    assert together == alone
    assert sum(len(r["findings"]) for r in alone) > 50  # the ledgers do break rules


def test_findings_are_listed_in_sheet_order_past_column_z():
    # letters compared as text put AA1 before B1; the clerk reads the sheet left to right
    from ledger_tools.ledger.findings import WARNING, Finding, Report

    cells = ["AB", "B", "AA", "Z", "C"]
    report = Report(
        "台账.xlsx",
        [Finding("r", WARNING, "m", sheet="整改台账", row=2, column=c) for c in cells],
    )
    assert [f.column for f in report.sorted()] == ["B", "C", "Z", "AA", "AB"]


def _run_on_ledger(path: Path, *, merged: bool, own_number: bool) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(
        [
            "序号",
            "方面",
            "问题",
            "整改措施",
            "责任领导",
            "责任部门",
            "责任人",
            "整改时限",
            "整改状态",
        ]
    )
    ws.append(
        [
            1,
            "政治建设方面",
            "理论学习不深入",
            "加强监督检查，",
            "张某",
            "办公室",
            "李某",
            "2024-06-30",
            "正在推进",
        ]
    )
    ws.append([2 if own_number else None, None, None, "并建立长效机制。"] + [None] * 5)
    if merged:
        for col in "BCEFGHI":
            ws.merge_cells(f"{col}2:{col}3")
    wb.save(path)


def test_a_measure_run_on_over_two_rows_is_said_not_guessed(tmp_path):
    # "加强监督检查，" / "并建立长效机制。" with the other cells merged over both rows: one
    # sentence typed over two rows, or two measures sharing merged cells. Counted as written
    # (two measures), and a warning on the second row's cell says which and what to do.
    path = tmp_path / "run_on.xlsx"
    _run_on_ledger(path, merged=True, own_number=False)
    ledger = load_ledger(path)
    assert len(ledger.measures) == 2
    (f,) = only(validate(ledger, today=TODAY).findings, "measure-run-on")
    assert (f.cell, f.severity, f.value) == ("整改台账!D3", "warning", "并建立长效机制。")
    assert f.message.startswith("第 2 行的整改措施以“，”结尾")
    assert "请把这一行的文字接到上一行" in f.message
    # the same rows without merges (other cells left blank) are said too
    _run_on_ledger(path, merged=False, own_number=False)
    assert [f.cell for f in only(findings_for(path), "measure-run-on")] == ["整改台账!D3"]


def test_a_numbered_measure_after_a_comma_is_a_measure_of_its_own(tmp_path):
    path = tmp_path / "numbered.xlsx"
    _run_on_ledger(path, merged=False, own_number=True)
    assert not only(findings_for(path), "measure-run-on")
