"""A recruiter's corrections and `show`, on both engines, from the example inbox plus
an application that came in before the vacancy opened (so no vacancy could be chosen)."""

import argparse
import dataclasses
import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mailroom.app import App, build_app, prepare_database
from mailroom.cli import main
from mailroom.clock import fixed_clock
from mailroom.commands import COMMANDS
from mailroom.cycle import run_cycle
from mailroom.errors import ExitCode
from mailroom.settings import Settings
from store.models import AuditEntry, InboundMessage, OutboxReply, Question, Submission

from ..store_fixtures import ENGINES, app_on_engine
from ..support import EXAMPLE_CONFIG, TEST_NOW
from .test_followups import SANNE, _inbox, _mail, _pdfs_of

CET = timezone(timedelta(hours=1))
BEFORE_OPENING = datetime(2025, 12, 10, 9, 30, tzinfo=CET)


@pytest.fixture(params=ENGINES)
def loaded(request: pytest.FixtureRequest, settings: Settings, isolated_env: Path) -> Iterator[App]:
    """The example inbox handled, then Sanne's early application (unrouted)."""
    early = _mail("Mijn sollicitatie", BEFORE_OPENING, _pdfs_of("01-valid-nl"))
    with app_on_engine(request.param, settings) as app:
        run_cycle(app)
        run_cycle(dataclasses.replace(app, sources=(_inbox(isolated_env, [early]),)))
        yield app


def _command(app: App, name: str, **options: object) -> int:
    defaults: dict[str, object] = {"note": "", "by": "inge", "dry_run": False, "json": False}
    return COMMANDS[name](app, argparse.Namespace(**(defaults | options)))


def _pk(app: App, verdict: str) -> int:
    """The earliest message with this verdict."""
    with app.db.transaction() as session:
        query = select(InboundMessage.id).where(InboundMessage.verdict == verdict)
        return session.scalars(query.order_by(InboundMessage.arrived_at)).first() or 0


def _state(app: App) -> tuple[object, ...]:
    """Everything a correction may change: verdicts, replies, submissions, audit lines."""
    with app.db.transaction() as session:
        return (
            session.execute(select(InboundMessage.id, InboundMessage.verdict)).all(),
            session.execute(
                select(OutboxReply.message_id, OutboxReply.kind, OutboxReply.status)
            ).all(),
            session.execute(select(Submission.message_id, Submission.complete)).all(),
            session.scalar(select(func.count(AuditEntry.id))),
        )


def _replies(app: App, pk: int) -> dict[str, str]:
    with app.db.transaction() as session:
        rows = session.execute(
            select(OutboxReply.kind, OutboxReply.status).where(OutboxReply.message_id == pk)
        )
        return {kind: status for kind, status in rows}


def _audit(app: App, action: str) -> list[dict[str, object]]:
    with app.db.transaction() as session:
        return [
            dict(d)
            for d in session.scalars(select(AuditEntry.detail).where(AuditEntry.action == action))
        ]


def test_routing_an_unrouted_application_plans_its_confirmation(
    loaded: App, capsys: pytest.CaptureFixture[str]
) -> None:
    pk = _pk(loaded, "unrouted")
    assert pk and _replies(loaded, pk) == {}
    before = _state(loaded)

    assert _command(loaded, "route", ref=str(pk), vacancy="ipo-bij12", dry_run=True) == 0
    assert "would plan a confirmation" in capsys.readouterr().out
    assert _state(loaded) == before

    assert _command(loaded, "route", ref=str(pk), vacancy="ipo-bij12", note="early") == 0
    assert f"IPO-{pk:05d}: changed unrouted -> valid" in capsys.readouterr().out
    assert _replies(loaded, pk) == {"confirmation": "planned"}
    with loaded.db.transaction() as session:
        assert session.get_one(InboundMessage, pk).vacancy == "ipo-bij12"
    [entry] = _audit(loaded, "route")
    assert entry["message"] == pk and entry["by"] == "inge" and entry["note"] == "early"
    assert "sanne" not in json.dumps(entry).lower()  # no personal data in the detail

    after = _state(loaded)
    assert _command(loaded, "route", ref=f"IPO-{pk:05d}", vacancy="ipo-bij12") == 0
    assert "already routed" in capsys.readouterr().out
    assert _state(loaded) == after


def test_overriding_invalid_to_valid_plans_a_confirmation_and_records_it(
    loaded: App, capsys: pytest.CaptureFixture[str]
) -> None:
    pk = _pk(loaded, "invalid")
    before = _state(loaded)
    assert _command(loaded, "verdict", ref=f"IPO-{pk:05d}", verdict="valid", dry_run=True) == 0
    assert "would plan a confirmation" in capsys.readouterr().out
    assert _state(loaded) == before

    assert (
        _command(loaded, "verdict", ref=f"IPO-{pk:05d}", verdict="valid", note="cv holds both") == 0
    )
    assert _replies(loaded, pk) == {"resubmit_request": "sent", "confirmation": "planned"}
    [entry] = _audit(loaded, "verdict_override")
    assert entry["verdict_before"] == "invalid" and entry["parser_verdict"] == "invalid"
    assert entry["verdict_after"] == "valid" and entry["note"] == "cv holds both"
    with loaded.db.transaction() as session:
        submission = session.scalars(select(Submission).where(Submission.message_id == pk)).one()
        assert submission.complete

    after = _state(loaded)
    assert _command(loaded, "verdict", ref=str(pk), verdict="valid") == 0
    assert "already valid; nothing changed" in capsys.readouterr().out
    assert _state(loaded) == after


def test_an_overridden_machine_mail_still_gets_no_reply(loaded: App) -> None:
    pk = _pk(loaded, "automated")
    assert _command(loaded, "verdict", ref=str(pk), verdict="valid") == 0
    with loaded.db.transaction() as session:
        [reply] = session.scalars(select(OutboxReply).where(OutboxReply.message_id == pk))
        assert reply.status == "suppressed" and reply.content is None


def _with_closing(app: App, settings: Settings, closes: datetime) -> App:
    """The same store, under a config whose vacancy closes at `closes` (local time)."""
    vacancy = settings.vacancies[0].model_copy(update={"closes": closes})
    moved = settings.model_copy(update={"vacancies": [vacancy], "store": app.settings.store})
    built = build_app(moved, fixed_clock(TEST_NOW))
    prepare_database(built)
    return built


def test_moving_the_closing_time_later_turns_late_mail_into_normal_verdicts(
    loaded: App, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    late = _pk(loaded, "late")
    assert _replies(loaded, late) == {"closed_notice": "sent"}
    moved = _with_closing(loaded, settings, datetime(2026, 1, 8, 23, 59, 59))
    try:
        before = _state(moved)
        assert _command(moved, "rejudge", vacancy="ipo-bij12", dry_run=True) == 0
        assert "would change late -> valid" in capsys.readouterr().out
        assert _state(moved) == before

        assert _command(moved, "rejudge", vacancy="ipo-bij12", note="deadline extended") == 0
        assert f"IPO-{late:05d}: changed late -> valid" in capsys.readouterr().out
        assert _replies(moved, late) == {"closed_notice": "sent", "confirmation": "planned"}
        [entry] = _audit(moved, "rejudge")
        assert entry["message"] == late and entry["verdict_after"] == "valid"

        after = _state(moved)
        assert _command(moved, "rejudge", vacancy="ipo-bij12") == 0
        assert "nothing to do" in capsys.readouterr().out
        assert _state(moved) == after
    finally:
        moved.close()


def test_moving_the_closing_time_earlier_makes_later_applications_late(
    loaded: App, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    closes = datetime(2026, 1, 4, 23, 59, 59)
    with loaded.db.transaction() as session:
        [after] = session.scalars(
            select(InboundMessage.id).where(
                InboundMessage.verdict == "valid",
                InboundMessage.arrived_at > closes.replace(tzinfo=CET),
            )
        )
    moved = _with_closing(loaded, settings, closes)
    try:
        assert _command(moved, "rejudge", vacancy="ipo-bij12") == 0
        assert f"IPO-{after:05d}: changed valid -> late" in capsys.readouterr().out
        assert _replies(moved, after) == {"confirmation": "sent", "closed_notice": "planned"}
    finally:
        moved.close()


def test_show_prints_every_part_and_json_parses(
    loaded: App, capsys: pytest.CaptureFixture[str]
) -> None:
    early = _pk(loaded, "unrouted")
    first = _pk(loaded, "valid")
    _command(loaded, "verdict", ref=str(first), verdict="invalid", note="unsigned letter")
    capsys.readouterr()

    assert _command(loaded, "show", ref=f"IPO-{first:05d}") == 0
    text = capsys.readouterr().out
    for part in (
        f"IPO-{first:05d}",
        SANNE,
        "arrived:  2025-12-19 10:15 (Europe/Amsterdam)",
        "vacancy:  ipo-bij12",
        "verdict:  invalid",
        ".pdf: 1 page, role",
        "confirmation: sent",
        "sent: written",
        "verdict_override: reference",
        f"earlier submissions by the same person:\n  message {early}: 2025-12-10 09:30, unrouted",
    ):
        assert part in text, part
    assert "Hierbij" not in text  # no extracted or own text

    assert _command(loaded, "show", ref=str(first), json=True) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["sender"]["address"] == "sanne.devries@example.nl"
    assert shown["replies"][0]["attempts"][0]["outcome"] == "sent"
    assert shown["audit"][0]["detail"]["note"] == "unsigned letter"
    assert [o["verdict"] for o in shown["earlier"]] == ["unrouted"]
    assert {d["role"] for d in shown["documents"]} == {"letter", "cv"}


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["show", "IPO-99999"], "error: no message IPO-99999 in the store"),
        (["show", "not a reference"], "is not a reference like IPO-00012"),
        (["verdict", "IPO-00001", "late", "--dry-run"], "no judged message IPO-00001"),
        (["route", "1", "--vacancy", "nope"], "--vacancy: no vacancy 'nope' in the config"),
        (["rejudge", "--vacancy", "nope"], "--vacancy: no vacancy 'nope' in the config"),
    ],
)
def test_a_wrong_reference_or_vacancy_is_one_line_and_exit_2(
    isolated_env: Path, capsys: pytest.CaptureFixture[str], command: list[str], says: str
) -> None:
    assert main(["--config", str(EXAMPLE_CONFIG), *command]) == ExitCode.USER_ERROR
    error = capsys.readouterr().err
    assert says in error and error.count("\n") == 1


def test_a_reply_still_waiting_for_a_verdict_that_no_longer_holds_is_withdrawn(
    loaded: App, capsys: pytest.CaptureFixture[str]
) -> None:
    pk = _pk(loaded, "invalid")
    _command(loaded, "verdict", ref=str(pk), verdict="valid")
    assert _command(loaded, "verdict", ref=str(pk), verdict="invalid") == 0
    assert "no new resubmit_request (one exists)" in capsys.readouterr().out
    assert _replies(loaded, pk) == {"resubmit_request": "sent", "confirmation": "suppressed"}


def test_a_question_judged_otherwise_is_no_longer_open(loaded: App) -> None:
    pk = _pk(loaded, "question")
    assert _command(loaded, "verdict", ref=str(pk), verdict="invalid") == 0
    with loaded.db.transaction() as session:
        assert session.scalars(select(Question).where(Question.message_id == pk)).first() is None
        assert session.get_one(InboundMessage, pk).verdict == "invalid"


@pytest.mark.parametrize("engine", ENGINES)
def test_routing_mail_that_was_too_large_judges_it_too_large_again(
    engine: str, settings: Settings, isolated_env: Path
) -> None:
    early = _mail("Mijn sollicitatie", BEFORE_OPENING, _pdfs_of("01-valid-nl"))
    limits = settings.limits.model_copy(update={"max_message_bytes": len(early) - 1})
    capped = settings.model_copy(update={"limits": limits})
    with app_on_engine(engine, capped) as app:
        run_cycle(dataclasses.replace(app, sources=(_inbox(isolated_env, [early]),)))
        pk = _pk(app, "unrouted")
        assert _command(app, "route", ref=str(pk), vacancy="ipo-bij12") == 0
        with app.db.transaction() as session:
            message = session.get_one(InboundMessage, pk)
            assert (message.verdict, message.reasons) == ("invalid", ["too_large"])
        assert _replies(app, pk) == {"resubmit_request": "planned"}
