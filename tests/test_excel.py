"""The Excel integration (ledger_tools.excel) on real ``xlwings.Book`` objects.

Microsoft Excel cannot run here, so the books come from xlwings' JSON (remote) engine: the
payload its Office.js client sends (values, notes, used range) builds a real ``xlwings.Book``,
and everything our code does to it is recorded as actions. ``ExcelState`` plays the part of
Excel around that engine:

- it builds the payload from a real .xlsx (openpyxl), as the client would from the open book;
- it answers the few reads the desktop engines (COM/AppleScript) make synchronously but the
  JSON engine only asynchronously: merged areas, fills, hidden rows/columns;
- it applies the recorded actions to its state, as the client would, so the next "button
  press" (a new payload) sees the result, and tests can assert on the workbook afterwards.

The xlwings JSON engine needs ``XLWINGS_LICENSE_KEY=noncommercial`` (xlwings PRO's PolyForm
Noncommercial terms); only these tests set it. The product itself uses RunPython.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter, range_boundaries

from tests.conftest import INFO, good_row, set_error_values, write_ledger

REPO = Path(__file__).resolve().parent.parent
CHECK_DAY = dt.date(2024, 5, 10)

# Actions that only format; everything else an Excel client does is modelled below.
FORMAT_ONLY = {"setFontProperty", "setAutofit", "setColumnWidth", "setWrapText", "setNumberFormat"}
# Actions that would change what a cell holds.
VALUE_CHANGING = {
    "setValues",
    "setFormula",
    "setFormulaArray",
    "rangeClear",
    "rangeClearContents",
    "sheetClear",
    "sheetClearContents",
    "rangeDelete",
    "rangeInsert",
    "rangeSort",
    "rangeReplaceAll",
    "rangeRemoveDuplicates",
    "rangeMerge",
    "rangeUnmerge",
    "copyRange",
    "copyFromRange",
    "moveRange",
    "setSheetName",
}


# ---------------------------------------------------------------------------------------------
# Excel's side of the JSON engine.


@dataclass
class SheetState:
    name: str
    values: dict[tuple[int, int], Any] = field(default_factory=dict)  # (row, col) 1-based
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # "#RRGGBB"
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    visible: bool = True

    def grid(self) -> list[list[Any]]:
        cells = set(self.values) | set(self.formulas)
        if not cells:
            return []
        nrows = max(r for r, _ in cells)
        ncols = max(c for _, c in cells)
        return [[self.values.get((r, c)) for c in range(1, ncols + 1)] for r in range(1, nrows + 1)]


def _cell_key(address: str) -> tuple[int, int]:
    c1, r1, _, _ = range_boundaries(address.replace("$", ""))
    return r1, c1


def _encode(v: Any) -> Any:
    """A cell value as the Office.js client puts it in the payload."""
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(v, dt.date):
        return f"{v.isoformat()}T00:00:00.000Z"
    return v


class ExcelState:
    """A workbook as Excel holds it, around the xlwings JSON engine (see the module doc)."""

    registry: dict[int, ExcelState] = {}

    def __init__(self, path: Path) -> None:
        self.fullname = str(path)  # the desktop engines' Book.fullname: the path on disk
        self.sheets: list[SheetState] = []
        self.active = 0
        self.alerts: list[list[Any]] = []
        self.log: list[tuple[str, str | None]] = []  # (action, the sheet it acted on)
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            s = SheetState(ws.title)
            for row in ws.iter_rows():
                for cell in row:
                    key = (cell.row, cell.column)
                    if cell.value is not None:
                        s.values[key] = cell.value
                    if cell.fill is not None and cell.fill.fill_type == "solid":
                        s.fills[key] = "#" + str(cell.fill.fgColor.rgb)[-6:].upper()
                    if cell.comment is not None:
                        s.notes[key] = cell.comment.text
            for rng in ws.merged_cells.ranges:
                s.merged.append((rng.min_row, rng.min_col, rng.max_row, rng.max_col))
            s.hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
            for d in ws.column_dimensions.values():
                if d.hidden:
                    s.hidden_cols |= set(range(d.min, d.max + 1))
            self.sheets.append(s)

    def sheet(self, name: str) -> SheetState | None:
        return next((s for s in self.sheets if s.name == name), None)

    # -- the payload the client sends on each button press -----------------------------------
    def payload(self) -> dict[str, Any]:
        import xlwings as xw

        sheets = []
        for s in self.sheets:
            grid = [[_encode(v) for v in row] for row in s.grid()]
            last = f"{get_column_letter(len(grid[0]))}{len(grid)}" if grid else None
            sheets.append(
                {
                    "name": s.name,
                    "values": grid or [[]],
                    "used_range_address": f"A1:{last}" if last else None,
                    "visibility": "Visible" if s.visible else "Hidden",
                    "notes": [{"address": _address(k)} for k in s.notes],
                    "notes_supported": True,
                    "pictures": [],
                    "shapes": [],
                    "charts": [],
                    "tables": [],
                    "pivot_tables": [],
                    "show_gridlines": True,
                    "print_area": None,
                }
            )
        return {
            "client": "Office.js",
            "version": xw.__version__,
            "book": {"name": self.fullname, "active_sheet_index": self.active, "selection": "A1"},
            "names": [],
            "sheets": sheets,
        }

    def book(self) -> Any:
        """A fresh ``xlwings.Book`` on the JSON engine, as for one button press."""
        import xlwings as xw
        from xlwings.pro import _xlremote as R

        impl = R.App(R.Apps(), add_book=False).books.open(self.payload())
        ExcelState.registry[id(impl.api)] = self
        return xw.Book(impl=impl)

    # -- applying what the code did -----------------------------------------------------------
    def apply(self, book: Any) -> list[dict[str, Any]]:
        actions = book.json()["actions"]
        for a in actions:
            self._apply(a)
        return actions

    def _apply(self, a: dict[str, Any]) -> None:
        f, args, pos = a["func"], a["args"], a["sheet_position"]
        s = self.sheets[pos] if pos is not None else None
        self.log.append((f, s.name if s else None))
        cells = (
            [
                (a["start_row"] + 1 + i, a["start_column"] + 1 + j)
                for i in range(a["row_count"])
                for j in range(a["column_count"])
            ]
            if a["start_row"] is not None
            else []
        )
        if f == "addSheet":
            self.sheets.insert(args[0], SheetState(args[1]))
            self.active = args[0]
        elif f == "sheetDelete":
            del self.sheets[pos]
            self.active = min(self.active, len(self.sheets) - 1)
        elif f == "activateSheet":
            self.active = args[0]
        elif f == "setSheetVisibility":
            s.visible = args[0] == "Visible"
        elif f == "sheetClear":
            s.values, s.formulas, s.fills, s.notes, s.links = {}, {}, {}, {}, {}
        elif f in ("setValues", "setFormula"):
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    key = (a["start_row"] + 1 + i, a["start_column"] + 1 + j)
                    if isinstance(v, str) and v.startswith("'"):
                        v = v[1:]  # Excel keeps a leading apostrophe as the prefix, not the value
                    elif f == "setFormula" and isinstance(v, str) and v.startswith("="):
                        s.formulas[key] = v
                        continue
                    if v in ("", None):
                        s.values.pop(key, None)
                    else:
                        s.values[key] = v
        elif f == "setRangeColor":
            for key in cells:
                if args[0] is None:
                    s.fills.pop(key, None)
                else:
                    s.fills[key] = args[0].upper()
        elif f == "addNote":
            s.notes[_cell_key(args[0])] = args[1]
        elif f == "deleteNote":
            s.notes.pop(_cell_key(args[0]), None)
        elif f == "addHyperlink":
            s.links[cells[0]] = args[0]
        elif f == "alert":
            self.alerts.append(args)
        elif f not in FORMAT_ONLY:
            raise AssertionError(f"the simulated Excel does not know action {f}: {a}")


def _address(key: tuple[int, int]) -> str:
    return f"${get_column_letter(key[1])}${key[0]}"


# The reads the desktop engines answer synchronously, answered from ExcelState.


def _state_of(rng: Any) -> SheetState | None:
    state = ExcelState.registry.get(id(rng.sheet.book.api))
    return state.sheet(rng.sheet.name) if state else None


def _cells(rng: Any) -> list[tuple[int, int]]:
    nrows, ncols = rng.shape
    return [(rng.row + i, rng.column + j) for i in range(nrows) for j in range(ncols)]


def _area_of(s: SheetState, key: tuple[int, int]) -> tuple[int, int, int, int] | None:
    r, c = key
    return next((m for m in s.merged if m[0] <= r <= m[2] and m[1] <= c <= m[3]), None)


def _all_some_none(flags: list[bool]) -> bool | None:
    return True if all(flags) else (False if not any(flags) else None)


def _merge_cells(rng: Any) -> bool | None:
    s = _state_of(rng)
    return _all_some_none([bool(s and _area_of(s, k)) for k in _cells(rng)])


def _merge_area(rng: Any) -> Any:
    from xlwings.pro import _xlremote as R

    s = _state_of(rng)
    area = _area_of(s, (rng.row, rng.column)) if s else None
    if area is None:
        return R.Range(sheet=rng.sheet, arg1=(rng.row, rng.column))
    return R.Range(sheet=rng.sheet, arg1=area[:2], arg2=area[2:])


def _color(rng: Any) -> tuple[int, int, int] | None:
    s = _state_of(rng)
    hexes = {s.fills.get(k) if s else None for k in _cells(rng)}
    if len(hexes) != 1 or None in hexes:
        return None
    h = hexes.pop()
    return int(h[1:3], 16), int(h[3:5], 16), int(h[5:7], 16)


def _row_hidden(rng: Any) -> bool | None:
    s = _state_of(rng)
    rows = range(rng.row, rng.row + rng.shape[0])
    return _all_some_none([bool(s and r in s.hidden_rows) for r in rows])


def _column_hidden(rng: Any) -> bool | None:
    s = _state_of(rng)
    cols = range(rng.column, rng.column + rng.shape[1])
    return _all_some_none([bool(s and c in s.hidden_cols) for c in cols])


@pytest.fixture
def excel(monkeypatch: pytest.MonkeyPatch) -> type[ExcelState]:
    """``excel(path)`` → an ``ExcelState`` for the workbook at ``path``."""
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    pytest.importorskip("xlwings")
    from xlwings.pro import _xlremote as R

    monkeypatch.setattr(R.Range, "merge_cells", property(_merge_cells))
    monkeypatch.setattr(R.Range, "merge_area", property(_merge_area))
    monkeypatch.setattr(R.Range, "color", property(_color, R.Range.color.fset))
    monkeypatch.setattr(R.Range, "row_hidden", property(_row_hidden, R.Range.row_hidden.fset))
    monkeypatch.setattr(
        R.Range, "column_hidden", property(_column_hidden, R.Range.column_hidden.fset)
    )
    monkeypatch.setattr(ExcelState, "registry", {})
    return ExcelState


# ---------------------------------------------------------------------------------------------
# A ledger with what real ones have: merged problem cells, a hidden row, fills and a note the
# user made, 基本信息; and errors and warnings for the check to mark.

USER_BLUE = "#DDEBF7"


def messy_ledger(path: Path) -> Path:
    rows = [
        good_row(1, 整改措施="措施1-1", 责任领导=None),  # error in a merged cell (E2:E3)
        good_row(1, 整改措施="措施1-2", 序号=None, 方面=None, 问题=None, 责任领导=None),
        good_row(2, 责任领导=None, 整改状态="搞定了"),  # errors: required cell, unknown status
        good_row(3, 佐证材料=None),  # warning: 已完成 without 佐证材料
        good_row(4, 整改状态="正在推进", 完成时间=None, 整改时限="2024年4月30日"),  # overdue
        good_row(5, 整改状态="正在推进", 完成时间=None, 整改时限="2024年12月31日"),  # clean
    ]
    write_ledger(path, rows, merges=["A2:A3", "B2:B3", "C2:C3", "E2:E3"], info=INFO)
    wb = openpyxl.load_workbook(path)
    ws = wb["整改台账"]
    blue = PatternFill("solid", fgColor=USER_BLUE[1:])
    for cell in ("E4", "J4", "D7", "A1"):  # two offending cells, two others
        ws[cell].fill = blue
    ws["J4"].comment = openpyxl.comments.Comment("用户自己的批注", "张三")
    ws.row_dimensions[7].hidden = True
    wb.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# Without xlwings, without Excel; importing never imports xlwings.


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_importing_the_package_and_cli_never_imports_xlwings():
    result = _run(
        """
        import sys
        import ledger_tools, ledger_tools.cli, ledger_tools.excel
        from ledger_tools.cli import cli
        cli.main(["excel", "--help"], standalone_mode=False)
        assert "xlwings" not in sys.modules, "xlwings was imported"
        print("clean")
        """
    )
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout


BLOCK_XLWINGS = """
import sys
class NoXlwings:
    def find_spec(self, name, path=None, target=None):
        if name == "xlwings" or name.startswith("xlwings."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, NoXlwings())
from ledger_tools.cli import main
sys.argv = ["ledger-tools", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("command", ["check", "plan", "report", "clear"])
def test_excel_commands_without_xlwings_exit_2_saying_how_to_install(command):
    result = _run(BLOCK_XLWINGS, "excel", command)
    assert result.returncode == 2, result.stderr
    assert 'pip install "ledger-tools[excel]"' in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Excel may be installed here")
def test_excel_check_without_excel_exits_2_saying_excel_is_needed():
    pytest.importorskip("xlwings")
    result = _run(
        "from ledger_tools.cli import main; import sys; sys.argv[0] = 'ledger-tools'; main()",
        "excel",
        "check",
    )
    assert result.returncode == 2, result.stderr
    assert "需要 Microsoft Excel" in result.stderr
    assert "ledger-tools check 台账.xlsx" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------------------------
# Reading: the live book gives the same RawBook, hence the same Ledger, as the file.


def _plain(v: Any) -> Any:
    """Values as the normaliser sees them (xlwings: datetimes and floats; calamine: dates)."""
    if isinstance(v, dt.datetime) and v.time() == dt.time():
        return v.date()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _grid(rows: list[list[Any]]) -> list[list[Any]]:
    out = [[_plain(v) for v in row] for row in rows]
    while out and all(v in (None, "") for v in out[-1]):
        out.pop()
    width = max((j + 1 for row in out for j, v in enumerate(row) if v not in (None, "")), default=0)
    return [(row + [None] * width)[:width] for row in out]


def test_book_to_rawbook_matches_the_file_reader(excel, tmp_path):
    from ledger_tools.excel import book_to_rawbook
    from ledger_tools.ledger.normalise import ledger_from_rawbook
    from ledger_tools.ledger.reading import read_workbook

    path = messy_ledger(tmp_path / "台账.xlsx")
    live = book_to_rawbook(excel(path).book())
    disk = read_workbook(path)
    assert live.path == str(path)
    assert list(live.sheets) == list(disk.sheets)
    for name, sheet in disk.sheets.items():
        got = live.sheets[name]
        assert _grid(got.rows) == _grid(sheet.rows), name
        assert sorted(got.merged) == sorted(sheet.merged), name
        assert got.hidden_rows == sheet.hidden_rows, name
        assert got.hidden_cols == sheet.hidden_cols, name
    assert sorted(live.sheets["整改台账"].merged) == [
        (1, 0, 2, 0),
        (1, 1, 2, 1),
        (1, 2, 2, 2),
        (1, 4, 2, 4),
    ]
    a, b = ledger_from_rawbook(live), ledger_from_rawbook(disk)
    assert [(m.row, m.part, m.values, m.status) for m in a.measures] == [
        (m.row, m.part, m.values, m.status) for m in b.measures
    ]
    assert a.info == b.info


# ---------------------------------------------------------------------------------------------
# check_book: the marks on the live workbook.

EXAMPLE = REPO / "examples" / "示例台账.xlsx"


def _snapshot(state: ExcelState) -> dict[str, Any]:
    return {s.name: (dict(s.values), dict(s.fills), dict(s.notes), s.visible) for s in state.sheets}


def _ref(key: tuple[int, int]) -> str:
    return f"{get_column_letter(key[1])}{key[0]}"


def test_check_book_marks_exactly_the_offending_cells_and_lists_every_finding(excel, tmp_path):
    from ledger_tools.excel import MARKS_SHEET, check_book
    from ledger_tools.ledger.marking import FILLS, RESULTS_HEADER, RESULTS_HEADER_ROW

    state = excel(messy_ledger(tmp_path / "台账.xlsx"))
    before = _snapshot(state)
    book = state.book()
    report = check_book(book, CHECK_DAY)
    state.apply(book)

    red, yellow = "#" + FILLS["error"], "#" + FILLS["warning"]
    ledger = state.sheet("整改台账")
    changed = {_ref(k): v for k, v in ledger.fills.items() if before["整改台账"][1].get(k) != v}
    # E2:E3 is merged: its two findings mark the top-left cell once.
    assert changed == {"E2": red, "E4": red, "J4": red, "M5": yellow, "I6": yellow}
    assert {f.cell for f in report.errors} == {
        "整改台账!E2",
        "整改台账!E3",
        "整改台账!E4",
        "整改台账!J4",
    }
    # A note on each marked cell, except J4 where the user's own note stays as it was.
    new_notes = {_ref(k): t for k, t in ledger.notes.items() if k not in before["整改台账"][2]}
    assert set(new_notes) == {"E2", "E4", "M5", "I6"}
    assert new_notes["E2"].count("“责任领导”是必填项") == 1
    assert ledger.notes[(4, 10)] == "用户自己的批注"

    # No value of the workbook changed, and nothing that changes values touched its sheets.
    for name, (values, *_rest) in before.items():
        assert state.sheet(name).values == values, name
    assert not [
        (func, sheet) for func, sheet in state.log if func in VALUE_CHANGING and sheet in before
    ]

    # 校验结果: first sheet, active, the marked copy's header, one row per finding with a link.
    assert [s.name for s in state.sheets] == ["校验结果", "整改台账", "基本信息", MARKS_SHEET]
    assert state.active == 0
    assert not state.sheet(MARKS_SHEET).visible
    results = state.sheet("校验结果")
    grid = results.grid()
    assert grid[RESULTS_HEADER_ROW - 1] == list(RESULTS_HEADER)
    body = grid[RESULTS_HEADER_ROW:]
    assert len(body) == len(report.findings)
    assert [row[0] for row in body] == list(range(1, len(body) + 1))
    links = {v for (r, c), v in results.formulas.items() if r > RESULTS_HEADER_ROW and c == 3}
    for f in report.findings:
        target = f"'{f.sheet}'!{f.column or 'A'}{f.row}"
        assert f'=HYPERLINK("#{target}","{f.cell}")' in links
    assert {row[5] for row in body} == {f.message for f in report.findings}


def error_values_ledger(path: Path) -> Path:
    """A ledger whose cells show Excel error values (#DIV/0! in a number, #N/A in a name)."""
    write_ledger(path, [good_row(1), good_row(2)], info=INFO)
    return set_error_values(path, {"G2": "#N/A", "J3": "#DIV/0!"})


LEDGERS = {"messy": messy_ledger, "errors": error_values_ledger}


@pytest.mark.parametrize("which", ["messy", "errors", "example"])
def test_check_book_finds_exactly_what_the_cli_finds(excel, tmp_path, which):
    from ledger_tools.excel import check_book

    path = LEDGERS[which](tmp_path / "台账.xlsx") if which in LEDGERS else EXAMPLE
    book = excel(path).book()
    live = check_book(book, CHECK_DAY)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ledger_tools",
            "check",
            str(path),
            "--today",
            "2024-05-10",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == (0 if which == "example" else 1), result.stderr
    cli = json.loads(result.stdout)
    if which == "errors":  # the error values are findings, never blanks
        cells = {f["cell"] for f in cli["findings"] if f["rule"] == "formula-error"}
        assert cells == {"整改台账!G2", "整改台账!J3"}

    def key(d: dict[str, Any]) -> str:
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    assert sorted(map(key, cli["findings"])) == sorted(key(f.to_dict()) for f in live.findings)
    assert {(f["rule"], f["severity"], f["cell"]) for f in cli["findings"]}  # not vacuous
    assert cli["totals"] == json.loads(json.dumps(live.totals, ensure_ascii=False, default=str))


def test_check_book_of_a_merged_workbook_compares_its_summary_sheet(excel, tmp_path):
    """The 办公室 opens the 汇总台账 merge wrote, corrects a figure of the 汇总 sheet by hand and
    presses 校验: the button says which 汇总 cell no longer agrees with 全部措施, as ``check``
    of the saved file does, and marks that cell."""
    from merge_units import build_units

    from ledger_tools.excel import check_book

    build_units(tmp_path / "units")
    merged = tmp_path / "汇总台账.xlsx"
    result = _run_cli("merge", str(tmp_path / "units"), "-o", str(merged), "--today", "2024-05-10")
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(merged)
    ws = wb["汇总"]
    header = [c.value for c in ws[1]]
    col = header.index("措施数") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "某区档案馆")
    ws.cell(row, col).value = int(ws.cell(row, col).value) + 5  # "corrected" by hand
    wb.save(merged)
    cell = f"汇总!{get_column_letter(col)}{row}"

    from ledger_tools.ledger.marking import FILLS

    state = excel(merged)
    book = state.book()
    live = check_book(book, CHECK_DAY)
    state.apply(book)
    summary = state.sheet("汇总")
    assert summary is not None and summary.fills.get((row, col)) == "#" + FILLS["error"]
    cli = _run_cli("check", str(merged), "--today", "2024-05-10", "--format", "json")
    found = json.loads(cli.stdout)["findings"]
    assert cell in {f["cell"] for f in found if f["rule"] == "summary-mismatch"}, cli.stdout[-2000:]

    def key(d: dict[str, Any]) -> str:
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    assert sorted(map(key, found)) == sorted(key(f.to_dict()) for f in live.findings)


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ledger_tools", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )


def test_clear_marks_restores_fills_and_notes_in_a_later_button_press(excel, tmp_path):
    from ledger_tools.excel import check_book, clear_marks

    state = excel(messy_ledger(tmp_path / "台账.xlsx"))
    before = _snapshot(state)
    book = state.book()
    check_book(book, CHECK_DAY)
    state.apply(book)
    assert _snapshot(state) != before

    book = state.book()  # a new process: only what the workbook holds is known
    assert clear_marks(book) == 5
    state.apply(book)
    assert _snapshot(state) == before  # values, the user's blue fills, the user's note, sheets
    assert ("sheetDelete", "校验结果") in state.log


def test_a_second_check_refreshes_the_marks_and_keeps_the_original_fills(excel, tmp_path):
    from ledger_tools.excel import check_book, clear_marks
    from ledger_tools.ledger.marking import RESULTS_HEADER_ROW

    state = excel(messy_ledger(tmp_path / "台账.xlsx"))
    before = _snapshot(state)
    book = state.book()
    check_book(book, CHECK_DAY)
    state.apply(book)
    state.sheet("整改台账").values[(4, 10)] = "正在推进"  # the user fixes J4, unsaved

    book = state.book()
    report = check_book(book, CHECK_DAY)
    state.apply(book)
    assert "整改台账!J4" not in {f.cell for f in report.findings}
    ledger = state.sheet("整改台账")
    assert ledger.fills[(4, 10)] == USER_BLUE  # J4 no longer offends: its own fill is back
    assert ledger.fills[(4, 5)] != USER_BLUE  # E4 still does
    assert [s.name for s in state.sheets].count("校验结果") == 1
    grid = state.sheet("校验结果").grid()
    assert len(grid) - RESULTS_HEADER_ROW == len(report.findings)

    book = state.book()
    clear_marks(book)
    state.apply(book)
    after = _snapshot(state)
    after_ledger = after.pop("整改台账")
    expected = dict(before)
    expected_ledger = expected.pop("整改台账")
    assert after == expected
    assert after_ledger[1:] == expected_ledger[1:]  # fills and notes as the user had them
    assert after_ledger[0] == {**expected_ledger[0], (4, 10): "正在推进"}  # only the user's edit


def test_text_that_looks_like_a_formula_is_written_as_text(excel, tmp_path):
    from ledger_tools.excel import check_book
    from ledger_tools.ledger.workbook import set_text

    path = write_ledger(tmp_path / "台账.xlsx", [good_row(1)], info=INFO)
    wb = openpyxl.load_workbook(path)
    set_text(wb["整改台账"]["J2"], "=已完成")  # text a user typed with a leading '
    wb.save(path)
    state = excel(path)
    book = state.book()
    report = check_book(book, CHECK_DAY)
    assert "=已完成" in {f.value for f in report.findings}
    for action in book.json()["actions"]:
        for row in action["values"] or []:
            for v in row:
                if isinstance(v, str) and v.startswith(("=", "+", "-", "@")):
                    assert action["func"] == "setFormula" and v.startswith("=HYPERLINK("), v
    state.apply(book)
    from ledger_tools.ledger.marking import RESULTS_HEADER_ROW

    values = [row[4] for row in state.sheet("校验结果").grid()[RESULTS_HEADER_ROW:]]
    assert "=已完成" in values


def test_the_plain_json_engine_still_checks_and_says_what_it_could_not_read(monkeypatch, tmp_path):
    """Without the desktop engines' synchronous reads (merged areas, fills, hidden rows) the
    check still runs and says what it could not read; restoring falls back to no fill."""
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    pytest.importorskip("xlwings")
    from ledger_tools.excel import check_book

    path = write_ledger(tmp_path / "台账.xlsx", [good_row(1, 佐证材料=None)], info=INFO)
    state = ExcelState(path)
    book = state.book()
    report = check_book(book, CHECK_DAY)
    limits = [f for f in report.findings if f.rule == "excel-engine-limits"]
    assert len(limits) == 1 and "合并单元格" in limits[0].message
    state.apply(book)
    assert state.sheet("整改台账").fills == {(2, 13): "#FFEB9C"}


# ---------------------------------------------------------------------------------------------
# Documents and the RunPython entry points.


def _docx_text(path: Path) -> list[str]:
    import docx

    d = docx.Document(str(path))
    text = [p.text for p in d.paragraphs]
    for table in d.tables:
        text += [cell.text for row in table.rows for cell in row.cells]
    return text


@pytest.mark.parametrize(
    ("kind", "command"),
    [("plan", ["plan"]), ("report", ["report"]), ("notice", ["report", "--kind", "notice"])],
)
def test_documents_from_the_live_book_match_the_cli(excel, tmp_path, kind, command):
    from ledger_tools.excel import plan_book, report_book

    path = tmp_path / "示例台账.xlsx"
    path.write_bytes(EXAMPLE.read_bytes())
    book = excel(path).book()
    as_of = ["--as-of", "2024-05-10"] if kind != "plan" else []
    cli_out = tmp_path / "cli" / f"{kind}.docx"
    cli_out.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "ledger_tools", *command, str(path), "-o", str(cli_out), *as_of],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    if kind == "plan":
        out = plan_book(book)
    else:
        out = report_book(book, kind, as_of=CHECK_DAY)
    assert out.parent == tmp_path  # next to the workbook file
    assert out.exists()
    live_text = _docx_text(out)
    assert any(t.strip() for t in live_text)
    assert live_text == _docx_text(cli_out)


def test_run_python_entry_points_alert_the_user(excel, tmp_path, monkeypatch):
    import xlwings as xw

    import ledger_tools.excel as lt

    path = tmp_path / "示例台账.xlsx"
    path.write_bytes(EXAMPLE.read_bytes())
    state = excel(path)

    def press(button: Any) -> list[Any]:
        book = state.book()
        monkeypatch.setattr(xw.Book, "_mock_caller", book, raising=False)
        button()
        state.apply(book)
        return state.alerts[-1]

    prompt, title, *_ = press(lt.check)
    assert title == "整改台账工具"
    assert "校验结果" in prompt or "没有发现问题" in prompt
    assert state.sheets[state.active].name == "校验结果"

    prompt, *_ = press(lt.plan)
    assert prompt == f"已生成整改方案，保存在：\n{tmp_path / '整改方案.docx'}"
    assert (tmp_path / "整改方案.docx").exists()
    prompt, *_ = press(lt.report)
    assert str(tmp_path / "整改情况报告.docx") in prompt

    prompt, *_ = press(lt.clear)
    assert prompt.startswith("已清除校验标记")
    assert "校验结果" not in [s.name for s in state.sheets]

    # A ledger with errors: no document, a critical alert pointing at the check button.
    state2 = excel(messy_ledger(tmp_path / "有错误.xlsx"))
    book = state2.book()
    monkeypatch.setattr(xw.Book, "_mock_caller", book, raising=False)
    lt.plan()
    state2.apply(book)
    prompt, _title, _buttons, mode, _ = state2.alerts[-1]
    assert mode == "critical"
    assert "未生成整改方案" in prompt and "校验台账" in prompt
    assert not (tmp_path / "整改方案.docx").with_name("有错误.docx").exists()


def test_a_button_never_overwrites_an_existing_document(excel, tmp_path):
    from ledger_tools.errors import OutputError
    from ledger_tools.excel import plan_book

    path = tmp_path / "示例台账.xlsx"
    path.write_bytes(EXAMPLE.read_bytes())
    edited = tmp_path / "整改方案.docx"
    edited.write_bytes(b"edited by hand")
    (tmp_path / "整改方案(2).docx").write_bytes(b"an earlier copy")
    out = plan_book(excel(path).book())
    assert out == tmp_path / "整改方案(3).docx" and _docx_text(out)
    assert edited.read_bytes() == b"edited by hand"
    with pytest.raises(OutputError, match="已存在"):
        plan_book(excel(path).book(), edited)  # an explicit name is not silently replaced
    assert edited.read_bytes() == b"edited by hand"


def test_documents_of_an_unsaved_workbook_go_to_the_documents_folder(excel, tmp_path, monkeypatch):
    from ledger_tools.excel import plan_book

    path = tmp_path / "src" / "示例台账.xlsx"
    path.parent.mkdir()
    path.write_bytes(EXAMPLE.read_bytes())
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    state = excel(path)
    state.fullname = "工作簿1"  # never saved: Excel knows only a name
    out = plan_book(state.book())
    assert out == home / "Documents" / "整改方案.docx"
    assert out.exists()
