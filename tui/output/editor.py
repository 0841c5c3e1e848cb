"""The command line that opens a briefing in the user's editor at a quote's line, as less
does with `v`: `$VISUAL`, else `$EDITOR`, else `vi`, with the line given the way that
editor's family takes it."""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from pathlib import Path

from ..core.keylines import key_lines, line_of

FALLBACK = "vi"

#: Editors that take `+LINE FILE` (vi and its kin, nano, emacs, micro, kakoune, joe…).
PLUS_LINE = {
    "vi", "vim", "nvim", "gvim", "mvim", "view", "nvi", "elvis", "vis", "ex",
    "nano", "pico", "rnano", "emacs", "emacsclient", "mg", "zile", "jove", "jed",
    "micro", "kak", "joe", "jmacs", "jstar", "ne", "mcedit", "gedit", "pluma", "xed",
}
#: Editors that take `FILE:LINE`.
COLON_LINE = {"hx", "helix", "subl", "sublime_text", "zed", "zeditor", "atom"}
#: Editors that take `--goto FILE:LINE` (VS Code and its forks).
GOTO_LINE = {"code", "code-insiders", "codium", "vscodium", "cursor"}
#: Editors that take `--line LINE FILE`.
LINE_OPTION = {"kate", "kwrite", "geany", "mate"}


def editor_words(environ: Mapping[str, str]) -> list[str]:
    """The editor to run, as words: `$VISUAL`, else `$EDITOR`, else `vi`. A value that is not
    valid shell words is taken as one program name."""
    spec = (environ.get("VISUAL") or "").strip() or (environ.get("EDITOR") or "").strip() or FALLBACK
    try:
        words = shlex.split(spec)
    except ValueError:
        words = [spec]
    return words or [FALLBACK]


def family(program: str) -> str:
    """How `program` (a path or name) takes a line: "plus", "colon", "goto", "option" or ""."""
    name = Path(program).name.lower()
    for suffix in (".exe", ".cmd", ".bat"):
        name = name.removesuffix(suffix)
    if name in PLUS_LINE:
        return "plus"
    if name in COLON_LINE:
        return "colon"
    if name in GOTO_LINE:
        return "goto"
    if name in LINE_OPTION:
        return "option"
    return ""


def command(words: list[str], path: Path, line: int | None) -> list[str]:
    """`words` (the editor) opening `path` at `line`; at its start when the line is unknown
    or the editor's way of taking one is not."""
    file = str(path)
    if file.startswith("-"):  # never read as an option
        file = "./" + file
    kind = family(words[0]) if line is not None else ""
    if kind == "plus":
        return [*words, f"+{line}", file]
    if kind == "colon":
        return [*words, f"{file}:{line}"]
    if kind == "goto":
        return [*words, "--goto", f"{file}:{line}"]
    if kind == "option":
        return [*words, "--line", str(line), file]
    return [*words, file]


def quote_line(text: str, index: int) -> int | None:
    """The line of the `index`th `[[quotes]]` table in the briefing `text`."""
    found = line_of(key_lines(text), ("quotes", index))
    return found[0] if found else None
