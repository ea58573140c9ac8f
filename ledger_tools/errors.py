"""Anticipated failures, each with one clear Chinese line for the user and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_LEDGER_ERRORS = 1
EXIT_USAGE = 2


class LedgerToolsError(Exception):
    """A failure the user can act on. ``str(err)`` is the Chinese message shown to the user:
    what went wrong, where (file, sheet, cell) and what to do."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnreadableFile(LedgerToolsError):
    """The workbook cannot be opened or is not a ledger (exit 2)."""


class TemplateError(LedgerToolsError):
    """A Word template is broken, unsafe or names an undefined variable (exit 2)."""


class OutputError(LedgerToolsError):
    """An output cannot be written (locked, equal to the input, folder missing) (exit 2)."""


class LedgerHasErrors(LedgerToolsError):
    """A document command refused a ledger with errors (exit 1); ``report`` lists them."""

    exit_code = EXIT_LEDGER_ERRORS

    def __init__(self, message: str, report: object = None) -> None:
        super().__init__(message)
        self.report = report
