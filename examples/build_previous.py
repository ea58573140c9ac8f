"""Build examples/示例台账-上期.xlsx: the example ledger as it was submitted a month earlier.

    python examples/build_previous.py

It is the example ledger (examples/示例台账.xlsx) with the state of 2024年4月10日: problem 12
(审计) still 正在推进, the 专题民主生活会 not yet held, two deadlines a month earlier (they
were extended since), the 固定资产清查 measure reported 基本完成 (it was put back to 正在推进
since), shorter progress texts. ``ledger-tools diff examples/示例台账-上期.xlsx
examples/示例台账.xlsx`` shows these changes; the README quotes its output. Only cell values
change, so the layout (merged cells, formats) is the example's. Byte-for-byte reproducible.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
for _p in (str(HERE.parent), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from build_example import OUTPUT as CURRENT  # noqa: E402
from build_example import _save_reproducibly  # noqa: E402

OUTPUT = HERE / "示例台账-上期.xlsx"
PREVIOUS_DAY = dt.datetime(2024, 4, 10)

# measure text (start) → the cells as they were: canonical column → value
EARLIER: dict[str, dict[str, Any]] = {
    "（1）对照审计报告逐项建立整改台账": {
        "整改状态": "正在推进",
        "完成时间": None,
        "整改进展及成效": "已建立审计问题整改台账，9个超期项目结算审核正在进行。",
    },
    "召开巡察整改专题民主生活会": {
        "整改状态": "正在推进",
        "完成时间": None,
        "整改进展及成效": "已制定专题民主生活会方案，正在开展谈心谈话。",
    },
    "对整改不到位的3个问题重新制定整改措施": {"整改时限": "2024年5月底前"},
    "开展物业服务质量专项整治": {"整改时限": "2024年5月"},
    "开展固定资产清查盘点": {"整改状态": "基本完成"},
    "对4个小区“办证难”问题": {
        "整改进展及成效": "已制定4个小区化解方案，其中1个小区320户已办证。",
    },
}


def build(path: str | Path = OUTPUT) -> Path:
    import openpyxl

    wb = openpyxl.load_workbook(CURRENT)
    ws = wb["整改台账"]
    letters = {c.value: c.column for c in ws[1] if c.value}
    letters = {_canonical(k): v for k, v in letters.items()}
    measure_col = letters["整改措施"]
    for start, values in EARLIER.items():
        rows = [
            r
            for r in range(2, ws.max_row + 1)
            if str(ws.cell(r, measure_col).value or "").startswith(start)
        ]
        if len(rows) != 1:
            raise SystemExit(f"示例台账中找不到唯一的措施“{start}”：请同步修改 build_previous.py")
        for column, value in values.items():
            ws.cell(rows[0], letters[column]).value = value
    info = wb["基本信息"]
    for r in range(1, info.max_row + 1):
        if info.cell(r, 1).value == "成文日期":
            info.cell(r, 2).value = PREVIOUS_DAY
    return _save_reproducibly(wb, Path(path))


def _canonical(header: str) -> str:
    from ledger_tools.ledger.columns import ALIASES, normalise_header

    return ALIASES.get(normalise_header(header), header)


if __name__ == "__main__":
    print(f"已生成上期示例台账：{build(sys.argv[1] if len(sys.argv) > 1 else OUTPUT)}")
