"""A poller's side of sharing the analysis of its backlog with the other
instances on the database (docs/architecture.md §8; the helpers' side is
mailroom.helping).

Before it judges a stored message, the poller claims it. If another instance
claimed it first, the poller takes that instance's analysis once it is there,
waits while its holder lives and its lease runs, and otherwise takes the
claim over and judges the message itself. An analysis is used only when it
was made under the same configuration (vacancies, own domains, PDF limits):
during a rolling upgrade two instances may judge differently, and the
poller's judgement is the one that counts.
"""

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import store
from mailroom.app import App
from parse import Analysis, decode_analysis

log = logging.getLogger("mailroom.preparing")

# How long the poller waits between looks at a claim another instance holds.
FIRST_LOOK_SECONDS = 0.05
LAST_LOOK_SECONDS = 0.5


@dataclass(frozen=True)
class Sharing:
    """How this instance shares analyses with the others: under which
    configuration (`key`), with claims that last how long."""

    key: str
    lease: timedelta

    def key_for(self, over_cap: bool) -> str:
        """The key of an analysis of a message kept whole, or of only the
        headers of one over the size cap: the poller knows which from the
        fetch, a helper sees it in the stored bytes, and where the two
        disagree the keys do."""
        return (
            hashlib.sha256(f"{self.key}:headers only".encode()).hexdigest()
            if over_cap
            else self.key
        )


def sharing_for(app: App) -> Sharing | None:
    """How `app` shares analyses; None where no other instance can take part:
    on SQLite (one instance) or in a dry run (which stores none)."""
    if app.db.is_sqlite or app.dry_run:
        return None
    # Long enough for a message whose worker fails and whose two documents
    # are then each read on their own; a holder that dies is seen at once.
    lease = timedelta(seconds=3 * app.pdf.limits.wall_seconds)
    return Sharing(_context_key(app), lease)


def instances_now(app: App) -> int:
    """How many instances share the database now (this one included)."""
    with app.db.transaction() as session:
        return store.instance_count(session)


def _context_key(app: App) -> str:
    """A digest of everything besides the message that judging it depends on."""
    firm = app.settings.firm
    facts = {
        "vacancies": [dataclasses.asdict(window) for window in app.windows],
        "own_domains": sorted(d.lower() for d in firm.own_domains),
        "authserv_id": firm.authserv_id,
        "pdf": dataclasses.asdict(app.pdf.limits),
    }
    canonical = json.dumps(facts, sort_keys=True, default=_plain)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _plain(value: object) -> object:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a vacancy window")


def shared_analysis(
    app: App,
    sharing: Sharing,
    message_pk: int,
    raw: bytes,
    over_cap: bool,
    judge_here: Callable[[], Analysis],
) -> Analysis:
    """Message `message_pk`'s analysis: the one another instance prepared, or
    `judge_here()` once the message is this instance's to judge. `over_cap`:
    `raw` holds only the headers of a message over the size cap."""
    token, wait = app.claimant.token, FIRST_LOOK_SECONDS
    while True:
        now = datetime.now(UTC)  # leases measure real time, whatever the clock says
        with app.db.transaction() as session:
            other = store.take_preparation(session, message_pk, token, now + sharing.lease)
        if other is None:
            return judge_here()
        if other.frame is not None and other.context_key != sharing.key_for(over_cap):
            log.info("message %s prepared under another configuration; judged here", message_pk)
            return judge_here()
        if other.frame is not None:
            return _decoded(app, message_pk, raw, other.frame) or judge_here()
        if other.until <= now or not app.claimant.is_alive(other.holder):
            with app.db.transaction() as session:
                taken = store.take_over(
                    session, message_pk, token, other.holder, now + sharing.lease
                )
            if taken:
                return judge_here()
            continue
        if app.stopping.wait(wait):
            return judge_here()
        wait = min(2 * wait, LAST_LOOK_SECONDS)


def _decoded(app: App, message_pk: int, raw: bytes, frame: bytes) -> Analysis | None:
    """The prepared analysis, checked by `parse.wire` as a worker's answer is;
    None when it is not one of this message, which is then judged here."""
    try:
        return decode_analysis(frame, raw, app.settings.firm.authserv_id)
    except ValueError:
        log.warning("message %s: prepared analysis not usable; judged here", message_pk)
        return None
