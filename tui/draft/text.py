"""The article as text: what each paragraph is (headline, heading, caption, furniture, a
transcript turn, body), its sentences with their offsets, its quotations, and the dates and
places it gives."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

OPEN_QUOTES = "\u201c\u00ab\u201e"  # “ « „
CLOSE_QUOTES = "\u201d\u00bb"  # ” »

_FURNITURE = re.compile(
    r"^(search trends|share this( article| story)?|related( stories| articles| news| coverage)?"
    r"|read more|recommended|most (read|popular)|trending|advertisement|subscribe\b|sign up"
    r"|follow us|more from|you may also like|editor'?s note|top stories|latest news"
    r"|(\(|\[)?(photo|image|video|file photo|source)s?( credit)?\s*[:/(]|credit\s*:|copyright"
    r"|\u00a9|all rights reserved|(reporting|writing|editing|additional reporting|compiled)"
    r" by\b|contact\s*:|tags\s*:|topics\s*:|filed under|\(reuters\)$|\(ap\)$)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:[Bb]y|[Ff]rom)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}"
                     r"(\s*(,|\||and|&)\s*.*)?$")
_CREDIT = re.compile(r"(/\s*[A-Z][\w .&-]{1,40}$|\((photo|image|file)[^)]*\)|photo\s*(by|:)"
                     r"|\b(REUTERS|AFP|Getty Images|AP Photo|Xinhua|EPA)\b\s*/|/\s*(REUTERS|AFP)\b)",
                     re.IGNORECASE)
_CAPTION_POSE = re.compile(r"\((left|right|center|centre|l|r|c|2nd [lr]|front)\)", re.IGNORECASE)
_TURN = re.compile(r"^((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*(?:\s*\([^)]{1,40}\))?|Q|A)\s*:"
                   r"\s+(?=\S)")
_UPDATED = re.compile(r"^(updated|published|posted|last updated|first published)\b[: ]*",
                      re.IGNORECASE)

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATES = (
    re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"),  # August 1, 2022
    re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})"),  # 1 August 2022
    re.compile(r"(\d{1,2})-" + _MONTH + r"-(\d{4})"),  # 02-Aug-2022
    re.compile(r"(\d{4})-(\d{2})-(\d{2})"),  # 2022-08-01
)
_DATELINE = re.compile(
    r"^([A-Z][A-Z .'-]{2,40}?)(?:,\s*([A-Z][a-zA-Z .'-]+?))?,\s*(" + _MONTH
    + r"\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+" + _MONTH + r")?\s*(\([^)]{1,30}\))?\s*(--|—|–|-)\s+"
)

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen sen rep gov lt col maj capt sgt st jr sr no vs etc inc corp co ltd"
    " jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m approx dept"
    " fig est rev hon amb pres".split())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets in the paragraph
    end: int
    text: str


def is_caption(text: str) -> bool:
    """A photo caption or credit line: a credit at the end, a '(Left)'-style pointer, or a
    'Photo:' lead."""
    line = " ".join(text.split())
    return bool(_CAPTION_POSE.search(line) or _CREDIT.search(line))


def is_furniture(text: str) -> bool:
    """Page furniture: sharing and navigation lines, credits, copyright and bylines."""
    line = " ".join(text.split())
    return bool(_FURNITURE.match(line) or (len(line) < 80 and _BYLINE.match(line)))


def is_heading(text: str) -> bool:
    """A short line without closing punctuation: a section heading or a headline."""
    line = " ".join(text.split())
    words = line.split()
    return (0 < len(words) <= 12 and "\n" not in text.strip() and line[-1] not in ".!?:,;\"”'’"
            and line[0] not in "\"“'‘(" and not _TURN.match(line))


def turn(text: str) -> tuple[str, int] | None:
    """('Label', offset of the words) when the paragraph opens as a transcript turn."""
    match = _TURN.match(text)
    if match is None:
        return None
    return match.group(1), match.end()


def updated_line(text: str) -> bool:
    return bool(_UPDATED.match(text.strip()))


def dates(text: str) -> list[dt.date]:
    """Every full date in `text`, in order."""
    found: list[tuple[int, dt.date]] = []
    for number, pattern in enumerate(_DATES):
        for match in pattern.finditer(text):
            groups = match.groups()
            try:
                if number == 0:
                    day = dt.date(int(groups[2]), MONTHS[groups[0].lower()], int(groups[1]))
                elif number in (1, 2):
                    day = dt.date(int(groups[2]), MONTHS[groups[1].lower()], int(groups[0]))
                else:
                    day = dt.date(int(groups[0]), int(groups[1]), int(groups[2]))
            except (ValueError, KeyError):
                continue
            found.append((match.start(), day))
    return [day for _start, day in sorted(found, key=lambda pair: pair[0])]


def dateline(text: str) -> tuple[str, int] | None:
    """('Place', offset of the words after it) for 'DUSHANBE, Aug. 1 (Xinhua) -- ...'."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    city = match.group(1).strip().title()
    country = match.group(2)
    return (f"{city}, {country.strip()}" if country else city), match.end()


def dateline_day(text: str, year: int) -> dt.date | None:
    """The day a dateline gives ('Aug. 1'), in `year` when it names none."""
    match = _DATELINE.match(text)
    if match is None or not match.group(3):
        return None
    full = dates(match.group(3))
    if full:
        return full[0]
    short = re.match(_MONTH + r"\s+(\d{1,2})|(\d{1,2})\s+" + _MONTH, match.group(3))
    if short is None:
        return None
    month = MONTHS.get((short.group(1) or short.group(4) or "").lower())
    day = short.group(2) or short.group(3)
    try:
        return dt.date(year, month, int(day)) if month else None
    except ValueError:
        return None


def _ends_sentence(text: str, at: int) -> bool:
    """Is the full stop at `at` the end of a sentence (not an abbreviation or initial)?"""
    word = re.search(r"([\w.]+)$", text[:at])
    if word is None:
        return True
    token = word.group(1).lower()
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    return not re.fullmatch(r"(\w\.)+\w", token)


def sentences(text: str, start: int = 0) -> list[Sentence]:
    """The sentences of `text` from `start`. A sentence does not end inside a quotation."""
    out: list[Sentence] = []
    inside = False
    begin = start
    i = start
    n = len(text)
    while i < n:
        char = text[i]
        if char in OPEN_QUOTES:
            inside = True
        elif char in CLOSE_QUOTES:
            inside = False
        elif char == '"':
            inside = not inside
        elif char in ".!?":
            j = i + 1
            closed = False
            while j < n and text[j] in "\"”’)»":
                closed = closed or text[j] in '"”»'
                j += 1
            if inside and not closed:  # a sentence inside a quotation: the quotation goes on
                i = j
                continue
            inside = False
            if (j >= n or text[j].isspace()) and (char != "." or _ends_sentence(text, i)):
                rest = text[j:].lstrip()
                if not rest or rest[0].isupper() or rest[0] in "\"“‘(«" or rest[0].isdigit():
                    out.append(Sentence(begin, j, text[begin:j]))
                    while j < n and text[j].isspace():
                        j += 1
                    begin = j
            i = j
            continue
        i += 1
    if text[begin:].strip():
        end = len(text.rstrip())
        out.append(Sentence(begin, end, text[begin:end]))
    return out


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks; an unclosed one runs
    to the end of `text`."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, char in enumerate(text):
        if opened is None and (char in OPEN_QUOTES or (char == '"' and _opens(text, i))):
            opened = i + 1
        elif opened is not None and (char in CLOSE_QUOTES or char == '"'):
            spans.append((opened, i))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _opens(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()


def opens_unclosed(text: str) -> bool:
    """Does the paragraph open a quotation it does not close?"""
    spans = quotations(text)
    if not spans:
        return False
    end = spans[-1][1]
    return end == len(text) and text.rstrip()[-1:] not in '"”»'
