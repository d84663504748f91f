"""The sources' progress, kept in the store: IMAP folder checkpoints, and which
local messages are handled."""

import store
from mailroom.clock import Clock


class StoreCheckpoints:
    """`ingest.imap.Checkpoints` and the local sources' `Ledger`, backed by the
    database, one short transaction each; `salt` recognises erased messages."""

    def __init__(self, db: store.Database, clock: Clock, salt: bytes) -> None:
        self.db = db
        self.clock = clock
        self.salt = salt

    def load(self, source: str, folder: str) -> tuple[int, int] | None:
        with self.db.transaction() as session:
            saved = store.load_checkpoint(session, source, folder)
        return (saved.uidvalidity, saved.handled_through) if saved is not None else None

    def save(self, source: str, folder: str, uidvalidity: int, handled_through: int) -> None:
        checkpoint = store.Checkpoint(uidvalidity, handled_through)
        with self.db.transaction() as session:
            store.save_checkpoint(session, source, folder, checkpoint, self.clock())

    def unhandled(self, source: str, digests: list[str]) -> int:
        with self.db.transaction() as session:
            return store.unhandled_local(session, source, digests, self.salt)
