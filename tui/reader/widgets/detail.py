"""The detail pane: the selected quote in full, who said it to whom, where, and the source
paragraph it came from with the excerpt marked."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.model import Row
from ...core.search import excerpt_span
from ...core.view import Highlight
from .changes import changed_span, resize
from .marking import MATCH_CSS, marked

LABEL = 9  # cells of a field's label ("Session  "), under which its wrapped lines start
SHOWN_CHARACTERS = 20_000  # of one text; the rest is named, not drawn (a 1 MB quote stays fast)


def _shortened(text: str) -> str:
    if len(text) <= SHOWN_CHARACTERS:
        return text
    rest = len(text) - SHOWN_CHARACTERS
    return (text[:SHOWN_CHARACTERS] + f" … [{rest:,} more characters: "
            "`e` exports the whole text]")


class DetailPane(ScrollView, can_focus=True):
    """Scrollable; its text is built as Rich Text, never parsed as markup. On Textual's line
    API: the text is wrapped once per width, and a new text repaints only the spans of the
    visible lines that now draw differently."""

    ALLOW_MAXIMIZE = True  # `z` zooms it like the lists (Textual's scroll containers do not)

    # The excerpt, like a match (see marking.MATCH_CSS), shows in text styles as well.
    DEFAULT_CSS = f"""
    DetailPane {{
        padding: 0 1;
        overflow-x: hidden;
    }}
    DetailPane > .detail--label {{
        color: $accent;
        text-style: bold;
    }}
    DetailPane > .detail--match {{ {MATCH_CSS} }}
    DetailPane > .detail--excerpt {{
        text-style: italic underline;
        background: $primary 30%;
    }}
    DetailPane > .detail--dim {{
        color: $foreground-muted;
    }}
    """

    COMPONENT_CLASSES = {"detail--label", "detail--match", "detail--excerpt", "detail--dim"}

    BINDINGS = [  # not in the keys bar: the keys every pane shares
        Binding("up,k", "scroll_up", "Scroll up", show=False),
        Binding("down,j", "scroll_down", "Scroll down", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
    ]

    # A new length needs a layout (the scrollbar), not a repaint: `show` repaints what changed.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=True, repaint=False)

    _shown: tuple = ()
    _row: Row | None = None
    _unbuilt = False  # shown before the first layout: built when first drawn

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.content = Text()
        self._wrapped: tuple[int, list[Strip]] = (-1, [])  # (width, lines)

    _highlight: Highlight | None = None
    _heading = ""  # the source paragraph's heading as built, which show_source finds

    def show(self, row: Row | None, highlight: Highlight) -> None:
        if not self.size.width:  # not laid out yet: built for its width as it is first drawn
            self._row, self._highlight, self._unbuilt = row, highlight, True
            return
        self._unbuilt = False
        width = self._text_width()
        key = self._key(row, highlight, width)
        if key == self._shown:
            return
        same_quote = bool(self._shown) and self._shown[0] == key[0]
        self._shown, self._row, self._highlight = key, row, highlight
        self._set_text(self.build(row, highlight, width), home=not same_quote)

    @staticmethod
    def _key(row: Row | None, highlight: Highlight, width: int) -> tuple:
        """What the text is built from. The quote by identity, not its Row: rows are made on
        demand, and a new one may take the address of the last. The row is kept, so the
        ids stay its quote's."""
        return (None if row is None else (id(row.briefing), id(row.quote)), highlight, width)

    def lines(self, width: int) -> list[Strip]:
        """The whole text wrapped to `width` cells, in the pane's style."""
        if self._unbuilt and self.size.width:  # the first frame: nothing drawn to compare
            self._unbuilt = False
            row, highlight, text_width = self._row, self._highlight, self._text_width()
            self._shown = self._key(row, highlight, text_width)
            self.content, self._wrapped = self.build(row, highlight, text_width), (-1, [])
        if self._wrapped[0] != width:
            console = self.app.console
            options = console.options.update_width(max(1, width))
            rendered = console.render_lines(self.content, options, style=self.rich_style,
                                            pad=True)
            self._wrapped = (width, [Strip(line, width) for line in rendered])
        return self._wrapped[1]

    def _set_text(self, text: Text, home: bool) -> None:
        width = self.scrollable_content_region.width
        before = self.lines(width)
        self.content, self._wrapped = text, (-1, [])
        after = self.lines(width)
        size = Size(width, len(after))
        resize(self, size)
        if home and self.scroll_offset.y:
            self.scroll_home(animate=False)  # a scroll repaints the pane
            return
        top = self.scroll_offset.y
        blank = Strip.blank(width, self.rich_style)
        for y in range(self.scrollable_content_region.height):
            line = top + y
            span = changed_span(before[line] if line < len(before) else blank,
                                after[line] if line < len(after) else blank)
            if span is not None:
                self.refresh(Region(span[0], y, span[1] - span[0], 1))

    def notify_style_update(self) -> None:
        self._wrapped = (-1, [])
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        lines = self.lines(width)
        line = self.scroll_offset.y + y
        return lines[line] if line < len(lines) else Strip.blank(width, self.rich_style)

    def _text_width(self) -> int:
        """The cells a line of text has, the scrollbar's room kept whether it shows or not
        (so that the fields wrap the same way either way); 0 before the first layout."""
        styles = self.styles
        return max(0, self.size.width - styles.gutter.width - styles.scrollbar_size_vertical)

    def on_resize(self, event: events.Resize) -> None:
        """The fields' wrapped lines are indented for a width: build them again for this one."""
        if self._highlight is not None:
            self.show(self._row, self._highlight)
        region = self.scrollable_content_region
        width = region.width
        if not self.show_vertical_scrollbar and len(self.lines(width)) > region.height:
            # Drawn before the scrollbar came (the first frame): the lines are counted at
            # the width they will have beside it.
            width = max(1, width - self.styles.scrollbar_size_vertical)
        self.virtual_size = Size(width, len(self.lines(width)))
        self.refresh()

    def show_source(self) -> None:
        """Scroll so that the source paragraph starts at the top, unless all of it is in
        sight already (Enter on a quote: where the words came from)."""
        width = self.scrollable_content_region.width
        heading = self._heading[:max(1, width - 1)]
        for y, strip in enumerate(self.lines(width)):
            if heading and strip.text.startswith(heading):
                self.scroll_to(y=min(y, self.max_scroll_y), animate=False)
                return

    def build(self, row: Row | None, highlight: Highlight, width: int = 0) -> Text:
        """The quote's text; the fields wrapped to `width` cells under their labels (not
        wrapped here when 0)."""
        self._heading = ""
        if row is None:
            return Text("No quote selected.", style=self.get_component_rich_style("detail--dim"))
        quote, briefing = row.quote, row.briefing
        label = self.get_component_rich_style("detail--label")
        match = self.get_component_rich_style("detail--match")
        dim = self.get_component_rich_style("detail--dim")
        out = Text()
        out.append_text(marked(quote.speaker.name, highlight.speaker, match, "bold"))
        who = quote.speaker.position
        if who:
            out.append(" \u2014 ")
            out.append_text(marked(who, highlight.speaker, match))
        out.append("\n\n")
        out.append("\u201c" if quote.direct else "")
        out.append_text(marked(_shortened(quote.text), highlight.text, match))
        out.append("\u201d" if quote.direct else "")
        out.append("\n")
        out.append("direct quotation" if quote.direct else "paraphrase", style=dim)
        out.append("\n\n")

        def field(name: str, value: Text | str) -> None:
            out.append(f"{name:<{LABEL}}", style=label)
            value = value if isinstance(value, Text) else Text(value)
            if width > LABEL + 10:
                lines = value.wrap(self.app.console, width - LABEL, no_wrap=False)
                for line in lines:
                    line.rstrip()
                value = Text("\n" + " " * LABEL).join(lines)
            out.append_text(value)
            out.append("\n")

        if quote.to:
            field("To", ", ".join(s.name for s in quote.to))
        if quote.session is not None:
            field("Session", marked(quote.session.title, highlight.session, match))
        if quote.topics:
            topics = Text(", ").join(marked(t.title, highlight.topic, match) for t in quote.topics)
            field("Topics", topics)
        meeting = briefing.meeting
        field("Meeting", f"{meeting.title} ({meeting.when}{', ' + meeting.place if meeting.place else ''})")
        if quote.note:
            field("Note", quote.note)
        out.append("\n")
        out.append_text(self._source(row, highlight.text, label, match, dim))
        return out

    def _source(self, row: Row, needles, label: Style, match: Style, dim: Style) -> Text:
        quote, source = row.quote, row.briefing.source
        out = Text()
        if quote.paragraph is None:
            self._heading = "Source  "
            out.append("Source  ", style=label)
            out.append("this quote names no source paragraph", style=dim)
            return out
        heading = f"Source, paragraph {quote.paragraph}"
        if source.outlet:
            heading += f" ({source.outlet})"
        self._heading = heading
        out.append(heading, style=label)
        out.append("\n")
        paragraph = source.paragraph(quote.paragraph)
        paragraph = _shortened(paragraph) if paragraph is not None else None
        if paragraph is None:
            if not source.text_path:
                out.append("The briefing names no source text.", style=dim)
            else:
                out.append(f"Source text '{source.text_path}' is not available.", style=dim)
            return out
        text = marked(paragraph, needles, match)
        place = excerpt_span(paragraph, quote.excerpt) if quote.excerpt else None
        if place is not None:  # under the matches
            text.stylize_before(self.get_component_rich_style("detail--excerpt"), *place)
        out.append_text(text)
        return out
