"""A cycle costs what is new in the mailbox, not what it has held.

In flag mode handled mail stays in the folder; thousands of flagged messages
and nothing new must cost a SEARCH, not a FETCH (docs/architecture.md §4).
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from imapclient import IMAPClient
from sqlalchemy import func, select

from mailroom.app import build_app, prepare_database
from mailroom.checkpoints import StoreCheckpoints
from mailroom.clock import fixed_clock
from mailroom.cycle import run_cycle
from mailroom.settings import Settings
from store.models import InboundMessage

from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_settings, question
from ..support import TEST_NOW

HANDLED = 2000
FLAG = "$MailroomHandled"


@pytest.fixture
def fetches(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[list[int], Any]]]:
    """Every FETCH any IMAP client issues: its UIDs and data items."""
    calls: list[tuple[list[int], Any]] = []
    fetch = IMAPClient.fetch

    def counting(client: IMAPClient, messages: Any, data: Any, modifiers: Any = None) -> Any:
        calls.append((list(messages), data))
        return fetch(client, messages, data, modifiers)

    monkeypatch.setattr(IMAPClient, "fetch", counting)
    yield calls


def test_thousands_of_flagged_messages_cost_no_fetch(
    settings: Settings, dovecot: Dovecot, isolated_env: Path, fetches: list[tuple[list[int], Any]]
) -> None:
    with dovecot.session() as client:
        for number in range(HANDLED):
            client.append("INBOX", question(number), flags=(FLAG,), msg_time=IN_WINDOW)
        uidvalidity = int(client.select_folder("INBOX", readonly=True)[b"UIDVALIDITY"])
    configured = imap_settings(settings, dovecot, isolated_env, processed="flag")
    with build_app(configured, fixed_clock(TEST_NOW)) as app:
        prepare_database(app)
        checkpoints = StoreCheckpoints(app.db, app.clock, app.salt)
        checkpoints.save("chasse", "INBOX", uidvalidity, HANDLED // 2)  # behind the flags
        fetches.clear()  # the setup's own

        idle = run_cycle(app)

        assert (idle.verdicts, idle.failed, idle.seen_before) == ({}, 0, 0)
        assert fetches == []
        with app.db.transaction() as session:
            assert session.scalar(select(func.count()).select_from(InboundMessage)) == 0
        assert checkpoints.load("chasse", "INBOX") == (uidvalidity, HANDLED)

        new = dovecot.append("INBOX", question(HANDLED), IN_WINDOW)
        assert run_cycle(app).verdicts == {"question": 1}
        assert {uid for uids, _ in fetches for uid in uids} == {new}
    assert FLAG in dovecot.flags("INBOX")[new]
