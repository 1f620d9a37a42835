"""Errors a user can act on. `workflow.failures` turns them into exit statuses and messages for
every front end (the CLI, many districts at once)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.i18n import Msg, text_of


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one place of an input: ``file:row:column: message — hint``.

    ``row`` counts like a spreadsheet (the header is row 1); ``severity`` is ``error`` or
    ``warning``.
    """

    file: str
    message: str | Msg
    row: int | None = None
    column: str | None = None
    hint: str | Msg = ""
    severity: str = "error"

    def text(self, lang: str) -> str:
        """The problem in ``lang``: a ``Msg`` message or hint is translated, plain text kept."""
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.column:
            where += f":{self.column}"
        text = f"{where}: {text_of(self.message, lang)}"
        hint = text_of(self.hint, lang)
        if hint:
            text += f" — {hint}"
        return text

    def __str__(self) -> str:
        return self.text("en")


class PlannerError(Exception):
    """Base of every expected failure; ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class InputError(PlannerError):
    """Bad input (tables, settings, road files, tallies, plan files): exit status 2."""

    exit_code = 2

    def __init__(self, problems: Sequence[Problem] | str, warnings: Sequence[Problem] = ()):
        if isinstance(problems, str):
            problems = [Problem(file="", message=problems)]
        self.problems = tuple(problems)
        self.warnings = tuple(warnings)
        super().__init__(self.render())

    def render(self) -> str:
        """One message listing every problem, each on its own line."""
        lines = [str(p).removeprefix(": ") for p in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"  {line}" for line in lines)


class RoadNetworkError(InputError):
    """A road network that cannot be read or used (exit 2: it is an input)."""


class PlanCheckError(PlannerError):
    """A plan breaks a hard rule. From ``planner plan`` this is a bug, so exit 1."""

    exit_code = 1

    def __init__(self, violations: Sequence[str]):
        self.violations = tuple(violations)
        super().__init__(
            f"{len(self.violations)} hard-rule violation(s):\n"
            + "\n".join(f"  {v}" for v in self.violations)
        )


class LimitError(PlannerError):
    """A size or resource limit was met; the message says which and what to do."""

    exit_code = 2
