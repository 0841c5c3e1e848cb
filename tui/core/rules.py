"""The rules a briefing's values follow, each written once and used for every table.

A rule takes the value as tomli read it (None when the key is absent: TOML has no null),
where it was read (the path of the table that holds it, and its key there) and a `Report`;
it tells the report of every rule the value breaks and returns the value as the model holds
it: text passed through `sanitize.clean`, ids resolved to the objects they name. After a
broken rule it returns a stand-in ("" or None or the items that were good), so that the
checker can go on and report all the problems of a file at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, Protocol

from . import keylines
from .sanitize import clean

#: What an id (a key of [speakers], [topics] or [sessions]) may hold: a TOML bare key.
ID = re.compile(r"[A-Za-z0-9_-]+")


class Report(Protocol):
    """Where rules tell what is wrong; `where` is a key path (see `keylines`)."""

    def error(self, where: tuple, message: str) -> None: ...

    def warn(self, where: tuple, message: str) -> None: ...


def type_name(value: Any) -> str:
    """What a TOML value is, as an error message says it: 'an integer', 'a table'."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time of day"
    return type(value).__name__


def suggest(word: str, choices) -> str:
    """'; did you mean 'X'?' for the choice closest to `word`, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def unknown_keys(table: dict, where: tuple, allowed, report: Report) -> None:
    """A warning for each key of `table` that is not `allowed`, with the nearest allowed."""
    for key in table:
        if key not in allowed:
            report.warn(where + (key,), f"unknown key '{key}'{suggest(key, allowed)}")


def table(value: Any, where: tuple, key: str, report: Report, required: bool) -> dict | None:
    """A table, or None."""
    if value is None:
        if required:
            report.error(where, f"missing required table [{keylines.path_text(where + (key,))}]")
        return None
    if not isinstance(value, dict):
        report.error(where + (key,), f"must be a table, not {type_name(value)}")
        return None
    return value


def string(value: Any, where: tuple, key: str, report: Report, required: bool = False) -> str:
    """A string, cleaned; a required one must hold more than white space. '' when absent."""
    if type(value) is str:
        if required and not value.strip():
            report.error(where + (key,), "must not be empty")
        return value if value.isprintable() else clean(value)  # clean keeps printable text
    if value is None:
        if required:
            report.error(where, f"missing required key '{key}'")
        return ""
    report.error(where + (key,), f"must be a string, not {type_name(value)}")
    return ""


def strings(value: Any, where: tuple, key: str, report: Report) -> tuple[str, ...]:
    """An array of strings, each cleaned; () when absent."""
    if value is None:
        return ()
    if not isinstance(value, list):
        report.error(where + (key,), f"must be an array of strings, not {type_name(value)}")
        return ()
    out = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            out.append(clean(item))
        else:
            report.error(where + (key, index), f"must be a string, not {type_name(item)}")
    return tuple(out)


def when(value: Any, where: tuple, key: str, report: Report, required: bool = False):
    """A date or date-time (local or with an offset), or None."""
    if value is None:
        if required:
            report.error(where, f"missing required key '{key}'")
        return None
    if isinstance(value, dt.date):  # a datetime is a date too
        return value
    report.error(where + (key,), f"must be a date or date-time, not {type_name(value)}")
    return None


def ref(value: Any, where: tuple, key, kind: str, known: dict, report: Report,
        required: bool = False) -> Any:
    """What the id `value` names among `known` (ids of `kind`: "speaker"), or None. `key` is
    a key of the table at `where`, or an index of the array there."""
    found = known.get(value) if type(value) is str else None
    if found is not None:
        return found
    if value is None:
        if required:
            report.error(where, f"missing required key '{key}'")
    elif not isinstance(value, str):
        report.error(where + (key,), f"must be a {kind} id (a string), not {type_name(value)}")
    else:
        report.error(where + (key,), f"unknown {kind} '{clean(value)}'{suggest(value, known)}")
    return None


def refs(value: Any, where: tuple, key: str, kind: str, known: dict, report: Report,
         shared: dict | None = None) -> tuple:
    """What an array of ids names among `known`, each id read as `ref` reads it; the ids
    that name nothing are reported and left out. With `shared`, arrays of the same ids give
    the same tuple (the loader shares topics so; the catalog counts each tuple once)."""
    if value is None:
        return ()
    if type(value) is not list:
        report.error(where + (key,), f"must be an array of {kind} ids, not {type_name(value)}")
        return ()
    try:
        if shared is None:
            return tuple([known[item] for item in value])
        ids = tuple(value)
        found = shared.get(ids)
        if found is None:
            found = shared[ids] = tuple([known[item] for item in value])
        return found
    except (KeyError, TypeError):  # an id that names nothing, or is not a string at all
        path = where + (key,)
        found = (ref(item, path, index, kind, known, report) for index, item in enumerate(value))
        return tuple(item for item in found if item is not None)


def paragraph(value: Any, where: tuple, paragraphs: tuple[str, ...] | None,
              report: Report) -> int | None:
    """The number of a paragraph of the source text (from 1), or None. `paragraphs` are the
    source's, or None when there is no source text to hold the number against."""
    if value is None:
        return None
    if type(value) is not int:
        report.error(where + ("paragraph",), f"must be an integer, not {type_name(value)}")
        return None
    if value < 1:
        report.error(where + ("paragraph",), "must be 1 or more")
        return None
    if paragraphs is not None and value > len(paragraphs):
        report.error(
            where + ("paragraph",),
            f"paragraph {value} is past the end of the source text ({len(paragraphs)} paragraphs)",
        )
        return None
    return value


def ids(value: dict, where: tuple, report: Report) -> dict:
    """The entries of a table of tables keyed by id ([speakers.ID]), those that are good."""
    out = {}
    for key, entry in value.items():
        if not ID.fullmatch(key):
            report.error(where + (key,), "an id may hold only ASCII letters, digits, - and _")
        elif not isinstance(entry, dict):
            report.error(where + (key,), f"must be a table, not {type_name(entry)}")
        else:
            out[key] = entry
    return out


def array_of_tables(value: Any, key: str, report: Report,
                    required: bool) -> list[tuple[int, dict]]:
    """The tables of a top-level array of tables ([[quotes]]), each with its index."""
    if value is None or value == []:
        if required:
            report.error((), f"at least one [[{key}]] is required")
        return []
    if not isinstance(value, list):
        report.error((key,), f"must be an array of tables ([[{key}]]), not {type_name(value)}")
        return []
    out = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            out.append((index, item))
        else:
            report.error((key, index), f"must be a table, not {type_name(item)}")
    return out
