"""Time in replies (docs/architecture.md §6): from arrival, shown in Amsterdam, working days."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from notify import (
    ReplyKind,
    TemplateRenderer,
    WorkingCalendar,
    holiday_names,
    unknown_holiday_names,
)

from .test_notify_render import AMS, FIRM, SEED_VACANCY, TEMPLATES, make_reply

CLOSES = SEED_VACANCY.closes_at


def resubmit_text(language: str, arrived_at: datetime, zone: ZoneInfo = AMS) -> str:
    reply = make_reply(ReplyKind.RESUBMIT_REQUEST, language, arrived_at=arrived_at)
    return TemplateRenderer([TEMPLATES], zone).render(reply, FIRM).text


def dutch_holiday_names(year: int) -> set[str]:
    return set(holidays.country_holidays("NL", language="en_US", years=year).values())


# --- time left in a resubmit request -------------------------------------------------


@pytest.mark.parametrize(
    ("arrived_at", "nl", "en"),
    [
        # 2 days 13:59:59 before closing: rounded down, never up to 3.
        (datetime(2026, 1, 4, 10, 0, tzinfo=AMS), "nog 2 dagen.", "was 2 days away."),
        (datetime(2026, 1, 5, 23, 59, 59, tzinfo=AMS), "nog 1 dag.", "was 1 day away."),
        (datetime(2026, 1, 6, 20, 0, 1, tzinfo=AMS), "nog 3 uur.", "was 3 hours away."),
        (datetime(2026, 1, 6, 23, 0, tzinfo=AMS), "nog 59 minuten.", "was 59 minutes away."),
    ],
)
def test_time_left_is_rounded_down(arrived_at: datetime, nl: str, en: str) -> None:
    assert nl in resubmit_text("nl", arrived_at)
    assert en in resubmit_text("en", arrived_at)


def test_time_left_is_counted_from_arrival_not_the_wall_clock() -> None:
    """The wall clock is long past closing, yet the reply counts from arrival.

    Rendering the same reply again, from another renderer, gives the same words.
    """
    assert datetime.now(UTC) > CLOSES
    arrived_at = datetime(2026, 1, 4, 10, 0, tzinfo=AMS)
    first = resubmit_text("en", arrived_at)
    assert "When your message arrived, that was 2 days away." in first
    assert "Applications closed" not in first
    assert resubmit_text("en", arrived_at, ZoneInfo("Europe/Amsterdam")) == first
    assert resubmit_text("en", arrived_at.astimezone(UTC)) == first


@pytest.mark.parametrize(
    "arrived_at",
    [datetime(2026, 1, 7, 0, 0, tzinfo=AMS), datetime(2026, 3, 1, 12, 0, tzinfo=UTC)],
)
def test_after_closing_resubmit_request_says_the_period_closed(arrived_at: datetime) -> None:
    nl = resubmit_text("nl", arrived_at)
    en = resubmit_text("en", arrived_at)
    assert "De sollicitatietermijn sloot op dinsdag 6 januari 2026 om 23:59." in nl
    assert "Applications closed on Tuesday 6 January 2026 at 23:59." in en
    assert "Toen uw bericht binnenkwam" not in nl
    assert "When your message arrived" not in en


# Summer time starts on Sunday 29 March 2026 at 02:00 CET; a vacancy closing at the end
# of that day is 23:29:59 away from an arrival at 23:30 CET on Saturday.
DST_CLOSES = datetime(2026, 3, 29, 23, 59, 59, tzinfo=AMS)
DST_ARRIVAL = datetime(2026, 3, 28, 23, 30, tzinfo=AMS)


def dst_text(language: str, arrived_at: datetime) -> str:
    vacancy = replace(SEED_VACANCY, closes_at=DST_CLOSES)
    reply = make_reply(ReplyKind.RESUBMIT_REQUEST, language, arrived_at=arrived_at, vacancy=vacancy)
    return TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM).text


def test_time_left_across_the_dst_change_with_a_utc_arrival() -> None:
    assert "nog 23 uur." in dst_text("nl", DST_ARRIVAL.astimezone(UTC))
    assert "was 23 hours away." in dst_text("en", DST_ARRIVAL.astimezone(UTC))


def test_time_left_across_the_dst_change_with_an_amsterdam_arrival() -> None:
    reply = make_reply(arrived_at=DST_ARRIVAL, vacancy=replace(SEED_VACANCY, closes_at=DST_CLOSES))
    assert reply.time_left == timedelta(hours=23, minutes=29, seconds=59)
    assert "nog 23 uur." in dst_text("nl", DST_ARRIVAL)
    assert "was 23 hours away." in dst_text("en", DST_ARRIVAL)


def test_times_are_shown_in_amsterdam() -> None:
    arrived_at = datetime(2026, 1, 4, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam (CET)
    assert "zondag 4 januari 2026 om 10:00" in resubmit_text("nl", arrived_at)
    assert "Sunday 4 January 2026 at 10:00" in resubmit_text("en", arrived_at)


# --- question acknowledgement and working days ---------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "uiterlijk <strong>maandag 5 januari 2026 om 23:59</strong>"),
        ("en", "by <strong>Monday 5 January 2026 at 23:59</strong>"),
    ],
)
def test_question_ack_shows_the_answer_by_time(language: str, expected: str) -> None:
    arrived_at = datetime(2026, 1, 2, 14, 30, tzinfo=AMS)  # a Friday
    answer_by = WorkingCalendar(AMS).answer_by(arrived_at)
    reply = make_reply(ReplyKind.QUESTION_ACK, language, arrived_at=arrived_at, answer_by=answer_by)
    rendered = TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM)
    assert expected in rendered.html
    assert expected.replace("<strong>", "").replace("</strong>", "") in rendered.text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_question_ack_invites_an_application_only_while_open(language: str) -> None:
    renderer = TemplateRenderer([TEMPLATES], AMS)
    invitation = {"nl": "Wilt u solliciteren?", "en": "If you would like to apply"}[language]
    for arrived_at, invited in [
        (datetime(2026, 1, 6, 23, 0, tzinfo=AMS), True),
        (datetime(2026, 1, 7, 0, 0, tzinfo=AMS), False),
    ]:
        reply = make_reply(ReplyKind.QUESTION_ACK, language, arrived_at=arrived_at)
        assert (invitation in renderer.render(reply, FIRM).text) is invited


def end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=AMS)


@pytest.mark.parametrize(
    ("arrived_at", "expected"),
    [
        # Monday → Tuesday; Friday → Monday; a weekend day → Monday.
        (datetime(2026, 1, 5, 9, 0, tzinfo=AMS), date(2026, 1, 6)),
        (datetime(2026, 1, 9, 8, 0, tzinfo=AMS), date(2026, 1, 12)),
        (datetime(2026, 1, 9, 23, 59, 59, tzinfo=AMS), date(2026, 1, 12)),
        (datetime(2026, 1, 10, 12, 0, tzinfo=AMS), date(2026, 1, 12)),
        # Thursday 23:30 UTC is already Friday in Amsterdam, so Monday.
        (datetime(2026, 1, 8, 23, 30, tzinfo=UTC), date(2026, 1, 12)),
        # Christmas Eve 2025: 25 and 26 Dec are holidays, 27-28 the weekend.
        (datetime(2025, 12, 24, 10, 0, tzinfo=AMS), date(2025, 12, 29)),
        # New Year's Eve 2025 (Wed): 1 Jan is a holiday, so Friday 2 Jan.
        (datetime(2025, 12, 31, 16, 0, tzinfo=AMS), date(2026, 1, 2)),
        # Maundy Thursday 2026: Good Friday, the weekend, Easter Monday.
        (datetime(2026, 4, 2, 10, 0, tzinfo=AMS), date(2026, 4, 7)),
        # 22:30 UTC on Tuesday 30 June is already Wednesday in summer time (CEST).
        (datetime(2026, 6, 30, 22, 30, tzinfo=UTC), date(2026, 7, 2)),
    ],
)
def test_answer_by_is_the_end_of_the_next_working_day(arrived_at: datetime, expected: date) -> None:
    answer_by = WorkingCalendar(AMS).answer_by(arrived_at)
    assert answer_by == end_of(expected)
    local = answer_by.astimezone(AMS)
    assert (local.date(), local.time()) == (expected, time(23, 59, 59))


def test_a_closure_day_is_skipped() -> None:
    monday = datetime(2026, 1, 5, 9, 0, tzinfo=AMS)
    calendar = WorkingCalendar(AMS, closure_days=[date(2026, 1, 6), date(2026, 1, 7)])
    assert calendar.answer_by(monday) == end_of(date(2026, 1, 8))
    assert not calendar.is_working_day(date(2026, 1, 6))


@pytest.mark.parametrize(
    ("holiday", "arrived_at", "expected"),
    [
        ("Good Friday", datetime(2026, 4, 2, 10, 0, tzinfo=AMS), date(2026, 4, 3)),
        ("Christmas Day", datetime(2025, 12, 24, 10, 0, tzinfo=AMS), date(2025, 12, 25)),
    ],
)
def test_a_holiday_left_out_of_counted_holidays_is_a_working_day(
    holiday: str, arrived_at: datetime, expected: date
) -> None:
    names = dutch_holiday_names(expected.year)
    assert holiday in names  # the `holidays` package's English spelling
    assert not WorkingCalendar(AMS).is_working_day(expected)
    calendar = WorkingCalendar(AMS, counted_holidays=names - {holiday})
    assert calendar.is_working_day(expected)
    assert calendar.answer_by(arrived_at) == end_of(expected)


def test_counting_every_holiday_by_name_equals_counting_all() -> None:
    everything = WorkingCalendar(AMS, counted_holidays=dutch_holiday_names(2025))
    arrived_at = datetime(2025, 12, 24, 10, 0, tzinfo=AMS)
    assert everything.answer_by(arrived_at) == WorkingCalendar(AMS).answer_by(arrived_at)


def test_no_counted_holidays_leaves_only_weekends() -> None:
    calendar = WorkingCalendar(AMS, counted_holidays=())
    assert calendar.answer_by(datetime(2025, 12, 24, 10, 0, tzinfo=AMS)) == end_of(
        date(2025, 12, 25)
    )
    assert calendar.answer_by(datetime(2025, 12, 26, 10, 0, tzinfo=AMS)) == end_of(
        date(2025, 12, 29)
    )


# --- the calendar cases: Christmas, New Year and King's Day ------------------


@pytest.mark.parametrize(
    ("arrived_at", "expected"),
    [
        # Wed 24 Dec 15:00: Christmas, Boxing Day and the weekend → Monday 29 Dec.
        (datetime(2025, 12, 24, 15, 0, tzinfo=AMS), date(2025, 12, 29)),
        # Fri 2 Jan 2026 → Monday 5 Jan.
        (datetime(2026, 1, 2, 11, 20, tzinfo=AMS), date(2026, 1, 5)),
        # Fri 24 Apr 2026: the weekend and King's Day (Monday 27 April) → Tuesday 28 April.
        (datetime(2026, 4, 24, 16, 0, tzinfo=AMS), date(2026, 4, 28)),
    ],
)
def test_answer_by_across_the_holidays(arrived_at: datetime, expected: date) -> None:
    assert WorkingCalendar(AMS).answer_by(arrived_at) == end_of(expected)


def test_a_configured_closure_day_between_the_holidays_is_skipped() -> None:
    """Closed on New Year's Eve: a question from 30 Dec waits for Friday 2 Jan."""
    calendar = WorkingCalendar(AMS, closure_days=[date(2025, 12, 31)])
    assert calendar.answer_by(datetime(2025, 12, 30, 15, 0, tzinfo=AMS)) == end_of(date(2026, 1, 2))


def test_kings_day_left_out_of_the_counted_holidays_is_a_working_day() -> None:
    counted = dutch_holiday_names(2026) - {"King's Day"}
    calendar = WorkingCalendar(AMS, counted_holidays=counted)
    assert calendar.answer_by(datetime(2026, 4, 24, 16, 0, tzinfo=AMS)) == end_of(date(2026, 4, 27))


def test_two_holidays_on_one_day_each_count_by_name() -> None:
    """5 May 2005 was both Ascension Day and Liberation Day; `holidays` joins the
    names ("Ascension Day; Liberation Day"), which matches no configured name."""
    both = date(2005, 5, 5)
    for counted in (["Liberation Day"], ["Ascension Day"]):
        assert not WorkingCalendar(AMS, counted_holidays=counted).is_working_day(both)
    assert WorkingCalendar(AMS, counted_holidays=["Christmas Day"]).is_working_day(both)


def test_holiday_names_are_the_packages_english_ones() -> None:
    names = holiday_names()
    assert {"King's Day", "Good Friday", "Second Day of Christmas"} <= names
    assert not any(";" in name for name in names)


def test_unknown_holiday_names_looks_past_the_recent_years() -> None:
    """Queen's Day was last a holiday in 2013: known, though not among the
    years looked at first; a misspelling is unknown whatever the years."""
    assert unknown_holiday_names(["King's Day", "Queen's Day", "Liberation Day"]) == []
    assert unknown_holiday_names(["Kings Day", "Queen's Day", "Boxing Day"]) == [
        "Boxing Day",
        "Kings Day",
    ]


# --- honest words when the reply is written later than it should have been -----------


@pytest.mark.parametrize(
    ("language", "delayed", "normal"),
    [
        (
            "nl",
            "Uw bericht kwam op tijd binnen, maar door een vertraging aan onze kant krijgt u dit"
            " antwoord pas na de sluiting van de sollicitatietermijn op dinsdag 6 januari 2026"
            " om 23:59; toen uw bericht binnenkwam, was dat nog 2 dagen. Dat spijt ons.",
            "U heeft daarvoor de tijd tot",
        ),
        (
            "en",
            "Your message arrived in time, but a delay on our side means you receive this answer"
            " only after applications closed on Tuesday 6 January 2026 at 23:59; when your"
            " message arrived, that was 2 days away. We are sorry.",
            "You have until applications close",
        ),
    ],
)
def test_a_resubmit_request_written_after_closing_says_so(
    language: str, delayed: str, normal: str
) -> None:
    arrived_at = datetime(2026, 1, 4, 10, 0, tzinfo=AMS)
    renderer = TemplateRenderer([TEMPLATES], AMS)
    for written_at, late in [
        (datetime(2026, 1, 6, 23, 59, 59, tzinfo=AMS), False),  # closing instant: still open
        (datetime(2026, 1, 7, 0, 0, tzinfo=AMS), True),
        (datetime(2026, 11, 29, 9, 0, tzinfo=UTC), True),
    ]:
        reply = make_reply(
            ReplyKind.RESUBMIT_REQUEST, language, arrived_at=arrived_at, written_at=written_at
        )
        rendered = renderer.render(reply, FIRM)
        assert (delayed in rendered.text) is late, written_at
        assert (normal in rendered.text) is not late, written_at
        assert (delayed in rendered.html) is late, written_at


@pytest.mark.parametrize(
    ("language", "apology", "promise"),
    [
        ("nl", "ontvangt u deze bevestiging pas nu. Dat spijt ons.", "zo snel mogelijk"),
        ("en", "this acknowledgement reaches you only now. We are sorry.", "as soon as possible"),
    ],
)
def test_a_question_ack_written_after_its_answer_by_time_apologises(
    language: str, apology: str, promise: str
) -> None:
    arrived_at = datetime(2026, 1, 2, 11, 20, tzinfo=AMS)
    answer_by = WorkingCalendar(AMS).answer_by(arrived_at)
    renderer = TemplateRenderer([TEMPLATES], AMS)
    for written_at, late in [(answer_by, False), (answer_by + timedelta(seconds=1), True)]:
        reply = make_reply(
            ReplyKind.QUESTION_ACK,
            language,
            arrived_at=arrived_at,
            answer_by=answer_by,
            written_at=written_at,
        )
        text = renderer.render(reply, FIRM).text
        assert (apology in text) is late and (promise in text) is late
        assert "<strong>" not in text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_invitation_to_apply_once_closed_when_written(language: str) -> None:
    invitation = {"nl": "Wilt u solliciteren?", "en": "If you would like to apply"}[language]
    reply = make_reply(
        ReplyKind.QUESTION_ACK,
        language,
        arrived_at=datetime(2026, 1, 6, 12, 0, tzinfo=AMS),
        written_at=datetime(2026, 1, 7, 9, 0, tzinfo=AMS),
    )
    assert invitation not in TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM).text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_confirmation_offers_replacing_files_only_while_open(language: str) -> None:
    offer = {"nl": "wilt u een bestand vervangen?", "en": "would you like to replace a file?"}
    renderer = TemplateRenderer([TEMPLATES], AMS)
    arrived_at = datetime(2026, 1, 6, 21, 12, tzinfo=AMS)
    for written_at, offered in [
        (arrived_at, True),
        (datetime(2026, 1, 7, 10, 0, tzinfo=AMS), False),
    ]:
        reply = make_reply(
            ReplyKind.CONFIRMATION, language, arrived_at=arrived_at, written_at=written_at
        )
        assert (offer[language] in renderer.render(reply, FIRM).text) is offered
