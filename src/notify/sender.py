"""Drain the outbox: deliver due replies at a bounded rate, retrying what may succeed.

Delivery happens before the commit that marks a reply sent: a crash in
between resends the same bytes with the same Message-ID, which mail clients
show once. Never the other way round, which could lose a reply.
"""

import logging
import random
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import store
from notify.transport import DeliveryFailed, DeliveryHeldBack, Transport

log = logging.getLogger("mailroom.reply")

WINDOW = timedelta(minutes=1)


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
    """At most `per_minute` deliveries in any sliding minute of this process."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._sent: deque[datetime] = deque()

    def allows(self, now: datetime) -> bool:
        while self._sent and now - self._sent[0] >= WINDOW:
            self._sent.popleft()
        return len(self._sent) < self.per_minute

    def record(self, now: datetime) -> None:
        self._sent.append(now)


@dataclass
class DeliveryReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0
    deferred: int = 0
    held_back: int = 0

    def add(self, other: "DeliveryReport") -> None:
        """Fold in a later drain's counts (its deferred count replaces ours)."""
        self.delivered += other.delivered
        self.retrying += other.retrying
        self.failed += other.failed
        self.held_back += other.held_back
        self.deferred = other.deferred


def deliver_due(
    db: store.Database,
    transport: Transport,
    now: Callable[[], datetime],
    policy: DeliveryPolicy,
    rate: SendRate,
) -> DeliveryReport:
    """Deliver what is due now, within the send rate; the rest waits for a later drain."""
    report = DeliveryReport()
    with db.transaction() as session:
        due = store.claim_due(session, now(), policy.per_minute, policy.lease)
    try:
        for position, reply in enumerate(due):
            if not rate.allows(now()):
                report.deferred = len(due) - position
                with db.transaction() as session:
                    store.release_claims(session, [r.id for r in due[position:]])
                break
            _deliver(db, transport, now, policy, rate, reply, report)
    finally:
        transport.close()
    return report


def _deliver(
    db: store.Database,
    transport: Transport,
    now: Callable[[], datetime],
    policy: DeliveryPolicy,
    rate: SendRate,
    reply: store.DueReply,
    report: DeliveryReport,
) -> None:
    rate.record(now())
    try:
        answer = transport.deliver(reply.recipient, reply.rfc_message_id, reply.content)
    except DeliveryHeldBack as held:
        with db.transaction() as session:
            store.mark_suppressed(session, reply.id, held.reason, now())
        log.warning("reply %s held back (%s)", reply.rfc_message_id, held.reason)
        report.held_back += 1
        return
    except DeliveryFailed as failure:
        _failed(db, now(), policy, reply, failure, report)
        return
    with db.transaction() as session:
        store.mark_sent(session, reply.id, answer, now())
    log.info("reply %s delivered", reply.rfc_message_id)
    report.delivered += 1


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
            store.mark_retry(session, reply.id, failure.answer, at, policy.retry_at(at, attempts))
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
