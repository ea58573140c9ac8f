"""``ledger-tools check`` as a library call, and the report rendered as text or JSON.

The JSON output is a stable interface (``JSON_SCHEMA``, version ``findings.JSON_SCHEMA_VERSION``):
tools that collect ledgers upward can rely on it. Version 2 differs from version 1 only by the
added required ``layout`` object (读取方式) and by ``totals`` carrying ``存疑`` (the figures that
depend on a cell that cannot be read); warnings are counted once per Excel row in both.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ledger_tools.ledger.dates import format_cn_iso
from ledger_tools.ledger.findings import (
    ERROR,
    JSON_SCHEMA_VERSION,
    NOTE,
    SEVERITY_LABEL,
    WARNING,
    Finding,
    Report,
    finding_value,
)


def check_file(
    path: str | os.PathLike[str],
    *,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    today: dt.date | None = None,
    mark: str | os.PathLike[str] | None = None,
) -> Report:
    """Read, normalise and validate the ledger at ``path``; with ``mark``, also write a marked
    copy of the workbook there. The input file is never modified."""
    from ledger_tools.ledger.normalise import load_ledger
    from ledger_tools.ledger.schema import validate
    from ledger_tools.output import check_output_path
    from ledger_tools.upward.consistency import add_merge_findings

    if mark is not None:
        check_output_path(mark, path)  # refuse before the work, not after
    ledger = load_ledger(path, mapping=mapping, sheet=sheet, today=today)
    report = validate(ledger, today=today)
    add_merge_findings(path, ledger, report, today)  # a merge's 汇总台账 (upward.consistency)
    if mark is not None:
        from ledger_tools.ledger.marking import write_marked_copy

        write_marked_copy(path, report, mark)
    return report


# ---------------------------------------------------------------------------------------------
# Text.


def format_text(report: Report, *, limit: int | None = None, mark: str | None = None) -> str:
    """The terminal summary: totals, findings grouped by severity then row, the verdict.

    ``limit`` caps the findings listed per severity (the counts stay complete; ``mark``: see
    ``text_pieces``)."""
    return "\n".join(text_pieces(report, limit=limit, mark=mark))


# Findings the terminal lists per severity (``check``, ``excel check``): a ledger read wrongly
# has hundreds of thousands (a million lines flooded the terminal and buried the totals and
# the 读取方式 above them); the counts stay complete and a line says how to see them all.
TEXT_LIMIT = 1_000


def text_pieces(
    report: Report, *, limit: int | None = None, mark: str | None = None
) -> Iterator[str]:
    """``format_text(report)`` in pieces of up to ``JSON_CHUNK`` lines (joined by newlines,
    no newline at the ends), for writing as they are made. With ``limit``, a group cut short
    says how many it left out, and a line before the verdict how to see them all (in the
    marked copy ``mark`` (“标注副本 校验结果.xlsx”) when it lists them all)."""
    lines = [f"校验 {Path(report.path).name}（检查日期 {format_cn_iso(report.today)}）"]
    lines.append(_totals_line(report.totals))
    lines += layout_lines(report.layout, None if limit is None else LAYOUT_COLUMNS)
    groups: dict[str, list[Finding]] = {ERROR: [], WARNING: [], NOTE: []}
    for f in report.sorted():  # (sorted once: severity first, so each group stays in order)
        groups[f.severity].append(f)
    for severity, group in groups.items():
        if not group:
            continue
        lines += ["", f"{SEVERITY_LABEL[severity]}（{len(group)} 处）"]
        shown = group if limit is None else group[:limit]
        cells, messages = _collapsed(shown)
        width = max(map(len, cells), default=0)
        for start in range(0, len(cells), JSON_CHUNK):  # (written in pieces: see JSON_CHUNK)
            if lines:
                yield "\n".join(lines)
            end = start + JSON_CHUNK
            piece = zip(cells[start:end], messages[start:end], strict=True)
            lines = [f"  {c.ljust(width)}  {m}" for c, m in piece]
        if len(shown) < len(group):
            lines.append(f"  ……另有 {len(group) - len(shown):,} 处没有在此列出。")
    colours = colour_counts(report)
    if any(colours.values()):
        lines += ["", "预警：" + "，".join(f"{c} {n} 项" for c, n in colours.items())]
    if doubt := doubt_text(report.totals):
        lines += ["", doubt]
    if limit is not None and any(len(group) > limit for group in groups.values()):
        lines += ["", _unlisted_note(report, limit, mark)]
    lines += ["", _verdict(report)]
    yield "\n".join(lines)


def _unlisted_note(report: Report, limit: int, mark: str | None) -> str:
    """How to see the findings the terminal left out: the JSON (all of them), or the marked
    copy when it lists them all (``MARK_LIMIT``)."""
    from ledger_tools.ledger.marking import MARK_LIMIT
    from ledger_tools.output import command_arg

    total = len(report.findings)
    head = f"问题共 {total:,} 处，终端每类最多列出前 {limit:,} 处。"
    name = command_arg(Path(report.path).name if report.path else "台账.xlsx")
    json_line = f"ledger-tools check {name} --format json > 校验结果.json"
    if total > MARK_LIMIT:
        where = f"查看全部：{json_line}（标注副本最多标注 {MARK_LIMIT:,} 处）。"
    elif mark:
        where = f"全部列在{mark}的“校验结果”表中；或：{json_line}。"
    else:
        where = f"查看全部：ledger-tools check {name} --mark 校验结果.xlsx（标注副本），或 {json_line}。"
    if total > 10 * limit:
        where += "问题这么多，通常是表头或列读错了，请先核对表头和上面的“读取方式”。"
    return head + where


# Findings listed once for a run of cells in one column when the message is the same: the
# 12 paragraphs of a new ledger's 文稿段落 still “【示例，请修改】” were 12 identical lines, the
# first thing a clerk read after ``new`` and ``check``. JSON and --mark keep every cell.
COLLAPSED_RULES = frozenset({"example-text"})


def _collapsed(findings: list[Finding]) -> tuple[list[str], list[str]]:
    """The cell and message of each line of ``findings`` as listed, consecutive findings of a
    ``COLLAPSED_RULES`` rule with the same message in the same column as one line
    (“文稿段落!D2:D13  （12 处）文稿段落中还有示例文字……”)."""
    cells: list[str] = []
    messages: list[str] = []
    i = 0
    while i < len(findings):
        f = findings[i]
        j = i + 1
        if f.rule in COLLAPSED_RULES:
            while j < len(findings) and (
                findings[j].rule == f.rule
                and findings[j].message == f.message
                and (findings[j].sheet, findings[j].column) == (f.sheet, f.column)
            ):
                j += 1
        if j - i > 2:
            last = findings[j - 1]
            cells.append(f"{f.cell}:{last.column}{last.row}")
            messages.append(f"（{j - i} 处）{f.message}")
        else:
            j = i + 1
            cells.append(f.cell)
            messages.append(f.message)
        i = j
    return cells, messages


LAYOUT_SHOWN = 8  # rows listed per kind in the text block (JSON has them all)
# columns listed on the terminal (a ledger has tens; a sheet read wrongly or made so, thousands)
LAYOUT_COLUMNS = 100


def layout_lines(layout: dict[str, Any], columns: int | None = None) -> list[str]:
    """The 读取方式 block: which sheet and header row were read, every column not read by its
    exact standard header (alias, mapping, content), or the first ``columns`` of them, grouping
    and footer rows not taken as measures, and the reader's notes (assumed years, numbering
    per 方面)."""
    if not layout:
        return []
    first, last = layout["header_rows"]
    where = f"第 {first} 行" if last <= first else f"第 {first}–{last} 行"
    sheets = "、".join(f"“{name}”" for name in layout.get("sheets") or [layout["sheet"]])
    lines = [f"读取方式：工作表{sheets}，表头在{where}。"]
    decided = [c for c in layout["columns"] if c["how"] != "标准列名"]
    if not decided:
        lines[0] = lines[0][:-1] + "，各列均按标准列名读取。"
    for c in decided if columns is None else decided[:columns]:
        if c["read_as"]:
            why = f"：{c['detail']}" if c["how"] == "按内容" and c["detail"] else ""
            lines.append(f"  {c['column']} 列“{c['header']}”→ {c['read_as']}（{c['how']}{why}）")
        else:
            detail = c["detail"]
            if c["how"] == "未识别" and detail:
                why = detail  # a column known not to be used (配合单位 …): not 未识别
            else:
                why = c["how"] + (f"：{detail}" if detail else "")
            lines.append(f"  {c['column']} 列“{c['header']}”未读取（{why}）")
    if columns is not None and len(decided) > columns:
        left = len(decided) - columns
        lines.append(f"  ……另有 {left:,} 列没有在此列出（全部列见 --format json 输出的 layout）。")
    for key, label in (("group_rows", "分组标题行"), ("footer_rows", "表尾、说明行")):
        rows = layout[key]
        if rows:
            shown = "、".join(f"{r['row']}“{_short(r['text'])}”" for r in rows[:LAYOUT_SHOWN])
            more = f" 等 {len(rows)} 行" if len(rows) > LAYOUT_SHOWN else ""
            lines.append(f"  {label}（不算措施）：第 {shown}{more}")
    lines += [f"  {note}" for note in layout["notes"]]
    return lines


def _short(text: str, limit: int = 16) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _totals_line(t: dict[str, Any]) -> str:
    from ledger_tools.ledger.stats import counts_aspects

    if not t:
        return ""
    statuses = "，".join(
        f"{s} {t[s]} 项"
        for s in ("已完成", "长期坚持", "基本完成", "正在推进", "未启动", "状态未填")
        if t.get(s)
    ).replace("状态未填 ", "状态未填或无法识别 ")
    # one 方面 is not counted, as in the statistics sentence (a ledger where no row names a 方面
    # has one group, "【方面未填】": "共 1 个方面" read as a 方面 it has not)
    aspects = f"{t['方面数']} 个方面、" if counts_aspects(t) else ""
    line = f"共 {aspects}{t.get('问题数', 0)} 个问题、{t.get('措施数', 0)} 条措施"
    if statuses:
        line += f"；问题状态：{statuses}；办结率 {t.get('办结率', '0%')}"
    return line + "。"


# The figures check prints (the totals line and the 预警 line) whose doubts it names.
_PRINTED = ("方面数", "问题数", "办结数", "办结率", "预警")


def doubt_text(totals: dict[str, Any]) -> str:
    """ "存疑：…" when a figure check prints depends on a cell that cannot be read (the
    statistics' ``存疑``, which documents print in 【】), else ""."""
    doubts = totals.get("存疑") or {}
    reasons = dict.fromkeys(doubts[k] for k in _PRINTED if k in doubts)
    if not reasons:
        return ""
    return f"存疑：{'；'.join(reasons)}。以上数字改正这些单元格后才准确。"


def colour_counts(report: Report) -> dict[str, int]:
    """The warnings of ``report`` per colour, 红色, 黄色, 绿色 in this order (check's text
    and the 校验结果 sheet of the marked copy and of the Excel button)."""
    counts = {"红色": 0, "黄色": 0, "绿色": 0}
    for f in report.findings:
        colour = f.extra.get("colour")
        if colour in counts:
            counts[colour] += 1
    return counts


def _verdict(report: Report) -> str:
    n_err, n_warn = len(report.errors), len(report.warnings)
    if any(f.rule == "no-data" for f in report.findings):
        return "结论：台账还没有填写任何措施，请填写后再校验、上报。"
    if n_err:
        return f"结论：有 {n_err} 处错误、{n_warn} 处警告。请按提示修改错误后再上报。"
    if n_warn:
        return f"结论：没有错误，可以上报；有 {n_warn} 处警告，请逐条核实。"
    return "结论：没有发现问题，可以上报。"


# ---------------------------------------------------------------------------------------------
# JSON.

JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ledger-tools check --format json",
    "type": "object",
    "required": [
        "schema_version",
        "file",
        "today",
        "ok",
        "counts",
        "totals",
        "layout",
        "findings",
    ],
    "properties": {
        "schema_version": {"const": JSON_SCHEMA_VERSION},
        "file": {"type": "string", "description": "校验的文件路径"},
        "today": {"type": "string", "format": "date", "description": "检查日期 YYYY-MM-DD"},
        "ok": {"type": "boolean", "description": "没有错误（可以有警告）"},
        "counts": {
            "type": "object",
            "required": ["error", "warning", "note", "红色", "黄色", "绿色"],
            "additionalProperties": {"type": "integer"},
        },
        "totals": {
            "type": "object",
            "description": "方面数、问题数、措施数、各状态问题数、办结率、预警、存疑等"
            "（与 ledger-tools stats 同一计算）",
        },
        "layout": {
            "type": "object",
            "description": "读取方式（版本 2 新增）：读了哪张表、表头在哪几行、每列按什么读取、"
            "哪些行是分组标题或表尾说明而未算作措施",
            "required": ["sheet", "header_rows", "columns", "group_rows", "footer_rows", "notes"],
            "properties": {
                "sheet": {"type": "string"},
                "header_rows": {
                    "type": "array",
                    "items": {"type": "integer"},
                    "description": "[表头首行, 表头末行]（Excel 行号）",
                },
                "columns": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["column", "header", "read_as", "how", "detail"],
                        "properties": {
                            "column": {"type": "string", "description": "列字母"},
                            "header": {"type": "string", "description": "表头原文"},
                            "read_as": {
                                "type": ["string", "null"],
                                "description": "读作的标准列名；null 为未读取",
                            },
                            "how": {
                                "enum": ["标准列名", "别名", "列名对照", "按内容", "未识别", "重复"]
                            },
                            "detail": {"type": "string"},
                        },
                    },
                },
                "group_rows": {"type": "array", "items": {"type": "object"}},
                "footer_rows": {"type": "array", "items": {"type": "object"}},
                "notes": {"type": "array", "items": {"type": "string"}},
            },
        },
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "rule",
                    "severity",
                    "message",
                    "sheet",
                    "row",
                    "column",
                    "cell",
                    "field",
                    "value",
                ],
                "properties": {
                    "rule": {"type": "string", "description": "规则编号，见 README 的规则表"},
                    "severity": {"enum": ["error", "warning", "note"]},
                    "message": {"type": "string", "description": "中文说明：错在哪里、怎么改"},
                    "sheet": {"type": "string"},
                    "row": {"type": ["integer", "null"], "description": "Excel 行号"},
                    "column": {"type": "string", "description": "列字母，如 K"},
                    "cell": {"type": "string", "description": "如 整改台账!K12"},
                    "field": {"type": "string", "description": "标准列名或基本信息项"},
                    "value": {"description": "单元格原值（日期等转为文字）"},
                    "extra": {"type": "object"},
                },
            },
        },
    },
}


def report_json(report: Report, findings: bool = True) -> dict[str, Any]:
    """The report as a JSON-ready dict following ``JSON_SCHEMA`` (without the findings when
    ``findings`` is false: ``dumps_report`` writes them itself)."""
    from ledger_tools.output import name_text

    counts: dict[str, int] = {ERROR: 0, WARNING: 0, NOTE: 0}
    for f in report.findings:
        counts[f.severity] += 1
    counts.update(colour_counts(report))
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "file": name_text(str(report.path)),  # (a name of bytes not UTF-8: valid JSON)
        "today": report.today,
        "ok": report.ok,
        "counts": counts,
        "totals": _jsonable(report.totals),
        "layout": _jsonable(report.layout),
        **({"findings": [f.to_dict() for f in report.sorted()]} if findings else {}),
    }


def dumps_report(report: Report) -> str:
    """``report_json(report)`` as the text ``json.dumps(..., ensure_ascii=False, indent=2)``
    gives, byte for byte, but with the findings written by ``_FindingsJson``: with ``indent``
    the json module falls back to its pure-Python encoder, which took seconds for the 100,000
    findings of a large ledger (and ``dataclasses.asdict`` as many again)."""
    return "".join(report_json_pieces(report))


JSON_CHUNK = 4096  # findings encoded and written at a time


def report_json_pieces(report: Report) -> Iterator[str]:
    """``dumps_report(report)`` in pieces of ``JSON_CHUNK`` findings, for writing as they are
    made: the whole text of 840,000 findings (a ledger read wrongly) is ~700 MB, and holding
    it (and its encoded copy) took ``check --format json`` to 2.4 GB."""
    head = report_json(report, findings=False)
    text = json.dumps(head, ensure_ascii=False, indent=2)
    findings = report.sorted()
    if not findings:
        yield text[:-2] + ',\n  "findings": []\n}'
        return
    yield text[:-2] + ',\n  "findings": [\n'
    writer = _FindingsJson()
    for start in range(0, len(findings), JSON_CHUNK):
        piece = ",\n".join(writer.write(findings[start : start + JSON_CHUNK]))
        yield piece if start == 0 else ",\n" + piece
    yield "\n  ]\n}"


_S = json.encoder.encode_basestring  # the C encoder of one string (ensure_ascii=False)


def _scalar(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``, with the common types written directly."""
    kind = value.__class__
    if kind is str:
        return _S(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


def _extra_json(extra: dict[str, Any]) -> str:
    """``extra`` as ``json.dumps(extra, indent=2)`` writes it inside a finding: flat objects of
    text and whole numbers (the warning colour, counts) directly, anything else by json."""
    if not extra:
        return "{}"
    if all(v.__class__ in (str, int) for v in extra.values()):
        items = ",\n        ".join(f"{_S(k)}: {_scalar(v)}" for k, v in extra.items())
        return "{\n        " + items + "\n      }"
    return json.dumps(extra, ensure_ascii=False, indent=2).replace("\n", "\n      ")


class _FindingsJson:
    """Findings as ``json.dumps([f.to_dict() …], indent=2)`` writes them inside the list.
    Findings repeat their rule, severity, sheet, column and field, and often their message,
    value and extra (the warning colour): each distinct one is encoded once."""

    def __init__(self) -> None:
        self.kinds: dict[tuple[str, str, str, str, str], tuple[str, str, str]] = {}
        self.messages: dict[str, str] = {}
        self.values: dict[Any, str] = {}  # str and date values
        self.extras: dict[tuple[str, str], str] = {}  # one-entry extras of text

    def write(self, findings: list[Finding]) -> list[str]:
        kinds, messages, values = self.kinds, self.messages, self.values
        out = []
        shown: str | None  # a finding's value as JSON (None: not encoded yet)
        for f in findings:
            key = (f.rule, f.severity, f.sheet, f.column, f.field)
            kind = kinds.get(key)
            if kind is None:
                kind = kinds[key] = (
                    f'    {{\n      "rule": {_S(f.rule)},\n      "severity": {_S(f.severity)},\n'
                    '      "message": ',
                    f',\n      "sheet": {_S(f.sheet)},\n      "row": ',
                    f',\n      "column": {_S(f.column)},\n      "field": {_S(f.field)},\n'
                    '      "value": ',
                )
            message = messages.get(f.message)
            if message is None:
                message = messages[f.message] = _S(f.message)
            value = f.value
            if value is None:
                shown = "null"
            elif value.__class__ is str or value.__class__ is dt.date:
                # (only these: 1 == True and 0.0 == -0.0 would share an entry)
                shown = values.get(value)
                if shown is None:
                    shown = values[value] = _scalar(finding_value(value))
            else:
                shown = _scalar(finding_value(value))
            row = "null" if f.row is None else _scalar(f.row)
            out.append(
                f"{kind[0]}{message}{kind[1]}{row}{kind[2]}{shown},\n"
                f'      "extra": {self.extra(f.extra)},\n      "cell": {_S(f.cell)}\n    }}'
            )
        return out

    def extra(self, extra: dict[str, Any]) -> str:
        if not extra:
            return "{}"
        if len(extra) != 1:
            return _extra_json(extra)
        ((name, value),) = extra.items()
        if value.__class__ is not str:  # (1 == True: only texts share an entry)
            return _extra_json(extra)
        text = self.extras.get((name, value))
        if text is None:
            text = self.extras[name, value] = _extra_json(extra)
        return text


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
