"""The editor command line of `v`: tui/output/editor.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.output.editor import command, editor_words, family, quote_line

from support import SEED

P = Path("/b/seed.toml")


@pytest.mark.parametrize(("environ", "words"), [
    ({}, ["vi"]),
    ({"EDITOR": "nano"}, ["nano"]),
    ({"VISUAL": "nvim", "EDITOR": "nano"}, ["nvim"]),
    ({"VISUAL": "  ", "EDITOR": "emacs -nw"}, ["emacs", "-nw"]),
    ({"VISUAL": "'/opt/my editor/vim' -u NONE"}, ["/opt/my editor/vim", "-u", "NONE"]),
    ({"EDITOR": "vim 'unclosed"}, ["vim 'unclosed"]),
])
def test_the_editor_comes_from_visual_then_editor_then_vi(environ, words):
    assert editor_words(environ) == words


@pytest.mark.parametrize(("words", "expected"), [
    (["vi"], ["vi", "+12", "/b/seed.toml"]),
    (["/usr/bin/vim"], ["/usr/bin/vim", "+12", "/b/seed.toml"]),
    (["nvim"], ["nvim", "+12", "/b/seed.toml"]),
    (["nano"], ["nano", "+12", "/b/seed.toml"]),
    (["emacs", "-nw"], ["emacs", "-nw", "+12", "/b/seed.toml"]),
    (["emacsclient", "-t"], ["emacsclient", "-t", "+12", "/b/seed.toml"]),
    (["micro"], ["micro", "+12", "/b/seed.toml"]),
    (["kak"], ["kak", "+12", "/b/seed.toml"]),
    (["hx"], ["hx", "/b/seed.toml:12"]),
    (["helix"], ["helix", "/b/seed.toml:12"]),
    (["subl", "-w"], ["subl", "-w", "/b/seed.toml:12"]),
    (["code", "--wait"], ["code", "--wait", "--goto", "/b/seed.toml:12"]),
    (["kate"], ["kate", "--line", "12", "/b/seed.toml"]),
    (["NVIM.EXE"], ["NVIM.EXE", "+12", "/b/seed.toml"]),
    (["ed"], ["ed", "/b/seed.toml"]),  # no known way to give it a line: the file alone
    (["my-editor"], ["my-editor", "/b/seed.toml"]),
])
def test_each_family_is_given_the_line_its_way(words, expected):
    assert command(words, P, 12) == expected


def test_without_a_line_the_file_alone():
    assert command(["vim"], P, None) == ["vim", "/b/seed.toml"]
    assert family("hx") == "colon" and family("notepad") == ""


def test_a_file_named_like_an_option_is_not_read_as_one():
    assert command(["vim"], Path("-rf.toml"), 3) == ["vim", "+3", "./-rf.toml"]


def test_the_line_of_a_quote_is_its_table_header(seed):
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    for index in (0, 5, len(seed.quotes) - 1):
        line = quote_line(text, index)
        assert lines[line - 1].strip() == "[[quotes]]"
        assert seed.quotes[index].text.split()[0] in "\n".join(lines[line - 1:line + 12])
    assert quote_line(text, len(seed.quotes)) is not None  # past the end: the quotes array
    assert quote_line("format = 1\n", 0) is None
