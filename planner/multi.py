"""Many districts at once: ``planner plan --week W --data DIR1 --data DIR2 …``.

Each district is planned by the ordinary ``planner plan`` command with the same options, in
its own process, so one district's bad input or crash cannot stop the others; its outputs go
to ``OUT/<district folder name>/<week>/`` and its ledger stays in its own folder. Districts
run in parallel on the local cores (``concurrent.futures``, one process per core at most), or
with ``--cluster tcp://host:8786`` on an existing Dask cluster (``pip install
'planner[cluster]'``; ``--cluster local`` starts a throw-away local one).

Every message a district prints comes back prefixed with its name, then one result line
each; the exit status is 2 when any district had bad input, else the first other failure's
status, else 0.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import click

from planner.errors import InputError

LOCAL_CLUSTER = "local"
"""``--cluster local``: a Dask cluster of local worker processes (for trying it out)."""


@dataclass(frozen=True, slots=True)
class DistrictJob:
    """One district to plan: its name and the ``planner`` arguments that plan it."""

    name: str
    args: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DistrictOutcome:
    """How planning one district went: exit status, what it printed, headline numbers."""

    name: str
    code: int
    stdout: str
    stderr: str
    seconds: float
    where: str | None = None
    people: int | None = None
    weighted_people: float | None = None
    unserved: int | None = None


def district_names(folders: Sequence[Path]) -> list[str]:
    """The output folder name of each district: its folder's name (which must differ)."""
    names = [folder.resolve().name or "district" for folder in folders]
    seen: dict[str, Path] = {}
    for name, folder in zip(names, folders, strict=True):
        if name in seen:
            raise InputError(
                f"--data: {seen[name]} and {folder} are both named {name!r}: their outputs "
                f"would share OUT/{name}/ — give each district folder its own name"
            )
        seen[name] = folder
    return names


def forward_args(
    command: click.Command, params: Mapping[str, Any], skip: frozenset[str]
) -> list[str]:
    """The command-line tokens that give ``command`` the option values ``params`` (but those
    named in ``skip``); paths are made absolute so that any worker can use them."""
    tokens: list[str] = []
    for param in command.params:
        if not isinstance(param, click.Option) or param.name in skip or param.name is None:
            continue
        value = params.get(param.name)
        if param.is_flag and param.secondary_opts:
            tokens.append(param.opts[0] if value else param.secondary_opts[0])
        elif param.is_flag:
            tokens += [param.opts[0]] if value else []
        elif value is None:
            continue
        else:
            for item in value if param.multiple else (value,):
                text = str(item.resolve()) if isinstance(item, Path) else str(item)
                tokens += [param.opts[0], text]
    return tokens


def district_jobs(
    command: str,
    folders: Sequence[Path],
    out_dir: Path,
    options: Sequence[str],
    per_district_out: bool,
) -> list[DistrictJob]:
    """A job per district folder: ``planner COMMAND OPTIONS --data DIR --out OUT[/NAME]``."""
    jobs = []
    for name, folder in zip(district_names(folders), folders, strict=True):
        out = out_dir / name if per_district_out else out_dir
        args = (command, *options, "--data", str(folder.resolve()), "--out", str(out.resolve()))
        jobs.append(DistrictJob(name, args))
    return jobs


def run_job(job: DistrictJob) -> DistrictOutcome:
    """Plan one district in this process (a worker): run the command, keep what it printed."""
    from planner.cli import cli
    from planner.cli._common import run_guarded

    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_guarded(cli, list(job.args))
    seconds = time.perf_counter() - started
    where = None
    headline: dict[str, Any] = {}
    last = out.getvalue().rstrip().splitlines()[-1:] if code == 0 else []
    if last and last[0].startswith("→ "):
        where = last[0].removeprefix("→ ").strip()
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            plan = json.loads((Path(where) / "plan.json").read_text(encoding="utf-8"))
            headline = {
                "people": int(plan["totals"]["people"]),
                "weighted_people": float(plan["totals"]["weighted_people"]),
                "unserved": len(plan["unserved"]),
            }
    return DistrictOutcome(
        job.name, code, out.getvalue(), err.getvalue(), seconds, where, **headline
    )


def _failed(job: DistrictJob, exc: BaseException) -> DistrictOutcome:
    """The outcome of a district whose worker died or could not be reached."""
    return DistrictOutcome(
        job.name, 1, "", f"Error: its worker failed ({type(exc).__name__}: {exc})\n", 0.0
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
        raise InputError(
            "--cluster needs Dask: pip install 'planner[cluster]' (dask[distributed])"
        ) from exc
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
                raise InputError(
                    f"--cluster: cannot reach the Dask scheduler at {address} ({exc})"
                ) from exc
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
"""``echo(line, to_stderr)``."""


def _click_echo(line: str, err: bool) -> None:
    click.echo(line, err=err)


def report(outcome: DistrictOutcome, echo: Echo) -> None:
    """Print a district's messages (on stderr, prefixed with its name) and its result line."""
    for line in outcome.stderr.splitlines():
        if line.strip():
            echo(f"{outcome.name}: {line}", True)
    if outcome.code == 0:
        numbers = ""
        if outcome.people is not None:
            numbers = (
                f": {outcome.people:,} people (weighted {outcome.weighted_people:,.1f}), "
                f"unserved sites: {outcome.unserved:,}"
            )
        echo(f"{outcome.name}: planned{numbers} → {outcome.where} ({outcome.seconds:.0f} s)", False)
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
    jobs: Sequence[DistrictJob],
    cluster: str | None = None,
    echo: Echo = _click_echo,
) -> int:
    """Plan every job, locally or on ``cluster``; print each district's lines as its turn
    comes (in the order given) and a last line of totals; return the exit status."""
    outcomes = run_dask(jobs, cluster) if cluster else run_local(jobs)
    codes = []
    for outcome in outcomes:
        report(outcome, echo)
        codes.append(outcome.code)
    planned = codes.count(0)
    bad = codes.count(2)
    other = len(codes) - planned - bad
    summary = f"{len(codes)} districts: {planned} planned, {bad} with bad input, {other} failed"
    echo(summary, False)
    return exit_code(codes)
