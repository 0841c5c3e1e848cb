"""Where each key of a TOML document is written: key path → (line, column).

tomli reports positions of syntax errors only. For schema errors we scan the (already valid)
document once, line by line, and note where every table header and key begins. Paths are
tuples: `("quotes", 3, "speaker")` is the `speaker` key of the fourth `[[quotes]]`. Keys inside
multi-line arrays and inline tables are not mapped; `line_of` falls back to the nearest mapped
ancestor, which is the key that holds them.
"""

from __future__ import annotations

import re

Path = tuple  # of str keys and int array indices

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\\n]|\\.)*"'
_LITERAL = r"'[^'\n]*'"
_KEY_PART = rf"\s*(?:{_BARE}|{_BASIC}|{_LITERAL})\s*"
_KEY = rf"{_KEY_PART}(?:\.{_KEY_PART})*"
_HEADER = re.compile(rf"\s*(\[\[?)({_KEY})\]\]?")
_KEYVAL = re.compile(rf"\s*({_KEY})=")
_PART = re.compile(rf"\s*({_BARE}|{_BASIC}|{_LITERAL})\s*\.?")
# Tokens that change the scanner's state inside a value.
_TOKEN = re.compile(r'"""|\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|[\[\]{}#]')
# A multi-line basic string ends at the first """ not escaped by an odd run of backslashes.
_END = {'"""': re.compile(r'(?<!\\)(?:\\\\)*"""'), "'''": re.compile("'''")}


def _unquote(part: str) -> str:
    if part.startswith('"'):
        try:
            import json

            return json.loads(part)
        except ValueError:
            return part[1:-1]
    if part.startswith("'"):
        return part[1:-1]
    return part


def _split_key(key: str) -> list[str]:
    return [_unquote(m.group(1)) for m in _PART.finditer(key)]


def key_lines(text: str) -> dict[Path, tuple[int, int]]:
    """Map every header and key path in `text` to its 1-based (line, column)."""
    lines: dict[Path, tuple[int, int]] = {}
    arrays: dict[Path, int] = {}  # array-of-tables path → index of its last element
    table: Path = ()
    depth = 0  # nesting of [ and { inside a value that spans lines
    closer = None  # end pattern of an open multi-line string

    def resolve(parts: list[str]) -> Path:
        path: Path = ()
        for part in parts:
            path += (part,)
            if path in arrays:
                path += (arrays[path],)
        return path

    for number, line in enumerate(text.split("\n"), start=1):
        pos = 0
        if closer is not None:
            end = closer.search(line)
            if end is None:
                continue
            closer = None
            pos = end.end()
        elif depth == 0:
            header = _HEADER.match(line)
            if header:
                parts = _split_key(header.group(2))
                if header.group(1) == "[[":
                    base = resolve(parts[:-1]) + (parts[-1],)
                    arrays[base] = arrays.get(base, -1) + 1
                    table = base + (arrays[base],)
                    lines.setdefault(base, (number, 1))
                else:
                    table = resolve(parts)
                for end in range(1, len(table) + 1):
                    lines.setdefault(table[:end], (number, 1))
                continue
            keyval = _KEYVAL.match(line)
            if keyval is None:
                continue
            path = table
            for part in _split_key(keyval.group(1)):
                path += (part,)
                lines.setdefault(path, (number, len(line) - len(line.lstrip()) + 1))
            pos = keyval.end()
        # Follow the value far enough to know whether it goes on to the next line.
        while True:
            token = _TOKEN.search(line, pos)
            if token is None:
                break
            kind = token.group()
            if kind == "#":
                break
            if kind in _END:
                end = _END[kind].search(line, token.end())
                if end is None:
                    closer = _END[kind]
                    break
                pos = end.end()
                continue
            if kind in "[{":
                depth += 1
            elif kind in "]}":
                depth -= 1
            pos = token.end()
    return lines


def line_of(lines: dict[Path, tuple[int, int]], path: Path) -> tuple[int, int] | None:
    """Position of `path`, or of its nearest ancestor that was mapped."""
    while path:
        found = lines.get(path)
        if found is not None:
            return found
        path = path[:-1]
    return None


def path_text(path: Path) -> str:
    """`("quotes", 3, "speaker")` → `quotes[3].speaker`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if re.fullmatch(_BARE, part) else '"' + part.replace('"', '\\"') + '"'
            out += f".{text}" if out else text
    return out
