"""Drain the outbox: deliver due replies at a bounded rate, retrying what may succeed.

Delivery happens before the commit that marks a reply sent, never the other
way round, which could lose a reply. A crash in between leaves the reply
claimed by a holder that is gone: it is then *in doubt*, and before it goes
again the transport looks for it where the relay files what it took; only
when it is not there is it sent again, with the same bytes and Message-ID
(docs/architecture.md §4).
"""

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import store
from notify.transport import DeliveryFailed, DeliveryHeldBack, Transport

log = logging.getLogger("mailroom.reply")

RECHECK = timedelta(seconds=5)
# Replies claimed in one go, whatever the send rate would allow: a batch is held
# in memory and under one lease, so a generous rate over a large backlog must
# neither load every reply at once nor claim more than the lease can cover.
CLAIM_AT_ONCE = 100


@dataclass(frozen=True)
class DeliveryPolicy:
    """How fast to send and how long to keep trying (Microsoft 365 takes ~30/minute)."""

    per_minute: int = 30
    max_attempts: int = 8
    first_retry: timedelta = timedelta(minutes=1)
    longest_retry: timedelta = timedelta(hours=1)
    lease: timedelta = timedelta(minutes=10)

    def retry_at(self, now: datetime, attempts: int) -> datetime:
        """Exponential backoff with up to 20 % jitter, so senders do not move in step."""
        wait = min(self.first_retry * (1 << max(attempts - 1, 0)), self.longest_retry)
        jitter: float = random.uniform(0, 0.2)  # noqa: S311 - spreading retries, not crypto
        return now + wait * (1 + jitter)


class SendRate:
    """At most `per_minute` deliveries in any sliding minute for `account`, over
    every process that sends for it: the relay's limit is per account, so the
    count is kept in the database (`store.take_slots`). `holder` and
    `is_alive` tell whose unsettled slots no longer count."""

    def __init__(
        self,
        db: store.Database,
        account: str,
        per_minute: int,
        holder: str,
        is_alive: Callable[[str], bool],
        lease: timedelta,
    ) -> None:
        self.db = db
        self.account = account
        self.per_minute = per_minute
        self.holder = holder
        self.is_alive = is_alive
        self.lease = lease

    def wait(self, now: datetime) -> timedelta:
        """How long until the next delivery may start (a recheck soon when only
        slots still in use by a sender stand in the way); the slots of a sender
        that is gone are dropped first, so they never hold the others up."""
        with self.db.transaction() as session:
            store.forget_stale_slots(session, self.account, now, self._stale(now))
            counted = store.slots_in_use(session, self.account, now)
        if counted.total < self.per_minute:
            return timedelta(0)
        if not counted.settled_at:
            return RECHECK
        return max(counted.settled_at[0] + store.SEND_WINDOW - now, timedelta(0))

    def take(self, now: datetime, wanted: int) -> list[int]:
        """Up to `wanted` slots, each to be settled (used or not) by `settle`."""
        with self.db.transaction() as session:
            return store.take_slots(
                session, self.account, wanted, self.per_minute, self.holder, now, self._stale(now)
            )

    def settle(self, used: list[int], unused: list[int], now: datetime) -> None:
        with self.db.transaction() as session:
            store.settle_slots(session, used, unused, now)

    def _stale(self, now: datetime) -> Callable[[str, datetime], bool]:
        """Whose unsettled slots stop counting: a holder that is gone, or one
        that has held them longer than a lease."""

        def stale(holder: str, taken_at: datetime) -> bool:
            if taken_at < now - self.lease:
                return True
            return holder != self.holder and not self.is_alive(holder)

        return stale


@dataclass
class DeliveryReport:
    """What a drain did; `deferred` is what was still due when it stopped,
    `confirmed` the replies in doubt found already sent."""

    delivered: int = 0
    retrying: int = 0
    failed: int = 0
    deferred: int = 0
    held_back: int = 0
    confirmed: int = 0

    @property
    def attempted(self) -> int:
        return self.delivered + self.retrying + self.failed + self.held_back + self.confirmed


@dataclass(frozen=True)
class Drain:
    """How far one drain goes: everything due now (the default), at most
    `limit` deliveries, or `until_empty`: also waiting for retries that fall
    due later, until nothing is planned any more."""

    limit: int | None = None
    until_empty: bool = False
    # Asked before each delivery: a stopping daemon sends nothing more.
    stop: Callable[[], bool] = lambda: False

    def allows_more(self, report: DeliveryReport) -> bool:
        return not self.stop() and (self.limit is None or report.attempted < self.limit)

    def room(self, free: int, report: DeliveryReport) -> int:
        """How many of the `free` places in the rate window this drain may use."""
        return free if self.limit is None else min(free, self.limit - report.attempted)


Progress = Callable[[DeliveryReport, int], None]


@dataclass(frozen=True)
class Outbox:
    """The outbox as one sender sees it: where replies go, at what pace, how
    it waits, the name its claims are recorded under (`holder`) and how to
    tell whether another holder still lives (`is_alive`)."""

    db: store.Database
    transport: Transport
    clock: Callable[[], datetime]
    sleep: Callable[[float], None]
    policy: DeliveryPolicy
    rate: SendRate
    holder: str
    is_alive: Callable[[str], bool]

    def drain(self, scope: Drain = Drain(), progress: Progress | None = None) -> DeliveryReport:
        """Deliver what is due, waiting between rate windows, within `scope`.

        `progress` hears the running counts after each reply, with how many
        were due at the start. A clock that does not move while we wait (a
        fixed demo clock) ends the drain, leaving the rest for the next one.
        """
        report = DeliveryReport()
        self._release_orphans()
        with self.db.transaction() as session:
            total = store.count_due(session, self.clock())
        try:
            while scope.allows_more(report):
                now = self.clock()
                wait: timedelta | None = self.rate.wait(now)
                if wait and not self._claimable(now):
                    # Nothing this sender could send once the rate allows: what is
                    # due is held by another sender (look again soon), or nothing is.
                    wait = self._until_next_due(now) if scope.until_empty else None
                elif not wait:
                    # The rate's own count caps it when the slots are taken.
                    room = scope.room(self.rate.per_minute, report)
                    told = lambda: _tell(progress, report, total)  # noqa: E731
                    if self._deliver_batch(room, report, told, scope.stop):
                        continue
                    wait = self._until_next_due(now) if scope.until_empty else None
                if wait is None or not self._waited(wait, now):
                    break
        finally:
            self._finish(report)
        return report

    def deliver_window(self) -> DeliveryReport:
        """Deliver what the send rate allows right now, and no more."""
        report = DeliveryReport()
        self._release_orphans()
        try:
            self._deliver_batch(self.rate.per_minute, report, lambda: None, lambda: False)
        finally:
            self._finish(report)
        return report

    def _waited(self, wait: timedelta, since: datetime) -> bool:
        """Wait; False when the clock did not move meanwhile (nothing to wait for)."""
        self.sleep(wait.total_seconds())
        return self.clock() > since

    def _finish(self, report: DeliveryReport) -> None:
        self.transport.close()
        with self.db.transaction() as session:
            report.deferred = store.count_due(session, self.clock())

    def _until_next_due(self, now: datetime) -> timedelta | None:
        """How long until a planned reply falls due; None when none is planned.
        Replies due but held by another sender are looked at again soon: by
        then their holder has finished them, or is known to be gone."""
        self._release_orphans()
        with self.db.transaction() as session:
            next_due = store.next_due_at(session)
        return None if next_due is None else max(next_due - now, RECHECK)

    def _claimable(self, now: datetime) -> bool:
        with self.db.transaction() as session:
            return store.any_claimable(session, now)

    def _release_orphans(self) -> None:
        with self.db.transaction() as session:
            released = store.release_orphaned_claims(session, self.is_alive)
        if released:
            log.warning("released %d claim(s) of a sender that stopped; in doubt now", released)

    def _deliver_batch(
        self,
        room: int,
        report: DeliveryReport,
        delivered_one: Callable[[], None],
        stop: Callable[[], bool],
    ) -> bool:
        """Take up to `room` slots of the send rate, claim as many due replies and
        deliver them; False when none was due. Claims not reached (an error, or
        `stop`) are released for the next drain, slots not used given back."""
        if room <= 0:
            return True
        slots = self.rate.take(self.clock(), min(room, CLAIM_AT_ONCE))
        if not slots:  # another sender took the room meanwhile
            return True
        with self.db.transaction() as session:
            due = store.claim_due(session, self.clock(), len(slots), self.policy.lease, self.holder)
        # Slots beyond the replies claimed go back at once, for other senders.
        self.rate.settle([], slots[len(due) :], self.clock())
        del slots[len(due) :]
        handed_on: list[tuple[store.DueReply, str]] = []
        used: list[int] = []
        try:
            for position, reply in enumerate(due):
                try:
                    if stop():
                        self._release(due[position:])
                        return False
                    answer = self._deliver(reply, report, lambda: used.append(slots.pop()))
                except BaseException:
                    self._release(due[position + 1 :])
                    raise
                if answer is not None:
                    handed_on.append((reply, answer))
                if len(handed_on) >= self.transport.settle_every:
                    self._record_sent(handed_on)
                    handed_on = []
                delivered_one()
        finally:
            self._record_sent(handed_on)
            self.rate.settle(used, slots, self.clock())
        return bool(due)

    def _release(self, replies: list[store.DueReply]) -> None:
        with self.db.transaction() as session:
            store.release_claims(session, [r.id for r in replies])

    def _deliver(
        self, reply: store.DueReply, report: DeliveryReport, use_slot: Callable[[], None]
    ) -> str | None:
        """Hand the reply on (using a slot of the send rate); the peer's answer,
        to be recorded with the batch, or None when it needs no recording as
        sent (done with already)."""
        try:
            if reply.in_doubt and self.transport.was_delivered(reply.rfc_message_id):
                with self.db.transaction() as session:
                    store.mark_confirmed(session, reply.id, "the Sent folder", self.clock())
                log.warning(
                    "reply %s was in doubt: found sent, not sent again", reply.rfc_message_id
                )
                report.confirmed += 1
                return None
            use_slot()
            answer = self.transport.deliver(reply.recipient, reply.rfc_message_id, reply.content)
        except DeliveryHeldBack as held:
            with self.db.transaction() as session:
                store.mark_suppressed(session, reply.id, held.reason, self.clock())
            log.warning("reply %s held back (%s)", reply.rfc_message_id, held.reason)
            report.held_back += 1
            return None
        except DeliveryFailed as failure:
            _failed(self.db, self.clock(), self.policy, reply, failure, report)
            return None
        report.delivered += 1
        return answer

    def _record_sent(self, handed_on: list[tuple[store.DueReply, str]]) -> None:
        """Once the transport holds them durably, record the replies handed on
        as sent, together (delivery before the record, never the other way)."""
        if not handed_on:
            return
        self.transport.settle()
        with self.db.transaction() as session:
            store.mark_sent(
                session, [(reply.id, answer) for reply, answer in handed_on], self.clock()
            )
        for reply, _ in handed_on:
            log.info("reply %s delivered", reply.rfc_message_id)


def _failed(
    db: store.Database,
    at: datetime,
    policy: DeliveryPolicy,
    reply: store.DueReply,
    failure: DeliveryFailed,
    report: DeliveryReport,
) -> None:
    """Retry a temporary failure later; give up loudly on a permanent one or the last try."""
    attempts = reply.attempts + 1
    with db.transaction() as session:
        if failure.temporary and attempts < policy.max_attempts:
            retry_at = policy.retry_at(at, attempts)
            store.mark_retry(session, reply.id, failure.answer, at, retry_at, failure.in_doubt)
            report.retrying += 1
            log.warning(
                "reply %s deferred (attempt %d, %s)", reply.rfc_message_id, attempts, _code(failure)
            )
            return
        store.mark_failed(session, reply.id, failure.answer, at)
    report.failed += 1
    log.error("reply %s NOT delivered (%s)", reply.rfc_message_id, _code(failure))


def _code(failure: DeliveryFailed) -> str:
    """The answer's first word (an SMTP code, an error name): servers quote the
    recipient's address in the rest, which must not reach the log."""
    return failure.answer.split(maxsplit=1)[0] if failure.answer else "no answer"


def _tell(progress: Progress | None, report: DeliveryReport, total: int) -> None:
    if progress is not None:
        progress(report, total)
