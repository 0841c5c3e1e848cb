"""A small TOML writer for what a briefing holds: strings, integers, dates and arrays of
strings, in tables and arrays of tables. Strings are escaped for TOML's basic strings."""

from __future__ import annotations

import datetime as dt
import re

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_BARE = re.compile(r"[A-Za-z0-9_-]+")


def string(value: str) -> str:
    """`value` as a TOML basic string."""
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _ESCAPES.get(char) or f"\\u{ord(char):04x}"

    return '"' + _NEEDS_ESCAPE.sub(escape, value) + '"'


def key(name: str) -> str:
    return name if _BARE.fullmatch(name) else string(name)


def value(item) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, (dt.date, dt.datetime)):
        return item.isoformat()
    if isinstance(item, str):
        return string(item)
    if isinstance(item, (list, tuple)):
        return "[" + ", ".join(value(i) for i in item) + "]"
    raise TypeError(f"no TOML form for {type(item).__name__}")


def _pairs(table: dict) -> list[str]:
    return [f"{key(k)} = {value(v)}" for k, v in table.items()
            if v is not None and v != "" and v != [] and not isinstance(v, dict)
            and not (isinstance(v, list) and isinstance(v[0], dict))]


def dumps(document: dict) -> str:
    """A document of plain values, tables (dicts, one level of sub-tables) and arrays of
    tables (lists of dicts), in the order given."""
    lines = _pairs(document)
    for name, item in document.items():
        if isinstance(item, dict) and item:
            nested = {k: v for k, v in item.items() if isinstance(v, dict)}
            if len(nested) < len(item) or not nested:
                lines += ["", f"[{key(name)}]", *_pairs(item)]
            for sub, table in nested.items():
                lines += ["", f"[{key(name)}.{key(sub)}]", *_pairs(table)]
        elif isinstance(item, list) and item and all(isinstance(i, dict) for i in item):
            for table in item:
                lines += ["", f"[[{key(name)}]]", *_pairs(table)]
    return "\n".join(lines) + "\n"
