"""The loader: every error and warning the format spec lists, each at its exact line and key
path, and text from a briefing made safe for a terminal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import threading
from pathlib import Path

import pytest
import tomli

import tui.core.files
from tui.core.loader import BriefingError, Problem, check, load

from support import DATA, UNSAFE

SOURCE = DATA / "good" / "source.txt"

# A small valid briefing; tests change one thing in it. Its source text has 6 paragraphs;
# paragraph 2 is 'Guðrún Ólafsson opened the dialogue. "Geothermal heat warms nine homes...'
BASE = """\
format = 1

[meeting]
title = "Talks"
date = 2023-05-04

[source]
text = "source.txt"

[speakers.anna]
name = "Anna"

[topics.energy]
title = "Energy"

[sessions.plenary]
title = "Plenary"
participants = ["anna"]

[[quotes]]
speaker = "anna"
text = "Hello."
topics = ["energy"]
session = "plenary"
paragraph = 2
excerpt = "Geothermal heat warms"
"""

# Characters a terminal acts on, or that reorder text: none may survive loading.


def write(tmp_path: Path, text: str | bytes, name: str = "b.toml") -> Path:
    """`text` as a briefing in tmp_path, beside a copy of the good source text."""
    shutil.copy(SOURCE, tmp_path / "source.txt")
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def line_with(text: str | Path, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after `start` that contains `needle`."""
    if isinstance(text, Path):
        text = text.read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.warning]


def one_error(path: Path) -> Problem:
    """The one error of a briefing that must not open (warnings that follow from it, such
    as a speaker left unused by a quote that lost its speaker, are allowed)."""
    briefing, problems = check(path)
    assert briefing is None
    found = errors(problems)
    assert len(found) == 1, [str(p) for p in problems]
    return found[0]


def by_key(problems: list[Problem], key: str) -> Problem:
    found = [p for p in problems if p.key == key]
    assert len(found) == 1, (key, [str(p) for p in problems])
    return found[0]


def test_base_briefing_is_valid(tmp_path):
    briefing, problems = check(write(tmp_path, BASE))
    assert problems == []
    assert briefing.quotes[0].excerpt == "Geothermal heat warms"


# -- reading the file -----------------------------------------------------------------------


def test_not_utf8_names_line_and_column_of_bad_byte(tmp_path):
    path = write(tmp_path, b'format = 1\n[meeting]\ntitle = "caf\xe9"\n')
    problem = one_error(path)
    assert (problem.line, problem.column) == (3, 13)
    assert "not UTF-8" in problem.message and "0xe9" in problem.message
    assert str(problem) == f"{path}:3:13: is not UTF-8 text (byte 0xe9)"


def test_binary_file_with_nul(tmp_path):
    problem = one_error(write(tmp_path, b"format = 1\nx = 1\x00\n"))
    assert (problem.line, problem.column) == (2, 6)
    assert "binary" in problem.message and "NUL" in problem.message


@pytest.mark.parametrize("text", ["", "\n  \n\t\n"], ids=["empty", "blank"])
def test_empty_file(tmp_path, text):
    problem = one_error(write(tmp_path, text))
    assert problem.line == 1
    assert "empty" in problem.message


def test_byte_order_mark_is_an_error(tmp_path):
    problem = one_error(write(tmp_path, "\ufeff" + BASE))
    assert (problem.line, problem.column) == (1, 1)
    assert "byte order mark" in problem.message


def test_not_toml_gives_tomli_line_and_column(tmp_path):
    text = 'format = 1\n\n[meeting\ntitle = "x"\n'
    with pytest.raises(tomli.TOMLDecodeError) as expected:
        tomli.loads(text)
    problem = one_error(write(tmp_path, text))
    assert problem.line == 3 == expected.value.lineno
    assert problem.column == expected.value.colno
    assert problem.message.startswith("invalid TOML: ")
    assert str(problem).startswith(f"{tmp_path / 'b.toml'}:3:{problem.column}: invalid TOML: ")


def test_duplicate_id_is_a_toml_error_at_the_second_definition(tmp_path):
    text = BASE + '\n[speakers.anna]\nname = "Anna again"\n'
    problem = one_error(write(tmp_path, text))
    assert problem.line == line_with(text, "[speakers.anna]", start=20)
    assert problem.message.startswith("invalid TOML")


@pytest.mark.parametrize(
    "text",
    ["a = " + "[" * 5000 + "]" * 5000, "a = " + "{b=" * 5000 + "}" * 5000,
     "format = " + "[" * 900 + "]" * 900],
    ids=["arrays", "inline-tables", "format-array"],
)
def test_deep_nesting_is_a_clean_problem(tmp_path, text):
    problem = one_error(write(tmp_path, text))  # no RecursionError escapes
    assert "nested too deeply" in problem.message or problem.message.startswith("invalid TOML")


def test_directory_passed_as_file(tmp_path):
    (tmp_path / "folder.toml").mkdir()
    problem = one_error(tmp_path / "folder.toml")
    assert problem.message == "is a directory, not a file"
    assert str(problem) == f"{tmp_path / 'folder.toml'}: is a directory, not a file"


def test_missing_file(tmp_path):
    problem = one_error(tmp_path / "nothing-here.toml")
    assert problem.message == "no such file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, BASE)
    path.chmod(0)
    try:
        assert one_error(path).message == "permission denied"
    finally:
        path.chmod(0o644)


def test_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    result: list = []
    worker = threading.Thread(target=lambda: result.append(check(path)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert result, "check() blocked on a FIFO"
    briefing, problems = result[0]
    assert briefing is None and len(problems) == 1
    assert "not a regular file" in problems[0].message


def test_file_over_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(tui.core.files, "MAX_BYTES", 100)
    problem = one_error(write(tmp_path, BASE))
    assert "refused" in problem.message and "100 bytes" in problem.message
    assert str(len(BASE.encode())) in problem.message


def test_file_at_size_limit_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, BASE)
    monkeypatch.setattr(tui.core.files, "MAX_BYTES", path.stat().st_size)
    briefing, problems = check(path)
    assert briefing is not None
    # The source text (611 bytes) is over the limit too: a warning, as any unreadable source.
    [warning] = problems
    assert warning.warning and warning.key == "source.text"
    assert "refused" in warning.message


# -- format ---------------------------------------------------------------------------------


def test_format_missing(tmp_path):
    problem = one_error(write(tmp_path, edit("format = 1\n", "")))
    assert problem.line == 1
    assert problem.key == "(top level)"
    assert "missing required key 'format'" in problem.message
    assert "supported: 1" in problem.message


@pytest.mark.parametrize("value", ["2", '"1"', "1.0", "true"])
def test_format_unsupported_names_supported_versions(tmp_path, value):
    text = edit("format = 1\n", f"\n\nformat = {value}\n")
    problem = one_error(write(tmp_path, text))
    assert problem.line == 3
    assert problem.key == "format"
    assert "unsupported format" in problem.message
    assert problem.message.endswith("this reader supports 1")


# -- required keys, types, empty strings ----------------------------------------------------

OUTCOME = '\n[[outcomes]]\ntopics = ["energy"]\nparagraph = 6\n'


@pytest.mark.parametrize(
    "old, new, key, needle, message",
    [
        ('title = "Talks"\n', "", "meeting", "[meeting]", "missing required key 'title'"),
        ("date = 2023-05-04\n", "", "meeting", "[meeting]", "missing required key 'date'"),
        ('name = "Anna"\n', "", "speakers.anna", "[speakers.anna]",
         "missing required key 'name'"),
        ('title = "Energy"\n', "", "topics.energy", "[topics.energy]",
         "missing required key 'title'"),
        ('title = "Plenary"\n', "", "sessions.plenary", "[sessions.plenary]",
         "missing required key 'title'"),
        ('speaker = "anna"\n', "", "quotes[0]", "[[quotes]]", "missing required key 'speaker'"),
        ('text = "Hello."\n', "", "quotes[0]", "[[quotes]]", "missing required key 'text'"),
        ('excerpt = "Geothermal heat warms"\n', 'excerpt = "Geothermal heat warms"\n' + OUTCOME,
         "outcomes[0]", "[[outcomes]]", "missing required key 'text'"),
    ],
    ids=["meeting.title", "meeting.date", "speaker.name", "topic.title", "session.title",
         "quote.speaker", "quote.text", "outcome.text"],
)
def test_required_key_missing(tmp_path, old, new, key, needle, message):
    text = edit(old, new)
    problem = one_error(write(tmp_path, text))
    assert problem.key == key
    assert problem.line == line_with(text, needle)
    assert problem.message == message


def test_required_tables_missing(tmp_path):
    text = 'format = 1\n\n[source]\noutlet = "x"\n'
    briefing, problems = check(write(tmp_path, text))
    assert briefing is None
    assert sorted(p.message for p in problems) == [
        "at least one [[quotes]] is required",
        "missing required table [meeting]",
        "missing required table [speakers]",
    ]
    assert all(p.key == "(top level)" and p.line == 1 for p in problems)


def test_speakers_table_empty(tmp_path):
    text = edit('[speakers.anna]\nname = "Anna"\n', "[speakers]\n")
    briefing, problems = check(write(tmp_path, text))
    assert briefing is None
    problem = [p for p in problems if p.message == "at least one speaker is required"]
    assert [p.line for p in problem] == [line_with(text, "[speakers]")]


@pytest.mark.parametrize(
    "old, new, key, message",
    [
        ("paragraph = 2", 'paragraph = "2"', "quotes[0].paragraph",
         "must be an integer, not a string"),
        ("paragraph = 2", "paragraph = true", "quotes[0].paragraph",
         "must be an integer, not a boolean"),
        ("paragraph = 2", "paragraph = 2.0", "quotes[0].paragraph",
         "must be an integer, not a float"),
        ('name = "Anna"', 'name = ["Anna"]', "speakers.anna.name",
         "must be a string, not an array"),
        ('text = "Hello."', "text = true", "quotes[0].text", "must be a string, not a boolean"),
        ("date = 2023-05-04", "date = 10:00:00", "meeting.date",
         "must be a date or date-time, not a time of day"),
        ("date = 2023-05-04", 'date = "2023-05-04"', "meeting.date",
         "must be a date or date-time, not a string"),
        ('topics = ["energy"]', 'topics = "energy"', "quotes[0].topics",
         "must be an array of topic ids, not a string"),
        ('participants = ["anna"]', "participants = [1]", "sessions.plenary.participants[0]",
         "must be a speaker id (a string), not an integer"),
        ('text = "source.txt"', "text = 3", "source.text", "must be a string, not an integer"),
        ('title = "Talks"', 'title = "Talks"\ntags = ["a", 2]', "meeting.tags[1]",
         "must be a string, not an integer"),
        ('speaker = "anna"', 'speaker = "anna"\nkind = "quote"', "quotes[0].kind",
         "must be \"direct\" or \"paraphrase\", not 'quote'"),
        ('speaker = "anna"', 'speaker = "anna"\nkind = ["direct"]', "quotes[0].kind",
         "must be \"direct\" or \"paraphrase\", not an array"),
    ],
    ids=["string-for-int", "bool-as-paragraph", "float-as-paragraph", "array-for-string",
         "bool-for-string", "local-time-as-date", "string-as-date", "string-for-array",
         "int-as-id", "int-as-path", "int-in-tags", "bad-kind", "array-as-kind"],
)
def test_wrong_type(tmp_path, old, new, key, message):
    text = edit(old, new)
    problem = one_error(write(tmp_path, text))
    assert problem.key == key
    assert problem.message == message
    assert problem.line == line_with(text, new.split("\n")[-1])


@pytest.mark.parametrize("table_line", ['meeting = "Talks"', "quotes = 1", "quotes = [1]"])
def test_wrong_type_of_table(tmp_path, table_line):
    text = 'format = 1\n' + table_line + '\n[speakers.anna]\nname = "Anna"\n'
    briefing, problems = check(write(tmp_path, text))
    assert briefing is None
    assert any("must be" in p.message and p.line == 2 for p in problems), problems


@pytest.mark.parametrize(
    "old, new, key",
    [
        ('title = "Talks"', 'title = ""', "meeting.title"),
        ('title = "Talks"', 'title = "  \\n "', "meeting.title"),
        ('name = "Anna"', 'name = ""', "speakers.anna.name"),
        ('text = "Hello."', "text = '''\n'''", "quotes[0].text"),
    ],
)
def test_empty_required_string(tmp_path, old, new, key):
    text = edit(old, new)
    problem = one_error(write(tmp_path, text))
    assert problem.key == key
    assert problem.message == "must not be empty"
    assert problem.line == line_with(text, new.split("\n")[0])


# -- references -----------------------------------------------------------------------------


def test_unknown_ids_with_suggestions():
    path = DATA / "bad" / "unknown-ids.toml"
    briefing, problems = check(path)
    assert briefing is None
    assert warnings(problems) == []
    expected = {
        "sessions.plenary.participants[1]":
            ('"wang-lee"', "unknown speaker 'wang-lee'; did you mean 'wang-li'?"),
        "quotes[0].speaker":
            ('"gudrun-olafson"', "unknown speaker 'gudrun-olafson'; did you mean 'gudrun-olafsson'?"),
        "quotes[1].topics[1]":
            ('"enrgy"', "unknown topic 'enrgy'; did you mean 'energy'?"),
        "quotes[1].session":
            ('"plenery"', "unknown session 'plenery'; did you mean 'plenary'?"),
        "quotes[1].to[1]":
            ('"wang-lii"', "unknown speaker 'wang-lii'; did you mean 'wang-li'?"),
    }
    assert {p.key for p in problems} == set(expected)
    for key, (needle, message) in expected.items():
        problem = by_key(problems, key)
        assert problem.message == message
        assert problem.line == line_with(path, needle)


def test_unknown_id_without_close_match_has_no_suggestion(tmp_path):
    problem = one_error(write(tmp_path, edit('speaker = "anna"', 'speaker = "zz-top-9"')))
    assert problem.message == "unknown speaker 'zz-top-9'"


def test_id_that_is_a_quoted_key_with_spaces(tmp_path):
    text = edit('[speakers.anna]\nname = "Anna"\n',
                '[speakers.anna]\nname = "Anna"\n\n[speakers."wang yi"]\nname = "Wang Yi"\n')
    briefing, problems = check(write(tmp_path, text))
    assert briefing is None
    problem = by_key(problems, 'speakers."wang yi"')
    assert problem.line == line_with(text, '[speakers."wang yi"]')
    assert problem.message == "an id may hold only ASCII letters, digits, - and _"


def test_quoted_key_with_id_characters_is_the_bare_id(tmp_path):
    text = edit("[speakers.anna]", '[speakers."anna"]')
    briefing, problems = check(write(tmp_path, text))
    assert problems == []
    assert briefing.speaker("anna").name == "Anna"


def test_non_ascii_id_is_an_error(tmp_path):
    text = edit('[topics.energy]\ntitle = "Energy"\n',
                '[topics.energy]\ntitle = "Energy"\n\n[topics."énergie"]\ntitle = "É"\n')
    problem = by_key(check(write(tmp_path, text))[1], 'topics."énergie"')
    assert problem.line == line_with(text, '[topics."énergie"]')
    assert not problem.warning


# -- paragraphs and excerpts ----------------------------------------------------------------


def test_paragraph_past_the_end(tmp_path):
    text = edit("paragraph = 2\nexcerpt = \"Geothermal heat warms\"\n", "paragraph = 7\n")
    problem = one_error(write(tmp_path, text))
    assert problem.key == "quotes[0].paragraph"
    assert problem.line == line_with(text, "paragraph = 7")
    assert problem.message == "paragraph 7 is past the end of the source text (6 paragraphs)"


def test_last_paragraph_is_fine(tmp_path):
    text = edit("paragraph = 2\nexcerpt = \"Geothermal heat warms\"\n", "paragraph = 6\n")
    assert check(write(tmp_path, text))[1] == []


@pytest.mark.parametrize("value", ["0", "-1"])
def test_paragraph_below_one(tmp_path, value):
    text = edit("paragraph = 2", f"paragraph = {value}")
    problem = one_error(write(tmp_path, text))
    assert problem.key == "quotes[0].paragraph"
    assert problem.line == line_with(text, f"paragraph = {value}")
    assert problem.message == "must be 1 or more"


def test_outcome_paragraph_past_the_end(tmp_path):
    text = BASE + '\n[[outcomes]]\ntext = "Agreed."\nparagraph = 40\n'
    problem = one_error(write(tmp_path, text))
    assert problem.key == "outcomes[0].paragraph"
    assert problem.line == line_with(text, "paragraph = 40")


def test_excerpt_not_in_its_paragraph(tmp_path):
    # The words are in paragraph 5, not in paragraph 2.
    text = edit('excerpt = "Geothermal heat warms"', 'excerpt = "a working group"')
    problem = one_error(write(tmp_path, text))
    assert problem.key == "quotes[0].excerpt"
    assert problem.line == line_with(text, "excerpt = ")
    assert problem.message == "excerpt 'a working group' not found in paragraph 2"


def test_excerpt_case_must_match(tmp_path):
    text = edit('excerpt = "Geothermal heat warms"', 'excerpt = "geothermal heat warms"')
    assert "not found in paragraph 2" in one_error(write(tmp_path, text)).message


def test_excerpt_is_compared_as_the_briefing_holds_it(tmp_path):
    # A carriage return is not white space once cleaned: it shows as a control picture,
    # which the paragraph does not hold.
    text = edit('excerpt = "Geothermal heat warms"', 'excerpt = "Geothermal\\rheat warms"')
    problem = one_error(write(tmp_path, text))
    assert problem.key == "quotes[0].excerpt"
    assert problem.message == "excerpt 'Geothermal\u240dheat warms' not found in paragraph 2"


def test_long_excerpt_is_shortened_in_the_message(tmp_path):
    long = "nothing like this " * 10
    problem = one_error(write(tmp_path, edit('"Geothermal heat warms"', f'"{long}"')))
    assert "..." in problem.message and len(problem.message) < len(long) + 40


@pytest.mark.parametrize(
    "excerpt",
    ['"Geothermal   heat warms"', '"""Geothermal\nheat\twarms"""',
     '"  Geothermal heat warms  "', '"its solar technology"'],
    ids=["spaces", "newline-tab", "padding", "line-break-in-source"],
)
def test_excerpt_white_space_compared_loosely(tmp_path, excerpt):
    # Paragraph 3 of the source breaks 'its   solar' / 'technology' over two lines.
    paragraph = 3 if "solar" in excerpt else 2
    text = edit('paragraph = 2\nexcerpt = "Geothermal heat warms"',
                f"paragraph = {paragraph}\nexcerpt = {excerpt}")
    briefing, problems = check(write(tmp_path, text))
    assert problems == []
    assert briefing is not None


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date, end",
    [
        ("2023-05-04", "2023-05-03"),
        ("2023-05-04", "2023-05-03T23:59:00"),
        ("2023-05-04T10:00:00", "2023-05-03"),
        ("2023-05-04T10:00:00", "2023-05-04T09:59:00"),
        ("2023-05-04T10:00:00+05:00", "2023-05-04T12:00:00+08:00"),
    ],
    ids=["date-date", "date-datetime", "datetime-date", "local-local", "offset-offset"],
)
def test_end_date_before_date(tmp_path, date, end):
    text = edit("date = 2023-05-04", f"date = {date}\nend_date = {end}")
    problem = one_error(write(tmp_path, text))
    assert problem.key == "meeting.end_date"
    assert problem.line == line_with(text, "end_date =")
    assert "before" in problem.message


@pytest.mark.parametrize(
    "date, end",
    [
        ("2023-05-04", "2023-05-04"),
        ("2023-05-04", "2023-05-04T09:00:00"),
        ("2023-05-04T10:00:00", "2023-05-05"),
        ("2023-05-04T10:00:00+05:00", "2023-05-04T14:00:00+08:00"),
    ],
    ids=["same-date", "same-day-datetime", "next-day", "later-in-utc"],
)
def test_end_date_not_before_date(tmp_path, date, end):
    text = edit("date = 2023-05-04", f"date = {date}\nend_date = {end}")
    briefing, problems = check(write(tmp_path, text))
    assert problems == []
    assert briefing.meeting.end_date is not None


def test_date_kinds_are_kept(tmp_path):
    text = edit("date = 2023-05-04", "date = 2023-05-04T10:00:00+05:00")
    briefing = load(write(tmp_path, text))
    assert briefing.meeting.date == dt.datetime(
        2023, 5, 4, 10, tzinfo=dt.timezone(dt.timedelta(hours=5))
    )


# -- warnings -------------------------------------------------------------------------------


def test_unknown_key_warning_suggests_nearest_key():
    path = DATA / "bad" / "typo-key.toml"
    briefing, problems = check(path)
    warning = by_key(problems, "quotes[1].speker")
    assert warning.warning
    assert warning.message == "unknown key 'speker'; did you mean 'speaker'?"
    assert warning.line == line_with(path, "speker =")
    assert str(warning) == (
        f"{path}:{warning.line}: quotes[1].speker: warning: "
        "unknown key 'speker'; did you mean 'speaker'?"
    )
    # Without `speaker`, the quote lacks a required key: that one is an error.
    error = by_key(problems, "quotes[1]")
    assert error.message == "missing required key 'speaker'"
    assert error.line == line_with(path, "[[quotes]]", start=line_with(path, "Fine."))
    assert briefing is None


def test_warnings_only_briefing_opens():
    path = DATA / "warn" / "warnings.toml"
    briefing, problems = check(path)
    assert briefing is not None
    assert errors(problems) == []
    expected = {
        "meeting.summery": ("summery =", "unknown key 'summery'; did you mean 'summary'?"),
        "source.text": ('text = "no-such-source.txt"',
                        "cannot read source text 'no-such-source.txt': no such file"),
        "speakers.bert": ("[speakers.bert]", "no quote uses this speaker"),
        "topics.unused": ("[topics.unused]", "no quote uses this topic"),
    }
    assert {p.key for p in problems} == set(expected)
    for key, (needle, message) in expected.items():
        problem = by_key(problems, key)
        assert problem.warning
        assert problem.message == message
        assert problem.line == line_with(path, needle)
    # With no source text, paragraph and excerpt are not checked, and kept as written.
    assert briefing.source.paragraphs is None
    assert briefing.quotes[0].paragraph == 999
    assert briefing.quotes[0].excerpt == "words that could not be checked"


def test_unknown_key_without_close_match(tmp_path):
    text = edit('title = "Talks"', 'title = "Talks"\ncolour = "blue"')
    briefing, problems = check(write(tmp_path, text))
    assert briefing is not None
    [warning] = problems
    assert warning.warning and warning.key == "meeting.colour"
    assert warning.message == "unknown key 'colour'"


@pytest.mark.parametrize(
    "content, reason",
    [(b"caf\xe9\n", "not UTF-8"), (b"a\x00b", "binary"), (None, "is a directory")],
    ids=["latin-1", "binary", "directory"],
)
def test_unreadable_source_text_is_a_warning(tmp_path, content, reason):
    path = write(tmp_path, BASE)
    (tmp_path / "source.txt").unlink()
    if content is None:
        (tmp_path / "source.txt").mkdir()
    else:
        (tmp_path / "source.txt").write_bytes(content)
    briefing, problems = check(path)
    assert briefing is not None
    [warning] = problems
    assert warning.warning and warning.key == "source.text"
    assert warning.line == line_with(BASE, 'text = "source.txt"')
    assert reason in warning.message


def test_source_text_may_start_with_bom(tmp_path):
    path = write(tmp_path, BASE)
    source = tmp_path / "source.txt"
    source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    briefing, problems = check(path)
    assert problems == []
    assert briefing.source.paragraphs[0].startswith("Nordic")


def test_speaker_used_only_as_addressee_is_used(tmp_path):
    text = edit('[speakers.anna]\nname = "Anna"\n',
                '[speakers.anna]\nname = "Anna"\n[speakers.bo]\nname = "Bo"\n')
    text = edit('speaker = "anna"', 'speaker = "anna"\nto = ["bo"]', text)
    assert check(write(tmp_path, text))[1] == []


# -- all problems at once, and how they read -------------------------------------------------

FIVE = [
    ("meeting.title", 'title = ""', "must not be empty"),
    ("speakers.olafsson.name", "name = 42", "must be a string, not an integer"),
    ("quotes[0].speaker", '"wang-y"', "unknown speaker 'wang-y'; did you mean 'wang-yi'?"),
    ("quotes[1].paragraph", "paragraph = 99",
     "paragraph 99 is past the end of the source text (6 paragraphs)"),
    ("quotes[2].excerpt", "excerpt =",
     "excerpt 'words that are nowhere in paragraph two' not found in paragraph 2"),
]


def test_all_problems_of_a_file_are_reported():
    path = DATA / "bad" / "five-errors.toml"
    briefing, problems = check(path, "five.toml")
    assert briefing is None
    assert len(problems) == 5, [str(p) for p in problems]
    lines = [line_with(path, needle) for _, needle, _ in FIVE]
    assert len(set(lines)) == 5
    assert [(p.key, p.line, p.message) for p in problems] == [
        (key, line, message) for (key, _, message), line in zip(FIVE, lines)
    ]
    assert [str(p) for p in problems] == [
        f"five.toml:{line}: {key}: {message}" for (key, _, message), line in zip(FIVE, lines)
    ]


def test_load_raises_with_every_problem():
    with pytest.raises(BriefingError) as raised:
        load(DATA / "bad" / "five-errors.toml")
    assert len(raised.value.problems) == 5
    assert str(raised.value) == str(raised.value.problems[0])


def test_problem_str_layout():
    assert str(Problem("f.toml", "msg", "a.b", 3)) == "f.toml:3: a.b: msg"
    assert str(Problem("f.toml", "msg", "a.b", 3, 7)) == "f.toml:3:7: a.b: msg"
    assert str(Problem("f.toml", "msg", "a.b", 3, warning=True)) == "f.toml:3: a.b: warning: msg"
    assert str(Problem("f.toml", "msg")) == "f.toml: msg"


def test_problem_strings_hold_no_control_characters(tmp_path):
    text = edit('title = "Talks"',
                'title = "Talks"\n"k\\u001b]0;pwned\\u0007\\u009b\\u202e" = 1\n"tab\\there\\nnl" = 2')
    path = write(tmp_path, text, name="evil\x1b[31m\u202e\x07.toml")
    briefing, problems = check(path)
    assert briefing is not None and len(problems) == 2
    for problem in problems:
        shown = str(problem)
        assert not UNSAFE.search(shown), repr(shown)
        assert "\n" not in shown and "\t" not in shown
        assert "evil␛[31m" in shown
    assert "␛]0;pwned␇" in str(problems[0])
    # A file-level problem (no key) with the same hostile name.
    (tmp_path / "source.txt").unlink()
    shown = str(one_error(tmp_path / "gone\x1b[2J.toml"))
    assert not UNSAFE.search(shown) and "gone␛[2J.toml" in shown


# -- text is data ---------------------------------------------------------------------------


def _strings(value, where="briefing"):
    """Every string in a loaded briefing, with where it was found."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if not field.name.startswith("_"):
                yield from _strings(getattr(value, field.name), f"{where}.{field.name}")


def test_control_characters_are_cleaned_in_every_model_string():
    briefing, problems = check(DATA / "hostile" / "controls.toml")
    assert problems == []
    found = dict(_strings(briefing))
    hostile = {where: text for where, text in found.items() if "␛" in text}
    # Every string the fixture sets, and every source paragraph, held controls.
    for where in [
        "briefing.meeting.title", "briefing.meeting.place", "briefing.meeting.summary",
        "briefing.meeting.tags[0]", "briefing.source.outlet", "briefing.source.headline",
        "briefing.source.url", "briefing.speakers[0].name", "briefing.speakers[0].role",
        "briefing.speakers[0].affiliation", "briefing.speakers[0].aliases[0]",
        "briefing.topics[0].title", "briefing.topics[0].keywords[0]",
        "briefing.topics[0].summary", "briefing.sessions[0].title",
        "briefing.quotes[0].text", "briefing.quotes[0].excerpt", "briefing.quotes[0].note",
        "briefing.outcomes[0].text", "briefing.source.paragraphs[0]",
        "briefing.source.paragraphs[1]", "briefing.source.paragraphs[2]",
    ]:
        assert where in hostile, where
    for where, text in found.items():
        assert not UNSAFE.search(text), (where, text)
    name = briefing.speakers[0].name
    assert name == "Mallory ␛]0;title␇ \ufffd31m \ufffd \ufffd"
    assert "bell ␇" in briefing.source.paragraphs[1] and "␡" in briefing.source.paragraphs[1]
