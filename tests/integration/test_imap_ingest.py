"""The IMAP source against a real Dovecot: once, in order, never read, filed by verdict."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

import store
from ingest.imap import ImapSource
from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.cycle import run_cycle
from mailroom.settings import Settings
from store.models import InboundMessage, OutboxReply

from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, append_examples, imap_settings, question
from ..support import TEST_NOW


def _app(settings: Settings, dry_run: bool = False) -> App:
    app = build_app(settings, fixed_clock(TEST_NOW), dry_run=dry_run)
    prepare_database(app)
    return app


def dovecot_internaldate(number: int) -> datetime:
    return IN_WINDOW + timedelta(minutes=number)


def _count(app: App, model: type[store.models.Base]) -> int:
    with app.db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_five_hundred_messages_stored_once_never_read_and_filed(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    for number in range(500):
        dovecot.append("INBOX", question(number), dovecot_internaldate(number))
    with _app(imap_settings(settings, dovecot, isolated_env, batch_size=64)) as app:
        first = run_cycle(app)
        second = run_cycle(app)
        assert first.verdicts == {"question": 500} and first.unavailable_sources == []
        assert (second.verdicts, second.seen_before) == ({}, 0)
        assert _count(app, InboundMessage) == 500 and _count(app, OutboxReply) == 500
    assert dovecot.folder_uids("INBOX") == []
    filed = dovecot.flags(f"Processed{dovecot.delimiter}question")
    assert len(filed) == 500
    assert not any("\\Seen" in flags for flags in filed.values())


def test_examples_are_judged_by_internaldate_and_filed_per_verdict(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    append_examples(dovecot)
    with _app(imap_settings(settings, dovecot, isolated_env)) as app:
        report = run_cycle(app)
    assert report.verdicts == {"valid": 2, "invalid": 4, "late": 1, "question": 2, "automated": 2}
    folders = set(dovecot.folders())
    for verdict in report.verdicts:
        assert f"Processed{dovecot.delimiter}{verdict}" in folders
    assert dovecot.folder_uids("INBOX") == []


def test_flag_mode_leaves_messages_in_place_and_skips_them_next_time(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    for number in range(3):
        dovecot.append("INBOX", question(number), dovecot_internaldate(number))
    with _app(imap_settings(settings, dovecot, isolated_env, processed="flag")) as app:
        assert run_cycle(app).verdicts == {"question": 3}
        assert run_cycle(app).seen_before == 0
    flags = dovecot.flags("INBOX")
    assert len(flags) == 3 and all("$MailroomHandled" in f for f in flags.values())


def test_recreated_folder_with_a_new_uidvalidity_reprocesses_nothing(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    raws = [question(n) for n in range(4)]
    for number, raw in enumerate(raws[:2]):
        dovecot.append("Sollicitaties", raw, dovecot_internaldate(number))
    config = imap_settings(
        settings, dovecot, isolated_env, processed="flag", folders=["Sollicitaties"]
    )
    with _app(config) as app:
        run_cycle(app)
        dovecot.delete_folder("Sollicitaties")
        for number, raw in enumerate(raws):
            dovecot.append("Sollicitaties", raw, dovecot_internaldate(number))
        report = run_cycle(app)
        assert report.verdicts == {"question": 2} and report.seen_before == 2
        assert _count(app, InboundMessage) == 4 and _count(app, OutboxReply) == 4
    flags = dovecot.flags("Sollicitaties")
    assert len(flags) == 4 and all("$MailroomHandled" in f for f in flags.values())


def test_a_failing_store_commit_leaves_the_message_in_the_inbox(
    settings: Settings, dovecot: Dovecot, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dovecot.append("INBOX", question(1), dovecot_internaldate(1))
    with _app(imap_settings(settings, dovecot, isolated_env)) as app:
        original = store.record_inbound

        def broken(*args: object, **kwargs: object) -> store.StoredMessage:
            raise RuntimeError("database went away")

        monkeypatch.setattr(store, "record_inbound", broken)
        assert run_cycle(app).failed == 1
        assert len(dovecot.folder_uids("INBOX")) == 1
        monkeypatch.setattr(store, "record_inbound", original)
        assert run_cycle(app).verdicts == {"question": 1}
    assert dovecot.folder_uids("INBOX") == []


def test_an_outage_mid_run_is_survived_and_the_next_cycle_catches_up(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    for number in range(5):
        dovecot.append("INBOX", question(number), dovecot_internaldate(number))
    with _app(imap_settings(settings, dovecot, isolated_env)) as app:
        dovecot.stop()
        down = run_cycle(app)
        assert down.unavailable_sources == ["chasse"]
        with app.db.transaction() as session:
            [health] = store.source_health(session)
            assert health.down_since is not None and health.outages == 1
        dovecot.start()
        up = run_cycle(app)
        assert up.verdicts == {"question": 5} and up.unavailable_sources == []
        with app.db.transaction() as session:
            [health] = store.source_health(session)
            assert health.down_since is None and health.last_ok_at is not None
    assert dovecot.folder_uids("INBOX") == []


def test_dry_run_and_start_after_leave_server_and_outbox_untouched(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    uids = [dovecot.append("INBOX", question(n), dovecot_internaldate(n)) for n in range(4)]
    before = (dovecot.folders(), dovecot.flags("INBOX"), dovecot.messages("INBOX"))
    config = imap_settings(settings, dovecot, isolated_env)
    with _app(config, dry_run=True) as app:
        report = run_cycle(app)
        assert report.verdicts == {"question": 4} and len(report.would_do) == 4
        assert _count(app, OutboxReply) == 0
    assert (dovecot.folders(), dovecot.flags("INBOX"), dovecot.messages("INBOX")) == before
    assert not (isolated_env / "outbox").exists()

    later = imap_settings(settings, dovecot, isolated_env, start_after={"INBOX": uids[1]})
    with _app(later) as app:
        report = run_cycle(app)
        assert report.verdicts == {"question": 2}
    assert dovecot.folder_uids("INBOX") == uids[:2]


def test_an_oversized_message_is_fetched_as_headers_only(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    big = question(1).replace(b"(vraag 1)", b"x" * 4096)
    dovecot.append("INBOX", big, dovecot_internaldate(1))
    config = imap_settings(settings, dovecot, isolated_env)
    limits = config.limits.model_copy(update={"max_message_bytes": 2048})
    with _app(config.model_copy(update={"limits": limits})) as app:
        report = run_cycle(app)
        with app.db.transaction() as session:
            [row] = session.query(InboundMessage).all()
            assert (row.verdict, row.reasons) == ("invalid", ["too_large"])
            assert row.size < 2048 and b"xxxx" not in store.raw_message(session, row.id)
    assert report.verdicts == {"invalid": 1}
    assert len(dovecot.folder_uids(f"Processed{dovecot.delimiter}invalid")) == 1


def test_start_after_a_date_leaves_that_day_and_older_mail_alone(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    older = dovecot.append("INBOX", question(1), IN_WINDOW - timedelta(days=2))
    same_day = dovecot.append("INBOX", question(2), IN_WINDOW)
    dovecot.append("INBOX", question(3), IN_WINDOW + timedelta(days=1))
    config = imap_settings(settings, dovecot, isolated_env, start_after={"INBOX": IN_WINDOW.date()})
    with _app(config) as app:
        assert run_cycle(app).verdicts == {"question": 1}
    assert dovecot.folder_uids("INBOX") == [older, same_day]


def test_without_move_a_message_is_copied_deleted_and_only_its_uid_expunged(
    settings: Settings, dovecot: Dovecot
) -> None:
    keep = dovecot.append("INBOX", question(1), IN_WINDOW)
    move = dovecot.append("INBOX", question(2), IN_WINDOW)
    with dovecot.session() as client:
        client.select_folder("INBOX")
        client.add_flags([keep], [b"\\Deleted"])  # someone else's pending deletion
        client.has_capability = lambda name: name != "MOVE"  # type: ignore[method-assign]
        dovecot.create_folder("Archief")
        ImapSource._move(client, [move], "Archief")
    assert dovecot.folder_uids("INBOX") == [keep]
    assert len(dovecot.folder_uids("Archief")) == 1


def test_two_folders_read_ahead_are_each_filed_from_their_own_folder(
    settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> None:
    """The last messages of the first folder are concluded while the second is
    already selected; each must still be moved out of the folder it sits in."""
    dovecot.create_folder("Sollicitaties")
    for number in range(5):
        dovecot.append("INBOX", question(number), IN_WINDOW)
        dovecot.append("Sollicitaties", question(100 + number), IN_WINDOW)
    config = imap_settings(
        settings, dovecot, isolated_env, folders=["INBOX", "Sollicitaties"], batch_size=2
    )
    with _app(config) as app:
        assert run_cycle(app).verdicts == {"question": 10}
        assert run_cycle(app).verdicts == {}
    assert dovecot.folder_uids("INBOX") == dovecot.folder_uids("Sollicitaties") == []
    assert len(dovecot.folder_uids(f"Processed{dovecot.delimiter}question")) == 10
