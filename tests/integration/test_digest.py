"""The recruiters' daily digest: its sections in Dutch and English, and when it goes."""

import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

import store
from mailroom.app import App
from mailroom.cli import main
from mailroom.clock import fixed_clock
from mailroom.cycle import run_cycle
from mailroom.digest import due_day, send_if_due
from mailroom.settings import DigestSettings, Settings
from notify import RenderedReply, TemplateRenderer, WorkingCalendar, digest_view, render_digest
from notify.reasons import Language
from store.models import DigestRun, OutboxReply

from ..digest_fixtures import SINCE, UNTIL, fill_store
from ..store_fixtures import ENGINES, app_on_engine
from ..support import EXAMPLE_CONFIG

HEADINGS = {
    "nl": (
        "NIEUWE GELDIGE SOLLICITATIES (4)",
        "ONGELDIGE SOLLICITATIES (4)",
        "TE LAAT ONTVANGEN (1)",
        "NIET TOE TE WIJZEN BERICHTEN (1)",
        "OPEN VRAGEN (2)",
        "ANTWOORDEN DIE NIET ZIJN VERSTUURD (2)",
        "VERWERKINGSFOUTEN (1)",
        "VACATURES",
    ),
    "en": (
        "NEW VALID APPLICATIONS (4)",
        "INVALID APPLICATIONS (4)",
        "LATE ARRIVALS (1)",
        "UNROUTED MESSAGES (1)",
        "OPEN QUESTIONS (2)",
        "REPLIES THAT DID NOT GO (2)",
        "PROCESSING FAILURES (1)",
        "VACANCIES",
    ),
}
# Line fragments per language: what each section must say about its items.
FACTS = {
    "nl": (
        "IPO-00001 Sanne de Vries",
        "3 pagina's; brief: Motivatiebrief Sanne de Vries.pdf; cv: CV Sanne de Vries.pdf",
        "IPO-00002 Joëlle van Dijk",
        "maar één pdf-bestand ontvangen (brief en cv nodig); sindsdien opnieuw ingestuurd",
        "geen pdf-bestand ontvangen; Word-bestand in plaats van pdf; nog niet opnieuw ingestuurd",
        "IPO-00011 Marloes Visser",
        "12 Bram Visser; ontvangen woensdag 10 december 2025 om 09:00",
        "beantwoorden vóór maandag 5 januari 2026 om 23:59 (TE LAAT)",
        "IPO-00001 bevestiging: onbestelbaar (550 5.1.1 no such user)",
        "IPO-00014 bevestiging: tegengehouden (auto_response_suppress)",
        "RuntimeError: the PDF reader stopped",
        "gesloten sinds dinsdag 6 januari 2026 om 23:59; geldig 4, ongeldig 4, te laat 1, vragen 2;"
        " commissie woensdag 14 januari 2026",
    ),
    "en": (
        "IPO-00001 Sanne de Vries",
        "3 pages; letter: Motivatiebrief Sanne de Vries.pdf; CV: CV Sanne de Vries.pdf",
        "IPO-00002 Joëlle van Dijk",
        "only one PDF file received (letter and CV needed); resubmitted since",
        "no PDF file received; Word document instead of PDF; not resubmitted yet",
        "IPO-00011 Marloes Visser",
        "12 Bram Visser; arrived Wednesday 10 December 2025 at 09:00",
        "answer by Monday 5 January 2026 at 23:59 (OVERDUE)",
        "IPO-00001 confirmation: bounced (550 5.1.1 no such user)",
        "IPO-00014 confirmation: held back (auto_response_suppress)",
        "RuntimeError: the PDF reader stopped",
        "closed since Tuesday 6 January 2026 at 23:59; valid 4, invalid 4, late 1, questions 2;"
        " committee Wednesday 14 January 2026",
    ),
}
INTERNAL = ["recruitment@chassesearch.nl", "hr@chassesearch.nl"]
# Friday 9 January 2026, 08:30 in Amsterdam; the following Monday is made a closure day.
FRIDAY = datetime(2026, 1, 9, 7, 30, tzinfo=UTC)
SATURDAY = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
MONDAY = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 1, 13, 9, 0, tzinfo=UTC)


@pytest.fixture(params=ENGINES)
def filled(request: pytest.FixtureRequest, settings: Settings, tmp_path: Path) -> Iterator[App]:
    """The fixture store on SQLite and on PostgreSQL."""
    with app_on_engine(request.param, settings) as app:
        fill_store(app, tmp_path)
        yield app


def rendered(app: App, language: Language) -> RenderedReply:
    with app.db.transaction() as session:
        content = store.digest_content(session, SINCE, UNTIL)
    renderer = TemplateRenderer([app.settings.templates.directory], app.settings.firm.zone)
    view = digest_view(content, app.vacancies, language)
    return render_digest(renderer, view, language, app.settings.firm.name)


def with_digest(app: App, now: datetime, **digest: object) -> App:
    """`app` at `now` with digests to `digest`'s settings (internal recipients by
    default) and Monday 12 January 2026 as a closure day."""
    settings = app.settings.model_copy(
        update={"digest": DigestSettings.model_validate({"recipients": INTERNAL, **digest})}
    )
    calendar = WorkingCalendar(app.settings.firm.zone, None, [date(2026, 1, 12)])
    return dataclasses.replace(app, settings=settings, calendar=calendar, clock=fixed_clock(now))


def digest_mails(app: App) -> list[EmailMessage]:
    with app.db.transaction() as session:
        rows = session.query(OutboxReply).filter(OutboxReply.digest_run_id.is_not(None))
        found = [message_from_bytes(r.content or b"", policy=default) for r in rows]
    return [m for m in found if isinstance(m, EmailMessage)]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_section_lists_its_items(filled: App, language: Language) -> None:
    text = rendered(filled, language).text

    positions = [text.index(heading) for heading in HEADINGS[language]]
    assert positions == sorted(positions)
    for fact in FACTS[language]:
        assert fact in text
    # Open questions list the overdue ones first, and no CV text is quoted.
    assert "Werkervaring" not in text and "Curriculum vitae" not in text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_html_is_self_contained_and_carries_the_text_facts(filled: App, language: Language) -> None:
    digest = rendered(filled, language)

    html = digest.html.lower()
    for outside in ("<script", "<link", "<img", "src=", "url(", "http:", "https:", "<style"):
        assert outside not in html
    for reference in re.findall(r"IPO-\d{5}", digest.text):
        assert reference in digest.html
    for heading in HEADINGS[language]:
        words = heading.split(" (")[0]
        assert words.lower() in html


def test_sections_without_content_are_left_out(app: App) -> None:
    text = rendered(app, "en").text

    assert "Nothing new came in and nothing is waiting." in text
    for heading in HEADINGS["en"][:-1]:
        assert heading.split(" (")[0] not in text


@pytest.mark.parametrize(
    "now",
    [
        SATURDAY,
        datetime(2026, 1, 1, 9, 0, tzinfo=UTC),  # New Year's Day
        MONDAY,  # the configured closure day
        datetime(2026, 1, 9, 6, 59, tzinfo=UTC),  # a working day, before 08:00 local
    ],
)
def test_no_digest_outside_working_days_or_before_its_time(app: App, now: datetime) -> None:
    later = with_digest(app, now)

    assert due_day(later, now) is None
    assert send_if_due(later) is False
    assert digest_mails(later) == []


def test_no_recipients_no_digest(app: App) -> None:
    assert due_day(app, FRIDAY) is None


def test_after_a_long_weekend_the_first_digest_covers_all_of_it(app: App) -> None:
    assert send_if_due(with_digest(app, FRIDAY))
    sunday = datetime(2026, 1, 11, 15, 0, tzinfo=UTC)
    with app.db.transaction() as session:
        broken = store.record_inbound(session, store.MessageKey("t"), b"x", sunday, sunday)
        store.record_failure(session, broken.id, "RuntimeError: stopped on Sunday")
    for quiet in (SATURDAY, MONDAY):
        assert not send_if_due(with_digest(app, quiet))

    assert send_if_due(with_digest(app, TUESDAY))

    with app.db.transaction() as session:
        runs = session.query(DigestRun).order_by(DigestRun.day).all()
        periods = [(r.day, r.period_start, r.period_end) for r in runs]
    assert periods == [
        (date(2026, 1, 9), datetime(2026, 1, 8, 7, 0, tzinfo=UTC), FRIDAY),
        (date(2026, 1, 13), FRIDAY, TUESDAY),
    ]
    tuesday_mails = digest_mails(app)[len(INTERNAL) :]
    assert [str(m["To"]) for m in tuesday_mails] == INTERNAL
    for mail in tuesday_mails:
        assert "RuntimeError: stopped on Sunday" in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_second_run_on_the_same_day_sends_nothing(app: App) -> None:
    assert send_if_due(with_digest(app, FRIDAY))
    first = digest_mails(app)

    assert not send_if_due(with_digest(app, FRIDAY.replace(hour=15)))
    assert [m["Message-ID"] for m in digest_mails(app)] == [m["Message-ID"] for m in first]
    assert len({m["Message-ID"] for m in first}) == len(INTERNAL)


@pytest.mark.parametrize(
    ("recipients", "attached"),
    [(INTERNAL, True), ([*INTERNAL, "partner@example.org"], False)],
)
def test_the_overview_is_attached_only_for_internal_recipients(
    filled: App, recipients: list[str], attached: bool
) -> None:
    assert send_if_due(with_digest(filled, FRIDAY, recipients=recipients, attach_overview=True))

    for mail in digest_mails(filled):
        names = [part.get_filename() for part in mail.iter_attachments()]
        assert names == (["overview-ipo-bij12.xlsx"] if attached else [])
        assert mail["Auto-Submitted"] == "auto-generated"


def test_the_cycle_sends_the_digest_through_the_outbox(app: App, isolated_env: Path) -> None:
    later = with_digest(app, FRIDAY)
    assert send_if_due(later)
    with app.db.transaction() as session:
        planned = store.last_digest(session)
    assert planned == store.LastDigest(date(2026, 1, 9), FRIDAY, delivered=False)

    report = run_cycle(dataclasses.replace(later, sources=()))

    assert report.delivery.delivered == len(INTERNAL)
    written = sorted((isolated_env / "outbox").glob("*.eml"))
    assert len(written) == len(INTERNAL)
    sent = message_from_bytes(written[0].read_bytes(), policy=default)
    assert str(sent["Subject"]).strip().startswith("Dagoverzicht vrijdag 9 januari 2026")
    with app.db.transaction() as session:
        assert store.outbox_counts(session) == {}  # digests are not replies
        assert {r.status for r in session.query(OutboxReply)} == {"sent"}
        assert store.last_digest(session) == dataclasses.replace(planned, delivered=True)


def test_a_dry_run_plans_no_digest(app: App) -> None:
    run_cycle(dataclasses.replace(with_digest(app, FRIDAY), sources=(), dry_run=True))

    assert digest_mails(app) == []


def test_print_and_html_render_without_sending_or_recording(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = isolated_env / "digest.html"
    base = ["--config", str(EXAMPLE_CONFIG), "--as-of", "2026-01-08T08:30:00+01:00"]

    assert main([*base, "digest", "--print"]) == 0
    assert main([*base, "digest", "--html", str(page)]) == 0

    printed = capsys.readouterr().out
    assert printed.startswith("Dagoverzicht donderdag 8 januari 2026")
    assert "VACATURES" in printed
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main([*base, "digest", "--html", str(isolated_env / "no" / "such" / "x.html")]) == 2
    assert not (isolated_env / "outbox").exists() or not any((isolated_env / "outbox").iterdir())
