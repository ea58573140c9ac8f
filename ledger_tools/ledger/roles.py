"""Column roles decided by what the cells hold, for headers that do not say it plainly.

Real ledgers name columns in many ways, and some names mean different things in different
ledgers: 完成情况 / 进展情况 hold status words (已完成, 推进中) in one ledger and a paragraph of
progress in another; 是否整改完成 is a status column answered 是/否; an unknown header may hold
deadlines. ``assign_by_content`` looks at the distinct values of such columns and reassigns
them, recording every decision in ``Header.reads`` (shown to the user as 读取方式) and
removing the ``unmapped-column`` warning of a column it could place. Only the distinct
values are examined, so the cost does not grow with repeated cells.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ledger_tools.lazyre import lazy
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import clean_text
from ledger_tools.ledger.dates import YearSource, parse_deadline
from ledger_tools.ledger.findings import NOTE, WARNING, Finding
from ledger_tools.ledger.model import ColumnRead
from ledger_tools.ledger.status import leading_status, normalise_status, yes_no_of

if TYPE_CHECKING:
    from ledger_tools.ledger.normalise import Header
    from ledger_tools.ledger.reading import RawSheet

# Deadlines written without a year ("9月30日前") are dates too, whatever the year.
_ANY_YEAR = YearSource(dt.date(2000, 1, 1), "", roll=False)
SAMPLE_ROWS = 5000  # enough to know what a column holds
# Distinct values looked at to place columns whose headers are not known (each is parsed as a
# status and a deadline, tens of microseconds): a ledger has a few such columns, a sheet read
# wrongly or made to be slow (16,000 columns of text) thousands; past this the rest stay unread.
MAX_PROFILED_VALUES = 50_000
# What an unknown column can become by its content (``_place_unknown``).
_PLACEABLE = ("整改状态", "整改时限", "完成时间", "整改进展及成效")
SHARE = 0.6  # the share of filled cells that must agree
NARRATIVE_LENGTH = 12
SHORT_WORD = 8  # mean characters of a column of status-like words  # mean characters of a progress paragraph (status words are short)
# Headers that may name the progress column when their cells are narrative.
_PROGRESS_HINT = ("进展", "成效", "情况", "落实", "进度")
# Headers that may name 完成时间 rather than 整改时限 when their cells are dates.
_FINISH_HINT = ("实际", "办结", "销号", "完成日期", "完成时间")
_DEADLINE_HINT = ("时限", "期限", "计划", "预计", "截止", "目标")


# Words only a deadline holds (a finish date is a day that has passed): "2024年6月底前".
_BEFORE = lazy(r"前\s*$|之前|以前|前完成")


class Profile:
    """What a column's filled cells are: status words, yes/no, dates, or narrative."""

    def __init__(self, values: list[Any], vocabulary: dict[str, str]) -> None:
        counts = Counter(v for v in values if v is not None and v != "")
        self.filled = sum(counts.values())
        self.distinct = len(counts)  # (what profiling it cost)
        status = yes_no = dates = length = deadline_only = 0
        for value, n in counts.items():
            text = clean_text(value) if isinstance(value, str) else value
            if text.__class__ is bool:
                text = yes_no_of(text)  # a WPS/Excel check box's linked cell: TRUE / FALSE
            if text is None:
                self.filled -= n
                continue
            if isinstance(text, str):
                length += len(text) * n
                if normalise_status(text, vocabulary) is not None:
                    status += n
                if text in C.STATUS_YES_NO:
                    yes_no += n
            kind = parse_deadline(text, year_from=_ANY_YEAR).kind
            if kind not in ("invalid", "empty"):
                dates += n
            if kind in ("immediate", "long_term") or (
                isinstance(text, str) and kind != "invalid" and _BEFORE.search(text)
            ):
                deadline_only += n
        total = max(self.filled, 1)
        self.status = status / total
        self.yes_no = yes_no / total
        self.dates = dates / total
        self.mean_length = length / total
        self.deadline_only = deadline_only / total  # 立行立改, 长期坚持, …前

    @property
    def statuses(self) -> bool:
        """Mostly status words; or short words of which a good part are statuses (the rest
        are the unit's own words, which ``check`` then asks about)."""
        return self.filled > 0 and (
            self.status >= SHARE or (self.status >= 0.3 and self.mean_length <= SHORT_WORD)
        )

    @property
    def narrative(self) -> bool:
        return self.filled > 0 and self.status < 0.3 and self.mean_length >= NARRATIVE_LENGTH


def assign_by_content(
    ws: RawSheet, header: Header, stop: int, vocabulary: dict[str, str], sources: bool = True
) -> None:
    """Reassign ambiguous and unknown columns of ``header`` by their content (in place). With
    ``sources``, a 问题来源 column may be the 方面 (``_aspect_from_source``)."""
    _guide_row(ws, header)
    _unit_row(ws, header)
    _status_from_ticks(ws, header, stop)
    _progress_from_months(ws, header, stop, vocabulary)
    _latest_stage(ws, header, stop, vocabulary)
    # Rows holding one text only (grouping headings merged across, notes) say nothing about
    # what a column holds.
    rows = [
        r
        for r in ws.rows[header.data_start : min(stop, header.data_start + SAMPLE_ROWS)]
        if len({v for v in r if v is not None and v != ""}) > 1
    ]

    profiles: dict[int, Profile] = {}

    def profile(j: int) -> Profile:
        if j not in profiles:
            profiles[j] = Profile([r[j] if j < len(r) else None for r in rows], vocabulary)
        return profiles[j]

    _check_alias_columns(header, profile)
    _beyond_a_gap(ws, header, stop)
    _template_pairs(ws, header)
    if "完成时间" not in header.columns:
        _finish_from_closing(header)
    # (a column known not to be used, 配合单位 …, has a detail and stays where it is)
    budget = MAX_PROFILED_VALUES
    for read in [r for r in header.reads if r.how == "未识别" and not r.detail]:
        if all(t in header.columns for t in _PLACEABLE) and not _yes_no_name(read):
            continue  # nothing left it could become (its content changes nothing)
        if budget <= 0:
            break  # thousands of unknown columns: the sheet is read wrongly, or made so
        _place_unknown(header, read, profile)
        budget -= profile(_index(read.letter)).distinct
    if "整改时限" not in header.columns and "完成时间" in header.columns:
        _deadline_in_finish_column(header, profile)
    if "整改状态" not in header.columns:
        _status_from_percent(header, rows, profile)
    if "整改状态" not in header.columns:
        _status_from_lights(header, profile)
    if "责任领导" not in header.columns:
        _leader_from_head(header)
    if not any(d in header.columns for d in C.DEPARTMENT_COLUMNS):
        _department_from_audited(header)
    if "方面" not in header.columns and sources:
        _aspect_from_source(ws, header, rows, stop)
    if "整改状态" not in header.columns and "整改进展及成效" in header.columns:
        _status_from_progress(header, rows, vocabulary)
    if "整改状态" not in header.columns and "备注" in header.columns:
        _status_in_remarks(header, rows, vocabulary)
    if "问题" not in header.columns and "整改措施" in header.columns:
        _problem_as_task(header)
    if "问题" not in header.columns and "问题表现" in header.columns:
        # 具体问题 / 问题描述 is the only problem column: it is the problem.
        j = header.columns.pop("问题表现")
        _move(header, j, "问题", "台账没有单独的“问题”列，这一列就是问题")
    if "问题" not in header.columns and "整改措施" in header.columns:
        _problem_as_opinion(header)
    if "整改状态" in header.columns:
        header.percent_status = _percent_scale(rows, header.columns["整改状态"], vocabulary)
        _closing_disagrees(ws, header, stop, vocabulary)
        _lagging_beside(ws, header, stop, vocabulary)
    if ws.hidden_cols:
        _hidden_unknown(ws, header)


# A cell under a header saying only its unit: （万元）, 单位：元, (%), 年月日.
_UNIT_CELL = re.compile(
    r"^[（(]?\s*(?:单位[:：]?)?\s*(万元|元|亿元|千元|%|％|项|个|件|人次|人|条|年月日|年/月/日)\s*[)）]?$"
)


# A 填表说明 row under the header: its label in the first cell, or cells telling what to write
# ("填写具体日期，如2025年6月30日", "下拉选择：已完成/正在推进/未启动", "按反馈意见填写").
_GUIDE_LABEL = re.compile(
    r"^(?:填表|填写|填报)(?:说明|要求|提示|须知)[:：]?$|^(?:说明|要求)[:：]?$"
)
_GUIDE_CELL = re.compile(
    r"^(?:请|须|应|由)?(?:如实|据实|准确|按实际|简要)?(?:填写|填报|填入|下拉选择|从下拉|下拉菜单|选择|选填|必填|按)"
    r"|填写$|^（?(?:必填|选填)）?$"
)


def _guide_row(ws: RawSheet, header: Header) -> None:
    """The row under the header tells what to write in each column (a 填表说明 row the unit
    keeps in its template): part of the header, not a measure."""
    at = header.data_start
    if at >= len(ws.rows):
        return
    cells = [str(v).strip() for v in ws.rows[at] if v is not None and str(v).strip()]
    if len(cells) < C.HEADER_MIN_KNOWN:
        return
    guides = sum(1 for v in cells if _GUIDE_CELL.search(v))
    labelled = bool(_GUIDE_LABEL.match(cells[0]))
    if guides < C.HEADER_MIN_KNOWN or (not labelled and guides * 2 < len(cells)):
        return
    header.guide_row = at + 1
    header.data_start += 1


def _unit_row(ws: RawSheet, header: Header) -> None:
    """The row under the header holds only units (（万元） under 追回资金, （%） …): it is part of
    the header, not a measure, and each unit is the unit of its column (an amount in 万元 is
    read × 10,000, as under 追回资金（万元）)."""
    at = header.data_start
    if at >= len(ws.rows):
        return
    cells = {j: v for j, v in enumerate(ws.rows[at]) if v is not None and v != ""}
    units = {j: m.group(1) for j, v in cells.items() if (m := _UNIT_CELL.match(str(v).strip()))}
    copies = {j for j, v in cells.items() if v == header.texts.get(j)}  # merged down
    if not units or len(units) + len(copies) < len(cells):
        return
    header.data_start += 1
    for j, unit in units.items():
        text = header.texts.get(j)
        if text is None or unit in text:
            continue
        header.texts[j] = f"{text}（{unit}）"
        for read in header.reads:
            if read.header == text and _index(read.letter) == j:
                read.header = header.texts[j]


def _beyond_a_gap(ws: RawSheet, header: Header, stop: int) -> None:
    """Unknown columns right of the table past a column left wholly blank (no header, no cell
    filled down the table): another thing the unit keeps beside its ledger (a box of counts
    "统计 | 已完成 2 | 正在推进 1", a note for itself), not a column of it. A note, not a
    warning asking to map them; they are not read, whatever they hold."""
    from ledger_tools.ledger.cells import column_letter

    if not header.columns:
        return
    right = max(header.columns.values())
    unknown = [
        r
        for r in header.reads
        if r.how == "未识别" and not r.detail and _index(r.letter) > right + 1
    ]
    if not unknown:
        return
    rows = ws.rows[header.row : stop]
    first = min(_index(r.letter) for r in unknown)
    gap = next(
        (
            g
            for g in range(right + 1, first)
            if g not in header.texts
            and all(g >= len(row) or row[g] is None or row[g] == "" for row in rows)
        ),
        None,
    )
    if gap is None:
        return
    blank = column_letter(gap)
    for read in unknown:
        read.detail = f"台账右侧隔着空白的 {blank} 列，是表格之外的内容，本工具不使用"
        header.notes = [
            replace(
                n,
                rule="unused-column",
                severity=NOTE,
                message=f"列“{read.header}”在台账右侧、隔着整列空白的 {blank} 列，是表格之外的"
                "内容（如统计框、自用的备查记录），不是台账的列，校验、统计和文稿都不使用它，"
                "已原样保留。",
            )
            if n.rule == "unmapped-column" and n.column == read.letter
            else n
            for n in header.notes
        ]


def _hidden_unknown(ws: RawSheet, header: Header) -> None:
    """An unknown column the unit has hidden (a helper column of its own formulas or keys) is
    not what the clerk reports: a note, not a warning asking to map it."""
    for read in header.reads:
        if read.how != "未识别" or read.detail or _index(read.letter) not in ws.hidden_cols:
            continue
        read.detail = "隐藏列，本工具不使用"
        header.notes = [
            replace(
                n,
                rule="unused-column",
                severity=NOTE,
                message=f"列“{read.header}”是隐藏列（单位自用的辅助列），不是可识别的台账列，"
                "校验、统计和文稿都不使用它，已原样保留。",
            )
            if n.rule == "unmapped-column" and n.column == read.letter
            else n
            for n in header.notes
        ]


def _status_from_percent(
    header: Header, rows: list[list[Any]], profile: Callable[[int], Profile]
) -> None:
    """No status column, and a 完成进度 / 完成比例（%） column of numbers (100, 60, 0) or of
    percentages written as text ("100%", "60%"): it is the status, read as percentages
    (``_percent_scale``; the text by ``status._PERCENT``)."""
    for read in header.reads:
        if (
            read.column is not None
            or C.unused_column(C.normalise_header(read.header)) != "完成进度"
        ):
            continue
        j = _index(read.letter)
        if _percent_scale(rows, j) is not None or profile(j).status >= SHARE:
            _move(header, j, "整改状态", "台账没有整改状态列，这一列是完成百分比")
            return


def _problem_as_task(header: Header) -> None:
    """No 问题 column, and a 整改任务 column left of the 整改措施 (督察整改 清单: 整改任务 |
    整改目标 | 整改措施): the task is what is to be put right — the problem — not a second
    name of the measures."""
    measures = header.columns["整改措施"]
    for read in header.reads:
        j = _index(read.letter)
        if (
            read.how == "重复"
            and j < measures
            and "任务" in read.header
            and C.canonical_column(C.normalise_header(read.header)) == "整改措施"
        ):
            why = "台账没有“问题”列，整改措施左边的这一列（要整改的任务）就是问题"
            _move(header, j, "问题", why)
            return


# The inspectors' opinion (督导意见): the sign-off of a measure done when it stands right of the
# measures; the finding itself — what is to be put right — when left of them and there is no
# 问题 column (学校 督导整改: 督导项目 | 督导意见 | 整改措施).
_OPINIONS = frozenset(("督导意见", "督查意见", "督办意见"))


def _problem_as_opinion(header: Header) -> None:
    """No 问题 column, and a 督导意见 column left of the 整改措施: it is the problem."""
    measures = header.columns["整改措施"]
    for read in _unused_kind(header, "验收审核"):
        j = _index(read.letter)
        if C.normalise_header(read.header) in _OPINIONS and j < measures:
            why = "台账没有“问题”列，整改措施左边的这一列（督导、督查指出的问题）就是问题"
            _move(header, j, "问题", why)
            return


def _unused_kind(header: Header, kind: str) -> list[ColumnRead]:
    """The columns left unread as the known unused ``kind`` (C.UNUSED_HEADERS)."""
    return [
        r
        for r in header.reads
        if r.column is None and C.unused_column(C.normalise_header(r.header)) == kind
    ]


def _status_from_lights(header: Header, profile: Callable[[int], Profile]) -> None:
    """No status column, and a 亮灯情况 column whose 绿灯/黄灯/红灯 a legend on the sheet
    explains (``legends``: in the vocabulary): it is the status."""
    for read in _unused_kind(header, "亮灯情况"):
        p = profile(_index(read.letter))
        if p.filled and p.status >= SHARE:
            why = f"台账没有整改状态列，这一列{_share(p.status)}的单元格是表中图例说明了含义的颜色或状态用语"
            _move(header, _index(read.letter), "整改状态", why)
            return


def _leader_from_head(header: Header) -> None:
    """No 责任领导 column, and one of 主要领导 / 第一责任人: the leader who answers for the
    problem is that one (beside a 分管领导 column it stays unread)."""
    for read in _unused_kind(header, "主要领导"):
        why = "台账没有“责任领导”（分管领导）列，这一列就是责任领导"
        _move(header, _index(read.letter), "责任领导", why)
        return


# The short "where it stands" column a template puts beside its progress narrative (整改落实情况
# | 目前进展): kept beside it, not a second progress column to choose between.
_CURRENT_STATE = frozenset(("目前进展", "当前进展", "最新进展", "目前进展情况", "当前进展情况"))
# The task a template names beside its measures (整改任务 | 整改措施): what is to be achieved.
_TASK = frozenset(("整改任务", "任务"))


def _template_pairs(ws: RawSheet, header: Header) -> None:
    """Two columns of a 上级's template that name one column (``normalise`` keeps the first and
    warns of the second), read as the template means them: 整改任务 beside 整改措施 is the
    整改目标 (when there is none); 目前进展 beside 整改落实情况 is the short state of the same
    progress, kept with a note (the documents quote the narrative)."""
    from ledger_tools.ledger.cells import column_letter

    for read in [r for r in header.reads if r.how == "重复"]:
        key = C.normalise_header(read.header)
        name = C.header_column(read.header)
        j = _index(read.letter)
        if name == "整改措施" and key in _TASK and "整改目标" not in header.columns:
            first = column_letter(header.columns["整改措施"])
            why = f"“{read.header}”与 {first} 列“整改措施”并列，是每个问题要完成的任务，按整改目标读取"
            _move(header, j, "整改目标", why)
            read.how = "别名"
        elif name == "整改进展及成效":
            progress = header.columns[name]
            if key in _CURRENT_STATE:
                _current_state_kept(ws, header, read, progress)
            elif C.normalise_header(header.texts.get(progress, "")) in _CURRENT_STATE:
                # 目前进展 | 整改落实情况: the narrative to its right is the progress
                kept = next(r for r in header.reads if r.letter == column_letter(progress))
                header.columns[name] = j
                read.column, read.how = name, "别名"
                read.detail = f"“{read.header}”是“{name}”的常见写法"
                header.notes = [
                    n
                    for n in header.notes
                    if not (n.rule == "duplicate-column" and n.column == read.letter)
                ]
                kept.column = None
                _current_state_kept(ws, header, kept, j)


def _current_state_kept(ws: RawSheet, header: Header, read: ColumnRead, progress: int) -> None:
    """``read`` (目前进展) is the short state beside the progress column ``progress``: kept,
    with a note (no duplicate-column warning)."""
    from ledger_tools.ledger.cells import column_letter

    first = column_letter(progress)
    shown = header.texts.get(progress, "")
    read.detail = f"与 {first} 列“{shown}”并列的目前进展，文稿引用 {first} 列"
    read.how = "未识别"
    header.notes = [
        n for n in header.notes if not (n.rule == "duplicate-column" and n.column == read.letter)
    ] + [
        Finding(
            "unused-column",
            NOTE,
            f"列“{read.header}”是与 {first} 列“{shown}”并列的目前进展（上级模板常这样设列），"
            f"报告和通报引用 {first} 列，这一列已原样保留，不需要修改。",
            ws.name,
            header.row + 1,
            read.letter,
            "",
            read.header,
        )
    ]


def _lagging_beside(ws: RawSheet, header: Header, stop: int, vocabulary: dict[str, str]) -> None:
    """A 序时进度 column beside the status (正常 / 滞后; 是否达到序时进度 否; 是否滞后 是): each
    row it marks as lagging while its status is not finished gets the marked-lagging warning
    the status cell itself would (``schema``: 滞后序时进度 in the status), on this column's
    cell; the status is read as written."""
    from ledger_tools.ledger.cells import column_letter
    from ledger_tools.ledger.status import marks_lagging

    status_j = header.columns["整改状态"]
    reason_j = header.columns.get("延期说明")
    for read in _unused_kind(header, "序时进度"):
        key = C.normalise_header(read.header)
        j = _index(read.letter)
        # the answer that says it lags: 否 to 是否达到序时进度, 是 to 是否滞后
        lagging = ("是" if "滞后" in key else "否") if "是否" in key else None
        for r in range(header.data_start, min(stop, len(ws.rows))):
            row = ws.rows[r]
            value = clean_text(row[j]) if j < len(row) and isinstance(row[j], str) else None
            if not value or not (value == lagging if lagging else marks_lagging(value)):
                continue
            said = row[status_j] if status_j < len(row) else None
            status = normalise_status(said, vocabulary)
            if status is None or status in C.FINISHED_STATUSES or marks_lagging(said):
                continue
            reason = (
                reason_j is not None and reason_j < len(row) and row[reason_j] not in (None, "")
            )
            header.notes.append(
                Finding(
                    "marked-lagging",
                    WARNING,
                    f"“{read.header}”一栏写的是“{value}”，台账自己标注了进度滞后（整改状态“{said}”"
                    f"按“{status}”统计）。请督促加快推进"
                    + (
                        "。"
                        if reason
                        else "，并在“延期说明”（滞后原因）列写明滞后原因和下步措施，报告和通报会引用。"
                    ),
                    ws.name,
                    r + 1,
                    column_letter(j),
                    "整改状态",
                    value,
                )
            )


def _finish_from_closing(header: Header) -> None:
    """No 完成时间 column, and a 销号时间 one: the day the item was verified and struck off is
    the latest the work can have been done by — read as the 完成时间, and said so (beside a
    完成时间 column it stays unread: the clerk keeps both)."""
    for read in _unused_kind(header, "销号时间"):
        why = (
            f"台账没有“完成时间”列，按“{read.header}”（验收销号的日期）读取完成时间；"
            "实际完成可能早于销号，逾期完成的提示请按实际完成日期核实"
        )
        _move(header, _index(read.letter), "完成时间", why)
        read.how = "别名"  # (by its header, not its content)
        return


def _department_from_audited(header: Header) -> None:
    """No 责任部门 (nor 牵头部门) column, and a 被审计单位 one: in an 审计整改台账 of several
    audited units each unit rectifies its own findings — it is the 责任部门."""
    for read in _unused_kind(header, "被审计单位"):
        why = "台账没有“责任部门”列，被审计单位就是落实整改的单位"
        _move(header, _index(read.letter), "责任部门", why)
        return


# A row of the table that is a heading ("一、政治建设方面", "（二）审计发现问题"): where the
# table has such rows, they say the 方面.
_HEADING_ROW = lazy(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)"
    r"|方面[:：]?$"
)
# The 问题来源 headers that name a source (巡视反馈 / 审计发现 / 自查发现). Not those that say how
# a complaint came in (信访形式: 来信 / 来访), nor the group or batch that found it (督查组,
# 交办批次: the 方面 of such a ledger is asked for).
_SOURCE_WORDS = ("来源", "出处")


def _aspect_from_source(ws: RawSheet, header: Header, rows: list[list[Any]], stop: int) -> None:
    """No 方面 column and no heading rows, and a 问题来源 / 反馈来源 column (巡视反馈 / 审计发现 /
    自查发现) whose words group the rows: the problems are grouped by where they came from, and
    that is the 方面 the documents group them under."""
    for r in ws.rows[header.data_start : min(stop, header.data_start + SAMPLE_ROWS)]:
        texts = {v for v in r if v is not None and v != ""}
        if len(texts) == 1 and _HEADING_ROW.search(str(next(iter(texts))).strip()):
            return
    for read in _unused_kind(header, "问题来源"):
        if not any(w in C.normalise_header(read.header) for w in _SOURCE_WORDS):
            continue
        j = _index(read.letter)
        values = [
            v
            for r in rows
            if j < len(r) and (v := clean_text(r[j]) if isinstance(r[j], str) else None)
        ]
        kinds = len(set(values))
        if len(values) < SHARE * len(rows) or not 2 <= kinds < len(values):
            continue
        why = f"台账没有“方面”列，问题按这一列的{kinds}种来源分组，来源即方面"
        _move(header, j, "方面", why)
        return


def _closing_disagrees(ws: RawSheet, header: Header, stop: int, vocabulary: dict[str, str]) -> None:
    """整改状态 and a second status column left unread (是否销号 answered 是/否) that say
    different things: 已整改 but not 销号 may be 已完成 or 基本完成 (待销号). Not decided here:
    the duplicate-column warning of that column says which rows differ and which was counted."""
    from ledger_tools.ledger.cells import column_letter

    status = header.columns["整改状态"]
    for read in [r for r in header.reads if r.how == "重复"]:
        if C.canonical_column(C.normalise_header(read.header)) != "整改状态":
            continue
        j = _index(read.letter)
        differ = [
            r + 1
            for r in range(header.data_start, stop)
            if j < len(row := ws.rows[r])
            and status < len(row)
            and isinstance(row[j], str)
            and row[j].strip() in ("否", "×")
            and normalise_status(row[status], vocabulary) in C.FINISHED_STATUSES
        ]
        if not differ:
            continue
        counted, letter = column_letter(status), read.letter
        shown = "、".join(map(str, differ[:5])) + ("等" if len(differ) > 5 else "")
        message = (
            f"列“{read.header}”与 {counted} 列“{header.texts.get(status, '')}”都是整改状态，"
            f"统计按 {counted} 列；但第 {shown} 行 {counted} 列已完成、{letter} 列为“否”，"
            f"两列说法不一。如这些问题尚未销号、应算“基本完成”，请改 {counted} 列；"
            f"如已整改到位，请把 {letter} 列改为“是”。"
        )
        header.notes = [
            replace(n, message=message, row=differ[0])
            if n.rule == "duplicate-column" and n.column == letter
            else n
            for n in header.notes
        ]


def _percent_scale(
    rows: list[list[Any]], j: int, vocabulary: dict[str, str] | None = None
) -> int | None:
    """How the numbers of the status column are percentages: a cell formatted 0% holds 0.6 (×
    100), a typed 60 is 60 (× 1); None when the column is not mostly numbers, or holds numbers
    that are not percentages (then each number is reported as an unknown status), or codes
    the sheet explains (``vocabulary``: "整改状态（1.已完成 2.正在推进 3.未启动）")."""
    cells = [r[j] for r in rows if j < len(r) and r[j] is not None and r[j] != ""]
    numbers = [v for v in cells if v.__class__ in (int, float) and v == v]
    if vocabulary and numbers and all(f"{v:g}" in vocabulary for v in numbers):
        return None
    # mostly numbers: a stray 1 among status words is not taken for 100%
    if len(numbers) < SHARE * len(cells) or not numbers or min(numbers) < 0 or max(numbers) > 100:
        return None
    return 100 if max(numbers) <= 1 else 1


def _check_alias_columns(header: Header, profile: Callable[[int], Profile]) -> None:
    """A column read by an alias that may mean either (完成情况, 整改进度 …); a column under its
    exact standard header, or mapped by the user, is taken as written."""
    by_alias = {_index(r.letter) for r in header.reads if r.how == "别名"}
    progress = header.columns.get("整改进展及成效")
    if progress in by_alias and "整改状态" not in header.columns:
        p = profile(progress)
        if _holds_statuses(p):  # (完成情况 with 已完成/整改中, or 是/否)
            header.columns.pop("整改进展及成效")
            _read_as_status(header, progress, p)
            _reclaim(header, "整改进展及成效")
    if "整改状态" not in header.columns:
        _status_in_duplicate(header, profile)
    status = header.columns.get("整改状态")
    if status is not None:
        p = profile(status)
        if p.yes_no >= SHARE:
            header.yes_no_status = True
        elif p.narrative and status in by_alias and "整改进展及成效" not in header.columns:
            header.columns.pop("整改状态")
            _move(header, status, "整改进展及成效", "单元格是整改进展的叙述，不是状态用语")
            _reclaim(header, "整改状态")


def _status_in_duplicate(header: Header, profile: Callable[[int], Profile]) -> None:
    """No status column, and a column left unread as a duplicate holds the statuses (整改进展
    then 完成情况: both are names of the progress; the second holds 已完成/整改中): it is the
    status column."""
    for read in [r for r in header.reads if r.how == "重复"]:
        j = _index(read.letter)
        p = profile(j)
        if _holds_statuses(p):
            _read_as_status(header, j, p)
            return


def _holds_statuses(p: Profile) -> bool:
    return p.statuses or p.yes_no >= SHARE


def _read_as_status(header: Header, j: int, p: Profile) -> None:
    """Column ``j``, whose cells are status words or 是/否 (``_holds_statuses``), is 整改状态."""
    if p.statuses:
        _move(header, j, "整改状态", f"{_share(p.status)}的单元格是整改状态用语")
    else:
        header.yes_no_status = True
        _move(header, j, "整改状态", f"{_share(p.yes_no)}的单元格是“是/否”")


def _status_from_progress(
    header: Header, rows: list[list[Any]], vocabulary: dict[str, str]
) -> None:
    """No status column, but the progress paragraphs open with the status ("已完成。……",
    "正在推进，……"), as many units write them: the status is read from that opening (with a
    line in 读取方式 saying so); the paragraph stays the progress."""
    from ledger_tools.ledger.cells import column_letter

    j = header.columns["整改进展及成效"]
    values = {r[j] for r in rows if j < len(r) and isinstance(r[j], str) and r[j].strip()}
    if not values:
        return
    opening = sum(1 for v in values if leading_status(v, vocabulary) is not None)
    share = opening / len(values)
    if share < SHARE:
        return
    letter = column_letter(j)
    header.columns["整改状态"] = j
    header.status_from_lead = True
    text = header.texts.get(j, "")
    why = (
        f"台账没有单独的整改状态列，{_share(share)}的单元格以整改状态开头（如“已完成。……”）："
        "开头的状态作为整改状态，其后的文字作为整改进展"
    )
    header.reads.append(ColumnRead(letter, text, "整改状态", "按内容", why))


def _status_in_remarks(header: Header, rows: list[list[Any]], vocabulary: dict[str, str]) -> None:
    """No status column, and the 备注 cells are (or open with) status words ("已完成", "未启动，
    待资金到位"): 备注 is where the unit keeps the status."""
    j = header.columns["备注"]
    values = {r[j] for r in rows if j < len(r) and isinstance(r[j], str) and r[j].strip()}
    opening = sum(1 for v in values if leading_status(v, vocabulary) is not None)
    if not values or opening / len(values) < SHARE:
        return
    header.columns.pop("备注")
    header.status_from_lead = True
    why = f"台账没有整改状态列，备注中{_share(opening / len(values))}的单元格写的是（或以）整改状态（开头）"
    _move(header, j, "整改状态", why)


# Marks saying "this one" under a column named for a status (已完成 | 正在推进 | 未启动).
_TICKS = frozenset(("√", "✓", "✔", "☑", "●", "○", "★", "▲", "■", "是", "1", "v", "V", "y", "Y"))


def _status_from_ticks(ws: RawSheet, header: Header, stop: int) -> None:
    """No status column, and a group of columns each named for a status (整改情况 over 已完成 |
    正在推进 | 未启动) with a √ under the one that applies: the status of each row is the name
    of its ticked column. The names are in the header's last row, or in the row under it when
    that row holds nothing but them and copies of the header merged down (it is then a header
    row too). The status word is put in the first of those columns, which is read as 整改状态."""
    from ledger_tools.ledger.cells import column_letter

    for under in (header.data_start - 1, header.data_start):
        if under < header.row or under >= len(ws.rows):
            continue
        names = {
            j: status
            for j, v in enumerate(ws.rows[under])
            if isinstance(v, str) and (status := _tick_column_status(header, j, v)) is not None
        }
        if len(names) < 2 or not _only_ticks(ws, names, under + 1, stop):
            continue
        if header.columns.get("整改状态", min(names)) not in names:
            return  # a status column of its own: the ticks are something else
        if under == header.data_start:
            header.data_start += 1  # a second header row: the status names
        first = min(names)
        ones = any(
            ws.rows[r][j] == 1 and not isinstance(ws.rows[r][j], (str, bool))
            for r in range(header.data_start, stop)
            for j in names
            if j < len(ws.rows[r])
        )
        for r in range(header.data_start, stop):
            row = ws.rows[r]
            ticked = sorted(
                (status for j, status in names.items() if j < len(row) and _is_tick(row[j])),
                key=C.STATUSES.index,
            )
            if first < len(row):
                row[first] = ticked[0] if ticked else None  # (two ticks: the least advanced)
        letters = "、".join(column_letter(j) for j in sorted(names))
        for name, j in list(header.columns.items()):
            if j in names:
                header.columns.pop(name)  # (整改情况, the group title, read as progress)
        mark = "填 1（其余填 0）" if ones else "打 √ "
        why = f"{letters} 列各是一种整改状态（{'、'.join(names.values())}），{mark}的那一列即该行的状态"
        _move(header, first, "整改状态", why)
        for j in names:
            letter = column_letter(j)
            header.notes = [n for n in header.notes if n.column != letter]
            for read in header.reads:
                if read.letter != letter:
                    continue
                sub = str(ws.rows[under][j]).strip()
                if read.header != sub and not read.header.endswith(f"（{sub}）"):
                    read.header = f"{read.header}（{sub}）"
                if j != first:
                    read.column, read.how = None, "按内容"
                    read.detail = f"与 {column_letter(first)} 列合读为整改状态"
        return


def _tick_column_status(header: Header, j: int, sub: str) -> str | None:
    """The status a column headed ``sub`` stands for: a status word (已完成, 推进中), or 是 / 否
    under a 是否完成 group title."""
    status = normalise_status(sub)
    if status is None and sub.strip() in ("是", "否"):
        group = C.normalise_header(header.texts.get(j, ""))
        if group.startswith("是否") and C.canonical_column(group) == "整改状态":
            status = C.STATUS_YES_NO[sub.strip()]
    return status


def _is_tick(v: Any) -> bool:
    return (isinstance(v, str) and v.strip() in _TICKS) or v == 1 or v is True


def _only_ticks(ws: RawSheet, names: dict[int, str], start: int, stop: int) -> bool:
    """The cells under ``names`` hold ticks or nothing, and at least one tick. A 0 is nothing:
    units that SUM the columns (合计 of 已完成 / 正在推进 / 未启动) put 1 in the column that
    applies and 0 in the others."""
    seen = False
    for r in range(start, stop):
        row = ws.rows[r]
        for j in names:
            v = row[j] if j < len(row) else None
            if v is None or v == "" or v == 0 or v == "0":
                continue
            if not _is_tick(v):
                return False
            seen = True
    return seen


# A sub-header naming only a month or quarter, under a progress group title (整改进展情况 over
# 4月 | 5月 | 6月).
_MONTH_ONLY = re.compile(
    r"^(?:截至|截止)?(?:\d{4}年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|底|末)?(?:\d{1,2}日)?"
    r"|第?[一二三四1-4]季度(?:末|底)?)$"
)


# What a group title over a column per month may keep month by month.
_MONTHLY = ("整改进展及成效", "整改状态")


def _month_columns(ws: RawSheet, header: Header) -> tuple[list[int], dict[int, str], bool]:
    """The columns of progress kept month by month, left to right, and the month each names:
    headed 4月进展 … (``columns.UNUSED_PATTERNS``), or a progress group title over sub-headers
    naming only the month (then the row of months is a header row, and ``data_start`` moves
    below it when it was taken for data), or headers naming only the month (then the last
    value says True: read only by what they hold)."""
    months = {
        _index(r.letter): r.header
        for r in header.reads
        if r.column is None and C.unused_column(C.normalise_header(r.header)) == "逐月进展"
    }
    if months:
        return sorted(months), months, False
    # 7月 | 8月 | 9月 as the headers themselves (no group title): read only when what they
    # hold is progress or statuses (``_progress_from_months``)
    bare = {
        _index(r.letter): C.normalise_header(r.header)
        for r in header.reads
        if r.column is None and not r.detail and _MONTH_ONLY.match(C.normalise_header(r.header))
    }
    if len(bare) >= 2:
        return sorted(bare), bare, True
    for under in (header.data_start - 1, header.data_start):
        if under <= header.row or under >= len(ws.rows):
            continue
        found = {
            j: C.normalise_header(v)
            for j, v in enumerate(ws.rows[under])
            if isinstance(v, str)
            and _MONTH_ONLY.match(C.normalise_header(v))
            and C.header_column(header.texts.get(j, "")) in _MONTHLY
        }
        if len(found) >= 2:
            if under == header.data_start:
                header.data_start += 1
            return sorted(found), found, False
    return [], {}, False


def _progress_from_months(
    ws: RawSheet, header: Header, stop: int, vocabulary: dict[str, str]
) -> None:
    """Progress kept month by month (4月进展 … 7月进展, 截至6月底进展, or 整改进展情况 over 4月
    | 5月 | 6月) and no other progress column: each row's progress is the latest month it has
    written (a problem finished in May has nothing under June). That text is put in the last
    month's column, which is read as 整改进展及成效 (and so gives the status, when it opens
    with one and there is no status column)."""
    from ledger_tools.ledger.cells import column_letter

    months, names, bare = _month_columns(ws, header)
    if not months:
        return
    titled = {f for f in _MONTHLY if header.columns.get(f) in months}  # (the group title's)
    field = "整改进展及成效"
    if any(header.columns.get(f, months[0]) not in months for f in titled | {field}):
        return  # (a progress column of its own: the months are kept beside it)
    latest = _latest_values(ws, months, header.data_start, stop)
    p = Profile(latest[:SAMPLE_ROWS], vocabulary)
    if p.statuses and header.columns.get("整改状态", months[0]) in months:
        field = "整改状态"  # 7月 已完成 / 8月 正在推进: the status, month by month
    elif bare and not p.narrative:
        return  # 7月 | 8月 headers over numbers or dates: not a ledger's progress
    for f in titled:
        header.columns.pop(f, None)
    last = months[-1]
    _carry_latest(ws, months, header.data_start, stop)
    shown = (
        f"{column_letter(months[0])}—{column_letter(last)}"
        if len(months) > 1
        else column_letter(last)
    )
    if field == "整改状态":
        why = (
            f"{shown} 列是逐月填写的整改状态：每行取最近填写的一个月"
            "（某月已完成、以后各月不再填写的，按已完成读取）"
        )
    else:
        why = f"{shown} 列是逐月进展：每行取最近填写的一个月作为整改进展"
    _move(header, last, field, why)
    earlier = {column_letter(j): j for j in months[:-1]}
    for read in header.reads:
        j = _index(read.letter)
        if j in names and names[j] not in C.normalise_header(read.header):
            read.header = f"{read.header}（{names[j]}）"  # 整改进展情况（4月）
        if read.letter in earlier:
            read.column, read.how, read.detail = None, "未识别", "逐月填写中较早的月份"
    header.notes = [
        n
        for n in header.notes
        if not (
            n.rule in ("duplicate-column", "unused-column", "unmapped-column")
            and n.column in earlier
        )
    ] + [
        Finding(
            "unused-column",
            NOTE,
            f"列“{header.texts.get(j, '')}{'' if names[j] in C.normalise_header(header.texts.get(j, '')) else '（' + names[j] + '）'}”"
            f"是逐月{'填写整改状态' if field == '整改状态' else '进展'}中的一个月：{'整改状态' if field == '整改状态' else '整改进展'}按每行最近填写的月份读取（{column_letter(last)} 列"
            "没有填写的行取前面最近的一个月），已原样保留，不需要修改。",
            ws.name,
            header.row + 1,
            letter,
            "",
            header.texts.get(j, ""),
        )
        for letter, j in earlier.items()
    ]


# A stage of the work named in a header: 第一阶段完成情况, 第二阶段时限, or 第一阶段 alone under a
# group title (整改时限 over 第一阶段 | 第二阶段).
_STAGE = lazy(r"^(?:第([一二三四五1-5])阶段|阶段([一二三四五1-5])|([一二三四五1-5])阶段)")
_STAGE_NUMBER = {c: k for k, c in enumerate("一二三四五", start=1)} | {
    str(k): k for k in range(1, 6)
}
# What a row keeps stage by stage: its latest stage is where it stands.
_STAGED = ("整改时限", "整改状态", "完成时间", "整改进展及成效")


def _stage_of(key: str, title: str) -> tuple[int, str] | None:
    """(stage number, column) of a normalised header naming a stage (第二阶段完成情况 →
    (2, 整改状态 or 整改进展及成效 as its words name)), the stage alone taking its group
    ``title``'s column ("" without a title: ``_latest_stage`` reads what it holds); None when
    it names no stage of a column in ``_STAGED``."""
    m = _STAGE.match(key)
    if m is None:
        return None
    rest = key[m.end() :].lstrip("的")
    field = C.header_column(rest) if rest else C.header_column(title)
    if not rest and not C.normalise_header(title):
        field = ""  # 第一阶段 | 第二阶段 as the headers themselves: what they hold says
    elif field not in _STAGED:
        return None
    return _STAGE_NUMBER[next(g for g in m.groups() if g)], field


def _stage_columns(ws: RawSheet, header: Header) -> dict[str, dict[int, str]]:
    """Columns kept stage by stage (第一阶段完成情况 | 第二阶段完成情况, or 整改时限 over 第一阶段 |
    第二阶段), by the column they are: column index → the stage's sub-header ("" when the
    header itself names it), first stage first; only those with two stages or more. Where the
    stages are sub-headers under a group title, their row is a header row (``data_start``
    moves below it when it was taken for data)."""
    staged: dict[str, dict[int, tuple[int, str]]] = {}
    for read in header.reads:
        j = _index(read.letter)
        if (found := _stage_of(C.normalise_header(read.header), "")) is not None:
            staged.setdefault(found[1], {})[found[0]] = (j, "")
    if not any(len(v) >= 2 for v in staged.values()):
        staged = {}
        for under in (header.data_start - 1, header.data_start):
            if under <= header.row or under >= len(ws.rows):
                continue
            for j, v in enumerate(ws.rows[under]):
                title = header.texts.get(j, "")
                if isinstance(v, str) and (found := _stage_of(C.normalise_header(v), title)):
                    staged.setdefault(found[1], {})[found[0]] = (j, v.strip())
            if any(len(v) >= 2 for v in staged.values()):
                if under == header.data_start:
                    header.data_start += 1
                break
            staged = {}
    return {
        field: dict(stage for _n, stage in sorted(stages.items()))
        for field, stages in staged.items()
        if len(stages) >= 2
    }


# A cell of a stage or month saying there is none for this row ("/", "—", 无, 不涉及).
_NONE_HERE = frozenset(("/", "／", "\\", "-", "—", "——", "－", "无", "不涉及", "不适用"))


def _written(v: Any) -> bool:
    """Whether a cell of a stage or month column says something (not empty, not "/")."""
    return v not in (None, "") and not (isinstance(v, str) and v.strip() in _NONE_HERE)


def _latest_values(ws: RawSheet, columns: list[int], start: int, stop: int) -> list[Any]:
    """Each row's latest written value among ``columns`` (rows with none left out)."""
    latest = []
    for r in range(start, stop):
        row = ws.rows[r]
        written = [row[j] for j in columns if j < len(row) and _written(row[j])]
        if written:
            latest.append(written[-1])
    return latest


def _carry_latest(ws: RawSheet, columns: list[int], start: int, stop: int) -> list[Any]:
    """Each row's latest written value among ``columns`` (month by month, stage by stage),
    put in the last of them when that one is empty (or says "/"); the latest values, row by
    row."""
    last, latest = columns[-1], []
    for r in range(start, stop):
        row = ws.rows[r]
        written = [row[j] for j in columns if j < len(row) and _written(row[j])]
        if written and (last >= len(row) or not _written(row[last])):
            row.extend([None] * (last + 1 - len(row)))
            row[last] = written[-1]
        if written:
            latest.append(written[-1])
    return latest


def _latest_stage(ws: RawSheet, header: Header, stop: int, vocabulary: dict[str, str]) -> None:
    """A deadline, status or progress kept stage by stage (第一阶段 | 第二阶段): each row stands
    at the latest stage it has filled (its last stage's deadline; 第一阶段已完成 and 第二阶段正在
    推进 is 正在推进). That value is put in the last stage's column, which is read as the
    column (a 完成情况 of status words as the 整改状态); the earlier stages are kept and not
    read."""
    from ledger_tools.ledger.cells import column_letter

    for named, names in _stage_columns(ws, header).items():
        stages = list(names)
        field = named or _stage_field(ws, header, stages, stop, vocabulary)
        if field is None:
            continue
        if field in header.columns and header.columns[field] not in stages:
            continue  # (a column of its own says it: the stages are kept beside it)
        header.columns.pop(field, None)
        last = stages[-1]
        if field == "整改进展及成效" and "整改状态" not in header.columns:
            latest = _latest_values(ws, stages, header.data_start, stop)
            if Profile(latest[:SAMPLE_ROWS], vocabulary).statuses:
                field = "整改状态"  # 第一阶段完成情况: 已完成 / 正在推进
        if field == "整改状态":
            _stage_left_blank(ws, header, stages, stop, vocabulary)
        _carry_latest(ws, stages, header.data_start, stop)
        for read in header.reads:
            j = _index(read.letter)
            if names.get(j) and names[j] not in C.normalise_header(read.header):
                read.header = f"{read.header}（{names[j]}）"  # 整改时限（第二阶段）
        shown = f"{column_letter(stages[0])}—{column_letter(last)}"
        why = f"{shown} 列按阶段填写：每行取最近填写的一个阶段"
        if field == "整改状态":
            why += "（前一阶段已完成、后一阶段未填的按正在推进读取，不计入办结）"
        _move(header, last, field, why)
        earlier = {column_letter(j) for j in stages[:-1]}
        for read in header.reads:
            if read.letter in earlier:
                read.column, read.how, read.detail = None, "未识别", "分阶段填写中较早的阶段"
        header.notes = [
            n
            for n in header.notes
            if not (
                n.rule in ("duplicate-column", "unused-column", "unmapped-column")
                and n.column in earlier
            )
        ] + [
            Finding(
                "unused-column",
                NOTE,
                f"{column_letter(j)} 列是“{field}”分阶段填写中较早的阶段：每行按最近填写的阶段读取"
                f"（{column_letter(last)} 列没有填写的行取前面最近的一个阶段），已原样保留，不需要修改。",
                ws.name,
                header.row + 1,
                column_letter(j),
                "",
                header.texts.get(j, ""),
            )
            for j in stages[:-1]
        ]


def _stage_field(
    ws: RawSheet, header: Header, stages: list[int], stop: int, vocabulary: dict[str, str]
) -> str | None:
    """The column stages headed by themselves (第一阶段 | 第二阶段) keep, by what their latest
    values are: statuses the 整改状态, dates or deadlines the 整改时限; None otherwise."""
    p = Profile(_latest_values(ws, stages, header.data_start, stop)[:SAMPLE_ROWS], vocabulary)
    if p.statuses:
        return "整改状态"
    if p.filled and p.dates >= SHARE:
        return "整改时限"
    return None


# A stage's status that is no longer the whole measure's: the later stage left blank.
_PART_DONE = "部分完成"


def _stage_left_blank(
    ws: RawSheet, header: Header, stages: list[int], stop: int, vocabulary: dict[str, str]
) -> None:
    """A row whose earlier stage is 已完成 (长期坚持) and a later stage left empty: the work of
    that later stage is not said to be done, so the measure is not — read as 部分完成 (正在推进),
    never as 已完成, with a warning on the empty cell asking for it to be filled in (or "/"
    when the measure has no such stage). A later stage with "/" or 不涉及 is no stage."""
    from ledger_tools.ledger.cells import column_letter

    last = stages[-1]
    for r in range(header.data_start, min(stop, len(ws.rows))):
        row = ws.rows[r]
        values = [row[j] if j < len(row) else None for j in stages]
        written = [k for k, v in enumerate(values) if _written(v)]
        if not written or written[-1] == len(stages) - 1:
            continue
        k = written[-1]
        done = normalise_status(clean_text(values[k]), vocabulary) in C.FINISHED_STATUSES
        blank = [i for i in range(k + 1, len(stages)) if values[i] in (None, "")]
        if not done or not blank:
            continue
        row.extend([None] * (last + 1 - len(row)))
        row[last] = _PART_DONE
        stage = header.texts.get(stages[blank[0]], "") or column_letter(stages[blank[0]])
        header.notes.append(
            Finding(
                "stage-left-blank",
                WARNING,
                f"{column_letter(stages[k])} 列（前一阶段）写了“{clean_text(values[k])}”，"
                f"这一格（{stage}）没有填写：整改状态按“{_PART_DONE}”（正在推进）统计，"
                "不计入办结。如这一阶段也已完成，请填写“已完成”；如这条措施没有这一阶段，请填“/”。",
                ws.name,
                r + 1,
                column_letter(stages[blank[0]]),
                "整改状态",
                None,
            )
        )


def _deadline_in_finish_column(header: Header, profile: Callable[[int], Profile]) -> None:
    """No 整改时限 column, and the one headed 完成时间 holds deadlines (立行立改, 长期坚持,
    2024年6月底前): it is the 整改时限 (a finish date is a day, never "…前" or 长期坚持)."""
    j = header.columns["完成时间"]
    p = profile(j)
    if p.filled and p.deadline_only >= 0.3 and p.dates >= SHARE:
        header.columns.pop("完成时间")
        why = f"台账没有“整改时限”列，这一列{_share(p.deadline_only)}的单元格是“……前”“立行立改”“长期坚持”等期限"
        _move(header, j, "整改时限", why)


def _yes_no_name(read: ColumnRead) -> bool:
    """A “是否……” column, which ``_place_unknown`` may take as yes/no statuses."""
    return C.normalise_header(read.header).startswith("是否")


def _place_unknown(header: Header, read: ColumnRead, profile: Callable[[int], Profile]) -> None:
    j = _index(read.letter)
    p = profile(j)
    if not p.filled:
        return
    name = C.normalise_header(read.header)
    target, why = None, ""
    if p.statuses:
        target, why = "整改状态", f"{_share(p.status)}的单元格是整改状态用语"
    elif p.yes_no >= SHARE and name.startswith("是否"):
        target, why = "整改状态", "“是否……”列，单元格为是/否"
        header.yes_no_status = True
    elif p.dates >= SHARE:
        finish = any(h in name for h in _FINISH_HINT) and not any(h in name for h in _DEADLINE_HINT)
        order = ("完成时间", "整改时限") if finish else ("整改时限", "完成时间")
        target = next((t for t in order if t not in header.columns), None)
        why = f"{_share(p.dates)}的单元格是日期或期限"
    elif p.narrative and any(h in name for h in _PROGRESS_HINT):
        target, why = "整改进展及成效", "单元格是整改进展的叙述"
    if target is None or target in header.columns:
        return
    _move(header, j, target, why)


def _reclaim(header: Header, name: str) -> None:
    """``name`` was given up by its first column (完成情况 holds the statuses): a later column
    under another name for it (整改进展情况), left unread as a duplicate, now is that column."""
    from ledger_tools.ledger.cells import column_index

    for read in header.reads:
        if read.how == "重复" and C.canonical_column(C.normalise_header(read.header)) == name:
            header.columns[name] = column_index(read.letter)
            read.column, read.how = name, "别名"
            read.detail = f"“{read.header}”是“{name}”的常见写法"
            header.notes = [
                n
                for n in header.notes
                if not (n.rule == "duplicate-column" and n.column == read.letter)
            ]
            return


def _move(header: Header, j: int, target: str, why: str) -> None:
    from ledger_tools.ledger.cells import column_letter

    letter = column_letter(j)
    header.columns[target] = j
    header.notes = [
        n
        for n in header.notes
        if not (
            n.rule in ("unmapped-column", "duplicate-column", "unused-column")
            and n.column == letter
        )
    ]
    for read in header.reads:
        if read.letter == letter:
            read.column, read.how, read.detail = target, "按内容", why
            return


def _share(x: float) -> str:
    return f"{round(x * 100)}%"


def _index(letter: str) -> int:
    from ledger_tools.ledger.cells import column_index

    return column_index(letter)
