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


def citation(row: Row) -> str:
    """'"text" — Name, Role, Place, Date (Outlet), paragraph N'."""
    quote, briefing = row.quote, row.briefing
    who = [quote.speaker.name]
    if quote.speaker.role:
        who.append(quote.speaker.role)
    if briefing.meeting.place:
        who.append(briefing.meeting.place)
    who.append(when_text(briefing.meeting.date))
    text = f"\u201c{one_line(quote.text)}\u201d \u2014 " + ", ".join(who)
    if briefing.source.outlet:
        text += f" ({briefing.source.outlet})"
    if quote.paragraph is not None:
        text += f", paragraph {quote.paragraph}"
    return text


def facts(quote: Quote) -> list[str]:
    """The short facts shown under a quote: kind, session, topics, addressees, paragraph."""
    out = [quote.kind]
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
            yield f"    {one_line(quote.text)}"
            yield "    " + " · ".join(facts(quote))
            if quote.note:
                yield f"    note: {one_line(quote.note)}"
    yield ""
    yield f"{len(rows)} quote{'s' if len(rows) != 1 else ''}"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md(text: str) -> str:
    """Text with Markdown syntax escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


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
            out.append(f"> {md(quote.text)}")
            out.append(">")
            out.append(f"> \u2014 **{md(quote.speaker.label)}** · " +
                       " · ".join(md(f) for f in facts(quote)))
            if quote.note:
                out += [">", f"> *Note:* {md(quote.note)}"]
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
