"""Reading files the user names, with every failure turned into one clear sentence."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

#: Briefings larger than this are refused rather than read (100k generated quotes: ~39 MiB).
MAX_BYTES = 128 * 1024 * 1024


class FileProblem(Exception):
    """A file could not be read; `line` and `column` locate the fault when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory, not a file"
    if error.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    return error.strerror or type(error).__name__


def _size(count: int) -> str:
    """A byte count as short text: '512 bytes', '3 MB', '128.5 MB'."""
    if count < 2**20:
        return f"{count} bytes"
    return f"{count / 2**20:.1f}".removesuffix(".0") + " MB"


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def read_text(path: Path, *, limit: int | None = None, allow_bom: bool = False) -> str:
    """The UTF-8 text of a regular file, or FileProblem saying why not. `limit` defaults to
    MAX_BYTES as it is when called (not when this module was imported)."""
    if limit is None:
        limit = MAX_BYTES
    try:
        info = os.stat(path)
    except OSError as error:
        raise FileProblem(_os_reason(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem("is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem("is not a regular file (a FIFO, socket or device)")
    if info.st_size > limit:
        raise FileProblem(f"is {_size(info.st_size)}; files over {_size(limit)} are refused")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise FileProblem(_os_reason(error)) from None
    if len(data) > limit:
        raise FileProblem(f"is larger than {_size(limit)}; such files are refused")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise FileProblem("is a binary file (it holds a NUL byte)", *_position(data, nul))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileProblem(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x})", *_position(data, error.start)
        ) from None
    if text.startswith("\ufeff"):
        if allow_bom:
            return text[1:]
        raise FileProblem("starts with a byte order mark; save it as UTF-8 without BOM", 1, 1)
    return text
