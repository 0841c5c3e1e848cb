"""A problem found in a briefing: its own small module, so that the reader can report
problems kept in the cache without importing the loader (and tomli)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import quick_builder
from .sanitize import clean


@dataclass(frozen=True, slots=True)
class Problem:
    """One error or warning, located as precisely as the file allows."""

    file: str
    message: str
    key: str = ""
    line: int | None = None
    column: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.key:
            parts.append(self.key)
        if self.warning:
            parts.append("warning")
        parts.append(self.message)
        return clean(": ".join(parts)).replace("\n", " ").replace("\t", " ")


#: Problem(*values), a global the cache can pickle a reference to.
new_problem = quick_builder(Problem, "new_problem")


def first_error(problems: Iterable[Problem], default: str = "") -> str:
    """The first of `problems` that is an error (not a warning), as one line, or `default`
    when there is none."""
    for problem in problems:
        if not problem.warning:
            return str(problem)
    return default


def counted(number: int, noun: str) -> str:
    """'1 error', '2 errors', '0 warnings': a number with its noun in the right number."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def tally(problems) -> str:
    """'2 errors, 1 warning': how many of `problems` are errors and how many warnings."""
    warnings = sum(p.warning for p in problems)
    return f"{counted(len(problems) - warnings, 'error')}, {counted(warnings, 'warning')}"
