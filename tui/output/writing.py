"""Writing files the user did not name: atomically, and never over an existing file."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path


def write_new_file(folder: Path, stem: str, suffix: str, text: str) -> Path:
    """Write `text` to a new file `stem-YYYYmmdd-HHMMSS[-N]suffix` in `folder` and return its
    path. The file appears whole or not at all, and an existing file is never replaced."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    handle, temporary = tempfile.mkstemp(prefix=f".{stem}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        for number in range(1, 1000):
            name = f"{stem}-{stamp}{'' if number == 1 else f'-{number}'}{suffix}"
            target = folder / name
            try:
                os.link(temporary, target)  # fails if target exists: no overwrite, no race
            except FileExistsError:
                continue
            return target
        raise FileExistsError(f"too many files named {stem}-{stamp}*{suffix} in {folder}")
    finally:
        os.unlink(temporary)


def write_new(target: Path, text: str) -> None:
    """Write `text` to `target`, which must not exist: the file appears whole or not at all,
    and FileExistsError is raised (nothing written) when something is already there."""
    target = Path(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp",
                                         dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.link(temporary, target)  # fails if target exists: no overwrite, no race
    finally:
        os.unlink(temporary)
