"""Problems: how one reads, and which is a file's first error."""

from __future__ import annotations

from tui.core.problem import Problem, first_error


def test_first_error_skips_warnings_and_reads_as_one_line():
    problems = [
        Problem("b.toml", "unknown key 'speker'", "quotes[0].speker", 3, None, True),
        Problem("b.toml", "unknown speaker 'x'\nwith\ta break", "quotes[1].speaker", 9),
        Problem("b.toml", "must not be empty", "quotes[2].text", 14),
    ]
    assert first_error(problems) == "b.toml:9: quotes[1].speaker: unknown speaker 'x' with a break"
    assert first_error(iter(problems), "cannot be opened") == str(problems[1])


def test_first_error_of_warnings_only_or_nothing_is_the_default():
    warning = Problem("b.toml", "no quote uses this topic", "topics.x", 5, None, True)
    assert first_error([warning]) == ""
    assert first_error([], "cannot be opened") == "cannot be opened"
