"""Write replies ahead, in a process of their own.

Rendering a reply's templates and composing its message took about a fifth
of the daemon's own CPU per application, in the one process that must also
store and decide every message in order. A `Composer` writes them in a
separate process instead, while the daemon's process goes on; the conductor
asks for a reply as soon as a message is judged and takes the result when it
decides, if the reply it decides on is the one asked for (docs/architecture.md
§6). Anything else (a reply the decision changed, a composer that failed or
is late) is written in the daemon's process, exactly as it would have been.

The composer reads only what the daemon hands it (the reply's facts, never
mail or documents), so it runs ordinary trusted code, unlike the PDF workers.
"""

import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import UTC
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from notify.reply import Mailbox, Reply
from notify.rfc5322 import compose
from notify.templates import TemplateRenderer

log = logging.getLogger("mailroom.notify")

_Done = TypeVar("_Done")

# How long a decision waits for a reply asked for ahead: writing one takes
# milliseconds, so a composer this late is stuck, and is not asked again.
WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class Letterhead:
    """What every reply is written with: the firm, and each vacancy's template folders."""

    firm_name: str
    sender: Mailbox
    zone: ZoneInfo
    template_folders: dict[str, tuple[Path, ...]]

    def renderers(self) -> dict[str, TemplateRenderer]:
        return {
            slug: TemplateRenderer(list(folders), self.zone)
            for slug, folders in self.template_folders.items()
        }

    def write(self, renderer: TemplateRenderer, reply: Reply, message_id: str) -> bytes:
        """The reply's templates rendered (by its vacancy's `renderer`) and
        composed into a message from the firm."""
        rendered = renderer.render(reply, self.firm_name)
        return compose(reply, rendered, self.sender, message_id, reply.written_at)


class Composer:
    """One process that writes replies asked for ahead (`write`), from any
    thread, started at the first (or by `start`); a process that broke is
    not asked again."""

    def __init__(self, letterhead: Letterhead) -> None:
        self.letterhead = letterhead
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._lock = threading.Lock()

    def write(self, reply: Reply, message_id: str) -> Future[bytes] | None:
        """The reply being written, or None when the composer cannot take it."""
        # Its arrival in UTC: the time zone objects some libraries attach (an
        # IMAP client's fixed offsets) do not survive pickling; templates show
        # every time in the firm's zone anyway.
        sendable = replace(reply, arrived_at=reply.arrived_at.astimezone(UTC))
        return self._submit(_write, sendable, message_id)

    def start(self) -> None:
        """Start the process now rather than at the first reply asked for.

        Starting it (a process, the templates' machinery, every vacancy's
        templates) takes a good part of a second; begun as the first messages
        are read, it is done by the time their replies are asked for, instead
        of holding up the first decision. Once started, it does nothing.
        """
        if self._pool is None:
            self._submit(_ready)

    def written(self, writing: Future[bytes]) -> bytes | None:
        """What the composer wrote, or None: it failed (the daemon's own attempt
        then says why), stopped, or is late."""
        try:
            return writing.result(timeout=WAIT_SECONDS)
        except TimeoutError:
            self._give_up("late")
        except BrokenProcessPool:
            self._give_up("stopped")
        except Exception:  # noqa: S110 - the reply is written here instead, and fails here
            pass
        return None

    def process_ids(self) -> list[int]:
        """The composer's process, once started (for fault tests)."""
        return [] if self._pool is None else list(self._pool._processes or {})

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def _submit(self, work: Callable[..., _Done], *args: object) -> Future[_Done] | None:
        """`work(*args)` asked of the process, or None when it cannot take it."""
        if self._broken:
            return None
        try:
            return self._started().submit(work, *args)
        except (BrokenProcessPool, RuntimeError):  # RuntimeError: shut down under us
            self._give_up("stopped")
            return None

    def _give_up(self, why: str) -> None:
        if not self._broken:
            log.warning("reply composer %s; replies are written in this process", why)
        self._broken = True
        self.close()

    def _started(self) -> ProcessPoolExecutor:
        """The pool, made by the first of the reading threads that asks."""
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("forkserver"),
                    initializer=_begin,
                    initargs=(self.letterhead,),
                )
            return self._pool


# The composer process's own renderers, made once when it starts.
_letterhead: Letterhead | None = None
_renderers: dict[str, TemplateRenderer] = {}


def _begin(letterhead: Letterhead) -> None:
    global _letterhead, _renderers  # the process's one state, set as it starts
    _letterhead, _renderers = letterhead, letterhead.renderers()


def _ready() -> None:
    """Nothing: asked for only to start the process (`Composer.start`)."""


def _write(reply: Reply, message_id: str) -> bytes:
    assert _letterhead is not None, "the composer process was not begun"
    return _letterhead.write(_renderers[reply.vacancy.slug], reply, message_id)
