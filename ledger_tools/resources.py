"""Where the built-in templates are: inside the installed package, or in the source tree.

An installed wheel carries them as ``ledger_tools.doc_templates`` / ``ledger_tools.
workbook_templates`` (see pyproject.toml); running from a checkout they are the repository's
``doc_templates/`` and ``workbook_templates/`` folders.
"""

from __future__ import annotations

from pathlib import Path

from ledger_tools.errors import LedgerToolsError

_FOLDERS = {".docx": "doc_templates", ".xlsx": "workbook_templates"}
_REPO = Path(__file__).resolve().parent.parent


def template_dir(suffix: str = ".docx") -> Path | None:
    """The folder holding the built-in templates with ``suffix`` (.docx or .xlsx), if any."""
    folder = _FOLDERS[suffix]
    try:
        import importlib.util

        # find_spec copes with both a regular and a namespace package (no __init__.py).
        spec = importlib.util.find_spec(f"ledger_tools.{folder}")
    except (ModuleNotFoundError, ValueError):
        spec = None  # not installed as a package: running from the source tree
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    path = _REPO / folder
    return path if path.is_dir() else None


def template_path(name: str) -> Path:
    """The built-in template ``name`` (e.g. 整改方案.docx, 整改台账.xlsx)."""
    suffix = Path(name).suffix.lower()
    folder = template_dir(suffix)
    path = folder / name if folder else None
    if path is None or not path.is_file():
        raise LedgerToolsError(
            f"找不到内置模板“{name}”：安装可能不完整。请重新安装 ledger-tools，"
            "或用 --template 指定模板文件。"
        )
    return path


def builtin_templates(suffix: str = ".docx") -> list[Path]:
    """All built-in templates with ``suffix``, sorted by name."""
    folder = template_dir(suffix)
    return sorted(folder.glob(f"*{suffix}")) if folder else []
