"""The IMAP source: new messages by UID, peeked (never marked read), in batches.

Per folder a checkpoint says up to which UID everything is handled, under
which UIDVALIDITY. A message is moved (or flagged) only when the conductor
calls `mark_handled`, which it does after the store committed the message;
only then may the checkpoint pass it. A failed message holds the checkpoint
back, so it is fetched again next cycle until it is handled.
"""

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal, Protocol

from imapclient import IMAPClient

from ingest.errors import SourceUnavailable
from ingest.imap_connection import NETWORK_ERRORS, ImapServer, close_quietly, connect
from ingest.message import FetchedMessage

log = logging.getLogger("mailroom.ingest")

FETCH_BYTES = 32 * 1024 * 1024  # fetch bodies in groups up to this size
# A health probe tries once and briefly: `status` must answer while a server is down.
PROBE_TIMEOUT_SECONDS = 10.0


class Checkpoints(Protocol):
    """Where the source keeps its per-folder progress (the store, in the daemon)."""

    def load(self, source: str, folder: str) -> tuple[int, int] | None:
        """(UIDVALIDITY, handled-through UID) or None for a folder never read."""
        ...

    def save(self, source: str, folder: str, uidvalidity: int, handled_through: int) -> None: ...


@dataclass(frozen=True)
class FolderPlan:
    """A folder to read; older mail is left alone after `start_after` (a UID, or
    a date: only mail that arrived after that day)."""

    name: str
    start_after_uid: int = 0
    start_after_date: date | None = None


@dataclass(frozen=True)
class Disposal:
    """What happens to a handled message: moved to a folder per verdict, or flagged."""

    mode: Literal["move", "flag"] = "move"
    folder: str = "Processed/{verdict}"
    flag: str = "$MailroomHandled"


@dataclass
class _Progress:
    uidvalidity: int
    handled_through: int
    uids: list[int]
    handled: set[int] = field(default_factory=set)

    def advance(self, *uids: int) -> bool:
        """Mark `uids` handled; True when the checkpoint moved forward."""
        self.handled.update(uids)
        before = self.handled_through
        for candidate in self.uids:
            if candidate <= self.handled_through:
                continue
            if candidate not in self.handled:
                break
            self.handled_through = candidate
        return self.handled_through != before


class ImapSource:
    """One IMAP account and its folders; one login per cycle."""

    def __init__(
        self,
        name: str,
        server: ImapServer,
        folders: tuple[FolderPlan, ...],
        checkpoints: Checkpoints,
        disposal: Disposal = Disposal(),
        max_message_bytes: int = 50 * 1024 * 1024,
        batch_size: int = 50,
        read_only: bool = False,
    ) -> None:
        self.name = name
        self.server = server
        self.folders = folders
        self.checkpoints = checkpoints
        self.disposal = disposal
        self.max_message_bytes = max_message_bytes
        self.batch_size = batch_size
        self.read_only = read_only
        self._client: IMAPClient | None = None
        self._progress: dict[str, _Progress] = {}
        # (folder, uid, verdict) of handled messages not filed yet.
        self._queued: list[tuple[str, int, str]] = []
        self._known_folders: set[str] = set()
        self._delimiter: str | None = None

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Log in and yield each folder's new messages. The session stays open
        for `mark_handled` after the last one (the conductor may still be
        judging it) until `close`; a lost connection closes it at once."""
        self.close()
        self._client = connect(self.server)
        self._delimiter = None
        try:
            for plan in self.folders:
                yield from self._fetch_folder(self._client, plan)
        except NETWORK_ERRORS as exc:
            self.close()
            raise SourceUnavailable(f"{self.name}: connection lost: {exc}") from exc

    def mark_handled(self, message: FetchedMessage, verdict: str) -> None:
        """Queue the message's move (or flag); queued ones are filed together
        before the next batch is fetched and when the session closes, and only
        then does the checkpoint pass them. Never in read-only mode."""
        if self.read_only or message.uid is None:
            return
        if self._client is None:
            raise SourceUnavailable(f"{self.name}: no open session to file message {message.uid}")
        self._queued.append((message.folder, message.uid, verdict))

    def close(self) -> None:
        """File what is queued, then log out. A filing that fails leaves those
        messages where they are, and their checkpoint behind: the next cycle
        finds them handled in the store and files them then."""
        if self._client is None:
            return
        try:
            self._file_queued(self._client, None)
        except NETWORK_ERRORS as exc:
            log.warning("%s: handled messages not filed yet (%s)", self.name, type(exc).__name__)
        close_quietly(self._client)
        self._client = None

    def _file_queued(self, client: IMAPClient, selected: str | None) -> None:
        """Move or flag the queued messages, one command per folder and target;
        `selected` is the folder being read, selected again afterwards."""
        queued, self._queued = self._queued, []
        by_folder: dict[str, dict[str, list[int]]] = {}
        for folder, uid, verdict in queued:
            by_folder.setdefault(folder, {}).setdefault(verdict, []).append(uid)
        current = selected
        for folder, by_verdict in by_folder.items():
            if folder != current:
                client.select_folder(folder)
                current = folder
            for verdict, uids in by_verdict.items():
                self._dispose(client, uids, verdict)
            progress = self._progress[folder]
            if progress.advance(*(uid for uids in by_verdict.values() for uid in uids)):
                self.checkpoints.save(
                    self.name, folder, progress.uidvalidity, progress.handled_through
                )
        if selected is not None and current != selected:
            client.select_folder(selected)

    def _dispose(self, client: IMAPClient, uids: list[int], verdict: str) -> None:
        if self.disposal.mode == "move":
            self._move(client, uids, self._target(client, verdict))
        else:
            client.add_flags(uids, [self.disposal.flag.encode()])

    def backlog(self) -> int:
        """Messages above each folder's checkpoint not yet handled (a failed one
        holds its checkpoint back, so it counts): one login, one attempt, a short
        timeout, folders examined read-only."""
        probe = replace(
            self.server, attempts=1, timeout=min(self.server.timeout, PROBE_TIMEOUT_SECONDS)
        )
        client = connect(probe)
        try:
            return sum(len(self._pending(client, plan, readonly=True)[2]) for plan in self.folders)
        except NETWORK_ERRORS as exc:
            raise SourceUnavailable(f"{self.name}: connection lost: {exc}") from exc
        finally:
            close_quietly(client)

    def _fetch_folder(self, client: IMAPClient, plan: FolderPlan) -> Iterator[FetchedMessage]:
        uidvalidity, through, uids, uidnext = self._pending(client, plan, readonly=self.read_only)
        through = self._skip_handled(plan.name, uidvalidity, through, uids, uidnext)
        self._progress[plan.name] = _Progress(uidvalidity, through, uids)
        for batch in _chunks(uids, self.batch_size):
            self._file_queued(client, plan.name)
            yield from self._fetch_batch(client, plan.name, uidvalidity, batch)

    def _pending(
        self, client: IMAPClient, plan: FolderPlan, readonly: bool
    ) -> tuple[int, int, list[int], int]:
        """Select the folder; its UIDVALIDITY, checkpoint, the UIDs above it in
        order, and its UIDNEXT (0 when the server does not say)."""
        selected = client.select_folder(plan.name, readonly=readonly)
        uidvalidity = int(selected[b"UIDVALIDITY"])
        saved = self.checkpoints.load(self.name, plan.name)
        if saved is not None and saved[0] != uidvalidity:
            log.warning("folder %s of %s has a new UIDVALIDITY: resyncing", plan.name, self.name)
        through = saved[1] if saved is not None and saved[0] == uidvalidity else 0
        through = max(through, plan.start_after_uid)
        uids = sorted(u for u in client.search(self._criteria(plan, through)) if u > through)
        return uidvalidity, through, uids, int(selected.get(b"UIDNEXT", 0))

    def _skip_handled(
        self, folder: str, uidvalidity: int, through: int, uids: list[int], uidnext: int
    ) -> int:
        """Move the checkpoint up to the first message still to handle (or to the
        folder's end when there is none), and return it.

        What lies between was handled before (in flag mode it carries the flag,
        so the search passed it over), was left alone on purpose, or is gone.
        Without this a folder of thousands of flagged messages would be searched
        from an old checkpoint every cycle; with it the search starts at the
        newest mail. A message that failed is unflagged, so it still holds the
        checkpoint back. Mail that arrives after SELECT gets a UID at or above
        its UIDNEXT, above the checkpoint.
        """
        floor = uids[0] - 1 if uids else uidnext - 1
        if self.read_only or floor <= through:
            return through
        self.checkpoints.save(self.name, folder, uidvalidity, floor)
        return floor

    def _criteria(self, plan: FolderPlan, through: int) -> list[str | bytes | date]:
        criteria: list[str | bytes | date] = ["UID", f"{through + 1}:*"]
        if plan.start_after_date is not None:
            criteria += ["SINCE", plan.start_after_date + timedelta(days=1)]
        if self.disposal.mode == "flag":
            criteria += ["UNKEYWORD", self.disposal.flag]
        return criteria

    def _fetch_batch(
        self, client: IMAPClient, folder: str, uidvalidity: int, batch: list[int]
    ) -> Iterator[FetchedMessage]:
        meta = client.fetch(batch, ["RFC822.SIZE", "INTERNALDATE"])
        sizes = {uid: int(meta[uid][b"RFC822.SIZE"]) for uid in batch if uid in meta}
        present = [uid for uid in batch if uid in sizes]  # others were expunged meanwhile
        for group in _by_size(present, sizes, self.max_message_bytes):
            wanted = {uid: sizes[uid] <= self.max_message_bytes for uid in group}
            bodies = _bodies(client, [u for u in group if wanted[u]], b"BODY[]", "BODY.PEEK[]")
            heads = _bodies(
                client, [u for u in group if not wanted[u]], b"BODY[HEADER]", "BODY.PEEK[HEADER]"
            )
            for uid in group:
                raw = bodies.get(uid) if wanted[uid] else heads.get(uid)
                if raw is None:
                    continue
                yield FetchedMessage(
                    source=self.name,
                    folder=folder,
                    raw=raw,
                    arrived_at=meta[uid][b"INTERNALDATE"],
                    uidvalidity=uidvalidity,
                    uid=uid,
                    location=f"{folder}/{uid}",
                    size=sizes[uid],
                )

    def _target(self, client: IMAPClient, verdict: str) -> str:
        if self._delimiter is None:
            self._delimiter = hierarchy_delimiter(client)
        target = self.disposal.folder.format(verdict=verdict).replace("/", self._delimiter)
        if target not in self._known_folders:
            if not client.folder_exists(target):
                client.create_folder(target)
            self._known_folders.add(target)
        return target

    @staticmethod
    def _move(client: IMAPClient, uids: list[int], target: str) -> None:
        """MOVE where offered; else COPY, flag deleted and expunge those UIDs only."""
        if client.has_capability("MOVE"):
            client.move(uids, target)
            return
        client.copy(uids, target)
        client.add_flags(uids, [b"\\Deleted"])
        client.uid_expunge(uids)


def hierarchy_delimiter(client: IMAPClient) -> str:
    """The server's folder separator ("/" or "."), as LIST reports it for INBOX."""
    folders = client.list_folders(directory="", pattern="INBOX")
    separator = folders[0][1] if folders else b"/"
    return separator.decode() if isinstance(separator, bytes) else str(separator or "/")


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_size(batch: list[int], sizes: dict[int, int], cap: int) -> Iterator[list[int]]:
    """Groups whose bodies together stay under FETCH_BYTES (oversized count as 0)."""
    group: list[int] = []
    total = 0
    for uid in batch:
        size = sizes.get(uid, 0) if sizes.get(uid, 0) <= cap else 0
        if group and total + size > FETCH_BYTES:
            yield group
            group, total = [], 0
        group.append(uid)
        total += size
    if group:
        yield group


def _bodies(client: IMAPClient, uids: list[int], key: bytes, item: str) -> dict[int, bytes]:
    if not uids:
        return {}
    fetched = client.fetch(uids, [item])
    return {uid: bytes(data[key]) for uid, data in fetched.items() if key in data}
