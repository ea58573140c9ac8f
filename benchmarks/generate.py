"""Realistic synthetic 整改台账 workbooks for the benchmarks (benchmarks/README.md).

A generated workbook looks like one a unit keeps by hand: Chinese text of realistic length
(composed from phrase banks, so almost every cell is unique), 4–8 方面, about three measures
per problem, the per-problem columns merged vertically over the problem's measure rows,
整改时限 in every form the reader must understand (date cells, text dates in several
notations, period forms, 立行立改, 长期坚持), every 整改状态, 完成时间 for finished measures,
plus a 基本信息 sheet (every ``INFO_FIELDS`` entry) and a small 文稿段落 sheet so the document
commands work.

The data is valid for ``check --today 2024-05-10`` (warnings such as overdue measures are
expected, errors are not) and deterministic for a given seed.

Written with XlsxWriter, not openpyxl: openpyxl (3.1) stores every string inline in the sheet
XML and, without lxml, escapes each Chinese character as ``&#NNNNN;``; a 100,000-measure sheet
then is 276 MB of XML, about five times what Excel or WPS write for the same data (a shared
string table, UTF-8). Readers would be benchmarked on a file no user has. XlsxWriter writes
the file the way Excel does, and 100,000 measures take about half a minute.

    python benchmarks/generate.py OUT.xlsx --measures 100000 [--seed 0] [--title-row]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from ledger_tools.ledger.columns import (  # noqa: E402
    COLUMNS,
    DEADLINE_SYNONYMS,
    INFO_FIELDS,
    SHEET_INFO,
    SHEET_LEDGER,
    SHEET_TEXT,
    STATUS_DONE,
    STATUS_IN_PROGRESS,
    STATUS_MOSTLY_DONE,
    STATUS_NOT_STARTED,
    STATUS_ONGOING,
    TEXT_COLUMNS,
    TEXT_SECTIONS,
    header_label,
)

OUT_DIR = Path(__file__).resolve().parent / "out"
GENERATOR_VERSION = 3  # bump when the content changes, so cached files are regenerated


def _generator_key() -> str:
    """The version and a digest of what the content is made from: this file and the column
    definitions it reads (INFO_FIELDS, the headers). A cache keyed by the version alone kept
    ledgers made before a 基本信息 field was added, and the goldens recorded on them failed on a
    fresh clone."""
    import hashlib

    from ledger_tools.ledger import columns

    digest = hashlib.sha256()
    for source in (Path(__file__), Path(columns.__file__)):
        digest.update(source.read_bytes())
    return f"{GENERATOR_VERSION}-{digest.hexdigest()[:8]}"


GENERATOR_KEY = _generator_key()  # in the names of the cached files (benchmarks/out/)

# The fictional inspection: the ledger is consistent with check/report as of AS_OF.
FEEDBACK_DAY = dt.date(2024, 1, 15)
CONCENTRATED_END = dt.date(2024, 4, 15)
AS_OF = dt.date(2024, 5, 10)
DATE_FORMAT_CN = 'yyyy"年"m"月"d"日"'

COL_INDEX = {c.name: i for i, c in enumerate(COLUMNS)}
MERGED_COLUMNS = tuple(c.name for c in COLUMNS if c.per_problem)

# ---------------------------------------------------------------------------------------------
# Phrase banks (written for a fictional unit; composed at random so texts rarely repeat).
ASPECTS = (
    "落实党的理论路线方针政策和上级重大决策部署方面",
    "落实全面从严治党战略部署方面",
    "落实新时代党的组织路线方面",
    "落实意识形态工作责任制方面",
    "履行主责主业和推动事业发展方面",
    "落实中央八项规定精神和纠治“四风”方面",
    "财务管理和资产管理方面",
    "落实以往巡察和审计整改方面",
)
TITLE_AREAS = (
    "政治理论学习",
    "理论中心组学习",
    "意识形态工作",
    "党风廉政建设",
    "干部选拔任用",
    "基层党组织建设",
    "党员教育管理",
    "“三会一课”制度",
    "民主集中制",
    "“三重一大”决策",
    "内部控制",
    "财务报销",
    "公务接待",
    "公务用车",
    "政府采购",
    "固定资产管理",
    "合同管理",
    "档案管理",
    "信访举报办理",
    "作风建设",
    "干部教育培训",
    "人才队伍建设",
    "业务指导",
    "安全生产",
    "信息化建设",
    "廉政风险防控",
    "主体责任落实",
    "监督检查",
    "制度建设",
    "工程项目管理",
    "专项资金使用",
    "办文办会",
    "网络安全",
    "考核评价",
)
TITLE_FAULTS = (
    "重视不够",
    "抓得不实",
    "不够规范",
    "存在薄弱环节",
    "执行不到位",
    "流于形式",
    "落实不够有力",
    "监督不够有力",
    "机制不够健全",
    "推进缓慢",
    "存在短板",
    "责任压得不实",
    "针对性不强",
    "深度不够",
    "程序不够严谨",
    "管理比较粗放",
    "整改不够彻底",
    "成效不够明显",
    "履职不够到位",
    "跟踪问效不够",
)
TITLE_SCOPES = ("", "", "", "部分", "个别科室", "下属单位", "基层", "机关")
SYMPTOMS = (
    "{y}年以来，{n}次会议学习内容以传达文件为主，结合本单位实际研讨不深入",
    "抽查发现{n}份会议记录内容不完整，缺少研究讨论情况",
    "对上级部署的重点任务缺少跟踪督办，部分工作推进滞后",
    "有的党员干部对相关规定理解不透，执行中打折扣、搞变通",
    "{y}年共有{n}笔支出未按规定履行审批程序，附件不齐全",
    "相关制度制定于{y}年，多年未修订，已不适应当前工作需要",
    "部门之间职责交叉，存在推诿扯皮现象",
    "检查发现台账登记不及时，账实不符{n}处",
    "对苗头性、倾向性问题发现不及时，处置不果断",
    "专题研究该项工作仅{n}次，研究部署多、督促落实少",
    "年度计划完成率仅为{p}%，未达到预期目标",
    "个别干部担当意识不强，遇到难题绕着走",
    "谈心谈话开展不经常，批评与自我批评辣味不足",
    "培训内容与岗位需求结合不紧，参训率仅{p}%",
    "{n}个项目未按期完成验收，资金支付进度偏慢",
    "监督检查发现的问题整改不彻底，同类问题反复出现",
    "抽查{n}个科室，其中有的科室工作记录缺失",
    "对下属单位的监督指导不够，发现问题{n}个",
    "宣传阵地管理不够规范，审核把关不严",
)
MEASURE_VERBS = (
    "制定",
    "修订完善",
    "组织开展",
    "建立健全",
    "全面梳理",
    "严格执行",
    "定期召开",
    "逐项核查",
    "集中整治",
    "专项检查",
    "细化落实",
    "督促指导",
)
MEASURE_OBJECTS = (
    "《理论学习中心组学习制度》",
    "《“三重一大”事项集体决策实施办法》",
    "《财务报销管理规定》",
    "《公务接待管理办法》",
    "《固定资产管理办法》",
    "《合同管理办法》",
    "专题学习研讨",
    "廉政风险点排查",
    "党员教育培训计划",
    "干部谈心谈话",
    "内部审计",
    "问题清单和责任清单",
    "档案规范化整理",
    "“三会一课”记录检查",
    "警示教育大会",
    "整改工作推进会",
    "公务用车使用登记",
    "采购项目全流程检查",
    "信访件办理情况回头看",
    "制度执行情况评估",
)
MEASURE_TAILS = (
    "明确责任分工和完成时限，确保按期整改到位",
    "做到逐项对账销号，防止问题反弹回潮",
    "每季度至少开展一次，形成常态长效机制",
    "由分管领导牵头，相关科室具体落实",
    "对发现的问题建立台账，实行动态管理",
    "将落实情况纳入年度考核，强化结果运用",
    "举一反三查找同类问题，一并整改",
    "切实把整改成果转化为推动工作的实际成效",
    "结合年度工作计划同步部署、同步推进",
    "及时向领导小组报告进展情况",
    "对整改不力的严肃追责问责",
    "完善工作流程和审批环节，堵塞管理漏洞",
    "邀请专业机构参与，提升工作质量",
    "通过内网公开整改情况，接受干部职工监督",
)
PROGRESS = (
    "{d}召开专题会议研究部署，印发实施方案",
    "已组织专题学习{n}次，参学{m}人次",
    "修订完善制度{k}项，并印发全体干部职工执行",
    "对{y}年以来的{m}份凭证逐一核查，发现问题{n}个，已全部整改",
    "开展专项检查{n}次，督促整改问题{m}个",
    "约谈相关责任人{k}人次，督促其深刻反思、立即整改",
    "建立问题台账，实行清单化管理，已销号{n}项",
    "{d}完成自查自纠，形成自查报告报领导小组审定",
    "相关工作已纳入年度重点任务，按月调度推进",
    "组织开展警示教育{n}场，覆盖党员干部{m}人次",
    "清退违规资金{x}元，已上缴财政国库",
)
EVIDENCE = (
    "会议纪要",
    "学习记录",
    "制度文本",
    "检查通报",
    "整改报告",
    "签到表",
    "自查报告",
    "谈话记录",
    "清退资金凭证",
    "培训通知",
    "工作台账",
    "照片资料",
)
DEPARTMENTS = (
    "办公室",
    "组织人事科",
    "财务审计科",
    "业务指导科",
    "档案管理科",
    "信息技术科",
    "机关党委",
    "纪检组",
    "综合科",
    "法规科",
    "安全保卫科",
    "后勤服务中心",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
GIVEN = "建国华明军平志强伟芳敏静丽杰涛磊洋艳勇娟霞超红刚玲峰文斌辉鹏宇晶云海鑫亮"
GOALS = (
    "问题按期整改到位，相关制度健全完善，长效机制有效运行",
    "思想认识明显提高，工作短板全部补齐",
    "做到问题清零、制度完善、管理规范",
    "同类问题不再发生，监督管理持续加强",
)

# Weighted statuses (all five canonical values, plus a few accepted synonyms).
STATUS_WEIGHTS = (
    (STATUS_DONE, 42),
    (STATUS_ONGOING, 10),
    (STATUS_MOSTLY_DONE, 10),
    (STATUS_IN_PROGRESS, 25),
    (STATUS_NOT_STARTED, 9),
    ("已办结", 2),
    ("整改中", 2),
)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _sentence(rng: random.Random, template: str) -> str:
    return template.format(
        y=rng.choice((2021, 2022, 2023)),
        n=rng.randint(2, 30),
        m=rng.randint(20, 600),
        k=rng.randint(1, 8),
        p=rng.randint(40, 85),
        x=rng.randint(200, 90000),
        d=f"{rng.choice((1, 2, 3, 4))}月{rng.randint(1, 28)}日",
    )


def _text(rng: random.Random, bank: tuple[str, ...], lo: int, hi: int) -> str:
    """Sentences from ``bank`` joined with ；, between about ``lo`` and ``hi`` characters."""
    target = rng.randint(lo, hi)
    order = rng.sample(bank, len(bank))  # no sentence twice in one cell
    parts: list[str] = []
    while order and sum(len(p) + 1 for p in parts) < target:
        parts.append(_sentence(rng, order.pop()))
    text = "；".join(parts)
    if len(text) > hi:  # trim on a sentence boundary, never below one sentence
        while len(parts) > 1 and len("；".join(parts)) > hi:
            parts.pop()
        text = "；".join(parts)
    return text + "。"


def _measure_text(rng: random.Random, lo: int, hi: int) -> str:
    target = rng.randint(lo, hi)
    text = rng.choice(MEASURE_VERBS) + rng.choice(MEASURE_OBJECTS)
    tails = rng.sample(MEASURE_TAILS, len(MEASURE_TAILS))
    while tails and len(text) < target:
        text += "，" + tails.pop()
    return text + "。"


def _title(rng: random.Random, used: set[str], number: int) -> str:
    """A problem title of 10–20 characters, unique in the whole ledger (the same 问题 under
    two 方面 is an error; a huge ledger exhausts the combinations, hence the fallback)."""
    for attempt in range(16):
        # Later attempts name a department, as large ledgers do ("财务审计科公务接待不够规范").
        scope = rng.choice(TITLE_SCOPES) if attempt < 4 else rng.choice(DEPARTMENTS)
        title = scope + rng.choice(TITLE_AREAS) + rng.choice(TITLE_FAULTS)
        while len(title) < 10:
            title = "对" + title if rng.random() < 0.5 else title + "的问题"
        if title not in used:
            break
    else:  # combinations exhausted (tens of thousands of problems): number it
        title = f"{rng.choice(TITLE_AREAS)}{rng.choice(TITLE_FAULTS)}（{number}）"
    used.add(title)
    return title


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _deadline(rng: random.Random, status: str) -> tuple[object, str | None]:
    """(cell value, number format) for 整改时限 in one of the forms people write."""
    if status == STATUS_ONGOING and rng.random() < 0.5:
        return rng.choice(DEADLINE_SYNONYMS["长期坚持"]), None
    day = _day(rng, dt.date(2024, 2, 1), dt.date(2024, 12, 31))
    r = rng.random()
    if r < 0.30:
        return day, DATE_FORMAT_CN
    if r < 0.40:
        return day, "yyyy-mm-dd"
    if r < 0.60:
        notation = rng.choice(
            (
                "{y}-{m:02d}-{d:02d}",
                "{y}/{m}/{d}",
                "{y}.{m}.{d}",
                "{y}年{m}月{d}日",
                "{y}{m:02d}{d:02d}",
            )
        )
        return notation.format(y=day.year, m=day.month, d=day.day), None
    if r < 0.80:
        q = (day.month - 1) // 3
        period = rng.choice(
            (
                f"{day.year}年{day.month}月底前",
                f"{day.year}年{day.month}月",
                f"{day.year}年底",
                f"{day.year}年上半年" if day.month <= 6 else f"{day.year}年下半年",
                f"{day.year}年第{'一二三四'[q]}季度",
                f"{day.year}年{'一二三四'[q]}季度末",
            )
        )
        return period, None
    if r < 0.97:
        return rng.choice(DEADLINE_SYNONYMS["立行立改"]), None
    return rng.choice(DEADLINE_SYNONYMS["长期坚持"]), None


def _finished_day(rng: random.Random) -> tuple[object, str | None]:
    """完成时间: mostly date cells, some text; always between 反馈日期 and AS_OF."""
    day = _day(rng, FEEDBACK_DAY + dt.timedelta(days=1), AS_OF)
    r = rng.random()
    if r < 0.75:
        return day, DATE_FORMAT_CN
    if r < 0.9:
        return f"{day.year}年{day.month}月{day.day}日", None
    return day.isoformat(), None


def _people(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct names: a unit has a handful of leaders and a pool of staff."""
    names: dict[str, None] = {}
    while len(names) < count:
        names[_name(rng)] = None
    return list(names)


def _measure_row(
    rng: random.Random, problem: dict[str, object], staff: list[str]
) -> dict[str, tuple]:
    """One measure row as {column: (value, number_format or None)}."""
    status = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
    row: dict[str, tuple] = {name: (value, None) for name, value in problem.items()}
    row["整改措施"] = (_measure_text(rng, 40, 120), None)
    lead = rng.choice(DEPARTMENTS)
    row["牵头部门"] = (lead if rng.random() < 0.7 else None, None)
    row["责任部门"] = ("、".join(rng.sample(DEPARTMENTS, rng.choice((1, 1, 2)))), None)
    row["责任人"] = (rng.choice(staff) if rng.random() < 0.97 else None, None)
    row["整改时限"] = _deadline(rng, status)
    row["整改状态"] = (status, None)
    finished = status in (STATUS_DONE, STATUS_ONGOING, "已办结")
    row["完成时间"] = _finished_day(rng) if finished else (None, None)
    if status != STATUS_NOT_STARTED:
        row["整改进展及成效"] = (_text(rng, PROGRESS, 60, 200), None)
    if finished and rng.random() < 0.95:
        row["佐证材料"] = ("、".join(rng.sample(EVIDENCE, rng.randint(1, 4))), None)
    if rng.random() < 0.08:
        row["清退资金"] = (round(rng.uniform(100, 50000), 2), None)
    if rng.random() < 0.10:
        row["问责人次"] = (rng.randint(1, 6), None)
    if rng.random() < 0.15:
        row["建立制度"] = (rng.randint(1, 3), None)
    if rng.random() < 0.05:
        row["备注"] = (rng.choice(("涉及多个部门", "需上级部门协调", "已报领导小组审定")), None)
    return row


def _problems(
    rng: random.Random, measures: int, leaders: list[str]
) -> Iterator[tuple[int, dict[str, object], int]]:
    """(序号, per-problem values, measure count) until ``measures`` rows are produced."""
    aspects = list(ASPECTS[: rng.randint(4, 8)])
    used: set[str] = set()
    # Problems are spread over the aspects in blocks, as a feedback report lists them.
    expected_problems = max(1, measures // 3)
    per_aspect = max(1, -(-expected_problems // len(aspects)))
    done, number = 0, 0
    while done < measures:
        number += 1
        aspect = aspects[min((number - 1) // per_aspect, len(aspects) - 1)]
        count = min(rng.choice((1, 2, 3, 3, 3, 4, 5)), measures - done)
        values: dict[str, object] = {
            "序号": number,
            "方面": aspect,
            "问题": _title(rng, used, number),
            "问题表现": _text(rng, SYMPTOMS, 60, 150),
            "整改目标": rng.choice(GOALS),
            "责任领导": rng.choice(leaders),
        }
        yield number, values, count
        done += count


class _Formats:
    """XlsxWriter formats, made once per number format."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.wb = wb
        self.header = wb.add_format({"bold": True, "text_wrap": True, "valign": "vcenter"})
        self.title = wb.add_format({"bold": True, "font_size": 16})
        self.merged = wb.add_format({"text_wrap": True, "valign": "vcenter"})
        self._numbers: dict[str, object] = {}

    def number(self, code: str) -> object:
        if code not in self._numbers:
            self._numbers[code] = self.wb.add_format({"num_format": code})
        return self._numbers[code]


def _write(ws: Worksheet, fmts: _Formats, r: int, c: int, value: object, fmt: str | None) -> None:
    if value is None:
        return
    if isinstance(value, dt.date):
        ws.write_datetime(r, c, value, fmts.number(fmt or DATE_FORMAT_CN))
    elif isinstance(value, str):
        ws.write_string(r, c, value)
    else:
        ws.write_number(r, c, value)


def _write_ledger_sheet(
    wb: xlsxwriter.Workbook, fmts: _Formats, rng: random.Random, measures: int, title_row: bool
) -> None:
    ws = wb.add_worksheet(SHEET_LEDGER)
    for i, col in enumerate(COLUMNS):
        ws.set_column(i, i, col.width)
    header_row = 0  # 0-based, as XlsxWriter counts
    if title_row:
        title = "某区档案馆落实区委第一巡察组反馈意见整改台账"
        ws.merge_range(0, 0, 0, len(COLUMNS) - 1, title, fmts.title)
        ws.write_string(1, 0, f"填报单位：某区档案馆（盖章）    填报日期：{AS_OF:%Y年%m月%d日}")
        header_row = 2
    ws.freeze_panes(header_row + 1, 0)
    for i, col in enumerate(COLUMNS):
        ws.write_string(header_row, i, header_label(col.name), fmts.header)

    leaders = _people(rng, rng.randint(4, 8))  # 班子成员
    staff = _people(rng, min(200, max(20, measures // 50)))  # 责任人
    r = header_row
    for _, problem, count in _problems(rng, measures, leaders):
        first = r + 1
        for _k in range(count):
            r += 1
            row = _measure_row(rng, problem, staff)
            for c, col in enumerate(COLUMNS):
                if not col.per_problem:
                    _write(ws, fmts, r, c, *row.get(col.name, (None, None)))
        for name in MERGED_COLUMNS:
            c = COL_INDEX[name]
            if count > 1:
                ws.merge_range(first, c, r, c, problem[name], fmts.merged)
            else:
                _write(ws, fmts, first, c, problem[name], None)


def _info_value(name: str, kind: str, example: str) -> object:
    dates = {
        "进驻开始日期": dt.date(2023, 10, 9),
        "进驻结束日期": dt.date(2023, 11, 30),
        "反馈日期": FEEDBACK_DAY,
        "集中整改截止日期": CONCENTRATED_END,
        "成文日期": AS_OF,
    }
    if kind == "date":
        return dates.get(name, AS_OF)
    texts = {
        "领导小组组长": "王建华",
        "领导小组副组长": "李明、张丽",
        "领导小组成员": "陈刚、杨芳、黄涛、赵敏",
        "领导小组办公室主任": "周伟",
        "联系电话": "010-12345678",
        "通信地址": "某区某路1号",
        "邮政编码": "100000",
        "电子邮箱": "zhenggai@example.org",
    }
    return texts.get(name, example)


def _write_info_sheet(wb: xlsxwriter.Workbook, fmts: _Formats) -> None:
    ws = wb.add_worksheet(SHEET_INFO)
    ws.set_column(0, 0, 20)
    ws.set_column(1, 1, 44)
    ws.write_string(0, 0, "项目", fmts.header)
    ws.write_string(0, 1, "内容", fmts.header)
    for r, f in enumerate(INFO_FIELDS, start=1):
        ws.write_string(r, 0, f.name)
        # The optional title overrides stay empty: the documents use their default titles.
        if not f.name.endswith("标题"):
            _write(ws, fmts, r, 1, _info_value(f.name, f.kind, f.example), None)


TEXT_ROWS = {
    "指导思想": ("把整改作为重大政治任务", "坚持问题导向，以整改实效推动各项工作提质增效。"),
    "整改目标": ("确保问题全部整改到位", "坚持边查边改、立行立改，确保反馈问题按期清零。"),
    "工作要求": ("压实整改责任", "各责任领导、责任部门要对照台账逐项推进，按时报送进展。"),
    "工作开展情况": (
        "加强组织领导，压实整改责任",
        "成立整改工作领导小组，多次召开专题会议研究推进。",
    ),
    "下一步打算": ("巩固整改成果，健全长效机制", "持续跟踪已完成事项，防止问题反弹回潮。"),
}


def _write_text_sheet(wb: xlsxwriter.Workbook, fmts: _Formats) -> None:
    ws = wb.add_worksheet(SHEET_TEXT)
    ws.set_column(2, 3, 30)
    ws.write_row(0, 0, TEXT_COLUMNS, fmts.header)
    r = 0
    for doc, sections in TEXT_SECTIONS.items():
        if doc == "通报":
            continue  # the 报告 rows serve the notice too, as 全部
        for section in sections:
            r += 1
            ws.write_row(r, 0, (doc if doc == "方案" else "全部", section, *TEXT_ROWS[section]))


def generate_ledger(
    path: str | Path, measures: int, seed: int = 0, title_row: bool = False
) -> Path:
    """Write a synthetic ledger workbook with ``measures`` measure rows to ``path``."""
    if measures < 1:
        raise ValueError("measures must be at least 1")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    tmp = path.with_name(path.name + ".part")
    # Text stays text (never a formula, number or link), as a clerk typed it.
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    wb = xlsxwriter.Workbook(str(tmp), options)
    fmts = _Formats(wb)
    _write_info_sheet(wb, fmts)
    _write_ledger_sheet(wb, fmts, rng, measures, title_row)
    _write_text_sheet(wb, fmts)
    wb.close()
    tmp.replace(path)  # a crash never leaves a half-written cached file
    return path


def cached_ledger(measures: int, seed: int = 0, title_row: bool = False) -> Path:
    """The generated ledger for (measures, seed) in benchmarks/out/, made on first use."""
    suffix = "_title" if title_row else ""
    path = OUT_DIR / f"ledger_v{GENERATOR_KEY}_{measures}_s{seed}{suffix}.xlsx"
    if not path.exists():
        generate_ledger(path, measures, seed, title_row)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="生成用于性能测试的整改台账（合成数据）。")
    parser.add_argument("out", type=Path, help="输出的 .xlsx 路径")
    parser.add_argument("--measures", type=int, default=1000, help="措施行数（默认 1000）")
    parser.add_argument("--seed", type=int, default=0, help="随机种子（默认 0）")
    parser.add_argument("--title-row", action="store_true", help="在表头上方加标题行和填报行")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    generate_ledger(args.out, args.measures, args.seed, args.title_row)
    print(f"已生成 {args.out}（{args.measures} 条措施，用时 {time.perf_counter() - start:.1f} 秒）")


if __name__ == "__main__":
    main()
