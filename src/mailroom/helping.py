"""Lending this instance's PDF workers to the pollers of other mailboxes
(docs/architecture.md §8; the poller's side is mailroom.preparing).

A daemon on PostgreSQL looks, every second it has nothing in hand, for
messages of the sources it does not poll itself that wait to be judged
(stored, or failed with a retry due) and that nobody judges yet. It claims
a few (the newest: the poller works from the oldest), judges them in its own
workers as the poller would, and leaves each analysis in the store. It
decides nothing, plans no reply and files nothing: the poller concludes
every message, in arrival order, with what it finds prepared.
"""

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import store
from mailroom.app import App
from mailroom.pipeline import analyse_bytes
from mailroom.preparing import Sharing, sharing_for
from mailroom.rejudging import only_headers
from parse import encode_analysis

log = logging.getLogger("mailroom.helping")

# How often an instance with nothing to prepare looks again, and how often
# it drops what was prepared for messages concluded since.
LOOK_SECONDS = 1.0
TIDY_SECONDS = 300.0


class Helper:
    """The thread that prepares analyses for other instances' backlogs."""

    def __init__(self, app: App, sharing: Sharing) -> None:
        self.app = app
        self.sharing = sharing
        self.width = app.settings.limits.pdf_workers
        self._tidied_at = -TIDY_SECONDS
        self._thread = threading.Thread(target=self._run, name="help", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        with ThreadPoolExecutor(self.width, thread_name_prefix="help") as judges:
            while not self.app.stopping.is_set():
                try:
                    prepared = self.help_once(judges)
                except Exception as exc:  # the database may be away; look again later
                    log.error("preparing for others failed (%s)", type(exc).__name__)
                    log.debug("traceback", exc_info=True)
                    prepared = 0
                if not prepared and self.app.stopping.wait(LOOK_SECONDS):
                    return

    def help_once(self, judges: ThreadPoolExecutor) -> int:
        """Claim and prepare up to two messages per worker; how many were claimed."""
        app = self.app
        held = set(app.poll_locks.held())
        others = [source.name for source in app.sources if source.name not in held]
        with app.db.transaction() as session:
            claimed = store.claim_backlog(
                session,
                app.claimant.token,
                others,
                2 * self.width,
                datetime.now(UTC) + self.sharing.lease,
                app.clock(),
            )
        if not claimed:
            self._tidy()
            return 0
        for _ in judges.map(self._prepare, claimed):
            pass
        log.info("prepared for another instance", extra={"fields": {"messages": len(claimed)}})
        return len(claimed)

    def _prepare(self, claimed: store.Claimed) -> None:
        """Judge one claimed message and leave its analysis; one that cannot be
        judged is handed back at once, for its poller to judge and record."""
        app, token = self.app, self.app.claimant.token
        over_cap = only_headers(claimed.raw)
        original_size = app.settings.limits.max_message_bytes + 1 if over_cap else None
        try:
            frame = encode_analysis(
                analyse_bytes(app, claimed.raw, claimed.arrived_at, original_size)
            )
        except Exception as exc:
            log.warning("message %s not prepared (%s)", claimed.message_pk, type(exc).__name__)
            with app.db.transaction() as session:
                store.release_preparation(session, claimed.message_pk, token, datetime.now(UTC))
            return
        with app.db.transaction() as session:
            store.save_preparation(
                session, claimed.message_pk, token, frame, self.sharing.key_for(over_cap)
            )

    def _tidy(self) -> None:
        """Now and then, drop what was prepared for messages settled since."""
        if time.monotonic() - self._tidied_at < TIDY_SECONDS:
            return
        self._tidied_at = time.monotonic()
        with self.app.db.transaction() as session:
            dropped = store.drop_settled_preparations(session)
        if dropped:
            log.info("prepared analyses no longer needed dropped", extra={"fields": {"n": dropped}})


def start_helping(app: App) -> None:
    """Lend the workers wherever instances share analyses (`sharing_for`)."""
    if (sharing := sharing_for(app)) is not None:
        Helper(app, sharing).start()
