"""The third 公文 review (GB/T 9704-2012, 《党政机关公文处理工作条例》), kept fixed.

Every document (方案, 报告, 通报, 汇总报告, 督办通知) was rendered from ledgers other than the
example — nothing started, everything done, 150-character problems, one 方面, 40 方面, a unit
name of 30 characters, an empty 基本信息, real layouts without one — converted with LibreOffice
and read page by page. What the 办公室 would have sent back, each kept fixed here on the real
.docx (python-docx / XML) and, where the page matters, on the PDF (one LibreOffice run for the
module):

* the 汇总报告 put its 落款 alone on the last page (“四、下一步工作” ended the page before);
* a title cut "…经济技术开发区管理/委员会…" when the 党组织名称 is longer than a title line and has
  no organisation suffix where a line can end;
* the 整改方案 numbered a problem's only measure "（1）" — a level of numbering with one item;
* a task list row of a 150-character problem could not split, so each landscape page held one
  row and was two thirds empty (six pages for six rows); the 督办通知 table alike.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_doc_review import run_cli, summary_of  # noqa: E402
from test_doc_review2 import measure, write_ledger  # noqa: E402

from ledger_tools.documents.render import find_office  # noqa: E402
from ledger_tools.documents.titles import break_title, signature_lines  # noqa: E402

AS_OF = "2024-05-10"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "示例台账.xlsx"
# 30 characters, no 委员会/党组/局 where a 20-character title line could end
UNIT30 = "某某省某某市某某区经济技术开发区管理委员会规划建设交通运输局"
LONG_PROBLEM = (
    "部分干部对政策理解不深不透，学用脱节，在推动重点工作落实中存在等靠要思想，遇到矛盾绕道走，"
    "工作标准不高，满足于完成上级交办任务，主动谋划、创新突破意识不强，有的科室在落实首问负责制、"
    "限时办结制方面打折扣，群众反映办事效率不高"
)
OTHER = "落实全面从严治党战略部署方面"


def _rows(problems: list[tuple[str, int]]) -> list[dict]:
    """One row per measure: ``problems`` (text, number of measures), 正在推进, due June; the
    first half of the problems in one 方面, the rest in another."""
    rows, no = [], 0
    for k, (problem, count) in enumerate(problems, 1):
        for _ in range(count):
            no += 1
            rows.append(
                measure(
                    k,
                    problem,
                    f"建立健全第{no}项工作机制，明确责任分工，定期调度。",
                    "正在推进",
                    "2024年6月底前",
                    **({"方面": OTHER} if k > len(problems) // 2 else {}),
                    整改进展及成效="已完成初稿，正在征求意见。",
                )
            )
    return rows


ASPECTS = ("落实党的理论路线方针政策和党中央决策部署方面", OTHER, "落实新时代党的组织路线方面")


def _review_rows(aspects: int, statuses: tuple[str, ...]) -> list[dict]:
    """Two problems of one measure in each of ``aspects`` 方面, statuses in turn (the ledgers
    the review read: nothing started, everything done, a mix)."""
    rows = []
    for k in range(1, 2 * aspects + 1):
        status = statuses[k % len(statuses)]
        extra: dict[str, Any] = {}
        if status in ("已完成", "长期坚持"):
            extra = {
                "完成时间": dt.datetime(2024, 4, 20),
                "整改进展及成效": "已于2024年4月20日完成相关工作，形成长效机制。",
            }
        elif status in ("正在推进", "基本完成"):
            extra = {"整改进展及成效": "已完成初稿，正在征求意见。"}
        due = "长期坚持" if status == "长期坚持" else "2024年6月底前"
        rows.append(
            measure(
                k,
                f"第{k}项问题整改不够到位",
                f"建立健全第{k}项工作机制，明确责任分工，定期调度。",
                status,
                due,
                方面=ASPECTS[(k - 1) // 2],
                **extra,
            )
        )
    return rows


def five_units(folder: Path) -> list[Path]:
    """The five ledgers whose 汇总报告 put its 落款 alone on page 3: the example, everything
    done, nothing started, a 30-character unit name, an empty 基本信息."""
    folder.mkdir(parents=True, exist_ok=True)
    mix = ("已完成", "正在推进", "未启动", "基本完成", "长期坚持")
    blank = ("主送机关", "进驻开始日期", "进驻结束日期", "反馈日期", "上级党委", "领导小组组长")
    unit30 = {"单位名称": UNIT30, "党组织名称": f"中共{UNIT30}党组", "单位简称": None}
    example = folder / "example.xlsx"
    example.write_bytes(EXAMPLE.read_bytes())
    return [
        example,
        write_ledger(folder / "alldone.xlsx", _review_rows(3, ("已完成",))),
        write_ledger(folder / "zero.xlsx", _review_rows(3, ("未启动",))),
        write_ledger(folder / "unit30.xlsx", _review_rows(2, mix), unit30),
        write_ledger(folder / "missing.xlsx", _review_rows(2, mix), dict.fromkeys(blank)),
    ]


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("review3")
    single = [("支部“三会一课”记录不规范", 1), ("党费收缴不及时", 2), ("廉政风险点排查不全面", 1)]
    long_problems = [(f"{LONG_PROBLEM}（{k}）", 1) for k in range(1, 7)]
    info = {"单位名称": UNIT30, "党组织名称": f"中共{UNIT30}党组", "单位简称": None}
    return {
        "single": write_ledger(base / "single.xlsx", _rows(single)),
        "long": write_ledger(base / "long.xlsx", _rows(long_problems)),
        "unit30": write_ledger(base / "unit30.xlsx", _rows(single), info),
    }


def render(ledger: Path, kind: str, out: Path) -> Path:
    args = ["plan"] if kind == "plan" else ["report", "--kind", kind]
    run_cli(*args, ledger, "--as-of", AS_OF, "--today", AS_OF, "-o", out, "--force")
    return out


def body(path: Path) -> list[Any]:
    return [p for p in docx.Document(path).paragraphs if p.text.strip()]


# ---------------------------------------------------------------------------------------------
# 1. The 汇总报告's 落款 never stands alone on a page


def test_summary_last_paragraph_keeps_with_the_signature(tmp_path):
    paras = body(summary_of([EXAMPLE], tmp_path))
    names = [p.style.name for p in paras]
    last = names.index("落款") - 1
    # the 结语 "特此报告。" closes the body (docs/文稿生成规则.md 十), after 下一步工作's text
    assert paras[last].text == "特此报告。"
    assert paras[last - 2].text == "四、下一步工作"
    for para in paras[last - 1 : last + 1]:
        assert para.paragraph_format.keep_with_next, para.text


# ---------------------------------------------------------------------------------------------
# 2. Titles and signatures of a name longer than a line


def test_title_of_a_long_unit_is_cut_after_a_place_not_inside_a_word():
    name = f"中共{UNIT30}党组"
    names = [name, "区委第二巡察组"]
    report = break_title(f"{name}关于区委第二巡察组反馈意见整改情况的报告", names)
    assert report == [
        "中共某某省某某市某某区经济技术开发区",
        "管理委员会规划建设交通运输局党组关于",
        "区委第二巡察组反馈意见整改情况的报告",
    ]
    notice = break_title(f"{name}关于巡察整改落实进展情况的通报", names)
    assert notice[0].endswith("开发区") and notice[1].startswith("管理委员会")
    # the place is a last resort: an organisation ending where a line can still wins
    other = "中共某某省某某市某某新区管理委员会住房城乡建设和交通运输局党组"
    assert break_title(f"{other}关于巡视整改落实进展情况的通报", [other])[0].endswith("委员会")
    # a place that begins a word is not cut there: 县|域, 市|场, 区|委, 省|直
    from ledger_tools.documents.titles import _inside_name_cuts

    name = "某某县县域某某市市场某某区区委某某省省直"
    cuts = {name[:i] for i in _inside_name_cuts(name, 0)}
    assert cuts == {
        "某某县",
        "某某县县域某某市",
        "某某县县域某某市市场某某区",
        "某某县县域某某市市场某某区区委",  # after 区委 itself: an organisation
        "某某县县域某某市市场某某区区委某某省",
    }


def test_signature_is_cut_after_the_organisation_before_the_place():
    assert signature_lines(f"中共{UNIT30}党组") == [
        "中共某某省某某市某某区经济技术开发区管理委员会",
        "规划建设交通运输局党组",
    ]
    # no organisation suffix where a line can end: after a place, never inside a word
    name = "中共某某省某某市某某区某某县某某镇某某村某某合作社某某支部委员会"
    assert signature_lines(name) == [
        "中共某某省某某市某某区某某县",
        "某某镇某某村某某合作社某某支部委员会",
    ]


@pytest.mark.parametrize("kind", ("plan", "report", "notice"))
def test_long_unit_title_lines_in_the_document(tmp_path, ledgers, kind):
    lines = [
        p.text
        for p in body(render(ledgers["unit30"], kind, tmp_path / f"{kind}.docx"))
        if p.style.name == "公文标题"
    ]
    assert lines[0] == "中共某某省某某市某某区经济技术开发区"
    assert lines[1].startswith("管理委员会规划建设交通运输局党组")
    assert all(len(line) <= 20 for line in lines)


# ---------------------------------------------------------------------------------------------
# 3. A problem's only measure is not numbered


def test_only_measure_is_not_numbered(tmp_path, ledgers):
    paras = body(render(ledgers["single"], "plan", tmp_path / "plan.docx"))
    texts = [p.text for p in paras]
    first = texts.index("1.支部“三会一课”记录不规范")
    only = paras[first + 1]
    assert only.text.startswith("整改措施：建立健全第1项工作机制"), only.text
    assert only.runs[0].bold and only.runs[0].text == "整改措施："  # as 整改目标： is
    assert only.style.name == "公文正文"
    # two measures keep （1）（2）
    second = texts.index("2.党费收缴不及时")
    assert texts[second + 1].startswith("（1）建立健全第2项")
    assert texts[second + 2].startswith("（2）建立健全第3项")
    assert paras[second + 1].style.name == "四级标题"
    assert not any(t.startswith("（1）") for t in texts[second + 3 :] if "工作机制" in t)


def test_only_measure_imports_back(tmp_path, ledgers):
    from ledger_tools.importing import import_document

    plan = render(ledgers["single"], "plan", tmp_path / "plan.docx")
    imported = import_document(plan)
    assert [len(p.measures) for p in imported.problems] == [1, 2, 1]
    assert [m.get("整改措施") for m in imported.measures] == [
        "建立健全第1项工作机制，明确责任分工，定期调度。",
        "建立健全第2项工作机制，明确责任分工，定期调度。",
        "建立健全第3项工作机制，明确责任分工，定期调度。",
        "建立健全第4项工作机制，明确责任分工，定期调度。",
    ]


# ---------------------------------------------------------------------------------------------
# 4. Tall table rows may split across pages


def _task_rows(path: Path) -> list[Any]:
    table = docx.Document(path).tables[-1]
    return [r for r in table.rows[1:] if len({id(c._tc) for c in r.cells}) > 1]


def test_tall_task_rows_may_split_short_ones_stay_whole(tmp_path, ledgers):
    tall = _task_rows(render(ledgers["long"], "plan", tmp_path / "long.docx"))
    short = _task_rows(render(ledgers["single"], "plan", tmp_path / "short.docx"))
    assert len(tall) == 6 and len(short) == 4
    for row in tall:
        assert row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None
        valign = row.cells[2]._tc.find(f"{qn('w:tcPr')}/{qn('w:vAlign')}")
        assert valign.get(qn("w:val")) == "top"
    for row in short:
        assert row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_tall_duban_rows_may_split(tmp_path, ledgers):
    out = tmp_path / "督办"
    run_cli("duban", ledgers["long"], "--today", "2024-06-25", "-o", out)
    (notice,) = sorted(out.glob("督办通知-*.docx"))
    rows = docx.Document(notice).tables[0].rows[1:]
    assert len(rows) == 6
    assert all(r._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for r in rows)


# ---------------------------------------------------------------------------------------------
# The pages, through LibreOffice (one run for all)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, ledgers) -> dict[str, Path]:
    if find_office() is None or not _which("pdftotext"):
        pytest.skip("LibreOffice 或 pdftotext 未安装")
    from ledger_tools.documents.render import _office_env, run_office

    base = tmp_path_factory.mktemp("review3-pdf")
    docs = [
        render(ledgers["long"], "plan", base / "long-plan.docx"),
        summary_of(five_units(base / "units"), base),
    ]
    with tempfile.TemporaryDirectory() as work:
        cmd = [find_office(), f"-env:UserInstallation={(Path(work) / 'p').as_uri()}"]
        cmd += ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(base)]
        run_office([*cmd, *map(str, docs)], 600, _office_env(Path(work)), "review3")
    return {"long-plan": base / "long-plan.pdf", "summary": base / "汇总报告.pdf"}


def _which(name: str) -> bool:
    import shutil

    return shutil.which(name) is not None


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_no_page_holds_only_the_signature(pdfs):
    last = pages(pdfs["summary"])[-1]
    said = [line.strip() for line in last.splitlines() if line.strip()]
    # the 落款 (two lines) and the page number, and body text above them
    assert len(said) > 3, said


def test_task_list_of_long_problems_fills_its_pages(pdfs):
    all_pages = pages(pdfs["long-plan"])
    start = next(i for i, p in enumerate(all_pages) if "整改任务清单" in p and "序号" in p)
    # six rows of a 150-character problem: kept whole, six landscape pages
    assert len(all_pages) - start <= 4, len(all_pages) - start


def test_dates_are_arabic(ledgers, tmp_path):
    """成文日期 in Arabic numerals, no zero padding (GB/T 9704 §7.3.5)."""
    paras = body(render(ledgers["single"], "report", tmp_path / "r.docx"))
    assert [p.text for p in paras if p.style.name == "成文日期"] == ["2024年5月10日"]
