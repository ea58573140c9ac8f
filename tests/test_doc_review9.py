"""The ninth 公文 review (GB/T 9704-2012), kept fixed.

The example's plan, report and notice and those of a ledger of one 方面 with one problem, of a
ledger of one problem with one measure and of ledgers without any 方面 were rendered, made into
PDFs by LibreOffice and every page looked at. What the 办公室 sent back, each kept fixed here on
the real .docx and, where the layout is the point, on the PDF:

* a ledger of one problem numbered it "1.公务接待管理不规范" (plan), "问题1：…" (report),
  "1.…。" (notice): a level of numbering with one item in it, as round 8 found for the lone
  方面 and a problem's only measure;
* a ledger with no 方面 at all (no 方面 column, or an empty one, made with --force) printed a
  heading "【方面未填】" over all its problems, a task-list row "【方面未填】", and a
  statistics sentence "反馈的【1】个方面3项问题" with a note that the 方面数 is doubtful: with
  no 方面 anywhere there is nothing to head or count. A ledger where only some rows lack a 方面
  keeps the marker.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_pdf import convert_to_pdf  # noqa: E402
from test_doc_review import run_cli  # noqa: E402
from test_doc_review2 import ASPECT, measure, write_ledger  # noqa: E402
from test_doc_review4 import render  # noqa: E402

from ledger_tools.documents.render import find_office  # noqa: E402
from ledger_tools.ledger.normalise import MISSING_ASPECT  # noqa: E402

needs_office = pytest.mark.skipif(find_office() is None, reason="需要 LibreOffice")
OTHER_ASPECT = "落实全面从严治党战略部署方面"
PROBLEMS = ("公务接待管理不规范", "公务用车使用登记不完整", "干部教育培训针对性不强")


def _three(**values: Any) -> list[dict[str, Any]]:
    return [
        measure(1, PROBLEMS[0], "修订公务接待管理办法。", "正在推进", "2024年6月底", **values),
        measure(2, PROBLEMS[1], "实行派车单制度。", "已完成", "2024年3月底",
                完成时间="2024-03-20", **values),
        measure(3, PROBLEMS[2], "制定年度干部教育培训计划。", "未启动", "2024年4月15日",
                **values),
    ]  # fmt: skip


def _without_aspect_column(path: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["整改台账"]
    header = [c.value for c in ws[1]]
    ws.delete_cols(header.index("方面") + 1)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("review9")
    one = [
        measure(1, PROBLEMS[0], "修订公务接待管理办法，实行接待审批和清单制度。", "正在推进",
                "2024年6月底"),
        measure(1, PROBLEMS[0], "每季度通报接待费用支出情况。", "已完成", "2024年3月底",
                完成时间="2024-03-20"),
    ]  # fmt: skip
    # the first row without a 方面, the others with one: only that row's problem is marked
    partly = _three()
    partly[0]["方面"] = None
    return {
        "one": write_ledger(folder / "one.xlsx", one),
        "three": write_ledger(folder / "three.xlsx", _three()),
        "empty": write_ledger(folder / "empty.xlsx", _three(方面=None)),
        "nocolumn": _without_aspect_column(write_ledger(folder / "nocol.xlsx", _three())),
        "partly": write_ledger(folder / "partly.xlsx", partly),
    }


def _styled(path: Path, style: str) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.style.name == style]


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.text.strip()]


def _table_rows(path: Path) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in docx.Document(path).tables[0].rows]


def _imported(doc: Path, out: Path) -> list[tuple[Any, Any]]:
    run_cli("import", doc, "-o", out)
    ws = openpyxl.load_workbook(out)["整改台账"]
    header = [c.value for c in ws[1]]
    aspect, problem, text = (header.index(n) for n in ("方面", "问题", "整改措施"))
    out: list[tuple[Any, Any]] = []
    for r in ws.iter_rows(min_row=2, values_only=True):
        if r[text]:  # a measure; a problem of several is merged down its rows
            out.append((r[aspect] or "", r[problem]) if r[problem] else out[-1])
    return out


# ---------------------------------------------------------------------------------------------
# 1. One problem: not numbered "1." / "问题1："


def test_a_lone_problem_is_not_numbered(tmp_path, ledgers):
    plan = render(ledgers["one"], "plan", tmp_path / "plan.docx")
    assert _styled(plan, "三级标题") == [PROBLEMS[0]]
    # its two measures keep "（1）（2）"; its task-list row keeps its 序号 (a table column)
    assert [t[:3] for t in _styled(plan, "四级标题")] == ["（1）", "（2）"]
    assert [r[0] for r in _table_rows(plan)[2:]] == ["1", "1"]
    report = render(ledgers["one"], "report", tmp_path / "report.docx")
    assert _styled(report, "三级标题") == [PROBLEMS[0]]
    notice = render(ledgers["one"], "notice", tmp_path / "notice.docx")
    told = [t for t in _texts(notice) if PROBLEMS[0] in t]
    assert len(told) == 1 and told[0].startswith(f"{PROBLEMS[0]}。主要措施："), told
    # the lead stays bold on its own (the number was in the same run)
    para = next(p for p in docx.Document(notice).paragraphs if p.text == told[0])
    assert para.runs[0].text == f"{PROBLEMS[0]}。" and para.runs[0].bold


def test_several_problems_are_numbered_as_before(tmp_path, ledgers):
    plan = render(ledgers["three"], "plan", tmp_path / "plan.docx")
    assert _styled(plan, "三级标题") == [f"{i}.{p}" for i, p in enumerate(PROBLEMS, 1)]
    report = render(ledgers["three"], "report", tmp_path / "report.docx")
    assert _styled(report, "三级标题") == [f"问题{i}：{p}" for i, p in enumerate(PROBLEMS, 1)]
    notice = render(ledgers["three"], "notice", tmp_path / "notice.docx")
    assert [t[:2] for t in _texts(notice) if any(p in t[:16] for p in PROBLEMS)] == [
        "1.",
        "2.",
        "3.",
    ]


def test_a_lone_problem_is_read_back_by_import(tmp_path, ledgers):
    """``import`` reads the unnumbered problem heading in the heading style the tool writes
    (plan, report), and the notice's bold lead, as the problem."""
    for kind in ("plan", "report", "notice"):
        doc = render(ledgers["one"], kind, tmp_path / f"{kind}.docx")
        rows = _imported(doc, tmp_path / f"{kind}.xlsx")
        assert set(rows) == {(ASPECT, PROBLEMS[0])}, (kind, rows)
        assert len(rows) == 2, (kind, rows)  # its two measures


# ---------------------------------------------------------------------------------------------
# 2. No 方面 at all: no 方面 heading, no doubtful 方面数


@pytest.mark.parametrize("name", ["empty", "nocolumn"])
def test_no_aspect_at_all_has_no_aspect_heading(tmp_path, ledgers, name):
    plan = render(ledgers[name], "plan", tmp_path / "plan.docx")
    # no 方面 heading: the problems stand at level 2 under "四、整改任务" (round 10)
    assert _styled(plan, "二级标题") == [
        f"（{n}）{p}" for n, p in zip("一二三", PROBLEMS, strict=True)
    ]
    assert _styled(plan, "三级标题") == []
    rows = _table_rows(plan)
    assert not [r for r in rows if len(set(r)) == 1]  # no spanning 方面 row
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    counted = next(t for t in _texts(plan) if t.startswith("对照反馈意见，共梳理"))
    assert counted.startswith("对照反馈意见，共梳理3项问题"), counted
    for kind in ("plan", "report", "notice"):
        doc = plan if kind == "plan" else render(ledgers[name], kind, tmp_path / f"{kind}.docx")
        text = "\n".join(_texts(doc))
        assert MISSING_ASPECT not in text and "【1】" not in text, kind
        assert "方面数可能不准" not in text, kind
        if kind != "plan":
            assert _styled(doc, "二级标题") == [], kind
            assert "反馈的3项问题，细化整改措施3条。" in text, kind


def test_some_rows_without_aspect_keep_the_marker(tmp_path, ledgers):
    plan = render(ledgers["partly"], "plan", tmp_path / "plan.docx")
    assert _styled(plan, "二级标题") == [f"（一）{MISSING_ASPECT}", f"（二）{ASPECT}"]
    report = render(ledgers["partly"], "report", tmp_path / "report.docx")
    text = "\n".join(_texts(report))
    assert "方面数可能不准" in text  # the count of 方面 is a guess there


def test_no_aspect_documents_are_read_back_by_import(tmp_path, ledgers):
    for kind in ("plan", "report", "notice"):
        doc = render(ledgers["nocolumn"], kind, tmp_path / f"{kind}.docx")
        assert _imported(doc, tmp_path / f"{kind}.xlsx") == [("", p) for p in PROBLEMS], kind


@needs_office
def test_no_aspect_plan_prints_problems_under_the_part_heading(tmp_path, ledgers):
    plan = render(ledgers["nocolumn"], "plan", tmp_path / "plan.docx")
    assert convert_to_pdf([plan], tmp_path)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert MISSING_ASPECT not in text
    part = lines.index("四、整改任务")
    # the counting sentence (two lines), then the first problem at once
    assert f"（一）{PROBLEMS[0]}" in lines[part + 1 : part + 5], lines[part : part + 5]
