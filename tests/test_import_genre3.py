"""``ledger-tools import`` on the third round of genre documents (``tests/genre_docs3.py``):
each written as a real .docx and made into a PDF by LibreOffice (a real text layer), imported
through the real command, the ledger read back and judged as a clerk would — counts, key
cells, statuses, the counts the document states cross-checked against the ones found — and
``check`` run on the written ledger: what it asks for is only what the document never says.
"""

from __future__ import annotations

import datetime as dt

import genre_docs3 as G
import pytest
from office_pdf import convert_to_pdf
from test_import_genre import check_errors, outline, run_check, run_import, statuses, warnings

NAMES = list(G.BUILDERS)


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """Every document as .docx, and as PDF made in one LibreOffice run (when installed)."""
    folder = tmp_path_factory.mktemp("genre3")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.BUILDERS.items()}
    convert_to_pdf(paths.values(), folder)
    return paths


def formats(docs, name):
    """The .docx and, where LibreOffice made it, the PDF of a document."""
    out = [docs[name]]
    if docs[name].with_suffix(".pdf").exists():
        out.append(docs[name].with_suffix(".pdf"))
    return out


def imported(docs, name, tmp_path):
    """[(ledger, output, written workbook)] for the .docx and the PDF."""
    found = []
    for k, path in enumerate(formats(docs, name)):
        ledger, out = run_import(path, tmp_path / str(k))
        found.append((ledger, out, next((tmp_path / str(k)).glob("*.xlsx"))))
    return found


def only_furniture(out: str) -> list[str]:
    """The warnings, less the one saying a PDF's running header was left out."""
    return [w for w in warnings(out) if "不是文稿内容" not in w]


NO_ASPECT = "项问题文中没有写所属方面"


def edited(path, old: str, new: str):
    """The document at ``path`` with ``old`` replaced by ``new`` in its runs (saved in place)."""
    import docx

    d = docx.Document(path)
    for p in d.paragraphs:
        for run in p.runs:
            run.text = run.text.replace(old, new)
    d.save(path)
    return path


# What check may ask for after an import: cells the document leaves empty, never a value the
# importer wrote wrongly.
_EMPTY = ("是必填项", "都没有填写", "没有填写完成时间")


def false_errors(output: str) -> list[str]:
    """The errors ``check`` finds in the imported ledger that are not about an empty cell."""
    lines, inside = [], False
    for line in output.splitlines():
        if line.startswith("错误"):
            inside = True
        elif not line.strip() or not line.startswith("  "):
            inside = False
        elif inside and not any(word in line for word in _EMPTY):
            lines.append(line.strip())
    return lines


# ---------------------------------------------------------------------------------------------


def test_website_notice_measures_inside_prose(docs, tmp_path):
    for ledger, out, xlsx in imported(docs, "网站进展通报", tmp_path):
        assert "识别出 3 个方面、9 项问题、20 条整改措施" in out
        assert [len(p.measures) for p in ledger.problems] == [3, 2, 2, 2, 3, 2, 2, 2, 2]
        assert statuses(ledger) == ["已完成", "已完成", "正在推进"] + ["已完成"] * 5 + ["正在推进"]
        first = ledger.problems[0].measures
        assert first[1].get("整改措施") == "在重点林区新建视频监控点12个，实现火情自动预警。"
        assert {m.get("整改时限") for m in ledger.problems[8].measures} == {"2025年3月底"}
        # "共3个方面9个……已完成整改7项，完成率77.8%" agrees: no warning.
        assert warnings(out) == []
        # The paragraph stating the counts is the notice's own account, not dropped.
        assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]
        assert "完成率77.8%" in ledger.texts[0]["内容"]
        assert ledger.info["反馈日期"] == dt.date(2024, 7, 12)
        # What check asks for is what a notice never says (leaders, units, the deadlines of
        # what is done).
        assert check_errors(run_check(xlsx)) == {"责任领导", "责任部门", "整改时限"}


def test_plan_with_attachment_table_over_pages(docs, tmp_path):
    """Merged, vertically centred cells, the header repeated on every page, rows broken over
    pages: the PDF gives the ledger the Word file gives (read by the cells' borders)."""
    pytest.importorskip("pdfplumber")
    results = imported(docs, "附件清单方案", tmp_path)
    for ledger, out, xlsx in results:
        assert "识别出 3 个方面、12 项问题、26 条整改措施" in out
        assert [a.title for a in ledger.aspects] == [a for a, _ in G.HEALTH_PROBLEMS]
        want = [m for _, ps in G.HEALTH_PROBLEMS for _, ms, *_ in ps for m in ms]
        assert [m.get("整改措施") for m in ledger.measures] == want  # "1." "2." not kept
        third = ledger.problems[2].measures
        assert {(m.get("责任领导"), m.get("责任部门"), m.get("整改时限")) for m in third} == {
            ("刘海燕", "医政科", "2024年9月底前")
        }
        # "3个方面12个问题" and "整改措施26条" agree; "详见附件" is no lost paragraph.
        assert warnings(out) == []
        assert ledger.info["领导小组组长"] == "王建国（委党委书记、主任）"
        # A plan states no progress: only 整改状态 is left for the clerk.
        assert check_errors(run_check(xlsx)) == {"整改状态"}
    if len(results) == 2:
        (pdf, *_), (word, *_) = results[1], results[0]
        cols = ("整改措施", "责任领导", "责任部门", "整改时限")
        assert [[m.get(c) for c in cols] for m in pdf.measures] == [
            [m.get(c) for c in cols] for m in word.measures
        ]


def test_bold_problem_paragraphs_and_nested_measures(docs, tmp_path):
    for ledger, out, _ in imported(docs, "加粗问题报告", tmp_path):
        assert outline(ledger) == [
            (
                "落实党的路线方针政策方面",
                [("乡村振兴产业项目带动作用不明显", 3), ("耕地保护责任落实不严", 3)],
            ),
            ("全面从严治党方面", [("村级财务管理不规范", 3), ("作风建设存在薄弱环节", 2)]),
        ]
        assert statuses(ledger) == ["已完成", "正在推进", "已完成", "长期坚持"]
        # "（1）…（2）…" under "2.建立…机制。" tell how it was done: its progress.
        second = ledger.problems[0].measures[1]
        assert second.get("整改措施") == "建立产业项目联农带农利益联结机制。"
        assert "全年分红18.6万元" in second.get("整改进展及成效")
        # "（1）…；" items end as sentences.
        assert ledger.problems[1].measures[0].get("整改措施").endswith("14宗。")
        assert ledger.problems[2].measures[0].get("整改措施").startswith("对全镇12个村")
        assert warnings(out) == []


def test_audit_report_classes_and_amounts(docs, tmp_path):
    for ledger, out, xlsx in imported(docs, "审计整改报告", tmp_path):
        assert [len(a.problems) for a in ledger.aspects] == [3, 3, 2, 3]
        assert statuses(ledger).count("已完成") == 8
        assert statuses(ledger)[2] == "正在推进" and statuses(ledger)[4] == "正在推进"
        # The amounts stay in the text they were written in.
        assert ledger.problems[1].title == "结转结余资金未及时清理，涉及金额128.4万元"
        assert "6.25万元" in ledger.problems[3].measures[0].get("整改进展及成效")
        assert ledger.problems[2].measures[0].get("整改时限") == "2025年3月底"
        # "问题4类11个……已整改8个，整改率72.7%" agrees.
        assert warnings(out) == []
        assert ledger.info["监督类型"] == "审计"
        assert check_errors(run_check(xlsx)) == {"责任领导", "责任部门", "整改时限"}


def test_audit_report_stating_a_wrong_count(tmp_path):
    path = edited(G.audit_report(tmp_path / "审计整改报告.docx"), "已整改8个", "已整改9个")
    _, out = run_import(path, tmp_path)
    said = [w for w in warnings(out) if "已整改9项" in w]
    assert len(said) == 1 and "已完成8项" in said[0]
    assert any("整改率72.7%" in w and "9/11" in w for w in warnings(out))


def test_two_row_header_list(docs, tmp_path):
    for ledger, out, xlsx in imported(docs, "两行表头清单", tmp_path):
        assert outline(ledger) == [
            (
                "理论学习",
                [("学习贯彻党的创新理论不够系统", 1), ("运用理论指导发展改革工作不够", 1)],
            ),
            (
                "担当作为",
                [("推进重大项目前期工作办法不多", 1), ("优化营商环境举措落实不够到位", 1)],
            ),
            ("作风建设", [("调查研究不够深入", 1), ("文山会海问题仍有反弹", 1)]),
        ]
        assert [m.get("整改时限") for m in ledger.measures] == [
            "6月底前",
            "2024年底前",
            "立行立改",
            "9月底前",
            "长期坚持",
            "长期坚持",
        ]
        assert [m.get("责任人") for m in ledger.measures][:2] == ["周明", "周明"]
        assert statuses(ledger) == [
            "已完成",
            "正在推进",
            "已完成",
            "已完成",
            "长期坚持",
            "长期坚持",
        ]
        assert warnings(out) == []
        output = run_check(xlsx)
        # "6月底前" has no year: check takes the list's year and says so, it is no error.
        assert "“整改时限”" not in "".join(ln for ln in output.splitlines() if "错误" in ln)


def test_life_meeting_report_next_steps(docs, tmp_path):
    for ledger, out, _ in imported(docs, "民主生活会整改报告", tmp_path):
        assert [p.title for p in ledger.problems] == [
            "理论学习与法治实践结合不够紧密",
            "推进公共法律服务体系建设力度不够",
            "矛盾纠纷多元化解机制不够健全",
            "对基层司法所日常监督不够",
        ]
        third = ledger.problems[2].measures
        assert [m.get("整改措施") for m in third][2:] == [
            "推动调解组织向重点行业延伸。",
            "建立调解案例库。",
        ]
        assert [m.status for m in third] == ["正在推进", "正在推进", "未启动", "未启动"]
        # The result belongs to the measures taken, not to the ones still planned.
        assert third[1].get("整改进展及成效") == "调解成功率提升至96%。"
        assert third[3].get("整改进展及成效") is None
        assert ledger.info["监督类型"] == "民主生活会"
        assert warnings(out) == []  # "3个方面4个……已整改完成3个" agrees


def test_measures_and_results_alternating(docs, tmp_path):
    for ledger, out, _ in imported(docs, "措施成效交替报告", tmp_path):
        assert [len(p.measures) for p in ledger.problems] == [3, 2, 2]
        pairs = [(m.get("整改措施"), m.get("整改进展及成效")) for m in ledger.measures]
        assert pairs[1] == (
            "建立农村集体聚餐申报备案制度。",
            "备案农村集体聚餐1,280次，未发生食品安全事故。",
        )
        assert pairs[3] == ("开展电梯安全隐患专项排查。", "排查电梯3,412台，整改隐患215处。")
        assert statuses(ledger) == ["已完成", "正在推进", "已完成"]
        assert warnings(out) == []


def test_printed_document_seal_and_colophon(docs, tmp_path):
    for ledger, out, xlsx in imported(docs, "盖章版记报告", tmp_path):
        assert [len(p.measures) for p in ledger.problems] == [2] * 5
        texts = [m.get("整改措施") for m in ledger.measures]
        assert not any(
            word in t for t in texts for word in ("盖章", "抄送", "印发", "此件", "页", "专报")
        )
        # The 落款, seal line, publication note and 版记 are neither text nor warnings.
        assert [t["章节"] for t in ledger.texts] == ["下一步打算"]
        assert len(ledger.texts) == 1
        assert only_furniture(out) == [
            f"有 5 {NO_ASPECT}（如审计公告的问题清单），“方面”列留空，请按实际补填。"
        ]
        assert ledger.info["报告成文日期"] == dt.date(2024, 7, 12)
        assert ledger.info["党组织名称"] == "中共青川县教育局党组"
        assert "“整改状态”是必填项" not in run_check(xlsx)


def test_table_in_two_parts_with_continued_header(docs, tmp_path):
    for ledger, out, _ in imported(docs, "续表台账", tmp_path):
        assert outline(ledger) == [
            (
                "基层党建方面",
                [
                    ("社区党组织书记队伍老化", 1),
                    ("党员发展程序不规范", 1),
                    ("网格党建作用发挥不够", 1),
                ],
            ),
            ("民生服务方面", [("老旧小区加装电梯推进缓慢", 1), ("社区养老服务供给不足", 1)]),
        ]
        assert statuses(ledger) == ["已完成", "已完成", "长期坚持", "正在推进", "正在推进"]
        assert warnings(out) == []  # "（续表）" is no content
        assert ledger.info["单位名称"] == "西江街道"


def test_full_width_digits(docs, tmp_path):
    for ledger, out, xlsx in imported(docs, "全角数字通报", tmp_path):
        assert [p.title for p in ledger.problems][1] == "意识形态阵地管理存在漏洞"
        assert statuses(ledger) == ["已完成", "已完成", "已完成", "正在推进"]
        assert ledger.problems[3].measures[0].get("整改时限") == "2024年12月底"
        assert "18个文化场馆" in ledger.problems[1].measures[0].get("整改措施")
        assert ledger.info["报告成文日期"] == dt.date(2024, 9, 6)
        assert warnings(out) == []  # "２个方面４个，已整改３个，整改率７５％" agrees
        assert "“整改状态”是必填项" not in run_check(xlsx)


def test_deadlines_every_way_a_plan_writes_them(docs, tmp_path):
    for ledger, out, xlsx in imported(docs, "时限写法方案", tmp_path):
        assert [m.get("整改时限") for m in ledger.measures] == [
            "6月底前",
            "立行立改、长期坚持",
            "2024年底前",
            "长期坚持",
            "2024年5月31日前",
            "9月底前",
        ]
        assert ledger.measures[0].get("责任部门") == "法规审理股"
        assert only_furniture(out) == [
            f"有 3 {NO_ASPECT}（如审计公告的问题清单），“方面”列留空，请按实际补填。"
        ]
        output = run_check(xlsx)
        assert check_errors(output) == {"整改状态", "方面"}  # neither is in a plan without 方面
        # (the 存疑 line under the totals names 整改状态或整改时限 for the empty 整改状态)
        findings = [ln for ln in output.splitlines() if not ln.startswith("存疑")]
        assert "整改时限" not in "".join(ln for ln in findings if "无法识别" in ln)


def test_measures_numbered_one_point_one(docs, tmp_path):
    for ledger, out, _ in imported(docs, "小数编号报告", tmp_path):
        assert [len(p.measures) for p in ledger.problems] == [3, 2, 2]
        first = ledger.problems[0].measures
        assert first[0].get("整改措施") == "修订安全生产责任制，明确各岗位安全职责。"
        # Each measure's own status: "1.1 …已完成。" / "1.3 …正在推进，计划…".
        assert [m.status for m in first] == ["已完成", "已完成", "正在推进"]
        assert first[2].get("整改时限") == "2024年12月底"
        assert statuses(ledger) == ["正在推进", "已完成", "已完成"]
        assert warnings(out) == []


def test_counts_of_measures_stated_and_checked(docs, tmp_path):
    for ledger, out, _ in imported(docs, "措施数通报", tmp_path):
        assert [len(p.measures) for p in ledger.problems] == [3, 2, 2, 2, 2]
        assert ledger.problems[0].measures[2].get("整改措施") == "建立检查结果公示制度。"
        # "细化整改措施11条……完成整改措施9条，措施完成率81.8%" agrees with what was found.
        assert warnings(out) == []


def test_counts_of_measures_that_disagree(tmp_path):
    path = G.measure_counts_notice(tmp_path / "通报.docx")
    _, out = run_import(edited(path, "完成整改措施9条", "完成整改措施10条"), tmp_path)
    said = warnings(out)
    assert any("已完成整改措施10条" in w and "9条" in w for w in said)
    assert any("措施完成率81.8%" in w and "10/11" in w for w in said)


def test_audit_table_with_amount_columns(docs, tmp_path):
    for ledger, out, xlsx in imported(docs, "审计金额表", tmp_path):
        assert statuses(ledger) == ["已完成", "已完成", "正在推进", "已完成"]
        third = ledger.problems[2].measures[0]
        assert third.get("整改时限") == "2024年12月底前"
        assert third.get("整改进展及成效") == "剩余资金计划2024年12月底前上缴。"
        # The amounts have no ledger column: kept in 备注, before the source.
        assert third.get("备注").startswith(
            "问题金额（万元）：58.20；已整改金额（万元）：40.00；来源："
        )
        # "审计发现问题共4个，已整改3个" after the table is no lost paragraph, and agrees.
        assert only_furniture(out) == [
            f"有 4 {NO_ASPECT}（如审计公告的问题清单），“方面”列留空，请按实际补填。"
        ]
        assert "“整改状态”是必填项" not in run_check(xlsx)


@pytest.mark.parametrize("name", NAMES)
def test_every_document_imports_without_lost_lines(docs, tmp_path, name):
    """Every document, both formats: nothing unplaced, no measure without text, no error of
    ``check`` but for cells the document leaves empty, and the same problems and measures from
    the PDF as from the Word file."""
    found = imported(docs, name, tmp_path)
    for ledger, out, xlsx in found:
        assert not any("未能归入台账" in w for w in warnings(out)), out
        assert all(m.get("整改措施") for m in ledger.measures)
        assert false_errors(run_check(xlsx)) == []
    if len(found) == 2 and (name != "附件清单方案" or pytest.importorskip("pdfplumber")):
        word, pdf = found[0][0], found[1][0]
        assert outline(pdf) == outline(word)
        assert statuses(pdf) == statuses(word)


def test_report_with_its_ledger_in_a_landscape_attachment(docs, tmp_path):
    """The body tells measures and results; the attachment's table (its own page, landscape,
    merged and centred cells) adds each measure's 责任单位 and 时限 to them."""
    for ledger, out, xlsx in imported(docs, "横排附件台账报告", tmp_path):
        assert outline(ledger) == [
            ("河湖管护方面", [("河道保洁长效机制不健全", 2)]),
            ("农村供水方面", [("农村饮水安全工程运维不到位", 2)]),
        ]
        cells = [
            (m.get("责任部门"), m.get("整改时限"), m.status, m.get("整改进展及成效"))
            for m in ledger.measures
        ]
        assert cells == [
            ("河湖管理站", "2024年5月底前", "已完成", "全镇河道划分为36个网格，明确网格责任人。"),
            ("河湖管理站", "长期坚持", "长期坚持", "考核结果与保洁经费挂钩。"),
            ("供水管理站", "2024年6月底前", "已完成", "检测合格率100%。"),
            ("财政所", "2024年12月底前", "正在推进", "已申请县级补助资金15万元。"),
        ]
        assert warnings(out) == []  # "详见附件" is no lost line; "反馈问题2个" agrees
        assert check_errors(run_check(xlsx)) == {"责任领导"}


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "反馈的14个问题中，已完成整改12个，正在整改2个，整改完成率85.7%",
            {"问题": 14, "已整改": 12, "整改率": 85.7},
        ),
        (
            "共梳理出问题清单4个方面23个具体问题，制定整改措施86条，目前已完成整改措施80条",
            {"方面": 4, "问题": 23, "措施": 86, "已完成措施": 80},
        ),
        (
            "反馈问题2个方面5个，已完成整改问题4个，完成整改措施9条，措施完成率81.8%",
            {"方面": 2, "问题": 5, "已整改": 4, "已完成措施": 9, "措施完成率": 81.8},
        ),
        (
            "审计发现问题4类11个，已整改8个，整改率72.7%",
            {"方面": 4, "问题": 11, "已整改": 8, "整改率": 72.7},
        ),
    ],
)
def test_stated_counts_of_problems_and_measures(sentence, want):
    from ledger_tools.importing.fields import stated_figures

    found = stated_figures(sentence)
    found.pop("起")
    assert found == want


def test_stated_counts_of_measures_alone():
    """ "制定了62条整改措施，已完成58条": the measures counted without a count of problems."""
    from ledger_tools.importing.fields import measure_figures, stated_figures

    sentence = "针对反馈的问题，制定了62条整改措施，已完成58条"
    assert stated_figures(sentence) is None  # no number of problems
    assert measure_figures(sentence) == {"措施": 62, "已完成措施": 58}


def test_city_notice_headings_naming_problems_over_measure_paragraphs(docs, tmp_path):
    for ledger, out, xlsx in imported(docs, "市局巡察进展通报", tmp_path):
        assert "识别出 3 个方面、8 项问题、11 条整改措施" in out
        assert [p.title for p in ledger.problems][:2] == [
            "大气污染防治攻坚力度不够",
            "固体废物监管存在短板",
        ]
        assert [len(p.measures) for p in ledger.problems][:2] == [3, 2]
        # "该问题正在持续推进中，预计2025年6月底前完成。" is a status sentence.
        second = ledger.problems[1].measures
        assert [(m.status, m.get("整改时限")) for m in second] == [("正在推进", "2025年6月底")] * 2
        assert second[1].get("整改进展及成效") is None
        assert statuses(ledger) == ["已完成", "正在推进"] + ["已完成"] * 5 + ["正在推进"]
        # "3个方面8个问题中，已完成整改6个……75%" agrees.
        assert warnings(out) == []
        assert false_errors(run_check(xlsx)) == []


def test_a_table_going_on_at_a_page_top():
    """How the rows at a page's top go on with the table above the page break."""
    from ledger_tools.importing.pdftables import continue_rows

    title, header = ["问题清单"] * 4, ["序号", "问题", "整改措施", "责任单位"]
    before = [title, header, ["1", "甲问题", "修订管理办法，并", "办公室"]]
    # The header again, then the rest of the row broken over the page: joined to it.
    broken = continue_rows(
        before, [header, ["", "", "报局党组审定。", ""], ["2", "乙", "丙。", "科"]]
    )
    assert broken[2:] == [
        ["1", "甲问题", "修订管理办法，并报局党组审定。", "办公室"],
        ["2", "乙", "丙。", "科"],
    ]
    # A whole new row of the same problem: its merged cells (blank here) from the row above.
    before[2][2] = "修订管理办法。"
    more = continue_rows(before, [["", "", "开展专项检查。", "财务科"], ["", "", "约谈。", ""]])
    assert more[3:] == [
        ["1", "甲问题", "开展专项检查。", "财务科"],
        ["1", "甲问题", "约谈。", ""],
    ]
    # An item number starts a new row, never the rest of one.
    numbered = continue_rows(before, [["", "", "2.开展专项检查", ""]])
    assert numbered[3] == ["1", "甲问题", "2.开展专项检查", "办公室"]
