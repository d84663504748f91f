"""Read PDFs in worker processes under hard limits, so no PDF can hurt the daemon.

Each worker is a separate process (started by `forkserver`, never `fork`
from the threaded daemon) that caps its own address space (RLIMIT_AS) and,
per document, its CPU time (RLIMIT_CPU). The supervisor adds a wall-clock
backstop: a worker that dies, overruns or hangs is killed and replaced, and
that one document gets the reason `unreadable` with a flag saying why. The
other workers, and the next document, are unaffected.
"""

import dataclasses
import json
import logging
import math
import multiprocessing
import queue
import resource
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from parse.analysis import Flag, PdfText, Reason
from parse.engines import PdfEngine, engine_module, engine_reader

log = logging.getLogger("mailroom.parse")


@dataclass(frozen=True)
class PdfLimits:
    """Per-document limits; the defaults suit CVs and letters with room to spare."""

    cpu_seconds: int = 20
    memory_bytes: int = 1024 * 1024 * 1024
    wall_seconds: float = 60.0
    max_pages: int = 200
    max_bytes: int = 30 * 1024 * 1024
    engine: PdfEngine = "pypdf"


_RECEIVED = b"\x06"


def _serve(connection: Connection, limits: PdfLimits) -> None:
    """Worker loop: one document in, an acknowledgement and one result out.

    The result travels as JSON, not pickle, so even a worker a PDF managed to
    subvert cannot make the daemon run code. No core dumps: they would hold
    an applicant's document. Stop signals are the parent's to act on: a
    Ctrl-C reaches the whole process group, and a worker that died of it
    would fail the document the parent is finishing before it stops.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    read_pdf = engine_reader(limits.engine)
    while True:
        try:
            data = connection.recv_bytes()
        except EOFError:
            return
        connection.send_bytes(_RECEIVED)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        spent = usage.ru_utime + usage.ru_stime
        hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(spent + limits.cpu_seconds), hard))
        result = read_pdf(data, limits.max_pages)
        connection.send_bytes(json.dumps(dataclasses.asdict(result)).encode())


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext, limits: PdfLimits) -> None:
        self.connection, child = context.Pipe()
        self.process: BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, limits), daemon=True
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.connection.close()
        self.process.kill()
        self.process.join(timeout=5)


class PdfSandbox:
    """A small pool of PDF workers; `read` is safe to call from several threads.

    The forkserver and the workers start at the first `read`, so a command or
    a cycle that reads no PDF (status, show, an idle poll) starts no process.
    """

    def __init__(self, workers: int = 2, limits: PdfLimits | None = None) -> None:
        self.limits = limits or PdfLimits()
        self._workers = workers
        self._context = multiprocessing.get_context("forkserver")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._started = False
        self._restarts = 0

    def read(self, data: bytes) -> PdfText:
        """The PDF's text, or a reason; never raises for anything the PDF does.

        One deadline covers handing the document over and reading it. A worker
        that dies before acknowledging the document had died already, so the
        document is given to a fresh worker instead of being blamed.
        """
        if len(data) > self.limits.max_bytes:
            return PdfText(problem=Reason.TOO_LARGE)
        deadline = time.monotonic() + self.limits.wall_seconds
        self._start_pool()
        worker = self._idle.get()
        outcome = self._hand_over(worker, data, deadline)
        if outcome == "dead":
            self._retire(worker, "worker found dead before the document")
            worker = self._start()
            outcome = self._hand_over(worker, data, deadline)
        if outcome != "received":
            died = Flag.PDF_TIMEOUT if outcome == "late" else Flag.PDF_WORKER_DIED
            return self._replace(worker, died)
        try:
            if not worker.connection.poll(max(0.0, deadline - time.monotonic())):
                return self._replace(worker, Flag.PDF_TIMEOUT)
            result = _result(json.loads(worker.connection.recv_bytes()))
        except (EOFError, OSError, ValueError, TypeError, KeyError, AttributeError):
            return self._replace(worker, Flag.PDF_WORKER_DIED)
        self._idle.put(worker)
        return result

    @staticmethod
    def _hand_over(worker: "_Worker", data: bytes, deadline: float) -> str:
        """Send the document within the deadline: "received", "dead" or "late".

        The send runs in a helper thread, as a worker that stopped reading
        would otherwise block a large send for ever; killing it ends the send.
        """
        failure: list[BaseException] = []

        def send() -> None:
            try:
                worker.connection.send_bytes(data)
            except (OSError, ValueError, TypeError) as exc:  # TypeError: closed under us
                failure.append(exc)

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        sender.join(max(0.0, deadline - time.monotonic()))
        if sender.is_alive():
            return "late"
        if failure:
            return "dead"
        try:
            if not worker.connection.poll(max(0.0, deadline - time.monotonic())):
                return "late"
            return "received" if worker.connection.recv_bytes() == _RECEIVED else "dead"
        except (EOFError, OSError):
            return "dead"

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (for health checks and fault tests)."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]

    @property
    def restarts(self) -> int:
        """Workers replaced since start (dead, overrunning or hung ones): a
        number that keeps rising means PDFs are attacking or the limits are tight."""
        with self._lock:
            return self._restarts

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, set()
        for worker in workers:
            worker.stop()

    def __enter__(self) -> "PdfSandbox":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _start_pool(self) -> None:
        """Start the workers once; a thread that comes while they start waits
        for the first idle one like any other reader."""
        with self._lock:
            if self._started:
                return
            self._started = True
            self._context.set_forkserver_preload([engine_module(self.limits.engine)])
        for _ in range(self._workers):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.limits)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker, cause: Flag) -> PdfText:
        self._retire(worker, cause)
        self._idle.put(self._start())
        return PdfText(problem=Reason.UNREADABLE, flags=(cause,))

    def _retire(self, worker: _Worker, cause: str) -> None:
        log.warning("pdf worker %s replaced: %s", worker.process.pid, cause)
        worker.stop()
        with self._lock:
            self._all.discard(worker)
            self._restarts += 1


def _result(fields: dict[str, Any]) -> PdfText:
    """The worker's JSON as a PdfText; a field a sound worker never writes
    raises, and the worker is not trusted again."""
    problem, flags = fields.pop("problem"), fields.pop("flags")
    return PdfText(
        **fields,
        problem=None if problem is None else Reason(problem),
        flags=tuple(Flag(flag) for flag in flags),
    )
