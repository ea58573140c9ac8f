"""``ledger-tools import`` on documents of the genre in the shapes they are published in
(``tests/genre_docs.py``: a 县 notice, an audit 公告 table, a 国企 report, a school's problem
list with merged cells, a plan with inline labels and its PDF with a running header and page
numbers, a two-column PDF, a web page pasted as text, a report whose stated counts disagree
with its content, a 检视剖析材料, a feedback, a task table, a report with bold leads, a report
in 第N部分). Each is written as a real file, imported through the real command, and the ledger
it wrote is read back and judged as a clerk would: problems and measures split right, 方面,
statuses, deadlines and units right, what was left out listed with a reason; then ``check``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import genre_docs as G
import pytest
from click.testing import CliRunner
from office_pdf import convert_to_pdf

from ledger_tools.cli import cli
from ledger_tools.documents.render import find_office
from ledger_tools.ledger.normalise import load_ledger


def run_import(path: Path, tmp_path: Path):
    """(ledger read back from the written workbook, the command's output)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    out = tmp_path / f"{path.stem}{path.suffix.replace('.', '_')}.xlsx"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return load_ledger(out), result.output


def import_docx_and_pdf(docx: Path, tmp_path: Path, pdf_required: bool = True) -> list[tuple]:
    """[(suffix, ledger, output, written workbook)] for a .docx and the PDF made of it beside it
    (skipped when LibreOffice made none and ``pdf_required``)."""
    paths = [docx]
    pdf = docx.with_suffix(".pdf")
    if pdf.exists():
        paths.append(pdf)
    elif pdf_required:
        pytest.skip("LibreOffice is not installed: no PDF to read")
    found = []
    for k, path in enumerate(paths):
        ledger, out = run_import(path, tmp_path / str(k))
        found.append((path.suffix, ledger, out, next((tmp_path / str(k)).glob("*.xlsx"))))
    return found


def run_check(path: Path) -> str:
    result = CliRunner().invoke(cli, ["check", str(path), "--today", "2024-12-31"])
    assert result.output.startswith("校验"), result.output
    assert "Traceback" not in result.output
    return result.output


def outline(ledger) -> list[tuple[str, list[tuple[str, int]]]]:
    return [(a.title, [(p.title, len(p.measures)) for p in a.problems]) for a in ledger.aspects]


def statuses(ledger) -> list[str | None]:
    return [p.status for p in ledger.problems]


def warnings(output: str) -> list[str]:
    return [ln.strip()[2:] for ln in output.splitlines() if ln.startswith("  - ")]


def check_errors(output: str) -> set[str]:
    """The columns ``check`` says are missing (“X”是必填项)."""
    import re

    return set(re.findall(r"“(.+?)”是必填项", output)) | (
        {"责任部门"} if "都没有填写" in output else set()
    )


# ---------------------------------------------------------------------------------------------


def test_county_notice_status_clauses_and_stated_counts(tmp_path):
    ledger, out = run_import(G.county_notice(tmp_path / "整改进展通报.docx"), tmp_path)
    assert "已导入 整改进展情况通报" in out
    assert outline(ledger) == [
        (
            "贯彻落实上级决策部署方面",
            [("高标准农田建设项目推进滞后", 1), ("农村人居环境整治长效管护不到位", 1)],
        ),
        (
            "落实全面从严治党责任方面",
            [
                ("涉农资金监管存在薄弱环节", 1),
                ("公务用车管理不规范", 1),
                ("执行财务报销制度不严格", 1),
            ],
        ),
        ("基层党组织建设方面", [("党支部“三会一课”落实不经常", 1), ("发展党员工作程序不规范", 1)]),
    ]
    # "已整改到位" / "需长期坚持" / "已完成整改，长效机制已建立" / "…，正在推进，计划…完成"
    assert statuses(ledger) == [
        "已完成",
        "长期坚持",
        "已完成",
        "已完成",
        "正在推进",
        "已完成",
        "正在推进",
    ]
    late = ledger.problems[4].measures[0]
    assert late.get("整改措施") == "组织财务人员集中学习报销规定，对近两年报销凭证开展自查。"
    assert late.get("整改时限") == "2024年12月底"
    assert (
        ledger.problems[6].measures[0].get("整改措施")
        == "对近五年发展党员档案逐份复查，补齐缺失材料。"
    )
    # "共3个方面7个，已整改5个，整改率71.4%" agrees with what was found: no warning.
    assert warnings(out) == []
    assert ledger.info["党组织名称"] == "中共青禾县农业农村局党组"
    assert ledger.info["反馈日期"] == dt.date(2024, 6, 14)
    assert {t["章节"] for t in ledger.texts} == {"工作开展情况", "下一步打算"}
    # What check asks for is what a notice never says (leaders, units, completion dates).
    assert check_errors(run_check(tmp_path / "整改进展通报_docx.xlsx")) == {
        "责任领导",
        "责任部门",
        "整改时限",
    }


def test_audit_notice_table_with_result_column(tmp_path):
    ledger, out = run_import(G.audit_notice(tmp_path / "审计整改公告.docx"), tmp_path)
    assert [p.title for p in ledger.problems] == [
        "部分项目预算编制不够细化，年初代编预算比例偏高",
        "2个专项资金结余超过两年未收回",
        "政府采购项目验收不规范，验收报告要素不全",
        "个别单位往来款长期挂账未清理",
        "绩效目标设置不够科学，部分指标难以量化",
    ]
    assert statuses(ledger) == ["已完成", "已完成", "已完成", "正在推进", "已完成"]
    second = ledger.problems[1].measures[0]
    assert second.get("整改措施") == "对结余资金进行清理，按规定收回统筹使用。"
    assert second.get("整改进展及成效") == "已收回结余资金126.5万元，统筹用于民生支出。"
    assert ledger.problems[2].measures[0].get("整改进展及成效") is None  # "已整改。" only
    # No 方面 in an audit table: said once, not guessed; "特此公告。" is no content.
    assert warnings(out) == [
        "有 5 项问题文中没有写所属方面（如审计公告的问题清单），“方面”列留空，请按实际补填。"
    ]
    assert ledger.info["监督类型"] == "审计"


def test_soe_report_about_paragraphs(tmp_path):
    ledger, out = run_import(G.soe_report(tmp_path / "巡视整改报告.docx"), tmp_path)
    assert [a.title for a in ledger.aspects] == [
        "落实党中央决策部署方面",
        "全面从严治党方面",
        "领导班子和干部队伍建设方面",
    ]
    assert [p.title for p in ledger.problems] == [
        "服务保障能源安全主责主业不够聚焦",
        "科技创新投入不足",
        "“三重一大”决策制度执行不严格",
        "招标采购管理存在漏洞",
        "年轻干部培养选拔力度不够",
    ]
    assert statuses(ledger) == ["已完成", "已完成", "已完成", "正在推进", "长期坚持"]
    first = ledger.problems[0].measures[0]
    assert first.get("整改措施") == "集团党委修订投资管理办法，非主业投资比例控制在10%以内。"
    assert first.get("整改进展及成效") == "清理退出非主业企业3户。"
    assert ledger.problems[3].measures[0].get("整改时限") == "2025年3月底"
    assert ledger.info["主送机关"] == "省委巡视工作领导小组"
    assert ledger.info["监督机构"] == "省委第五巡视组"
    assert warnings(out) == []


def test_school_list_with_merged_cells(tmp_path):
    ledger, out = run_import(G.school_list(tmp_path / "检视问题清单.docx"), tmp_path)
    assert outline(ledger) == [
        ("理论学习", [("理论学习系统性不够，学用结合不紧", 2), ("青年教师党员学习主动性不强", 1)]),
        ("服务师生", [("解决学生课后服务需求不够及时", 2), ("食堂管理精细化程度不高", 1)]),
    ]
    # The 整改情况 column holds statuses: read as 整改状态, not as progress text.
    assert [m.status for m in ledger.measures] == [
        "已完成",
        "已完成",
        "长期坚持",
        "已完成",
        "正在推进",
        "已完成",
    ]
    assert not any(m.get("整改进展及成效") for m in ledger.measures)
    assert [m.get("责任人") for m in ledger.measures] == [
        "王立群",
        "王立群",
        "李敏",
        "赵海涛",
        "赵海涛",
        "陈红",
    ]
    assert [m.get("整改时限") for m in ledger.measures][-2:] == ["2024年12月底前", "立行立改"]
    assert ledger.info["监督类型"] == "主题教育"
    assert warnings(out) == []


LABELLED_OUTLINE = [
    (
        "党的理论学习和政治建设方面",
        [
            ("党工委理论学习中心组学习计划性不强，研讨交流偏少", 2),
            ("意识形态工作责任制落实不够到位，阵地管理存在薄弱环节", 3),
        ],
    ),
    (
        "服务群众和基层治理方面",
        [
            ("老旧小区改造中群众反映的问题回应不及时", 1),
            ("网格员队伍管理不规范，考核流于形式", 2),
            *[(f"第{k}个社区便民服务事项办理时限偏长，群众多次往返", 2) for k in range(5, 9)],
        ],
    ),
]


def assert_labelled_plan(ledger) -> None:
    assert outline(ledger) == LABELLED_OUTLINE
    first, second = ledger.problems[0].measures
    assert first.get("整改措施") == "制定年度学习计划，明确每季度研讨主题。"
    assert second.get("整改措施") == "每次集中学习安排2名班子成员交流发言。"
    assert first.get("整改时限") == "立行立改，长期坚持"
    assert (first.get("责任领导"), first.get("责任部门")) == ("张海峰", "党政办公室")
    circled = [m.get("整改措施") for m in ledger.problems[1].measures]
    assert circled[1] == "对社区宣传栏、微信公众号开展一次全面排查。"
    assert ledger.problems[2].measures[0].get("责任部门") == "城市管理办公室、各社区"
    assert ledger.problems[3].measures[0].get("整改时限") == "2024年10月31日前"


def test_plan_with_inline_labels(tmp_path):
    ledger, out = run_import(G.labelled_plan(tmp_path / "整改方案.docx"), tmp_path)
    assert_labelled_plan(ledger)
    assert warnings(out) == []
    assert ledger.info["方案成文日期"] == dt.date(2024, 7, 16)
    # A plan states no progress: only 整改状态 is left for the clerk.
    assert check_errors(run_check(tmp_path / "整改方案_docx.xlsx")) == {"整改状态"}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """The plan (running header, footer "— N —", two pages), the two-column notice and the
    documents that are tables, made into PDFs by LibreOffice in one run."""
    office = find_office()
    if office is None:
        pytest.skip("LibreOffice not installed")
    folder = tmp_path_factory.mktemp("genre_pdf")
    sources = [
        G.labelled_plan(folder / "整改方案.docx"),
        G.two_column_notice(folder / "两栏通报.docx"),
        G.audit_notice(folder / "审计整改公告.docx"),
        G.audit_notice(folder / "审计整改公告三页.docx", more=24),
        G.school_list(folder / "检视问题清单.docx"),
        G.plan_table(folder / "任务清单.docx"),
        G.no_number_table(folder / "无序号表格.docx"),
        G.no_number_table(folder / "无序号折行表格.docx", wrapped=True),
        G.county_notice_gb(folder / "公文格式通报.docx"),
    ]
    convert_to_pdf(sources, folder, timeout=300)
    return {s.stem: s.with_suffix(".pdf") for s in sources}


def test_pdf_with_running_header_and_page_numbers(pdfs, tmp_path):
    ledger, out = run_import(pdfs["整改方案"], tmp_path)
    assert_labelled_plan(ledger)
    # The header on each page is not part of the title or of any paragraph: it is listed.
    assert ledger.info["党组织名称"] == "中共白沙街道工作委员会"
    [furniture] = warnings(out)
    assert "2 行不是文稿内容" in furniture and "白沙街道党工委巡察整改工作方案" in furniture
    assert not any("—" in m.get("整改措施") for m in ledger.measures)


def two_column_expectations(ledger, out) -> None:
    assert [len(a.problems) for a in ledger.aspects] == [2, 2, 6]
    assert [p.title for p in ledger.problems][4:] == [name for name, _ in G.TOWN_PROBLEMS]
    assert statuses(ledger) == ["已完成"] * 3 + ["正在推进"] + ["已完成"] * 6
    # The paragraph that runs from the foot of the left column to the top of the right one.
    assert ledger.problems[5].measures[0].get("整改措施") == (
        "对2个软弱涣散村党组织逐一制定整顿方案，镇党委班子成员包村指导。"
    )
    assert warnings(out) == []


def test_two_column_notice(tmp_path):
    two_column_expectations(*run_import(G.two_column_notice(tmp_path / "两栏通报.docx"), tmp_path))


def test_two_column_pdf_read_column_by_column(pdfs, tmp_path):
    ledger, out = run_import(pdfs["两栏通报"], tmp_path)
    two_column_expectations(ledger, out)
    assert ledger.info["报告成文日期"] == dt.date(2024, 8, 30)


def test_web_page_pasted_as_text(tmp_path):
    ledger, out = run_import(G.web_page_txt(tmp_path / "网页通报.txt"), tmp_path)
    assert "识别出 3 个方面、6 项问题、6 条整改措施" in out
    assert ledger.info["通报标题"] == "中共丰源县市场监督管理局党组关于县委巡察整改进展情况的通报"
    assert ledger.info["党组织名称"] == "中共丰源县市场监督管理局党组"
    assert ledger.info["反馈日期"] == dt.date(2024, 6, 18)  # from the opening broken over lines
    assert statuses(ledger) == ["已完成", "已完成", "已完成", "长期坚持", "已完成", "正在推进"]
    # Lines broken by the page width are joined back.
    assert ledger.problems[0].measures[0].get("整改措施") == (
        "对全县农村集体聚餐开展专项排查，建立乡村厨师登记备案制度，累计备案乡村厨师217名。"
    )
    assert ledger.problems[5].measures[0].get("整改时限") == "2024年12月底"
    [furniture] = warnings(out)
    assert furniture.startswith(
        "页眉页脚、网页上的栏目导航、发布时间、打印和关闭按钮等 4 行不是文稿内容"
    )
    assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]


def test_stated_counts_disagree_with_what_was_found(tmp_path):
    ledger, out = run_import(G.stated_counts_txt(tmp_path / "整改报告.txt"), tmp_path)
    assert outline(ledger) == [
        (
            "党的领导弱化方面",
            [
                ("落实医药领域腐败问题集中整治要求不够有力", 1),
                ("公立医院党委领导下的院长负责制落实不到位", 1),
            ],
        ),
        ("全面从严治党方面", [("违规发放津贴补贴问题整改不彻底", 1), ("公务接待管理不规范", 1)]),
    ]
    assert statuses(ledger) == ["已完成", "已完成", "正在推进", "长期坚持"]
    assert [m.get("整改时限") for m in ledger.measures] == [
        "2024年9月底前",
        "立行立改",
        "2024年底前",
        "长期坚持",
    ]
    assert not any(m.get("整改进展及成效") for m in ledger.measures)  # the labels are not progress
    assert warnings(out) == [
        "整改报告.txt：文中写明共18项问题（“共反馈问题18个，已整改16个，整改率88.9%。”），但识别出4项问题，"
        "请核对原文，漏掉的问题请在台账中补录。"
    ]


def test_self_examination_material(tmp_path):
    ledger, out = run_import(G.self_exam_txt(tmp_path / "检视剖析材料.txt"), tmp_path)
    assert [len(a.problems) for a in ledger.aspects] == [2, 3, 2]
    # Each "一是……。" is one problem, its sentence kept whole as the 问题 (the clerk shortens it
    # if the unit's ledger uses short titles; cutting at a comma could drop what matters).
    assert [p.title for p in ledger.problems][:2] == [
        "学习的系统性不够，满足于跟进学习新篇目，对理论体系的整体把握不够",
        "理论联系实际不够，运用党的创新理论破解宣传思想工作难题的办法不多",
    ]
    assert all(m.get("整改措施") is None for m in ledger.measures)
    reasons = warnings(out)
    assert sum("原因分析不属于台账内容" in w for w in reasons) == 3
    assert sum("没有对应到具体问题" in w for w in reasons) == 3
    assert len(reasons) == 6


def test_feedback_counts_and_group_signature(tmp_path):
    ledger, out = run_import(G.feedback(tmp_path / "反馈意见.docx"), tmp_path)
    assert [len(a.problems) for a in ledger.aspects] == [2, 3, 1]
    assert (
        ledger.problems[3].measures[0].get("问题表现")
        == "1.部分支出报销附件不全。\n2.固定资产账实不符。"
    )
    # Signed by the group: it is the 监督机构, the unit's party organisation is the one inspected.
    assert ledger.info["监督机构"] == "区委第三巡察组"
    assert ledger.info["党组织名称"] == "区医疗保障局党组"
    # The suggestions after the last problem are about them all: listed, not added to it.
    assert "整改建议" not in ledger.problems[-1].measures[0].get("问题表现")
    [suggestions] = warnings(out)
    assert "没有对应到具体问题" in suggestions and "针对上述问题" in suggestions


def test_feedback_stated_count_mismatch(tmp_path):
    path = G.feedback(tmp_path / "反馈意见.docx")
    import docx

    d = docx.Document(path)
    for p in d.paragraphs:
        if "存在6个问题" in p.text:
            for run in p.runs:
                run.text = run.text.replace("存在6个问题", "存在8个问题")
    d.save(path)
    _, out = run_import(path, tmp_path)
    assert any("“3个方面8项问题”" in w and "识别出3个方面6项问题" in w for w in warnings(out))


def test_task_table_with_aspect_rows(tmp_path):
    ledger, out = run_import(G.plan_table(tmp_path / "任务清单.docx"), tmp_path)
    assert outline(ledger) == [
        ("政治建设方面", [("学习贯彻上级精神不及时", 2), ("防汛责任落实不够到位", 1)]),
        ("作风建设方面", [("水利工程项目监管不严", 3), ("文风会风不实", 1)]),
    ]
    assert [m.get("整改措施") for m in ledger.problems[2].measures] == [
        "开展在建项目质量专项检查。",
        "建立项目巡查台账。",
        "约谈施工单位。",
    ]
    assert {m.get("责任部门") for m in ledger.problems[2].measures} == {"建设管理股"}
    assert warnings(out) == []


def test_report_bold_leads_and_enumerated_measures(tmp_path):
    ledger, out = run_import(G.bold_lead_report(tmp_path / "整改进展报告.docx"), tmp_path)
    assert outline(ledger) == [
        ("落实教育优先发展战略方面", [("学校建设项目推进缓慢", 2), ("“双减”政策落实不够有力", 2)]),
        ("全面从严治党方面", [("学校食堂财务管理不规范", 2), ("师德师风建设抓得不实", 2)]),
    ]
    assert statuses(ledger) == ["正在推进", "已完成", "长期坚持", "已完成"]
    assert {m.get("整改时限") for m in ledger.problems[0].measures} == {"2025年8月底"}
    assert warnings(out) == []  # "共反馈问题2个方面4个" agrees


def test_report_in_parts_notepad_text(tmp_path):
    ledger, out = run_import(G.parts_report_txt(tmp_path / "分部分报告.txt"), tmp_path)
    assert outline(ledger) == [
        ("档案资源建设方面", [("重点档案接收进馆不及时", 2), ("馆藏档案数字化进度滞后", 2)]),
        (
            "机关党的建设方面",
            [("党支部书记述职评议流于形式", 1), ("党员干部廉洁教育针对性不强", 2)],
        ),
    ]
    assert statuses(ledger) == ["已完成", "已完成", "已完成", "长期坚持"]
    assert [m.status for m in ledger.problems[3].measures] == ["已完成", "长期坚持"]
    first = ledger.problems[0].measures
    assert [m.get("整改时限") for m in first] == [dt.date(2024, 6, 30)] * 2
    assert first[0].get("责任领导") == "周文"
    assert ledger.problems[1].measures[1].get("整改进展及成效") == "完成数字化78万页。"
    # 第一部分 / 第三部分 are the report's own text; "已全部整改到位" agrees with 4 of 4.
    assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]
    assert warnings(out) == []


def same_ledger(got, want) -> None:
    """Two imports of one content (its .docx and its PDF) give the same ledger."""
    columns = ("整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改进展及成效")
    assert outline(got) == outline(want)
    assert statuses(got) == statuses(want)
    for g, w in zip(got.measures, want.measures, strict=True):
        assert [g.get(c) for c in columns] == [w.get(c) for c in columns]


@pytest.mark.parametrize("name", ["审计整改公告", "检视问题清单", "任务清单", "无序号表格"])
def test_tables_in_pdf_read_like_the_word_file(pdfs, tmp_path, name):
    """A table in a PDF has no cells, only text laid out in columns: it is read into cells by
    the columns of its header line, row by row, and gives the ledger the Word file gives."""
    from_pdf, out = run_import(pdfs[name], tmp_path)
    from_word, out_word = run_import(pdfs[name].with_suffix(".docx"), tmp_path / "word")
    same_ledger(from_pdf, from_word)
    assert warnings(out) == warnings(out_word)
    assert from_pdf.info["党组织名称"] == from_word.info["党组织名称"]


def test_pdf_table_over_three_pages(pdfs, tmp_path):
    """29 problems, several alike ("6号专项资金…", "9号专项资金…"), a table running over three
    pages where pdftotext lays each page's columns out afresh and a row breaks across pages."""
    ledger, out = run_import(pdfs["审计整改公告三页"], tmp_path)
    assert "识别出 1 个方面、29 项问题、29 条整改措施" in out
    assert [p.number for p in ledger.problems] == [str(k) for k in range(1, 30)]
    assert ledger.problems[8].title == "9号专项资金拨付进度缓慢，资金闲置时间较长"
    assert statuses(ledger).count("已完成") == 20
    same_ledger(
        ledger, run_import(pdfs["审计整改公告三页"].with_suffix(".docx"), tmp_path / "w")[0]
    )
    # "审计指出问题29个，已整改20个" agrees: only the missing 方面 is said.
    assert len(warnings(out)) == 1 and "29 项问题文中没有写所属方面" in warnings(out)[0]


def test_pdf_table_that_cannot_be_split_is_reported_once(tmp_path):
    """The example plan's attachment (cells centred vertically, lines of rows interleaved) is
    not guessed at from its text: one warning, the body's problems and measures imported.
    Read by its cells' borders (pdfplumber) it gives what the Word file gives."""
    from ledger_tools.importing import import_files
    from ledger_tools.importing.pdftables import available

    root = Path(__file__).resolve().parents[1]
    imported = import_files([root / "examples" / "整改方案.pdf"])
    assert imported.counts()[1] == 13
    if not available():
        assert len(imported.warnings) == 1 and "附件表格" in imported.warnings[0]
        return
    assert imported.warnings == []
    word = import_files([root / "examples" / "整改方案.docx"])
    cells = ("问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限")
    assert [[r.get(c) for c in cells] for r in imported.rows] == [
        [r.get(c) for c in cells] for r in word.rows
    ]


def test_status_after_the_title_and_totals_at_the_end(tmp_path):
    ledger, out = run_import(G.bracketed_notice_txt(tmp_path / "整改情况通报.txt"), tmp_path)
    assert [p.title for p in ledger.problems] == [
        "高标准农田管护责任不落实",
        "农村集体“三资”管理不规范",
        "村党组织换届后培训不到位",
        "党员管理不严格",
    ]
    assert statuses(ledger) == ["已完成", "正在推进", "已完成", "长期坚持"]
    # "已完成清产核资，正在推进……" tells what was done: not the status 已完成.
    second = ledger.problems[1].measures[0]
    assert second.get("整改时限") == "2024年12月底前"
    # The closing totals are the notice's own account, not the last problem's progress;
    # "4个问题已整改2个" agrees with the statuses read.
    assert ledger.problems[3].measures[0].get("整改进展及成效") is None
    assert [t["章节"] for t in ledger.texts] == ["工作开展情况"]
    assert ledger.info["上级党委"] == "县委"
    assert warnings(out) == []


def test_report_with_labelled_result_status_and_dates(tmp_path):
    ledger, out = run_import(G.labelled_report_txt(tmp_path / "整改情况报告.txt"), tmp_path)
    assert outline(ledger) == [
        ("党的领导方面", [("落实养老服务体系建设部署不到位", 2), ("救助资金发放审核把关不严", 2)]),
        ("全面从严治党方面", [("公务用车管理松散", 1)]),
    ]
    assert statuses(ledger) == ["已完成", "正在推进", "已完成"]
    assert {m.get("完成时间") for m in ledger.problems[0].measures} == {dt.date(2024, 9, 30)}
    assert ledger.problems[0].measures[1].get("整改进展及成效") == "6个服务站已全部建成投用。"
    assert {m.get("整改时限") for m in ledger.problems[1].measures} == {"2025年3月底前"}
    assert ledger.problems[2].measures[0].get("整改进展及成效") == "制度已印发执行。"
    assert ledger.info["上级党委"] == "区委"
    assert warnings(out) == []


def test_aspects_named_as_problems_and_headings_answering_a_problem(tmp_path):
    ledger, out = run_import(G.answered_notice_txt(tmp_path / "巡视整改通报.txt"), tmp_path)
    assert outline(ledger) == [
        (
            "贯彻落实交通强国战略方面",
            [("重点项目建设推进迟缓", 1), ("农村公路养护资金使用不规范", 1)],
        ),
        ("全面从严治党方面", [("工程领域廉政风险防控不力", 1), ("执行中央八项规定精神不严格", 1)]),
        ("干部队伍建设方面", [("年轻干部储备不足", 1)]),
    ]
    assert statuses(ledger) == ["已完成", "已完成", "正在推进", "已完成", "已完成"]
    assert ledger.problems[2].measures[0].get("整改时限") == "2025年6月底"  # "预计…前完成"
    assert warnings(out) == []  # "3个方面5个，已完成整改4个，整改完成率80%" agrees


def test_unnumbered_problems_with_bold_titles(tmp_path):
    ledger, out = run_import(G.bold_problems_notice(tmp_path / "整改进展通报.docx"), tmp_path)
    assert outline(ledger) == [
        (
            "党的建设方面",
            [("党组理论学习中心组学习不规范", 1), ("意识形态阵地管理存在薄弱环节", 1)],
        ),
        ("业务工作方面", [("A级景区安全监管不到位", 1)]),
    ]
    assert statuses(ledger) == ["已完成", "正在推进", "已完成"]
    # "整改情况：" is a label, not the 问题表现 of the problem.
    assert (
        ledger.problems[0].measures[0].get("整改措施")
        == "修订中心组学习规则，全年开展专题研讨6次。"
    )
    assert ledger.problems[0].measures[0].get("问题表现") is None
    assert warnings(out) == []


def test_one_form_per_problem(tmp_path):
    ledger, out = run_import(G.forms_docx(tmp_path / "整改销号表.docx"), tmp_path)
    assert [p.title for p in ledger.problems] == ["党组会议议题管理不规范", "审计项目质量控制不严"]
    assert statuses(ledger) == ["已完成", "正在推进"]
    first, second = (p.measures[0] for p in ledger.problems)
    assert (first.get("整改措施"), first.get("责任领导"), first.get("责任部门")) == (
        "修订党组工作规则，建立议题清单制度",
        "马骏",
        "办公室",
    )
    assert first.get("整改时限") == dt.date(2024, 8, 31)
    assert second.get("整改时限") == "2024年12月底前"
    assert warnings(out) == [
        "有 2 项问题文中没有写所属方面（如审计公告的问题清单），“方面”列留空，请按实际补填。"
    ]


@pytest.mark.parametrize(
    ("text", "problems", "states"),
    [
        (
            G.TAB_TABLE_TXT,
            ["林业补贴资金发放不及时", "部分造林项目未验收即拨付资金", "固定资产登记不完整"],
            ["已完成", "已完成", "正在推进"],
        ),
        (G.MARKDOWN_TABLE_TXT, ["村务公开不及时", "财务票据不规范"], ["已完成", "正在推进"]),
    ],
)
def test_tables_in_text_files(tmp_path, text, problems, states):
    """A table copied from a web page arrives in a .txt as cells between tabs (or is written as
    a Markdown table): read as a table, not as lines of text."""
    ledger, out = run_import(G.write_txt(tmp_path / "公告.txt", text), tmp_path)
    assert [p.title for p in ledger.problems] == problems
    assert statuses(ledger) == states
    assert all(m.get("整改措施") for m in ledger.measures)
    assert len(warnings(out)) == 1 and "没有写所属方面" in warnings(out)[0]


def test_pdf_table_without_numbers_and_wrapped_cells_is_not_guessed(pdfs, tmp_path):
    """Without a 序号 column, a cell wrapped over two lines cannot be told from the next row's
    first line: the table is reported once (never merged rows), the command says nothing was
    found."""
    result = CliRunner().invoke(cli, ["import", str(pdfs["无序号折行表格"]), "--format", "json"])
    import json

    from ledger_tools.importing.pdftables import available

    data = json.loads(result.output)
    if available():
        # Its cells' borders tell the rows apart: read like the Word file.
        word, _ = run_import(pdfs["无序号折行表格"].with_suffix(".docx"), tmp_path / "w")
        assert data["统计"]["问题"] == 3 == len(word.problems)
        assert [r["问题"] for r in data["整改台账"]] == [p.title for p in word.problems]
        return
    assert data["统计"]["问题"] == 0
    assert len(data["提醒"]) == 2
    assert (
        "分不清每一行从哪里开始" in data["提醒"][0]
        and "反馈问题 整改措施 整改情况" in data["提醒"][0]
    )


def test_label_alone_over_numbered_measures(tmp_path):
    ledger, out = run_import(G.announced_measures_txt(tmp_path / "整改情况报告.txt"), tmp_path)
    assert [(p.title, len(p.measures)) for p in ledger.problems] == [
        ("落实“两个责任”不到位", 2),
        ("保障性住房分配管理不规范", 2),
        ("老旧小区改造质量监管不严", 1),
        ("干部队伍年龄结构不合理", 1),
    ]
    assert statuses(ledger) == ["已完成", "正在推进", "长期坚持", "已完成"]
    first = ledger.problems[0].measures
    assert first[0].get("整改措施") == "党组专题研究全面从严治党工作，制定主体责任清单。"
    assert first[1].get("整改进展及成效") == "已召开专题会议2次，清单已印发。"
    assert {m.get("整改时限") for m in ledger.problems[1].measures} == {"2025年3月底"}
    # "涉及3个方面、4个问题": 4 problems found; the 方面 are not named, which is said once.
    assert warnings(out) == [
        "有 4 项问题文中没有写所属方面（如审计公告的问题清单），“方面”列留空，请按实际补填。"
    ]


def test_manual_line_breaks(tmp_path):
    ledger, out = run_import(G.line_breaks_notice(tmp_path / "整改进展通报.docx"), tmp_path)
    assert ledger.info["通报标题"] == "中共某区税务局党组关于巡察整改进展情况的通报"
    assert outline(ledger) == [
        ("党的建设方面", [("支部组织生活不规范", 1), ("党员教育培训针对性不强", 1)])
    ]
    assert statuses(ledger) == ["已完成", "正在推进"]
    assert ledger.problems[0].measures[0].get("整改措施") == "制定支部活动计划，规范会议记录。"
    assert warnings(out) == []


REPORTS = [
    (G.county_notice, "县通报.docx"),
    (G.audit_notice, "审计公告.docx"),
    (G.soe_report, "国企报告.docx"),
    (G.two_column_notice, "两栏通报.docx"),
    (G.web_page_txt, "网页通报.txt"),
    (G.stated_counts_txt, "报告.txt"),
    (G.bold_lead_report, "加粗报告.docx"),
    (G.parts_report_txt, "分部分报告.txt"),
    (G.bracketed_notice_txt, "括号状态通报.txt"),
    (G.labelled_report_txt, "标签报告.txt"),
    (G.answered_notice_txt, "巡视通报.txt"),
    (G.bold_problems_notice, "无编号通报.docx"),
    (G.announced_measures_txt, "措施标签报告.txt"),
    (G.line_breaks_notice, "换行通报.docx"),
]


@pytest.mark.parametrize(("build", "name"), REPORTS, ids=[n for _, n in REPORTS])
def test_check_finds_every_status_of_an_imported_report(tmp_path, build, name):
    """A report or notice states every problem's status: after import, ``check`` finds none
    missing or unreadable, and every measure has its text."""
    ledger, _ = run_import(build(tmp_path / name), tmp_path)
    assert all(m.status for m in ledger.measures)
    assert all(m.get("整改措施") for m in ledger.measures)
    output = run_check(next(tmp_path.glob("*.xlsx")))
    assert "“整改状态”是必填项" not in output and "状态未填或无法识别" not in output
    assert "“整改措施”是必填项" not in output


def test_official_layout_pdf_with_a_two_line_title(pdfs, tmp_path):
    """A 公文 PDF: no blank line under a title that wraps to a centred second line, indented
    paragraphs, page numbers. Read like its Word file (the title whole: it decides the kind)."""
    ledger, out = run_import(pdfs["公文格式通报"], tmp_path)
    assert "已导入 整改进展情况通报" in out
    word, out_word = run_import(pdfs["公文格式通报"].with_suffix(".docx"), tmp_path / "word")
    same_ledger(ledger, word)
    assert ledger.info["通报标题"] == word.info["通报标题"]
    assert warnings(out) == warnings(out_word) == []
    assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]
