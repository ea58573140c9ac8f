"""The tenth 公文 review (GB/T 9704-2012), kept fixed.

The example's plan, report, notice, a 汇总报告 and 督办通知, and those of ledgers big and small,
with and without 方面, with a unit name longer than a line, all closed, nothing closed and many
overdue, were rendered, made into PDFs by LibreOffice and every page looked at. What the 办公室
sent back, each kept fixed here on the real .docx and, where the layout is the point, on the PDF:

* a plan for a ledger with no 方面 at all put "1.公务接待管理不规范" right under "四、整改任务"
  and its measures "（1）": the level "（一）" was skipped. The problems are now "（一）" (二级,
  楷体) and their measures "1." (三级); the notice's problems "（一）…。" in 楷体 likewise;
* the reports (整改情况报告, 汇总报告: 上行文) had no 版记. They now end with one at the foot
  of the last page: 抄送 (from 基本信息 抄送机关, left out when empty) and 印发机关 / 印发日期
  (印发机关 marked 【印发机关未填】 when empty; 印发日期 defaults to the 成文日期), between a
  thick first and last line and a thin one between. The plan (issued with a 通知 that carries
  the 版记), the public notice and the 督办通知 have none;
* docs/公文格式.md said a 基本信息 row 落款方式 chose the 不加盖印章 落款, but the row was never
  read: 落款方式 is now a 基本信息 field (加盖印章 / 不加盖印章).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_pdf import convert_to_pdf  # noqa: E402
from test_doc_review import run_cli  # noqa: E402
from test_doc_review2 import ASPECT, measure, write_ledger  # noqa: E402
from test_doc_review4 import render  # noqa: E402
from test_doc_review9 import _imported, _without_aspect_column  # noqa: E402

from ledger_tools.documents.context import copy_to_lines  # noqa: E402
from ledger_tools.documents.docformat import IMPRINT_THICK, IMPRINT_THIN  # noqa: E402
from ledger_tools.documents.render import find_office  # noqa: E402

needs_office = pytest.mark.skipif(find_office() is None, reason="需要 LibreOffice")
PROBLEMS = ("公务接待管理不规范", "公务用车使用登记不完整", "干部教育培训针对性不强")
COPIES = "区纪委监委、区委组织部"
ISSUER = "某区住房和城乡建设局办公室"
PARTY = "中共某区住房和城乡建设局党组"  # the example's, which write_ledger keeps


def _rows(**values: Any) -> list[dict[str, Any]]:
    return [
        measure(1, PROBLEMS[0], "修订公务接待管理办法。", "正在推进", "2024年6月底", **values),
        measure(1, PROBLEMS[0], "每季度通报接待费用支出情况。", "已完成", "2024年3月底",
                完成时间="2024-03-20", **values),
        measure(2, PROBLEMS[1], "实行派车单制度。", "已完成", "2024年3月底",
                完成时间="2024-03-20", **values),
        measure(3, PROBLEMS[2], "制定年度干部教育培训计划。", "未启动", "2024年4月15日",
                **values),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("review10")
    plain = {"抄送机关": None, "印发机关": None, "落款方式": None}
    return {
        "aspects": write_ledger(folder / "aspects.xlsx", _rows()),
        "empty": write_ledger(folder / "empty.xlsx", _rows(方面=None)),
        "nocolumn": _without_aspect_column(write_ledger(folder / "nocol.xlsx", _rows())),
        "plain": write_ledger(folder / "plain.xlsx", _rows(), plain),
        "copies": write_ledger(
            folder / "copies.xlsx", _rows(), {"抄送机关": COPIES, "印发机关": ISSUER}
        ),
    }


def _styled(path: Path, style: str) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.style.name == style]


def _runs(path: Path, start: str) -> list[Any]:
    p = next(p for p in docx.Document(path).paragraphs if p.text.startswith(start))
    return p.runs


# ---------------------------------------------------------------------------------------------
# 1. No 方面: the problems are "（一）", their measures "1."


@pytest.mark.parametrize("name", ["empty", "nocolumn"])
def test_no_aspect_plan_numbers_problems_at_the_second_level(tmp_path, ledgers, name):
    plan = render(ledgers[name], "plan", tmp_path / "plan.docx")
    assert _styled(plan, "二级标题") == [
        f"（{n}）{p}" for n, p in zip("一二三", PROBLEMS, strict=True)
    ]
    measures = _styled(plan, "三级标题")
    assert [m[:2] for m in measures] == ["1.", "2."], measures  # the first problem's two
    assert _styled(plan, "四级标题") == []
    # a problem's only measure is still led by "整改措施：", not numbered
    body = [p.text for p in docx.Document(plan).paragraphs]
    assert sum(t.startswith("整改措施：实行派车单制度。") for t in body) == 1


def test_with_aspects_the_plan_numbering_is_unchanged(tmp_path, ledgers):
    plan = render(ledgers["aspects"], "plan", tmp_path / "plan.docx")
    assert _styled(plan, "二级标题") == [ASPECT]  # the lone 方面, unnumbered
    assert _styled(plan, "三级标题") == [f"{i}.{p}" for i, p in enumerate(PROBLEMS, 1)]
    assert [t[:3] for t in _styled(plan, "四级标题")] == ["（1）", "（2）"]


def test_no_aspect_notice_leads_problems_with_the_second_level(tmp_path, ledgers):
    notice = render(ledgers["nocolumn"], "notice", tmp_path / "notice.docx")
    for n, problem in zip("一二三", PROBLEMS, strict=True):
        lead = _runs(notice, f"（{n}）{problem}。")[0]
        assert lead.text == f"（{n}）{problem}。"
        assert lead._r.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    with_aspects = render(ledgers["aspects"], "notice", tmp_path / "notice2.docx")
    assert _runs(with_aspects, f"1.{PROBLEMS[0]}。")[0].bold


def test_no_aspect_documents_are_still_read_back_by_import(tmp_path, ledgers):
    for kind in ("plan", "notice"):
        doc = render(ledgers["nocolumn"], kind, tmp_path / f"{kind}.docx")
        assert [p for _, p in _imported(doc, tmp_path / f"{kind}.xlsx")] == [
            PROBLEMS[0],
            PROBLEMS[0],
            PROBLEMS[1],
            PROBLEMS[2],
        ], kind


# ---------------------------------------------------------------------------------------------
# 2. The 版记 of the reports


def test_copy_to_lines():
    assert copy_to_lines("") == []
    assert copy_to_lines("区纪委监委、区委组织部。") == ["\u3000抄送：区纪委监委，区委组织部。"]
    assert copy_to_lines("区纪委监委,区委组织部；区委宣传部\n区委巡察办") == [
        "\u3000抄送：区纪委监委，区委组织部，区委宣传部，区委巡察办。"
    ]
    long = copy_to_lines(
        "省委巡视办，省纪委监委，省委组织部，省住房和城乡建设厅，市委巡察工作领导小组办公室"
    )
    # broken after a name's "，" (26 characters after "抄送："), later lines under the first name
    assert long == [
        "\u3000抄送：省委巡视办，省纪委监委，省委组织部，",
        "\u3000" * 4 + "省住房和城乡建设厅，市委巡察工作领导小组办公室。",
    ]
    assert all(len(line) <= 4 + 26 for line in long)


def _imprint(path: Path) -> list[Any]:
    """The paragraphs of the 版记's text box (none: no 版记)."""
    body = docx.Document(path).element.body
    boxes = [
        box
        for box in body.iter(qn("w:txbxContent"))
        if "印发" in "".join(t.text or "" for t in box.iter(qn("w:t")))
    ]
    assert len(boxes) <= 1
    return list(boxes[0].iter(qn("w:p"))) if boxes else []


def _text(p: Any) -> str:
    return "".join(
        (t.text or "") if t.tag == qn("w:t") else "\t" if t.tag == qn("w:tab") else "\n"
        for t in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"))
        if t.getparent().tag == qn("w:r")
    )


def _borders(p: Any) -> dict[str, int]:
    bdr = p.find(qn("w:pPr")).find(qn("w:pBdr"))
    return {e.tag.rsplit("}", 1)[1]: int(e.get(qn("w:sz"))) for e in bdr}


def test_report_has_a_imprint_with_copies(tmp_path, ledgers):
    report = render(ledgers["copies"], "report", tmp_path / "report.docx")
    copies, issued = _imprint(report)
    assert _text(copies) == "\u3000抄送：区纪委监委，区委组织部。"
    assert _text(issued) == f"\u3000{ISSUER}\t2024年5月10日印发"
    assert _borders(copies) == {"top": IMPRINT_THICK, "bottom": IMPRINT_THIN}
    assert _borders(issued) == {"bottom": IMPRINT_THICK}
    # the text box hangs from the foot of the 版心 and covers nothing: anchored to the last
    # paragraph, after blank lines kept with the 落款 (2 lines of 版记 + 1)
    paragraphs = docx.Document(report).paragraphs
    assert paragraphs[-1]._p.find(".//" + qn("w:txbxContent")) is not None
    date = max(i for i, p in enumerate(paragraphs) if p.text == "2024年5月10日")
    assert [p.text for p in paragraphs[date + 1 :]] == ["", "", ""]
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[date:-1])


def test_report_without_copies_marks_the_issuer(tmp_path, ledgers):
    report = render(ledgers["plain"], "report", tmp_path / "report.docx")
    (issued,) = _imprint(report)
    assert _text(issued) == "\u3000【印发机关未填】\t2024年5月10日印发"
    assert _borders(issued) == {"top": IMPRINT_THICK, "bottom": IMPRINT_THICK}


def test_summary_has_a_imprint(tmp_path, ledgers):
    merged = tmp_path / "汇总台账.xlsx"
    run_cli("merge", ledgers["copies"], ledgers["plain"], "-o", merged, "--today", "2024-05-10")
    out = tmp_path / "汇总报告.docx"
    run_cli("report", merged, "--kind", "summary", "-o", out, "--today", "2024-05-10")
    # the 汇总单位's 版记: the units' 抄送机关 and 印发机关 are not carried over
    (issued,) = _imprint(out)
    assert _text(issued) == "\u3000【印发机关未填】\t2024年5月10日印发"


@pytest.mark.parametrize("kind", ["plan", "notice"])
def test_plan_and_notice_have_no_imprint(tmp_path, ledgers, kind):
    assert _imprint(render(ledgers["copies"], kind, tmp_path / f"{kind}.docx")) == []


def test_duban_has_no_imprint(tmp_path, ledgers):
    run_cli("duban", ledgers["copies"], "-o", tmp_path / "督办", "--today", "2024-05-10")
    notices = sorted((tmp_path / "督办").glob("督办通知-*.docx"))
    assert notices and all(_imprint(n) == [] for n in notices)


def _lines(pdf: Path) -> list[tuple[int, float, str]]:
    """(page, yMin, text) of every line of the PDF (pdftotext -bbox-layout)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for n, page in enumerate(re.findall(r"<page .*?</page>", xml, flags=re.S), start=1):
        for y, body in re.findall(r"<line xMin=\"[\d.]+\" yMin=\"([\d.]+)\"[^>]*>(.*?)</line>",
                                  page, flags=re.S):  # fmt: skip
            out.append((n, float(y), "".join(re.findall(r">([^<]*)</word>", body))))
    return out


@needs_office
def test_the_imprint_prints_at_the_foot_of_the_last_page_below_the_signature(tmp_path):
    """Ledgers of one to seven problems move the 落款 down the page: whatever line it ends
    on, the 版记 prints on the page of the 成文日期, below it, its 印发 line the last text
    above the page number."""
    info = {"抄送机关": COPIES, "印发机关": ISSUER}
    docs = []
    for n in range(1, 8):
        rows = [
            measure(i, f"第{i}个问题整改不到位", "健全制度并抓好落实。" * 3, "已完成",
                    "2024年3月底", 完成时间="2024-03-20")
            for i in range(1, n + 1)
        ]  # fmt: skip
        ledger = write_ledger(tmp_path / f"l{n}.xlsx", rows, info)
        docs.append(render(ledger, "report", tmp_path / f"r{n}.docx"))
    # the 不加盖印章 落款 (基本信息 落款方式): one blank line, the date under the 署名
    unsealed = write_ledger(tmp_path / "u.xlsx", _rows(), {**info, "落款方式": "不加盖印章"})
    docs.append(render(unsealed, "report", tmp_path / "unsealed.docx"))
    signed = [p for p in docx.Document(docs[-1]).paragraphs if p.text == PARTY]
    assert [p.style.name for p in signed] == ["成文日期"]  # (the sealed 署名 is 落款)
    assert convert_to_pdf(docs, tmp_path)
    for doc in docs:
        lines = _lines(tmp_path / f"{doc.stem}.pdf")
        last = max(page for page, _, _ in lines)
        date = [(p, y) for p, y, t in lines if t == "2024年5月10日"][-1]
        copies = [(p, y) for p, y, t in lines if t.startswith("抄送：")]
        issued = [(p, y) for p, y, t in lines if t.endswith("2024年5月10日印发")]
        assert copies and issued, doc.name
        assert date[0] == copies[0][0] == issued[0][0] == last, (doc.name, date, copies)
        assert date[1] + 20 < copies[0][1] < issued[0][1], (doc.name, date, copies, issued)
        below = [t for p, y, t in lines if p == last and y > issued[0][1]]
        assert below == [f"—{last}—"] or below == [f"— {last} —"], (doc.name, below)


# ---------------------------------------------------------------------------------------------
# 3. 落款方式 in 基本信息


def test_the_info_field_chooses_the_unsealed_signature(tmp_path, ledgers):
    unsealed = write_ledger(tmp_path / "u.xlsx", _rows(), {"落款方式": "不加盖印章"})
    for ledger, style in ((unsealed, "成文日期"), (ledgers["aspects"], "落款")):
        report = render(ledger, "report", tmp_path / f"{style}.docx")
        signed = [p.style.name for p in docx.Document(report).paragraphs if p.text == PARTY]
        assert signed == [style], ledger.name
    shown = run_cli("context", ledgers["plain"], "--kind", "report", "--as-of", "2024-05-10")
    assert '"落款方式": "加盖印章"' in shown.output  # the default, not ""
