"""The environment the CLI gives the reader over SSH (`tui.cli.ssh_environment`)."""

from __future__ import annotations

import pytest

from tui.cli import ssh_environment

SSH = {"SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22", "COLORTERM": "truecolor",
       "TERM": "xterm-256color"}


def test_over_ssh_on_a_truecolor_terminal_the_reader_sends_256_colours():
    assert ssh_environment(SSH) == {"TEXTUAL_COLOR_SYSTEM": "256"}
    assert ssh_environment(dict(SSH, COLORTERM="24bit")) == {"TEXTUAL_COLOR_SYSTEM": "256"}


def test_on_a_local_terminal_nothing_is_set():
    assert ssh_environment({k: v for k, v in SSH.items() if k != "SSH_CONNECTION"}) == {}
    assert ssh_environment(dict(SSH, SSH_CONNECTION="")) == {}


def test_what_the_user_set_is_kept():
    assert ssh_environment(dict(SSH, TEXTUAL_COLOR_SYSTEM="truecolor")) == {}
    assert ssh_environment(dict(SSH, TEXTUAL_COLOR_SYSTEM="")) == {}


@pytest.mark.parametrize("value", ["0", "no", "false", "OFF", " 0 "])
def test_the_defaults_can_be_turned_off(value):
    assert ssh_environment(dict(SSH, BRIEFING_SSH_DEFAULTS=value)) == {}


def test_turning_them_on_explicitly_is_the_same_as_leaving_them():
    assert ssh_environment(dict(SSH, BRIEFING_SSH_DEFAULTS="1")) == ssh_environment(SSH)


@pytest.mark.parametrize("colorterm", [None, "", "yes", "256"])
def test_a_terminal_that_does_not_announce_truecolor_is_left_to_textual(colorterm):
    """Textual picks 256 colours or fewer there itself: forcing 256 could add colours."""
    environ = {k: v for k, v in SSH.items() if k != "COLORTERM"}
    if colorterm is not None:
        environ["COLORTERM"] = colorterm
    assert ssh_environment(environ) == {}


def test_no_color_is_left_alone():
    assert ssh_environment(dict(SSH, NO_COLOR="1")) == {}
