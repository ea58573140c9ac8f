"""The reader and normaliser on real-world layouts (README “读取方式”)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import openpyxl
import pytest
from conftest import INFO, STANDARD_HEADER, good_row, write_ledger

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.schema import validate


@pytest.mark.parametrize("column", [c for c in C.COLUMNS if c.aliases], ids=lambda c: c.name)
def test_every_alias_maps_to_its_column(tmp_path, column):
    for alias in column.aliases:
        header = [h if h != column.name else alias for h in STANDARD_HEADER]
        if column.name not in STANDARD_HEADER:
            header = [*STANDARD_HEADER, alias]
        rows = [good_row(1) + ([1] if column.name not in STANDARD_HEADER else [])]
        path = write_ledger(tmp_path / "a.xlsx", rows, header)
        ledger = load_ledger(path)
        assert column.name in ledger.origin.columns, alias
        assert not [n for n in ledger.notes if n.rule == "unmapped-column"], alias


def test_header_normalisation_spaces_stars_units_linebreaks(tmp_path):
    header = [
        "序 号",
        "*方面",
        "问题\n名称",
        "整改措施",
        "责任领导",
        "责任部门",
        "整改时限",
        "整改状态",
        "清退资金（元）",
        "建立制度(项)",
        "问责人次 ",
    ]
    path = write_ledger(
        tmp_path / "a.xlsx",
        [[1, "甲方面", "问题", "措施", "王", "办公室", "2024-06-30", "已完成", 100, 2, 1]],
        header,
    )
    cols = load_ledger(path).origin.columns
    assert {"序号", "方面", "问题", "清退资金", "建立制度", "问责人次"} <= set(cols)


def test_title_rows_above_header_and_origin_rows(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx",
        [good_row(1), good_row(2)],
        title_rows=[
            ["某局落实巡察反馈意见整改台账"],
            ["填报单位：某局办公室", None, None, "填报日期：2024年5月"],
            [],
        ],
        merges=["A1:M1"],
    )
    ledger = load_ledger(path)
    assert ledger.origin.header_row == 4
    assert [m.row for m in ledger.measures] == [5, 6]
    assert ledger.origin.cell("整改时限", 5) == "整改台账!I5"


def test_merged_problem_cells_fill_only_their_range(tmp_path):
    rows = [
        good_row(1, 整改措施="措施甲"),
        good_row(1, 序号=None, 方面=None, 问题=None, 整改措施="措施乙"),
        good_row(2, 整改措施="措施丙"),
        good_row(2, 序号=None, 方面=None, 问题=None, 整改措施="措施丁"),
    ]
    # problem 1 merged over rows 2-3; problem 2 NOT merged: row 5 keeps its empty cells.
    path = write_ledger(tmp_path / "a.xlsx", rows, merges=["A2:A3", "B2:B3", "C2:C3"])
    ledger = load_ledger(path)
    assert [m.get("问题") for m in ledger.measures] == ["问题1", "问题1", "问题2", None]
    assert len(ledger.problems[0].measures) == 2
    from ledger_tools.ledger.schema import validate

    report = validate(ledger, today=dt.date(2024, 5, 10))
    empty = {(f.cell, f.field) for f in report.errors if f.rule == "required-cell"}
    assert ("整改台账!B5", "方面") in empty and ("整改台账!C5", "问题") in empty
    assert not any(f.row in (2, 3, 4) for f in report.errors)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.建立学习制度。2.每月开展专题学习。3.年底考核。", 3),
        ("（1）建立学习制度；（2）每月开展专题学习。", 2),
        ("一是建立学习制度；二是每月开展专题学习；三是年底考核。", 3),
        ("①建立学习制度②每月开展专题学习", 2),
        ("完成2024年度3项制度修订", 1),
    ],
)
def test_several_measures_in_one_cell(tmp_path, text, expected):
    path = write_ledger(tmp_path / "a.xlsx", [good_row(1, 整改措施=text)])
    ledger = load_ledger(path)
    assert len(ledger.measures) == expected
    assert all(m.row == 2 for m in ledger.measures)
    assert [m.part for m in ledger.measures] == (
        [0] if expected == 1 else list(range(1, expected + 1))
    )
    assert len(ledger.problems) == 1


def test_numbering_carried_over_from_the_row_above_is_dropped(tmp_path):
    rows = [good_row(1, 整改措施="1.加强学习\n2.完善制度"), good_row(1, 整改措施="3.开展研讨")]
    ledger = load_ledger(write_ledger(tmp_path / "a.xlsx", rows))
    assert [m.get("整改措施") for m in ledger.measures] == ["加强学习", "完善制度", "开展研讨"]


def test_footer_and_blank_rows_are_not_data(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx",
        [good_row(1), [None] * 13, good_row(2)],
        after=[[None] * 13, ["填表人：张三", None, None, "审核人：李四"], ["联系电话：12345"]],
    )
    ledger = load_ledger(path)
    assert [m.get("问题") for m in ledger.measures] == ["问题1", "问题2"]


def test_hidden_rows_are_data_with_a_warning(tmp_path):
    path = write_ledger(tmp_path / "a.xlsx", [good_row(1), good_row(2)])
    wb = openpyxl.load_workbook(path)
    wb.active.row_dimensions[3].hidden = True
    wb.save(path)
    ledger = load_ledger(path)
    assert len(ledger.measures) == 2
    note = next(n for n in ledger.notes if n.rule == "hidden-rows")
    assert note.row == 3 and note.severity == "warning"


def test_formula_without_cached_value_is_an_error_naming_the_cell(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx",
        [good_row(1, 清退资金="=100*2")],
        header=[*STANDARD_HEADER[:-1], "佐证材料"],
    )
    wb = openpyxl.load_workbook(path)
    wb.active["N1"] = "清退资金"
    wb.active["N2"] = "=100*2"
    wb.save(path)
    ledger = load_ledger(path)
    f = next(n for n in ledger.notes if n.rule == "formula-no-value")
    assert f.cell == "整改台账!N2" and f.severity == "error"


def test_full_width_digits_and_nbsp_normalised(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx",
        [good_row(1, 整改时限="２０２４年６月３０日", 责任人="\u00a0李某\u3000")],
    )
    m = load_ledger(path).measures[0]
    assert m.deadline.due == dt.date(2024, 6, 30)
    assert m.get("责任人") == "李某"


def test_user_mapping_and_unmapped_column_kept_as_warning(tmp_path):
    header = [*STANDARD_HEADER, "督办科室", "自定义列"]
    path = write_ledger(tmp_path / "a.xlsx", [good_row(1) + ["督查室", "x"]], header)
    ledger = load_ledger(path, mapping={"督办科室": "备注"})
    assert ledger.origin.columns["备注"] == "N"
    notes = [n for n in ledger.notes if n.rule == "unmapped-column"]
    assert [n.value for n in notes] == ["自定义列"] and notes[0].cell == "整改台账!O1"


def test_two_row_header_with_merged_group_title(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "方面", "问题", "整改措施", "责任主体", None, "整改时限", "整改状态"])
    ws.append([None, None, None, None, "责任领导", "责任部门", None, None])
    ws.append([1, "甲方面", "问题一", "措施", "王某", "办公室", "2024-06-30", "已完成"])
    for rng in ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2", "H1:H2"):
        ws.merge_cells(rng)
    wb.save(tmp_path / "a.xlsx")
    ledger = load_ledger(tmp_path / "a.xlsx")
    assert ledger.origin.columns["责任领导"] == "E" and ledger.origin.columns["责任部门"] == "F"
    assert ledger.measures[0].row == 3 and ledger.measures[0].get("责任部门") == "办公室"


def test_info_sheet_dates_and_sheet_choice(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx", [good_row(1, 整改时限="立行立改")], info=INFO, sheet="Sheet1"
    )
    ledger = load_ledger(path)
    assert ledger.origin.sheet == "Sheet1"
    assert ledger.info["反馈日期"] == dt.date(2024, 3, 4)
    assert ledger.measures[0].deadline.due == dt.date(2024, 5, 31)  # 集中整改截止日期
    assert ledger.info_cells["反馈日期"] == "基本信息!B9"


def test_excel_serial_and_cjk_builtin_date_format(tmp_path):
    """Numbers shown with CJK built-in formats (27–36, 50–58, no format code stored) are dates."""
    import re
    import shutil
    import zipfile

    path = write_ledger(tmp_path / "a.xlsx", [good_row(1, 整改时限=45473, 完成时间=45400)])
    # Give both cells numFmtId 31 (yyyy"年"m"月"d"日" in the zh-CN built-ins) by editing styles.
    src, dst = path, tmp_path / "cjk.xlsx"
    with zipfile.ZipFile(src) as zin:
        styles = zin.read("xl/styles.xml").decode()
    n = len(
        re.findall(r"<xf ", styles.split("<cellXfs")[1].split("</cellXfs>")[0])
    )  # the new xf's index
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/styles.xml":
                text = data.decode()
                text = re.sub(
                    r'<cellXfs count="(\d+)">',
                    lambda m: f'<cellXfs count="{int(m.group(1)) + 1}">',
                    text,
                )
                text = text.replace(
                    "</cellXfs>",
                    '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>',
                )
                data = text.encode()
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(
                    r'<c r="(I2|K2)"( s="\d+")?', lambda m: f'<c r="{m.group(1)}" s="{n}"', text
                )
                data = text.encode()
            zout.writestr(item, data)
    shutil.copy(dst, path)
    m = load_ledger(path).measures[0]
    assert m.deadline.due == dt.date(2024, 6, 30)
    assert m.finished.due == dt.date(2024, 4, 18)


def test_xls_is_read(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("整改台账")
    for j, h in enumerate(STANDARD_HEADER):
        ws.write(0, j, h)
    for j, v in enumerate(good_row(1, 完成时间="2024-04-20")):
        ws.write(1, j, v)
    book.save(str(tmp_path / "old.xls"))
    ledger = load_ledger(tmp_path / "old.xls")
    assert ledger.measures[0].get("问题") == "问题1"


def test_mapping_sheet_in_the_workbook(tmp_path):
    header = ["承办科室" if h == "责任部门" else h for h in STANDARD_HEADER]
    path = write_ledger(tmp_path / "a.xlsx", [good_row(1)], header)
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("列名对照")
    ws.append(["原列名", "标准列名"])
    ws.append(["承办科室", "责任部门"])
    wb.save(path)
    ledger = load_ledger(path)
    assert ledger.origin.columns["责任部门"] == "G"
    assert ledger.origin.sheet == "整改台账"


def test_ledger_table_is_a_typed_frame_in_ledger_order(tmp_path):
    path = write_ledger(tmp_path / "a.xlsx", [good_row(1), good_row(2, 整改时限="2024年6月底前")])
    table = load_ledger(path).table()
    assert table["_row"].to_list() == [2, 3]
    assert table["_due"].to_list() == [dt.date(2024, 4, 30), dt.date(2024, 6, 30)]
    assert table["_status"].to_list() == ["已完成", "已完成"]


# A 方面 title row inside the table: many self-made ledgers have no 方面 column at all.
WITHOUT_ASPECT = ["序号", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"]


def _row(n: int, measure: str = "措施") -> list[Any]:
    return [n, f"问题{n}", measure, "王某", "办公室", "2024年6月底前", "正在推进"]


def test_aspect_title_rows_name_the_aspect_of_the_rows_below(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx",
        [
            ["一、落实党的理论路线方针政策方面"],  # merged across the table (below)
            _row(1),
            _row(2, "1.制定计划；\n2.建立台账"),
            ["二、", "落实全面从严治党战略部署方面（2个问题）"],  # 序号 "二、" beside the title
            _row(3),
            ["（三）落实新时代党的组织路线方面："],  # only in the first column
            _row(4),
        ],
        WITHOUT_ASPECT,
        merges=["A2:G2", "B5:G5"],
    )
    ledger = load_ledger(path)
    assert [a.title for a in ledger.aspects] == [
        "落实党的理论路线方针政策方面",
        "落实全面从严治党战略部署方面",
        "落实新时代党的组织路线方面",
    ]
    assert [[p.title for p in a.problems] for a in ledger.aspects] == [
        ["问题1", "问题2"],
        ["问题3"],
        ["问题4"],
    ]
    assert [m.row for m in ledger.measures] == [3, 4, 4, 6, 8]
    assert ledger.origin.section_rows == [2, 5, 7]
    report = validate(ledger, today=dt.date(2024, 5, 10))
    assert not report.errors, [f.message for f in report.errors]


def test_aspect_title_rows_fill_only_an_empty_aspect_cell(tmp_path):
    header = ["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"]
    own = [3, "自填方面", "问题3", "措施", "王某", "办公室", "2024年6月底前", "正在推进"]
    path = write_ledger(
        tmp_path / "a.xlsx",
        [["一", "标题方面"], [1, None, *_row(1)[1:]], own],
        header,
    )
    ledger = load_ledger(path)
    assert [m.get("方面") for m in ledger.measures] == ["标题方面", "自填方面"]


def test_rows_before_the_first_aspect_title_are_reported(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx",
        [_row(1), ["一、甲方面"], _row(2)],
        WITHOUT_ASPECT,
    )
    report = validate(load_ledger(path), today=dt.date(2024, 5, 10))
    assert [(f.rule, f.cell) for f in report.errors] == [("required-cell", "整改台账!2行")]
    assert "方面标题行" in report.errors[0].message


@pytest.mark.parametrize(
    "row",
    [
        [None, None, "一、加强学习。二、完善制度"],  # several measures in the 整改措施 cell
        [None, None, "一、建立台账"],  # one numbered measure, alone in its cell
    ],
)
def test_rows_that_are_not_aspect_titles(tmp_path, row):
    path = write_ledger(tmp_path / "a.xlsx", [["一、甲方面"], _row(1), row], WITHOUT_ASPECT)
    ledger = load_ledger(path)
    assert ledger.origin.section_rows == [2]
    assert {m.row for m in ledger.measures} == {3, 4}
    assert {m.get("方面") for m in ledger.measures} == {"甲方面"}


@pytest.mark.parametrize(
    "row",
    [
        ["以下为立行立改事项"],  # a note row: no ordinal, names no 方面
        ["一、"],  # a bare ordinal
    ],
)
def test_lone_rows_are_grouping_rows_not_measures_nor_aspects(tmp_path, row):
    path = write_ledger(tmp_path / "a.xlsx", [["一、甲方面"], _row(1), row], WITHOUT_ASPECT)
    ledger = load_ledger(path)
    assert ledger.origin.section_rows == [2]
    assert {m.row for m in ledger.measures} == {3}
    assert [r for r, _ in ledger.layout.group_rows] == [2, 4]


def test_a_ledger_in_several_sheets_is_not_silently_cut(tmp_path):
    """Measures kept in a second sheet of the same header (one sheet per 方面) are read with
    the first, each on its own sheet; sheets that are not ledgers (no 整改措施 column, or no
    rows) are not read or named; ``--sheet`` reads the one sheet named. (A sheet laid out
    differently is named in a warning: ``test_real_layouts4``.)"""
    import openpyxl
    from conftest import STANDARD_HEADER, good_row

    from ledger_tools.ledger.normalise import load_ledger

    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "党建方面"
    for row in (STANDARD_HEADER, good_row(1), good_row(2)):
        first.append(row)
    second = wb.create_sheet("业务方面")
    second.append(["业务工作台账"])
    for row in (STANDARD_HEADER, good_row(3), good_row(4), good_row(5)):
        second.append(row)
    empty = wb.create_sheet("空表")
    empty.append(STANDARD_HEADER)
    notes = wb.create_sheet("说明")
    notes.append(["方面", "问题", "责任部门"])
    notes.append(["a", "b", "c"])
    path = tmp_path / "分表台账.xlsx"
    wb.save(path)
    ledger = load_ledger(path)
    assert [(m.sheet, m.row) for m in ledger.measures] == [
        (None, 2),
        (None, 3),
        ("业务方面", 3),
        ("业务方面", 4),
        ("业务方面", 5),
    ]
    assert not [n for n in ledger.notes if n.rule == "other-ledger-sheet"]
    assert ledger.layout is not None and ledger.layout.sheets == ["党建方面", "业务方面"]
    alone = load_ledger(path, sheet="业务方面")
    assert len(alone.measures) == 3 and not alone.layout.sheets


def test_a_live_defined_name_is_a_warning_of_check(tmp_path):
    """A defined name (名称管理器) that is itself a DDE/WEBSERVICE call runs when a cell's
    harmless =zz is opened: ``check`` says so, naming the name, as it does for live formulas
    in cells; a name pointing inside the workbook says nothing."""
    import json
    from pathlib import Path

    from click.testing import CliRunner
    from openpyxl.workbook.defined_name import DefinedName

    from ledger_tools.cli import cli

    example = Path(__file__).resolve().parents[1] / "examples" / "示例台账.xlsx"
    wb = openpyxl.load_workbook(example)
    wb.defined_names["zz"] = DefinedName("zz", attr_text="cmd|'/C calc'!A0")
    wb.defined_names["范围"] = DefinedName("范围", attr_text="整改台账!$A$1:$B$2")
    path = tmp_path / "带名称.xlsx"
    wb.save(path)
    result = CliRunner().invoke(
        cli, ["check", str(path), "--today", "2024-05-10", "--format", "json"]
    )
    live = [f for f in json.loads(result.output)["findings"] if f["rule"] == "live-formula"]
    assert [f["value"] for f in live] == ["=cmd|'/C calc'!A0"]
    assert "名称“zz”" in live[0]["message"] and "名称管理器" in live[0]["message"]
    assert live[0]["severity"] == "warning"
