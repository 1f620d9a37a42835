"""The tally's checks across rows: one row per stop, what a site could hold, what a team carried.

``planner.io.tally_rows`` checks each row alone; these need the whole week:

- a stop filled twice: on one sheet an error; on two sheets (the "all stops" sheet and a team
  sheet of the same workbook) fine when the numbers agree;
- a site's people recorded over the week above what it could hold when the week began (the
  village's backlog, the school's unrecorded students, one resident): a typo like 5000 for 50
  would otherwise wipe out a village's backlog;
- a team-day's cards printed above the blank cards it carried;
- (a warning) a stop with more than twice the people expected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from planner.errors import Problem
from planner.i18n import Msg, Num, msg
from planner.io.tally_rows import Entry, PlanIndex, StopId, cell_of, problem_at
from planner.model import SiteKind

_OVER = {
    SiteKind.VILLAGE: "record.err.over_village",
    SiteKind.SCHOOL: "record.err.over_school",
    SiteKind.HOMEBOUND: "record.err.over_homebound",
}


def one_per_stop(entries: Sequence[Entry], index: PlanIndex) -> tuple[list[Entry], list[Problem]]:
    """Each stop's counted entry once; a stop filled twice on one sheet, or with other numbers
    on two sheets, is a problem."""
    first: dict[StopId, Entry] = {}
    problems: list[Problem] = []
    for entry in entries:
        earlier = first.get(entry.stop)
        if earlier is None:
            first[entry.stop] = entry
        elif earlier.file == entry.file:
            problems.append(
                _at(
                    entry,
                    "code" if "code" in entry.columns else "site",
                    msg("record.err.duplicate", row=earlier.row),
                    msg("record.hint.duplicate"),
                )
            )
        elif (
            earlier.counted
            and entry.counted
            and (earlier.recorded, earlier.printed)
            != (
                entry.recorded,
                entry.printed,
            )
        ):
            problems.append(
                _at(
                    entry,
                    "recorded",
                    msg(
                        "record.err.conflict",
                        code=index.code(entry.stop),
                        sheet=sheet_of(earlier.file),
                        row=earlier.row,
                    ),
                    msg("record.hint.conflict"),
                )
            )
    return [e for e in first.values() if e.counted], problems


def over_limits(
    entries: Sequence[Entry], index: PlanIndex, limits: Mapping[str, int]
) -> list[Problem]:
    """Sites where more people were recorded this week than they could hold, and team-days
    that printed more cards than they carried; each named at its last row."""
    by_site: dict[str, list[Entry]] = defaultdict(list)
    by_route: dict[int, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_site[index.stop(entry.stop).site].append(entry)
        by_route[entry.stop[0]].append(entry)
    problems: list[Problem] = []
    for site, rows in by_site.items():
        limit = limits.get(site)
        recorded = sum(e.recorded for e in rows)
        if limit is None or recorded <= limit:
            continue
        kind = index.stop(rows[-1].stop).kind
        key = _OVER[kind] if limit > 0 else "record.err.over_gone"
        message = msg(key, recorded=Num(recorded), site=_named(rows[-1], site), limit=Num(limit))
        problems.append(_at(rows[-1], "recorded", message, msg("record.hint.typo")))
    for r, rows in sorted(by_route.items()):
        route = index.plan.routes[r]
        printed = sum(e.printed for e in rows)
        if printed <= route.blanks:
            continue
        message = msg(
            "record.err.over_carried",
            printed=Num(printed),
            team=route.team,
            date=route.date,
            carried=Num(route.blanks),
        )
        column = rows[-1].columns["printed"][1]
        problems.append(
            _at(rows[-1], "printed", message, msg("record.hint.over_carried", printed=column))
        )
    return problems


def busy_warnings(
    entries: Sequence[Entry], index: PlanIndex, limits: Mapping[str, int] | None = None
) -> list[Problem]:
    """Stops with more than twice the people expected: accepted (a busy day happens), with a
    warning naming the cell; none for a stop above its site's limit (that is an error)."""
    warnings = []
    for entry in entries:
        stop = index.stop(entry.stop)
        people = stop.people
        if limits is not None and entry.recorded > limits.get(stop.site, entry.recorded):
            continue
        if entry.recorded > 2 * people:
            message = msg("record.warn.busy", recorded=Num(entry.recorded), people=Num(people))
            warnings.append(
                problem_at(entry.file, entry.row, entry.columns, "recorded", message, warning=True)
            )
    return warnings


def _at(entry: Entry, column: str, message: Msg, hint: Msg) -> Problem:
    return problem_at(entry.file, entry.row, entry.columns, column, message, hint)


def _named(entry: Entry, site: str) -> str:
    """The site for a message: the row's place name beside its id when the row has one (the
    place of a home visit is its category and village, never the resident)."""
    place = cell_of(entry.cells, entry.columns, "place")
    return f"{place} ({site})" if place and len(place) <= 60 else site


def sheet_of(file: str) -> str:
    """The sheet's name in a problem's file label ``path [sheet]``."""
    return file.rsplit(" [", 1)[-1].rstrip("]") if file.endswith("]") else file
