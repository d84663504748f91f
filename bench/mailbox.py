"""The run's private Dovecot: one account holding the corpus, reset between rounds."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tests.dovecot import Dovecot, DovecotServer
from tests.imapsetup import IN_WINDOW

FOLDER = "INBOX"
HANDLED = "$MailroomHandled"  # the flag mailroom's flag mode sets (ingest's default)


@contextmanager
def mailbox(messages: Sequence[Path]) -> Iterator[Dovecot]:
    """A started Dovecot whose one account's INBOX holds `messages`, all arrived
    inside the example vacancy's window; stopped and removed afterwards."""
    with DovecotServer() as server:
        server.start()
        dovecot = Dovecot(server, server.add_account("bench@example.test"))
        with dovecot.session() as client:
            for path in messages:  # one session: a login per message would dominate
                client.append(FOLDER, path.read_bytes(), msg_time=IN_WINDOW)
        yield dovecot


def unmark(dovecot: Dovecot) -> None:
    """Clear mailroom's handled flag on every message, so the next round sees them new."""
    with dovecot.session() as client:
        client.select_folder(FOLDER)
        client.remove_flags(client.search("ALL"), [HANDLED], silent=True)
