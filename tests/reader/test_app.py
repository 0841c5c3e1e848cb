"""The reader driven by keys through Textual's Pilot: moving, filters, search, highlights,
copy, export, help, overview, palette, resizing and failing to start.

State is read from the `ReaderScreen` (`view`, `in_view`), the widgets (cursor, focus) and
what is drawn: `RowList.render_line(y)` for the lists, the screen's painted strips for the
rest. A highlight counts only when it is drawn bold *and* underlined, so that it stays visible
without colour."""

from __future__ import annotations

from rich.text import Text
from textual.command import CommandPalette
from textual.strip import Strip
from textual.widgets import DataTable, Static

from tui.core.model import Row
from tui.core.search import fold
from tui.output import export
from tui.reader.app import BriefingApp, make_app
from tui.reader.screens.help import HelpScreen
from tui.reader.screens.overview import OverviewScreen
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.detail import DetailPane
from tui.reader.widgets.header import MeetingHeader
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.rowlist import RowList
from tui.reader.widgets.searchbar import SearchBar
from tui.reader.widgets.speakers import SpeakersList
from tui.reader.widgets.statusline import StatusLine
from tui.reader.widgets.topics import TopicsList

from support import DATA, NORDIC, ROOT, SEED
from support.painted import marked_runs, open_palette_and_choose, painted, until

FIVE_ERRORS = DATA / "bad" / "five-errors.toml"
TYPO = DATA / "bad" / "typo-key.toml"

# Quote indices in the seed briefing (its [[quotes]] order), found with the search module
# and checked by hand against the file.
TRADE = [4, 10, 17, 23, 24]  # "trade": a word of the Trade topic's title, and quote text
RUSTAM = [15, 16, 17, 18, 19]
MUHRIDDIN = [27, 28, 29]


# -- helpers ---------------------------------------------------------------------------------


def reader(app: BriefingApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen), f"expected the reader, found {screen!r}"
    return screen


def list_strips(widget: RowList) -> list[Strip]:
    """What the list draws, line by line, through its line API."""
    return [widget.render_line(y) for y in range(widget.scrollable_content_region.height)]


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in painted(app))


def has_mark(strips: list[Strip], word: str) -> bool:
    """`word` (folded) is drawn highlighted somewhere in `strips`."""
    folded = fold(word)
    return any(folded in fold(run) for run in marked_runs(strips))


def detail_text(screen: ReaderScreen) -> str:
    body = screen.query_one(DetailPane).content
    assert isinstance(body, Text)
    return body.plain


def detail_strips(screen: ReaderScreen) -> list[Strip]:
    """Every line of the detail text as drawn (all of it, not only the part in view)."""
    detail = screen.query_one(DetailPane)
    return detail.lines(detail.scrollable_content_region.width)


def status(screen: ReaderScreen) -> str:
    """The whole status line (the pane cuts it with an ellipsis when it is too narrow)."""
    return screen.query_one(StatusLine).line().plain


def status_shown(screen: ReaderScreen) -> str:
    return screen.query_one(StatusLine).render().plain


def reader_unchanged(app) -> bool:
    """Keys on another screen did not reach the reader underneath."""
    main = app.reader
    return main.view.query == "" and main.query_one(QuotesList).cursor == 0


def quote_text(briefing, index: int) -> str:
    return briefing.quotes[index].text


def entry_row(widget, entry_id: str) -> int:
    return [entry.id for entry in widget.entries].index(entry_id)


async def choose(pilot, widget_type, entry_id: str) -> None:
    """Focus the speakers or topics list, move to `entry_id` with the keys, press Enter."""
    screen = reader(pilot.app)
    widget = screen.query_one(widget_type)
    for _ in range(6):
        if pilot.app.focused is widget:
            break
        await pilot.press("tab")
    assert pilot.app.focused is widget
    await pilot.press("g")
    for _ in range(entry_row(widget, entry_id)):
        await pilot.press("j")
    assert widget.current().id == entry_id
    await pilot.press("enter")
    await pilot.pause()


# -- start-up and moving -----------------------------------------------------------------------


async def test_opens_on_the_quotes(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        quotes = screen.query_one(QuotesList)
        assert pilot.app.focused is quotes
        assert quotes.cursor == 0
        assert screen.in_view == list(range(30))
        assert status(screen) == "30 of 30 quotes"
        assert quotes.border_title == "Quotes 30 of 30"
        assert quote_text(seed, 0) in detail_text(screen)
        text = screen_text(pilot.app)
        for title in ("Speakers", "Topics", "Quotes 30 of 30", "Quote", "/ search"):
            assert title in text
        assert "China, Tajikistan vow" in text  # the header
        assert "Emomali Rahmon" in text


async def test_tab_reaches_every_pane_at_80x24(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        panes = {
            type(w): w
            for w in (screen.query_one(QuotesList), screen.query_one(DetailPane),
                      screen.query_one(SpeakersList), screen.query_one(TopicsList))
        }
        seen = [type(pilot.app.focused)]
        for _ in range(3):
            await pilot.press("tab")
            seen.append(type(pilot.app.focused))
        assert set(seen) == set(panes), seen
        for widget in [*panes.values(), screen.query_one(SearchBar)]:
            region = widget.region
            assert region.width > 0 and region.height > 0
            assert pilot.app.screen.region.contains_region(region)
        # Each list shows at least two rows' worth of lines at this size.
        for kind in (SpeakersList, TopicsList, QuotesList):
            assert panes[kind].scrollable_content_region.height >= 2
        await pilot.press("tab")
        assert type(pilot.app.focused) is seen[0]
        back = []
        for _ in range(4):
            await pilot.press("shift+tab")
            back.append(type(pilot.app.focused))
        assert back == list(reversed(seen))


async def test_moving_in_the_quotes(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        quotes = screen.query_one(QuotesList)
        await pilot.press("down")
        assert quotes.cursor == 1
        await pilot.press("j", "j")
        assert quotes.cursor == 3
        await pilot.press("up")
        assert quotes.cursor == 2
        await pilot.press("k")
        assert quotes.cursor == 1
        await pilot.press("G")
        assert quotes.cursor == 29
        await pilot.pause()
        assert quote_text(seed, 29) in detail_text(screen)
        await pilot.press("j")  # no wrap at the ends when moving
        assert quotes.cursor == 29
        await pilot.press("g")
        assert quotes.cursor == 0
        await pilot.press("k")
        assert quotes.cursor == 0
        await pilot.press("end")
        assert quotes.cursor == 29
        await pilot.press("home")
        assert quotes.cursor == 0
        await pilot.press("pagedown")
        page = quotes.cursor
        assert page >= 1
        await pilot.press("pagedown")
        assert quotes.cursor == min(29, 2 * page)
        await pilot.press("pageup")
        assert quotes.cursor == min(29, 2 * page) - page
        await pilot.press("pageup", "pageup")
        assert quotes.cursor == 0
        # The cursor row is on screen after each move.
        await pilot.press("G")
        await pilot.pause()
        assert quote_text(seed, 29)[:20] in screen_text(pilot.app)
        assert quote_text(seed, 29) in detail_text(screen)


async def test_moving_in_speakers_and_topics(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        speakers, topics = screen.query_one(SpeakersList), screen.query_one(TopicsList)
        await pilot.press("tab", "tab")  # the detail, then the speakers
        assert pilot.app.focused is speakers
        await pilot.press("j", "down")
        assert speakers.cursor == 2
        await pilot.press("G")
        assert speakers.cursor == len(speakers.entries) - 1
        await pilot.press("home")
        assert speakers.cursor == 0
        await pilot.press("tab")
        assert pilot.app.focused is topics
        await pilot.press("end")
        assert topics.cursor == len(topics.entries) - 1 == 11
        await pilot.press("pageup")
        assert 0 <= topics.cursor < 11
        await pilot.press("g", "pagedown")
        assert topics.cursor > 0
        # Moving in these lists does not filter anything.
        assert screen.in_view == list(range(30))


async def test_enter_on_a_quote_reads_it_and_scrolls_the_detail(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        detail = screen.query_one(DetailPane)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused is detail
        assert detail.max_scroll_y > 0  # the detail is longer than its pane at 80×24
        # Enter brings the source paragraph into the pane (to its top, as far as the text
        # goes): where the words came from.
        assert detail.scroll_y > 0
        shown = [strip.text.strip("│ ") for strip in painted(pilot.app, detail)]
        assert any(line.startswith("Source, paragraph 6") for line in shown), shown
        await pilot.press("g", "j", "down")
        await pilot.pause()
        assert detail.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert detail.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert detail.scroll_y == detail.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert detail.scroll_y == 0
        await pilot.press("shift+tab")
        assert isinstance(pilot.app.focused, QuotesList)


# -- filters -------------------------------------------------------------------------------


async def test_enter_on_a_speaker_toggles_the_filter(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        speakers = screen.query_one(SpeakersList)
        await choose(pilot, SpeakersList, "rustam-emomali")
        assert screen.view.speakers == {"rustam-emomali"}
        assert screen.in_view == RUSTAM
        assert status(screen).startswith("5 of 30 quotes")
        assert "speaker: Rustam Emomali" in status(screen)
        assert screen.query_one(QuotesList).border_title == "Quotes 5 of 30"
        row = entry_row(speakers, "rustam-emomali")
        assert list_strips(speakers)[row].text.startswith("▌● Rustam Emomali")  # focused cursor
        assert "●" not in list_strips(speakers)[0].text
        # The filter acts on the quotes and the detail at once.
        assert quote_text(seed, RUSTAM[0]) in detail_text(screen)
        assert pilot.app.focused is speakers  # Enter filters but stays in the list
        await pilot.press("enter")
        assert screen.view.speakers == frozenset()
        assert screen.in_view == list(range(30))
        assert status(screen) == "30 of 30 quotes"
        assert "●" not in "".join(s.text for s in list_strips(speakers))


async def test_filters_combine_or_within_a_pane_and_across_panes(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        await choose(pilot, SpeakersList, "rustam-emomali")
        await choose(pilot, SpeakersList, "sirojiddin-muhriddin")
        assert screen.view.speakers == {"rustam-emomali", "sirojiddin-muhriddin"}
        assert screen.in_view == sorted(RUSTAM + MUHRIDDIN)  # OR in one pane
        assert "speaker: Rustam Emomali or Sirojiddin Muhriddin" in status(screen)
        shown = status_shown(screen)  # shortened to fit 80 columns: the count and names
        assert shown.startswith("8 of 30 quotes  Rustam Emomali or Sirojiddin")
        await choose(pilot, TopicsList, "trade-economy")
        assert screen.in_view == [17]  # AND across panes: only Rustam spoke on trade
        text = status(screen)
        assert text.startswith("1 of 30 quotes")
        assert "topic: Trade, investment and economic cooperation" in text
        topics = screen.query_one(TopicsList)
        assert "●" in list_strips(topics)[entry_row(topics, "trade-economy")].text
        await choose(pilot, TopicsList, "security")
        assert screen.in_view == [17]  # security OR trade, from these two speakers
        # Each pane counts what choosing an entry would give with the other panes' filters:
        # the speakers' quotes on security or trade, the topics of these two speakers.
        speakers = screen.query_one(SpeakersList)
        assert speakers.counts == {"rustam-emomali": 1, "wang-yi": 6}
        theirs = [seed.quotes[i] for i in RUSTAM + MUHRIDDIN]
        for topic in ("trade-economy", "security", "bilateral-relations"):
            said = sum(any(t.id == topic for t in q.topics) for q in theirs)
            assert topics.counts.get(topic, 0) == said, topic
        assert topics.counts["trade-economy"] == 1
        # Esc, outside the search field, clears every filter.
        await pilot.press("escape")
        assert screen.view.speakers == frozenset() and screen.view.topics == frozenset()
        assert screen.in_view == list(range(30))
        assert status(screen) == "30 of 30 quotes"


async def test_a_topic_filter_highlights_its_keywords_in_the_quotes(seed):
    async with make_app(briefings=[seed]).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot.app)
        await choose(pilot, TopicsList, "trade-economy")
        assert screen.in_view == TRADE
        quotes = screen.query_one(QuotesList)
        # Quote 4: "China-Tajikistan economic and trade ties ..." ("economic and trade").
        assert has_mark(list_strips(quotes)[:2], "economic and trade")
        await pilot.press("tab")  # back to the quotes, then to quote 23 ("trade volume")
        while pilot.app.focused is not quotes:
            await pilot.press("tab")
        for _ in range(TRADE.index(23)):
            await pilot.press("j")
        assert quotes.current_index() == 23
        assert has_mark(detail_strips(screen), "trade volume")
        # The topic's title is in no quote's text: it is marked only if searched for.
        assert not has_mark(list_strips(quotes), "investment")


# -- search ----------------------------------------------------------------------------------


async def test_slash_trade_enter_n_typed_at_once(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"trade", "enter", "n")
        await pilot.pause()
        quotes = screen.query_one(QuotesList)
        assert screen.view.query == "trade"
        assert screen.query_one(SearchBar).value == "trade"
        assert screen.in_view == TRADE
        assert pilot.app.focused is quotes
        assert quotes.cursor == 1
        assert quotes.current_index() == TRADE[1]
        assert status(screen).startswith("5 of 30 quotes")
        assert "search: trade" in status(screen)
        assert quote_text(seed, TRADE[1]) in detail_text(screen)


async def test_counts_say_what_choosing_an_entry_would_give(seed):
    """With Emomali Rahmon chosen, Wang Yi's count is his 20 quotes (not 0, the intersection
    with Rahmon's), and Enter on him gives 2 + 20."""
    async with make_app(briefings=[seed]).run_test(size=(120, 36)) as pilot:
        screen = reader(pilot.app)
        speakers = screen.query_one(SpeakersList)
        await choose(pilot, SpeakersList, "emomali-rahmon")
        assert len(screen.in_view) == 2
        assert speakers.counts["wang-yi"] == 20 and speakers.counts["emomali-rahmon"] == 2
        line = speakers.render_row(entry_row(speakers, "wang-yi"), 30)[0].plain
        assert line.startswith("  Wang Yi") and line.rstrip().endswith(" 20")
        # The topics pane counts within Rahmon's quotes: its own choice is not made.
        topics = screen.query_one(TopicsList)
        assert topics.counts == {"bilateral-relations": 2}
        await pilot.press("g")
        for _ in range(entry_row(speakers, "wang-yi")):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.in_view) == 22
        assert speakers.counts["wang-yi"] == 20  # choosing does not change a pane's counts


async def test_search_updates_as_you_type(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash")
        assert isinstance(pilot.app.focused, SearchBar)
        counts = []
        for char in "trade":
            await pilot.press(char)
            await pilot.pause()
            counts.append(len(screen.in_view))
            assert status(screen).startswith(f"{len(screen.in_view)} of 30 quotes")
        assert counts == sorted(counts, reverse=True)
        assert counts[-1] == 5
        assert isinstance(pilot.app.focused, SearchBar)  # still typing
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert screen.in_view == list(range(30))


async def test_search_ignores_case_and_needs_every_word(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"TRADE")
        await pilot.pause()
        assert screen.in_view == TRADE
        await pilot.press(*" volume")  # both words, in any order
        await pilot.pause()
        assert screen.in_view == TRADE
        await pilot.press(*" zebra")
        await pilot.pause()
        assert screen.in_view == []
        assert status(screen).startswith("0 of 30 quotes")
        assert "No quote matches" in screen_text(pilot.app)
        assert detail_text(screen) == "No quote selected."


async def test_phrase_search(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *'volume trade')
        await pilot.pause()
        assert screen.in_view == TRADE
        screen.query_one(SearchBar).value = ""
        await pilot.pause()
        await pilot.press(*'"volume trade"')
        await pilot.pause()
        assert screen.in_view == []
        screen.query_one(SearchBar).value = ""
        await pilot.pause()
        await pilot.press(*'"security cooperation"')
        await pilot.pause()
        assert screen.in_view == [5, 14]
        assert has_mark(list_strips(screen.query_one(QuotesList)), "Security cooperation")


async def test_speaker_and_topic_scopes(seed):
    async with make_app(briefings=[seed]).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot.app)
        search = screen.query_one(SearchBar)
        await pilot.press("slash", *'"rahmon"')
        await pilot.pause()
        everywhere = list(screen.in_view)
        assert everywhere == [0, 1, 2, 3, 4, 5, 6, 7]  # a phrase: also his session's title
        search.value = ""
        await pilot.pause()
        await pilot.press(*"rahmon")  # a word that is his name: what he said
        await pilot.pause()
        assert screen.in_view == [6, 7]
        search.value = ""
        await pilot.pause()
        await pilot.press(*"@rahmon")
        await pilot.pause()
        assert screen.in_view == [6, 7]  # only what he said
        assert {seed.quotes[i].speaker.id for i in screen.in_view} == {"emomali-rahmon"}
        speakers = screen.query_one(SpeakersList)
        assert has_mark(list_strips(speakers), "Rahmon")
        # A speaker-only word is not marked in the quote text or the session title.
        assert not any("Rahmon" in run for run in marked_runs(detail_strips(screen))
                       if run not in ("Emomali Rahmon", "Rahmon"))
        search.value = ""
        await pilot.pause()
        await pilot.press(*"@王毅")  # an alias in another script
        await pilot.pause()
        assert {seed.quotes[i].speaker.id for i in screen.in_view} == {"wang-yi"}
        assert len(screen.in_view) == 20
        search.value = ""
        await pilot.pause()
        await pilot.press(*"#sovereignty")
        await pilot.pause()
        assert screen.in_view == [i for i, q in enumerate(seed.quotes)
                                  if any(t.id == "sovereignty" for t in q.topics)]
        topics = screen.query_one(TopicsList)
        assert has_mark(list_strips(topics), "Sovereignty")
        search.value = ""
        await pilot.pause()
        await pilot.press(*"#nothing-like-this")
        await pilot.pause()
        assert screen.in_view == []


async def test_accent_insensitive_search_on_the_nordic_briefing(nordic):
    async with make_app(briefings=[nordic]).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"angstrom", "enter")
        await pilot.pause()
        assert screen.in_view == [2]
        assert pilot.app.focused is screen.query_one(QuotesList)
        speakers = screen.query_one(SpeakersList)
        assert has_mark(list_strips(speakers), "Ångström")
        assert "Ångström" in marked_runs(list_strips(speakers))
        assert has_mark(list_strips(screen.query_one(QuotesList)), "Ångström")
        assert "Ångström" in marked_runs(detail_strips(screen))
        screen.query_one(SearchBar).value = "ÓLAFSSON"
        await pilot.pause()
        assert screen.in_view == [0, 3]
        screen.query_one(SearchBar).value = "王丽"  # the CJK alias of Wang Li
        await pilot.pause()
        assert screen.in_view == [1]
        screen.query_one(SearchBar).value = "commissioner"  # a role
        await pilot.pause()
        assert screen.in_view == [2]
        assert has_mark(detail_strips(screen), "Commissioner")
        screen.query_one(SearchBar).value = "minister"
        await pilot.pause()
        assert screen.in_view == [0, 1, 3]
        assert has_mark(list_strips(speakers), "Minister")
        screen.query_one(SearchBar).value = "#quotas"  # a topic keyword
        await pilot.pause()
        assert screen.in_view == [2, 3]
        screen.query_one(SearchBar).value = "gudrun geothermal"
        await pilot.pause()
        assert screen.in_view == [0, 3]


async def test_a_session_title_match_is_highlighted(nordic):
    async with make_app(briefings=[nordic]).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"plenary", "enter")
        await pilot.pause()
        assert screen.in_view == [0, 1, 2]  # the quotes of the "Opening plenary" session
        assert has_mark(list_strips(screen.query_one(QuotesList)), "plenary")
        assert has_mark(detail_strips(screen), "plenary")


async def test_search_highlights_everywhere_it_shows(seed):
    async with make_app(briefings=[seed]).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"trade", "enter")
        await pilot.pause()
        quotes = screen.query_one(QuotesList)
        topics = screen.query_one(TopicsList)
        assert has_mark(list_strips(topics), "Trade")
        assert has_mark(list_strips(quotes), "trade")
        # The detail: the quote text, its topics and the source paragraph.
        runs = marked_runs(detail_strips(screen))
        assert fold(" ".join(runs)).count("trade") >= 3
        assert quote_text(seed, TRADE[0]) in detail_text(screen)
        # Painted on screen, too: bold and underlined, whatever the colours.
        assert has_mark(painted(pilot.app, quotes), "trade")
        assert has_mark(painted(pilot.app, topics), "Trade")
        # Also on the cursor row, which is drawn bold all over: the match is underlined.
        cursor_rows = list_strips(quotes)[:2]
        assert has_mark(cursor_rows, "trade")


async def test_highlight_stays_visible_with_no_color(seed, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(briefings=[seed])
    assert app.no_color
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"trade", "enter", "j")
        await pilot.pause()
        quotes = screen.query_one(QuotesList)
        lines = painted(pilot.app, quotes)
        assert has_mark(lines, "trade")
        # No colour at all is painted: the marks are text styles only.
        for strip in painted(pilot.app):
            for segment in strip:
                if segment.style is not None and segment.style.color is not None:
                    color = segment.style.color
                    assert color.is_default or color.triplet is None or (
                        len(set(color.triplet)) == 1), color  # greys at most


async def test_n_and_shift_n_wrap_around_the_results(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        quotes = screen.query_one(QuotesList)
        await pilot.press("slash", *"trade", "enter")
        assert quotes.cursor == 0
        await pilot.press("N")
        assert quotes.cursor == 4  # wrapped to the last of five
        await pilot.press("n")
        assert quotes.cursor == 0  # and back round to the first
        for expected in (1, 2, 3, 4, 0):
            await pilot.press("n")
            assert quotes.cursor == expected
            assert quotes.current_index() == TRADE[expected]
        # From another pane, n comes back to the quotes.
        await pilot.press("tab", "tab")  # the detail, then the speakers
        assert pilot.app.focused is screen.query_one(SpeakersList)
        await pilot.press("n")
        assert pilot.app.focused is quotes
        assert quotes.cursor == 1


async def test_n_without_results_does_not_crash(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"zzzz", "enter", "n", "N", "j", "G", "enter")
        await pilot.pause()
        assert screen.in_view == []
        assert pilot.app.is_running


async def test_escape_sequence_leaves_field_then_clears_search_then_filters(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        search = screen.query_one(SearchBar)
        await choose(pilot, TopicsList, "trade-economy")
        await pilot.press("slash", *"china")
        await pilot.pause()
        both = list(screen.in_view)
        assert both and set(both) <= set(TRADE)
        # 1. Esc in the field: leave it, keep the results.
        await pilot.press("escape")
        assert pilot.app.focused is screen.query_one(QuotesList)
        assert screen.view.query == "china" and search.value == "china"
        assert screen.in_view == both
        # 2. Esc outside: clear the search, keep the filter.
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view.query == "" and search.value == ""
        assert screen.view.topics == {"trade-economy"}
        assert screen.in_view == TRADE
        assert status(screen).startswith("5 of 30")
        # 3. Esc again: clear the filters.
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view.topics == frozenset()
        assert screen.in_view == list(range(30))
        # 4. Nothing left to clear: no harm.
        await pilot.press("escape")
        assert screen.in_view == list(range(30))


async def test_search_combines_with_filters(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        await choose(pilot, SpeakersList, "wang-yi")
        await pilot.press("slash", *"trade", "enter")
        await pilot.pause()
        assert screen.in_view == [i for i in TRADE if seed.quotes[i].speaker.id == "wang-yi"]
        text = status(screen)
        assert "speaker: Wang Yi" in text and "search: trade" in text
        assert text.startswith(f"{len(screen.in_view)} of 30 quotes")


async def test_keys_typed_in_the_field_are_text(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"qnceo?/Nj", "enter")
        await pilot.pause()
        assert screen.query_one(SearchBar).value == "qnceo?/Nj"
        assert pilot.app.is_running and isinstance(pilot.app.screen, ReaderScreen)
        # `/` again from the quotes goes back to the field, cursor at the end.
        await pilot.press("slash", "x")
        assert screen.query_one(SearchBar).value == "qnceo?/Njx"


# -- copy, export, quit --------------------------------------------------------------------


def record_notifications(app, monkeypatch) -> list[tuple[str, dict]]:
    seen: list[tuple[str, dict]] = []
    original = app.notify

    def notify(message, *args, **kwargs):
        seen.append((message, kwargs))
        return original(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", notify)
    return seen


async def test_c_copies_the_citation(seed, monkeypatch):
    app = make_app(briefings=[seed])
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        # Reported speech is cited as such, never in quotation marks.
        assert not seed.quotes[0].direct
        assert copied == [
            "Wang Yi, State Councilor and Foreign Minister (paraphrase, not a direct quote): "
            "China-Tajikistan relations have achieved continuous development and have "
            "reached a historic high. \u2014 Dushanbe, Tajikistan, 2022-08-01 (CGTN), "
            "paragraph 6"
        ]

        assert notes and "clipboard" in notes[-1][0]
        await pilot.press("slash", *"@muhriddin", "enter", "G", "c")
        await pilot.pause()
        row = Row(seed, seed.quotes[MUHRIDDIN[-1]])
        assert copied[-1] == export.citation(row)
        assert copied[-1].endswith(f"paragraph {seed.quotes[MUHRIDDIN[-1]].paragraph}")
        # Nothing selected: nothing copied, and the user is told.
        await pilot.press("slash", *"zzz", "enter", "c")
        await pilot.pause()
        assert len(copied) == 2
        assert "No quote" in notes[-1][0]


async def test_c_quotes_a_direct_quote_and_cites_a_paraphrase_as_reported(nordic, monkeypatch):
    app = make_app(briefings=[nordic])
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "j", "c")
        await pilot.pause()
    assert nordic.quotes[0].direct and not nordic.quotes[1].direct
    assert copied[0].startswith("\u201cGeothermal heat warms nine homes in ten here.\u201d "
                                "\u2014 Guðrún Ólafsson, Minister of Energy, Reykjavík")
    assert copied[1].startswith("Wang Li, Vice Minister (paraphrase, not a direct quote): "
                                "China wants to learn")
    assert "\u201c" not in copied[1] and '"' not in copied[1]


async def test_e_exports_the_view_and_never_overwrites(seed, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    app = make_app(briefings=[seed])
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"trade", "enter", "e")
        await pilot.pause()
        files = sorted(tmp_path.glob("briefing-export-*.md"))
        assert len(files) == 1
        first = files[0]
        content = first.read_text(encoding="utf-8")
        # Only what Markdown would read as syntax is escaped: parentheses are not.
        assert content.startswith("# Quotes (search: trade)\n")
        assert content.rstrip().endswith("5 quotes.")
        rows = [pilot.app.reader.catalog.rows[i] for i in pilot.app.reader.in_view]
        direct = sum(r.quote.direct for r in rows)
        assert content.count("\n> \u2014 **") == direct  # block quotations: own words only
        assert content.count("** (paraphrase, not a direct quote): ") == 5 - direct > 0
        assert str(first) in notes[-1][0] and "5 quotes" in notes[-1][0]
        # A second export, of another view, goes to a new file.
        await pilot.press("escape")
        await choose(pilot, SpeakersList, "rustam-emomali")
        await pilot.press("e")
        await pilot.pause()
        files = sorted(tmp_path.glob("briefing-export-*.md"))
        assert len(files) == 2
        assert first.read_text(encoding="utf-8") == content
        second = next(f for f in files if f != first)
        assert "speaker: Rustam Emomali" in second.read_text(encoding="utf-8")
        assert str(second) in notes[-1][0]
        # A file already holding the next name is not touched either.
        before = {f: f.read_bytes() for f in files}
        await pilot.press("e", "e")
        await pilot.pause()
        after = sorted(tmp_path.glob("briefing-export-*.md"))
        assert len(after) == 4
        for path, data in before.items():
            assert path.read_bytes() == data
        assert not list(tmp_path.glob(".briefing-export-*"))  # no temporary file left


async def test_e_with_no_quotes_in_view_writes_nothing(seed, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    app = make_app(briefings=[seed])
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"zzz", "enter", "e")
        await pilot.pause()
        assert list(tmp_path.iterdir()) == []
        assert notes[-1][0] == "No quotes in view: nothing exported."
        await pilot.press("escape", "slash", *"luban", "enter", "e")
        await pilot.pause()
        assert len(list(tmp_path.glob("briefing-export-*.md"))) == 1
        assert notes[-1][0].startswith("Exported ") and " quotes to " in notes[-1][0]


async def test_export_failure_is_reported(seed, monkeypatch, tmp_path):
    missing = tmp_path / "gone"
    missing.mkdir()
    monkeypatch.chdir(missing)
    missing.rmdir()
    app = make_app(briefings=[seed])
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert notes[-1][0].startswith("Export failed")
        assert pilot.app.is_running


async def test_q_quits_with_status_0(seed):
    app = make_app(briefings=[seed])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert app.fatal is None


async def test_q_quits_from_a_list_but_not_from_the_field(seed):
    app = make_app(briefings=[seed])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "q")
        assert pilot.app.is_running
        await pilot.press("escape", "tab", "tab", "tab")
        assert isinstance(pilot.app.focused, (SpeakersList, TopicsList))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# -- help, overview, palette ---------------------------------------------------------------


async def test_help_opens_and_closes(seed):
    async with make_app(briefings=[seed]).run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot.app)
        for key in ("Tab / Shift+Tab", "PgUp PgDn", "@word", "#word"):
            assert key in text
        assert "Ctrl+P" not in text  # below, at 80×24: the keys scroll to it
        for _ in range(25):  # past the end: scrolling stops there
            await pilot.press("j")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Ctrl+P" in text and "export the quotes in view" in text
        await pilot.press("k", "up")
        assert reader_unchanged(pilot.app)
        await pilot.press("g")
        await pilot.pause()
        assert "Ctrl+P" not in screen_text(pilot.app)
        for keys in (("G",), ("home", "end"), ("g", "pagedown", "pagedown")):
            await pilot.press(*keys)
            await pilot.pause()
            assert "Ctrl+P" in screen_text(pilot.app), keys
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert "Ctrl+P" not in screen_text(pilot.app)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, ReaderScreen)
        await pilot.press("question_mark", "q")  # q closes the help, not the app
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert pilot.app.is_running


async def test_overview_shows_the_meeting(seed):
    async with make_app(briefings=[seed]).run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        assert isinstance(pilot.app.screen, OverviewScreen)
        text = pilot.app.screen.query_one("#overview-text", Static).content.plain
        assert "Visiting Chinese State Councilor" in text  # summary
        assert "Tags: China, Tajikistan, Central Asia" in text
        assert "Sessions" in text and "Talks with President Emomali Rahmon" in text
        assert "with Wang Yi, Emomali Rahmon" in text  # participants
        assert "Outcomes" in text
        assert "Outlet    CGTN" in text
        assert "Quotes per speaker" in text and "Quotes per topic" in text
        assert "█" in text
        grid = pilot.app.screen.query_one(DataTable)
        assert pilot.app.focused is grid
        assert grid.row_count == 4 and len(grid.columns) == 13
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert reader(pilot.app).in_view == list(range(30))
        await pilot.press("o", "o")  # o closes it too
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_overview_grid_enter_shows_those_quotes(seed):
    async with make_app(briefings=[seed]).run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"china", "enter")  # cleared by the jump
        await pilot.press("o")
        screen = pilot.app.screen
        grid = screen.query_one(DataTable)
        speaker_row = [e.id for e in screen.speakers].index("rustam-emomali")
        topic_column = 1 + [e.id for e in screen.topics].index("trade-economy")
        for _ in range(speaker_row):
            await pilot.press("down")
        for _ in range(topic_column):
            await pilot.press("right")
        assert tuple(grid.cursor_coordinate) == (speaker_row, topic_column)
        await pilot.press("enter")
        await pilot.pause()
        main = reader(pilot.app)
        assert main.view.speakers == {"rustam-emomali"}
        assert main.view.topics == {"trade-economy"}
        assert main.view.query == "" and main.query_one(SearchBar).value == ""
        assert main.in_view == [17]
        assert pilot.app.focused is main.query_one(QuotesList)
        # The first column: that speaker on every topic.
        await pilot.press("o")
        await pilot.press("home")  # top-left: the most quoted speaker
        grid = pilot.app.screen.query_one(DataTable)
        await pilot.press("left", "left")
        assert grid.cursor_coordinate.column == 0
        await pilot.press("enter")
        await pilot.pause()
        main = reader(pilot.app)
        assert main.view.speakers == {"wang-yi"} and main.view.topics == frozenset()
        assert len(main.in_view) == 20


async def test_palette_jumps_to_a_speaker(seed):
    async with make_app(briefings=[seed]).run_test(size=(100, 30)) as pilot:
        await open_palette_and_choose(pilot, "Rustam", "Speaker: Rustam Emomali")
        screen = reader(pilot.app)
        assert screen.view.speakers == {"rustam-emomali"}
        assert screen.in_view == RUSTAM
        assert pilot.app.focused is screen.query_one(QuotesList)


async def test_palette_jumps_to_a_topic_a_session_and_the_overview(seed):
    async with make_app(briefings=[seed]).run_test(size=(100, 30)) as pilot:
        await open_palette_and_choose(pilot, "topic secur", "Topic: Security cooperation")
        screen = reader(pilot.app)
        assert screen.view.topics == {"security"} and screen.in_view == [5, 14]
        await open_palette_and_choose(pilot, "session muhriddin",
                                      "Session: Talks with Foreign Minister")
        screen = reader(pilot.app)
        # No quote of that session is on security: the jump wins, the filter goes.
        assert screen.view.topics == frozenset()
        quotes = screen.query_one(QuotesList)
        session = [i for i, q in enumerate(seed.quotes)
                   if q.session and q.session.id == "talks-muhriddin"]
        assert screen.in_view == session  # the session's quotes only
        assert quotes.current_index() == session[0]
        await open_palette_and_choose(pilot, "overview", "Show overview")
        assert isinstance(pilot.app.screen, OverviewScreen)
        await pilot.press("escape")
        await open_palette_and_choose(pilot, "help", "Show help")
        assert isinstance(pilot.app.screen, HelpScreen)


async def test_palette_switches_the_theme(seed):
    async with make_app(briefings=[seed]).run_test(size=(100, 30)) as pilot:
        before = pilot.app.theme
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")
        first = pilot.app.screen
        await pilot.press(*"theme")
        await until(pilot, lambda: first.query_one("CommandList").option_count > 0
                    and "Theme" in str(first.query_one("CommandList")
                                       .get_option_at_index(0).prompt), what="Theme")
        await pilot.press("enter")
        # Choosing "Theme" opens a second palette, of themes.
        await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette)
                    and pilot.app.screen is not first, what="the theme list")
        themes = pilot.app.screen
        await pilot.press(*"textual-light")
        await until(pilot, lambda: themes.query_one("CommandList").option_count > 0
                    and "textual-light" in str(themes.query_one("CommandList")
                                               .get_option_at_index(0).prompt), what="themes")
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.theme == "textual-light", what="the theme")
        assert before != "textual-light"
        await until(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen), what="reader")
        await pilot.press("slash", *"trade", "enter")
        await pilot.pause()
        assert has_mark(list_strips(reader(pilot.app).query_one(QuotesList)), "trade")


# -- sizes ---------------------------------------------------------------------------------


async def test_resize_while_searching_keeps_the_query(seed):
    async with make_app(briefings=[seed]).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot.app)
        await pilot.press("slash", *"tra")
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.press(*"de")
        await pilot.pause()
        assert screen.query_one(SearchBar).value == "trade"
        assert screen.in_view == TRADE
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.query_one(SearchBar).value == "trade"
        assert screen.view.query == "trade" and screen.in_view == TRADE
        assert isinstance(pilot.app.focused, SearchBar)
        await pilot.press("enter", "n")
        assert screen.query_one(QuotesList).cursor == 1
        assert has_mark(list_strips(screen.query_one(QuotesList)), "trade")
        assert "5 of 30 quotes" in screen_text(pilot.app)


async def test_wide_terminal_puts_the_detail_beside_the_quotes(seed):
    async with make_app(briefings=[seed]).run_test(size=(160, 40)) as pilot:
        screen = reader(pilot.app)
        quotes, detail = screen.query_one(QuotesList), screen.query_one(DetailPane)
        assert quotes.region.y == detail.region.y and detail.region.x > quotes.region.x
        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        assert detail.region.y > quotes.region.y
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert quotes.region.y == detail.region.y


SIZES = [(30, 8), (80, 24), (120, 40), (20, 5), (200, 60)]


async def test_every_key_at_tiny_and_changing_sizes(seed):
    keys = ["tab", "j", "G", "pagedown", "enter", "tab", "enter", "shift+tab", "pageup",
            "slash", "t", "r", "enter", "n", "N", "escape", "escape", "question_mark",
            "escape", "o", "tab", "enter", "c", "escape"]
    app = make_app(briefings=[seed])
    app.copy_to_clipboard = lambda text: None
    async with app.run_test(size=(30, 8)) as pilot:
        for number, key in enumerate(keys):
            await pilot.press(key)
            if number % 4 == 0:
                await pilot.resize_terminal(*SIZES[(number // 4) % len(SIZES)])
            await pilot.pause()
            assert pilot.app.is_running
            screen_text(pilot.app)  # draws without error
        await pilot.resize_terminal(30, 8)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(pilot.app.screen, OverviewScreen)
        screen_text(pilot.app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_header_gives_way_when_narrow(seed):
    async with make_app(briefings=[seed]).run_test(size=(120, 40)) as pilot:
        header = reader(pilot.app).query_one(MeetingHeader)
        line = header.render().plain
        assert "China, Tajikistan vow to deepen cooperation, boost ties" in line
        assert "2022-08-01 · Dushanbe, Tajikistan · CGTN" in line
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        line = header.render().plain
        assert line.startswith("China") and len(line) <= header.content_region.width


# -- several briefings, files, failures --------------------------------------------------------


async def test_two_briefings(seed, nordic):
    async with make_app(briefings=[nordic, seed]).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot.app)
        assert len(screen.in_view) == 34
        assert screen.query_one(MeetingHeader).render().plain.startswith("2 briefings")
        quotes = screen.query_one(QuotesList)
        assert "2022-08-01" in list_strips(quotes)[0].text  # older meeting first, dated
        await pilot.press("slash", *"wang", "enter")
        await pilot.pause()
        ids = {screen.catalog.rows[i].quote.speaker.id for i in screen.in_view}
        assert ids == {"wang-yi", "wang-li"}


async def test_opens_files(monkeypatch):
    monkeypatch.chdir(ROOT)
    app = make_app(files=[NORDIC], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = reader(pilot.app)
        assert len(screen.in_view) == 4
        await pilot.press("q")
        await pilot.pause()
    assert app.fatal is None and app.return_code == 0


async def test_files_that_all_fail_set_fatal_and_status_1(monkeypatch):
    monkeypatch.chdir(ROOT)
    app = make_app(files=[FIVE_ERRORS, TYPO, DATA / "missing.toml"],
                   use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.fatal
    assert "five-errors.toml" in app.fatal and "meeting.title" in app.fatal
    assert "typo-key.toml" in app.fatal


async def test_some_failing_files_are_reported_and_the_rest_open(monkeypatch):
    monkeypatch.chdir(ROOT)
    app = make_app(files=[FIVE_ERRORS, NORDIC], use_cache=False)
    notes = record_notifications(app, monkeypatch)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert len(reader(pilot.app).in_view) == 4
        assert notes and notes[0][1].get("markup") is False
        assert notes[0][0].startswith("5 errors, 0 warnings; first: ")
        assert "Problems in the briefings" in screen_text(pilot.app)
    assert app.fatal is None


async def test_keys_bar_follows_the_focus_and_a_click_presses_the_key(seed):
    from tui.reader.widgets.keysbar import KeysBar

    async with make_app(briefings=[seed]).run_test(size=(100, 30)) as pilot:
        screen = reader(pilot.app)
        bar = screen.query_one(KeysBar)
        shown = [description for _, _, description, _ in bar.keys()]
        assert shown[0] == "Read" and "Search" in shown and "Quit" in shown  # quotes focused
        await pilot.press("shift+tab")  # to the topics
        await pilot.pause()
        shown = [description for _, _, description, _ in bar.keys()]
        assert shown[0] == "Filter by topic" and "Read" not in shown
        text = "".join(strip.text for strip in painted(pilot.app, bar))
        assert "Filter by topic" in text and "Quit" in text
        start, end, key, _ = next(p for p in bar._places if p[2] == "o")
        await pilot.click(KeysBar, offset=(end - 1 + bar.styles.padding.left, 0))
        await pilot.pause()
        assert isinstance(pilot.app.screen, OverviewScreen)


async def test_small_briefings_open_as_the_apps_only_screen():
    """Loaded before the first paint, the reader is the default screen: no blank screen is
    drawn under it first."""
    seed = SEED
    app = make_app([seed], use_cache=False)
    app.watch_interval = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(pilot.app.screen_stack) == 1
        assert len(reader(pilot.app).in_view) == 30


async def test_large_catalog_searches_in_a_worker_unless_a_key_fits_in_a_frame(
        seed, monkeypatch):
    """In a large catalog a search that fits in a frame (words, once the index is built) is
    shown at once, the typed character and its results together; one that must read many
    texts (words with a space between, nothing shorter known) runs off the UI thread.
    Either way the result is the same."""
    import tui.core.catalog
    import tui.core.textindex
    import tui.reader.screens.viewing

    monkeypatch.setattr(tui.reader.screens.viewing, "SYNC_ROWS", 0)  # the seed is "large" here
    threaded: list[str] = []
    real = ReaderScreen._compute_in_thread

    def spy(self, view):
        threaded.append(view.query)
        return real(self, view)

    monkeypatch.setattr(ReaderScreen, "_compute_in_thread", spy)
    app = make_app(briefings=[seed])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        await until(pilot, lambda: screen.catalog.indexed, what="the index")
        await pilot.press("slash", "t", "r", "a")
        assert screen.view.query == "tra"  # applied before the key returned, no worker
        assert screen.in_view == screen.view.rows(screen.catalog) and screen.in_view
        assert threaded == []
        await pilot.press("space", *'"de')  # `tra "de`: a one-word phrase is a word
        assert threaded == []
        monkeypatch.setattr(tui.core.textindex, "QUICK_READS", 1)  # as if "de" were common
        await pilot.press("space", "c")  # `tra "de c`: the texts with "de" are read
        await until(pilot, lambda: screen.in_view == screen.view.rows(screen.catalog),
                    what="the phrase's rows")
        assert threaded == ['tra "de c']
        monkeypatch.setattr(tui.core.catalog, "QUICK_ROWS", 0)  # every view is slow now
        await pilot.press(*["backspace"] * 6)
        await until(pilot, lambda: screen.view.query == "tra"
                    and screen.in_view == screen.view.rows(screen.catalog), what="tra")
        assert threaded[-1] == "tra"


async def test_detail_follows_the_cursor_through_every_quote(seed):
    """Rows are made on demand: the detail pane must still show each quote the cursor
    lands on, however the Row objects are reused in memory."""
    app = make_app(briefings=[seed])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        quotes = screen.query_one(QuotesList)
        for key in ("down", "up", "down"):
            for step in range(len(screen.in_view)):
                current = quotes.current()
                shown = " ".join(detail_text(screen).split())
                assert " ".join(current.quote.text.split()[:6]) in shown, (key, step)
                await pilot.press(key)
        await pilot.press("home")
        assert quotes.current().quote.index == screen.catalog.rows[screen.in_view[0]].quote.index
        assert " ".join(quotes.current().quote.text.split()[:6]) in " ".join(detail_text(screen).split())
