"""`briefing draft ARTICLE`: the drafter (`tui.draft`) run on a plain-text article, the
draft written to a new file (never over one) or to standard output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .draft import draft
from .output.writing import write_new


def _date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _draft_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing draft",
        description="Draft a briefing from ARTICLE, a plain-text article with paragraphs "
        "separated by blank lines: speakers, their statements with paragraph and excerpt, "
        "outcomes, sessions and topics, found by rules. Review it: `briefing check OUT`, then "
        "open it and press `s` for the source view. OUT is never overwritten.",
    )
    parser.add_argument("article", metavar="ARTICLE", help="the article, a UTF-8 text file")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="the briefing to write (a new file); standard output if not given")
    parser.add_argument("--date", type=_date, metavar="D",
                        help="the meeting's date (YYYY-MM-DD), over what the article says")
    parser.add_argument("--title", metavar="T", help="the meeting's title, over the headline")
    return parser


def run_draft(argv: Sequence[str]) -> int:
    args = _draft_parser().parse_args(argv)
    article = Path(args.article)
    try:
        text = article.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else (
            "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else str(error))
        print(f"briefing draft: {args.article}: {reason}", file=sys.stderr)
        return 1
    out = Path(args.output) if args.output else None
    if out is not None and (out.exists() or out.is_symlink()):
        print(f"briefing draft: {out}: already exists; not overwritten (choose another OUT)",
              file=sys.stderr)
        return 1
    folder = out.parent if out is not None else Path.cwd()
    source = Path(os.path.relpath(article.resolve(), folder.resolve())).as_posix()
    toml, made = draft(text, source, date=args.date, title=args.title)
    for note in made.notes:
        print(f"briefing draft: {args.article}: {note}", file=sys.stderr)
    if not made.statements:
        print(f"briefing draft: {args.article}: no statement found (no speech verb with a "
              "speaker the text names); nothing written", file=sys.stderr)
        return 1
    if out is None:
        sys.stdout.write(toml)
        return 0
    try:
        write_new(out, toml)
    except FileExistsError:
        print(f"briefing draft: {out}: already exists; not overwritten", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"briefing draft: {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"{out}: {len(made.statements)} quotes by {len(made.speakers)} speakers, "
          f"{len(made.outcomes)} outcomes; review with `briefing check {out}`", file=sys.stderr)
    return 0
