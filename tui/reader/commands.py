"""Command palette entries: jump to any speaker, topic or session by fuzzy name, and open
the overview. Every prompt is built as Content from plain text, so briefing text is never
parsed as markup (Textual's own `Matcher.highlight` would parse it)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from ..core.sanitize import one_line

MATCH = Style(bold=True, underline=True)


def _prompt(text: str, offsets=()) -> Content:
    content = Content(text)
    for offset in offsets:
        content = content.stylize(MATCH, offset, offset + 1)
    return content


class BriefingCommands(Provider):
    def _entries(self):
        app = self.app
        catalog = app.catalog
        yield "Show overview", app.action_overview
        yield "Show help (all keys)", app.action_help
        for entry in catalog.speakers.values():
            speaker = entry.speaker
            label = f"Speaker: {one_line(speaker.name)}"
            if speaker.role:
                label += f" ({one_line(speaker.role)})"
            yield label, partial(app.narrow, speaker=entry.id)
        for entry in catalog.topics.values():
            yield f"Topic: {one_line(entry.topic.title)}", partial(app.narrow, topic=entry.id)
        for briefing in catalog.briefings:
            for session in briefing.sessions:
                yield (
                    f"Session: {one_line(session.title)}",
                    partial(app.narrow, session=(briefing, session.id)),
                )

    async def discover(self) -> Hits:
        for number, (label, action) in enumerate(self._entries()):
            if number >= 200:
                break
            yield DiscoveryHit(_prompt(label), action, text=label)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, action in self._entries():
            score, offsets = matcher.fuzzy_search.match(query, label)
            if score > 0:
                yield Hit(score, _prompt(label, offsets), action, text=label)
