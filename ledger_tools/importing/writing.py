"""Stage 4 of ``import``: the imported content → the standard workbook (``workbook``'s writer,
the same workbook ``ledger-tools new`` makes), and the Python API on top of it.

The workbook is filled the way a clerk would: one 整改台账 row per measure, 序号/方面/问题/问题表现/
整改目标 merged over a problem's rows, 基本信息 values in column B, 文稿段落 replacing the example
rows, and the 字典 方面 list replaced by the imported 方面 (so the drop-down offers them).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger_tools.errors import OutputError
from ledger_tools.importing.extract import read_blocks
from ledger_tools.importing.mapping import Imported, merge, to_imported
from ledger_tools.importing.parse import KINDS, Parsed, parse_blocks
from ledger_tools.ledger import columns as C
from ledger_tools.ledger import workbook as W
from ledger_tools.output import atomic_output

if TYPE_CHECKING:
    from openpyxl import Workbook

    from ledger_tools.ledger.model import Ledger

MERGED_COLUMNS = ("序号", "方面", "问题", "问题表现", "整改目标")


def parse_document(path: str | os.PathLike[str], kind: str = "auto") -> Parsed:
    """The parsed structure of one document (``kind``: auto, feedback, plan, report, notice)."""
    if kind != "auto" and kind not in KINDS:
        raise ValueError(f"kind 应为 auto 或 {'、'.join(KINDS)}，而不是 {kind!r}")
    return parse_blocks(read_blocks(path), str(path), kind)


def import_files(paths: list[str | os.PathLike[str]], kind: str = "auto") -> Imported:
    """The ledger content of one or several documents of the same rectification (merged)."""
    documents = [parse_document(p, kind) for p in paths]
    return to_imported(merge(documents), documents)


def build_imported_workbook(imported: Imported) -> Workbook:
    """The standard workbook filled with ``imported``."""
    wb = W.build_workbook()
    _fill_ledger(wb[C.SHEET_LEDGER], imported.rows)
    _fill_info(wb[C.SHEET_INFO], imported.info)
    _fill_texts(wb[C.SHEET_TEXT], imported.texts)
    _fill_aspects(wb[C.SHEET_LISTS], imported.aspects)
    return wb


def write_imported(
    imported: Imported,
    out: str | os.PathLike[str],
    force: bool = False,
    inputs: tuple[str | os.PathLike[str], ...] = (),
) -> Path:
    """Save the filled workbook to ``out`` (.xlsx); an existing file only with ``force``."""
    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise OutputError(
            f"“{path.name}”的扩展名不是 .xlsx：导入结果是标准台账，只能保存为 .xlsx。请改为“{path.stem}.xlsx”。"
        )
    if path.exists() and not force:
        raise OutputError(f"{path} 已存在，为避免覆盖没有写入。请换一个文件名，或加 --force 覆盖。")
    wb = build_imported_workbook(imported)
    with atomic_output(path, *inputs, overwrite=force, flag="--force") as tmp:
        wb.save(tmp)
    return path


def import_document(path: str | os.PathLike[str], kind: str = "auto") -> Ledger:
    """Import one document (反馈意见, 整改方案, 整改情况报告, 通报 …) as a ``Ledger``: the same object
    ``load_ledger`` returns for the workbook ``ledger-tools import`` would write. The warnings
    (paragraphs that could not be placed) are in ``import_files(...).warnings``."""
    return import_documents([path], kind)


def import_documents(paths: list[str | os.PathLike[str]], kind: str = "auto") -> Ledger:
    """Import several documents of one rectification, merged, as a ``Ledger``."""
    from ledger_tools.ledger.normalise import load_ledger

    imported = import_files(paths, kind)
    with tempfile.TemporaryDirectory(prefix="ledger-tools-import-") as work:
        out = Path(work) / "导入台账.xlsx"
        build_imported_workbook(imported).save(out)
        ledger = load_ledger(out)
    ledger.origin.path = str(paths[0]) if len(paths) == 1 else "、".join(map(str, paths))
    return ledger


def _fill_ledger(ws: Any, rows: list[dict[str, Any]]) -> None:
    for i, row in enumerate(rows):
        W.write_ledger_row(ws, W.FIRST_DATA_ROW + i, row)
    # Merge the per-problem cells over a problem's measure rows, as the standard ledger does.
    start = 0
    for i in range(1, len(rows) + 1):
        if i < len(rows) and rows[i]["序号"] == rows[start]["序号"]:
            continue
        if i - start > 1:
            for name in MERGED_COLUMNS:
                values = {str(r.get(name, "")) for r in rows[start:i]}
                if len(values) == 1:
                    col = W.column_letter(name)
                    ws.merge_cells(
                        f"{col}{W.FIRST_DATA_ROW + start}:{col}{W.FIRST_DATA_ROW + i - 1}"
                    )
        start = i


def _fill_info(ws: Any, info: dict[str, Any]) -> None:
    for name, value in info.items():
        W.set_text(ws.cell(W.info_row(name), 2), value)


def _fill_texts(ws: Any, texts: list[dict[str, str]]) -> None:
    # The example paragraphs go: what the documents do not say stays empty.
    for r in range(W.TEXT_FIRST_ROW, W.TEXT_FIRST_ROW + len(W.EXAMPLE_TEXTS)):
        for j in range(1, len(C.TEXT_COLUMNS) + 1):
            ws.cell(r, j).value = None
    for i, t in enumerate(texts):
        W.write_text_row(ws, W.TEXT_FIRST_ROW + i, [t.get(c, "") for c in C.TEXT_COLUMNS])


def _fill_aspects(ws: Any, aspects: list[str]) -> None:
    if not aspects:
        return
    for r in range(2, W.ASPECT_SLOTS + 2):
        ws.cell(r, 1).value = None
    for r, title in enumerate(dict.fromkeys(aspects), start=2):
        if r > W.ASPECT_SLOTS + 1:
            break
        W.set_text(ws.cell(r, 1), title)
