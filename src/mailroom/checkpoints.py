"""The IMAP source's folder progress, kept in the store."""

import store
from mailroom.clock import Clock


class StoreCheckpoints:
    """`ingest.imap.Checkpoints` backed by the database, one short transaction each."""

    def __init__(self, db: store.Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def load(self, source: str, folder: str) -> tuple[int, int] | None:
        with self.db.transaction() as session:
            saved = store.load_checkpoint(session, source, folder)
        return (saved.uidvalidity, saved.handled_through) if saved is not None else None

    def save(self, source: str, folder: str, uidvalidity: int, handled_through: int) -> None:
        checkpoint = store.Checkpoint(uidvalidity, handled_through)
        with self.db.transaction() as session:
            store.save_checkpoint(session, source, folder, checkpoint, self.clock())
