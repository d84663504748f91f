"""Questions are answered by a person's reply in the account's Sent folder (real
Dovecot), or by a recruiter on the command line; the rest show how late they are.

Only human replies count: our own acknowledgement filed in Sent, and an
auto-reply carrying `Auto-Submitted`, both reply to the question too.
"""

import argparse
import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

import store
from ingest import SentScan
from mailroom import digest
from mailroom.app import App
from mailroom.clock import fixed_clock
from mailroom.commands import COMMANDS
from mailroom.cycle import run_cycle
from mailroom.errors import UserError
from mailroom.settings import Settings
from store.models import AuditEntry, OutboxReply

from ..clirun import assert_user_error, mailroom
from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_server, imap_settings, question
from ..store_fixtures import ENGINES, app_on_engine

# question() arrives on Monday 22 December 2025: answer by Tuesday 23:59:59 in Amsterdam.
DUE_AT = datetime(2025, 12, 23, 22, 59, 59, tzinfo=UTC)


@pytest.fixture(params=ENGINES)
def app(
    request: pytest.FixtureRequest, settings: Settings, dovecot: Dovecot, tmp_path: Path
) -> Iterator[App]:
    """The test account with its Sent folder scanned, three questions stored and acknowledged."""
    configured = imap_settings(settings, dovecot, tmp_path, sent_folder="Sent")
    with app_on_engine(request.param, configured) as built:
        for number in (1, 2, 3):
            dovecot.append("INBOX", question(number), IN_WINDOW)
        run_cycle(built)
        yield built


def reply(number: int, *, auto: str | None = None, references_only: bool = False) -> bytes:
    """A recruiter's answer to question `number` (or an auto-reply to it)."""
    message = EmailMessage()
    message["From"] = "Recruiter <info@chassesearch.nl>"
    message["To"] = f"vrager{number}@example.nl"
    message["Subject"] = f"Re: Vraag {number} over de vacature"
    message["Message-ID"] = f"<answer.{number}.{auto}@chassesearch.nl>"
    if not references_only:
        message["In-Reply-To"] = f"<vraag.{number}@example.nl>"
    message["References"] = f"<earlier@example.nl> <vraag.{number}@example.nl>"
    if auto is not None:
        message["Auto-Submitted"] = auto
    message.set_content("Ja, dat kan.")
    return message.as_bytes()


def our_acknowledgement(app: App, number: int) -> bytes:
    """The reply mailroom planned for question `number`, as the relay files it in Sent."""
    with app.db.transaction() as session:
        contents = session.scalars(select(OutboxReply.content)).all()
    [found] = [c for c in contents if f"<vraag.{number}@example.nl>".encode() in c]
    return found


def open_ids(app: App) -> list[int]:
    with app.db.transaction() as session:
        return [q.message_pk for q in store.open_questions(session)]


def answered_how(app: App, message_pk: int) -> str | None:
    with app.db.transaction() as session:
        state = store.question_state(session, message_pk)
    assert state is not None
    return state.answered_how


@pytest.mark.usefixtures("settings")
def test_only_a_persons_reply_in_sent_answers_a_question(app: App, dovecot: Dovecot) -> None:
    first, second, third = open_ids(app)
    filed = datetime(2025, 12, 23, 8, 30, tzinfo=UTC)
    dovecot.append("Sent", our_acknowledgement(app, 1), filed)
    dovecot.append("Sent", reply(2, auto="auto-replied"), filed)
    dovecot.append("Sent", reply(3, auto="no"), filed)  # "no" is how a person's client says it

    report = run_cycle(app)

    assert open_ids(app) == [first, second]
    assert answered_how(app, third) == "sent_folder"
    with app.db.transaction() as session:
        counts = store.question_counts(session, app.clock(), app.clock())
    assert report.questions == counts
    assert counts.open == 2 and counts.overdue == 2

    # The next scan starts after what it saw: a later reply naming the
    # question only in References answers it too.
    dovecot.append("Sent", reply(1, references_only=True), filed + timedelta(hours=1))
    run_cycle(app)
    assert open_ids(app) == [second]
    with app.db.transaction() as session:
        state = store.question_state(session, first)
    assert state is not None and state.answered_at == filed + timedelta(hours=1)


def test_a_dry_run_leaves_the_sent_folder_unread(app: App, dovecot: Dovecot) -> None:
    dovecot.append("Sent", reply(1), datetime(2025, 12, 23, 8, 30, tzinfo=UTC))
    run_cycle(dataclasses.replace(app, dry_run=True))
    assert len(open_ids(app)) == 3
    run_cycle(app)
    assert len(open_ids(app)) == 2


def run_command(app: App, name: str, **args: object) -> None:
    COMMANDS[name](app, argparse.Namespace(**args))


def test_an_overdue_question_shows_in_status_and_the_list(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    run_command(app, "status", json=False)
    status = capsys.readouterr().out
    assert f"open questions: 3, overdue 3, oldest to answer by {DUE_AT.isoformat()}" in status

    run_command(app, "questions", json=False, questions_command=None)
    lines = capsys.readouterr().out.splitlines()
    # Arrived 22 December 10:00 CET, due the next day at 23:59; the clock reads 5 January 10:00.
    overdue = "arrived 2025-12-22 10:00  answer by 2025-12-23 23:59  overdue by 12 d"
    assert len(lines) == 3 and all(overdue in line for line in lines)
    assert lines[0].startswith("IPO-00001  ipo-bij12  ")


def test_a_question_still_in_time_says_when_it_falls_due(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = dataclasses.replace(app, clock=fixed_clock(DUE_AT - timedelta(hours=5, minutes=1)))
    capsys.readouterr()
    run_command(earlier, "status", json=True)
    assert json.loads(capsys.readouterr().out)["questions"] == {
        "open": 3,
        "due_today": 3,
        "overdue": 0,
        "oldest_due_at": DUE_AT.isoformat(),
    }
    run_command(earlier, "questions", json=False, questions_command=None)
    assert capsys.readouterr().out.count("due in 5 h") == 3


def test_a_recruiter_answers_once_and_the_audit_log_says_so_once(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    first = open_ids(app)[0]
    for _ in range(2):
        run_command(
            app,
            "questions",
            json=False,
            questions_command="answered",
            reference=str(first),
            by="Anna",
            note="called back",
        )
    out = capsys.readouterr().out.splitlines()
    assert out[-2].endswith("recorded as answered by Anna")
    assert out[-1].endswith("was already answered (recruiter); nothing changed")
    assert answered_how(app, first) == "recruiter"
    with app.db.transaction() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "question_answered")
        ).all()
    assert [e.detail for e in entries] == [{"message": first, "by": "Anna", "note": "called back"}]
    with app.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1


@pytest.mark.parametrize("reference", ["NOPE-99999", "not a reference", "WRONG-00001"])
def test_a_reference_that_names_no_question_is_a_user_error(app: App, reference: str) -> None:
    with pytest.raises(UserError, match="reference"):
        run_command(
            app, "questions", questions_command="answered", reference=reference, by="x", note=None
        )


@pytest.mark.usefixtures("isolated_env")
def test_the_command_line_names_an_unknown_reference_in_one_line() -> None:
    listed = mailroom("questions")
    assert listed.returncode == 0 and listed.stdout.strip() == "no open questions"
    assert_user_error(mailroom("questions", "answered", "IPO-00042"), "IPO-00042", "no question")


def test_the_sent_scan_peeks_at_headers_after_the_last_uid(dovecot: Dovecot) -> None:
    scan = SentScan("chasse", imap_server(dovecot), "Sent")
    assert scan.read_after(None, 0).messages == ()  # no Sent folder yet: nothing sent
    filed = datetime(2025, 12, 23, 8, 30, tzinfo=UTC)
    first = dovecot.append("Sent", reply(1), filed)
    second = dovecot.append("Sent", reply(2, auto="Auto-Replied; owner-email=x@y.nl"), filed)

    batch = scan.read_after(None, 0)

    assert [(m.uid, m.automatic, m.filed_at) for m in batch.messages] == [
        (first, False, filed),
        (second, True, filed),
    ]
    assert batch.messages[0].message_id == "<answer.1.None@chassesearch.nl>"
    assert batch.messages[0].replies_to == ("<earlier@example.nl>", "<vraag.1@example.nl>")
    assert dovecot.flags("Sent") == {first: frozenset(), second: frozenset()}  # nothing read
    assert scan.read_after(batch.uidvalidity, batch.last_uid).messages == ()
    renumbered = scan.read_after(batch.uidvalidity + 1, batch.last_uid)
    assert [m.uid for m in renumbered.messages] == [first, second]


@pytest.mark.usefixtures("settings")
def test_the_digest_lists_open_questions_as_overdue_and_not_the_answered_one(
    app: App, dovecot: Dovecot
) -> None:
    first, second, third = open_ids(app)
    dovecot.append("Sent", reply(3, auto="no"), datetime(2025, 12, 23, 8, 30, tzinfo=UTC))
    run_cycle(app)

    text = digest.render(app, app.clock()).text

    for pk in (first, second):
        line = next(line for line in text.splitlines() if f"IPO-{pk:05d} " in line)
        assert "(TE LAAT)" in line  # the digest speaks Dutch unless configured otherwise
    assert f"IPO-{third:05d} " not in text
