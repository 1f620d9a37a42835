"""Many districts at once: ``planner plan --week W --data DIR1 --data DIR2 …``.

Each district is planned by the ordinary week workflow (``plan_district``) with the same
request, in its own process, so one district's bad input or crash cannot stop the others; its
outputs go to ``OUT/<district folder name>/<week>/`` and its ledger stays in its own folder.
Districts run in parallel on the local cores (``concurrent.futures``, one process per core at
most), or with ``--cluster tcp://host:8786`` on an existing Dask cluster (``pip install
'planner[cluster]'``; ``--cluster local`` starts a throw-away local one).

Every message a district gives comes back prefixed with its name, then one result line each;
the exit status is 2 when any district had bad input, else the first other failure's status,
else 0.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path

from planner.errors import InputError
from planner.i18n import msg
from planner.privacy import forget_all
from planner.workflow.failures import describe, warning_lines
from planner.workflow.language import command_language
from planner.workflow.requests import PlanRequest

LOCAL_CLUSTER = "local"
"""``--cluster local``: a Dask cluster of local worker processes (for trying it out)."""


@dataclass(frozen=True, slots=True)
class DistrictJob:
    """One district to plan: its name, folder and request (absolute paths, so that any
    worker can use them)."""

    name: str
    folder: Path
    request: PlanRequest


@dataclass(frozen=True, slots=True)
class DistrictOutcome:
    """How planning one district went: exit status, its messages, headline numbers."""

    name: str
    code: int
    messages: tuple[str, ...]
    seconds: float
    where: Path | None = None
    people: int | None = None
    weighted_people: float | None = None
    unserved: int | None = None


def district_names(folders: Sequence[Path]) -> list[str]:
    """The output folder name of each district: its folder's name (which must differ)."""
    names = [folder.resolve().name or "district" for folder in folders]
    seen: dict[str, Path] = {}
    for name, folder in zip(names, folders, strict=True):
        if name in seen:
            raise InputError(msg("err.same_name", a=str(seen[name]), b=str(folder), name=name))
        seen[name] = folder
    return names


def _absolute(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None


def district_jobs(
    folders: Sequence[Path], request: PlanRequest, per_district_out: bool
) -> list[DistrictJob]:
    """A job per district folder, each writing to ``OUT[/NAME]/<week>/``."""
    jobs = []
    for name, folder in zip(district_names(folders), folders, strict=True):
        out = request.out_dir / name if per_district_out else request.out_dir
        job_request = replace(request, out_dir=out.resolve(), roads=_absolute(request.roads))
        jobs.append(DistrictJob(name, folder.resolve(), job_request))
    return jobs


def run_job(job: DistrictJob) -> DistrictOutcome:
    """Plan one district in this process (a worker) with the week workflow."""
    from planner.workflow import open_district, plan_district

    forget_all()  # residents remembered for scrubbing are this district's own
    started = time.perf_counter()
    messages: list[str] = []
    chosen = ["--lang", job.request.lang] if job.request.lang else []
    lang = command_language(["--data", str(job.folder), *chosen], os.environ)
    try:
        opened = open_district(job.folder)
        messages += warning_lines(opened.warnings, lang)
        result = plan_district(opened, job.request)
    except (Exception, KeyboardInterrupt) as exc:  # every failure: this district's outcome
        failure = describe(exc, lang)
        messages += failure.lines
        return DistrictOutcome(
            job.name, failure.code, tuple(messages), time.perf_counter() - started
        )
    return DistrictOutcome(
        job.name,
        0,
        tuple(messages),
        time.perf_counter() - started,
        result.out_week,
        result.people,
        result.weighted_people,
        result.unserved,
    )


def _failed(job: DistrictJob, exc: BaseException) -> DistrictOutcome:
    """The outcome of a district whose worker died or could not be reached."""
    return DistrictOutcome(
        job.name, 1, (f"Error: its worker failed ({type(exc).__name__}: {exc})",), 0.0
    )


def run_local(jobs: Sequence[DistrictJob], workers: int | None = None) -> Iterator[DistrictOutcome]:
    """Plan ``jobs`` in parallel local processes (at most one per core); outcomes in order."""
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    # spawn: a fresh interpreter per worker, no state forked from this process.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures: list[Future[DistrictOutcome]] = [pool.submit(run_job, job) for job in jobs]
        for job, future in zip(jobs, futures, strict=True):
            try:
                yield future.result()
            except Exception as exc:  # a worker killed (memory) or broken pool
                yield _failed(job, exc)


def run_dask(jobs: Sequence[DistrictJob], address: str) -> Iterator[DistrictOutcome]:
    """Plan ``jobs`` on the Dask cluster whose scheduler is at ``address`` (or a local one for
    ``local``); the workers need planner installed and the same paths (a shared disk)."""
    try:
        # Imported by name: Dask is an optional extra (and untyped).
        distributed = importlib.import_module("dask.distributed")
    except ImportError as exc:
        raise InputError(msg("err.no_dask")) from exc
    with contextlib.ExitStack() as stack:
        if address == LOCAL_CLUSTER:
            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=min(len(jobs), os.cpu_count() or 1),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            )
            client = stack.enter_context(distributed.Client(cluster))
        else:
            try:
                client = stack.enter_context(distributed.Client(address, timeout=30))
            except OSError as exc:
                raise InputError(msg("err.no_scheduler", address=address, reason=str(exc))) from exc
        run = uuid.uuid4().hex[:8]
        futures = [
            client.submit(run_job, job, key=f"planner-{run}-{i}", pure=False)
            for i, job in enumerate(jobs)
        ]
        for job, future in zip(jobs, futures, strict=True):
            try:
                yield future.result()
            except Exception as exc:
                yield _failed(job, exc)


Echo = Callable[[str, bool], None]
"""``echo(line, to_stderr)``: how a front end shows a line."""


def report(outcome: DistrictOutcome, echo: Echo) -> None:
    """Show a district's messages (on stderr, prefixed with its name) and its result line."""
    for line in outcome.messages:
        for part in line.splitlines():
            if part.strip():
                echo(f"{outcome.name}: {part}", True)
    if outcome.code == 0:
        numbers = ""
        if outcome.people is not None:
            numbers = (
                f": {outcome.people:,} people (weighted {outcome.weighted_people:,.1f}), "
                f"unserved sites: {outcome.unserved:,}"
            )
        echo(
            f"{outcome.name}: planned{numbers} → {outcome.where}/ ({outcome.seconds:.0f} s)", False
        )
    elif outcome.code == 2:
        echo(f"{outcome.name}: bad input, nothing written for it (exit 2)", False)
    else:
        echo(f"{outcome.name}: failed, nothing written for it (exit {outcome.code})", False)


def exit_code(codes: Sequence[int]) -> int:
    """2 when any district had bad input, else the first other failure's status, else 0."""
    if 2 in codes:
        return 2
    return next((code for code in codes if code != 0), 0)


def plan_many(
    folders: Sequence[Path], request: PlanRequest, cluster: str | None, echo: Echo
) -> int:
    """Plan ``request`` for every district folder, locally or on ``cluster``; show each
    district's lines as its turn comes (in the order given) and a last line of totals; return
    the exit status."""
    jobs = district_jobs(folders, request, per_district_out=len(folders) > 1)
    outcomes = run_dask(jobs, cluster) if cluster else run_local(jobs)
    codes = []
    for outcome in outcomes:
        report(outcome, echo)
        codes.append(outcome.code)
    planned = codes.count(0)
    bad = codes.count(2)
    other = len(codes) - planned - bad
    echo(f"{len(codes)} districts: {planned} planned, {bad} with bad input, {other} failed", False)
    return exit_code(codes)
