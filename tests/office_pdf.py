"""Test documents made into PDFs by LibreOffice, all of a set in one run (a start of
LibreOffice costs seconds; one run converts any number of files)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from ledger_tools.documents.render import find_office


def convert_to_pdf(
    sources: Iterable[Path], folder: Path, timeout: int = 600, to: str = "pdf"
) -> bool:
    """Each of ``sources`` as ``folder/<stem>.pdf`` (or ``.<to>``: ``html``), in one LibreOffice
    run with its own profile under ``folder``; False (nothing made) when LibreOffice is not
    installed."""
    office = find_office()
    if office is None:
        return False
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return True
