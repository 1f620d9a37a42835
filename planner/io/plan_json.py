"""``plan.json`` (schema ``planner.plan/1``): the one serialisation of a ``Plan``, both ways.

Writing is canonical (fixed key order, fixed float rounding, ``\\n`` line ends) so that the same
plan always gives the same bytes (SPEC rule 7). Reading validates every field and reports the
JSON path of the first bad one as an ``InputError``, because plan files come back from users
(``check``, ``render``, ``replan``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from planner.errors import InputError, Problem
from planner.i18n import msg
from planner.io.plan_origin import added_team_days, origin_json
from planner.model import (
    BoatLine,
    Plan,
    RoadJoins,
    Route,
    SiteKind,
    SolverInfo,
    Stop,
    Totals,
    Unserved,
    fmt_hhmm,
    parse_hhmm,
)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain JSON data, in the SPEC's key order."""
    solver: dict[str, Any] = {
        "engine": plan.solver.engine,
        "time_limit_s": plan.solver.time_limit_s,
        "seed": plan.solver.seed,
    }
    if plan.solver.solution_limit is not None:
        solver["solution_limit"] = plan.solver.solution_limit
    if plan.solver.stopped_by:
        solver["stopped_by"] = plan.solver.stopped_by
    if plan.solver.objective is not None:
        solver["objective"] = plan.solver.objective
    if plan.solver.fallback is not None:
        solver["fallback"] = plan.solver.fallback
    data: dict[str, Any] = {
        "schema": Plan.SCHEMA,
        "district": plan.district,
        "week": plan.week,
        "inputs_sha256": plan.inputs_sha256,
        "solver": solver,
        "language": plan.language,
        "travel": _travel_json(plan),
        "version": plan.version,
    }
    if plan.based_on:
        data["based_on"] = plan.based_on
    data.update(origin_json(plan))
    data["routes"] = [
        {
            "team": r.team,
            "date": r.date.isoformat(),
            "printer": r.printer,
            "blanks": r.blanks,
            "depart": fmt_hhmm(r.depart),
            "return": fmt_hhmm(r.return_),
            "travel_minutes": r.travel_minutes,
            "distance_km": round(r.distance_km, 1),
            **_leg_json("estimated_km", round(r.estimated_km, 1), r.estimated_km > 0),
            "stops": [_stop_json(s) for s in r.stops],
            **_leg_json("return_estimated", True, r.return_estimated),
            **_leg_json("return_boat", _boat_json(r.return_boat), bool(r.return_boat)),
        }
        for r in plan.routes
    ]
    data["unserved"] = [
        {"site": u.site, "backlog": u.backlog, "reason": u.reason, "reason_code": u.reason_code}
        for u in plan.unserved
    ]
    data["totals"] = {
        "people": plan.totals.people,
        "cards": plan.totals.cards,
        "distance_km": round(plan.totals.distance_km, 1),
        "weighted_people": round(plan.totals.weighted_people, 2),
    }
    return data


def _leg_json(key: str, value: Any, present: bool) -> dict[str, Any]:
    """``{key: value}`` when ``present``: optional fields stay out of plans without them."""
    return {key: value} if present else {}


def _boat_json(lines: tuple[BoatLine, ...]) -> list[dict[str, str]]:
    return [
        {"crossing": b.crossing, "board": fmt_hhmm(b.board), "land": fmt_hhmm(b.land)}
        for b in lines
    ]


def _stop_json(s: Stop) -> dict[str, Any]:
    return {
        "site": s.site,
        "kind": str(s.kind),
        "arrive": fmt_hhmm(s.arrive),
        "start": fmt_hhmm(s.start),
        "end": fmt_hhmm(s.end),
        "people": s.people,
        "cards": s.cards,
        **_leg_json("estimated", True, s.estimated),
        **_leg_json("boat", _boat_json(s.boat), bool(s.boat)),
    }


def _travel_json(plan: Plan) -> dict[str, Any]:
    """``$.travel``: the source, and how the places met the roads (road plans only)."""
    data: dict[str, Any] = {"source": plan.travel_source}
    if plan.road_joins:
        data["places"] = [
            {
                "profile": j.profile,
                "places": j.places,
                "direct": j.direct,
                "by_leg": j.by_leg,
                "estimated": j.estimated,
                **_leg_json("longest", {"place": j.longest, "km": j.longest_km}, bool(j.longest)),
            }
            for j in plan.road_joins
        ]
    return data


def plan_to_json(plan: Plan) -> str:
    """Canonical JSON text of the plan (byte-identical for equal plans)."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=1) + "\n"


class _Reader:
    """Typed access to a JSON object that reports the path of the first bad field."""

    def __init__(self, file: str):
        self.file = file

    def fail(self, path: str, what: str) -> InputError:
        return InputError(
            [
                Problem(
                    file=self.file,
                    column=path,
                    message=msg("err.plan.field", what=what),
                    hint=msg("err.plan.schema_hint"),
                )
            ]
        )

    def get(self, obj: Any, key: str, path: str, kind: type | tuple[type, ...]) -> Any:
        if not isinstance(obj, dict):
            raise self.fail(path, "expected an object")
        if key not in obj:
            raise self.fail(f"{path}.{key}", "missing")
        value = obj[key]
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            raise self.fail(f"{path}.{key}", f"expected a number, found {value!r}")
        if not isinstance(value, kind):
            raise self.fail(f"{path}.{key}", f"expected {_kind_name(kind)}, found {value!r:.40}")
        return value

    def time(self, obj: Any, key: str, path: str) -> int:
        text = self.get(obj, key, path, str)
        try:
            return parse_hhmm(text)
        except ValueError:
            raise self.fail(f"{path}.{key}", f"not a time HH:MM: {text!r:.40}") from None

    def count(self, obj: Any, key: str, path: str) -> int:
        value = self.get(obj, key, path, int)
        if value < 0:
            raise self.fail(f"{path}.{key}", f"negative: {value}")
        return int(value)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "an object",
        bool: "true/false",
    }
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def plan_from_dict(data: Any, file: str = "plan.json") -> Plan:
    """Build a ``Plan`` from JSON data; ``InputError`` naming the bad field otherwise."""
    rd = _Reader(file)
    if not isinstance(data, dict):
        raise rd.fail("$", "expected a JSON object")
    schema = rd.get(data, "schema", "$", str)
    if schema != Plan.SCHEMA:
        raise rd.fail("$.schema", f"unknown schema {schema!r:.40}, expected {Plan.SCHEMA}")
    solver = rd.get(data, "solver", "$", dict)
    routes = [
        _route(rd, r, f"$.routes[{i}]") for i, r in enumerate(rd.get(data, "routes", "$", list))
    ]
    unserved = [
        _unserved(rd, u, f"$.unserved[{i}]")
        for i, u in enumerate(rd.get(data, "unserved", "$", list))
    ]
    totals = rd.get(data, "totals", "$", dict)
    travel = data.get("travel", {})
    try:
        return Plan(
            district=rd.get(data, "district", "$", str),
            week=rd.get(data, "week", "$", str),
            inputs_sha256=rd.get(data, "inputs_sha256", "$", str),
            solver=SolverInfo(
                engine=rd.get(solver, "engine", "$.solver", str),
                time_limit_s=float(rd.get(solver, "time_limit_s", "$.solver", (int, float))),
                seed=rd.get(solver, "seed", "$.solver", int),
                solution_limit=solver.get("solution_limit"),
                stopped_by=str(solver.get("stopped_by", "")),
                objective=solver.get("objective"),
                fallback=solver.get("fallback"),
            ),
            routes=tuple(routes),
            unserved=tuple(unserved),
            totals=Totals(
                people=rd.count(totals, "people", "$.totals"),
                cards=rd.count(totals, "cards", "$.totals"),
                distance_km=float(rd.get(totals, "distance_km", "$.totals", (int, float))),
                weighted_people=float(rd.get(totals, "weighted_people", "$.totals", (int, float))),
            ),
            language=str(data.get("language", "id")),
            travel_source=str(travel.get("source", "estimate"))
            if isinstance(travel, dict)
            else "estimate",
            road_joins=_road_joins(travel),
            version=int(data.get("version", 1)) if isinstance(data.get("version", 1), int) else 1,
            based_on=data.get("based_on") if isinstance(data.get("based_on"), str) else None,
            added_team_days=added_team_days(data.get("added_team_days", []), rd.fail),
            data_dir=rd.get(data, "data_dir", "$", str) if "data_dir" in data else None,
        )
    except ValueError as exc:
        raise rd.fail("$", str(exc)) from None


def _route(rd: _Reader, r: Any, rp: str) -> Route:
    """One route of ``$.routes`` (at JSON path ``rp``), its stops in order."""
    date_text = rd.get(r, "date", rp, str)
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        raise rd.fail(f"{rp}.date", f"not a date YYYY-MM-DD: {date_text!r:.40}") from None
    stops = [_stop(rd, s, f"{rp}.stops[{j}]") for j, s in enumerate(rd.get(r, "stops", rp, list))]
    try:
        return Route(
            team=rd.get(r, "team", rp, str),
            date=date,
            printer=rd.get(r, "printer", rp, bool),
            blanks=rd.count(r, "blanks", rp),
            depart=rd.time(r, "depart", rp),
            return_=rd.time(r, "return", rp),
            travel_minutes=rd.count(r, "travel_minutes", rp),
            distance_km=float(rd.get(r, "distance_km", rp, (int, float))),
            stops=tuple(stops),
            estimated_km=(
                float(rd.get(r, "estimated_km", rp, (int, float))) if "estimated_km" in r else 0.0
            ),
            return_estimated=r.get("return_estimated") is True,
            return_boat=_boats(rd, r.get("return_boat", []), f"{rp}.return_boat"),
        )
    except ValueError as exc:
        raise rd.fail(rp, str(exc)) from None


def _stop(rd: _Reader, s: Any, sp: str) -> Stop:
    """One stop of a route (at JSON path ``sp``)."""
    kind_text = rd.get(s, "kind", sp, str)
    if kind_text not in {k.value for k in SiteKind}:
        raise rd.fail(f"{sp}.kind", f"unknown kind {kind_text!r:.40}")
    try:
        return Stop(
            site=rd.get(s, "site", sp, str),
            kind=SiteKind(kind_text),
            arrive=rd.time(s, "arrive", sp),
            start=rd.time(s, "start", sp),
            end=rd.time(s, "end", sp),
            people=rd.count(s, "people", sp),
            cards=rd.count(s, "cards", sp),
            estimated=s.get("estimated") is True,
            boat=_boats(rd, s.get("boat", []), f"{sp}.boat"),
        )
    except ValueError as exc:
        raise rd.fail(sp, str(exc)) from None


def _boats(rd: _Reader, value: Any, bp: str) -> tuple[BoatLine, ...]:
    """The boat lines of a leg (at JSON path ``bp``)."""
    if not isinstance(value, list):
        raise rd.fail(bp, "expected a list of crossings")
    return tuple(
        BoatLine(
            crossing=rd.get(b, "crossing", f"{bp}[{i}]", str),
            board=rd.time(b, "board", f"{bp}[{i}]"),
            land=rd.time(b, "land", f"{bp}[{i}]"),
        )
        for i, b in enumerate(value)
    )


def _road_joins(travel: Any) -> tuple[RoadJoins, ...]:
    """``$.travel.places`` back as ``RoadJoins`` (informative only: skipped when malformed)."""
    places = travel.get("places") if isinstance(travel, dict) else None
    joins: list[RoadJoins] = []
    for p in places if isinstance(places, list) else []:
        try:
            longest = p.get("longest") or {}
            joins.append(
                RoadJoins(
                    str(p["profile"]),
                    int(p["places"]),
                    int(p["direct"]),
                    int(p["by_leg"]),
                    int(p["estimated"]),
                    longest.get("place"),
                    longest.get("km"),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return tuple(joins)


def _unserved(rd: _Reader, u: Any, up: str) -> Unserved:
    """One entry of ``$.unserved`` (at JSON path ``up``)."""
    return Unserved(
        site=rd.get(u, "site", up, str),
        backlog=rd.count(u, "backlog", up),
        reason=rd.get(u, "reason", up, str),
        reason_code=str(u.get("reason_code", "")) if isinstance(u, dict) else "",
    )


def read_plan(path: Path) -> Plan:
    """Read and validate a plan file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            [Problem(str(path), msg("err.no_file"), hint=msg("err.plan.path_hint"))]
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = msg("err.cannot_read", reason=exc.__class__.__name__)
        raise InputError([Problem(str(path), reason)]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            [
                Problem(
                    file=str(path),
                    row=exc.lineno,
                    column=f"char {exc.colno}",
                    message=msg("err.plan.json", reason=exc.msg),
                    hint=msg("err.plan.written_hint"),
                )
            ]
        ) from None
    return plan_from_dict(data, file=str(path))
