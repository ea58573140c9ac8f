"""Build the bundled example ledger, examples/示例台账.xlsx, from examples/example_data.py.

Regenerate it (from the repository root) with the one command::

    python examples/build_example.py

The workbook is the standard one (``ledger_tools.ledger.workbook.build_workbook``: all five sheets,
drop-downs, formats, print setup) filled with the example's 基本信息, 整改台账 rows and 文稿段落.
The output is byte-for-byte reproducible (fixed document times and zip entry times), so
regenerating it without changing the data leaves ``git status`` clean.

Layouts written to 整改台账 (see ``example_data``): per-problem merged 序号/方面/问题/问题表现/
整改目标/责任领导 cells (value only in the top-left cell), 方面 merged over a whole aspect,
a problem whose cells are repeated on every row, and numbered measures in one cell.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# Runs from a checkout without installing: the package is one folder up, the data next to us.
for _p in (str(HERE.parent), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import example_data as X  # noqa: E402

from ledger_tools.ledger import columns as C  # noqa: E402
from ledger_tools.ledger import workbook as W  # noqa: E402
from ledger_tools.output import atomic_output, reproducible_zip  # noqa: E402

OUTPUT = HERE / "示例台账.xlsx"
TIMESTAMP = dt.datetime(2024, 5, 10, 9, 0, 0)  # document properties and zip entry times

# Columns that belong to the problem rather than the measure, merged over its rows.
PROBLEM_COLUMNS = ("序号", "方面", "问题", "问题表现", "整改目标", "责任领导")


@dataclass(frozen=True)
class Merge:
    """A vertical merge of ``column`` over 整改台账 rows ``first``..``last`` (Excel rows)."""

    column: str
    first: int
    last: int

    @property
    def ref(self) -> str:
        letter = W.column_letter(self.column)
        return f"{letter}{self.first}:{letter}{self.last}"


def measure_values(problem: X.ExampleProblem, m: X.ExampleMeasure) -> dict[str, Any]:
    """All canonical columns of one row, as written when nothing is merged."""
    values: dict[str, Any] = {
        "序号": problem.number,
        "方面": problem.aspect,
        "问题": problem.title,
        "问题表现": problem.detail,
        "整改目标": problem.goal,
        "整改措施": m.text,
        "责任领导": m.leader or problem.leader,
        "牵头部门": m.lead_dept,
        "责任部门": m.dept,
        "责任人": m.person,
        "整改时限": m.deadline,
        "整改状态": m.status,
        "完成时间": m.finished,
        "整改进展及成效": m.progress,
        "佐证材料": m.evidence,
        "清退资金": m.money,
        "问责人次": m.accountability,
        "建立制度": m.rules,
        "延期说明": m.delay,
        "备注": m.remark,
    }
    # Empty text is an empty cell, as a user leaves it.
    return {k: (None if v == "" else v) for k, v in values.items()}


def ledger_layout() -> tuple[list[dict[str, Any]], list[Merge]]:
    """The 整改台账 rows (from ``W.FIRST_DATA_ROW``) and the merges, from ``example_data``."""
    rows: list[dict[str, Any]] = []
    merges: list[Merge] = []
    aspect_span: dict[str, list[int]] = {}
    for problem in X.PROBLEMS:
        first = W.FIRST_DATA_ROW + len(rows)
        block = [measure_values(problem, m) for m in problem.measures]
        last = first + len(block) - 1
        aspect_span.setdefault(problem.aspect, []).extend(range(first, last + 1))
        if problem.layout == X.LAYOUT_MERGED and len(block) > 1:
            columns = [c for c in PROBLEM_COLUMNS if c != "责任领导" or not _own_leaders(problem)]
            if problem.aspect in X.ASPECTS_MERGED_WHOLE:
                columns.remove("方面")
            for column in columns:
                merges.append(Merge(column, first, last))
                for values in block[1:]:
                    values[column] = None  # a merged range keeps only its top-left value
        rows.extend(block)
    for aspect in X.ASPECTS_MERGED_WHOLE:
        span = aspect_span[aspect]
        merges.append(Merge("方面", span[0], span[-1]))
        for r in span[1:]:
            rows[r - W.FIRST_DATA_ROW]["方面"] = None
    return rows, merges


def _own_leaders(problem: X.ExampleProblem) -> bool:
    return any(m.leader for m in problem.measures)


def build(path: str | Path = OUTPUT) -> Path:
    """Write the example ledger to ``path`` and return it."""
    wb = W.build_workbook(X.UNIT, timestamp=TIMESTAMP)
    _fill_info(wb[C.SHEET_INFO])
    _fill_ledger(wb[C.SHEET_LEDGER])
    _fill_texts(wb[C.SHEET_TEXT])
    _fill_aspect_list(wb[C.SHEET_LISTS])
    return _save_reproducibly(wb, Path(path))


def _fill_info(ws: Any) -> None:
    for name, value in X.INFO.items():
        W.set_text(ws[f"{W.INFO_VALUE_COLUMN}{W.info_row(name)}"], value)


def _fill_ledger(ws: Any) -> None:
    rows, merges = ledger_layout()
    for r, values in enumerate(rows, start=W.FIRST_DATA_ROW):
        W.write_ledger_row(ws, r, values)
    merged_cells = {(m.column, r) for m in merges for r in range(m.first, m.last + 1)}
    for r in range(W.FIRST_DATA_ROW, W.FIRST_DATA_ROW + len(rows)):
        ws.row_dimensions[r].height = _row_height(ws, r, merged_cells)
    for merge in merges:
        ws.merge_cells(merge.ref)


def _row_height(ws: Any, row: int, merged_cells: set[tuple[str, int]]) -> float:
    """Height that shows the row's own wrapped text (merged text spreads over its rows)."""
    lines = 1
    for j, col in enumerate(C.COLUMNS, start=1):
        value = ws.cell(row, j).value
        if not isinstance(value, str) or (col.name, row) in merged_cells:
            continue
        per_line = max(col.width - 1, 1)
        n = sum(max(1, -(-W.display_width(part) // per_line)) for part in value.split("\n"))
        lines = max(lines, n)
    return max(15.0, 14.5 * lines + 4)


def _fill_texts(ws: Any) -> None:
    for r, values in enumerate(X.TEXTS, start=W.TEXT_FIRST_ROW):
        W.write_text_row(ws, r, values)
    # Clear any template example row left below ours (they carry 【示例，请修改】).
    for r in range(W.TEXT_FIRST_ROW + len(X.TEXTS), ws.max_row + 1):
        for j in range(1, len(C.TEXT_COLUMNS) + 1):
            ws.cell(r, j).value = None


def _fill_aspect_list(ws: Any) -> None:
    """The 字典 方面 list behind the 方面 drop-down: this unit's aspects."""
    for r in range(2, 2 + W.ASPECT_SLOTS):
        ws.cell(r, 1).value = None
    for r, aspect in enumerate(X.ASPECTS, start=2):
        W.set_text(ws.cell(r, 1), aspect)


def _save_reproducibly(wb: Any, path: Path) -> Path:
    """Save with fixed document times and zip entry times, through ``atomic_output``.

    ``Workbook.save`` stamps ``modified`` with the current time, so the writer is called
    directly; the zip is then rewritten with a fixed time on every entry."""
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.created = wb.properties.modified = TIMESTAMP
    buf = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    # entries keep the writer's own permissions (0600), as the committed example has them
    data = reproducible_zip(buf.getvalue(), TIMESTAMP.timetuple()[:6], mode=None)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path


if __name__ == "__main__":
    out = build(sys.argv[1] if len(sys.argv) > 1 else OUTPUT)
    print(f"已生成示例台账：{out}（{len(X.PROBLEMS)} 个问题，{X.measure_total()} 条措施）")
