"""The reader: a Textual app over one or more briefings. `make_app` builds it for the CLI
and the tests alike."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from textual.app import App
from textual.binding import Binding

from .catalog import Catalog
from .commands import BriefingCommands
from .loader import Problem
from .loading import load_files
from .model import Briefing
from .screens.reader import ReaderScreen


class BriefingApp(App):
    """Loads the briefings, then shows them on a `ReaderScreen`."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {BriefingCommands}

    BINDINGS = [
        Binding("o", "overview", "Overview"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        files: Sequence[Path] = (),
        briefings: Sequence[Briefing] = (),
        problems: Sequence[Problem] = (),
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.files = list(files)
        self.problems: list[Problem] = list(problems)
        self.use_cache = use_cache
        self.catalog = Catalog(briefings)
        self.fatal: str | None = None

    def on_mount(self) -> None:
        if self.files:
            briefings, problems = load_files(self.files, use_cache=self.use_cache)
            self.problems.extend(problems)
            if not briefings:
                errors = [str(p) for p in self.problems if not p.warning]
                self.fatal = "\n".join(errors or ["briefing: no briefing to open"])
                self.exit(return_code=1)
                return
            self.catalog = Catalog(briefings)
        self.push_screen(ReaderScreen(self.catalog))
        if self.problems:
            self._report_problems()

    def _report_problems(self) -> None:
        warnings = sum(p.warning for p in self.problems)
        errors = len(self.problems) - warnings
        self.notify(
            f"{errors} error(s), {warnings} warning(s); first: {self.problems[0]}\n"
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

    def show_only(self, speaker: str | None = None, topic: str | None = None) -> None:
        """Back to the reader, showing only that speaker's and/or topic's quotes."""
        while len(self.screen_stack) > 1 and self.screen is not self.reader:
            self.pop_screen()
        if self.reader is not None:
            self.reader.show_only(speaker, topic)

    def jump_to_session(self, briefing: Briefing, session_id: str) -> None:
        while len(self.screen_stack) > 1 and self.screen is not self.reader:
            self.pop_screen()
        if self.reader is not None:
            self.reader.jump_to_session(briefing, session_id)


def make_app(
    files: Sequence[Path | str] = (),
    briefings: Sequence[Briefing] = (),
    problems: Sequence[Problem] = (),
    use_cache: bool = True,
) -> BriefingApp:
    """The reader over `files` (loaded when it starts) or already loaded `briefings`."""
    return BriefingApp([Path(f) for f in files], briefings, problems, use_cache)
