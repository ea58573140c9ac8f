"""Reading an input file whole, within a limit."""

from __future__ import annotations

import os
from pathlib import Path


def read_at_most(path: Path, limit: int) -> tuple[bytes, int]:
    """The bytes of ``path`` through one open file, at most ``limit + 1`` of them, and the
    file's size: a file larger than ``limit`` (a 3 GB file, made in an instant as a sparse
    one, was read whole before its size was looked at) or one growing while it is read is
    never read whole. The caller refuses it when the size is over ``limit``."""
    with path.open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        data = f.read(limit + 1) if size <= limit else b""
    return data, max(size, len(data))
