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
    """Replies per status (planned, sent, suppressed, ...); digests are not replies."""
    query = select(OutboxReply.status, func.count()).where(OutboxReply.message_id.is_not(None))
    rows = session.execute(query.group_by(OutboxReply.status))
    return {str(name): int(count) for name, count in rows}
