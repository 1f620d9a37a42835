"""What ``planner record`` prints: its summary lines and its problems, in one language."""

from __future__ import annotations

from pathlib import Path

from planner.errors import Problem
from planner.i18n import number, t
from planner.ledger.records import RecordOutcome
from planner.model import Plan


def no_plan_problem(
    week: str, ledger: Path, tally: Path, tally_week: str | None, lang: str
) -> Problem:
    """No plan of ``week`` in the ledger: plan it first, or, when the tally is of another
    week (``tally_week``), record it with that week."""
    if tally_week is not None and tally_week != week:
        return Problem(
            file=str(tally),
            message=t("record.err.wrong_week", lang, week=tally_week, plan_week=week),
            hint=t("record.hint.wrong_week", lang, week=tally_week, file=str(tally)),
        )
    return Problem(file="", message=t("record.err.no_plan", lang, week=week, path=ledger))


def record_lines(
    outcome: RecordOutcome, plan: Plan, not_visited: int, name: str, reserve: int, lang: str
) -> tuple[list[str], list[str]]:
    """What a recording did, as (lines for stdout, lines for stderr), numbers in ``lang``'s
    format."""

    def n(value: int) -> str:
        return number(value, lang)

    label = outcome.week
    if not outcome.changed:
        return [t("record.out.unchanged", lang, week=label)], []
    head = "record.out.replaced" if outcome.replaced else "record.out.recorded"
    lines = [
        t(head, lang, week=label, version=outcome.plan_version, file=name),
        t("record.out.stops", lang, visited=n(outcome.stops_visited), skipped=n(not_visited)),
    ]
    people = t("record.out.people", lang, people=n(outcome.people), planned=n(plan.totals.people))
    if outcome.replaced and outcome.previous_people is not None:
        people += t("record.out.was", lang, value=n(outcome.previous_people))
    cards = t("record.out.cards", lang, cards=n(outcome.cards))
    if outcome.replaced and outcome.previous_cards is not None:
        cards += t("record.out.was", lang, value=n(outcome.previous_cards))
    left = n(max(0, outcome.stock_left))
    lines += [people, cards, t("record.out.stock", lang, left=left, reserve=n(reserve))]
    errors = []
    if outcome.stock_left < 0:
        errors.append(t("record.out.overdrawn", lang, cards=n(-outcome.stock_left)))
    return lines, errors
