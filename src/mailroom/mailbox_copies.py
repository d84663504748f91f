"""Where mailroom left copies of a person's mail on its IMAP accounts, for erasure.

Only folders mailroom files into are searched: the `processed_folder` of each
account in move mode, once per verdict (`Processed/valid`, ...: where handled
mail went), and the folder copies of our replies were appended to
(`sent_copy_folder`). In flag mode handled mail stays in folders people
manage, and is left to them.
"""

from dataclasses import dataclass

import store
from ingest import FolderSweep, sweep
from mailroom.settings import ImapSourceSettings, Settings, SmtpTransportSettings
from mailroom.sources import imap_server
from parse import Verdict

# The verdict under which mail read again after its erasure is filed (see
# pipeline.handle): that folder holds nothing else, so erasure empties it.
ERASED = "erased"


@dataclass(frozen=True)
class MailboxCopies:
    """Messages per "account: folder", and the "account: folder" not reached."""

    copies: dict[str, int]
    unreached: tuple[str, ...]

    @property
    def total(self) -> int:
        return sum(self.copies.values())


def sweep_mailboxes(
    settings: Settings, inbound_ids: tuple[str, ...], reply_ids: tuple[str, ...], delete: bool
) -> MailboxCopies:
    """Find, and with `delete` delete, the mail with these `Message-ID`s (the
    person's messages, and our replies to them) on every IMAP account."""
    inbound = _tokens(inbound_ids)
    replies = _tokens(reply_ids)
    copies: dict[str, int] = {}
    unreached: list[str] = []
    for source in settings.sources:
        if not isinstance(source, ImapSourceSettings):
            continue
        plans = _plans(settings, source, inbound, replies)
        if not plans:
            continue
        result = sweep(imap_server(source), plans, delete)
        copies.update({f"{source.name}: {f}": n for f, n in result.copies.items()})
        missed = {_label(source, folder) for folder in result.unreached}
        unreached += [f"{source.name}: {label}" for label in sorted(missed)]
    return MailboxCopies(copies, tuple(unreached))


def _plans(
    settings: Settings,
    source: ImapSourceSettings,
    inbound: tuple[str, ...],
    replies: tuple[str, ...],
) -> list[FolderSweep]:
    plans = []
    if source.processed == "move":
        handled = _handled_folders(source)
        erased = source.processed_folder.format(verdict=ERASED)
        if erased not in handled:  # a folder of its own: nothing in it but erased mail
            plans.append(FolderSweep(erased, None))
        if inbound:
            plans += [FolderSweep(folder, inbound) for folder in sorted(handled)]
    transport = settings.transport
    if (
        replies
        and isinstance(transport, SmtpTransportSettings)
        and transport.sent_copy_source == source.name
    ):
        plans.append(FolderSweep(transport.sent_copy_folder, replies))
    return plans


def _handled_folders(source: ImapSourceSettings) -> set[str]:
    """Every folder `mark_handled` may have moved a message to, but the erased one."""
    verdicts = (*(v.value for v in Verdict), "failed")
    return {source.processed_folder.format(verdict=v) for v in verdicts}


def _label(source: ImapSourceSettings, folder: str) -> str:
    """The folder as ops know it: the processed folders as one pattern."""
    processed = _handled_folders(source) | {source.processed_folder.format(verdict=ERASED)}
    return source.processed_folder.replace("{verdict}", "*") if folder in processed else folder


def _tokens(message_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({t for t in map(store.message_id_token, message_ids) if t is not None}))
