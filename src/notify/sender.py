"""Drain the outbox: deliver each planned reply, then record it as sent."""

import logging
from collections.abc import Callable
from datetime import datetime

import store
from notify.transport import Transport

log = logging.getLogger("mailroom.reply")


def deliver_due(db: store.Database, transport: Transport, now: Callable[[], datetime]) -> int:
    """Deliver every planned reply; returns how many were delivered.

    Delivery happens before the commit that marks a reply sent: a crash in
    between resends the same bytes with the same Message-ID, which mail
    clients show once. Never the other way round, which could lose a reply.
    """
    with db.transaction() as session:
        due = store.due_replies(session)
    delivered = 0
    for reply in due:
        answer = transport.deliver(reply.recipient, reply.rfc_message_id, reply.content)
        with db.transaction() as session:
            store.mark_sent(session, reply.id, answer, now())
        log.info("reply %s delivered", reply.rfc_message_id)
        delivered += 1
    return delivered
