"""Property-based tests: arbitrary cell text, merges and date forms never crash the reader or
the validator; they only produce findings."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ledger_tools.errors import LedgerToolsError
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.findings import Report
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.schema import validate

# Cell text as users paste it: any Unicode (openpyxl itself refuses XML-forbidden characters,
# so those are tested through the reader-independent functions), markup characters, dates.
text = st.one_of(
    st.none(),
    st.text(max_size=60).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)),
    st.sampled_from(
        [
            "&<>\"'",
            "=1+1",
            "-3",
            "@x",
            "😀整改",
            "2024年2月30日",
            "2024年6月底前",
            "立行立改",
            "长期坚持",
            "20240630",
            "2024.6.30",
            "已整改到位",
            "整改中",
            " ",
            "\u00a0",
            "１２３",
            "1.甲 2.乙",
            "一是甲；二是乙",
            "（1）甲（2）乙",
            "①甲②乙",
            "填表人：某",
        ]
    ),
    st.integers(min_value=-10, max_value=80000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
headers = st.lists(
    st.sampled_from([*C.COLUMN_NAMES, *[a for c in C.COLUMNS for a in c.aliases], "其他", ""]),
    min_size=3,
    max_size=12,
)


@st.composite
def layouts(draw):
    header = draw(headers)
    n_rows = draw(st.integers(min_value=0, max_value=8))
    rows = [[draw(text) for _ in header] for _ in range(n_rows)]
    titles = draw(st.integers(min_value=0, max_value=3))
    merges = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        if n_rows < 2:
            break
        col = draw(st.integers(min_value=1, max_value=len(header)))
        top = draw(st.integers(min_value=2 + titles, max_value=n_rows + titles))
        bottom = draw(st.integers(min_value=top, max_value=n_rows + 1 + titles))
        merges.append((top, col, bottom, col))
    return header, rows, titles, merges


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts(), st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_reader_and_validator_never_crash(layout, today):
    header, rows, titles, merges = layout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "台账.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "整改台账"
        for i in range(titles):
            ws.append([f"标题{i}"])
        ws.append(header)
        for r in rows:
            ws.append(r)
        for top, col, bottom, _ in merges:
            if bottom > top:
                try:
                    ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)
                except ValueError:
                    pass
        wb.save(path)
        try:
            ledger = load_ledger(path)
        except LedgerToolsError as err:  # e.g. no header found: a clear message, not a crash
            assert err.message and err.exit_code == 2
            return
        report = validate(ledger, today=today)
        assert isinstance(report, Report)
        for f in report.findings:
            assert f.message and f.severity in ("error", "warning", "note")
            assert f.sheet


# ---------------------------------------------------------------------------------------------
# check, stats and the documents agree (issue 7): on random ledgers of valid and invalid rows,
# the three outputs give the same counts and the same warnings for the same file and date.

STATUS_WORDS = [*C.STATUSES, "已完成整改", "待整改", "申请延期", "整改完成待审核", "差不多", None]
DEADLINES = [
    "2024年4月30日",
    "2024-05-15",
    "2024年5月底前",
    "立行立改",
    "长期坚持",
    "9月30日前",
    "尽快",
    None,
]
MEASURES = ["建立台账", "1.甲；2.乙", "（1）甲（2）乙（3）丙", None]
AMOUNTS = [None, 0, 100, 1500.5, "1,200", "约五千", -3, 2]


@st.composite
def ledgers(draw):
    n = draw(st.integers(min_value=1, max_value=12))
    rows = []
    for _ in range(n):
        rows.append(
            [
                draw(st.integers(min_value=1, max_value=6)),  # 序号 (repeats: same problem)
                draw(st.sampled_from(["甲方面", "乙方面"])),
                draw(st.sampled_from(["问题一", "问题二", "问题三", None])),
                draw(st.sampled_from(MEASURES)),
                "王某",
                draw(st.sampled_from(["办公室", "财务科", None])),
                draw(st.sampled_from(DEADLINES)),
                draw(st.sampled_from(STATUS_WORDS)),
                draw(st.sampled_from([None, dt.date(2024, 4, 20), dt.date(2024, 6, 1), "不详"])),
                *[draw(st.sampled_from(AMOUNTS)) for _ in range(3)],
            ]
        )
    merges = []
    if n >= 2 and draw(st.booleans()):
        top = draw(st.integers(min_value=2, max_value=n))
        merges.append((top, draw(st.sampled_from([10, 11, 12])), top + 1))
    return rows, merges


AGREE_HEADER = [
    "序号",
    "方面",
    "问题",
    "整改措施",
    "责任领导",
    "责任部门",
    "整改时限",
    "整改状态",
    "完成时间",
    "清退资金（元）",
    "问责人次",
    "建立制度（项）",
]
FIGURES = (
    "方面数",
    "问题数",
    "措施数",
    "办结数",
    "办结率",
    *C.STATUSES,
    "状态未填",
    "清退资金",
    "问责人次",
    "建立制度",
    "预警",
    "存疑",
    "统计句",
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), st.dates(min_value=dt.date(2024, 3, 1), max_value=dt.date(2024, 12, 31)))
def test_check_stats_and_documents_agree(ledger_rows, today):
    from ledger_tools.documents.context import build_context
    from ledger_tools.ledger.checking import report_json
    from ledger_tools.ledger.stats import compute_stats

    rows, merges = ledger_rows
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "台账.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "整改台账"
        ws.append(AGREE_HEADER)
        for r in rows:
            ws.append(r)
        for top, col, bottom in merges:
            ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)
        info = wb.create_sheet("基本信息")
        info.append(["项目", "内容"])
        info.append(["反馈日期", dt.date(2024, 3, 4)])
        info.append(["监督机构", "区委第一巡察组"])
        wb.save(path)
        # Each output reads the file itself, as the commands do.
        report = validate(load_ledger(path), today=today)
        stats = compute_stats(load_ledger(path), today)
        context = build_context(load_ledger(path), "report", as_of=today)["统计"]
    for key in FIGURES:
        assert report.totals[key] == stats[key] == context[key], key
    counts = report_json(report)["counts"]
    assert {c: counts[c] for c in ("红色", "黄色", "绿色")} == stats["预警"]
    # Every problem is accounted for in the status counts, the unreadable ones included.
    assert sum(stats[s] for s in (*C.STATUSES, "状态未填")) == stats["问题数"]
    # A status check reports as unreadable is one stats counts as unreadable, not as open.
    unknown_rows = {f.row for f in report.findings if f.rule == "unknown-status"}
    warned_rows = {
        f.row for f in report.findings if f.rule in ("overdue-red", "due-yellow", "due-green")
    }
    assert not unknown_rows & warned_rows
