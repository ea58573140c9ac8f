"""The eighth 公文 review (GB/T 9704-2012), kept fixed.

Every document was rendered from the example and from other ledgers — one 方面 with one problem
of two measures, one 方面 with two problems, nothing overdue, everything overdue, a unit name of
34 characters with measures of 150 characters, a 汇总台账 of six units (one named twice) — made
into PDFs by LibreOffice and every page looked at. What the 办公室 sent back, each kept fixed
here on the real .docx and, where the layout is the point, on the PDF:

* a ledger of one 方面 printed a lone "（一）落实……方面" (and "一、" in the task list): a level
  of numbering with one item in it, as a problem's only measure is not numbered "（1）";
* a long 署名 was right-aligned with the date in lines of up to 24 characters, its first line
  starting near the left margin: GB/T 9704 §7.3.5.1 centres the 署名 over the 成文日期;
* the task list left stubs at the foot of its cells ("公务接待管理不规/范", "…各科室责/任。"),
  the 督办通知's table too ("意识形态/工作责任/落实不到/位");
* the 汇总报告 headed the overdue items of a unit named twice "某区住房和城乡建设局（住建局.xlsx）
  （1条）" and numbered a unit's only item "（1）";
* nothing closed read "尚无问题整改到位，……，办结率0%" / "该问题正在推进，办结率0%": a clause
  of zero after the one that already said so.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_pdf import convert_to_pdf  # noqa: E402
from test_doc_review import run_cli  # noqa: E402
from test_doc_review2 import ASPECT, measure, write_ledger  # noqa: E402
from test_doc_review4 import render  # noqa: E402

from ledger_tools.documents import docformat  # noqa: E402
from ledger_tools.documents.render import find_office  # noqa: E402
from ledger_tools.documents.tabletext import TASK_LIST_CHARS, even_lines, wrap_lines  # noqa: E402
from ledger_tools.documents.titles import (  # noqa: E402
    CENTRED_SIGNATURE_CHARS,
    centred_signature_lines,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
AS_OF = "2024-05-10"
LONG_ORG = "中共某某省某某市某某区经济技术开发区管理委员会规划建设交通运输局党组"
LONG_UNIT = "某某省某某市某某区经济技术开发区管理委员会规划建设交通运输局"
OTHER_ASPECT = "落实全面从严治党战略部署方面"
needs_office = pytest.mark.skipif(find_office() is None, reason="需要 LibreOffice")


def _one_aspect_rows(aspect: str | None = None) -> list[dict[str, Any]]:
    second = {"方面": aspect} if aspect else {}
    return [
        measure(1, "公务接待管理不规范", "修订公务接待管理办法，实行接待审批和清单制度。",
                "已完成", "2024年3月底", 完成时间="2024-03-20"),
        measure(2, "公务用车使用登记不完整", "实行派车单制度，每月公示用车情况。", "正在推进",
                "2024年6月底", **second),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("review8")
    info = {"党组织名称": LONG_ORG, "单位名称": LONG_UNIT, "方案标题": None, "报告标题": None,
            "通报标题": None}  # fmt: skip
    late = [
        measure(1, "意识形态工作责任落实不到位", "修订政务新媒体信息发布审核制度。", "正在推进",
                "2024年3月底"),
        measure(2, "干部教育培训针对性不强", "制定年度干部教育培训计划。", "未启动",
                "2024年4月15日"),
    ]  # fmt: skip
    return {
        "one": write_ledger(folder / "one.xlsx", _one_aspect_rows()),
        "two": write_ledger(folder / "two.xlsx", _one_aspect_rows(OTHER_ASPECT)),
        "long": write_ledger(folder / "long.xlsx", _one_aspect_rows(), info),
        "late": write_ledger(folder / "late.xlsx", late),
    }


def _styled(path: Path, style: str) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.style.name == style]


def _table_rows(path: Path) -> list[list[str]]:
    table = docx.Document(path).tables[0]
    return [[c.text for c in row.cells] for row in table.rows]


# ---------------------------------------------------------------------------------------------
# 1. One 方面: no lone "（一）" or "一、"


def test_a_lone_aspect_is_not_numbered(tmp_path, ledgers):
    plan = render(ledgers["one"], "plan", tmp_path / "plan.docx")
    assert _styled(plan, "二级标题")[:1] == [ASPECT]
    spanning = [r[0] for r in _table_rows(plan) if len(set(r)) == 1]
    assert spanning == [ASPECT]  # the task list's 方面 row, no "一、"
    for kind in ("report", "notice"):
        doc = render(ledgers["one"], kind, tmp_path / f"{kind}.docx")
        aspects = [t for t in _styled(doc, "二级标题") if t.endswith("方面")]
        # the 方面 itself, not "在落实……方面" standing alone like half a sentence
        assert aspects == [ASPECT], (kind, aspects)


def test_two_aspects_are_numbered_as_before(tmp_path, ledgers):
    plan = render(ledgers["two"], "plan", tmp_path / "plan.docx")
    assert _styled(plan, "二级标题")[:2] == [f"（一）{ASPECT}", f"（二）{OTHER_ASPECT}"]
    spanning = [r[0] for r in _table_rows(plan) if len(set(r)) == 1]
    assert spanning == [f"一、{ASPECT}", f"二、{OTHER_ASPECT}"]
    report = render(ledgers["two"], "report", tmp_path / "report.docx")
    assert [t for t in _styled(report, "二级标题") if t.endswith("方面")] == [
        f"（一）在{ASPECT}",
        f"（二）在{OTHER_ASPECT}",
    ]


# ---------------------------------------------------------------------------------------------
# 2. The 署名 centred over the date, in lines when long


def test_centred_signature_lines():
    assert centred_signature_lines("中共某区住房和城乡建设局党组") == [
        "中共某区住房和城乡建设局党组"
    ]
    assert centred_signature_lines(LONG_ORG) == [
        "中共某某省某某市某某区",
        "经济技术开发区管理委员会",
        "规划建设交通运输局党组",
    ]
    assert centred_signature_lines("某区住房和城乡建设局巡察整改工作领导小组办公室") == [
        "某区住房和城乡建设局",
        "巡察整改工作领导小组办公室",
    ]
    # no stub ("委员会" alone), no line half the length of another, never inside 城市管理
    assert centred_signature_lines("中共某区城市管理综合行政执法局委员会") == []
    assert centred_signature_lines("中共某区人力资源和社会保障局党组") == []
    assert CENTRED_SIGNATURE_CHARS == docformat.SEALED_CENTRED_MAX_CHARS


@pytest.mark.parametrize("kind", ("plan", "report", "notice"))
def test_a_long_signature_is_centred_in_lines(tmp_path, ledgers, kind):
    doc = render(ledgers["long"], kind, tmp_path / f"{kind}.docx")
    assert _styled(doc, "落款") == centred_signature_lines(LONG_ORG)
    # no line of the name right-aligned with the date: the date style holds only the date
    (date,) = _styled(doc, "成文日期")
    assert re.fullmatch(r"2024年\d+月\d+日", date)


def _lines_with_x(pdf: Path) -> list[tuple[str, float, float]]:
    """(text, left, right) of every line of the PDF (pdftotext -bbox-layout)."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html)
    out = []
    for line in ElementTree.fromstring(html).iter("{http://www.w3.org/1999/xhtml}line"):
        words = line.findall("{http://www.w3.org/1999/xhtml}word")
        out.append(
            ("".join(w.text or "" for w in words), float(line.get("xMin")), float(line.get("xMax")))
        )
    return out


@needs_office
def test_the_long_signature_prints_centred_over_the_date(tmp_path, ledgers):
    doc = render(ledgers["long"], "report", tmp_path / "report.docx")
    assert convert_to_pdf([doc], tmp_path)
    lines = _lines_with_x(tmp_path / "report.pdf")
    date = next(x for x in lines if x[0] == "2024年5月10日")
    centre = (date[1] + date[2]) / 2
    names = centred_signature_lines(LONG_ORG)
    printed = [x for x in lines if x[0] in names]
    assert [x[0] for x in printed] == names
    body = min(x[1] for x in lines)
    for text, left, right in printed:
        assert abs((left + right) / 2 - centre) < 8, (text, left, right, centre)  # < half a char
        assert left > body + 16 * 3, text  # well inside, not started near the left margin


# ---------------------------------------------------------------------------------------------
# 3. No stub at the foot of a table cell


def test_even_lines():
    assert wrap_lines("公务接待管理不规范", 8.13) == ["公务接待管理不规", "范"]
    assert even_lines("公务接待管理不规范", 8.13) == "公务接待管\n理不规范"
    assert (
        even_lines("政治理论学习不够深入", 4.51) == "政治理论学习不够深入"
    )  # "深入" is half a line
    assert even_lines("意识形态工作责任落实不到位", 4.51).split("\n") == [
        "意识形态", "工作责", "任落实", "不到位"]  # fmt: skip
    text = "制定局党组落实全面从严治党主体责任清单，明确党组书记、班子成员和各科室责任。"
    lines = even_lines(text, 19.47).split("\n")
    assert "".join(lines) == text and len(lines) == len(wrap_lines(text, 19.47)) == 3
    assert min(map(len, lines)) >= 10
    # what has no stub, or fits, is left to the reader; a "，" never begins a line
    assert (
        even_lines("落实全面从严治党主体责任不够有力", 8.13) == "落实全面从严治党主体责任不够有力"
    )
    assert even_lines("短", 8.13) == "短"
    for width in (4.51, 8.13, 8.37, 19.47):
        for n in range(5, 60):
            text = ("对照反馈问题，逐项制定措施，2024年完成。" * 4)[:n]
            out = even_lines(text, width)
            assert out.replace("\n", "") == text
            for line in out.split("\n")[1:]:
                assert line[:1] not in "，。、", (text, out)


def _cell_texts(path: Path, columns: tuple[int, ...]) -> list[tuple[int, str]]:
    table = docx.Document(path).tables[0]
    out = []
    for row in table.rows:
        cells = row.cells
        if len({c._tc for c in cells}) < len(cells):  # the 方面 row across the table
            continue
        out += [(i, cells[i].text) for i in columns if cells[i].text]
    return out


def test_task_list_cells_leave_no_stub(tmp_path, ledgers):
    widths = {1: TASK_LIST_CHARS["问题"], 2: TASK_LIST_CHARS["整改措施"]}
    for ledger in (ledgers["one"], EXAMPLE):
        plan = render(ledger, "plan", tmp_path / f"{ledger.stem}.docx")
        cells = _cell_texts(plan, (1, 2))[2:]  # the header row aside
        assert cells
        for column, text in cells:
            width = widths[column]
            given = text.split("\n")
            printed = [p for line in given for p in wrap_lines(line, width)]
            if len(given) > 1:
                assert len(printed) == len(given), text  # each line given fits the cell
            if len(printed) > 1:
                assert len(printed[-1]) > min(3, width / 4), text
    cells = [
        text for _, text in _cell_texts(render(ledgers["one"], "plan", tmp_path / "p.docx"), (1,))
    ]
    assert "公务接待管\n理不规范" in cells, cells
    # the line ends given in a justified cell are not spread out (Word and LibreOffice)
    settings = docx.Document(tmp_path / "p.docx").settings.element
    assert settings.find(qn("w:compat")).find(qn("w:doNotExpandShiftReturn")) is not None


@needs_office
def test_task_list_cells_print_without_stubs(tmp_path, ledgers):
    plan = render(ledgers["one"], "plan", tmp_path / "plan.docx")
    assert convert_to_pdf([plan], tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "plan.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rows = [line.split() for line in text.splitlines()]
    assert any(r[:2] == ["1", "公务接待管"] for r in rows), text
    assert any("理不规范" in r for r in rows)
    assert not any("范" in r for r in rows)  # never alone under "公务接待管理不规"


def test_duban_cells_leave_no_stub(tmp_path, ledgers):
    out = tmp_path / "督办"
    run_cli("duban", ledgers["late"], "-o", out, "--today", AS_OF, "--force")
    (notice,) = out.glob("督办通知-*.docx")
    cells = [text for _, text in _cell_texts(notice, (1,))]
    assert "意识形态\n工作责\n任落实\n不到位" in cells, cells


# ---------------------------------------------------------------------------------------------
# 4. The 汇总报告's overdue items of a unit named twice


def test_overdue_heading_of_a_unit_named_twice(tmp_path):
    from merge_units import build_units

    from ledger_tools.upward.summary import overdue_unit_heading

    assert overdue_unit_heading("某区档案馆", 3, "均尚未启动") == "某区档案馆（3条，均尚未启动）"
    assert overdue_unit_heading("某区住房和城乡建设局（住建局.xlsx）", 1, "") == (
        "某区住房和城乡建设局（住建局.xlsx，1条）"
    )
    build_units(tmp_path / "各单位")
    merged = tmp_path / "汇总台账.xlsx"
    run_cli("merge", tmp_path / "各单位", "-o", merged, "--today", AS_OF, "--jobs", 1)
    out = tmp_path / "汇总报告.docx"
    run_cli("report", merged, "--kind", "summary", "-o", out, "--today", AS_OF, "--force")
    paragraphs = [p.text for p in docx.Document(out).paragraphs]
    start = paragraphs.index("（二）超期未办结事项")
    items = paragraphs[start : paragraphs.index("四、下一步工作")]
    headings = [t for t in items if re.match(r"\d+\.", t)]
    assert "1.某区住房和城乡建设局（住建局.xlsx，1条）" in headings, headings
    assert not any("）（" in t for t in headings)
    # each unit has one overdue item: not numbered "（1）" (a level with one item in it)
    assert not any(t.startswith("（1）") for t in items)
    assert sum(t.startswith("财务管理和资金监管存在薄弱环节：") for t in items) == len(headings)


# ---------------------------------------------------------------------------------------------
# 5. Nothing closed: no "办结率0%"


def test_nothing_closed_has_no_zero_rate(tmp_path, ledgers):
    report = render(ledgers["late"], "report", tmp_path / "report.docx")
    text = "\n".join(p.text for p in docx.Document(report).paragraphs)
    assert "截至2024年5月10日，尚无问题整改到位，正在推进1项，尚未启动1项。" in text
    assert "办结率0%" not in text
    stats = run_cli("stats", ledgers["late"], "--today", AS_OF).output
    said = next(line for line in stats.splitlines() if line.startswith("统计句："))
    assert said.removeprefix("统计句：") in text  # the report says what stats says


# ---------------------------------------------------------------------------------------------
# 6. The task list of long rows: no page holding only "附件" and the title, no 续 lost

TALL_DEPARTMENT = (
    "某某区经济技术开发区管理委员会规划建设交通运输局建设工程质量安全监督管理站、综合办公室"
)
TALL_MEASURE = (
    "围绕第{}项工作组织开展专项检查，逐项对照上级部署要求查找差距，同时建立健全长效机制，定期开展"
    "“回头看”，对发现的新问题及时纳入整改台账，实行清单化管理、项目化推进、责任化落实，确保整改"
    "见底见效、不留死角。"
)


@pytest.fixture(scope="module")
def tall_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tall")
    rows = [
        measure(k, f"第{k}项问题整改不到位", TALL_MEASURE.format(f"{k}-{j}"), "正在推进",
                "2024年9月底", 责任部门=TALL_DEPARTMENT)
        for k, count in ((1, 3), (2, 4), (3, 2))
        for j in range(1, count + 1)
    ]  # fmt: skip
    ledger = write_ledger(folder / "tall.xlsx", rows)
    return render(ledger, "plan", folder / "plan.docx")


def test_tall_rows_are_cut_into_blocks_from_their_estimate(tall_plan):
    """Rows of eight lines each (the 责任部门 cell, not the measure, is the tallest): the
    estimate that skips measuring took them for six lines and kept a problem of four such
    rows together, a page opened on its last row with empty 序号 and 问题 cells; and the
    first problem, taller than the room under the title, was moved whole to the next page,
    leaving a page with only "附件" and "整改任务清单"."""
    problems = [r[1] for r in _table_rows(tall_plan)[2:]]  # header and 方面 rows aside
    said = [t.replace("\n", "") for t in dict.fromkeys(problems)]
    assert "第1项问题整改不到位（续）" in said  # cut under the title
    assert "第2项问题整改不到位（续）" in said  # four rows of eight lines: two blocks


@needs_office
def test_tall_rows_print_with_the_title_and_a_number_on_each_page(tall_plan, tmp_path):
    assert convert_to_pdf([tall_plan], tmp_path)
    pdf = tmp_path / "plan.pdf"
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    landscape = [
        p for p in pages if any(ln.split()[:2] == ["序号", "问题"] for ln in p.splitlines())
    ]
    assert len(landscape) >= 3
    title_page = next(p for p in landscape if "整改任务清单" in p)
    assert "围绕第1-1项工作" in "".join(title_page.split())  # the table begins under its title
    for page in landscape:
        # the first row under the header opens with its 序号: no page of rows whose merged
        # 序号 and 问题 cells were left on the page before — but for a problem of one block
        # taller than a third of a page, which runs on (the third: two rows of eight lines,
        # tests/test_doc_review11.py)
        rows = [line.split() for line in page.splitlines() if line.strip()]
        rows = [r for r in rows if not r[0].startswith("—")]  # the page number turned aside
        header = next(i for i, r in enumerate(rows) if r[:2] == ["序号", "问题"])
        first = rows[header + 1]
        opens = first[0].isdigit() or first[0].endswith("方面")
        assert opens or "".join(first).startswith("围绕第3-"), (first, page)


def test_a_lone_aspect_is_read_back_by_import(tmp_path, ledgers):
    """``import`` of the documents of one 方面 keeps the 方面: its unnumbered heading is read in
    the heading style the tool writes (it left the 方面 column empty)."""
    import openpyxl

    for kind in ("plan", "report", "notice"):
        doc = render(ledgers["one"], kind, tmp_path / f"{kind}.docx")
        out = tmp_path / f"{kind}.xlsx"
        run_cli("import", doc, "-o", out)
        ws = openpyxl.load_workbook(out)["整改台账"]
        header = [c.value for c in ws[1]]
        rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if any(r)]
        aspect, problem = header.index("方面"), header.index("问题")
        assert [(r[aspect], r[problem]) for r in rows][:2] == [
            (ASPECT, "公务接待管理不规范"),
            (ASPECT, "公务用车使用登记不完整"),
        ], kind
