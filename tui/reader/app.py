"""The reader: a Textual app over one or more briefings. `make_app` builds it for the CLI
and the tests alike."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, get_current_worker

from ..core.catalog import Catalog
from ..core.model import Briefing
from ..core.problem import Problem, tally
from ..core.sanitize import clean
from ..store import collector
from ..store.loading import Loaded, display_name, load_files
from ..store.state import State
from ..store.watch import Library
from .screens.reader import ReaderScreen
from .screens.viewing import SYNC_ROWS
from .widgets.searchbar import SearchBar

WATCH_SECONDS = 1.0  # how often open files are checked (a stat each) for changes
SYNC_BYTES = 2 * 2**20  # briefings smaller than this load before the first paint
PROGRESS_SECONDS = 0.2  # how often the loading screen is told how far loading has got


def _commands():
    """The palette's provider, imported when the palette first opens (it pulls in much of
    Textual that the first paint does not need)."""
    from .commands import BriefingCommands

    return BriefingCommands


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class BriefingApp(App):
    """Loads the briefings, then shows them on a `ReaderScreen`."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {_commands}

    BINDINGS = [
        Binding("o", "overview", "Overview"),
        Binding("question_mark", "help", "Help"),
        Binding("f1", "help", "Help", key_display="F1"),  # (Textual shows "f1")
        Binding("q", "quit", "Quit"),
        # Here, not on the reader screen, so that the keys bar cuts it before Quit.
        Binding("z", "zoom", "Zoom"),
    ]

    def __init__(
        self,
        files: Sequence[Path] = (),
        briefings: Sequence[Briefing] = (),
        problems: Sequence[Problem] = (),
        use_cache: bool = True,
        folders: Sequence[Path] = (),
    ) -> None:
        super().__init__()
        self.folders = list(folders)  # named by the user: new briefings in them are opened
        self.files = list(files)
        self.problems: list[Problem] = list(problems)
        self.use_cache = use_cache
        self.catalog = Catalog(briefings)
        self.fatal: str | None = None
        self.pending_stores: list = []
        self.library = Library()
        self.watch_interval = WATCH_SECONDS
        self._reloading: Worker | None = None  # the live reload running, if any
        self._early: list[Loaded] | None = None  # loaded before the first paint
        self._total_bytes = 0
        self.state = State.load()  # the theme, search history and last quotes of past runs
        if self.state.theme in self.available_themes:
            self.theme = self.state.theme

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands that a reader needs: the theme and quit. Its Keys
        panel, Maximize and Screenshot are left out: the help screen lists every key."""
        yield SystemCommand("Theme", "Change the reader's colours", self.action_change_theme)
        yield SystemCommand("Quit", "Quit briefing", self.action_quit)

    def get_default_screen(self) -> Screen:
        """The reader itself when the briefings are small enough to load before the first
        paint (one screen to build and draw, not two); otherwise a blank screen, under the
        loading screen, until they have loaded."""
        self._total_bytes = sum(_size(path) for path in self.files)
        if not self.files:
            self._early = []
        elif self._total_bytes < SYNC_BYTES:
            self._early = load_files(self.files, self.use_cache)
        if self._early is not None:
            reader = self._prepare(self._early)
            if reader is not None:
                return reader
        return Screen()

    def on_mount(self) -> None:
        if self._early is not None:
            if self.fatal:
                self.exit(return_code=1)
            else:
                self._start(self._early)
            self._early = None  # the reader holds what it needs; reloads replace it
            return
        from .screens.loading import LoadingScreen

        screen = LoadingScreen(self._total_bytes, len(self.files))
        self.push_screen(screen)
        self._load_in_thread(screen)

    @work(thread=True, exclusive=True, group="load")
    def _load_in_thread(self, screen) -> None:
        from .screens.loading import LoadingScreen

        shown = [0.0]

        def progress(done: int, total: int, path: Path) -> None:
            # A few times a second, posted without waiting for the screen to take it.
            now = time.monotonic()
            if now - shown[0] >= PROGRESS_SECONDS:
                shown[0] = now
                screen.post_message(LoadingScreen.Progress(done, display_name(path)))

        loaded = load_files(self.files, self.use_cache, progress)
        self.call_from_thread(self._open, loaded)

    def _prepare(self, loaded: list[Loaded]) -> ReaderScreen | None:
        """The reader over the loaded briefings, or None (and `fatal` says why) when none
        of them opens."""
        with collector.paused(keep=True):  # a full collection would walk every quote
            for item in loaded:
                self.problems.extend(item.problems)
            if self.files:
                self.library = Library.from_loaded(loaded)
                self.library.folders = self.folders
                if not self.library.briefings():
                    errors = [str(p) for p in self.problems if not p.warning]
                    self.fatal = "\n".join(errors or ["briefing: no briefing to open"])
                    return None
                self.catalog = Catalog(self.library.briefings())
            reader = ReaderScreen(self.catalog, self.library.errors(), self.library.gone(),
                                  self.state)
        return reader

    def _open(self, loaded: list[Loaded]) -> None:
        """Show the briefings loaded in the background in place of the loading screen."""
        from .screens.loading import LoadingScreen

        reader = self._prepare(loaded)
        if reader is None:
            self.exit(return_code=1)
            return
        self._back_to(LoadingScreen)  # help or overview opened while loading: the reader first
        self.switch_screen(reader)
        self._start(loaded)

    def _start(self, loaded: list[Loaded]) -> None:
        """With the reader on screen: report problems; after the first paint, build the
        search index and write the cache entries; start watching the files."""
        if self.problems:
            self._report_problems()
        # Kept here, not only passed on: if the user quits before the first paint's
        # callback runs, the CLI still writes them (finish_caching).
        self.pending_stores = [item.store for item in loaded if item.store is not None]
        self.call_after_refresh(self._after_paint)
        if self.files and self.watch_interval:
            self.set_interval(self.watch_interval, self.check_files)

    # -- live reload -------------------------------------------------------------------------
    def check_files(self) -> Worker | None:
        """Look for open files that changed on disk (a `stat` of each) and for new ones in
        the folders named (a `stat` of each folder), and reload them in a worker thread;
        the reader keeps its view. Returns the worker, or None when nothing changed or a
        reload still runs."""
        if self._reloading is not None and not self._reloading.is_finished:
            return None
        if not self.library.changed() and not self.library.folders_moved():
            return None
        self._reloading = self._reload_in_thread(self.library)
        return self._reloading

    # Described in words: Textual's default description is the repr of the arguments, and
    # a library's repr is every quote it holds.
    @work(thread=True, exclusive=True, group="reload", description="live reload")
    def _reload_in_thread(self, library: Library) -> None:
        """Read the changed files again and build the new catalog and its index; the UI
        thread then puts them in place in one step (`_apply_reload`)."""
        fresh, outcomes = library.refreshed(self.use_cache)
        if not outcomes:
            return
        catalog = Catalog(fresh.briefings())
        catalog.build_index()  # here, not on the UI thread
        if not get_current_worker().is_cancelled:  # the app is closing
            self.call_from_thread(self._apply_reload, library, fresh, catalog, outcomes)

    def _apply_reload(self, before: Library, library: Library, catalog: Catalog,
                      outcomes: list) -> None:
        """Put the reloaded library and its catalog in place of `before`, and say what
        changed."""
        if self.library is not before:  # replaced meanwhile: this reload is out of date
            return
        self.library, self.catalog = library, catalog
        if self.reader is not None:
            self.reader.replace_catalog(catalog, library.errors(), library.gone())
        collector.hold_off_full()
        messages = []
        trouble = False  # a file gone or with errors: a warning, not news
        for entry, outcome in outcomes:
            name = display_name(entry.path)
            trouble = trouble or outcome == "gone" or bool(entry.error)
            if outcome == "new":
                messages.append(f"New: {name}, which has errors. {entry.error}" if entry.error
                                else f"New: {name}.")
            elif outcome == "gone":
                messages.append(f"{name} is gone; its last version stays on screen.")
            elif outcome == "error":
                messages.append(f"{name} has errors; showing its last good version. {entry.error}")
            else:
                messages.append(f"Reloaded {name}.")
        self.notify(clean("\n".join(messages)), markup=False,
                    severity="warning" if trouble else "information")

    def _after_paint(self) -> None:
        collector.resume_after_start()  # paused by the CLI as it started the reader
        if len(self.catalog) < SYNC_ROWS:
            self.catalog.build_index()  # small: build it now
            self.finish_caching()
            collector.hold_off_full()  # what the reader keeps is built: none while typing
            return
        self._background()

    @work(thread=True, exclusive=True, group="background")
    def _background(self) -> None:
        self.catalog.build_index()  # off the UI thread
        self.finish_caching()
        collector.hold_off_full()

    def finish_caching(self) -> None:
        """Write the cache entries not yet written (the CLI calls this again after the app
        has closed, in case the user quit first)."""
        while self.pending_stores:
            store = self.pending_stores[0]
            store()
            if self.pending_stores and self.pending_stores[0] is store:
                self.pending_stores.pop(0)

    def _report_problems(self) -> None:
        errors = sum(not p.warning for p in self.problems)
        self.notify(
            f"{tally(self.problems)}; first: {self.problems[0]}\n"
            "Run `briefing check` for all.",
            title="Problems in the briefings",
            severity="error" if errors else "warning",
            markup=False,
            timeout=8,
        )

    @property
    def reader(self) -> ReaderScreen | None:
        """The main screen, wherever it is in the stack."""
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen
        return None

    # -- state between runs ------------------------------------------------------------------
    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def save_state(self) -> None:
        """Keep the theme and the search the reader quits with for the next run (the
        history and last quotes are kept as they happen); a folder that cannot be written
        is skipped."""
        self.state.theme = self.theme
        if self.reader is not None:
            self.state.remember_search(self.reader.view.query)
        self.state.save()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """z only over the reader; Ctrl+P in the search field moves to the previous result
        (as in fzf), not to the palette."""
        if action == "zoom":
            return isinstance(self.screen, ReaderScreen)
        if action == "command_palette":
            return not isinstance(self.focused, SearchBar)
        return True

    def action_zoom(self) -> None:
        if isinstance(self.screen, ReaderScreen):
            self.screen.action_zoom()

    def action_edit(self) -> None:
        """The selected quote's briefing in $VISUAL or $EDITOR, reloaded on return."""
        from .editing import edit

        row = self.reader.query_one("#quotes").current() if self.reader is not None else None
        briefing = row.briefing if row is not None else next(iter(self.catalog.briefings), None)
        edit(self, briefing, row.quote.index if row is not None else None)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_overview(self) -> None:
        from .screens.overview import OverviewScreen

        if not isinstance(self.screen, OverviewScreen):
            self.push_screen(OverviewScreen(self.catalog), self._jump)

    def _jump(self, target: tuple[str | None, str | None] | None) -> None:
        if target and self.reader is not None:
            self.reader.show_only(*target)

    def _back_to(self, kind: type[Screen]) -> None:
        """Close the screens opened over the topmost screen of type `kind`."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, kind):
            self.pop_screen()

    def show_only(self, speaker: str | None = None, topic: str | None = None) -> None:
        """Back to the reader, showing only that speaker's and/or topic's quotes."""
        self._back_to(ReaderScreen)
        if self.reader is not None:
            self.reader.show_only(speaker, topic)

    def narrow(self, speaker: str | None = None, topic: str | None = None,
               session: tuple[Briefing, str] | None = None) -> None:
        """Back to the reader, narrowed to that speaker, topic or session (ReaderScreen.narrow)."""
        self._back_to(ReaderScreen)
        if self.reader is not None:
            self.reader.narrow(speaker, topic, session)


def make_app(
    files: Sequence[Path | str] = (),
    briefings: Sequence[Briefing] = (),
    problems: Sequence[Problem] = (),
    use_cache: bool = True,
    folders: Sequence[Path | str] = (),
) -> BriefingApp:
    """The reader over `files` (loaded when it starts) or already loaded `briefings`; new
    briefings in `folders` are opened as they appear."""
    paths = [f if isinstance(f, Path) else Path(f) for f in files]  # not parsed again
    return BriefingApp(paths, briefings, problems, use_cache, [Path(f) for f in folders])
