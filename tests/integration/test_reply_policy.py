"""The reply policy through the conductor: held-back replies are stored with their reason."""

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.firm_settings import WorkingDays
from mailroom.settings import Settings
from store.models import InboundMessage, OutboxReply

from ..support import TEST_NOW
from .test_conductor_rules import ARRIVED, _mail, _run

AMS = ZoneInfo("Europe/Amsterdam")


def _replies(app: App) -> list[tuple[str, str, str | None]]:
    """(recipient, status, reason) of every outbox row, in the order planned."""
    with app.db.transaction() as session:
        rows = session.query(OutboxReply).order_by(OutboxReply.id).all()
        return [(r.recipient, r.status, r.reason) for r in rows]


def test_a_dmarc_failure_from_our_server_is_kept_as_suppressed(
    app: App, isolated_env: Path
) -> None:
    forged = _mail(
        "Bank <ceo@example.nl>",
        "Vraag",
        "Wat is de salarisschaal?",
        Authentication_Results="mx1.chassesearch.nl; spf=fail; dmarc=fail header.from=example.nl",
    )
    _run(app, isolated_env, forged)
    assert _replies(app) == [("ceo@example.nl", "suppressed", "dmarc_fail")]
    with app.db.transaction() as session:
        [message] = session.query(InboundMessage).all()
        assert message.verdict == "question"  # still open for a recruiter


def test_an_authentication_result_from_another_server_is_ignored(
    app: App, isolated_env: Path
) -> None:
    honest = _mail(
        "Bram <bram@example.nl>",
        "Vraag",
        "Wat is de salarisschaal?",
        Authentication_Results="mx.attacker.example; dmarc=fail header.from=example.nl",
    )
    _run(app, isolated_env, honest)
    assert _replies(app) == [("bram@example.nl", "sent", None)]


def test_past_three_replies_in_a_day_an_address_gets_no_more(app: App, isolated_env: Path) -> None:
    questions = [_mail("Loop <loop@example.nl>", f"Vraag {n}", "Nog een vraag.") for n in range(5)]
    _run(app, isolated_env, *questions)
    assert [status for _, status, _ in _replies(app)] == ["sent"] * 3 + ["suppressed"] * 2
    assert {reason for _, status, reason in _replies(app) if status == "suppressed"} == {
        "reply_cap"
    }
    _run(app, isolated_env, _mail("Ander <ander@example.nl>", "Vraag", "Een andere afzender."))
    assert _replies(app)[-1] == ("ander@example.nl", "sent", None)


def test_the_calendar_counts_the_configured_holidays(app: App) -> None:
    """The example config counts King's Day (Monday 27 April 2026)."""
    friday = datetime(2026, 4, 24, 16, 0, tzinfo=AMS)
    assert app.calendar.answer_by(friday) == datetime(2026, 4, 28, 23, 59, 59, tzinfo=AMS)


def test_configured_reply_settings_reach_the_stages(settings: Settings) -> None:
    days = WorkingDays(holidays=["Christmas Day"], closure_days=[date(2025, 12, 29)])
    firm = settings.firm.model_copy(update={"working_days": days, "authserv_id": "mx9.example"})
    limits = settings.limits.model_copy(update={"replies_per_address_per_day": 1})
    changed = settings.model_copy(update={"firm": firm, "limits": limits})
    with build_app(changed, fixed_clock(TEST_NOW)) as app:
        prepare_database(app)
        # Boxing Day is not counted, so Friday 26 Dec is a working day...
        christmas_eve = datetime(2025, 12, 24, 15, 0, tzinfo=AMS)
        assert app.calendar.answer_by(christmas_eve) == datetime(
            2025, 12, 26, 23, 59, 59, tzinfo=AMS
        )
        # ...and the closure day on Monday 29 Dec is skipped.
        assert app.calendar.answer_by(datetime(2025, 12, 26, 9, 0, tzinfo=AMS)) == datetime(
            2025, 12, 30, 23, 59, 59, tzinfo=AMS
        )
        assert app.parse_context(ARRIVED).authserv_id == "mx9.example"
        assert app.policy.max_replies_per_address == 1
