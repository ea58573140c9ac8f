"""The marked copy part by part: every part of the zip, inflated, is byte for byte what the
writer of before the speed work of issue 10 (markspeed) wrote. The digests were recorded with
that writer; regenerate them only when a change of the output is intended:

    python tests/test_marking_golden.py          # writes tests/golden/marking.json

Cases: the marking fixture (merged cells, a user comment, a formula-looking text), its marked
copy checked again (old marks removed, the user's comment restored), the example ledgers and
generated ledgers of 1,000–10,000 measures; the 100,000-measure ledger only with
``LEDGER_TOOLS_GOLDEN_BIG=1``. ``docProps/`` is left out (copied as it is; openpyxl and
XlsxWriter stamp the time in it). The openpyxl-level equality of the copy is in
``test_marking.py``; this test pins the bytes, so that a faster writer cannot drift.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ledger_tools.ledger.findings import Report  # noqa: E402
from ledger_tools.ledger.marking import write_marked_copy  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "marking.json"
TODAY = dt.date(2024, 5, 10)
GENERATED = [(1000, 3, False), (2000, 7, True), (10000, 0, False)]
BIG = (100_000, 0, False)
EXAMPLES = ("示例台账.xlsx", "示例台账-上期.xlsx")


def parts(path: Path) -> list[list[str]]:
    """[name, sha256 of the inflated part] in zip order, without docProps/."""
    with zipfile.ZipFile(path) as z:
        return [
            [i.filename, hashlib.sha256(z.read(i)).hexdigest()]
            for i in z.infolist()
            if not i.filename.startswith("docProps/")
        ]


def fingerprint(path: Path) -> str:
    return hashlib.sha256(json.dumps(parts(path)).encode()).hexdigest()


def _check(path: Path) -> Report:
    from ledger_tools.ledger.checking import check_file

    return check_file(path, today=TODAY)


def _generated(folder: Path, n: int, seed: int, title: bool) -> Path:
    from generate import cached_ledger

    path = folder / f"生成{n}.xlsx"
    shutil.copyfile(cached_ledger(n, seed, title), path)
    return path


def build(case: str, folder: Path) -> tuple[Path, Path]:
    """The case's input and its marked copy (written into ``folder``)."""
    from test_marking import make_report, make_source

    out = folder / "校验结果.xlsx"
    if case in ("fixture", "fixture-again"):
        source = make_source(folder)
        report = make_report(source)
        if case == "fixture-again":
            first = write_marked_copy(source, report, folder / "第一次.xlsx")
            fewer = [f for f in report.findings if f.column == "K"]
            report, source = Report(str(first), fewer, today="2024-05-11"), first
        return source, write_marked_copy(source, report, out)
    if case.startswith("example-"):
        source = folder / case.removeprefix("example-")
        shutil.copyfile(ROOT / "examples" / source.name, source)
    elif case.startswith("generated-again-"):
        n, seed, title = _params(case.removeprefix("generated-again-"))
        first = _generated(folder, n, seed, title)
        source = write_marked_copy(first, _check(first), folder / "第一次.xlsx")
    else:
        source = _generated(folder, *_params(case.removeprefix("generated-")))
    return source, write_marked_copy(source, _check(source), out)


def _params(name: str) -> tuple[int, int, bool]:
    n, seed, *title = name.split("-")
    return int(n), int(seed.removeprefix("s")), bool(title)


def _name(n: int, seed: int, title: bool) -> str:
    return f"{n}-s{seed}" + ("-title" if title else "")


CASES = [
    "fixture",
    "fixture-again",
    *(f"example-{name}" for name in EXAMPLES),
    *(f"generated-{_name(*g)}" for g in GENERATED),
    f"generated-again-{_name(*GENERATED[0])}",
]
BIG_CASE = f"generated-{_name(*BIG)}"


def _golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}


@pytest.mark.parametrize(
    "case",
    [
        *CASES,
        pytest.param(
            BIG_CASE,
            marks=pytest.mark.skipif(
                not os.environ.get("LEDGER_TOOLS_GOLDEN_BIG"),
                reason="100,000 measures: set LEDGER_TOOLS_GOLDEN_BIG=1",
            ),
        ),
    ],
)
def test_marked_copy_parts_are_unchanged(case, tmp_path):
    golden = _golden().get(case)
    assert golden is not None, f"no golden for {case}: run python tests/test_marking_golden.py"
    source, marked = build(case, tmp_path)
    if not case.startswith(("fixture", "generated-again")):
        # the input itself is fixed (example, generator); a changed input is not our change
        assert fingerprint(source) == golden["input"], (
            f"{case}: the INPUT changed (examples/ or benchmarks/generate.py); regenerate "
            "tests/golden/marking.json from the writer before the change, then compare"
        )
    now = parts(marked)
    assert [n for n, _ in now] == [n for n, _ in golden["parts"]], "the parts or their order"
    differ = [n for (n, a), (_, b) in zip(now, golden["parts"], strict=True) if a != b]
    assert not differ, f"{case}: these parts differ from the golden: {differ}"


def main() -> None:
    import tempfile

    big = bool(os.environ.get("LEDGER_TOOLS_GOLDEN_BIG"))
    golden = _golden()
    for case in [*CASES, *([BIG_CASE] if big else [])]:
        with tempfile.TemporaryDirectory() as tmp:
            source, marked = build(case, Path(tmp))
            golden[case] = {"input": fingerprint(source), "parts": parts(marked)}
            print(case, len(golden[case]["parts"]), "parts")
    GOLDEN.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()


def test_without_isal_the_parts_are_the_same(tmp_path, monkeypatch):
    """Without the ``merge`` extra (ISA-L) the sheet is inflated by zipfile and the copy
    deflated by zlib: other compressed bytes, the same parts."""
    from ledger_tools import output
    from ledger_tools.ledger import marking

    monkeypatch.setattr(marking, "isal_zlib", lambda: None)
    monkeypatch.setattr(output, "isal_zlib", lambda: None)
    case = f"generated-again-{_name(*GENERATED[0])}"
    _, marked = build(case, tmp_path)
    assert parts(marked) == _golden()[case]["parts"]


@pytest.mark.parametrize("isal", [True, False], ids=["isal", "zipfile"])
def test_a_damaged_sheet_is_refused_and_nothing_is_written(tmp_path, monkeypatch, isal):
    from ledger_tools import output
    from ledger_tools.errors import UnreadableFile
    from ledger_tools.ledger import marking

    if not isal:
        monkeypatch.setattr(marking, "isal_zlib", lambda: None)
        monkeypatch.setattr(output, "isal_zlib", lambda: None)
    elif output.isal_zlib() is None:
        pytest.skip("isal is not installed")
    source = _generated(tmp_path, 1000, 3, False)
    report = _check(source)
    with zipfile.ZipFile(source) as z:
        info = z.getinfo("xl/worksheets/sheet2.xml")
    data = bytearray(source.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)  # zeros in the middle of the deflated sheet
    damaged = tmp_path / "损坏.xlsx"
    damaged.write_bytes(bytes(data))
    out = tmp_path / "标注.xlsx"
    with pytest.raises(UnreadableFile, match="无法复制"):
        write_marked_copy(damaged, report, out)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []
