"""The recruiters' daily digest: when it is due, what it covers, and planning it.

One digest per working day (no weekends, counted holidays or closure days),
from the configured local time on, to every recipient. It covers what
arrived since the previous digest's period ended, so the first after a long
weekend covers all of it; the very first covers the span since the previous
working day's digest time. It goes through the outbox like a reply: its own
`Message-ID`, retried by the normal drain, recorded in `digest_run`.
"""

import logging
from datetime import date, datetime, timedelta
from email.utils import make_msgid
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy.orm import Session

import store
from mailroom.app import App
from notify import (
    DigestView,
    Mailbox,
    RenderedReply,
    TemplateRenderer,
    compose_report,
    digest_view,
    render_digest,
    write_export,
)

log = logging.getLogger("mailroom.digest")


def due_day(app: App, now: datetime) -> date | None:
    """Today (in the firm's zone) when a digest may go now, else None."""
    settings = app.settings.digest
    local = now.astimezone(app.settings.firm.zone)
    if not settings.recipients or not app.calendar.is_working_day(local.date()):
        return None
    return local.date() if local.time() >= settings.time else None


def render(app: App, now: datetime) -> RenderedReply:
    """The digest as it would go now, without sending or recording anything."""
    with app.db.transaction() as session:
        view = _view(app, session, _since(app, session, now), now)
    return _render(app, view)


def send_if_due(app: App) -> bool:
    """Plan today's digest in the outbox when it is due and not yet planned.

    True when it was planned now. The unique day of `digest_run` keeps a
    second run, or a second instance, from planning it twice.
    """
    now = app.clock()
    day = due_day(app, now)
    if day is None:
        return False
    with app.db.transaction() as session:
        if store.digest_planned(session, day):
            return False
        since = _since(app, session, now)
        rendered = _render(app, _view(app, session, since, now))
        attachments = _overviews(app, session) if _may_attach(app) else []
        mails = [_mail(app, rendered, r, attachments, now) for r in _recipients(app)]
        store.record_digest(session, day, (since, now), mails, now)
    log.info("digest for %s planned for %d recipients", day.isoformat(), len(mails))
    return True


def _since(app: App, session: Session, now: datetime) -> datetime:
    """Where the previous digest ended; before the first, the configured time
    on the working day before today."""
    previous = store.last_digest_end(session)
    if previous is not None:
        return previous
    zone = app.settings.firm.zone
    day = now.astimezone(zone).date() - timedelta(days=1)
    while not app.calendar.is_working_day(day):
        day -= timedelta(days=1)
    return datetime.combine(day, app.settings.digest.time, tzinfo=zone)


def _view(app: App, session: Session, since: datetime, now: datetime) -> DigestView:
    content = store.digest_content(session, since, now)
    return digest_view(content, app.vacancies, app.settings.digest.language)


def _render(app: App, view: DigestView) -> RenderedReply:
    renderer = TemplateRenderer([app.settings.templates.directory], app.settings.firm.zone)
    return render_digest(renderer, view, app.settings.digest.language, app.settings.firm.name)


def _recipients(app: App) -> list[str]:
    return [str(address) for address in app.settings.digest.recipients]


def _mail(
    app: App,
    rendered: RenderedReply,
    recipient: str,
    attachments: list[tuple[str, bytes]],
    now: datetime,
) -> store.DigestMail:
    firm = app.settings.firm
    message_id = make_msgid(idstring="digest", domain=firm.own_domains[0])
    content = compose_report(
        Mailbox("", recipient),
        rendered,
        Mailbox(firm.name, str(firm.address)),
        message_id,
        now,
        app.settings.digest.language,
        attachments,
    )
    return store.DigestMail(recipient, app.settings.digest.language, message_id, content)


def _may_attach(app: App) -> bool:
    """The overview holds applicants' data: only inside the firm, and only when asked."""
    domains = {d.lower() for d in app.settings.firm.own_domains}
    inside = all(r.rpartition("@")[2].lower() in domains for r in _recipients(app))
    return app.settings.digest.attach_overview and inside


def _overviews(app: App, session: Session) -> list[tuple[str, bytes]]:
    """Each configured vacancy's committee overview (xlsx), written to a
    scratch folder that is gone again once the bytes are read."""
    firm = app.settings.firm
    found: list[tuple[str, bytes]] = []
    with TemporaryDirectory() as scratch:
        for slug, facts in app.vacancies.items():
            rows = store.vacancy_overview(
                session, slug, own_addresses=[str(firm.address)], own_domains=firm.own_domains
            )
            result = write_export(
                rows,
                lambda digest: store.get_blob(session, digest),
                Path(scratch) / slug,
                firm.zone,
                reference_prefix=facts.reference_prefix,
            )
            found.append((f"overview-{slug}.xlsx", result.xlsx_path.read_bytes()))
    return found
