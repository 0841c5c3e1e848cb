"""End to end, in a real terminal (a detached tmux pane, `support.tmux.Pane`): what only a
real terminal shows of `v` (the reader suspended for an editor, then reloading) and of the
search history (keys arriving in one burst, and a second run)."""

from __future__ import annotations

import shlex
import shutil

from support import SEED
from support.entry_point import entry_point
from support.tmux import Pane, needs_tmux

FAKE_EDITOR = r"""#!/bin/sh
# Records its arguments, then puts EDITED before the text of the quote at +LINE.
printf '%s\n' "$@" > "$ARGS_FILE"
line=${1#+}
sed -i "${line},\$!b; /^text = \"/{s//text = \"EDITED /;:a;n;ba}" "$2"
"""


@needs_tmux
def test_v_opens_the_editor_at_the_quote_and_reloads_on_return(tmp_path):
    """`v` hands the terminal to $VISUAL at the selected quote's line (here a script that
    edits that quote); back in the reader the file is reloaded and the cursor stays on it."""
    from tui.core.loader import load
    from tui.output.editor import quote_line

    shutil.copytree(SEED.parent, tmp_path / "briefs")
    shutil.copytree(SEED.parent.parent / "seeds", tmp_path / "seeds")
    briefing = tmp_path / "briefs" / SEED.name
    (tmp_path / "bin").mkdir()
    script = tmp_path / "bin" / "vim"  # named as vim is, so it is given +LINE as vim is
    script.write_text(FAKE_EDITOR)
    script.chmod(0o755)
    arguments = tmp_path / "arguments"
    quote = load(briefing).quotes[2]
    line = quote_line(briefing.read_text(encoding="utf-8"), 2)
    pane = Pane()
    try:
        pane.start(tmp_path, {"BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
                              "BRIEFING_STATE_DIR": str(tmp_path / "state"),
                              "VISUAL": str(script), "ARGS_FILE": str(arguments),
                              "TERM": "xterm-256color"},
                   f"{shlex.quote(entry_point())} {shlex.quote(str(briefing))}; "
                   "echo EXIT=$?; sleep 5")
        pane.wait_for("Quotes 30 of 30")
        pane.send("j")
        pane.send("j")
        pane.send("v")
        screen = pane.wait_for("Reloaded")
        assert arguments.read_text().split("\n")[:2] == [f"+{line}", str(briefing)]
        assert load(briefing).quotes[2].text == "EDITED " + quote.text
        first_words = " ".join(quote.text.split()[:2])
        screen = pane.wait_for("EDITED " + first_words)
        pane.send("q")
        screen = pane.wait_for("EXIT=")
        assert "EXIT=0" in screen, screen
    finally:
        pane.kill()


@needs_tmux
def test_a_search_typed_at_once_is_in_the_next_runs_history(tmp_path):
    """`/solar<Enter>` arriving in one burst (as pasted or typed fast) goes into the
    history whole, and Ctrl+R in the next run brings it back."""
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
           "BRIEFING_STATE_DIR": str(tmp_path / "state"), "TERM": "xterm-256color"}
    command = f"{shlex.quote(entry_point())} {shlex.quote(str(SEED))}; echo EXIT=$?; sleep 5"
    for run in range(2):
        pane = Pane()
        try:
            pane.start(tmp_path, env, command)
            pane.wait_for("Quotes 30 of 30")
            if run == 0:
                pane.send("/solar", "Enter", literal=False)
                pane.wait_for("Quotes 3 of 30")
            else:
                pane.send("/")
                pane.send("C-r")
                pane.wait_for("Quotes 3 of 30")
                assert "search: solar" in pane.capture()
                pane.send("Enter")  # out of the field: the q below quits
            pane.send("q")
            assert "EXIT=0" in pane.wait_for("EXIT=")
        finally:
            pane.kill()
