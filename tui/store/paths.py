"""Where the bundled briefings live, and how PATH arguments become briefing files."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def bundled_dir() -> Path | None:
    """The folder of bundled briefings: beside the package in a checkout or editable
    install, else under the installation's share/briefing."""
    candidates = [
        Path(__file__).resolve().parents[2] / "briefs",
        Path(sys.prefix) / "share" / "briefing" / "briefs",
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


def bundled_briefings() -> list[Path]:
    folder = bundled_dir()
    return sorted(folder.glob("*.toml")) if folder else []


def expand(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files named, and `*.toml` found recursively in folders named (symlink loops are not
    followed twice). Returns (files, names that do not exist)."""
    files: list[Path] = []
    missing: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            missing.append(name)
    return files, missing


def _walk(folder: Path) -> list[Path]:
    return walk(folder)[0]


def walk(folder: Path) -> tuple[list[Path], dict[str, int]]:
    """The `*.toml` under `folder`, as `expand` finds them, and the mtime of every folder
    walked (by real path): it changes when an entry is added to or removed from it."""
    found: list[Path] = []
    seen: dict[str, int] = {}
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen[real] = folder_stamp(real)
        dirs.sort()
        found.extend(Path(root) / n for n in sorted(names) if n.endswith(".toml"))
    return found, seen


def folder_stamp(path: str) -> int:
    """A folder's mtime in ns, or -1 when it cannot be read."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1
