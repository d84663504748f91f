"""`mailroom status` for people (problems first, then the details) and for
monitoring (one JSON object; the keys of earlier versions are kept)."""

from datetime import datetime

import store
from mailroom.health import Health, SourceState
from mailroom.summary import dumps, table


def format_health(health: Health) -> str:
    verdict = "healthy" if health.healthy else "unhealthy: " + "; ".join(health.problems)
    outbox, errors = health.outbox, health.errors
    due = f"due now {outbox.replies_due}"
    if outbox.oldest_due_at is not None:
        due += f" (oldest due since {outbox.oldest_due_at.isoformat()})"
    erased = health.erased
    seen = f"erased messages seen again: {erased.messages}"
    if erased.last_seen_at is not None:
        seen += f" (read {erased.readings} times, last {erased.last_seen_at.isoformat()})"
    return "\n\n".join(
        [
            verdict,
            table("messages", sorted(health.verdicts.items())),
            table("replies", sorted(health.replies.items())),
            "sources\n-------\n"
            + ("\n".join(_source_line(s) for s in health.sources) or "(none configured)"),
            "instances\n---------\n"
            + ("\n".join(_instance_line(i) for i in health.instances) or "(none running)"),
            f"outbox: {due}, failed {outbox.replies_failed}, bounced {outbox.replies_bounced}, "
            f"held back {outbox.replies_held_back}",
            _questions_line(health),
            f"failed messages: {health.failed_messages}; errors in the last 24 hours: "
            f"{errors.total} (messages {errors.messages}, deliveries {errors.deliveries}, "
            f"outages begun {errors.outages})",
            _digest_line(health),
            seen,
        ]
    )


def _source_line(source: SourceState) -> str:
    if source.down:
        text = f"{source.name}: DOWN since {_iso(source.down_since)} ({source.last_error})"
    else:
        text = f"{source.name}: ok, {source.backlog} waiting"
    text += f"; last good contact {_iso(source.last_ok_at)}"
    if source.outages:
        text += f"; {source.outages} outage(s) so far"
    return text


def _instance_line(instance: store.RunningInstance) -> str:
    polls = ", ".join(instance.holds) or "nothing yet"
    return (
        f"{instance.name} (host {instance.host}, pid {instance.pid}): running since "
        f"{instance.started_at.isoformat()}, last seen {instance.seen_at.isoformat()}; "
        f"polls {polls}; replies claimed {instance.replies_claimed}; "
        f"judging for a poller {instance.judging}"
    )


def _questions_line(health: Health) -> str:
    questions = health.questions
    text = f"open questions: {questions.open}, overdue {questions.overdue}"
    if questions.oldest_due_at is not None:
        text += f", oldest to answer by {questions.oldest_due_at.isoformat()}"
    text += f"; due today {questions.due}"
    return text


def _digest_line(health: Health) -> str:
    digest = health.digest
    if digest is None:
        return "last digest: none yet"
    state = "delivered" if digest.delivered else "not delivered yet"
    return (
        f"last digest: {digest.day.isoformat()}, planned {digest.planned_at.isoformat()}, {state}"
    )


def health_json(health: Health) -> str:
    """Times are ISO 8601 strings in UTC; `healthy` and `problems` say what to alert on."""
    erased, questions, outbox, errors, digest = (
        health.erased,
        health.questions,
        health.outbox,
        health.errors,
        health.digest,
    )
    return dumps(
        {
            "healthy": health.healthy,
            "problems": list(health.problems),
            "as_of": health.now.isoformat(),
            "messages": health.verdicts,
            "replies": health.replies,
            "erased_seen_again": {
                "messages": erased.messages,
                "readings": erased.readings,
                "last_seen_at": _iso_or_none(erased.last_seen_at),
            },
            "questions": {
                "open": questions.open,
                "due_today": questions.due,
                "overdue": questions.overdue,
                "oldest_due_at": _iso_or_none(questions.oldest_due_at),
            },
            "sources": [
                {
                    "name": s.name,
                    "down": s.down,
                    "down_since": _iso_or_none(s.down_since),
                    "outages": s.outages,
                    "last_error": s.last_error,
                    "last_ok_at": _iso_or_none(s.last_ok_at),
                    "backlog": s.backlog,
                }
                for s in health.sources
            ],
            "instances": [
                {
                    "name": i.name,
                    "host": i.host,
                    "pid": i.pid,
                    "started_at": i.started_at.isoformat(),
                    "seen_at": i.seen_at.isoformat(),
                    "polls": list(i.holds),
                    "replies_claimed": i.replies_claimed,
                    "judging": i.judging,
                }
                for i in health.instances
            ],
            "outbox": {
                "due": outbox.replies_due,
                "failed": outbox.replies_failed,
                "bounced": outbox.replies_bounced,
                "held_back": outbox.replies_held_back,
                "oldest_due_at": _iso_or_none(outbox.oldest_due_at),
                "oldest_due_age_seconds": (
                    int((health.now - outbox.oldest_due_at).total_seconds())
                    if outbox.oldest_due_at is not None
                    else None
                ),
            },
            "failed_messages": health.failed_messages,
            "errors_24h": {
                "messages": errors.messages,
                "deliveries": errors.deliveries,
                "outages": errors.outages,
                "total": errors.total,
            },
            "last_digest": (
                {
                    "day": digest.day.isoformat(),
                    "planned_at": digest.planned_at.isoformat(),
                    "delivered": digest.delivered,
                }
                if digest is not None
                else None
            ),
        }
    )


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else "never"


def _iso_or_none(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
