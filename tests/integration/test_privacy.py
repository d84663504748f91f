"""Erasure, subject access and retention on both engines, proven by scanning the bytes
of the store and, for an IMAP source, of the mail server's own files."""

import argparse
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from sqlalchemy import text

import store
from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.commands import forget_person, status
from mailroom.cycle import run_cycle
from mailroom.instances import RETENTION, first_today
from mailroom.mailbox_copies import MailboxCopies
from mailroom.privacy import (
    export_for_committee,
    export_subject,
    forget,
    purge_expired,
    purge_expired_today,
)
from mailroom.settings import Settings, SmtpTransportSettings
from store.models import AuditEntry, Blob, Tombstone

from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, append_examples, examples, imap_settings
from ..smtpserver import SmtpPeer, smtp_peer
from ..store_fixtures import ENGINES, app_on_engine

SANNE = "sanne.devries@example.nl"
SANNE_MESSAGE_ID = "<01-valid-nl.20251219101503@example.nl>"


@pytest.fixture(params=ENGINES)
def loaded(request: pytest.FixtureRequest, settings: Settings, isolated_env: Path) -> Iterator[App]:
    """The example inbox handled once, on the engine under test."""
    with app_on_engine(request.param, settings) as app:
        run_cycle(app)
        yield app


@pytest.fixture(params=ENGINES)
def on_imap(
    request: pytest.FixtureRequest, settings: Settings, dovecot: Dovecot, isolated_env: Path
) -> Iterator[tuple[App, SmtpPeer]]:
    """The example inbox delivered to Dovecot and handled once: filed under
    Processed/<verdict>, answered over SMTP with each reply's copy in Sent."""
    append_examples(dovecot)
    with smtp_peer(isolated_env) as peer:
        transport = SmtpTransportSettings(
            kind="smtp", host=peer.host, port=peer.port, security="plain", sent_copy_source="chasse"
        )
        config = imap_settings(settings, dovecot, isolated_env).model_copy(
            update={"transport": transport}
        )
        with app_on_engine(request.param, config) as app:
            run_cycle(app)
            yield app, peer


def _cv_sentence(make_inbox: ModuleType) -> str:
    [case] = [c for c in make_inbox.CASES if c.case_id == "01-valid-nl"]
    return case.pdf_phrases[1]


def _sqlite_bytes(app: App) -> bytes:
    path = Path(app.db.engine.url.database or "")
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return b"".join(p.read_bytes() for p in files if p.exists())


def _postgres_rows_containing(app: App, needle: str) -> list[str]:
    """Tables with a row whose text form (tsvectors included) or bytes hold `needle`."""
    found = []
    with app.db.engine.connect() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        for table in tables:
            binary = connection.execute(
                text(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = :t AND data_type = 'bytea'"
                ),
                {"t": table},
            ).scalars()
            tests = [f"position(convert_to(:n, 'UTF8') in {c}) > 0" for c in binary]
            tests.append(f"{table}::text ILIKE '%' || :n || '%'")
            query = f"SELECT count(*) FROM {table} WHERE " + " OR ".join(tests)
            if connection.execute(text(query), {"n": needle}).scalar():
                found.append(table)
    return found


def _holds(app: App, needle: str) -> bool:
    if app.db.is_sqlite:
        return needle.encode() in _sqlite_bytes(app)
    return bool(_postgres_rows_containing(app, needle))


def _mail_files_containing(dovecot: Dovecot, needle: str) -> list[str]:
    """The server's files for this account (mail, indexes, caches) holding `needle`."""
    account = dovecot.server.mail_dir / dovecot.user
    return sorted(
        str(p.relative_to(account))
        for p in account.rglob("*")
        if p.is_file() and needle.encode() in p.read_bytes()
    )


def _mailbox(dovecot: Dovecot) -> dict[str, list[bytes]]:
    """Every message the account serves, by folder (parents that hold none skipped)."""
    with dovecot.session() as client:
        listed = client.list_folders()
    names = [str(name) for flags, _, name in listed if b"\\Noselect" not in flags]
    return {folder: dovecot.messages(folder) for folder in sorted(names)}


def _server_holds(dovecot: Dovecot, needle: str) -> bool:
    served = any(needle.encode() in raw for box in _mailbox(dovecot).values() for raw in box)
    return served or bool(_mail_files_containing(dovecot, needle))


def test_forget_leaves_no_trace_in_database_search_or_outbox(
    loaded: App, make_inbox: ModuleType
) -> None:
    sentence = _cv_sentence(make_inbox)
    outbox = Path(loaded.settings.transport.directory)
    assert _holds(loaded, SANNE) and _holds(loaded, sentence), "fixture must hold both first"
    with loaded.db.transaction() as session:
        assert store.search(session, sentence.split()[-1])

    erased = forget(loaded, "Sanne.deVries+sollicitatie@Example.nl").erased

    assert erased.messages == 1 and erased.blobs >= 3  # the raw mail and two PDFs
    assert run_cycle(loaded).erased_again == 1  # the read-only Maildir still holds her mail
    assert not _holds(loaded, SANNE)
    assert not _holds(loaded, sentence)
    assert not any(SANNE.encode() in p.read_bytes() for p in outbox.glob("*.eml"))
    with loaded.db.transaction() as session:
        assert all(h.applicant != SANNE for h in store.search(session, "motivatie"))
        [entry] = session.query(AuditEntry).filter_by(action="forget").all()
        assert entry.subject_hash and SANNE not in json.dumps(entry.detail)
        assert sum(store.verdict_counts(session).values()) == len(make_inbox.CASES) - 1


def test_subject_export_holds_everything_on_one_person(loaded: App, tmp_path: Path) -> None:
    out = tmp_path / "sar"
    written = export_subject(loaded, SANNE, out)

    assert written is not None
    summary = json.loads((out / "summary.json").read_text())
    [message] = summary["messages"]
    assert summary["address"] == SANNE and message["verdict"] == "valid"
    assert [d["name_as_sent"] for d in message["documents"]] == [
        "Motivatiebrief Sanne de Vries.pdf",
        "CV Sanne de Vries.pdf",
    ]
    assert (out / message["file"]).read_bytes().startswith(b"Received:")
    assert all((out / d["file"]).read_bytes().startswith(b"%PDF-") for d in message["documents"])
    assert all((out / d["text_file"]).read_text() for d in message["documents"])
    [reply] = message["replies"]
    assert reply["status"] == "sent" and SANNE.encode() in (out / reply["file"]).read_bytes()
    assert export_subject(loaded, "nobody@example.org", tmp_path / "none") is None


def test_the_days_purge_is_left_to_the_instance_that_took_the_day(loaded: App) -> None:
    """Another instance asked first today: this one purges nothing, even what is
    due; on the next day it is its turn."""
    [vacancy] = loaded.settings.vacancies
    keeping = loaded.settings.model_copy(
        update={"vacancies": [vacancy.model_copy(update={"retention_days": 30})]}
    )
    today, tomorrow = datetime(2026, 3, 15, tzinfo=UTC), datetime(2026, 3, 16, tzinfo=UTC)
    with (
        build_app(keeping, fixed_clock(today)) as other,
        build_app(keeping, fixed_clock(today)) as this,
        build_app(keeping, fixed_clock(tomorrow)) as next_day,
    ):
        prepare_database(other)
        assert first_today(other, RETENTION)

        assert purge_expired_today(this) == []
        assert _holds(this, SANNE)
        assert purge_expired_today(next_day) == ["ipo-bij12"]
        assert not _holds(this, SANNE)


def test_retention_purges_an_ended_vacancy_once_its_time_is_up(loaded: App) -> None:
    [vacancy] = loaded.settings.vacancies
    keeping = loaded.settings.model_copy(
        update={"vacancies": [vacancy.model_copy(update={"retention_days": 30})]}
    )
    early = build_app(keeping, fixed_clock(datetime(2026, 2, 15, tzinfo=UTC)))
    late = build_app(keeping, fixed_clock(datetime(2026, 3, 15, tzinfo=UTC)))
    prepare_database(early)

    assert purge_expired(early) == []
    assert purge_expired(late) == ["ipo-bij12"]

    with late.db.transaction() as session:
        assert store.verdict_counts(session) == {}
        assert session.query(AuditEntry).filter_by(action="retention_purge").count() == 1
    assert not _holds(late, SANNE)
    assert list(Path(keeping.transport.directory).glob("*.eml")) == []
    early.close()
    late.close()


def test_forget_rewrites_the_committee_export_it_wrote(loaded: App, tmp_path: Path) -> None:
    out = tmp_path / "committee"
    export_for_committee(loaded, "ipo-bij12", out)
    before = (out / "overview.csv").read_text(encoding="utf-8-sig")
    assert SANNE in before and any("Sanne" in p.name for p in (out / "documents").iterdir())

    forget(loaded, SANNE)

    after = (out / "overview.csv").read_text(encoding="utf-8-sig")
    assert SANNE not in after and len(after.splitlines()) == len(before.splitlines()) - 1
    assert not any("Sanne" in p.name for p in (out / "documents").iterdir())
    workbook = openpyxl.load_workbook(out / "overview.xlsx")
    cells = [str(c.value) for row in workbook.active.iter_rows() for c in row]
    assert not any(SANNE in cell for cell in cells)


def test_forget_on_imap_clears_the_mailbox_and_sticks_for_two_cycles(
    on_imap: tuple[App, SmtpPeer],
    dovecot: Dovecot,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app, peer = on_imap
    answered = len(peer.handler.received)
    assert _server_holds(dovecot, SANNE) and _holds(app, SANNE), "fixture must hold her first"
    caplog.set_level(logging.DEBUG)

    forgotten = forget(app, SANNE)

    processed = f"Processed{dovecot.delimiter}valid"
    assert forgotten.mailbox == MailboxCopies({"chasse: Processed/valid": 1, "chasse: Sent": 1}, ())
    assert len(dovecot.folder_uids(processed)) == 1  # the other valid application stays
    assert len(dovecot.folder_uids("Sent")) == answered - 1
    assert not _server_holds(dovecot, SANNE) and not _holds(app, SANNE)

    # Read again: a re-delivered copy (one more Received line, so other bytes
    # but the same Message-ID), and the very same bytes.
    raw = dict(examples())["01-valid-nl"]
    relayed = b"Received: from relay2 by mx1.chassesearch.nl; Mon, 22 Dec 2025 10:00:00 +0100\r\n"
    dovecot.append("INBOX", relayed + raw, IN_WINDOW)
    dovecot.append("INBOX", raw, IN_WINDOW)
    first, second = run_cycle(app), run_cycle(app)
    assert (first.erased_again, first.verdicts, first.replies_planned) == (2, {}, 0)
    assert (second.erased_again, second.verdicts, second.seen_before) == (0, {}, 0)
    assert len(peer.handler.received) == answered
    assert dovecot.folder_uids("INBOX") == []
    assert len(dovecot.folder_uids(f"Processed{dovecot.delimiter}erased")) == 2
    assert not _holds(app, SANNE)
    assert status(app, argparse.Namespace(json=False)) == 0
    assert "erased messages seen again: 1 (read 2 times" in capsys.readouterr().out

    # The copies that came back are filed apart, and the next erasure empties that folder.
    again = forget(app, "someone.else@example.org")
    assert again.mailbox.copies == {"chasse: Processed/erased": 2}
    assert not _server_holds(dovecot, SANNE)
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("mailroom")]
    assert ours and not any(SANNE in line or SANNE_MESSAGE_ID in line for line in ours)


def test_forget_dry_run_lists_what_would_go_and_changes_nothing(
    on_imap: tuple[App, SmtpPeer], dovecot: Dovecot, capsys: pytest.CaptureFixture[str]
) -> None:
    app, _ = on_imap
    before = _mailbox(dovecot)
    with app.db.transaction() as session:
        counts = (store.verdict_counts(session), store.outbox_counts(session))
        blobs = session.query(Blob).count()

    args = argparse.Namespace(address=SANNE, dry_run=True, yes=False)
    assert forget_person(app, args) == 0

    listed = [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]
    for line in ["messages 1", "documents 2", "replies 1"]:
        assert line in listed
    assert "mailbox copies, chasse: Processed/valid 1" in listed
    assert "mailbox copies, chasse: Sent 1" in listed
    assert _mailbox(dovecot) == before
    with app.db.transaction() as session:
        assert (store.verdict_counts(session), store.outbox_counts(session)) == counts
        assert session.query(Blob).count() == blobs
        assert session.query(Tombstone).count() == 0
        assert not session.query(AuditEntry).filter_by(action="forget").count()


def test_forget_with_the_mail_server_down_erases_the_store_and_names_what_it_missed(
    on_imap: tuple[App, SmtpPeer], dovecot: Dovecot, capsys: pytest.CaptureFixture[str]
) -> None:
    app, _ = on_imap
    dovecot.stop()

    assert forget_person(app, argparse.Namespace(address=SANNE, dry_run=False, yes=True)) == 1

    out, err = capsys.readouterr()
    assert "erased 1 message(s)" in out
    assert err.strip() == (
        "not reached (delete the person's mail there by hand): chasse: Processed/*, chasse: Sent"
    )
    assert not _holds(app, SANNE)
    dovecot.start()
    assert _server_holds(dovecot, SANNE)
