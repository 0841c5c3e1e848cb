"""Several briefings at once: merged speakers, the Briefings pane, timelines, and live
reload of files that change, break, heal and disappear."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.catalog import Catalog
from tui.core.loader import load
from tui.reader.app import make_app
from tui.reader.widgets.briefings import ALL, BriefingsList
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.speakers import SpeakersList
from tui.store.loading import load_files
from tui.store.paths import expand
from tui.store.watch import Library

from support import DATA
from support.painted import painted
from support.reference import plain_counts

LIBRARY = DATA / "library"


@pytest.fixture
def library(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "library"
    shutil.copytree(LIBRARY, folder)
    return folder


def _files(folder: Path) -> list[Path]:
    files, missing = expand([str(folder)])
    assert not missing
    return files


# -- without Textual ---------------------------------------------------------------------------
def test_broken_file_does_not_stop_the_others(library):
    loaded = load_files(_files(library))
    assert len(loaded) == 3
    opened = Library.from_loaded(loaded)
    assert len(opened.briefings()) == 2
    (broken,) = opened.errors().items()
    assert broken[0].endswith("broken.toml") and "unknown speaker 'y'" in broken[1]


def test_same_speaker_id_is_one_person_with_each_meetings_role(library):
    catalog = Catalog(Library.from_loaded(load_files(_files(library))).briefings())
    entry = catalog.speakers["gudrun-o"]
    assert entry.count == 3
    assert [role for _, role in entry.roles] == ["Minister of the Environment", "Prime Minister"]
    assert entry.speaker.role == "Prime Minister"  # the latest meeting's
    assert catalog.topics["water"].count == 3 and "glaciers" in catalog.topics["water"].keywords


def test_timeline_is_in_date_order_across_meetings(library):
    catalog = Catalog(Library.from_loaded(load_files(_files(library))).briefings())
    rows = [catalog.rows[i] for i in catalog.select(speakers=frozenset({"gudrun-o"}))]
    dates = [row.briefing.meeting.date.isoformat() for row in rows]
    assert dates == sorted(dates) == ["2021-05-04", "2023-09-12", "2023-09-12"]


def test_reload_edit_break_fix_delete(library):
    opened = Library.from_loaded(load_files(_files(library)))
    target = next(f for f in opened.files if f.path.name == "reykjavik.toml")
    original = target.path.read_text(encoding="utf-8")
    assert opened.changed() == []

    target.path.write_text(original.replace("Glaciers feed", "Melting glaciers feed"), "utf-8")
    assert opened.changed() == [target]
    assert opened.reload(target) == "reloaded"
    assert "Melting" in target.briefing.quotes[0].text and opened.changed() == []

    target.path.write_text(original + "\nbroken = = 1\n", "utf-8")
    assert opened.reload(target) == "error"
    assert "Melting" in target.briefing.quotes[0].text  # the last good version stays
    assert "invalid TOML" in opened.errors()[str(target.path)]

    target.path.write_text(original, "utf-8")
    assert opened.reload(target) == "reloaded"
    assert str(target.path) not in opened.errors()

    target.path.unlink()
    assert opened.changed() == [target]
    assert opened.reload(target) == "gone"
    assert opened.gone() == {str(target.path)} and target.briefing is not None


def test_refreshed_reads_the_changed_files_into_a_new_library(library):
    opened = Library.from_loaded(load_files(_files(library)))
    assert opened.refreshed() == (opened, [])
    target = next(f for f in opened.files if f.path.name == "reykjavik.toml")
    before = target.briefing
    target.path.write_text(target.path.read_text(encoding="utf-8").replace(
        "Glaciers feed", "Melting glaciers feed"), "utf-8")
    fresh, outcomes = opened.refreshed()
    assert [(entry.path, outcome) for entry, outcome in outcomes] == [(target.path, "reloaded")]
    assert fresh is not opened and target.briefing is before  # the old one is untouched
    assert opened.changed() == [target] and fresh.changed() == []
    (new,) = [f for f in fresh.files if f.path == target.path]
    assert "Melting" in new.briefing.quotes[0].text
    assert [f for f in fresh.files if f is not new] == [f for f in opened.files if f is not target]


def test_source_text_change_is_noticed(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "good"
    shutil.copytree(DATA / "good", folder)
    opened = Library.from_loaded(load_files([folder / "nordic.toml"]))
    source = opened.files[0].briefing.source.resolved_path
    source.write_text(source.read_text(encoding="utf-8") + "\n\nOne more paragraph.\n", "utf-8")
    assert opened.changed() == opened.files


# -- the reader --------------------------------------------------------------------------------
def _app(library: Path):
    app = make_app(_files(library), use_cache=False)
    app.watch_interval = 0  # the tests call check_files themselves
    return app


async def _reload(app, pilot) -> None:
    """Look for changed files as the watch timer does, and wait until it is done."""
    worker = app.check_files()
    assert worker is not None
    await worker.wait()
    await pilot.pause()


async def test_briefings_pane_lists_newest_first_with_the_broken_file(library):
    app = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(BriefingsList)
        assert pane.display
        labels = [e.id if e.briefing is None else e.briefing.meeting.title for e in pane.entries]
        assert labels[0] == ALL
        assert labels[1:3] == ["Arctic council follow-up", "Nordic water talks"]
        assert labels[3].endswith("broken.toml") and pane.entries[3].status
        assert pane.counts[ALL] == 4


async def test_choosing_a_briefing_narrows_every_pane(library):
    app = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.set_focus(screen.query_one(BriefingsList))
        await pilot.press("down", "down", "enter")  # Nordic water talks (2021)
        await pilot.pause()
        assert screen.view.briefing.endswith("helsinki.toml")
        assert len(screen.in_view) == 2
        speakers = [e.id for e in screen.query_one(SpeakersList).entries]
        assert sorted(speakers) == ["gudrun-o", "matti-k"]
        # The other briefing counts what choosing it would give, not 0; "All" counts all.
        pane = screen.query_one(BriefingsList)
        arctic = next(e.id for e in pane.entries
                      if e.briefing is not None and e.briefing.meeting.title.startswith("Arctic"))
        assert pane.counts[arctic] == 2 and pane.counts[ALL] == 4
        await pilot.press("up", "up", "enter")  # All briefings
        await pilot.pause()
        assert screen.view.briefing is None and len(screen.in_view) == 4


async def test_merged_speaker_and_timeline_in_the_reader(library):
    app = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        speakers = screen.query_one(SpeakersList)
        ids = [e.id for e in speakers.entries]
        assert ids.count("gudrun-o") == 1 and speakers.counts["gudrun-o"] == 3
        screen.set_focus(speakers)
        speakers.cursor = ids.index("gudrun-o")
        await pilot.press("enter")
        await pilot.pause()
        quotes = screen.query_one(QuotesList)
        assert quotes.show_meeting  # each row carries its meeting's date
        dates = [quotes.rows[i].briefing.meeting.date for i in quotes.indices]
        assert dates == sorted(dates) and len(dates) == 3


async def test_live_reload_keeps_search_and_shows_errors_and_gone(library):
    app = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"glacier", "enter")
        await pilot.pause()
        assert len(screen.in_view) == 1
        target = library / "2023" / "reykjavik.toml"
        original = target.read_text(encoding="utf-8")
        target.write_text(original.replace("Glaciers feed", "Melting glaciers feed"), "utf-8")
        await _reload(app, pilot)
        assert screen.view.query == "glacier" and len(screen.in_view) == 1
        assert "Melting" in screen.query_one(QuotesList).current().quote.text
        # Drawn anew: the row at the same place with the same highlight shows the new text.
        drawn = " ".join(strip.text for strip in painted(app, screen.query_one(QuotesList)))
        assert "Melting glaciers" in drawn

        target.write_text("format = = 1\n", "utf-8")
        await _reload(app, pilot)
        assert "Melting" in screen.query_one(QuotesList).current().quote.text
        entry = next(e for e in screen.query_one(BriefingsList).entries
                     if e.id == str(target))
        assert "invalid TOML" in entry.status

        target.unlink()
        await _reload(app, pilot)
        entry = next(e for e in screen.query_one(BriefingsList).entries
                     if e.id == str(target))
        assert entry.status == "gone"
        assert app.is_running


async def test_live_reload_checks_files_off_the_ui_thread(library, monkeypatch):
    """The watch timer finds the edit and the reader shows it; the file was read again,
    checked by the loader and put in a new catalog in a worker thread."""
    import threading

    import tui.core.loader
    import tui.reader.app
    import tui.store.watch

    ran: dict[str, set] = {"read": set(), "check": set(), "catalog": set()}

    def spy(name, function):
        def spied(*args, **kwargs):
            ran[name].add(threading.current_thread())
            return function(*args, **kwargs)
        return spied

    class SpiedCatalog(Catalog):
        def __init__(self, *args, **kwargs):
            ran["catalog"].add(threading.current_thread())
            super().__init__(*args, **kwargs)

    app = make_app(_files(library), use_cache=False)
    app.watch_interval = 0.05
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ui = threading.current_thread()
        monkeypatch.setattr(tui.core.loader, "check", spy("check", tui.core.loader.check))
        monkeypatch.setattr(tui.store.watch, "load_one", spy("read", tui.store.watch.load_one))
        monkeypatch.setattr(tui.reader.app, "Catalog", SpiedCatalog)
        target = library / "2023" / "reykjavik.toml"
        target.write_text(target.read_text(encoding="utf-8").replace(
            "Glaciers feed", "Melting glaciers feed"), "utf-8")
        for _ in range(200):
            await pilot.pause(0.025)
            if any("Melting" in row.quote.text for row in app.catalog.rows):
                break
        else:
            raise AssertionError("the edit was never shown")
        await pilot.pause()
        shown = app.screen.query_one(QuotesList)
        assert any("Melting" in shown.rows[i].quote.text for i in shown.indices)
        assert all(ran.values()) and not any(ui in threads for threads in ran.values())


async def test_a_look_at_the_files_waits_for_the_one_still_running(library, monkeypatch):
    import threading

    import tui.core.loader

    release = threading.Event()
    real = tui.core.loader.check

    def slow(path, display=None):
        release.wait(10)
        return real(path, display)

    app = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(tui.core.loader, "check", slow)
        target = library / "2023" / "reykjavik.toml"
        target.write_text(target.read_text(encoding="utf-8").replace(
            "Glaciers feed", "Melting glaciers feed"), "utf-8")
        first = app.check_files()
        assert first is not None and app.check_files() is None  # not a second one at once
        assert len(first.description) < 100  # not the repr of every quote it reloads
        release.set()
        await first.wait()
        await pilot.pause()
        assert any("Melting" in row.quote.text for row in app.catalog.rows)
        assert app.check_files() is None  # nothing changed since
        target.write_text(target.read_text(encoding="utf-8").replace("Melting", "Thawing, melting"), "utf-8")
        again = app.check_files()
        assert again is not None
        await again.wait()
        assert any("Thawing" in row.quote.text for row in app.catalog.rows)


async def test_one_briefing_that_breaks_gets_a_briefings_pane_with_its_error(tmp_path):
    """One briefing has no Briefings pane; when it breaks on disk, the pane appears to say
    why, beside its last good version."""
    shutil.copytree(DATA / "good", tmp_path / "good")
    target = tmp_path / "good" / "nordic.toml"
    app = make_app([target], use_cache=False)
    app.watch_interval = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query(BriefingsList)
        quotes = len(screen.in_view)
        target.write_text("format = = 1\n", "utf-8")
        await _reload(app, pilot)
        pane = screen.query_one(BriefingsList)
        assert pane.display and pane.border_title == "Briefings"
        entry = next(e for e in pane.entries if e.id == str(target))
        assert "invalid TOML" in entry.status
        assert len(screen.in_view) == quotes and app.is_running


async def test_large_libraries_load_behind_a_progress_screen(library, monkeypatch):
    """Over SYNC_BYTES the files load in a thread; the loading screen names the file being
    read, then gives way to the reader."""
    import threading

    import tui.reader.app
    from tui.reader.screens.loading import LoadingScreen
    from tui.reader.screens.reader import ReaderScreen

    monkeypatch.setattr(tui.reader.app, "SYNC_BYTES", 0)
    monkeypatch.setattr(tui.reader.app, "PROGRESS_SECONDS", 0)
    release = threading.Event()
    real = tui.reader.app.load_files

    def held(files, use_cache=True, progress=None):
        def told(done, total, path):
            progress(done, total, path)
            if done == total - 1:
                release.wait(10)  # hold on the last file until the test has looked

        return real(files, use_cache, told)

    monkeypatch.setattr(tui.reader.app, "load_files", held)
    app = _app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, LoadingScreen):
                text = str(app.screen.query_one("#loading-text").render())
                if "2 of 3" in text:
                    break
        else:
            raise AssertionError("the loading screen never showed the last file")
        assert _files(library)[-1].name in text  # the file being read
        await pilot.press("question_mark")  # help, opened while loading
        await pilot.pause()
        release.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, ReaderScreen):
                break
        assert isinstance(app.screen, ReaderScreen)
        assert len(app.screen.in_view) == 4
        assert not any(isinstance(s, LoadingScreen) for s in app.screen_stack)


def test_counts_of_a_selection_match_a_plain_count(library):
    from tui.core.search import parse_query

    catalog = Catalog(Library.from_loaded(load_files(_files(library))).briefings())
    for terms in ((), parse_query("water"), parse_query("-water"), parse_query("zzz")):
        facets = catalog.facets(terms=terms)
        assert (facets.speakers, facets.topics) == plain_counts(catalog, facets.rows), terms
    # With a speaker chosen, the topics pane counts that speaker's rows.
    facets = catalog.facets(speakers=frozenset({"gudrun-o"}))
    assert facets.topics == plain_counts(catalog, facets.rows)[1]
    assert len(facets.rows) == catalog.speakers["gudrun-o"].count


def test_a_topic_named_twice_by_one_quote_counts_once_everywhere():
    from tui.core.model import Briefing, Meeting, Quote, Source, Speaker, Topic

    speaker, topic = Speaker("s", "S"), Topic("t", "T")
    quotes = (Quote(0, speaker, "a", topics=(topic, topic)), Quote(1, speaker, "b", topics=(topic,)))
    briefing = Briefing(Path("x.toml"), Meeting("M", None), Source(), (speaker,), (topic,),
                        quotes=quotes)
    catalog = Catalog([briefing])
    assert catalog.topics["t"].count == 2
    facets = catalog.facets()
    assert (facets.speakers, facets.topics) == ({"s": 2}, {"t": 2})
    from tui.core.search import parse_query

    facets = catalog.facets(terms=parse_query("a"))  # the first quote only
    assert list(facets.rows) == [0]
    assert (facets.speakers, facets.topics) == ({"s": 1}, {"t": 1})


def test_catalog_rows_are_each_briefing_quotes_in_date_order(tmp_path):
    """Rows are made on demand: indexing (also from the end, and by slice) and iterating
    give the same rows, and briefings without quotes are skipped over."""
    from tui.bench.synth import write_briefing

    briefings = []
    for number, quotes in enumerate((3, 0, 2, 0, 4)):
        path = tmp_path / f"b{number}.toml"
        write_briefing(path, max(quotes, 1), seed=number, date=f"2020-01-0{number + 1}")
        briefing = load(path)
        briefings.append(replace(briefing, quotes=briefing.quotes[:quotes]))
    catalog = Catalog(briefings)
    expected = [(b.path, q) for b in briefings for q in b.quotes]
    assert len(catalog.rows) == len(expected) == 9
    assert [(r.briefing.path, r.quote) for r in catalog.rows] == expected
    assert [(catalog.rows[i].briefing.path, catalog.rows[i].quote) for i in range(9)] == expected
    assert (catalog.rows[-1].briefing.path, catalog.rows[-1].quote) == expected[-1]
    assert [(r.briefing.path, r.quote) for r in catalog.rows[2:6]] == expected[2:6]
    with pytest.raises(IndexError):
        catalog.rows[9]


def test_an_open_files_repr_leaves_out_its_briefing(library):
    """Worker descriptions and debug output show a library by its repr: it must not be
    the text of every quote."""
    opened = Library.from_loaded(load_files(_files(library)))
    assert all(len(repr(entry)) < 500 for entry in opened.files)
    assert "Quote(" not in repr(opened)


async def test_a_briefing_copied_into_an_open_folder_appears(library):
    """Defect 14: a new file in a folder the user named is opened (and its quotes counted);
    a removed one is marked gone."""
    app = make_app(_files(library), use_cache=False, folders=[library])
    app.watch_interval = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        before = len(app.catalog)
        first = app.check_files()  # the first look walks the folder: nothing new
        await first.wait()
        assert len(app.catalog) == before
        (library / "copies").mkdir()
        copy = library / "copies" / "again.toml"
        original = next(library.rglob("reykjavik.toml"))
        copy.write_text(original.read_text(encoding="utf-8").replace(
            'title = "', 'title = "Copy of ', 1), "utf-8")
        for source in original.parent.glob("*.txt"):
            shutil.copy(source, copy.parent / source.name)
        await _reload(app, pilot)
        assert len(app.catalog) > before
        entries = screen.query_one(BriefingsList).entries
        assert any(e.id == str(copy) and e.briefing is not None for e in entries)
        assert any("New: " in str(n.message) and "again.toml" in str(n.message)
                   for n in app._notifications)
        copy.unlink()
        await _reload(app, pilot)
        entry = next(e for e in screen.query_one(BriefingsList).entries if e.id == str(copy))
        assert entry.status == "gone"
