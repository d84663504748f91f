"""PDF workers that overrun, hang or die cost one document its text, and are replaced.

Each such document gets `unreadable` with the cause as a flag (`pdf_worker_died`,
`pdf_timeout`); the other workers and the next document are unaffected (docs/architecture.md §4).
"""

import contextlib
import dataclasses
import os
import resource
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from parse import PdfEngine, PdfLimits, PdfSandbox, PdfText

from .. import pdfbuilder as build
from ..pdfbuilder import ENGINES, GOOD, LIMITS, WORKERS, assert_still_serves, read_in_time

DAEMON_LIMITS = {r: resource.getrlimit(r) for r in (resource.RLIMIT_AS, resource.RLIMIT_CPU)}
# Minutes of pypdf's time, and some 15 s of PDFium's, in 20 kB: only a limit
# or a kill ends it.
CPU_HEAVY = build.cpu_heavy(pages=LIMITS.max_pages)


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> PdfEngine:
    engine: PdfEngine = request.param
    return engine


@pytest.fixture(scope="module")
def sandbox(engine: PdfEngine) -> Iterator[PdfSandbox]:
    with build.running(WORKERS, dataclasses.replace(LIMITS, engine=engine)) as pool:
        yield pool


@pytest.fixture(scope="module")
def frugal(engine: PdfEngine) -> Iterator[PdfSandbox]:
    """One worker with little CPU but time to spare: only the CPU limit can stop it,

    however busy the machine running the tests is.
    """
    limits = PdfLimits(cpu_seconds=2, memory_bytes=512 * build.MIB, wall_seconds=60, engine=engine)
    with build.running(1, limits) as pool:
        yield pool


@pytest.fixture(scope="module")
def patient(engine: PdfEngine) -> Iterator[PdfSandbox]:
    """One worker with CPU to spare, so that only the wall-clock backstop can stop it."""
    limits = PdfLimits(
        cpu_seconds=60, memory_bytes=512 * build.MIB, wall_seconds=1.0, engine=engine
    )
    with build.running(1, limits) as pool:
        yield pool


def gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


def wait_until_gone(pid: int) -> None:
    deadline = time.monotonic() + 5
    while not gone(pid):
        assert time.monotonic() < deadline, f"worker {pid} still there"
        time.sleep(0.01)


def busy_worker(sandbox: PdfSandbox) -> int:
    """The pid of the one worker spending CPU, found by watching their CPU time grow."""
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        before = {pid: build.cpu_ticks(pid) for pid in sandbox.worker_pids()}
        time.sleep(0.1)
        busy = [pid for pid, ticks in before.items() if build.cpu_ticks(pid) > ticks]
        if len(busy) == 1:
            return busy[0]
    raise AssertionError("no single busy worker")


def assert_replaced(sandbox: PdfSandbox, old: set[int], workers: int = WORKERS) -> None:
    """Exactly one worker was replaced, and the old one no longer exists at all."""
    [retired] = old - set(sandbox.worker_pids())
    assert gone(retired)
    assert_still_serves(sandbox, workers)


def test_a_document_past_cpu_seconds_costs_its_worker(frugal: PdfSandbox) -> None:
    old = set(frugal.worker_pids())
    started = time.monotonic()

    result = frugal.read(CPU_HEAVY)

    assert frugal.limits.cpu_seconds - 0.5 < time.monotonic() - started < 30
    assert (result.problem, result.text, result.flags) == ("unreadable", "", ("pdf_worker_died",))
    assert_replaced(frugal, old, workers=1)


def test_a_worker_killed_mid_document(sandbox: PdfSandbox) -> None:
    old = set(sandbox.worker_pids())
    results: list[PdfText] = []
    reader = threading.Thread(target=lambda: results.append(sandbox.read(CPU_HEAVY)))
    started = time.monotonic()
    reader.start()

    victim = busy_worker(sandbox)
    os.kill(victim, signal.SIGKILL)
    reader.join(timeout=LIMITS.wall_seconds)

    assert time.monotonic() - started < LIMITS.cpu_seconds  # our kill, not the CPU limit
    [result] = results
    assert (result.problem, result.text, result.flags) == ("unreadable", "", ("pdf_worker_died",))
    assert old - set(sandbox.worker_pids()) == {victim}
    assert_replaced(sandbox, old)


def test_a_worker_that_died_idle_costs_no_document(sandbox: PdfSandbox) -> None:
    old = sandbox.worker_pids()
    for pid in old:
        os.kill(pid, signal.SIGKILL)
    for pid in old:
        wait_until_gone(pid)
    time.sleep(0.1)  # for the forkserver to report the exit, as it does right after reaping

    for _ in old:
        assert_still_serves(sandbox)

    assert not set(old) & set(sandbox.worker_pids())


def test_a_worker_that_just_died_idle_costs_no_document(sandbox: PdfSandbox) -> None:
    outcomes: list[PdfText] = []
    for _ in range(5):
        for pid in sandbox.worker_pids():
            os.kill(pid, signal.SIGKILL)
        outcomes += [sandbox.read(GOOD) for _ in range(WORKERS)]

    assert_still_serves(sandbox)
    assert [(o.problem, o.flags) for o in outcomes] == [(None, ())] * len(outcomes)


def test_a_document_past_wall_seconds_is_stopped(patient: PdfSandbox) -> None:
    old = set(patient.worker_pids())
    started = time.monotonic()

    result = patient.read(CPU_HEAVY)

    assert patient.limits.wall_seconds <= time.monotonic() - started < LIMITS.cpu_seconds
    assert (result.problem, result.text, result.flags) == ("unreadable", "", ("pdf_timeout",))
    assert_replaced(patient, old, workers=1)


def test_a_worker_that_hangs_without_using_cpu_is_stopped(patient: PdfSandbox) -> None:
    """A stopped process spends no CPU time, so only the wall-clock backstop ends it."""
    [pid] = patient.worker_pids()
    os.kill(pid, signal.SIGSTOP)

    result = read_in_time(patient, GOOD)

    assert (result.problem, result.flags) == ("unreadable", ("pdf_timeout",))
    assert_replaced(patient, {pid}, workers=1)


def test_a_hung_worker_cannot_stall_a_large_document(patient: PdfSandbox) -> None:
    [pid] = patient.worker_pids()
    os.kill(pid, signal.SIGSTOP)
    results: list[PdfText] = []
    large = build.padded(4 * build.MIB)  # more than a socket pair buffers
    reader = threading.Thread(target=lambda: results.append(patient.read(large)), daemon=True)

    reader.start()
    reader.join(patient.limits.wall_seconds + 2)
    stalled = reader.is_alive()
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)  # what unblocks the stalled send
    reader.join(5)

    assert_still_serves(patient, workers=1)
    assert not stalled
    assert [(r.problem, r.flags) for r in results] == [("unreadable", ("pdf_timeout",))]


def test_the_limits_bind_the_workers_not_the_daemon(
    sandbox: PdfSandbox, frugal: PdfSandbox, patient: PdfSandbox
) -> None:
    """Runs last in this module: after all of the above, the daemon's own limits are intact."""
    for pool in (sandbox, frugal, patient):
        for pid in pool.worker_pids():
            assert build.address_space_limit(pid) == pool.limits.memory_bytes
    assert {r: resource.getrlimit(r) for r in DAEMON_LIMITS} == DAEMON_LIMITS
