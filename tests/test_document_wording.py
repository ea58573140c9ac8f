"""The wording rules of docs/文稿生成规则.md, asserted on rendered documents.

Every test renders real .docx files (the built-in templates) from a real .xlsx — the example
ledger, or a second ledger written here into the standard workbook: a unit with a long name,
six long 方面, 60 measures in every status and deadline form, money written four ways — and
reads the text back with python-docx.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest

from ledger_tools.documents import wording as W
from ledger_tools.documents.context import (
    NAME_MARK,
    OVERDUE_MARK,
    build_context,
    sample_text_findings,
)
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.model import Deadline
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.workbook import build_workbook, info_row, write_ledger_row, write_text_row

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
RULES_DOC = ROOT / "docs" / "文稿生成规则.md"
AS_OF = dt.date(2024, 5, 10)
DOCS = {"plan": "整改方案.docx", "report": "整改情况报告.docx", "notice": "整改进展情况通报.docx"}
DEADLINE_FORM = re.compile(r"\d{4}年\d{1,2}月(底|\d{1,2}日)前|立行立改|长期坚持")


def run_cli(*args: Any) -> Any:
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args])


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.text.strip()]


def render_all(ledger: Path, *extra: str) -> dict[str, list[str]]:
    """Render the three documents of ``ledger`` next to it through the CLI; their paragraphs."""
    out = {}
    for kind, name in DOCS.items():
        args = ["plan"] if kind == "plan" else ["report", "--kind", kind]
        result = run_cli(
            *args, ledger, "--as-of", AS_OF.isoformat(), "-o", ledger.parent / name, *extra
        )
        assert result.exit_code == 0, result.output
        out[kind] = paragraphs(ledger.parent / name)
    return out


# ---------------------------------------------------------------------------------------------
# The second ledger: long names, many measures, every status and deadline form.

UNIT = "某省某市某区城市管理和综合行政执法局（区城市管理委员会办公室）"
PARTY = "中共某省某市某区城市管理和综合行政执法局党组"
ASPECTS = [
    "贯彻落实党的理论路线方针政策和党中央决策部署以及省委、市委、区委工作要求方面",
    "落实全面从严治党主体责任和监督责任、推进党风廉政建设和反腐败斗争方面",
    "落实新时代党的组织路线、加强领导班子和干部队伍建设、夯实基层党组织方面",
    "落实巡视巡察、审计、主题教育检视问题和信访举报反映问题整改方面",
    "服务保障民生、解决群众急难愁盼问题和优化营商环境方面",
    "落实意识形态工作责任制和安全生产、城市运行保障责任方面",
]
LEADERS = ["周国强（党组书记、局长）", "吴海燕（党组成员、副局长）", "郑卫东（副局长）"]
PEOPLE = ["钱小红", "冯建军", "褚晓东", "卫丽萍"]
DEPTS = ["办公室", "市容管理科", "执法监督科", "财务审计科"]
DEADLINES = ["2024年6月", "2024-06-30", "常态化推进", "即知即改", "2024年第三季度", "2024年4月15日"]
MONEY = ["4060.5元", "1200.5元", "42300元", "5.09万元"]
STATUSES = ["已完成", "长期坚持", "基本完成", "正在推进", "未启动"]


def second_rows() -> list[dict[str, Any]]:
    rows = []
    n = 0
    for aspect in ASPECTS:
        for _ in range(2):
            n += 1
            for k in range(5):
                i = n * 5 + k
                status = STATUSES[(n + k) % len(STATUSES)]
                deadline = DEADLINES[i % len(DEADLINES)]
                if status in ("已完成", "长期坚持"):
                    finished: Any = dt.date(2024, 4, 1 + k)
                    progress = f"2024年4月{1 + k}日完成第{k + 1}项整改，清退资金{MONEY[i % 4]}，建立台账1本。"
                elif status == "未启动":
                    finished, progress = None, ""
                else:
                    finished, progress = None, f"已完成摸底排查，正在逐项推进第{k + 1}项整改。"
                dept = DEPTS[i % len(DEPTS)]
                rows.append(
                    {
                        "序号": n,
                        "方面": aspect,
                        "问题": f"第{n}个问题：{aspect[:12]}存在薄弱环节",
                        "问题表现": f"反馈的第{n}个问题的具体表现。",
                        "整改措施": f"建立第{n}-{k + 1}项工作机制，明确分工，逐项登记工作台账。",
                        "责任领导": LEADERS[(n + k) % 3],
                        "牵头部门": dept,
                        "责任部门": dept,
                        "责任人": PEOPLE[i % 4],
                        "整改时限": deadline,
                        "整改状态": status,
                        "完成时间": finished,
                        "整改进展及成效": progress,
                        "佐证材料": "会议纪要" if status == "已完成" else None,
                    }
                )
    return rows


SECOND_INFO: dict[str, Any] = {
    "单位名称": UNIT,
    "党组织名称": PARTY,
    "监督类型": "巡察",
    "监督机构": "区委第三巡察组",
    "上级党委": "区委",
    "进驻开始日期": dt.date(2024, 1, 8),
    "进驻结束日期": dt.date(2024, 2, 7),
    "反馈日期": dt.date(2024, 3, 4),
    "集中整改截止日期": dt.date(2024, 5, 31),
    "领导小组组长": "周国强（局党组书记、局长）",
    "领导小组副组长": "吴海燕（局党组成员、副局长）、郑卫东（副局长）",
    "领导小组成员": "各科室主要负责人",
    "领导小组办公室主任": "局办公室主任",  # a role: never "办公室主任任办公室主任"
    "联系电话": "0000-7654321",
    "通信地址": "某市某区某路1号",
    "邮政编码": "000000",
    "电子邮箱": "xc@example.org",
    "方案成文日期": dt.date(2024, 3, 12),
    "报告成文日期": dt.date(2024, 5, 10),
}
SECOND_TEXTS = [
    ("方案", "指导思想", "", "坚持问题导向，以整改实效推动城市管理工作提质增效。"),
    ("方案", "整改目标", "", "反馈问题按期整改到位，长效机制基本健全。"),
    ("方案", "工作要求", "压实责任", f"{UNIT}各科室主要负责人亲自抓。"),
    ("报告", "工作开展情况", "加强组织领导", f"{UNIT}成立整改工作领导小组，周国强同志任组长。"),
    ("报告", "下一步打算", "巩固成果", "持续抓好未完成事项的整改。"),
]


def write_second(path: Path, *, sample_text: bool = False, info: dict | None = None) -> Path:
    """The second ledger in the standard workbook; ``sample_text`` keeps the workbook's
    【示例，请修改】 paragraphs instead of writing real ones."""
    wb = build_workbook(UNIT)
    ws = wb[C.SHEET_INFO]
    for name, value in (info or SECOND_INFO).items():
        ws[f"B{info_row(name)}"] = value
    for r, values in enumerate(second_rows(), start=2):
        write_ledger_row(wb[C.SHEET_LEDGER], r, values)
    if not sample_text:
        text_ws = wb[C.SHEET_TEXT]
        text_ws.delete_rows(2, text_ws.max_row)
        for r, values in enumerate(SECOND_TEXTS, start=2):
            write_text_row(text_ws, r, values)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def second_file(tmp_path_factory) -> Path:
    return write_second(tmp_path_factory.mktemp("second") / "台账.xlsx")


@pytest.fixture(scope="module")
def second(second_file) -> dict[str, list[str]]:
    return render_all(second_file)


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("example")
    shutil.copyfile(EXAMPLE, folder / "示例台账.xlsx")
    return render_all(folder / "示例台账.xlsx")


@pytest.fixture(params=["example", "second"])
def documents(request) -> dict[str, list[str]]:
    return request.getfixturevalue(request.param)


# ---------------------------------------------------------------------------------------------
# 领导小组, 责任, deadlines, money


def test_no_tautology_and_titles_before_names(second, example):
    for docs in (second, example):
        assert not any("办公室主任任办公室主任" in t for t in docs["plan"])
    group = next(t for t in second["plan"] if t.startswith("成立巡察整改工作领导小组"))
    assert "由局党组书记、局长周国强任组长" in group
    assert "局党组成员、副局长吴海燕，副局长郑卫东任副组长" in group
    office = next(t for t in second["plan"] if t.startswith("领导小组下设办公室"))
    assert "由局办公室主任兼任领导小组办公室主任" in office


def test_responsibilities_without_nested_brackets_or_repeats(documents):
    duties = [d for t in documents["plan"] for d in re.findall(r"（责任领导：[^\n]*?）(?=$|\n)", t)]
    assert duties
    for duty in duties:
        inner = duty[1:-1]
        assert "（" not in inner and "(" not in inner, duty  # no job titles inside
        fields = dict(part.split("：", 1) for part in inner.split("；"))
        assert fields.get("牵头部门") != fields.get("责任部门"), duty  # said once
        assert DEADLINE_FORM.fullmatch(fields["完成时限"]), duty


def test_one_deadline_form_per_document(documents):
    for kind, paras in documents.items():
        body = "\n".join(paras)
        for word in ("常态化推进", "即知即改", "持续推进（", "2024年6月）", "2024年第三季度）"):
            assert word not in body, (kind, word)
        for when in re.findall(r"计划于(.+?)完成", body):
            assert DEADLINE_FORM.fullmatch(when), (kind, when)


def amounts(text: str) -> list[str]:
    return re.findall(r"(?<![\d.,])[\d,]+(?:\.\d+)?万?元", text)


def test_one_money_form_per_document(documents):
    from ledger_tools.ledger.stats import money_text

    for kind, paras in documents.items():
        found = amounts("\n".join(paras))
        for amount in found:
            value = W._parse_amount(amount)
            assert value is not None, amount
            assert amount == W.amount_text(value), (kind, amount)  # the one form
            if money_text(float(value)) != amount:  # only where that form would round
                assert "万元" in amount and len(amount.split(".")[1]) > 4, amount
    second_report = "\n".join(documents["report"])
    assert "42300元" not in second_report and "4060.5元" not in second_report


# ---------------------------------------------------------------------------------------------
# Measures: lead + narrative, tense by status


def test_no_plan_text_followed_by_its_progress(example):
    report = "\n".join(example["report"])
    assert "逐次登记学习台账" not in report  # the example
    ledger = load_ledger(EXAMPLE)
    for m in ledger.measures:
        measure = str(m.values.get("整改措施") or "")
        if m.values.get("整改进展及成效") and W.measure_lead(measure) != W.strip_end(measure):
            assert W.strip_end(measure) not in report, measure


def test_lead_and_narrative_or_fused():
    ledger = load_ledger(EXAMPLE)
    ctx = build_context(ledger, "report", as_of=AS_OF)
    first = ctx["方面列表"][0]["问题列表"][0]["措施段落"]
    # the narrative says the lead already: fused, action and result in one
    assert first.startswith("一是2024年3月28日，局党组会议审议通过")
    # a short lead, then the narrative
    assert "二是严格落实“第一议题”制度。自2024年3月12日起" in first


def test_tense_by_status(second, example, second_file):
    report = "\n".join(example["report"])
    # not started: a plan, never reading as done
    assert "四是将于2024年9月底前在在建重点项目推行党建联建" in report
    assert "目前已基本完成，正在持续巩固" not in report
    assert "目前正在推进，计划于2024年6月底前完成。" in report  # in progress: the date it is due
    second_report = "\n".join(second["report"])
    assert "将于" in second_report and "该项工作正在推进" not in second_report
    ledger = load_ledger(second_file)
    ctx = build_context(ledger, "report", as_of=AS_OF)
    said = {}
    for m, p in zip(
        ledger.problems, (p for a in ctx["方面列表"] for p in a["问题列表"]), strict=True
    ):
        for measure, mc in zip(m.measures, p["措施列表"], strict=True):
            said.setdefault(measure.status, []).append(mc["措施及成效"])
    assert set(said) == set(STATUSES)
    for text in said["未启动"]:  # a plan, or said to be late and not started
        assert text.startswith("将") or text.endswith("目前尚未启动。"), text
        assert "完成第" not in text
    for status in ("正在推进", "基本完成"):
        for text in said[status]:  # what is being done, never "完成第…项整改"
            assert "正在逐项推进" in text and "完成第" not in text, text
    for status in ("已完成", "长期坚持"):
        for text in said[status]:  # the result
            assert re.search(r"2024年4月\d日完成第\d项整改", text), text
            assert "逐项登记工作台账" not in text  # not the plan text again


def test_overdue_states_reason_and_new_date(example, second):
    report = "\n".join(example["report"])
    assert "原计划于2024年4月底前完成，因报废资产核销须经区财政局审批" in report
    assert "预计2024年6月底前完成核销" in report
    assert OVERDUE_MARK not in report
    # the second ledger has overdue measures without a 延期说明: visibly marked
    assert OVERDUE_MARK in "\n".join(second["report"])


def test_overdue_without_reason_is_a_check_warning(second_file):
    result = run_cli("check", second_file, "--today", AS_OF.isoformat(), "--format", "json")
    import json

    findings = json.loads(result.output)["findings"]
    assert any(f["rule"] == "overdue-no-reason" for f in findings)
    result = run_cli("check", EXAMPLE, "--today", AS_OF.isoformat(), "--format", "json")
    assert not any(f["rule"] == "overdue-no-reason" for f in json.loads(result.output)["findings"])


# ---------------------------------------------------------------------------------------------
# Self-name, dates, 主送机关


def test_short_self_name_after_first_mention(example, second):
    opening = next(t for t in example["report"] if t.startswith("根据"))
    assert opening.count("某区住房和城乡建设局") == 1 and "我局坚决扛起" in opening
    report = "\n".join(second["report"])
    assert report.count(UNIT) == 1  # the opening names it; the 文稿段落 says 我局
    assert "我局成立整改工作领导小组" in report


def test_each_document_its_own_date(example):
    assert example["plan"][-1] != "2024年5月10日"
    assert "2024年3月11日" in example["plan"]
    assert example["report"][-1] == "2024年5月10日" and example["notice"][-1] == "2024年5月10日"


def test_addressee_in_context():
    ledger = load_ledger(EXAMPLE)
    assert build_context(ledger, "report", as_of=AS_OF)["主送机关"] == "区委巡察工作领导小组"
    ledger.info.pop("主送机关")
    assert build_context(ledger, "report", as_of=AS_OF)["主送机关"] == "【主送机关未填】"
    assert build_context(ledger, "notice", as_of=AS_OF)["主送机关"] == ""


# ---------------------------------------------------------------------------------------------
# The notice, for the public


def test_notice_names_no_one_and_is_shorter(documents):
    ledger_names = LEADERS + PEOPLE + ["陈志远", "王建国", "刘明华", "李淑芬", "周晓梅", "徐敏"]
    notice, report = "\n".join(documents["notice"]), "\n".join(documents["report"])
    for name in W.person_names(ledger_names):
        assert name not in notice, name
    assert len(notice) < 0.8 * len(report)
    # Not the report retitled: beyond headings, the statistics sentence and 文稿段落 borrowed
    # from the report, no paragraph is the report's; no problem paragraph at all.
    shared = set(documents["notice"]) & set(documents["report"])
    assert len([t for t in shared if len(t) > 60]) <= 3
    assert not any(t.startswith("整改措施及结果") for t in documents["notice"])
    assert "欢迎广大干部群众对整改落实情况进行监督" in notice and "联系电话：" in notice
    assert "佐证材料" not in notice and "责任人：" not in notice and "责任领导：" not in notice


def test_a_name_in_public_text_is_marked(second_file):
    ledger = load_ledger(second_file)
    ctx = build_context(ledger, "notice", as_of=AS_OF)
    work = ctx["段落"]["工作开展情况"][0]["内容"]
    assert "周国强" not in work and NAME_MARK in work


# ---------------------------------------------------------------------------------------------
# Refusal while sample text remains


def test_documents_refuse_sample_text_unless_forced(tmp_path):
    ledger = write_second(tmp_path / "台账.xlsx", sample_text=True)
    for args in (["plan"], ["report"], ["report", "--kind", "notice"]):
        result = run_cli(*args, ledger, "--as-of", "2024-05-10", "-o", tmp_path / "x.docx")
        assert result.exit_code == 1, result.output
        assert C.EXAMPLE_MARK in result.output and "文稿段落!D" in result.output
        assert not (tmp_path / "x.docx").exists()
    result = run_cli(
        "report", ledger, "--as-of", "2024-05-10", "-o", tmp_path / "x.docx", "--force"
    )
    assert result.exit_code == 0, result.output


def test_sample_text_only_where_the_document_prints_it(second_file):
    ledger = load_ledger(second_file)
    assert sample_text_findings(ledger, "report") == []
    ledger.texts.append({"文稿": "方案", "章节": "工作要求", "内容": C.EXAMPLE_MARK + "示例"})
    assert sample_text_findings(ledger, "report") == []  # the report does not print it
    assert [f.severity for f in sample_text_findings(ledger, "plan")] == ["error"]


# ---------------------------------------------------------------------------------------------
# The wording functions, and the examples docs/文稿生成规则.md gives for them


@pytest.mark.parametrize(
    "deadline,form",
    [
        (Deadline("period", "2024年6月", dt.date(2024, 6, 30)), "2024年6月底前"),
        (Deadline("date", "2024-06-30", dt.date(2024, 6, 30)), "2024年6月底前"),
        (Deadline("date", "2024-04-15", dt.date(2024, 4, 15)), "2024年4月15日前"),
        (Deadline("period", "2024年第三季度", dt.date(2024, 9, 30)), "2024年9月底前"),
        (Deadline("immediate", "即知即改", dt.date(2024, 5, 31)), "立行立改"),
        (Deadline("long_term", "常态化推进"), "长期坚持"),
        (Deadline("invalid", "下个月"), ""),
    ],
)
def test_deadline_form(deadline, form):
    assert W.deadline_form(deadline) == form


def test_money_in_text_is_exact():
    assert W.money_in_text("清退42300元、4060.5元、1,200.5元，审减186.4万元") == (
        "清退4.23万元、4,060.5元、1,200.5元，审减186.40万元"
    )
    assert W.money_in_text("退回42345元") == "退回4.2345万元"  # never rounded
    assert W.money_in_text("12345热线，2000多元") == "12345热线，2000多元"
    assert W.amount_text(Decimal("8600")) == "8,600元"
    assert W.money_in_text("共清退，8600元") == "共清退，8,600元"


def test_self_name_replaces_the_full_name_outside_document_titles():
    unit = "某区住房和城乡建设局"
    assert W.use_self_name(f"{unit}印发《{unit}公务接待管理办法》", unit, "我局") == (
        f"我局印发《{unit}公务接待管理办法》"
    )
    assert W.use_self_name("区委", "区委", "我委") == "区委"


def test_people_and_duties():
    assert W.names_only("陈志远（党组书记、局长）、王建国(副局长)") == "陈志远、王建国"
    assert W.title_first("陈志远（局党组书记、局长）") == "局党组书记、局长陈志远"
    assert W.duty_text("陈志远（局长）", "办公室", "办公室", "2024年6月底前") == (
        "（责任领导：陈志远；责任部门：办公室；完成时限：2024年6月底前）"
    )
    assert W.duty_text("", "甲科", "甲科、乙科", "长期坚持") == (
        "（牵头部门：甲科；配合部门：乙科；完成时限：长期坚持）"
    )
    names = W.person_names(["张三、办公室、财务科", "李四（副局长）", "各科室主要负责人"])
    assert sorted(names) == ["张三", "李四"]


@pytest.mark.parametrize(
    "unit,name",
    [("某区住房和城乡建设局", "我局"), ("某区档案馆", "我馆"), ("某区某某街道办事处", "我街道"),
     ("某市第一中学", "我校"), ("某区人民医院", "我院"), ("某区某协会", "我单位")],
)  # fmt: skip
def test_self_name(unit, name):
    assert W.self_name(unit) == name


def test_rules_document_examples_hold():
    """Every row "| 台账写法 | 文稿写法 |" of the rules document's deadline table holds."""
    from ledger_tools.ledger.dates import parse_deadline

    text = RULES_DOC.read_text(encoding="utf-8")
    section = text.split("## 整改时限", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", section, flags=re.M)
    assert len(rows) >= 5
    for written, printed in rows:
        deadline = parse_deadline(written, concentrated_end=dt.date(2024, 5, 31))
        assert W.deadline_form(deadline) == printed, written
    section = text.split("## 金额", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", section, flags=re.M)
    assert len(rows) >= 3
    for written, printed in rows:
        assert W.money_in_text(written) == printed, written
