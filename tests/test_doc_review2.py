"""The second 公文 review (GB/T 9704-2012, 《党政机关公文处理工作条例》), kept fixed.

Every document the tool writes was rendered from the example and from ledgers with unusual
content (a unit name longer than a line, one 方面 only, every measure 已完成, none 已完成,
overdue items, 长期坚持 only), converted with LibreOffice and read page by page. What an
办公室主任 would have sent back, and each test here renders real .docx files through the CLI
from real .xlsx ledgers, reopens them and asserts the property:

* the 汇总报告 had no 主送机关 (a 报告 is addressed; marked 【主送机关未填】 when 基本信息 leaves
  it empty, as the unit's 整改情况报告 is), wrote "关于反馈意见…" when the units' 监督机构 differ,
  and said "共汇总1个单位" / "1个单位中，办结率达到100%的1个" / "已办结0项" for one unit;
* the 整改任务清单's 序号 and 问题 were a look-alike of a merged cell made of missing borders,
  which left the table open at the foot of every page a problem ran over;
* a 党组织名称 longer than a line wrapped inside the name ("…住房城乡建设和/交通运输局党组"), its
  first line flush with the left margin;
* the statistics sentence said "已整改到位0项" and "已整改到位1项（其中1项需长期坚持）";
* the notice closed problem after problem with the same "共建立完善制度1项。";
* a 督办通知 to a unit whose name two files of the 汇总 share was addressed to
  "某区住房和城乡建设局（住建局.xlsx）：";
* a long title cut "关于巡视/整改落实…";
* the --since sentence said "超期未办结措施由0条增至1条".
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_doc_review import run_cli, summary_of  # noqa: E402  (the first review's helpers)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
AS_OF = "2024-05-10"
ASPECT = "落实党的理论路线方针政策和党中央决策部署方面"
LONG_UNIT = "某某省某某市某某新区管理委员会住房城乡建设和交通运输局"


def write_ledger(
    path: Path, rows: list[dict[str, Any]], info: dict[str, Any] | None = None
) -> Path:
    """The example workbook (its 基本信息 and 文稿段落) with ``rows`` as its 整改台账."""
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["整改台账"]
    header = [c.value for c in ws[1]]
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    ws.delete_rows(2, ws.max_row)
    for row in rows:
        ws.append([row.get(h) for h in header])
    for cells in wb["基本信息"].iter_rows(min_row=2):
        if info and cells[0].value in info:
            cells[1].value = info[cells[0].value]
    wb.save(path)
    return path


def measure(no: int, problem: str, text: str, status: str, due: Any, **values: Any) -> dict:
    return {
        "序号": no,
        "方面": values.pop("方面", ASPECT),
        "问题": problem,
        "整改措施": text,
        "整改状态": status,
        "整改时限": due,
        "责任领导": "陈志远（党组书记、局长）",
        "责任部门": "办公室",
        "责任人": "周晓梅",
        **values,
    }


def long_name_all_done(path: Path) -> Path:
    """One 方面, every measure 已完成, a unit name longer than a line, a 巡视."""
    done = {"完成时间": dt.datetime(2024, 4, 20), "整改进展及成效": "已于2024年4月20日完成。"}
    rows = [
        measure(
            i,
            f"问题{i}整改不够到位",
            f"建立第{i}项工作台账。",
            "已完成",
            "2024年4月底前",
            **done,
            **{"建立制度（项）": 1},
        )  # fmt: skip
        for i in (1, 2, 3)
    ]
    info = {
        "单位名称": LONG_UNIT,
        "党组织名称": f"中共{LONG_UNIT}党组",
        "单位简称": "我局",
        "监督机构": "省委第十二巡视组",
        "监督类型": "巡视",
        "上级党委": "省委",
        "主送机关": "省委巡视工作领导小组",
    }
    return write_ledger(path, rows, info)


def none_done(path: Path) -> Path:
    """Nothing closed: 正在推进, 基本完成, 未启动, two overdue."""
    other = "落实全面从严治党战略部署方面"
    rows = [
        measure(
            1,
            "政治理论学习不够深入",
            "修订学习制度。",
            "正在推进",
            "2024年4月15日",
            整改进展及成效="已形成修订稿。",
            延期说明="因需提交党组会议审议，预计2024年5月底前完成",
        ),  # fmt: skip
        measure(
            2, "意识形态工作责任落实不到位", "专题研究意识形态工作。", "未启动", "2024年6月底前"
        ),
        measure(
            3,
            "违反中央八项规定精神问题仍有发生",
            "清退违规发放的津贴。",
            "基本完成",
            "2024年5月15日",
            方面=other,
            整改进展及成效="已清退大部分。",
        ),  # fmt: skip
    ]
    return write_ledger(path, rows)


def long_term_only(path: Path) -> Path:
    rows = [
        measure(
            1,
            "政治理论学习不够深入",
            "严格落实“第一议题”制度。",
            "长期坚持",
            "长期坚持",
            完成时间=dt.datetime(2024, 3, 12),
            整改进展及成效="自2024年3月起每次党组会议第一议题学习。",
        ),  # fmt: skip
    ]
    return write_ledger(path, rows)


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("review2")
    return {
        "long": long_name_all_done(base / "long.xlsx"),
        "none": none_done(base / "none.xlsx"),
        "longterm": long_term_only(base / "longterm.xlsx"),
    }


def paragraphs(path: Path) -> list[Any]:
    return [p for p in docx.Document(path).paragraphs if p.text.strip()]


def texts(path: Path) -> list[str]:
    return [p.text for p in paragraphs(path)]


def document(ledger: Path, kind: str, out: Path) -> Path:
    args = ["plan"] if kind == "plan" else ["report", "--kind", kind]
    run_cli(*args, ledger, "--as-of", AS_OF, "--today", AS_OF, "-o", out, "--force")
    return out


# ---------------------------------------------------------------------------------------------
# The 汇总报告


def test_summary_is_addressed(tmp_path):
    out = summary_of([EXAMPLE], tmp_path)
    paras = paragraphs(out)
    titles = [p for p in paras if p.style.name == "公文标题"]
    after_title = paras[len(titles)]
    assert after_title.style.name == "主送机关"
    # merge leaves the receiver's 主送机关 to the receiver: marked, as the unit's report marks it
    assert after_title.text == "【主送机关未填】："


def test_summary_of_one_unit_names_it_and_compares_nothing(tmp_path, ledgers):
    said = "\n".join(texts(summary_of([ledgers["long"]], tmp_path)))
    assert f"汇总了{LONG_UNIT}报送的整改台账" in said
    for counted in ("共汇总1个单位", "1个单位中", "的1个。", "均不低于总体水平"):
        assert counted not in said, counted
    assert "本次汇总只有1个单位，不作单位间比较。" in said


def test_summary_marks_a_supervisor_the_units_do_not_share(tmp_path, ledgers):
    said = texts(summary_of([ledgers["long"], ledgers["none"]], tmp_path))
    title = "".join(t for t, p in zip(said, paragraphs(tmp_path / "汇总报告.docx"), strict=True)
                    if p.style.name == "公文标题")  # fmt: skip
    assert "关于【监督机构未填】反馈意见" in title, title
    unit_lines = [t for t in said if re.match(r"\d+\.某", t) and "办结率" in t]
    assert any("尚无问题办结，办结率0%" in t for t in unit_lines), unit_lines
    assert not any("已办结0项" in t for t in said)


# ---------------------------------------------------------------------------------------------
# The plan's 整改任务清单


def test_task_list_problem_cells_are_merged_not_unbordered(tmp_path):
    plan = document(EXAMPLE, "plan", tmp_path / "方案.docx")
    table = docx.Document(plan).tables[-1]
    starts = continues = 0
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst[:2]:
            pr = tc.tcPr
            merge = pr.find(qn("w:vMerge")) if pr is not None else None
            if merge is not None:
                if merge.get(qn("w:val")) == "restart":
                    starts += 1
                else:
                    continues += 1
                    assert not "".join(t.text or "" for t in tc.iter(qn("w:t")))
            borders = pr.find(qn("w:tcBorders")) if pr is not None else None
            nil = [] if borders is None else [b for b in borders if b.get(qn("w:val")) == "nil"]
            assert not nil, "a border left out: the table is open where a page ends"
    # the example's 13 problems have 2 to 4 measures each: 序号 and 问题 merged in each
    assert starts == 2 * 13 and continues == 2 * (44 - 13)


# ---------------------------------------------------------------------------------------------
# The 落款


# (round 8: the lines of a long 署名 are centred over the date, GB/T 9704 §7.3.5.1, no longer
# right-aligned with it; cut after a suffix or a place all the same)
SIGNED = ["中共某某省某某市", "某某新区管理委员会", "住房城乡建设和交通运输局党组"]


@pytest.mark.parametrize("kind", ("plan", "report", "notice"))
def test_a_long_signature_is_cut_after_a_suffix_not_wrapped(tmp_path, ledgers, kind):
    paras = paragraphs(document(ledgers["long"], kind, tmp_path / f"{kind}.docx"))
    date = max(i for i, p in enumerate(paras) if re.fullmatch(r"\d{4}年\d+月\d+日", p.text))
    lines = [p.text for p in paras[date - 3 : date]]
    assert lines == SIGNED, lines
    assert "".join(lines) == f"中共{LONG_UNIT}党组"
    assert all(len(line) <= 15 for line in lines)  # centred on the date within the 版心
    assert [p.style.name for p in paras[date - 3 : date + 1]] == ["落款"] * 3 + ["成文日期"]


def test_short_signature_stays_centred_over_the_date(tmp_path):
    paras = paragraphs(document(EXAMPLE, "report", tmp_path / "报告.docx"))
    assert [p.style.name for p in paras[-2:]] == ["落款", "成文日期"]
    assert paras[-2].text == "中共某区住房和城乡建设局党组"


def test_signature_lines():
    from ledger_tools.documents.titles import signature_lines

    assert signature_lines("中共某区档案馆机关支部委员会") == ["中共某区档案馆机关支部委员会"]
    office = f"{LONG_UNIT}巡视整改工作领导小组办公室"
    lines = signature_lines(office)
    assert "".join(lines) == office and all(len(x) <= 24 for x in lines)
    assert "办公室" not in lines  # never a suffix alone on its line
    assert signature_lines("局" * 300)  # a pasted paragraph: cut somewhere, quickly


# ---------------------------------------------------------------------------------------------
# Wording


def test_nothing_closed_is_said_without_zero(tmp_path, ledgers):
    for kind in ("report", "notice"):
        said = "\n".join(texts(document(ledgers["none"], kind, tmp_path / f"{kind}.docx")))
        assert "截至2024年5月10日，尚无问题整改到位，基本完成1项，正在推进1项，尚未启动1项" in said
        assert not re.search(r"(?<![\d.])0(项|个|条|人次)", said), kind


def test_long_term_only_is_not_said_twice(tmp_path, ledgers):
    said = "\n".join(texts(document(ledgers["longterm"], "report", tmp_path / "报告.docx")))
    assert "已整改到位1项（需长期坚持），办结率100%。" in said
    assert "其中1项需长期坚持" not in said


def test_notice_does_not_close_each_problem_with_the_same_count(tmp_path):
    said = texts(document(EXAMPLE, "notice", tmp_path / "通报.docx"))
    problems = [t for t in said if re.match(r"\d+\.", t)]
    assert len(problems) == 13
    assert not any("建立完善制度" in t for t in problems)
    # the totals stay in the statistics sentence, the problem's money and 问责 in its paragraph
    assert any("建立完善制度9项" in t for t in said)
    assert any("共清退资金8,600元，约谈问责3人次。" in t for t in problems)


def test_long_title_keeps_the_compound_whole(tmp_path, ledgers):
    paras = paragraphs(document(ledgers["long"], "notice", tmp_path / "通报.docx"))
    title = [p.text for p in paras if p.style.name == "公文标题"]
    assert title == [
        f"中共{LONG_UNIT[:15]}",
        f"{LONG_UNIT[15:]}党组",
        "关于巡视整改落实进展情况的通报",
    ]


# ---------------------------------------------------------------------------------------------
# 督办通知 by unit


def test_duban_to_a_unit_named_twice_is_addressed_without_the_file(tmp_path):
    twice = tmp_path / "twice"
    twice.mkdir()
    for name in ("a.xlsx", "b.xlsx"):
        shutil.copy(EXAMPLE, twice / name)
    merged = tmp_path / "汇总台账.xlsx"
    run_cli("merge", twice, "-o", merged, "--today", AS_OF, "--jobs", 1)
    out = tmp_path / "督办"
    run_cli("duban", merged, "--by", "单位", "--today", AS_OF, "-o", out)
    notices = sorted(out.glob("督办通知-*.docx"))
    assert len(notices) == 2  # one per file: the 汇总 keeps them apart
    for notice in notices:
        assert ".xlsx" in notice.name
        addressed = next(t for t in texts(notice) if t.endswith("："))
        assert addressed == "某区住房和城乡建设局：", addressed


# ---------------------------------------------------------------------------------------------
# In LibreOffice: the long 署名 and the closed table, as printed


def _soffice_missing() -> bool:
    return not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which(
        "pdftotext"
    )


@pytest.mark.skipif(_soffice_missing(), reason="LibreOffice or poppler not installed")
def test_long_signature_prints_as_whole_lines_centred_over_the_date(tmp_path, ledgers):
    from ledger_tools.documents.render import convert_to_pdf

    pdf = convert_to_pdf(document(ledgers["long"], "report", tmp_path / "报告.docx"))
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # every printed line: its text and right edge
    lines = [
        ("".join(re.findall(r">([^<]*)</word>", body)), float(x_max))
        for x_max, body in re.findall(
            r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', html, re.S
        )
    ]
    said = [text for text, _ in lines]
    i = len(said) - 1 - said[::-1].index(SIGNED[0])  # the 落款, not the title
    assert said[i : i + 4] == [*SIGNED, "2024年5月10日"], said[i : i + 4]
    # each line centred over the date: its right edge as far right of the date's centre as
    # half its own width (8, 9 and 14 characters of 15.75 pt)
    starts = [float(x) for x in re.findall(r'<line xMin="([\d.]+)"', html)]
    date_centre = (starts[i + 3] + lines[i + 3][1]) / 2
    for k in range(3):
        centre = (starts[i + k] + lines[i + k][1]) / 2
        assert abs(centre - date_centre) < 8, (said[i + k], centre, date_centre)


# ---------------------------------------------------------------------------------------------
# The --since report


def test_since_sentence_does_not_count_from_zero(tmp_path):
    out = tmp_path / "报告.docx"
    previous = ROOT / "examples" / "示例台账-上期.xlsx"
    run_cli("report", EXAMPLE, "--since", previous, "--as-of", AS_OF, "--today", AS_OF, "-o", out)
    said = next(t for t in texts(out) if "与上期（2024年4月10日）相比" in t)
    assert said.endswith("办结率由38.5%提高到53.8%，新出现超期未办结措施1条。"), said
    assert "由0条" not in said


def test_overdue_trend_words_each_case():
    from ledger_tools.upward.diff import _overdue_trend

    assert _overdue_trend(0, 3) == "新出现超期未办结措施3条"
    assert _overdue_trend(2, 0) == "已无超期未办结措施（上期2条）"
    assert _overdue_trend(2, 5) == "超期未办结措施由2条增至5条"
