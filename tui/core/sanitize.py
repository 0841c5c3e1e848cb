"""Make untrusted text safe to put on a terminal.

Every string read from a briefing or a source text passes through `clean` once, at load. After
that the text holds no character a terminal would act on: C0 controls other than newline and
tab, and DEL, become visible Control Pictures (ESC shows as ␛, DEL as ␡); C1 controls and the
bidirectional marks, overrides, embeddings and isolates become U+FFFD. Markup-like text needs no
treatment here: the widgets never parse briefing text as markup.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + "]")
REPLACEMENT = "\ufffd"


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def clean(text: str) -> str:
    """`text` with every terminal control and bidi control made visible or replaced."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if text.isprintable() or not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_visible, text)


def one_line(text: str) -> str:
    """White space (newlines, tabs) folded to single spaces, for one-line display."""
    return " ".join(text.split())
