"""ledger-tools：整改台账校验与公文生成。

The Python API (each a thin layer the CLI calls; heavy libraries are imported on first use)::

    from ledger_tools import load_ledger, validate, compute_stats, render
    ledger = load_ledger("台账.xlsx")
    report = validate(ledger, today=None)
    stats = compute_stats(ledger)
    render(ledger, "report", "整改情况报告.docx")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

# True while this process runs one command line and then exits (set by ``cli.main``; the web
# server sets it back, and it is False when the library is imported): only then may what a
# ledger is built from be frozen out of the garbage collector's sight for the rest of the
# process (``ledger.normalise.gc_paused``). A long-running process would keep any cyclic
# garbage pending at that moment for good.
ONE_SHOT = False
__all__ = ["load_ledger", "validate", "compute_stats", "render", "new_workbook", "__version__"]

_API = {
    "load_ledger": "ledger_tools.ledger.normalise",
    "validate": "ledger_tools.ledger.schema",
    "compute_stats": "ledger_tools.ledger.stats",
    "render": "ledger_tools.documents.render",
    "new_workbook": "ledger_tools.ledger.workbook",
    "import_document": "ledger_tools.importing.writing",
}


def __getattr__(name: str) -> Any:
    # Lazy: `import ledger_tools` stays instant; the library loads on first use.
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(name)
