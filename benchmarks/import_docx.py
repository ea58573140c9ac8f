"""Benchmark of ``ledger-tools import`` on a ~100-page .docx (target: ≤ 3 s).

The document is the project's own 整改方案 (GB/T 9704 layout: 22 lines × 28 characters a page)
rendered from a synthetic ledger made by ``generate.py``, so its size in pages is real; the page
count is measured by converting it to PDF with LibreOffice once (``--count-pages``).

    python benchmarks/import_docx.py [--measures 160] [--runs 5] [--count-pages]

Prints the median wall time of the whole command in a new process (reading the .docx, parsing,
writing the standard workbook) and of ``import_files`` in process (parsing only).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate_ledger  # noqa: E402

TARGET_SECONDS = 3.0


def make_document(folder: Path, measures: int) -> Path:
    ledger = generate_ledger(folder / "台账.xlsx", measures=measures, seed=0)
    out = folder / "整改方案.docx"
    subprocess.run(
        [sys.executable, "-m", "ledger_tools", "plan", str(ledger), "-o", str(out), "--force"],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return out


def count_pages(docx: Path) -> int:
    from ledger_tools.documents.render import convert_to_pdf

    pdf = convert_to_pdf(docx)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(ln for ln in info.stdout.splitlines() if ln.startswith("Pages:"))
    return int(line.split()[1])


def _child_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=160, help="措施数（160 条约 100 页）")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count-pages", action="store_true", help="用 LibreOffice 转 PDF 数页数")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as work:
        folder = Path(work)
        docx = make_document(folder, args.measures)
        pages = count_pages(docx) if args.count_pages else None
        out = folder / "导入台账.xlsx"
        cmd = [sys.executable, "-m", "ledger_tools", "import", str(docx), "-o", str(out), "--force"]
        cli_times, cpu_times = [], []
        for _ in range(args.runs + 1):  # the first run warms the disk cache
            start, before = time.perf_counter(), _child_cpu()
            subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)
            cli_times.append(time.perf_counter() - start)
            cpu_times.append(_child_cpu() - before)
        from ledger_tools.importing import import_files

        parse_times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            imported = import_files([docx])
            parse_times.append(time.perf_counter() - start)
        aspects, problems, measures = imported.counts()
        cli = statistics.median(cli_times[1:])
        cpu = statistics.median(cpu_times[1:])
        print(f"文档：{docx.stat().st_size / 1024:.0f} KB" + (f"，{pages} 页" if pages else ""))
        print(
            f"识别：{aspects} 个方面、{problems} 项问题、{measures} 条措施；提醒 {len(imported.warnings)} 条"
        )
        print(
            f"ledger-tools import（新进程，含写台账）中位数：{cli:.2f} s 墙钟，{cpu:.2f} s CPU"
            f"（目标 ≤ {TARGET_SECONDS:.0f} s：{'达标' if cli <= TARGET_SECONDS else '未达标'}；"
            "测试机负载高时墙钟远大于 CPU 时间）"
        )
        print(f"import_files（进程内，只读取和识别）中位数：{statistics.median(parse_times):.2f} s")


if __name__ == "__main__":
    main()
