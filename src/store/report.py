"""Counts for the run summary and `mailroom status`."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import InboundMessage, OutboxReply


def verdict_counts(session: Session) -> dict[str, int]:
    """Messages per verdict; unjudged ones are counted under their status."""
    label = func.coalesce(InboundMessage.verdict, InboundMessage.status)
    rows = session.execute(select(label, func.count()).group_by(label))
    return {str(name): int(count) for name, count in rows}


def outbox_counts(session: Session) -> dict[str, int]:
    """Replies per status (planned, sent, suppressed, ...)."""
    rows = session.execute(select(OutboxReply.status, func.count()).group_by(OutboxReply.status))
    return {str(name): int(count) for name, count in rows}
