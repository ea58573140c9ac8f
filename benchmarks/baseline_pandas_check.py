"""The pandas + openpyxl baseline of benchmarks/README.md: what a unit's own script would do.

``pandas.read_excel(engine="openpyxl")`` and the checks of README “校验规则” written plainly in
pandas: find the header row, map header aliases, fill the per-problem columns down (pandas
does not see merged ranges; the read-only openpyxl reader pandas uses drops them, so
forward-filling is the usual stand-in), then required cells, statuses, deadlines and 完成时间,
numbers, duplicate 问题/序号, and the warnings (three-colour overdue, finished late, missing
进展/佐证/责任人, example text). Every finding becomes a Chinese line on stdout, as the real
``check`` prints them; exit 1 when there are errors. Fair but simple: no progress bar, no
pandera, no JSON, no cell colouring.

    python benchmarks/baseline_pandas_check.py 台账.xlsx [--today 2024-05-10]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ledger_tools.ledger.columns import (  # noqa: E402
    ALIASES,
    COLUMNS,
    DEADLINE_SYNONYMS,
    DEPARTMENT_COLUMNS,
    EXAMPLE_MARK,
    FINISHED_STATUSES,
    HEADER_MIN_KNOWN,
    HEADER_SCAN_ROWS,
    IMMEDIATE_FALLBACK_DAYS,
    NUMERIC_COLUMNS,
    REQUIRED_COLUMNS,
    SHEET_INFO,
    SHEET_LEDGER,
    STATUS_DONE,
    STATUS_INDEX,
    STATUS_ONGOING,
    WARN_GREEN_DAYS,
    WARN_YELLOW_DAYS,
    normalise_header,
)

EXCEL_EPOCH = dt.date(1899, 12, 30)
_DAY = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH = re.compile(r"^(\d{4})年(\d{1,2})月(?:底|末)?$")
_YEAR_END = re.compile(r"^(\d{4})年(?:底|末)$")
_HALF = re.compile(r"^(\d{4})年([上下])半年(?:末)?$")
_QUARTER = re.compile(r"^(\d{4})年第?([一二三四1-4])季度(?:末)?$")
_TAIL = re.compile(r"(?:之前|前)$")
_REMARK = re.compile(r"[（(][^（）()]*[)）]")
_IMMEDIATE = set(DEADLINE_SYNONYMS["立行立改"])
_LONG_TERM = set(DEADLINE_SYNONYMS["长期坚持"])
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_day(value: object) -> dt.date | str | None:
    """A date, "immediate", "long", None for empty, or "invalid"."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        return EXCEL_EPOCH + dt.timedelta(days=int(value)) if 1 < value < 2958466 else "invalid"
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "")
    if not text:
        return None
    text = _TAIL.sub("", _REMARK.sub("", text))
    if text in _IMMEDIATE:
        return "immediate"
    if text in _LONG_TERM:
        return "long"
    try:
        if m := _DAY.match(text) or _COMPACT.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _MONTH.match(text):
            return _month_end(int(m[1]), int(m[2]))
        if m := _YEAR_END.match(text):
            return dt.date(int(m[1]), 12, 31)
        if m := _HALF.match(text):
            return _month_end(int(m[1]), 6 if m[2] == "上" else 12)
        if m := _QUARTER.match(text):
            return _month_end(int(m[1]), _QUARTERS[m[2]] * 3)
    except ValueError:  # 2023年2月30日
        return "invalid"
    return "invalid"


def _header_row(raw: pd.DataFrame) -> int:
    for i in range(min(HEADER_SCAN_ROWS, len(raw))):
        known = sum(normalise_header(v) in ALIASES for v in raw.iloc[i])
        if known >= HEADER_MIN_KNOWN:
            return i
    sys.exit("错误：前 15 行中找不到表头。")


def _blank(series: pd.Series) -> pd.Series:
    return series.isna() | (series.astype(str).str.strip() == "")


def run(path: str, today: dt.date) -> int:
    sheets = pd.read_excel(
        path, sheet_name=[SHEET_INFO, SHEET_LEDGER], header=None, engine="openpyxl", dtype=object
    )
    info = {str(k).strip(): v for k, v in sheets[SHEET_INFO].iloc[1:, :2].itertuples(index=False)}
    feedback = parse_day(info.get("反馈日期"))
    end = parse_day(info.get("集中整改截止日期"))
    if not isinstance(end, dt.date):
        end = (
            feedback + dt.timedelta(days=IMMEDIATE_FALLBACK_DAYS)
            if isinstance(feedback, dt.date)
            else None
        )

    raw = sheets[SHEET_LEDGER]
    h = _header_row(raw)
    names = [ALIASES.get(normalise_header(v), str(v)) for v in raw.iloc[h]]
    df = raw.iloc[h + 1 :].copy()
    df.columns = names
    letters = {n: get_column_letter(i + 1) for i, n in enumerate(names)}
    df["_row"] = df.index + 1  # Excel row number
    df = df.dropna(how="all", subset=[n for n in names if n in ALIASES.values()])

    lines: list[str] = []
    errors = 0

    def report(mask: pd.Series, column: str, message: str, error: bool = True) -> None:
        nonlocal errors
        hits = df.loc[mask, ["_row", column]] if column in df else df.loc[mask, ["_row"]]
        kind, where = ("错误" if error else "提示"), letters.get(column, column)
        for row, *value in hits.itertuples(index=False):
            shown = f"（“{value[0]}”）" if value and not pd.isna(value[0]) else ""
            lines.append(f"{kind} {SHEET_LEDGER}!{where}{row}：{message}{shown}")
        errors += len(hits) if error else 0

    missing = [c for c in REQUIRED_COLUMNS if c not in df and c not in DEPARTMENT_COLUMNS]
    if missing:
        print(f"错误：缺少必填列：{'、'.join(missing)}")
        return 1
    per_problem = [c.name for c in COLUMNS if c.per_problem and c.name in df]
    df[per_problem] = df[per_problem].ffill()

    for col in REQUIRED_COLUMNS:
        if col in DEPARTMENT_COLUMNS:
            continue
        report(_blank(df[col]), col, f"{col}不能为空")
    depts = [c for c in DEPARTMENT_COLUMNS if c in df]
    report(
        pd.concat([_blank(df[c]) for c in depts], axis=1).all(axis=1),
        depts[-1],
        "牵头部门和责任部门至少填一项",
    )

    status_text = df["整改状态"].astype(str).str.strip()
    status = status_text.map(STATUS_INDEX)
    report(status.isna() & ~_blank(df["整改状态"]), "整改状态", "整改状态不是允许的值")

    deadline = df["整改时限"].map(parse_day)
    deadline = deadline.map(lambda d: end if d == "immediate" else d)
    report(deadline.map(lambda d: d == "invalid"), "整改时限", "无法识别的整改时限")
    finished = (
        df["完成时间"].map(parse_day) if "完成时间" in df else pd.Series(None, index=df.index)
    )
    report(finished.map(lambda d: d == "invalid"), "完成时间", "无法识别的完成时间")
    is_finished = status.isin(FINISHED_STATUSES)
    report(is_finished & finished.isna(), "完成时间", "已完成/长期坚持的措施缺少完成时间")
    fdate = finished.map(lambda d: d if isinstance(d, dt.date) else None)
    report(fdate.map(lambda d: d is not None and d > today), "完成时间", "完成时间晚于检查日期")
    if isinstance(feedback, dt.date):
        report(
            fdate.map(lambda d: d is not None and d < feedback), "完成时间", "完成时间早于反馈日期"
        )

    for col in NUMERIC_COLUMNS:
        if col not in df:
            continue
        number = pd.to_numeric(df[col], errors="coerce")
        report(number.isna() & ~_blank(df[col]), col, f"{col}应填数字")
        report(number < 0, col, f"{col}不能为负数")

    aspects = df.groupby("问题")["方面"].nunique()
    report(df["问题"].isin(aspects[aspects > 1].index), "问题", "同一问题出现在两个方面下")
    if "序号" in df:
        titles = df.groupby("序号")["问题"].nunique()
        report(df["序号"].isin(titles[titles > 1].index), "序号", "同一序号对应两个不同问题")

    # Warnings.
    closed = status == STATUS_DONE
    closed |= status == STATUS_ONGOING  # 长期坚持计入办结 defaults to 是
    due = deadline.map(lambda d: d if isinstance(d, dt.date) else None)
    days_left = due.map(lambda d: (d - today).days if d is not None else None).astype(float)
    open_ = ~closed
    report(open_ & (days_left < 0), "整改时限", "已超期未办结（红色预警）", error=False)
    report(
        open_ & (days_left >= 0) & (days_left <= WARN_YELLOW_DAYS),
        "整改时限",
        "10 天内到期（黄色预警）",
        error=False,
    )
    report(
        open_ & (days_left > WARN_YELLOW_DAYS) & (days_left <= WARN_GREEN_DAYS),
        "整改时限",
        "20 天内到期（绿色预警）",
        error=False,
    )
    late = pd.Series(
        [f is not None and d is not None and f > d for f, d in zip(fdate, due, strict=True)],
        index=df.index,
    )
    report(late, "完成时间", "逾期完成", error=False)
    done = status == STATUS_DONE
    for col in ("整改进展及成效", "佐证材料"):
        if col in df:
            report(done & _blank(df[col]), col, f"已完成但未填写{col}", error=False)
    if "责任人" in df:
        report(_blank(df["责任人"]), "责任人", "未填写责任人", error=False)
    texts = df[[c for c in names if c in df and df[c].dtype == object]].astype(str)
    example = texts.apply(lambda s: s.str.contains(EXAMPLE_MARK, regex=False)).any(axis=1)
    report(example, "问题", "仍有示例文字", error=False)

    print("\n".join(lines))
    problems = df["问题"].nunique()
    print(
        f"共 {problems} 个问题、{len(df)} 条措施；错误 {errors} 处，提示 {len(lines) - errors} 处。"
    )
    return 1 if errors else 0


def main() -> None:
    parser = argparse.ArgumentParser(description="pandas + openpyxl 对照实现（性能基线）")
    parser.add_argument("path")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args()
    sys.exit(run(args.path, args.today))


if __name__ == "__main__":
    main()
