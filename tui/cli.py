"""The `briefing` command: open the reader, `check` files, `show` quotes, `draft` a briefing
from an article, `serve` the reader to a browser, print the `schema`. Kept thin: the work is
in loader, catalog, export, the drafter (`drafting` runs it on a file) and web; the reader
and `drafting` are imported only when they are used."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from . import __version__
from .core.problem import Problem, counted, tally
from .core.sanitize import clean
from .store import collector
from .store.loading import display_name
from .store.paths import bundled_briefings, expand

USAGE = """\
briefing [--no-cache] [PATH...]  open the reader
       briefing check [PATH...]         validate briefing files and folders
       briefing show [PATH...]          print the quotes that match every filter:
                     [--speaker Q] [--topic Q] [--session Q] [--search Q]
                     [--format text|markdown|json]
       briefing draft ARTICLE           draft a briefing from a plain-text article:
                     [-o OUT] [--date D] [--title T]
       briefing serve [PATH...]         the reader in a browser, behind a token:
                     [--host H] [--port P]
       briefing schema                  print the JSON Schema of the format, for editors
"""

DESCRIPTION = """\
A terminal reader for briefings of meetings: who spoke, on what, what they said, and
where in the source it was said. PATH is a briefing (.toml) or a folder searched
recursively for *.toml; with no PATH, the bundled briefings. Run `briefing check --help`
or `briefing show --help` for more.
"""


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or folders")
    # Accepted by every command, so that it can stay in a shell alias: `check` and `show`
    # read files without the cache anyway.
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    return parser


def _reader_parser() -> argparse.ArgumentParser:
    parser = _parser("briefing", DESCRIPTION)
    parser.usage = USAGE
    return parser


def _check_parser() -> argparse.ArgumentParser:
    return _parser(
        "briefing check",
        "Validate briefings: print every error and warning as FILE:LINE: KEY: MESSAGE, then a "
        "summary. Exit status 0 when no file has errors, 1 when any has, 2 on usage errors "
        "(a PATH that does not exist).",
    )


def _show_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "briefing show",
        "Print the quotes that match every given filter, in date order across briefings. "
        "Each Q is case- and accent-insensitive; --search takes the reader's query language "
        '(words, "phrases", @speaker, #topic, -excluded). Files with errors are reported on '
        "stderr and skipped. Exit status 1 when no briefing could be read or when --speaker, "
        "--topic or --session names nothing in them (the nearest names are suggested), 2 on "
        "usage errors (a PATH that does not exist).",
    )
    parser.add_argument("--speaker", metavar="Q", help="speaker id, name or alias")
    parser.add_argument("--topic", metavar="Q", help="topic id, title or keyword")
    parser.add_argument("--session", metavar="Q", help="session id or title")
    parser.add_argument("--search", metavar="Q", help="search everything, as the reader's /")
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format"
    )
    return parser


#: What the reader sets for itself over SSH, unless the user set it: 256 colours, where the
#: terminal announces truecolor. Text and highlights look the same in the reader's theme, for
#: a fifth fewer bytes (docs/performance.md has the measures, and of what was not chosen).
SSH_DEFAULTS = {"TEXTUAL_COLOR_SYSTEM": "256"}
OFF = {"0", "no", "false", "off"}


def ssh_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The variables to add to `environ` before Textual is imported: SSH_DEFAULTS in an SSH
    session (SSH_CONNECTION set) on a truecolor terminal, but none that the user has set
    themselves, and none with BRIEFING_SSH_DEFAULTS=0 or NO_COLOR set."""
    if not environ.get("SSH_CONNECTION") or "NO_COLOR" in environ:
        return {}
    if environ.get("BRIEFING_SSH_DEFAULTS", "").strip().lower() in OFF:
        return {}
    if environ.get("COLORTERM", "").strip().lower() not in ("truecolor", "24bit"):
        return {}  # Textual would pick 256 colours or fewer by itself
    return {key: value for key, value in SSH_DEFAULTS.items() if key not in environ}


class MissingPaths(Exception):
    """PATHs given on the command line that do not exist: a usage error (exit 2)."""


def _files(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """Briefing files for PATHs (bundled ones when none), with problems for folders that hold
    no briefing; MissingPaths when a PATH does not exist."""
    if not paths:
        return bundled_briefings(), []
    files, missing = expand(paths)
    if missing:
        raise MissingPaths(missing)
    problems = []
    for name in paths:
        path = Path(name)
        if path.is_dir() and not any(f.is_relative_to(path) for f in files):
            problems.append(Problem(name, "folder holds no *.toml briefing"))
    return files, problems


def _missing(command: str, error: MissingPaths) -> int:
    for name in error.args[0]:
        print(Problem(f"{command}: {name}", "no such file or folder"), file=sys.stderr)
    return 2


def _load_all(paths: list[str]):
    from .store.loading import check_file as check

    files, problems = _files(paths)
    briefings = []
    for file in files:
        briefing, found = check(file, display_name(file))
        problems.extend(found)
        if briefing is not None:
            briefings.append(briefing)
    return files, briefings, problems


def run_check(argv: Sequence[str]) -> int:
    args = _check_parser().parse_intermixed_args(argv)
    try:
        files, briefings, problems = _load_all(args.paths)
    except MissingPaths as error:
        return _missing("briefing check", error)
    for problem in problems:
        print(problem)
    errors = sum(not p.warning for p in problems)
    bad = len({p.file for p in problems if not p.warning})
    summary = f"{counted(len(files), 'file')} checked: {tally(problems)}"
    if bad:
        summary += f" ({counted(bad, 'file')} with errors)"
    print(summary)
    return 1 if errors or not files else 0


def _use_rich() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _unmatched_filters(catalog, args) -> list[str]:
    """A message for each of --speaker, --topic and --session that names nothing in the
    briefings, with the nearest names for its words that match nothing."""
    from .core.catalog import SESSION, SPEAKER, TOPIC
    from .core.suggest import did_you_mean

    out = []
    for what, scope, query in (("speaker", SPEAKER, args.speaker), ("topic", TOPIC, args.topic),
                               ("session", SESSION, args.session)):
        if not query or catalog.finds(query, scope):
            continue
        close: list[str] = []
        for word in query.split():
            if not catalog.finds(word, scope):
                close += [c for c in catalog.suggest(word, scope) if c not in close]
        out.append(f"briefing show: no {what} matches '{query}'{did_you_mean(close[:3])}")
    return out


def _unmatched_words(catalog, search: str) -> list[str]:
    """A note for each search word that alone matches no quote, with the nearest names."""
    from .core.search import parse_query
    from .core.suggest import did_you_mean

    return [f"briefing show: '{term.text}' matches no quote{did_you_mean(close)}"
            for term, close in catalog.unmatched(parse_query(search))]


def run_show(argv: Sequence[str]) -> int:
    args = _show_parser().parse_intermixed_args(argv)
    try:
        files, briefings, problems = _load_all(args.paths)
    except MissingPaths as error:
        return _missing("briefing show", error)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not briefings:  # files with errors are reported and skipped; the others are shown
        return 1
    from .core.catalog import Catalog
    from .core.searchindex import filter_rows
    from .output import export

    catalog = Catalog(briefings)
    unmatched = _unmatched_filters(catalog, args)
    if unmatched:
        print("\n".join(clean(m) for m in unmatched), file=sys.stderr)
        return 1
    rows = filter_rows(catalog.rows, args.speaker, args.topic, args.session, args.search)
    if not rows and args.search:
        for note in _unmatched_words(catalog, args.search):
            print(clean(note), file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(export.to_json(rows))
    elif args.format == "markdown":
        sys.stdout.write(export.markdown(rows))
    elif _use_rich():
        from .output.terminal import print_rows

        print_rows(rows)
    else:
        for line in export.plain_lines(rows):
            print(line)
    return 0


def _serve_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "briefing serve",
        "Serve the reader to a browser: each tab gets its own reader over the same files. "
        "Prints an address with a random token; every request without it is refused. "
        "Ctrl+C stops it.",
    )
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any)")
    return parser


#: The modules of the `web` extra; without them `serve` says how to install it.
WEB_EXTRA = ("textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2")


def run_serve(argv: Sequence[str]) -> int:
    args = _serve_parser().parse_intermixed_args(argv)
    try:
        files, problems = _files(args.paths)
    except MissingPaths as error:
        return _missing("briefing serve", error)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not files:
        print("briefing serve: no briefing to serve", file=sys.stderr)
        return 1
    try:
        from .web.server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in WEB_EXTRA:
            raise
        print("briefing serve: needs the web extra: pip install 'briefing[web]'", file=sys.stderr)
        return 2
    paths = [os.path.abspath(p) for p in args.paths]  # the readers may start elsewhere
    try:
        serve(paths, args.host, args.port)
    except OSError as error:
        print(f"briefing serve: cannot listen on {args.host}:{args.port}: "
              f"{error.strerror or error}", file=sys.stderr)
        return 1
    return 0


def run_reader(argv: Sequence[str]) -> int:
    args = _reader_parser().parse_intermixed_args(argv)
    try:
        files, problems = _files(args.paths)
    except MissingPaths as error:  # a mistyped path: say so here, not in an empty reader
        return _missing("briefing", error)
    if not files and not problems:
        print("briefing: no briefing to open (none bundled and no PATH given)", file=sys.stderr)
        return 1
    os.environ.update(ssh_environment(os.environ))  # Textual reads them as it is imported
    collector.pause_for_start()  # until the first paint (BriefingApp._after_paint)
    from .reader.app import make_app

    folders = [Path(name) for name in args.paths if Path(name).is_dir()]
    app = make_app(files, problems=problems, use_cache=not args.no_cache, folders=folders)
    app.run()
    app.finish_caching()
    if app.fatal:
        print(app.fatal, file=sys.stderr)
        return 1
    return app.return_code or 0


def run_draft(argv: Sequence[str]) -> int:
    """`briefing draft`, in `tui/drafting.py`."""
    from .drafting import run_draft as draft

    return draft(argv)


def run_schema(argv: Sequence[str]) -> int:
    argparse.ArgumentParser(
        prog="briefing schema",
        description="Print the JSON Schema of the briefing format, for editors such as taplo "
        "and Even Better TOML (see docs/format.md).",
    ).parse_args(argv)
    from importlib.resources import files

    sys.stdout.write(files("tui.core").joinpath("briefing.schema.json").read_text("utf-8"))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"check": run_check, "show": run_show, "draft": run_draft, "serve": run_serve,
                "schema": run_schema}
    try:
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return run_reader(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing show | head`: the reader of our output left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
