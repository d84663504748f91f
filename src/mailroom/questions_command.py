"""`mailroom questions`: the open ones, and a recruiter saying one is answered."""

import argparse
import getpass
import json
from datetime import datetime, timedelta
from typing import Any

import store
from mailroom import lookup
from mailroom.app import App
from mailroom.errors import ExitCode, UserError
from notify import reference_number


def add_questions_parser(commands: Any) -> None:
    """`questions [--json]` and `questions answered REF [--by NAME] [--note TEXT]`."""
    questions = commands.add_parser(
        "questions", help="open questions with their answer-by times, most overdue first"
    )
    questions.add_argument("--json", action="store_true", help="print JSON for scripts")
    answered = questions.add_subparsers(dest="questions_command").add_parser(
        "answered", help="record that a recruiter answered a question"
    )
    answered.add_argument("reference", metavar="REF", help="e.g. IPO-00012, or the internal id")
    answered.add_argument("--by", help="who answered it (default: the OS user)")
    answered.add_argument("--note", help="why or how, for the audit log")


def questions(app: App, args: argparse.Namespace) -> int:
    if args.questions_command == "answered":
        return _answered(app, args.reference, args.by or getpass.getuser(), args.note)
    with app.db.transaction() as session:
        found = store.open_questions(session)
    now = app.clock()
    print(_as_json(app, found, now) if args.json else _as_text(app, found, now))
    return ExitCode.OK


def _answered(app: App, ref: str, who: str, note: str | None) -> int:
    """Idempotent: a question answered before is left as it is, and the audit
    log gets one entry per question, not one per command."""
    message_pk = lookup.message_pk(ref)
    now = app.clock()
    with app.db.transaction() as session:
        state = store.question_state(session, message_pk)
        if state is None or not _same_prefix(app, ref, state):
            raise UserError(f"{ref}: no question is stored under that reference")
        marked = store.mark_answered(session, message_pk, store.AnsweredHow.RECRUITER, now)
        if marked:
            detail = {"message": message_pk, "by": who, "note": note}
            store.audit(session, "question_answered", now, detail=detail)
    reference = _reference(app, state.vacancy, message_pk)
    if not marked:
        print(f"{reference} was already answered ({state.answered_how}); nothing changed")
    else:
        print(f"{reference} recorded as answered by {who}")
    return ExitCode.OK


def _same_prefix(app: App, ref: str, state: store.QuestionState) -> bool:
    """A quoted reference must carry the question's own prefix, so a typo in the
    vacancy part cannot close another vacancy's question."""
    quoted = ref.strip().rpartition("-")[0]
    return not quoted or quoted.upper() == lookup.reference_prefix(app, state.vacancy)


def _reference(app: App, vacancy: str | None, message_pk: int) -> str:
    """ "IPO-00012"; a question no vacancy was found for is known by its id alone."""
    prefix = lookup.reference_prefix(app, vacancy)
    return reference_number(prefix, message_pk) if prefix else str(message_pk)


def _as_text(app: App, found: list[store.OpenQuestion], now: datetime) -> str:
    if not found:
        return "no open questions"
    zone = app.settings.firm.zone
    return "\n".join(
        f"{_reference(app, q.vacancy, q.message_pk)}  {q.vacancy or '(no vacancy)'}  "
        f"arrived {q.arrived_at.astimezone(zone):%Y-%m-%d %H:%M}  "
        f"answer by {q.due_at.astimezone(zone):%Y-%m-%d %H:%M}  {_lateness(q.overdue_by(now))}"
        for q in found
    )


def _lateness(overdue_by: timedelta) -> str:
    """ "overdue by 3 h" or "due in 5 h"; hours up to two days, then days, rounded down."""
    span = abs(overdue_by)
    hours = int(span.total_seconds()) // 3600
    amount = f"{hours} h" if hours < 48 else f"{hours // 24} d"
    if hours == 0:
        amount = f"{int(span.total_seconds()) // 60} min"
    return f"overdue by {amount}" if overdue_by > timedelta(0) else f"due in {amount}"


def _as_json(app: App, found: list[store.OpenQuestion], now: datetime) -> str:
    """Times are ISO 8601 in UTC; `overdue_seconds` is negative while still in time."""
    rows = [
        {
            "reference": _reference(app, q.vacancy, q.message_pk),
            "message": q.message_pk,
            "vacancy": q.vacancy,
            "arrived_at": q.arrived_at.isoformat(),
            "due_at": q.due_at.isoformat(),
            "overdue_seconds": int(q.overdue_by(now).total_seconds()),
        }
        for q in found
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)
