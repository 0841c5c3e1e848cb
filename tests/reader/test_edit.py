"""`v` in Pilot, which cannot hand the terminal over: what the reader says when there is no
editor, or no terminal to give it (tests/e2e/test_e2e_tmux.py runs a real one)."""

from __future__ import annotations

from tui.reader.app import make_app


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_v_without_an_editor_says_so(seed, monkeypatch):
    monkeypatch.setenv("VISUAL", "no-such-editor-here")
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert any("No editor could be run" in t and "no-such-editor-here" in t
                   and "$VISUAL or $EDITOR" in t for t in toasts(app))


async def test_v_where_the_terminal_cannot_be_handed_over_says_so(seed, monkeypatch):
    monkeypatch.setenv("VISUAL", "true")  # found on PATH; Pilot's driver cannot suspend
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert any("cannot be handed to an editor" in t for t in toasts(app))
        assert app.screen.query_one("#quotes").cursor == 0
