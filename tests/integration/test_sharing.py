"""A poller's backlog judged partly by another instance's workers
(docs/architecture.md §8): two apps on one PostgreSQL database, in this
process, the helper's claims and the poller's use of them step by step."""

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import text

import parse
import store
from bench.corpus import generate
from mailroom.app import App
from mailroom.cycle import read_sources
from mailroom.helping import Helper
from mailroom.instances import taking_part
from mailroom.pipeline import Received, analyse_bytes, receive_all
from mailroom.preparing import Sharing, shared_analysis, sharing_for
from mailroom.settings import Settings
from mailroom.stopwatch import Stopwatch

from ..databases import fresh_postgres_url
from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW
from ..smtpserver import smtp_peer
from ..store_fixtures import app_on_engine
from ..support import TEST_NOW
from .test_daemon import relay_config, stop, wait_for
from .test_instances import handled, holders, rows, scalar, second_instance, start_instance
from .test_instances import poller as poller_of

EXAMPLES = 11  # messages in the example source, most of them holding PDFs
GONE = "pg:mailroom:gone"  # no session carries that name


@pytest.fixture
def poller(settings: Settings) -> Iterator[App]:
    with app_on_engine("postgresql", settings) as app:
        yield app


@contextmanager
def both_running(poller: App, helper: App) -> Iterator[None]:
    """Both registered as instances, the poller holding the example source."""
    with ExitStack() as running:
        running.enter_context(taking_part(poller))
        running.enter_context(taking_part(helper))
        assert poller.poll_locks.hold("example")
        yield


def judged_here(app: App, monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The raw messages `app` will judge itself from now on, in order."""
    judged: list[bytes] = []
    analyse = app.pdf.analyse

    def counting(raw: bytes, context: parse.ParseContext) -> parse.Analysis:
        judged.append(raw)
        return analyse(raw, context)

    monkeypatch.setattr(app.pdf, "analyse", counting)
    return judged


def store_unjudged(app: App) -> list[Received]:
    """The example source's messages stored raw, none of them judged yet."""
    [source] = app.sources
    arrivals = [(fetched, Stopwatch()) for fetched in source.fetch_new()]
    received = receive_all(app, source, arrivals)
    assert all(isinstance(r, Received) for r in received)
    return [r for r in received if isinstance(r, Received)]


def shares(app: App) -> Sharing:
    sharing = sharing_for(app)
    assert sharing is not None  # on PostgreSQL, outside a dry run
    return sharing


def help_until_done(helper: App) -> int:
    """Run the helper's claims until nothing is left to claim; how many it took."""
    helping, taken = Helper(helper, shares(helper)), 0
    with ThreadPoolExecutor(2) as judges:
        while claimed := helping.help_once(judges):
            taken += claimed
    return taken


def preparations(app: App) -> list[tuple[int, str, bool, str | None]]:
    with app.db.engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT message_id, holder, frame IS NOT NULL, context_key "
                "FROM preparation ORDER BY message_id"
            )
        )
        return [(int(pk), str(holder), bool(done), key) for pk, holder, done, key in found]


def test_the_poller_concludes_its_backlog_with_what_another_instance_prepared(
    poller: App, app: App, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Everything the helper prepared is used as it stands: the poller judges
    nothing itself, decides as it would have alone, and keeps no leftovers."""
    alone = read_sources(app).verdicts  # the same messages, judged by one instance on SQLite
    helper = second_instance(poller, settings)
    try:
        with both_running(poller, helper):
            backlog = store_unjudged(poller)
            taken = help_until_done(helper)
            prepared = preparations(poller)
            here = judged_here(poller, monkeypatch)
            report = read_sources(poller)
            left = preparations(poller)
    finally:
        helper.close()
    assert taken == len(backlog) == EXAMPLES
    assert {(holder, done) for _, holder, done, _ in prepared} == {(helper.claimant.token, True)}
    assert here == []
    assert report.verdicts == alone
    assert left == []


def test_an_analysis_made_under_another_configuration_is_not_used(
    poller: App, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An instance configured otherwise (here: one more own domain, as during
    a rolling change) prepares under its own key; the poller judges every
    message again itself."""
    firm = settings.firm.model_copy(
        update={"own_domains": [*settings.firm.own_domains, "example.org"]}
    )
    helper = second_instance(poller, settings.model_copy(update={"firm": firm}))
    assert shares(helper).key != shares(poller).key
    try:
        with both_running(poller, helper):
            store_unjudged(poller)
            assert help_until_done(helper) == EXAMPLES
            here = judged_here(poller, monkeypatch)
            report = read_sources(poller)
    finally:
        helper.close()
    assert len(here) == EXAMPLES
    assert sum(report.verdicts.values()) == EXAMPLES


def test_the_poller_waits_for_a_live_helper_and_takes_over_from_a_dead_one(
    poller: App, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One message is claimed by a live helper that finishes a moment later:
    the poller waits and uses its analysis. Another was claimed by a holder
    that is gone: the poller takes it over at once and judges it itself."""
    helper = second_instance(poller, settings)
    try:
        with both_running(poller, helper):
            backlog = store_unjudged(poller)
            slow, dead = backlog[0], backlog[1]
            far = datetime.now(UTC) + timedelta(hours=1)
            with poller.db.transaction() as session:
                assert (
                    store.take_preparation(session, slow.stored.id, helper.claimant.token, far)
                    is None
                )
                assert store.take_preparation(session, dead.stored.id, GONE, far) is None
            finishing = threading.Thread(target=finish_later, args=(helper, slow, 1.0))
            here = judged_here(poller, monkeypatch)
            finishing.start()
            report = read_sources(poller)
            finishing.join()
    finally:
        helper.close()
    assert slow.raw not in here
    assert dead.raw in here
    assert len(here) == EXAMPLES - 1
    assert sum(report.verdicts.values()) == EXAMPLES


def finish_later(helper: App, received: Received, seconds: float) -> None:
    """The helper's analysis of `received`, saved after `seconds`."""
    analysis = analyse_bytes(helper, received.raw, received.fetched.arrived_at)
    time.sleep(seconds)
    with helper.db.transaction() as session:
        store.save_preparation(
            session,
            received.stored.id,
            helper.claimant.token,
            parse.encode_analysis(analysis),
            shares(helper).key_for(over_cap=False),
        )


def test_an_analysis_of_the_whole_message_is_not_used_for_one_kept_as_headers_only(
    poller: App, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The poller knows from the fetch whether only the headers of a message
    over the size cap were kept; a helper reads it from the stored bytes. An
    analysis made as of the whole message serves only a poller that kept it
    whole."""
    helper = second_instance(poller, settings)
    try:
        with both_running(poller, helper):
            first = store_unjudged(poller)[0]
            with helper.db.transaction() as session:
                far = datetime.now(UTC) + timedelta(hours=1)
                store.take_preparation(session, first.stored.id, helper.claimant.token, far)
            finish_later(helper, first, 0)
            here = judged_here(poller, monkeypatch)
            judge = partial(analyse_bytes, poller, first.raw, first.fetched.arrived_at)
            shared_analysis(poller, shares(poller), first.stored.id, first.raw, False, judge)
            judged_as_whole = list(here)
            shared_analysis(poller, shares(poller), first.stored.id, first.raw, True, judge)
    finally:
        helper.close()
    assert judged_as_whole == []
    assert here == [first.raw]


@pytest.mark.timeout(120)  # the claims' lease is three minutes: waiting it out fails
def test_a_message_the_helper_cannot_judge_is_handed_back_at_once(
    poller: App, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    helper = second_instance(poller, settings)
    refuse: Callable[..., parse.Analysis] = failing
    monkeypatch.setattr(helper.pdf, "analyse", refuse)
    try:
        with both_running(poller, helper):
            store_unjudged(poller)
            assert help_until_done(helper) == EXAMPLES
            handed_back = preparations(poller)
            here = judged_here(poller, monkeypatch)
            report = read_sources(poller)
    finally:
        helper.close()
    assert [done for _, _, done, _ in handed_back] == [False] * EXAMPLES
    assert len(here) == EXAMPLES
    assert Counter(report.verdicts).total() == EXAMPLES


def failing(raw: bytes, context: parse.ParseContext) -> parse.Analysis:
    raise RuntimeError("this instance cannot judge")


def test_two_helpers_claiming_at_once_take_different_messages_newest_first(
    poller: App, settings: Settings
) -> None:
    """The first helper's claim is still uncommitted when the second claims:
    the second skips the rows the first has locked instead of waiting for them."""
    first, second = second_instance(poller, settings), second_instance(poller, settings)
    until = datetime.now(UTC) + timedelta(minutes=5)
    try:
        backlog = [received.stored.id for received in store_unjudged(poller)]
        with first.db.transaction() as one, second.db.transaction() as other:
            taken = store.claim_backlog(one, first.claimant.token, ["example"], 3, until, TEST_NOW)
            also = store.claim_backlog(
                other, second.claimant.token, ["example"], 3, until, TEST_NOW
            )
        with poller.db.transaction() as session:
            unlisted = store.claim_backlog(session, "someone", ["elsewhere"], 3, until, TEST_NOW)
    finally:
        first.close()
        second.close()
    newest = sorted(backlog, reverse=True)
    assert [c.message_pk for c in taken] == newest[:3]
    assert [c.message_pk for c in also] == newest[3:6]
    assert unlisted == []


def test_a_message_that_failed_at_the_poller_is_anyones_to_prepare_once_due(
    poller: App, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    helper = second_instance(poller, settings)
    analyse = poller.pdf.analyse

    def failing_for_the_first(raw: bytes, context: parse.ParseContext) -> parse.Analysis:
        return failing(raw, context) if raw == first.raw else analyse(raw, context)

    try:
        with both_running(poller, helper):
            first, *_ = store_unjudged(poller)
            monkeypatch.setattr(poller.pdf, "analyse", failing_for_the_first)
            report = read_sources(poller)
            with helper.db.transaction() as session:
                claimed = store.claim_backlog(
                    session,
                    helper.claimant.token,
                    ["example"],
                    EXAMPLES,
                    datetime.now(UTC) + timedelta(minutes=5),
                    TEST_NOW + timedelta(days=1),  # its retry is due by then
                )
    finally:
        helper.close()
    assert (report.failed, sum(report.verdicts.values())) == (1, EXAMPLES - 1)
    assert [c.message_pk for c in claimed] == [first.stored.id]


BACKLOG = 60


@pytest.mark.timeout(600)
def test_an_instance_that_polls_nothing_judges_part_of_the_pollers_backlog(
    dovecot: Dovecot, isolated_env: Path
) -> None:
    """Two daemons, then a backlog of applications with two PDFs each in their
    one mailbox: the one that does not poll lends its workers, and still every
    message is judged once and answered once, with nothing left prepared."""
    backlog = list(generate(14, BACKLOG))
    with fresh_postgres_url() as url, smtp_peer(isolated_env) as peer:
        config = relay_config(dovecot, isolated_env, peer, "idle = false\n")
        db = store.connect(url)
        store.upgrade(db)
        db.dispose()
        daemons = [start_instance(config, url), start_instance(config, url)]
        try:
            wait_for(lambda: len(holders(url)) == 2, "both instances")
            wait_for(lambda: poller_of(url, daemons) is not None, "a poller")
            polling = poller_of(url, daemons)
            for raw in backlog:
                dovecot.append("INBOX", raw, IN_WINDOW)
            wait_for(lambda: handled(url) == BACKLOG, "the backlog judged")
            logs = {daemon.process.pid: stop(daemon) for daemon in daemons}
        finally:
            for daemon in daemons:
                if daemon.poll() is None:
                    daemon.process.kill()
                    print(f"instance's log (killed):\n{daemon.wait(30)}")
                daemon.log.unlink(missing_ok=True)
        verdicts = rows(url, "SELECT verdict, count(*) FROM inbound_message GROUP BY verdict")
        replies = rows(url, "SELECT count(*), count(DISTINCT message_id) FROM outbox")
        left = scalar(url, "SELECT count(*) FROM preparation")
    helped = [pid for pid, log in logs.items() if PREPARED in log]
    assert verdicts == [("valid", BACKLOG)]
    assert replies == [(BACKLOG, BACKLOG)]
    assert left == 0
    assert polling is not None
    assert helped == [pid for pid in logs if pid != polling.process.pid]


PREPARED = "prepared for another instance"


def test_a_failed_message_is_claimed_once_its_retry_is_due(poller: App, settings: Settings) -> None:
    helper = second_instance(poller, settings)
    until = datetime.now(UTC) + timedelta(minutes=5)
    try:
        due, later, given_up, *stored = [r.stored.id for r in store_unjudged(poller)]
        with poller.db.transaction() as session:
            store.record_failure(session, due, "OSError: once", TEST_NOW - timedelta(minutes=1))
            store.record_failure(session, later, "OSError: once", TEST_NOW + timedelta(minutes=1))
            store.record_failure(session, given_up, "OSError: for the last time", None)
        with helper.db.transaction() as session:
            claimed = store.claim_backlog(
                session, helper.claimant.token, ["example"], 2 * EXAMPLES, until, TEST_NOW
            )
    finally:
        helper.close()
    assert sorted(c.message_pk for c in claimed) == sorted([due, *stored])
