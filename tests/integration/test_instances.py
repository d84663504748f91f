"""Several instances on one database (docs/architecture.md §8): real `mailroom`
processes against PostgreSQL and Dovecot, and the SQLite lock that keeps a
second one out."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

import store
from mailroom.app import App, build_app, prepare_database
from mailroom.cli import main
from mailroom.clock import fixed_clock
from mailroom.cycle import read_sources
from mailroom.health import assess
from mailroom.instances import RETENTION, first_today, taking_part
from mailroom.settings import Settings
from mailroom.status_view import health_json
from mailroom.summary import format_report

from ..databases import fresh_postgres_url
from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_config_file, question
from ..smtpserver import smtp_peer
from ..store_fixtures import ENGINES, app_on_engine, plan_replies
from ..support import EXAMPLE_CONFIG, REPO, TEST_NOW
from .test_daemon import Daemon, decided, message_ids, relay_config, running, stop, wait_for

POLL_SECONDS = 5  # the shortest poll interval the config allows


def test_a_second_run_on_sqlite_refuses_to_start_and_says_why(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = isolated_env / "mailroom.db"
    with running(EXAMPLE_CONFIG) as daemon:
        wait_for(lambda: decided(db) == 11, "the sample inbox", daemon)
        assert main(["--config", str(EXAMPLE_CONFIG), "run", "--once"]) == 2
        refused = capsys.readouterr().err
        stop(daemon)
    assert f"another mailroom run (pid {daemon.process.pid})" in refused
    assert "PostgreSQL" in refused
    # Once the first has stopped, the lock is free again.
    assert main(["--config", str(EXAMPLE_CONFIG), "run", "--once"]) == 0


def test_two_upgrades_started_together_migrate_once(isolated_env: Path) -> None:
    with fresh_postgres_url() as url:
        env = {**os.environ, "MAILROOM_STORE__URL": url}
        command = [sys.executable, "-m", "mailroom", "--config", str(EXAMPLE_CONFIG), "db"]
        upgrades = [
            subprocess.Popen(
                [*command, "upgrade"], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        said = sorted(process.communicate(timeout=120)[0] for process in upgrades)
        assert [process.returncode for process in upgrades] == [0, 0], said
        head = said[1].split("(")[-1].rstrip(")\n")
        assert said == [
            f"database schema upgraded from empty to {head}\n",
            f"database schema was already up to date ({head})\n",
        ]
        db = store.connect(url)
        with db.engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        db.dispose()
        assert versions == [(head,)]


@pytest.fixture
def postgres_app(settings: Settings) -> Iterator[App]:
    with app_on_engine("postgresql", settings) as app:
        yield app


def test_a_source_is_polled_by_one_instance_until_its_holder_is_gone(
    postgres_app: App, settings: Settings
) -> None:
    other = second_instance(postgres_app, settings)
    try:
        assert postgres_app.poll_locks.hold("chasse")
        assert not other.poll_locks.hold("chasse")
        assert other.poll_locks.hold("elsewhere")  # each source has a lock of its own
        assert postgres_app.poll_locks.held() == ["chasse"]
        postgres_app.poll_locks.close()  # as when its process dies: the session ends
        assert other.poll_locks.hold("chasse")
        assert other.poll_locks.held() == ["chasse", "elsewhere"]
    finally:
        other.close()


def test_a_cycle_leaves_a_source_another_instance_holds_alone(
    postgres_app: App, settings: Settings
) -> None:
    other = second_instance(postgres_app, settings)
    try:
        assert other.poll_locks.hold("example")
        skipped = read_sources(postgres_app)
        other.poll_locks.close()
        taken_over = read_sources(postgres_app)
    finally:
        other.close()
    assert (skipped.polled_elsewhere, sum(skipped.verdicts.values())) == (["example"], 0)
    assert "polled by another instance: example" in format_report(skipped)
    assert (taken_over.polled_elsewhere, sum(taken_over.verdicts.values())) == ([], 11)


def test_an_instance_whose_lock_session_was_lost_polls_no_more_than_it_holds(
    postgres_app: App, settings: Settings
) -> None:
    """The server ended the session holding the lock (a restart, a cut
    connection): the lock is free for the other instance, and the first one,
    on a new session, no longer thinks it holds it."""
    other = second_instance(postgres_app, settings)
    try:
        assert postgres_app.poll_locks.hold("chasse")
        with postgres_app.db.engine.connect() as admin:
            ended = admin.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks "
                    "WHERE locktype = 'advisory' AND pid <> pg_backend_pid()"
                )
            ).all()
        assert ended == [(True,)]
        wait_for(lambda: other.poll_locks.hold("chasse"), "the lock to be free")
        assert not postgres_app.poll_locks.hold("chasse")
        assert postgres_app.poll_locks.held() == []
        assert other.poll_locks.held() == ["chasse"]
    finally:
        other.close()


def test_an_instance_whose_sessions_were_ended_runs_on_under_its_name(
    postgres_app: App, settings: Settings
) -> None:
    """The server ended every session of a running instance (a restart, a cut
    network): the others see it gone and drop its row; with its next poll it
    is alive again under the same token, and listed again."""
    other = second_instance(postgres_app, settings)
    token = postgres_app.claimant.token
    try:
        with taking_part(postgres_app):
            with other.db.engine.connect() as admin:
                admin.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE application_name = :name"
                    ),
                    {"name": postgres_app.db.session_name},
                )
            wait_for(lambda: not other.claimant.is_alive(token), "its sessions to end")
            with other.db.transaction() as session:
                while_gone = store.running_instances(session, other.claimant.is_alive)
            read_sources(postgres_app)
            with other.db.transaction() as session:
                again = store.running_instances(session, other.claimant.is_alive)
    finally:
        other.close()
    assert while_gone == []
    assert [(i.pid, i.holds) for i in again] == [(os.getpid(), ("example",))]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_daily_retention_falls_to_the_first_instance_to_ask(
    engine: str, settings: Settings
) -> None:
    with app_on_engine(engine, settings) as app:
        other = second_instance(app, settings)
        try:
            assert first_today(app, RETENTION)
            assert not first_today(other, RETENTION)
            assert not first_today(app, RETENTION)
            tomorrow = second_instance(app, settings, TEST_NOW + timedelta(days=1))
            assert first_today(tomorrow, RETENTION)
            tomorrow.close()
        finally:
            other.close()
        with app.db.transaction() as session:
            days = session.execute(text("SELECT day FROM daily_run ORDER BY day")).scalars().all()
        assert [date.fromisoformat(str(day)) for day in days] == [
            TEST_NOW.date(),
            TEST_NOW.date() + timedelta(days=1),
        ]


def second_instance(app: App, settings: Settings, now: datetime = TEST_NOW) -> App:
    """Another instance on `app`'s database, its clock at `now`."""
    url = app.db.engine.url.render_as_string(hide_password=False)
    configured = settings.model_copy(
        update={"store": settings.store.model_copy(update={"url": url})}
    )
    second = build_app(configured, fixed_clock(now))
    prepare_database(second)
    return second


def rows(url: str, query: str) -> list[tuple[Any, ...]]:
    """What `query` finds in the shared database, over a connection of its own."""
    db = store.connect(url)
    try:
        with db.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        db.dispose()


def scalar(url: str, query: str) -> int:
    [(value,)] = rows(url, query)
    return int(value)


def holders(url: str) -> dict[int, list[str]]:
    """Each registered instance's pid and the sources it says it polls."""
    return {pid: list(holds) for pid, holds in rows(url, "SELECT pid, holds FROM instance")}


def handled(url: str) -> int:
    return scalar(url, "SELECT count(*) FROM inbound_message WHERE status = 'processed'")


@pytest.mark.timeout(300)
def test_when_the_poller_is_killed_the_other_instance_polls_within_the_interval(
    dovecot: Dovecot,
    isolated_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = imap_config_file(dovecot, isolated_env, "idle = false\n")
    with fresh_postgres_url() as url:
        monkeypatch.setenv("MAILROOM_STORE__URL", url)
        env = {"MAILROOM_STORE__URL": url, "MAILROOM_POLL_INTERVAL_SECONDS": str(POLL_SECONDS)}
        assert main(["--config", str(config), "db", "upgrade"]) == 0
        with running(config, **env) as first:
            wait_for(lambda: holders(url).get(first.process.pid) == ["chasse"], "a poller", first)
            with running(config, **env) as second:
                wait_for(lambda: second.process.pid in holders(url), "the second", second)
                dovecot.append("INBOX", question(1), IN_WINDOW)
                wait_for(lambda: handled(url) == 1, "the first message", second)
                assert holders(url)[second.process.pid] == []
                first.process.send_signal(signal.SIGKILL)
                first.process.wait(30)
                dovecot.append("INBOX", question(2), IN_WINDOW)
                taken = time.monotonic()
                wait_for(lambda: handled(url) == 2, "the second message", second)
                # Within the interval (with room for a slow machine), not at some later time.
                assert time.monotonic() - taken < 3 * POLL_SECONDS
                assert holders(url)[second.process.pid] == ["chasse"]
                assert main(["--config", str(config), "status"]) in (0, 1)
                shown = capsys.readouterr().out
                stop(second)
    assert f"pid {second.process.pid}): running since" in shown
    assert f"pid {first.process.pid})" not in shown  # killed: no longer listed


SHARED_RATE = 3


@pytest.mark.timeout(300)
def test_two_senders_keep_together_to_the_accounts_rate(isolated_env: Path) -> None:
    """Two `mailroom send` processes at once, six replies, three a minute: the
    relay sees at most three in any minute, every reply once."""
    config = isolated_env / "mailroom.toml"
    example = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    start, end = example.index("\n[transport]"), example.index("\n[templates]")
    with fresh_postgres_url() as url, smtp_peer(isolated_env) as peer:
        transport = (
            f'\n[transport]\nkind = "smtp"\nhost = "{peer.host}"\nport = {peer.port}\n'
            f'security = "plain"\nper_minute = {SHARED_RATE}\n'
        )
        config.write_text(example[:start] + transport + example[end:], encoding="utf-8")
        db = store.connect(url)
        store.upgrade(db)
        planned = plan_replies(db, 2 * SHARED_RATE)
        db.dispose()
        env = {**os.environ, "MAILROOM_STORE__URL": url}
        del env["MAILROOM_TRANSPORT__DIRECTORY"]  # the relay instead
        command = [sys.executable, "-m", "mailroom", "--config", str(config), "send"]
        senders = [
            subprocess.Popen(
                [*command, "--until-empty"], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        said = [sender.communicate(timeout=240)[0] for sender in senders]
        assert [sender.returncode for sender in senders] == [0, 0], said
        arrived = sorted(peer.handler.arrived)
        delivered = [rfc_id.strip() for rfc_id in message_ids(peer)]
    assert sorted(delivered) == sorted(planned)
    busiest = max(sum(1 for t in arrived if first <= t < first + 60) for first in arrived)
    assert busiest == SHARED_RATE


CHAOS_MESSAGES = 240
AS_OF = (IN_WINDOW + timedelta(hours=1)).isoformat()  # a working day, the vacancy open


def start_instance(config: Path, url: str) -> Daemon:
    """A `mailroom run` on the shared database, its calendar on a working day."""
    environment = {**os.environ, "MAILROOM_STORE__URL": url}
    environment["MAILROOM_POLL_INTERVAL_SECONDS"] = str(POLL_SECONDS)
    environment.pop("MAILROOM_TRANSPORT__DIRECTORY", None)
    command = [sys.executable, "-m", "mailroom", "--config", str(config), "--as-of", AS_OF, "run"]
    log = Path(tempfile.mkstemp(prefix="instance-", suffix=".log")[1])
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=REPO, env=environment, stdout=sink, stderr=subprocess.STDOUT
        )
    return Daemon(process, log)


def poller(url: str, daemons: list[Daemon]) -> Daemon | None:
    """The running instance that holds the mailbox now, if one does."""
    held = holders(url)
    return next((d for d in daemons if held.get(d.process.pid) == ["chasse"]), None)


@pytest.mark.timeout(600)
def test_two_instances_killed_and_restarted_handle_every_message_once(
    dovecot: Dovecot, isolated_env: Path
) -> None:
    """Two daemons on one mailbox, relay and database; the poller, then a
    sender, then the poller again is killed with SIGKILL and started again while
    mail keeps coming. Every message is judged once, every reply planned once
    and delivered under its own Message-ID (a second copy only of a reply
    recorded in doubt), and there is one digest."""
    with fresh_postgres_url() as url, smtp_peer(isolated_env) as peer:
        config = relay_config(dovecot, isolated_env, peer, "batch_size = 10\nidle = false\n")
        with config.open("a", encoding="utf-8") as digest:
            digest.write('\n[digest]\nrecipients = ["recruitment@chassesearch.nl"]\n')
        db = store.connect(url)
        store.upgrade(db)
        db.dispose()
        daemons = [start_instance(config, url), start_instance(config, url)]
        killed: list[Daemon] = []
        try:
            fed = 0

            def feed(count: int) -> None:
                nonlocal fed
                for number in range(fed, fed + count):
                    dovecot.append("INBOX", question(number), IN_WINDOW)
                fed += count

            def kill_and_restart(victim: Daemon) -> None:
                victim.process.send_signal(signal.SIGKILL)
                victim.process.wait(30)
                killed.append(victim)
                daemons[daemons.index(victim)] = start_instance(config, url)

            def stored() -> int:
                return scalar(url, "SELECT count(*) FROM inbound_message")

            wait_for(lambda: poller(url, daemons) is not None, "a poller")
            feed(80)
            wait_for(lambda: stored() >= 20, "the first messages")
            kill_and_restart(poller(url, daemons) or daemons[0])
            assert stored() < fed, "the poller had finished the batch: nothing to prove"
            feed(80)
            wait_for(lambda: len(peer.handler.received) >= 60, "replies going out")
            kill_and_restart(daemons[1])  # whichever it is, it was sending
            feed(CHAOS_MESSAGES - fed)
            wait_for(lambda: stored() >= fed - 40, "most of the rest")
            kill_and_restart(poller(url, daemons) or daemons[0])
            wait_for(lambda: handled(url) == CHAOS_MESSAGES, "every message")
            unsent = "SELECT count(*) FROM outbox WHERE status <> 'sent'"
            wait_for(lambda: scalar(url, unsent) == 0, "every reply sent")
            for daemon in daemons:
                stop(daemon)
        finally:
            for daemon in daemons + killed:
                if daemon.poll() is None:
                    daemon.process.kill()
                    print(f"instance's log (killed):\n{daemon.wait(30)}")
                daemon.log.unlink(missing_ok=True)
        outbox = rows(url, "SELECT rfc_message_id, in_doubt FROM outbox")
        planned = {str(rfc_id) for rfc_id, _ in outbox}
        in_doubt = {str(rfc_id) for rfc_id, doubt in outbox if doubt}
        delivered = [rfc_id.strip() for rfc_id in message_ids(peer)]
        assert scalar(url, "SELECT count(*) FROM inbound_message") == CHAOS_MESSAGES
        assert scalar(url, "SELECT count(DISTINCT uid) FROM inbound_message") == CHAOS_MESSAGES
        assert scalar(url, "SELECT count(*) FROM digest_run") == 1
    assert len(outbox) == len(planned) == CHAOS_MESSAGES + 1  # an answer each, the digest
    assert set(delivered) == planned
    repeated = {rfc_id for rfc_id in delivered if delivered.count(rfc_id) > 1}
    assert repeated <= in_doubt
    assert dovecot.folder_uids("INBOX") == []


@pytest.mark.parametrize("engine", ENGINES)
def test_status_lists_a_running_instance_and_what_it_polls_until_it_stops(
    engine: str, settings: Settings
) -> None:
    with app_on_engine(engine, settings) as app:
        with taking_part(app):
            read_sources(app)
            with app.db.transaction() as session:
                claimed = store.claim_due(
                    session, TEST_NOW, 3, timedelta(minutes=10), app.claimant.token
                )
                [message_pk] = session.execute(text("SELECT min(id) FROM inbound_message")).one()
                store.take_preparation(session, message_pk, app.claimant.token, TEST_NOW)
            running = json.loads(health_json(assess(app)))["instances"]
        stopped = json.loads(health_json(assess(app)))["instances"]
    assert len(claimed) == 3
    assert [(i["pid"], i["polls"], i["replies_claimed"], i["judging"]) for i in running] == [
        (os.getpid(), ["example"], 3, 1)
    ]
    assert stopped == []
