"""Errors a user can act on. `workflow.failures` turns them into exit statuses and messages for
every front end (the CLI, many districts at once)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.i18n import Msg, t, text_of


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
    """Base of every expected failure; ``exit_code`` is what the CLI exits with.

    The message may be a ``Msg``: ``str(exc)`` is then English (logs, library users) and
    ``text(lang)`` what a front end shows.
    """

    exit_code = 1

    def __init__(self, message: str | Msg = "", *args: object):
        self.message = message
        super().__init__(text_of(message, "en"), *args)

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return text_of(self.message, lang)


class InputError(PlannerError):
    """Bad input (tables, settings, road files, tallies, plan files): exit status 2."""

    exit_code = 2

    def __init__(self, problems: Sequence[Problem] | str | Msg, warnings: Sequence[Problem] = ()):
        if isinstance(problems, (str, Msg)):
            problems = [Problem(file="", message=problems)]
        self.problems = tuple(problems)
        self.warnings = tuple(warnings)
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        """One message listing every problem, each on its own line, in ``lang``."""
        lines = [p.text(lang).removeprefix(": ") for p in self.problems]
        if len(lines) == 1:
            return lines[0]
        head = t("err.n_problems", lang, count=len(lines))
        return f"{head}:\n" + "\n".join(f"  {line}" for line in lines)

    def text(self, lang: str) -> str:
        """``render`` in ``lang``."""
        return self.render(lang)


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
