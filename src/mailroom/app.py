"""The composition root: the only place that builds engines, sources and transports."""

import threading
from dataclasses import dataclass, field
from datetime import datetime

import store
from ingest import SentScan, Source
from mailroom.checkpoints import StoreCheckpoints
from mailroom.clock import Clock, Sleep, cut_short_by
from mailroom.config import ConfigError
from mailroom.facts import build_reply_wording
from mailroom.heartbeat import Heartbeat
from mailroom.metrics import Metrics
from mailroom.salt import installation_salt
from mailroom.settings import LimitSettings, Settings, Vacancy
from mailroom.sources import build_sent_scans, build_sources
from mailroom.transports import build_transport, send_account
from notify import (
    Composer,
    Outbox,
    ReplyPolicy,
    SendRate,
    TemplateRenderer,
    Transport,
    VacancyFacts,
    WorkingCalendar,
)
from parse import ParseContext, PdfLimits, PdfSandbox, VacancyWindow


class DatabaseBehind(Exception):
    """PostgreSQL schema is older than this code; ops must migrate on purpose."""


@dataclass(frozen=True)
class App:
    """Everything a cycle needs, built once from the settings."""

    settings: Settings
    clock: Clock
    db: store.Database
    sources: tuple[Source, ...]
    outbox: Outbox
    claimant: store.Claimant
    renderers: dict[str, TemplateRenderer]
    # Writes replies ahead of their decision, in a process of its own (notify.composer).
    composer: Composer
    vacancies: dict[str, VacancyFacts]
    windows: tuple[VacancyWindow, ...]
    policy: ReplyPolicy
    calendar: WorkingCalendar
    # Keys the tombstones and the audit log's hashes; see mailroom.salt.
    salt: bytes
    pdf: PdfSandbox
    # Which sources this instance polls, when several share the database.
    poll_locks: store.PollLocks
    dry_run: bool = False
    # Where people's own replies are filed; they answer questions (mailroom.questions).
    sent_scans: tuple[SentScan, ...] = ()
    # Set by SIGTERM/SIGINT: work stops after the message in hand, waits end early.
    stopping: threading.Event = field(default_factory=threading.Event)
    heartbeat: Heartbeat = field(default_factory=Heartbeat)
    # What the daemon serves to Prometheus (mailroom.metrics_server).
    metrics: Metrics = field(default_factory=Metrics)

    def parse_context(
        self,
        arrived_at: datetime,
        our_reply_ids: frozenset[str] = frozenset(),
        original_size: int | None = None,
    ) -> ParseContext:
        return ParseContext(
            arrived_at=arrived_at,
            vacancies=self.windows,
            own_domains=frozenset(d.lower() for d in self.settings.firm.own_domains),
            max_pdf_pages=self.settings.limits.pdf_max_pages,
            our_reply_ids=our_reply_ids,
            original_size=original_size,
            authserv_id=self.settings.firm.authserv_id,
        )

    @property
    def transport(self) -> Transport:
        return self.outbox.transport

    def close(self) -> None:
        """Stop the PDF workers and the composer, end the transport's session,
        release the database."""
        self.pdf.close()
        self.composer.close()
        self.poll_locks.close()
        self.transport.close()
        self.claimant.close()
        self.db.dispose()

    def __enter__(self) -> "App":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def build_app(
    settings: Settings, clock: Clock, dry_run: bool = False, sleep: Sleep | None = None
) -> App:
    """Wire the stages together; opens the database but sends nothing.

    A `dry_run` app decides and stores, but leaves mailboxes untouched and
    plans no replies. `sleep` is how the outbox waits out its send rate;
    by default a wait that `App.stopping` cuts short.
    Raises ConfigError, before opening anything, when the reply templates or
    FAQ answers cannot be used, and also for a database URL that cannot work;
    store.DatabaseUnreachable when PostgreSQL does not answer.
    """
    firm = settings.firm
    wording = build_reply_wording(settings)
    try:
        db = store.connect(settings.store.url)
    except store.BadDatabaseUrl as exc:
        raise ConfigError(f"store.url: {exc}") from exc
    transport, delivery = build_transport(settings, clock)
    claimant = store.Claimant(db)
    salt = installation_salt(settings.privacy.salt_file)
    stopping = threading.Event()
    pdf = PdfSandbox(settings.limits.pdf_workers, _pdf_limits(settings.limits))
    metrics = Metrics(settings.service.instance_name)
    metrics.watch_store(db, clock, firm.zone)
    metrics.watch_pdf_workers(pdf)
    return App(
        settings=settings,
        clock=clock,
        db=db,
        sources=build_sources(settings, StoreCheckpoints(db, clock, salt), read_only=dry_run),
        outbox=Outbox(
            db,
            transport,
            clock,
            sleep or cut_short_by(stopping),
            delivery,
            SendRate(
                db,
                send_account(settings),
                delivery.per_minute,
                claimant.token,
                claimant.is_alive,
                delivery.lease,
            ),
            claimant.token,
            claimant.is_alive,
        ),
        claimant=claimant,
        renderers=wording.renderers,
        composer=Composer(wording.letterhead),
        vacancies=wording.facts,
        windows=tuple(_window(v) for v in settings.vacancies),
        policy=ReplyPolicy(
            own_addresses=frozenset({str(firm.address).lower()}),
            own_domains=frozenset(d.lower() for d in firm.own_domains),
            max_replies_per_address=settings.limits.replies_per_address_per_day,
        ),
        calendar=WorkingCalendar(
            firm.zone, firm.working_days.holidays, firm.working_days.closure_days
        ),
        salt=salt,
        pdf=pdf,
        poll_locks=store.PollLocks(db),
        dry_run=dry_run,
        sent_scans=build_sent_scans(settings),
        stopping=stopping,
        metrics=metrics,
    )


def prepare_database(app: App) -> None:
    """SQLite upgrades itself; PostgreSQL must be upgraded by `mailroom db upgrade`."""
    if app.db.is_sqlite:
        store.upgrade(app.db)
    else:
        behind = store.pending_revision(app.db)
        if behind is not None:
            raise DatabaseBehind(
                f"the database schema is behind (head is {behind}); run `mailroom db upgrade` first"
            )
    with app.db.transaction() as session:
        store.sync_vacancies(session, [_record(v) for v in app.settings.vacancies])


def _pdf_limits(limits: LimitSettings) -> PdfLimits:
    return PdfLimits(
        cpu_seconds=limits.pdf_cpu_seconds,
        memory_bytes=limits.pdf_memory_mb * 1024 * 1024,
        wall_seconds=limits.pdf_wall_seconds,
        max_pages=limits.pdf_max_pages,
        max_bytes=limits.pdf_max_mb * 1024 * 1024,
        engine=limits.pdf_engine,
    )


def _window(vacancy: Vacancy) -> VacancyWindow:
    return VacancyWindow(
        slug=vacancy.slug,
        opens_at=vacancy.opens_at,
        closes_at=vacancy.closes_at,
        addresses=frozenset(str(a).lower() for a in vacancy.routing.addresses),
        subject_keywords=tuple(vacancy.routing.subject_keywords),
    )


def _record(vacancy: Vacancy) -> store.VacancyRecord:
    return store.VacancyRecord(
        slug=vacancy.slug,
        title=vacancy.title,
        opens_at=vacancy.opens_at,
        closes_at=vacancy.closes_at,
        procedure_ends_at=vacancy.procedure_ends_at,
        retention_days=vacancy.retention_days,
    )
