"""``ledger-tools check`` as a library call, and the report rendered as text or JSON.

The JSON output is a stable interface (``JSON_SCHEMA``, version ``findings.JSON_SCHEMA_VERSION``):
tools that collect ledgers upward can rely on it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from ledger_tools.dates import format_cn_iso
from ledger_tools.findings import (
    ERROR,
    JSON_SCHEMA_VERSION,
    NOTE,
    SEVERITY_LABEL,
    WARNING,
    Report,
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
    from ledger_tools.normalise import load_ledger
    from ledger_tools.output import check_output_path
    from ledger_tools.schema import validate

    if mark is not None:
        check_output_path(mark, path)  # refuse before the work, not after
    report = validate(load_ledger(path, mapping=mapping, sheet=sheet), today=today)
    if mark is not None:
        from ledger_tools.marking import write_marked_copy

        write_marked_copy(path, report, mark)
    return report


# ---------------------------------------------------------------------------------------------
# Text.


def format_text(report: Report, *, limit: int | None = None) -> str:
    """The terminal summary: totals, findings grouped by severity then row, the verdict.

    ``limit`` caps the findings listed per severity (the counts stay complete)."""
    lines = [f"校验 {Path(report.path).name}（检查日期 {format_cn_iso(report.today)}）"]
    lines.append(_totals_line(report.totals))
    for severity in (ERROR, WARNING, NOTE):
        group = [f for f in report.sorted() if f.severity == severity]
        if not group:
            continue
        lines += ["", f"{SEVERITY_LABEL[severity]}（{len(group)} 处）"]
        shown = group if limit is None else group[:limit]
        width = max(len(f.cell) for f in shown)
        lines += [f"  {f.cell.ljust(width)}  {f.message}" for f in shown]
        if len(shown) < len(group):
            lines.append(
                f"  ……另有 {len(group) - len(shown)} 处，用 --format json 或 --mark 查看全部。"
            )
    colours = _colour_counts(report)
    if any(colours.values()):
        lines += ["", "预警：" + "，".join(f"{c} {n} 项" for c, n in colours.items())]
    lines += ["", _verdict(report)]
    return "\n".join(lines)


def _totals_line(t: dict[str, Any]) -> str:
    if not t:
        return ""
    statuses = "，".join(
        f"{s} {t[s]} 项"
        for s in ("已完成", "长期坚持", "基本完成", "正在推进", "未启动")
        if t.get(s)
    )
    line = (
        f"共 {t.get('方面数', 0)} 个方面、{t.get('问题数', 0)} 个问题、{t.get('措施数', 0)} 条措施"
    )
    if statuses:
        line += f"；问题状态：{statuses}；办结率 {t.get('办结率', '0%')}"
    return line + "。"


def _colour_counts(report: Report) -> dict[str, int]:
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
    "required": ["schema_version", "file", "today", "ok", "counts", "totals", "findings"],
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
            "description": "方面数、问题数、措施数、各状态问题数、办结率等",
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


def report_json(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict following ``JSON_SCHEMA``."""
    counts: dict[str, int] = {ERROR: 0, WARNING: 0, NOTE: 0}
    for f in report.findings:
        counts[f.severity] += 1
    counts.update(_colour_counts(report))
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "file": str(report.path),
        "today": report.today,
        "ok": report.ok,
        "counts": counts,
        "totals": _jsonable(report.totals),
        "findings": [f.to_dict() for f in report.sorted()],
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
