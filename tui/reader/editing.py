"""`v`: the selected quote's briefing in the user's editor, at the quote's line, with the
reader suspended meanwhile (as less does); on return the file is reloaded through live
reload, which keeps the cursor on the same quote."""

from __future__ import annotations

import os
import shutil
import subprocess

from textual.app import App, SuspendNotSupported

from ..core.model import Briefing
from ..core.sanitize import clean
from ..output import editor


def _line(briefing: Briefing, index: int | None) -> int | None:
    if index is None:
        return None
    try:
        text = briefing.path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return editor.quote_line(text, index)


def edit(app: App, briefing: Briefing | None, index: int | None) -> None:
    """Open `briefing` in the editor at its quote `index` (its start if None), then let
    `app.check_files` reload it."""
    if briefing is None:
        app.notify("No briefing to edit.", severity="warning", markup=False)
        return
    words = editor.editor_words(os.environ)
    if shutil.which(words[0]) is None:
        app.notify(clean(f"No editor could be run: {words[0]!r} was not found. "
                         "Set $VISUAL or $EDITOR."), title="Cannot edit", severity="error",
                   markup=False)
        return
    line = _line(briefing, index)
    failure = ""
    try:
        with app.suspend():
            try:  # inside the block: the reader must resume whatever happens here
                code = subprocess.run(editor.command(words, briefing.path, line)).returncode
                if code:
                    failure = f"{words[0]} exited with status {code}."
            except OSError as error:
                failure = f"No editor could be run: {error}."
    except SuspendNotSupported:
        app.notify("This terminal cannot be handed to an editor.", title="Cannot edit",
                   severity="error", markup=False)
        return
    if failure:
        app.notify(clean(failure), title="Editor", severity="warning", markup=False)
    check = getattr(app, "check_files", None)
    if check is not None:
        check()
