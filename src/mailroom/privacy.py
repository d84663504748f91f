"""The privacy duties: erase a person, purge expired vacancies, export what is held."""

import logging
from dataclasses import dataclass
from pathlib import Path

import store
from mailroom.app import App
from mailroom.instances import RETENTION, first_today
from mailroom.mailbox_copies import MailboxCopies, sweep_mailboxes
from notify import ExportRefused, ExportResult, write_export, write_subject_export
from store import (
    Erased,
    Held,
    audit,
    export_directories,
    forget_person,
    held_on,
    purge_vacancy,
    scrub,
    subject_hash,
    vacancies_due_for_purge,
)

log = logging.getLogger("mailroom.privacy")


@dataclass(frozen=True)
class Forgotten:
    """What `forget` erased from the store, and from the mailboxes mailroom files into."""

    erased: Erased
    mailbox: MailboxCopies


def preview_forget(app: App, address: str) -> tuple[Held, MailboxCopies]:
    """What `forget` would erase, in the store and on the IMAP accounts; changes nothing."""
    with app.db.transaction() as session:
        held = held_on(session, address)
    mailbox = sweep_mailboxes(
        app.settings, held.inbound_message_ids, held.reply_message_ids, delete=False
    )
    return held, mailbox


def forget(app: App, address: str) -> Forgotten:
    """Erase one person from the database, the search index, the reply files and
    the IMAP folders mailroom files into, leaving tombstones so nothing comes back.

    The database goes first and always: a mailbox that cannot be reached is
    reported in the result (and logged by folder name), not a reason to keep
    the person's data.
    """
    with app.db.transaction() as session:
        erased = forget_person(session, address, app.salt, app.clock())
    for message_id in erased.reply_message_ids:
        app.transport.discard(message_id)
    mailbox = sweep_mailboxes(
        app.settings, erased.inbound_message_ids, erased.reply_message_ids, delete=True
    )
    refresh_exports(app, erased.vacancies)
    scrub(app.db)
    log.info(
        "erasure done: %d messages, %d blobs, %d mailbox copies",
        erased.messages,
        erased.blobs,
        mailbox.total,
    )
    if mailbox.unreached:
        log.warning("erasure did not reach %s", ", ".join(mailbox.unreached))
    return Forgotten(erased, mailbox)


def export_for_committee(app: App, vacancy: str, out_dir: Path) -> ExportResult:
    """Write the committee overview and remember where, so erasure can follow it.

    The firm's own address and domains are left out of the overview. A
    vacancy no longer configured keeps its export (an erasure rewrites it),
    but its reference prefix is gone with its settings: its slug in capitals
    stands in, and a warning says so.
    """
    firm = app.settings.firm
    with app.db.transaction() as session:
        rows = store.vacancy_overview(
            session,
            vacancy,
            own_addresses=[str(firm.address)],
            own_domains=firm.own_domains,
        )
        result = write_export(
            rows,
            lambda digest: store.get_blob(session, digest),
            out_dir,
            firm.zone,
            reference_prefix=_reference_prefix(app, vacancy),
        )
        detail = {"vacancy": vacancy, "directory": str(out_dir.resolve())}
        audit(session, "export", app.clock(), detail=detail)
    return result


def _reference_prefix(app: App, vacancy: str) -> str:
    facts = app.vacancies.get(vacancy)
    if facts is not None:
        return facts.reference_prefix
    log.warning("vacancy %s is no longer configured: its references use its slug", vacancy)
    return vacancy.upper()


def refresh_exports(app: App, vacancies: tuple[str, ...]) -> None:
    """Rewrite the committee exports of these vacancies that still exist on disk,
    so an erased or purged person also leaves the files mailroom wrote."""
    with app.db.transaction() as session:
        places = export_directories(session, vacancies)
    for vacancy, directory in places:
        if Path(directory).is_dir():
            try:
                export_for_committee(app, vacancy, Path(directory))
            except ExportRefused:
                log.warning("export of %s left alone: its folder holds other files", vacancy)


def purge_expired_today(app: App) -> list[str]:
    """The day's retention purge, done by whichever instance asks first (the
    daemon's job and `run --once` both ask); the slugs purged."""
    return purge_expired(app) if first_today(app, RETENTION) else []


def purge_expired(app: App) -> list[str]:
    """Purge every vacancy whose retention period has run out; returns their slugs."""
    with app.db.transaction() as session:
        due = vacancies_due_for_purge(session, app.clock())
    purged = []
    for slug in due:
        with app.db.transaction() as session:
            erased = purge_vacancy(session, slug, app.salt, app.clock())
        for message_id in erased.reply_message_ids:
            app.transport.discard(message_id)
        refresh_exports(app, erased.vacancies)
        if erased.messages:
            purged.append(slug)
            log.info("retention purge of vacancy %s: %d messages", slug, erased.messages)
    if purged:
        scrub(app.db)
    return purged


def export_subject(app: App, address: str, out_dir: Path) -> list[Path] | None:
    """Write everything held on one person; None when nothing is held."""
    with app.db.transaction() as session:
        data = store.subject_data(session, address)
    if data is None:
        return None
    written = write_subject_export(data, out_dir)
    with app.db.transaction() as session:
        audit(session, "subject_export", app.clock(), subject_hash(address, app.salt))
    return written
