"""督办通知 for what is late (``ledger-tools duban 台账.xlsx -o 督办通知/``).

A measure is late by the same rule as ``check`` and ``stats``: ``stats.warning_colour`` (红色:
its deadline has passed and it is not 办结; 黄色: due within ``columns.WARN_YELLOW_DAYS`` days).
The measures are grouped by 责任部门 (default; a cell naming several departments counts for each,
as in ``stats``), 责任领导, or 单位 (a 汇总台账: the 全部措施 sheet with a 单位 column). Every group
with a red or yellow measure gets one 督办通知 (.docx, GB/T 9704, the built-in template
``doc_templates/督办通知.docx`` or the user's); groups with nothing late get nothing. 督办汇总.xlsx
lists every group (late or not) and every item.

The reply date is ``reply_days`` working days (Monday to Friday; public holidays are not known)
after the notice's date. The issuing office is the unit's 整改工作领导小组办公室 from 基本信息
(单位名称 and 监督类型).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ledger_tools import clickzh
from ledger_tools.cli import status_map_option
from ledger_tools.clickzh import friendly
from ledger_tools.output import command_arg, one_line

if TYPE_CHECKING:  # the CLI imports this module for --help: the library loads on first use
    from ledger_tools.ledger.model import Ledger, Measure, Problem

GROUPINGS = ("责任部门", "责任领导", "单位")
UNIT_COLUMN = "单位"  # the column a 汇总台账 adds to say which unit a measure belongs to
UNIT_HEADERS = (UNIT_COLUMN, "单位名称", "所属单位", "填报单位")  # also read as that column
SUMMARY_SHEET = "全部措施"  # the 汇总台账 sheet holding every unit's measures
TEMPLATE = "督办通知.docx"
SUMMARY_FILE = "督办汇总.xlsx"
LATE = ("红色", "黄色")
DEFAULT_REPLY_DAYS = 5
SUBJECT = {"责任部门": "你部门负责", "责任领导": "您分管", "单位": "你单位负责"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


@dataclass
class Item:
    """One late 整改时限 cell in a notice: its measure, or the measures split from one cell
    (``parts``), which share that deadline and status and are one warning, as in ``check``
    and ``stats.colour_counts``."""

    measure: Measure
    problem: Problem
    colour: str  # 红色 | 黄色
    days: int  # days left (negative: overdue)
    cell: str  # 整改台账!K12
    parts: list[Measure] = field(default_factory=list)  # all measures of the cell, in order

    def __post_init__(self) -> None:
        self.parts = self.parts or [self.measure]

    @property
    def days_text(self) -> str:
        if self.days < 0:
            return f"超期{-self.days}天"
        return "今日到期" if self.days == 0 else f"还剩{self.days}天"


@dataclass
class Group:
    """Everything one department (leader, unit) has: counts, and its late items."""

    name: str
    measures: int = 0
    closed: int = 0
    colours: dict[str, int] = field(default_factory=lambda: {"红色": 0, "黄色": 0, "绿色": 0})
    items: list[Item] = field(default_factory=list)
    file: str = ""

    @property
    def late(self) -> bool:
        return bool(self.items)


def reply_date(day: dt.date, working_days: int) -> dt.date:
    """``working_days`` Monday-to-Friday days after ``day``."""
    out, left = day, working_days
    while left > 0:
        out += dt.timedelta(days=1)
        if out.weekday() < 5:
            left -= 1
    return out


# "（住建局.xlsx）", "（各单位/住建局.xls）": the file merge adds to a duplicate 单位名称
_FILE_LABEL = re.compile(r"（[^（）]*\.(?:xlsx|xlsm|xls)）$", re.IGNORECASE)


def issuing_office(ledger: Ledger) -> str:
    """ "某区住房和城乡建设局巡察整改工作领导小组办公室" from 基本信息 (【】 where missing)."""
    from ledger_tools.documents.context import missing_mark, text

    unit = text(ledger.info.get("单位名称")) or missing_mark("单位名称")
    sort = text(ledger.info.get("监督类型"))
    sort = "" if sort in ("", "其他") else sort
    return f"{unit}{sort}整改工作领导小组办公室"


# ---------------------------------------------------------------------------------------------
# Grouping


def _names(by: str, units: dict[tuple[str | None, int], str]) -> Any:
    from ledger_tools.ledger.stats import UNFILLED, _departments, _leaders

    if by == "责任部门":
        return _departments
    if by == "责任领导":
        return _leaders
    return lambda m: [units.get(m.place) or UNFILLED]


def groups(
    ledger: Ledger,
    as_of: dt.date,
    by: str = "责任部门",
    units: dict[tuple[str | None, int], str] | None = None,
) -> list[Group]:
    """Every group (in order of first appearance) with its counts and late items (red first,
    most overdue first). ``units``: ``Measure.place`` → 单位, for ``by="单位"``. The colours are
    ``stats.colour_counts`` of the group's measures (one per Excel row), and so are the items:
    the measures split from one cell are one item."""
    from ledger_tools.ledger.stats import COLOURS, colour_counts, long_term_counts, warning_colour
    from ledger_tools.ledger.status import closed_statuses

    if by not in GROUPINGS:
        raise ValueError(f"不支持按“{by}”督办，可选：{'、'.join(GROUPINGS)}")
    closed = closed_statuses(long_term_counts(ledger))
    names_of = _names(by, units or {})
    result: dict[str, Group] = {}
    members: dict[str, list[Measure]] = {}
    late: dict[tuple[str, str | None, int], Item] = {}  # (group, sheet, Excel row) → its item
    for problem in ledger.problems:
        for m in problem.measures:
            colour = warning_colour(m, as_of, closed)
            for name in dict.fromkeys(names_of(m)):
                g = result.setdefault(name, Group(name))
                members.setdefault(name, []).append(m)
                g.measures += 1
                g.closed += m.status in closed
                if colour not in LATE:
                    continue
                at = (name, *m.place)  # (a ledger kept in several sheets: Measure.sheet)
                if at in late:
                    late[at].parts.append(m)
                    continue
                # (warning_colour colours only a measure with a due date)
                assert m.deadline is not None and m.deadline.due is not None
                days = (m.deadline.due - as_of).days
                cell = ledger.origin.cell("整改时限", m.row, m.sheet)
                late[at] = Item(m, problem, colour, days, cell)
                g.items.append(late[at])
    for name, g in result.items():
        counts = colour_counts(members[name], as_of, closed)
        g.colours = {c: counts.get(c, 0) for c in COLOURS}
        g.items.sort(key=lambda i: (LATE.index(i.colour), i.days))
    return list(result.values())


def measures_text(parts: list[Measure]) -> str:
    """The 整改措施 of one cell: the measure, or the measures split from it numbered again
    "（1）…（2）…" as the cell had them."""
    from ledger_tools.documents.context import text

    if len(parts) == 1:
        return text(parts[0].values.get("整改措施"))
    return "".join(f"（{k}）{text(p.values.get('整改措施'))}" for k, p in enumerate(parts, 1))


def unreadable_deadlines(ledger: Ledger) -> int:
    """Measures not 办结 whose 整改时限 cannot be read: they cannot be judged late."""
    return len(unreadable_measures(ledger))


def unreadable_measures(ledger: Ledger) -> list[Measure]:
    """The measures of ``unreadable_deadlines``."""
    from ledger_tools.ledger.stats import long_term_counts
    from ledger_tools.ledger.status import closed_statuses

    closed = closed_statuses(long_term_counts(ledger))
    return [
        m
        for m in ledger.measures
        if m.status not in closed and (m.deadline is None or not m.deadline.is_valid)
    ]


def unreadable_note(ledger: Ledger, path: str, shown: int = 3) -> str:
    """What ``duban`` says of the measures whose 整改时限 cannot be read: how many, the cells
    (by unit in a 汇总台账, whose units must correct their own ledgers) and what to do."""
    measures = unreadable_measures(ledger)
    if not measures:
        return ""

    def cells(ms: list[Measure]) -> str:
        # a cell once, however many measures it holds (“1.……2.……” in one 整改措施 cell)
        places: dict[tuple[str, str], int] = {}
        for m in ms:
            text = one_line(str(m.get("整改时限") or "空"))
            place = (ledger.origin.cell("整改时限", m.row, m.sheet), text)
            places[place] = places.get(place, 0) + 1
        said = "、".join(
            f"{cell}“{text}”" + (f"（{n} 条措施）" if n > 1 else "")
            for (cell, text), n in list(places.items())[:shown]
        )
        return said + ("等" if len(places) > shown else "")

    head = f"注意：有 {len(measures)} 条未办结措施的整改时限无法识别，无法判断是否超期，未纳入督办"
    if UNIT_COLUMN not in ledger.origin.columns:
        return f"{head}（{cells(measures)}）。请先运行 ledger-tools check {command_arg(path)} 查看并改正。"
    units: dict[str, list[Measure]] = {}
    for m in measures:
        units.setdefault(str(m.get(UNIT_COLUMN) or "（未填单位）"), []).append(m)
    listed = "；".join(f"{one_line(u)} {len(ms)} 条：{cells(ms)}" for u, ms in units.items())
    return (
        f"{head}（{listed}）。请通知这些单位在自己的台账中把整改时限写成日期或期限后重新报送，"
        "重新汇总；也可直接在汇总台账的“全部措施”中改正后重新运行。"
    )


# ---------------------------------------------------------------------------------------------
# The document context


def addressee(name: str, by: str) -> str:
    """主送: the department or unit as written; a leader as "陈志远同志". A unit whose name
    two files of the 汇总 share is told apart there by its file ("某区档案馆（档案馆.xlsx）");
    the file is no part of the addressee."""
    if by == "责任领导":
        return _BRACKETED.sub("", name).strip() + "同志"
    if by == "单位":
        return _FILE_LABEL.sub("", name).strip() or name
    return name


def situation(group: Group, by: str) -> str:
    """ "你部门负责的整改措施中，有2条已超过整改时限仍未办结，1条将在10日内到期。" (zero counts left out)."""
    from ledger_tools.ledger import columns as C

    red = sum(1 for i in group.items if i.colour == "红色")
    yellow = len(group.items) - red
    parts = []
    if red:
        parts.append(f"有{red}条已超过整改时限仍未办结")
    if yellow:
        parts.append(f"{'有' if not red else ''}{yellow}条将在{C.WARN_YELLOW_DAYS}日内到期")
    return f"{SUBJECT[by]}的整改措施中，" + "，".join(parts) + "。"


def item_context(n: int, item: Item) -> dict[str, Any]:
    from ledger_tools.documents.context import deadline_text, text

    m = item.measure
    return {
        "序号": n,
        "问题": text(item.problem.title),
        "整改措施": measures_text(item.parts),
        "责任部门": text(m.values.get("责任部门") or m.values.get("牵头部门")),
        "责任人": text(m.values.get("责任人")),
        "整改时限": deadline_text(m),
        "整改状态": m.status or "【整改状态未填】",
        "超期情况": item.days_text,
        "预警": item.colour,
        "位置": item.cell,
    }


def duban_context(
    ledger: Ledger,
    group: Group,
    by: str,
    as_of: dt.date,
    reply_days: int,
    contact: str | None = None,
) -> dict[str, Any]:
    """The context of one 督办通知 (the variables of ``doc_templates/督办通知.docx``).
    ``contact``: the 联系人 (``--contact``); the ledger has no such field, so without it the
    notice says 【联系人未填】 for the clerk to fill in, as it does for a missing 联系电话."""
    from ledger_tools.documents.context import clean, cn_date, info_context, missing_mark, text
    from ledger_tools.documents.titles import break_title

    ctx: dict[str, Any] = dict(info_context(ledger, "plan"))
    sort = ctx.get("监督类型", "")
    sort = "" if sort in ("其他",) or sort.startswith("【") else sort
    red = sum(1 for i in group.items if i.colour == "红色")
    title_lines = break_title(f"关于加快推进{sort}整改工作的督办通知")
    ctx.update(
        {
            "标题行": title_lines,  # the title block's lines, as in the unit's documents
            "标题": "".join(title_lines),
            "整改工作": f"{sort}整改工作",
            "主送": addressee(group.name, by),
            "督办对象": group.name,
            "督办依据": by,
            "督办情况句": situation(group, by),
            "事项列表": [item_context(n, i) for n, i in enumerate(group.items, start=1)],
            "事项数": len(group.items),
            "红色数": red,
            "黄色数": len(group.items) - red,
            "截至日期": cn_date(as_of),
            "回复日期": cn_date(reply_date(as_of, reply_days)),
            "发文机关": issuing_office(ledger),
            "成文日期": cn_date(as_of),
            "联系人": (contact or "").strip() or missing_mark("联系人"),
            "联系电话": text(ledger.info.get("联系电话")) or missing_mark("联系电话"),
        }
    )
    return clean(ctx)


def sample_context() -> dict[str, Any]:
    """A 督办通知 context from ``context.sample_ledger`` (one overdue item): the names the
    template may use, for ``templates check``."""
    from ledger_tools.documents.context import sample_ledger

    ledger = sample_ledger()
    problem = ledger.problems[0]
    item = Item(problem.measures[0], problem, "红色", -10, "整改台账!K2")
    group = Group("示例部门", measures=1, items=[item])
    return duban_context(ledger, group, "责任部门", dt.date(2024, 5, 10), DEFAULT_REPLY_DAYS)


# ---------------------------------------------------------------------------------------------
# Reading (a 汇总台账's 单位 column) and writing


def load_for_duban(
    path: str | os.PathLike[str],
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    today: dt.date | None = None,
) -> tuple[Ledger, dict[tuple[str | None, int], str]]:
    """The ledger (the 全部措施 sheet of a 汇总台账 when there is one and ``sheet`` is not
    given) and its 单位 column (``Measure.place`` → unit; empty when the sheet has none).
    ``today`` is the 督办日期: a deadline without a year takes its year from it, as ``stats
    --today`` reads the ledger."""
    from ledger_tools.ledger.normalise import ledger_from_rawbook
    from ledger_tools.ledger.reading import read_workbook

    raw = read_workbook(path)
    if sheet is None and SUMMARY_SHEET in raw.sheets:
        sheet = SUMMARY_SHEET
    ledger = ledger_from_rawbook(raw, mapping=mapping, sheet=sheet, today=today)
    return ledger, unit_column(ledger, raw)


def unit_column(ledger: Ledger, raw: Any) -> dict[tuple[str | None, int], str]:
    """``Measure.place`` → the 单位 cell (a canonical column if ``columns`` has one, else the
    header named 单位 that the reader kept as unrecognised), on each measure's own sheet (a
    ledger kept in several sheets has one header: the same letter on each). Merged cells were
    filled by the reader."""
    from ledger_tools.ledger.cells import column_index
    from ledger_tools.ledger.columns import normalise_header

    if UNIT_COLUMN in ledger.origin.columns:
        return {m.place: str(m.values.get(UNIT_COLUMN) or "").strip() for m in ledger.measures}
    letters = [k for k, v in ledger.origin.headers.items() if normalise_header(v) in UNIT_HEADERS]
    if not letters:
        return {}
    j = column_index(letters[0])
    out = {}
    for m in ledger.measures:
        rows = raw.sheets[m.sheet or ledger.origin.sheet].rows
        row = rows[m.row - 1] if m.row - 1 < len(rows) else []
        value = row[j] if j < len(row) else None
        out[m.place] = "" if value is None else str(value).strip()
    return out


MAX_NAME_CHARS = 40  # of a group's name in its file name (a name can be a whole sentence)


def file_name(name: str) -> str:
    """``督办通知-<name>.docx`` with what a file name cannot hold (``/ : * ?``, control and
    bidi characters) replaced and the name cut to ``MAX_NAME_CHARS`` characters."""
    safe = _UNSAFE.sub("_", "".join(ch if ch.isprintable() else "_" for ch in name))
    safe = safe.strip("_.")[:MAX_NAME_CHARS].strip("_.")
    return f"督办通知-{safe or '未命名'}.docx"


def file_names(names: list[str]) -> list[str]:
    """One distinct ``file_name`` per group: names that differ only in what a file name cannot
    hold (``办公室/``, ``办公室:``), in case or after the cut get ``-2``, ``-3`` … (one file
    would otherwise replace another, and a 督办通知 be lost)."""
    seen: set[str] = set()
    out = []
    for name in names:
        stem = file_name(name).removesuffix(".docx")
        candidate, k = stem, 2
        while candidate.casefold() in seen:
            candidate, k = f"{stem}-{k}", k + 1
        seen.add(candidate.casefold())
        out.append(f"{candidate}.docx")
    return out


@dataclass
class DubanResult:
    folder: Path
    groups: list[Group]
    files: list[Path]
    summary: Path
    unreadable: int = 0
    unassigned: int = 0  # late measures with nobody to send them to (责任部门 … not filled)


# One 督办通知 per group: each is a document (and with --pdf a LibreOffice conversion). A
# ledger whose every row names another department (a column read as the wrong one, or a crafted
# file of 100 KB) made 2,000 documents in 2 minutes of CPU, 80 MB on disk; a real one has dozens.
MAX_NOTICES = 500


def write_duban(
    ledger: Ledger,
    folder: str | os.PathLike[str],
    as_of: dt.date | None = None,
    by: str = "责任部门",
    units: dict[tuple[str | None, int], str] | None = None,
    reply_days: int = DEFAULT_REPLY_DAYS,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
    pdf: bool = False,
    contact: str | None = None,
) -> DubanResult:
    """One 督办通知 per group with late items, and 督办汇总.xlsx, in ``folder`` (created if
    its parent exists). Existing files are not overwritten unless ``force``."""
    from ledger_tools.documents.render import convert_to_pdf, render_docx
    from ledger_tools.errors import LedgerToolsError, OutputError
    from ledger_tools.output import all_or_none
    from ledger_tools.resources import template_path

    as_of = as_of or dt.date.today()
    if by == "单位" and not units:
        raise LedgerToolsError(
            f"{Path(ledger.origin.path).name} 的“{ledger.origin.sheet}”表没有“单位”列，"
            "不能按单位督办。汇总台账请用“全部措施”表（--sheet 全部措施），或改用 --by 责任部门。"
        )
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise OutputError(
            f"{out} 是一个文件，不是文件夹：督办通知（每个部门一份）和督办汇总表要保存到一个文件夹中。"
            "请用 -o 指定一个文件夹（不存在时自动创建），如 -o 督办通知。"
        )
    if not out.parent.exists():
        raise OutputError(f"输出文件夹的上级文件夹不存在：{out.parent}。请先创建或换一个位置。")
    found = groups(ledger, as_of, by, units)
    from ledger_tools.ledger.stats import UNFILLED

    late = [g for g in found if g.late and g.name != UNFILLED]  # nobody to send it to
    if len(late) > MAX_NOTICES:
        raise LedgerToolsError(
            f"{Path(ledger.origin.path).name} 的“{ledger.origin.sheet}”表中有超期或临期措施的{by}"
            f"共 {len(late):,} 个，每个要生成一份督办通知，超过本工具一次生成的上限 {MAX_NOTICES:,} 份"
            f"（正常的台账只有几十个{by}），未生成。常见的原因是“{by}”列读错了（其他列被当作{by}，"
            f"几乎每行都不同）：请运行 ledger-tools check 查看“读取方式”，必要时用 --map 指明；"
            f"确实有这么多{by}时，请把台账拆分成几本后分别督办。"
        )
    for g, name in zip(late, file_names([g.name for g in late]), strict=True):
        g.file = name
    targets = [out / g.file for g in late] + [out / SUMMARY_FILE]
    if pdf:
        targets += [t.with_suffix(".pdf") for t in targets if t.suffix == ".docx"]
    existing = [t.name for t in targets if t.exists()]
    if existing and not force:
        raise OutputError(
            f"{out} 中已有 {'、'.join(existing[:5])}{'等' if len(existing) > 5 else ''}，"
            "为避免覆盖没有生成。请换一个文件夹，或加 --force 覆盖。"
        )
    with all_or_none(out, targets):
        tpl = Path(template) if template else template_path(TEMPLATE)
        files = []
        for g in late:
            ctx = duban_context(ledger, g, by, as_of, reply_days, contact)
            files.append(
                render_docx(
                    tpl,
                    ctx,
                    out / g.file,
                    ledger.origin.path,
                    overwrite=force,  # the existing files were refused above unless ``force``
                    flag="--force",
                    builtin=template is None,
                )
            )
            if pdf:
                convert_to_pdf(files[-1], overwrite=force)
        summary = write_summary(found, by, as_of, out / SUMMARY_FILE, ledger, overwrite=force)
    unassigned = sum(len(g.items) for g in found if g.name == UNFILLED)
    return DubanResult(out, found, files, summary, unreadable_deadlines(ledger), unassigned)


SUMMARY_HEADER = (
    "序号",
    "措施数",
    "已办结",
    "红色预警",
    "黄色预警",
    "绿色预警",
    "督办",
    "督办通知",
)
ITEM_HEADER = (
    "序号",
    "问题",
    "整改措施",
    "责任人",
    "整改时限",
    "整改状态",
    "超期情况",
    "预警",
    "位置",
)


def write_summary(
    found: list[Group],
    by: str,
    as_of: dt.date,
    dest: Path,
    ledger: Ledger,
    overwrite: bool = True,
) -> Path:
    """督办汇总.xlsx: sheet 督办汇总 (every group, late or not) and 督办事项 (every item); an
    existing ``dest`` is refused unless ``overwrite``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

    from ledger_tools.ledger.dates import format_cn_date
    from ledger_tools.ledger.workbook import append_row, print_as_table
    from ledger_tools.output import atomic_output

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new Workbook's one sheet
    ws.title = "督办汇总"
    late = sum(1 for g in found if g.file)
    append_row(
        ws, [f"督办汇总（截至{format_cn_date(as_of)}，按{by}）：共{len(found)}个，需督办{late}个"]
    )
    ws.append([])
    header = (SUMMARY_HEADER[0], by, *SUMMARY_HEADER[1:])
    ws.append(header)
    for n, g in enumerate(found, start=1):
        append_row(
            ws,
            [
                n,
                g.name,
                g.measures,
                g.closed,
                g.colours["红色"],
                g.colours["黄色"],
                g.colours["绿色"],
                "是" if g.file else "否（未填写，无法督办）" if g.late else "否",
                g.file,
            ],  # fmt: skip
        )
    total = _total_row(found, ledger, as_of, by)
    append_row(ws, total)
    items = wb.create_sheet("督办事项")
    items.append((by, *("时限情况" if h == "超期情况" else h for h in ITEM_HEADER)))
    for g in found:
        for n, i in enumerate(g.items, start=1):
            c = item_context(n, i)
            append_row(items, [g.name, *(c[h] for h in ITEM_HEADER)])
    red = PatternFill(fill_type="solid", start_color="FFC7CE", end_color="FFC7CE")
    yellow = PatternFill(fill_type="solid", start_color="FFEB9C", end_color="FFEB9C")
    for row in items.iter_rows(min_row=2):
        row[8].fill = red if row[8].value == "红色" else yellow
    for sheet, widths in (
        (ws, (6, 24, 8, 8, 9, 9, 9, 6, 30)),
        (items, (16, 6, 24, 40, 10, 14, 10, 14, 6, 14)),
    ):
        for j, w in enumerate(widths, start=1):
            sheet.column_dimensions[chr(64 + j)].width = w
        header_row = 3 if sheet is ws else 1
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
        for row in sheet.iter_rows(min_row=header_row + 1):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=14)
    last = ws.max_row
    for cell in ws[last]:
        cell.font = Font(name=cell.font.name, sz=cell.font.sz, bold=True)
    print_as_table(ws, 3, last, centred=(1, 3, 4, 5, 6, 7, 8), title=True)
    print_as_table(items, 1, items.max_row, centred=(2, 5, 6, 7, 8, 9))
    with atomic_output(dest, ledger.origin.path, overwrite=overwrite, flag="--force") as tmp:
        wb.save(tmp)
    return dest


def _total_row(found: list[Group], ledger: Ledger, as_of: dt.date, by: str) -> list[Any]:
    """合计 of the whole ledger, one per Excel row as ``stats`` counts: a measure that several
    groups share is in each group's row and once here, so the figures agree with ``stats``
    rather than with the column sums."""
    from ledger_tools.ledger.stats import colour_counts, long_term_counts
    from ledger_tools.ledger.status import closed_statuses

    closed = closed_statuses(long_term_counts(ledger))
    measures = ledger.measures
    counts = colour_counts(measures, as_of, closed)
    shared = sum(g.measures for g in found) != len(measures)
    return [
        "合计",
        f"按台账行计，几个{by}共同负责的措施只计一次" if shared else "",
        len(measures),
        sum(1 for m in measures if m.status in closed),
        counts.get("红色", 0),
        counts.get("黄色", 0),
        counts.get("绿色", 0),
        sum(1 for g in found if g.file),
        "",
    ]


# ---------------------------------------------------------------------------------------------
# The command


@click.command("duban", cls=clickzh.Command)
@click.argument("path", metavar="台账.xlsx")
@click.option(
    "-o", "--output", metavar="文件夹", help="输出文件夹（默认：台账所在文件夹下的“督办通知”）。"
)
@click.option(
    "--today", metavar="YYYY-MM-DD", help="督办日期：判断超期和临期、落款日期（默认：今天）。"
)
@click.option(
    "--by",
    type=click.Choice(GROUPINGS),
    default=None,
    help="按谁督办：责任部门（单位台账的默认）、责任领导，或 单位（汇总台账的默认，读“全部措施”表）。",
)
@click.option(
    "--reply-days",
    type=click.IntRange(1, 60),
    metavar="天数",
    default=DEFAULT_REPLY_DAYS,
    show_default=True,
    help="要求在督办日期后几个工作日内回复。",
)
@click.option(
    "--contact",
    metavar="姓名",
    help="督办通知中的联系人（台账不记联系人；不指定时通知中以【联系人未填】标出，请补写后印发）。",
)
@click.option("--template", metavar="T.docx", help="使用自己的督办通知模板。")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF。")
@click.option("--force", is_flag=True, help="覆盖输出文件夹中已有的同名文件。")
@click.option("--sheet", metavar="名称", help="台账所在工作表（汇总台账默认“全部措施”）。")
@click.option("--map", "mapping", multiple=True, metavar="原列名=标准列名", help="同 check。")
@status_map_option()
@friendly
def duban_command(
    path: str,
    output: str | None,
    today: str | None,
    by: str | None,
    reply_days: int,
    contact: str | None,
    template: str | None,
    pdf: bool,
    force: bool,
    sheet: str | None,
    mapping: tuple[str, ...],
) -> None:
    """为有超期（红色）或临期（黄色）措施的部门、领导或单位各生成一份督办通知，并生成督办汇总表。"""
    from ledger_tools.cli import parse_day, parse_mappings

    day = parse_day(today, "--today")
    ledger, units = load_for_duban(path, mapping=parse_mappings(mapping), sheet=sheet, today=day)
    merged = any(units.values())  # a 汇总台账's 全部措施 (or a ledger with a 单位 column)
    if by is None:
        by = "单位" if merged else "责任部门"
        if merged:
            click.echo(
                "这是汇总台账，按单位督办（每个有超期、临期措施的单位一份通知）。"
                "如要按某个单位的责任部门督办，请对该单位自己的台账运行 duban。"
            )
    elif merged and by != "单位":
        click.echo(
            f"注意：这是汇总台账，按{by}督办时，不同单位的同名{by}（如两个单位的“财务科”）"
            "合在一份通知里。按单位督办请加 --by 单位。"
        )
    folder = Path(output) if output else Path(path).resolve().parent / "督办通知"
    result = write_duban(
        ledger,
        folder,
        as_of=day,
        by=by,
        units=units,
        reply_days=reply_days,
        template=template,
        force=force,
        pdf=pdf,
        contact=contact,
    )
    late = [g for g in result.groups if g.file]
    click.echo(f"按{by}：共 {len(result.groups)} 个，其中 {len(late)} 个有超期或临期措施。")
    for g in late:
        red = sum(1 for i in g.items if i.colour == "红色")
        counts = "，".join(
            f"{colour} {n} 条" for colour, n in (("红色", red), ("黄色", len(g.items) - red)) if n
        )
        click.echo(f"  {one_line(g.name)}：{counts} → {folder / g.file}")
    if not late:
        click.echo("没有超期或临期的措施，未生成督办通知。")
    click.echo(f"督办汇总：{result.summary}")
    if result.unassigned:
        click.echo(
            f"注意：有 {result.unassigned} 条超期或临期措施没有填写{by}，无法督办。"
            f"请在台账中补填后重新运行（督办汇总的“督办事项”表列出了这些措施）。"
        )
    if result.unreadable:
        click.echo(unreadable_note(ledger, path))
    missing = [
        what
        for what, value in (("联系人", contact), ("联系电话", ledger.info.get("联系电话")))
        if late and not str(value or "").strip()
    ]
    if missing:
        how = "用 --contact 指定联系人" if "联系人" in missing else ""
        if "联系电话" in missing:
            where = "汇总台账" if UNIT_COLUMN in ledger.origin.columns else "台账"
            how += ("，并" if how else "") + f"在{where}“基本信息”中填写联系电话"
        click.echo(
            f"提示：通知中的{'和'.join(missing)}以{'、'.join(f'【{w}未填】' for w in missing)}标出。"
            f"请在 Word/WPS 中补写，或{how}后加 --force 重新生成。"
        )
    if late and not str(ledger.info.get("单位名称") or "").strip():
        where = "汇总台账" if UNIT_COLUMN in ledger.origin.columns else "台账"
        click.echo(
            f"提示：{where}“基本信息”没有填写单位名称，通知落款以【单位名称未填】标出。"
            f"请在 Word/WPS 中补写，或在{where}“基本信息”中填写单位名称后加 --force 重新生成。"
        )
