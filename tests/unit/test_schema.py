"""The JSON Schema of format 1 agrees with `check`: every briefing without errors validates,
and every file that `check` rejects for a type or shape error fails the schema too.

Editors (taplo, Even Better TOML) validate the JSON form of a TOML file, in which dates are
strings; the tests validate that same form. A date where text belongs (`title = 2023-03-11`)
and text that reads as a date where a date belongs (`date = "2023-03-11"`) are therefore the
shape errors only `check` sees."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import tomli
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.core.loader import check

from support import DATA, NORDIC, ROOT

SCHEMA_FILE = ROOT / "tui" / "core" / "briefing.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(
    SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
)
DATE_TEXT = re.compile(SCHEMA["definitions"]["date"]["pattern"])
DATE_KEYS = {"date", "end_date", "published"}

#: What `check` reports that a schema cannot say: references between ids, paragraphs and
#: excerpts against the source text, the order of two dates.
NOT_SHAPE = re.compile(
    r"^unknown (speaker|topic|session) |is past the end of the source text|"
    r"not found in paragraph|^end_date is before date$"
)

FIXTURES = sorted(DATA.rglob("*.toml")) + sorted((ROOT / "briefs").glob("*.toml"))


def as_json(value):
    """The JSON form editors validate: TOML dates and times become their RFC 3339 text."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def schema_errors(doc: dict) -> list[str]:
    instance = json.loads(json.dumps(as_json(doc)))
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATOR.iter_errors(instance)]


def check_errors(path: Path) -> tuple[list[str], list[str]]:
    """`check`'s errors for `path`, split into (shape errors, the others)."""
    _, problems = check(path)
    errors = [p for p in problems if not p.warning]
    shape = [str(p) for p in errors if not NOT_SHAPE.search(p.message)]
    other = [str(p) for p in errors if NOT_SHAPE.search(p.message)]
    return shape, other


def assert_agree(path: Path, doc: dict) -> None:
    shape, other = check_errors(path)
    found = schema_errors(doc)
    if shape:
        assert found, f"check rejects the shape, the schema accepts it: {shape}"
    elif not other:
        assert not found, f"a valid briefing fails the schema: {found}"


def test_the_schema_is_a_valid_draft_4_schema():
    jsonschema.Draft4Validator.check_schema(SCHEMA)


def test_briefing_schema_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == SCHEMA


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_schema_agrees_with_check_on_every_fixture(path):
    try:
        doc = tomli.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomli.TOMLDecodeError):
        pytest.skip("not TOML: there is no document to validate")
    assert_agree(path, doc)


def test_the_fixtures_hold_both_kinds_of_file():
    """The agreement above is not vacuous: some fixtures are valid, some have shape errors."""
    kinds = {bool(check_errors(p)[0]) for p in FIXTURES}
    assert kinds == {True, False}


# -- documents written from a mutated Nordic fixture -----------------------------------------

def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):  # JSON escapes are TOML escapes, but for DEL
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def write(tmp_path: Path, doc: dict) -> Path:
    path = tmp_path / "mutated.toml"
    path.write_text("".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in doc.items()),
                    encoding="utf-8")
    (tmp_path / "source.txt").write_bytes((NORDIC.parent / "source.txt").read_bytes())
    return path


NORDIC_DOC = tomli.loads(NORDIC.read_text(encoding="utf-8"))


def _set(doc, path, value):
    target = doc
    for key in path[:-1]:
        target = target[key]
    if isinstance(target, dict) and not isinstance(path[-1], str):
        raise TypeError("a table's keys are strings")  # a list's index, the list replaced
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value


_DELETE = object()

#: One shape error each, as a writer might make it; every one is caught by both.
SHAPE_ERRORS = {
    "format is a string": (("format",), "1"),
    "format 2": (("format",), 2),
    "format 1.0": (("format",), 1.0),
    "no format": (("format",), _DELETE),
    "no meeting": (("meeting",), _DELETE),
    "an empty title": (("meeting", "title"), "   "),
    "a date of the wrong type": (("meeting", "date"), 20230311),
    "a time of day for a date": (("meeting", "date"), dt.time(9, 30)),
    "no date": (("meeting", "date"), _DELETE),
    "tags not an array": (("meeting", "tags"), "energy"),
    "a tag not a string": (("meeting", "tags"), ["energy", 3]),
    "source not a table": (("source",), "Nordic Wire"),
    "no speakers": (("speakers",), {}),
    "a bad speaker id": (("speakers", "wang li"), {"name": "Wang Li"}),
    "a speaker not a table": (("speakers", "wang-li"), "Wang Li"),
    "a speaker without a name": (("speakers", "wang-li", "name"), _DELETE),
    "a topic without a title": (("topics", "energy", "title"), _DELETE),
    "participants not an array": (("sessions", "plenary", "participants"), "wang-li"),
    "no quotes": (("quotes",), []),
    "a quote not a table": (("quotes", 0), "Geothermal heat"),
    "a quote without a speaker": (("quotes", 0, "speaker"), _DELETE),
    "a speaker id that is not a string": (("quotes", 0, "speaker"), 7),
    "a quote with empty text": (("quotes", 0, "text"), ""),
    "an unknown kind": (("quotes", 0, "kind"), "verbatim"),
    "paragraph 0": (("quotes", 0, "paragraph"), 0),
    "paragraph a string": (("quotes", 0, "paragraph"), "2"),
    "paragraph true": (("quotes", 0, "paragraph"), True),
    "topics not an array": (("quotes", 0, "topics"), "energy"),
    "an outcome without text": (("outcomes", 0, "text"), _DELETE),
}

#: Errors of references and source text, which only `check` sees.
OTHER_ERRORS = {
    "an unknown speaker": (("quotes", 0, "speaker"), "wang-lee"),
    "a paragraph past the end": (("quotes", 0, "paragraph"), 99),
    "an excerpt not in its paragraph": (("quotes", 0, "excerpt"), "words not in it"),
    "end_date before date": (("meeting", "end_date"), dt.date(2020, 1, 1)),
}


@pytest.mark.parametrize("name", SHAPE_ERRORS)
def test_a_shape_error_fails_both(tmp_path, name):
    doc = copy.deepcopy(NORDIC_DOC)
    _set(doc, *SHAPE_ERRORS[name])
    path = write(tmp_path, doc)
    shape, _ = check_errors(path)
    assert shape, "check accepts it"
    assert schema_errors(doc), "the schema accepts it"


@pytest.mark.parametrize("name", OTHER_ERRORS)
def test_what_a_schema_cannot_say_is_left_to_check(tmp_path, name):
    doc = copy.deepcopy(NORDIC_DOC)
    _set(doc, *OTHER_ERRORS[name])
    shape, other = check_errors(write(tmp_path, doc))
    assert other and not shape
    assert not schema_errors(doc)


@pytest.mark.parametrize("key, value", [("date", "2023-03-11"), ("title", dt.date(2023, 3, 11))])
def test_dates_and_text_that_reads_as_one_are_left_to_check(tmp_path, key, value):
    doc = copy.deepcopy(NORDIC_DOC)
    doc["meeting"][key] = value
    shape, _ = check_errors(write(tmp_path, doc))
    assert shape
    assert not schema_errors(doc)


def _holds_a_date(value) -> bool:
    if isinstance(value, dict):
        return any(map(_holds_a_date, value.values()))
    if isinstance(value, list):
        return any(map(_holds_a_date, value))
    return isinstance(value, (dt.date, dt.time))


def _indistinct(path: tuple, value) -> bool:
    """A change whose JSON form is the same as that of a valid value (see the docstring)."""
    at_a_date = path[-1] in DATE_KEYS
    if isinstance(value, str):
        return at_a_date and bool(DATE_TEXT.match(value))
    return _holds_a_date(value) and not (at_a_date and isinstance(value, (dt.date, dt.time)))


def test_the_mutated_documents_are_read_as_written(tmp_path):
    """The writer above produces the same document again (else the tests prove nothing)."""
    path = write(tmp_path, NORDIC_DOC)
    assert tomli.loads(path.read_text(encoding="utf-8")) == NORDIC_DOC
    assert check(path)[0] is not None and not schema_errors(NORDIC_DOC)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


PATHS = [p for p in _paths(NORDIC_DOC) if p]
VALUES = st.recursive(
    st.one_of(st.integers(-3, 200), st.booleans(), st.text(max_size=12),
              st.floats(allow_nan=False, allow_infinity=False), st.dates(), st.times(),
              st.datetimes(), st.sampled_from(["direct", "paraphrase", "wang-li", "energy"])),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["name", "title", "text", "speaker", "date", "x y"]), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.one_of(st.just(_DELETE), VALUES)),
                min_size=1, max_size=3))
def test_the_schema_agrees_with_check_on_mutated_briefings(tmp_path, changes):
    doc = copy.deepcopy(NORDIC_DOC)
    for path, value in changes:
        assume(not _indistinct(path, value))
        try:
            _set(doc, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the path
    path = write(tmp_path, doc)
    assert tomli.loads(path.read_text(encoding="utf-8")) == doc
    assert_agree(path, doc)
