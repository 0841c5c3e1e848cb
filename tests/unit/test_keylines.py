"""key_lines: where each header and key of a TOML document is written."""

from __future__ import annotations

import tomli

from tui.core.keylines import key_lines, line_of, path_text


def lines(text: str) -> dict:
    tomli.loads(text)  # every document here is valid TOML
    return {path: line for path, (line, _column) in key_lines(text).items()}


def test_headers_and_keys():
    found = lines('format = 1\n\n[meeting]\ntitle = "T"\ndate = 2022-08-01\n')
    assert found == {
        ("format",): 1, ("meeting",): 3, ("meeting", "title"): 4, ("meeting", "date"): 5,
    }


def test_nested_header_maps_its_ancestors():
    found = lines('[speakers.wang-yi]\nname = "W"\n')
    assert found[("speakers",)] == 1
    assert found[("speakers", "wang-yi")] == 1
    assert found[("speakers", "wang-yi", "name")] == 2


def test_columns_of_indented_keys():
    positions = key_lines('[meeting]\n    title = "T"\n')
    assert positions[("meeting", "title")] == (2, 5)
    assert positions[("meeting",)] == (1, 1)


def test_dotted_keys():
    text = 'speakers.wang-yi.name = "W"\n[meeting]\nsource . outlet = "x"\n'
    found = lines(text)
    assert found[("speakers",)] == 1
    assert found[("speakers", "wang-yi", "name")] == 1
    assert found[("meeting", "source", "outlet")] == 3


def test_quoted_keys():
    text = (
        '[speakers."wang yi"]\n'
        'name = "W"\n'
        "'literal key' = 1\n"
        '"dotted.inside.quotes" = 2\n'
        '[ topics . "a \\"b\\"" ]\n'
        'title = "T"\n'
    )
    found = lines(text)
    assert found[("speakers", "wang yi")] == 1
    assert found[("speakers", "wang yi", "name")] == 2
    assert found[("speakers", "wang yi", "literal key")] == 3
    assert found[("speakers", "wang yi", "dotted.inside.quotes")] == 4
    assert found[("topics", 'a "b"')] == 5
    assert found[("topics", 'a "b"', "title")] == 6


def test_arrays_of_tables_are_indexed_from_zero():
    text = (
        "[[quotes]]\n"          # 1
        'speaker = "a"\n'      # 2
        "\n"
        "[[quotes]]\n"          # 4
        'speaker = "b"\n'      # 5
        "[[quotes.extra]]\n"    # 6
        "n = 1\n"               # 7
        "[[quotes.extra]]\n"    # 8
        "n = 2\n"               # 9
        "[[quotes]]\n"          # 10
        'text = "c"\n'         # 11
        "[[outcomes]]\n"        # 12
        'text = "d"\n'         # 13
    )
    found = lines(text)
    assert found[("quotes",)] == 1
    assert found[("quotes", 0)] == 1
    assert found[("quotes", 0, "speaker")] == 2
    assert found[("quotes", 1)] == 4
    assert found[("quotes", 1, "speaker")] == 5
    assert found[("quotes", 1, "extra", 0, "n")] == 7
    assert found[("quotes", 1, "extra", 1, "n")] == 9
    assert found[("quotes", 2)] == 10
    assert found[("quotes", 2, "text")] == 11
    assert found[("outcomes", 0, "text")] == 13


def test_multi_line_strings_hide_fake_headers_and_keys():
    text = (
        "[meeting]\n"           # 1
        'summary = """\n'       # 2
        "[fake]\n"
        "key = 1\n"
        "[[quotes]]\n"
        '"""\n'                 # 6
        "title = '''\n"         # 7
        "[other]\n"
        "place = 2\n"
        "'''\n"                 # 10
        'place = "P"\n'        # 11
    )
    found = lines(text)
    assert found == {
        ("meeting",): 1, ("meeting", "summary"): 2, ("meeting", "title"): 7,
        ("meeting", "place"): 11,
    }


def test_multi_line_string_ending_in_escaped_backslash():
    # `\\"""` is an escaped backslash and then the end of the string; `\"""` is not an end.
    text = (
        'a = """ends with a backslash \\\\"""\n'   # 1
        'b = """quote \\""" goes on\n'             # 2
        "[fake]\n"
        'c = 1 """\n'                              # 4
        "[real]\n"                                 # 5
        "d = 1\n"                                  # 6
    )
    assert tomli.loads(text)["a"].endswith("\\")
    found = lines(text)
    assert found == {("a",): 1, ("b",): 2, ("real",): 5, ("real", "d"): 6}


def test_multi_line_arrays_and_inline_tables():
    text = (
        "[meeting]\n"                 # 1
        "tags = [\n"                  # 2
        '  "[not a header]",\n'
        "  # a comment ]\n"
        '  "key = 1",\n'
        "]\n"                         # 6
        "inline = { a = 1, b = [\n"   # 7
        "  1, 2 ] }\n"
        'place = "P"\n'              # 9
    )
    found = lines(text)
    assert found == {
        ("meeting",): 1, ("meeting", "tags"): 2, ("meeting", "inline"): 7,
        ("meeting", "place"): 9,
    }


def test_comments():
    text = (
        "# [commented]\n"
        "# key = 1\n"
        "format = 1  # [not = a header]\n"   # 3
        "[meeting]  # the meeting\n"         # 4
        'title = "# not a comment"\n'        # 5
        "date = 2022-08-01 # ]\n"            # 6
        "place = 'P'\n"                      # 7
    )
    found = lines(text)
    assert found == {
        ("format",): 3, ("meeting",): 4, ("meeting", "title"): 5, ("meeting", "date"): 6,
        ("meeting", "place"): 7,
    }


def test_crlf_line_endings():
    found = lines('format = 1\r\n[meeting]\r\ntitle = "T"\r\n')
    assert found == {("format",): 1, ("meeting",): 2, ("meeting", "title"): 3}


def test_line_of_falls_back_to_nearest_ancestor():
    text = '[meeting]\ntags = [\n  "a",\n  2,\n]\n'
    positions = key_lines(text)
    assert line_of(positions, ("meeting", "tags", 1)) == (2, 1)
    assert line_of(positions, ("meeting", "nothing", "deeper")) == (1, 1)
    assert line_of(positions, ("elsewhere",)) is None
    assert line_of(positions, ()) is None


def test_path_text():
    assert path_text(("quotes", 3, "speaker")) == "quotes[3].speaker"
    assert path_text(("speakers", "wang-yi", "aliases", 0)) == "speakers.wang-yi.aliases[0]"
    assert path_text(("speakers", "wang yi")) == 'speakers."wang yi"'
    assert path_text(("say", 'a "b"')) == 'say."a \\"b\\""'
    assert path_text(()) == ""
