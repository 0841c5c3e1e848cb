"""End to end over a real SSH connection: an sshd of the test's own on 127.0.0.1 (throwaway
host and user keys), the installed `briefing` run through `ssh -tt` in a tmux pane. The
search highlight must reach the screen, a citation copied with `c` must reach tmux's paste
buffer by OSC 52 across the connection, and `q` must end the session with status 0. On a
truecolor terminal over SSH the reader sends 256 colours (`tui.cli.ssh_environment`)."""

from __future__ import annotations

import shlex
import time

import pytest

from tui.bench import sshd
from tui.core.catalog import Catalog
from tui.core.view import View
from tui.output.export import citation

from support import SEED
from support.entry_point import entry_point
from support.tmux import SGR, TIMEOUT, Pane, attributed, highlighted_words, needs_tmux

WIDTH, HEIGHT = 120, 36


@pytest.fixture
def server(tmp_path):
    reason = sshd.available()
    if reason:
        pytest.skip(f"no sshd to log in to: {reason}")
    running = sshd.Sshd(tmp_path / "sshd")
    try:
        yield running.start()
    finally:
        running.stop()


@pytest.fixture
def pane():
    opened = Pane(WIDTH, HEIGHT, clipboard=True)
    try:
        yield opened
    finally:
        opened.kill()


def _remote_command(tmp_path) -> str:
    """The command ssh runs on the server: the venv's `briefing` by absolute path, with the
    environment the tmux tests give it (ssh passes on only TERM)."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
           "BRIEFING_STATE_DIR": str(tmp_path / "state"), "TERM": "xterm-256color",
           "COLORTERM": "truecolor", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    return (f"cd {shlex.quote(str(cwd))} && env {exports} "
            f"{shlex.quote(entry_point())} {shlex.quote(str(SEED))}")


def colour_kinds(screen: str) -> set[str]:
    """'256' and/or 'truecolor': the kinds of extended colour among the SGR sequences."""
    kinds = set()
    for parameters in SGR.findall(screen):
        codes = parameters.replace(":", ";").split(";")
        for index, code in enumerate(codes[:-1]):
            if code in ("38", "48"):
                kinds.add({"5": "256", "2": "truecolor"}.get(codes[index + 1], "other"))
    return kinds


def test_colour_kinds():
    assert colour_kinds("\x1b[1;38;5;208mx\x1b[48;2;1;2;3my\x1b[0m") == {"256", "truecolor"}
    assert colour_kinds("\x1b[31;1mx\x1b[m") == set()


def _until(probe, what: str, pane: Pane, timeout: float = TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = probe()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"{what} within {timeout} s; the screen:\n{pane.capture()}")


@needs_tmux
def test_search_copy_and_quit_over_ssh(server, pane, tmp_path, seed):
    ssh = " ".join(shlex.quote(part) for part in server.ssh_argv())
    remote = shlex.quote(_remote_command(tmp_path))
    pane.start(tmp_path, {"TERM": "xterm-256color"}, f"{ssh} {remote}; echo EXIT=$?; sleep 5")
    pane.wait_for("30 of 30 quotes", timeout=30)  # a login and a start: room for a slow CI

    pane.send("/")
    pane.send("luban", literal=True)
    pane.wait_for("search: luban")
    need = {"bold", "underline"}
    marked = _until(lambda: highlighted_words(pane.capture(escapes=True), "luban", need),
                    f"'luban' shown {need}", pane)
    assert marked
    colored = pane.capture(escapes=True)
    assert not highlighted_words(colored, "china", need), colored
    plain = "\n".join("".join(c for c, _ in attributed(line)) for line in colored.split("\n"))
    catalog = Catalog([seed])
    found = View().with_query("luban").rows(catalog)
    assert f"{len(found)} of 30 quotes" in plain
    assert colour_kinds(colored) == {"256"}  # the SSH default, on a truecolor terminal

    pane.send("Enter")
    pane.send("c")
    wanted = citation(catalog.rows[found[0]])
    copied = _until(lambda: pane.tmux("show-buffer", check=False).strip() == wanted and wanted,
                    "the citation in tmux's paste buffer (OSC 52 through ssh)", pane)
    assert copied == wanted

    pane.send("q")
    screen = pane.wait_for("EXIT=")
    assert "EXIT=0" in screen, screen
