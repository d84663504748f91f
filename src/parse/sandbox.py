"""Read PDFs, and judge mail that holds them, in worker processes under hard
limits, so no PDF can hurt the daemon and its own process is left to store
and reply.

Each worker is a separate process (started by `forkserver`, never `fork`
from the threaded daemon) that caps its own address space (RLIMIT_AS) and,
per request, its CPU time (RLIMIT_CPU). The supervisor adds a wall-clock
backstop: a worker that dies, overruns or hangs is killed and replaced. A
document read on its own then gets the reason `unreadable` with a flag
saying why; a message judged whole is judged again with each document read
on its own, so the blame lands on the document. The other workers, and the
next request, are unaffected.
"""

import dataclasses
import logging
import math
import multiprocessing
import pickle
import queue
import resource
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TypeVar

from parse import wire
from parse.analyse import PdfReader, analyse
from parse.analysis import Analysis, Flag, PdfText, Reason
from parse.context import ParseContext
from parse.engines import PdfEngine, ReadPdf, engine_module, engine_reader

log = logging.getLogger("mailroom.parse")

_Answer = TypeVar("_Answer")


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
# A request's first byte: a PDF to read, or a whole message to judge.
_PDF = b"P"
_MESSAGE = b"M"
# A judged message's answer: its analysis, or word that judging it raised.
_ANALYSED = b"A"
_RAISED = b"R"


def _serve(connection: Connection, limits: PdfLimits) -> None:
    """Worker loop: one request in, an acknowledgement and one answer out.

    Answers travel as JSON (parse.wire), not pickle, so even a worker a PDF
    managed to subvert cannot make the daemon run code. No core dumps: they
    would hold an applicant's document. Stop signals are the parent's to act
    on: a Ctrl-C reaches the whole process group, and a worker that died of
    it would fail the document the parent is finishing before it stops.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    read_pdf = _within_limits(engine_reader(limits.engine), limits)
    while True:
        try:
            request = connection.recv_bytes()
        except EOFError:
            return
        connection.send_bytes(_RECEIVED)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        spent = usage.ru_utime + usage.ru_stime
        hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(spent + limits.cpu_seconds), hard))
        connection.send_bytes(_answer(request, read_pdf))


def _answer(request: bytes, read_pdf: PdfReader) -> bytes:
    if request[:1] == _PDF:
        return wire.encode_pdf_text(read_pdf(request[1:]))
    try:
        raw, context = pickle.loads(request[1:])  # noqa: S301 (the parent wrote it)
        return _ANALYSED + wire.encode_analysis(analyse(raw, context, read_pdf))
    except Exception:  # the parent judges it again itself, and keeps the error
        return _RAISED


def _within_limits(read_pdf: ReadPdf, limits: PdfLimits) -> PdfReader:
    def read(data: bytes) -> PdfText:
        if len(data) > limits.max_bytes:
            return PdfText(problem=Reason.TOO_LARGE)
        return read_pdf(data, limits.max_pages)

    return read


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
    """A small pool of PDF workers; `read` and `analyse` are safe to call from
    several threads, each request going to whichever worker is free.

    The forkserver and the workers start at the first PDF, so a command or
    a cycle that reads no PDF (status, show, an idle poll) starts no process.
    """

    def __init__(self, workers: int = 2, limits: PdfLimits | None = None) -> None:
        self.limits = limits or PdfLimits()
        self._workers = workers
        self._context = multiprocessing.get_context("forkserver")
        # Set before anything starts the forkserver: this process has one, and
        # whatever else it forks (the reply composer) may start it first.
        self._context.set_forkserver_preload(["parse.analyse", engine_module(self.limits.engine)])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._started = False
        self._restarts = 0

    def read(self, data: bytes) -> PdfText:
        """The PDF's text, or a reason; never raises for anything the PDF does."""
        if len(data) > self.limits.max_bytes:
            return PdfText(problem=Reason.TOO_LARGE)
        answer = self._ask(_PDF + data, wire.decode_pdf_text)
        if isinstance(answer, Flag):
            return PdfText(problem=Reason.UNREADABLE, flags=(answer,))
        return answer

    def analyse(self, raw: bytes, context: ParseContext) -> Analysis:
        """The message judged in a worker (MIME, rules and its PDFs' text), so
        this process only stores and replies; `parse.analyse` says the rest.

        Mail that holds no PDF is judged here, starting no worker. When the
        worker dies, overruns or answers nonsense, or judging raised there,
        the message is judged here instead, with each PDF read by a worker
        on its own: that is how a document that kills its reader is singled
        out (as `unreadable`, with the flag), and how the error of a message
        that cannot be judged is raised where it is kept.
        """
        if not _may_hold_a_pdf(raw):
            return analyse(raw, context, self.read)
        # In UTC: the time zone objects some libraries attach do not survive pickling.
        in_utc = dataclasses.replace(context, arrived_at=context.arrived_at.astimezone(UTC))
        request = _MESSAGE + pickle.dumps((raw, in_utc))
        answer = self._ask(request, partial(_analysis, raw, context))
        if isinstance(answer, Analysis):
            return answer
        if answer is not None:
            log.warning("message judged outside the workers after %s", answer.value)
        return analyse(raw, context, self.read)

    def _ask(self, request: bytes, decode: Callable[[bytes], _Answer]) -> _Answer | Flag:
        """A free worker's decoded answer to `request`, or the flag that says
        why there is none (the worker is then replaced).

        One deadline covers handing the request over and answering it. A
        worker that dies before acknowledging the request had died already,
        so the request is given to a fresh worker instead of being blamed.
        An answer `decode` refuses (ValueError) means the worker is not
        trusted again.
        """
        deadline = time.monotonic() + self.limits.wall_seconds
        self._start_pool()
        worker = self._idle.get()
        outcome = self._hand_over(worker, request, deadline)
        if outcome == "dead":
            self._retire(worker, "worker found dead before the request")
            worker = self._start()
            outcome = self._hand_over(worker, request, deadline)
        if outcome != "received":
            return self._replace(
                worker, Flag.PDF_TIMEOUT if outcome == "late" else Flag.PDF_WORKER_DIED
            )
        try:
            if not worker.connection.poll(max(0.0, deadline - time.monotonic())):
                return self._replace(worker, Flag.PDF_TIMEOUT)
            answer = decode(worker.connection.recv_bytes())
        except (EOFError, OSError, ValueError):
            return self._replace(worker, Flag.PDF_WORKER_DIED)
        self._idle.put(worker)
        return answer

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
        for _ in range(self._workers):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.limits)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker, cause: Flag) -> Flag:
        self._retire(worker, cause)
        self._idle.put(self._start())
        return cause

    def _retire(self, worker: _Worker, cause: str) -> None:
        log.warning("pdf worker %s replaced: %s", worker.process.pid, cause)
        worker.stop()
        with self._lock:
            self._all.discard(worker)
            self._restarts += 1


def _analysis(raw: bytes, context: ParseContext, frame: bytes) -> Analysis | None:
    """The worker's analysis of `raw`, or None when judging it raised there."""
    if frame == _RAISED:
        return None
    if frame[:1] != _ANALYSED:
        raise ValueError("not an analysis")
    return wire.decode_analysis(frame[1:], raw, context.authserv_id)


def _may_hold_a_pdf(raw: bytes) -> bool:
    """Whether a part of the message may be a PDF: its signature as written
    (binary or 8bit), in base64 (a part's encoded text starts "JVBER") or in
    quoted-printable. A miss costs only speed: the message is then judged in
    this process, and any PDF in it still read by a worker."""
    return b"%PDF" in raw or b"JVBER" in raw or b"=25PDF" in raw
