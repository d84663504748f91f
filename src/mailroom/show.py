"""`mailroom show REF`: one application at a glance, for a recruiter deciding what to do.

Everything the store decided and did about the message, in the firm's zone,
with reasons in plain words; never the text extracted from its documents.
"""

import argparse
import json
from datetime import datetime
from typing import Any

import store
from mailroom.app import App
from mailroom.arguments import SubcommandParser
from mailroom.errors import ExitCode, UserError
from mailroom.lookup import message_pk, reference_of
from notify import reasons_text


def show(app: App, args: argparse.Namespace) -> int:
    key = message_pk(args.ref)
    with app.db.transaction() as session:
        seen = store.glance(session, key)
    if seen is None:
        raise UserError(f"no message {args.ref} in the store")
    print(
        json.dumps(as_json(app, seen), indent=2, ensure_ascii=False)
        if args.json
        else as_text(app, seen)
    )
    return ExitCode.OK


def add_parser(commands: "argparse._SubParsersAction[SubcommandParser]") -> None:
    one = commands.add_parser("show", help="one message at a glance: verdict, documents, replies")
    one.add_argument("ref", help="the reference the replies quote (IPO-00012) or a message id")
    one.add_argument("--json", action="store_true", help="print JSON for scripts")


def as_json(app: App, seen: store.Glance) -> dict[str, Any]:
    """The same facts as `as_text`, times as ISO 8601 in the firm's zone."""
    return {
        "reference": reference_of(app, seen.message_pk, seen.vacancy),
        "message": seen.message_pk,
        "sender": {"name": seen.sender_name, "address": seen.sender_address},
        "arrived_at": _local(app, seen.arrived_at).isoformat(),
        "vacancy": seen.vacancy,
        "status": seen.status,
        "verdict": seen.verdict,
        "reasons": list(seen.reasons),
        "reasons_text": reasons_text(seen.reasons, "en"),
        "flags": list(seen.flags),
        "documents": [
            {"name": d.name, "pages": d.pages, "role": d.role, "problem": d.problem}
            for d in seen.documents
        ],
        "replies": [
            {
                "kind": r.kind,
                "status": r.status,
                "reason": r.reason,
                "planned_at": _local(app, r.planned_at).isoformat(),
                "sent_at": _local(app, r.sent_at).isoformat() if r.sent_at else None,
                "attempts": [
                    {"at": _local(app, a.at).isoformat(), "outcome": a.outcome, "answer": a.answer}
                    for a in r.attempts
                ],
            }
            for r in seen.replies
        ],
        "audit": [
            {"at": _local(app, e.at).isoformat(), "action": e.action, "detail": e.detail}
            for e in seen.audit
        ],
        "earlier": [_other_json(app, o) for o in seen.earlier],
        "later": [_other_json(app, o) for o in seen.later],
    }


def as_text(app: App, seen: store.Glance) -> str:
    sender = f"{seen.sender_name} <{seen.sender_address}>" if seen.sender_address else "(unknown)"
    verdict = seen.verdict or f"none yet ({seen.status})"
    if seen.reasons:
        verdict += f": {reasons_text(seen.reasons, 'en')}"
    lines = [
        f"{reference_of(app, seen.message_pk, seen.vacancy)} (message {seen.message_pk})",
        f"from:     {sender.strip()}",
        f"arrived:  {_when(app, seen.arrived_at)} ({app.settings.firm.timezone})",
        f"vacancy:  {seen.vacancy or '(none)'}",
        f"verdict:  {verdict}",
        f"flags:    {', '.join(seen.flags) or '(none)'}",
        "documents:",
        *(
            f"  {d.name}: {_pages(d.pages)}, role {d.role or '?'}"
            + (f", problem {d.problem}" if d.problem else "")
            for d in seen.documents
        ),
        "replies:",
    ]
    for reply in seen.replies:
        why = f" ({reply.reason})" if reply.reason else ""
        lines.append(f"  {reply.kind}: {reply.status}{why}, planned {_when(app, reply.planned_at)}")
        lines += [f"    {_when(app, a.at)} {a.outcome}: {a.answer}" for a in reply.attempts]
    lines.append("audit:")
    lines += [f"  {_when(app, e.at)} {e.action}: {_detail(e.detail)}" for e in seen.audit]
    for label, others in (("earlier", seen.earlier), ("later", seen.later)):
        lines.append(f"{label} submissions by the same person:")
        lines += [
            f"  {reference_of(app, o.message_pk, o.vacancy)}: {_when(app, o.arrived_at)}, "
            f"{o.verdict or 'not judged'}"
            for o in others
        ]
    return "\n".join(lines)


def _other_json(app: App, other: store.OtherSubmission) -> dict[str, Any]:
    return {
        "reference": reference_of(app, other.message_pk, other.vacancy),
        "arrived_at": _local(app, other.arrived_at).isoformat(),
        "verdict": other.verdict,
    }


def _detail(detail: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v}" for k, v in detail.items() if k != "message")


def _pages(pages: int | None) -> str:
    return "pages unknown" if pages is None else f"{pages} page{'s' if pages != 1 else ''}"


def _local(app: App, moment: datetime) -> datetime:
    return moment.astimezone(app.settings.firm.zone)


def _when(app: App, moment: datetime) -> str:
    return _local(app, moment).strftime("%Y-%m-%d %H:%M")
