"""``ledger-tools import``: rectification documents (反馈意见, 整改方案, 整改情况报告, 通报) → the
standard ledger workbook.

Stages, one module each: ``extract`` (file → text blocks: .docx, .doc/.wps/.rtf/.odt through
LibreOffice, .txt, text PDF), ``outline`` (blocks → tree by numbering), ``parse`` and
``fields`` (tree → 方面/问题/措施, responsibility tails, status sentences, task tables, 基本信息,
文稿段落, warnings), ``mapping`` (several documents merged → ledger rows), ``writing`` (the
standard workbook, and the Python API), ``command`` (the click command).

    from ledger_tools.importing import import_document, import_documents, import_files
    ledger = import_document("整改方案.docx")               # a Ledger, as load_ledger gives
    ledger = import_documents(["整改方案.docx", "整改情况报告.pdf"])
    imported = import_files(["整改方案.docx"])              # rows, info, texts, warnings
"""

from __future__ import annotations

from typing import Any

__all__ = ["import_document", "import_documents", "import_files", "parse_document"]


def __getattr__(name: str) -> Any:
    # Lazy, like the top-level package: python-docx and openpyxl load on first use.
    if name in __all__:
        from ledger_tools.importing import writing

        return getattr(writing, name)
    raise AttributeError(name)
