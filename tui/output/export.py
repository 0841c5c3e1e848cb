"""Quotes as text for people and programs: plain text, Markdown, JSON, citations.

Shared by `briefing show`, the reader's export (`e`) and its copied citations. The briefing's
text is already clean of terminal controls; Markdown output also escapes Markdown syntax so
that a quote can never become a link or an HTML tag in a rendered export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..core.model import Briefing, Quote, Row, when_text
from ..core.sanitize import one_line

JSON_VERSION = 1


PARAPHRASE = "paraphrase, not a direct quote"


def citation(row: Row) -> str:
    """The quote cited as a journalist may use it. The speaker's own words are quoted:
    '“text” — Name, Role, Place, Date (Outlet), paragraph N'. Reported speech is never put in
    quotation marks: 'Name, Role (paraphrase, not a direct quote): text — Place, Date
    (Outlet), paragraph N'."""
    quote, briefing = row.quote, row.briefing
    who = quote.speaker.name + (f", {quote.speaker.role}" if quote.speaker.role else "")
    where = [briefing.meeting.place] if briefing.meeting.place else []
    where.append(when_text(briefing.meeting.date))
    if quote.direct:
        text = f"\u201c{one_line(quote.text)}\u201d \u2014 " + ", ".join([who, *where])
    else:
        text = f"{who} ({PARAPHRASE}): {one_line(quote.text)} \u2014 " + ", ".join(where)
    if briefing.source.outlet:
        text += f" ({briefing.source.outlet})"
    if quote.paragraph is not None:
        text += f", paragraph {quote.paragraph}"
    return text


def shown_text(quote: Quote) -> str:
    """The quote's text on one line, in quotation marks when they are the speaker's own
    words and without them when it is reported speech."""
    text = one_line(quote.text)
    return f"\u201c{text}\u201d" if quote.direct else text


def kind(quote: Quote) -> str:
    return "direct quote" if quote.direct else PARAPHRASE


def facts(quote: Quote) -> list[str]:
    """The short facts shown under a quote: kind, session, topics, addressees, paragraph."""
    out = [kind(quote)]
    if quote.session is not None:
        out.append(f"session: {quote.session.title}")
    if quote.topics:
        out.append("topics: " + ", ".join(t.title for t in quote.topics))
    if quote.to:
        out.append("to: " + ", ".join(s.name for s in quote.to))
    if quote.paragraph is not None:
        out.append(f"paragraph {quote.paragraph}")
    return out


def heading(briefing: Briefing) -> str:
    meeting = briefing.meeting
    parts = [meeting.when]
    if meeting.place:
        parts.append(meeting.place)
    if briefing.source.outlet:
        parts.append(briefing.source.outlet)
    return f"{meeting.title} ({', '.join(parts)})"


def groups(rows: Sequence[Row]) -> list[tuple[Briefing, list[Row]]]:
    groups: list[tuple[Briefing, list[Row]]] = []
    for row in rows:
        if groups and groups[-1][0] is row.briefing:
            groups[-1][1].append(row)
        else:
            groups.append((row.briefing, [row]))
    return groups


def plain_lines(rows: Sequence[Row]) -> Iterable[str]:
    """Plain text, one quote per block, grouped under its meeting."""
    for number, (briefing, group) in enumerate(groups(rows)):
        if number:
            yield ""
        yield heading(briefing)
        for row in group:
            quote = row.quote
            yield ""
            yield f"  {quote.speaker.label}"
            yield f"    {shown_text(quote)}"
            yield "    " + " · ".join(facts(quote))
            if quote.note:
                yield f"    note: {one_line(quote.note)}"
    yield ""
    yield f"{len(rows)} quote{'s' if len(rows) != 1 else ''}"


#: Characters with a meaning anywhere in a line: links and images open with `[` (so `(` and
#: `!` need nothing), HTML and autolinks with `<`, code, emphasis, tables, strike-through.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")  # `&amp;` would show as `&`
_MD_LINE_START = re.compile(r"^(?:([#+=-])|(\d+)([.)]))")  # headings, lists, rules
_MD_CLOSING = re.compile(r"(\s)(#+)$")  # a heading's closing `#`s are dropped


def md(text: str) -> str:
    """Text on one line with what Markdown would read as syntax escaped, and nothing else:
    it renders as the text itself, never as a link, an HTML tag, a list or a heading."""
    text = _MD_ENTITY.sub("\\\\&", _MD_INLINE.sub(r"\\\1", one_line(text)))
    text = _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
    return _MD_CLOSING.sub(lambda m: m[1] + "\\#" * len(m[2]), text)


def markdown(rows: Sequence[Row], title: str = "") -> str:
    out: list[str] = []
    if title:
        out += [f"# {md(title)}", ""]
    level = "##" if title else "#"
    for briefing, group in groups(rows):
        out += [f"{level} {md(briefing.meeting.title)}", ""]
        meta = [briefing.meeting.when, briefing.meeting.place, briefing.source.outlet]
        out += [" · ".join(md(m) for m in meta if m), ""]
        for row in group:
            quote = row.quote
            about = [md(f) for f in facts(quote)]
            if quote.direct:  # the speaker's words: a block quotation
                out += [f"> {md(quote.text)}", ">",
                        f"> \u2014 **{md(quote.speaker.label)}** · " + " · ".join(about)]
                if quote.note:
                    out += [">", f"> *Note:* {md(quote.note)}"]
            else:  # reported speech: never typeset as a quotation
                out.append(f"**{md(quote.speaker.label)}** ({md(PARAPHRASE)}): {md(quote.text)}")
                if about[1:]:  # the kind is said above
                    out += ["", "\u2014 " + " · ".join(about[1:])]
                if quote.note:
                    out += ["", f"*Note:* {md(quote.note)}"]
            out.append("")
    out.append(f"{len(rows)} quote{'s' if len(rows) != 1 else ''}.")
    return "\n".join(out) + "\n"


def _when_json(value) -> str | None:
    return value.isoformat() if value is not None else None


def quote_json(row: Row) -> dict:
    quote, briefing = row.quote, row.briefing
    return {
        "briefing": str(briefing.path),
        "meeting": briefing.meeting.title,
        "date": _when_json(briefing.meeting.date),
        "index": quote.index,
        "speaker": {
            "id": quote.speaker.id,
            "name": quote.speaker.name,
            "role": quote.speaker.role,
            "affiliation": quote.speaker.affiliation,
        },
        "kind": quote.kind,
        "text": quote.text,
        "topics": [{"id": t.id, "title": t.title} for t in quote.topics],
        "session": (
            {"id": quote.session.id, "title": quote.session.title} if quote.session else None
        ),
        "to": [{"id": s.id, "name": s.name} for s in quote.to],
        "paragraph": quote.paragraph,
        "excerpt": quote.excerpt or None,
        "note": quote.note or None,
    }


def to_json(rows: Sequence[Row]) -> str:
    import json  # only for `show --format json`; not at the reader's start-up

    document = {"version": JSON_VERSION, "count": len(rows),
                "quotes": [quote_json(r) for r in rows]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
