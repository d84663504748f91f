"""Erasing a person's mail from the IMAP folders mailroom itself files into.

Erasure in the store does not reach the server: handled mail sits in the
folders it was moved to (`Processed/<verdict>`), and copies of our replies in
the folder they were appended to (Sent). `sweep` finds them there by their
`Message-ID` and deletes them. Folders people manage (the INBOX read in flag
mode, say) are not touched.

The search is a substring `SEARCH HEADER Message-ID` on a piece of the id that
needs no quoting (an id may hold `%` or `*`, which IMAP reads as wildcards);
each hit's `Message-ID` is then fetched and compared in full, so nothing else
is deleted. Deletion is `\\Deleted` plus `UID EXPUNGE` where the server offers
UIDPLUS; without it a plain `EXPUNGE` also removes what someone else flagged
`\\Deleted` in that folder, which they had already asked for.
"""

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from imapclient import IMAPClient

from ingest.errors import SourceUnavailable
from ingest.imap import hierarchy_delimiter
from ingest.imap_connection import NETWORK_ERRORS, ImapServer, close_quietly, connect

log = logging.getLogger("mailroom.ingest")

_NEEDS_NO_QUOTING = re.compile(r"[A-Za-z0-9.@_+=$!#&'?^`|~<>/-]+")
_MESSAGE_ID = b"BODY[HEADER.FIELDS (MESSAGE-ID)]"


@dataclass(frozen=True)
class FolderSweep:
    """A folder ("/" between levels) and the `<id@host>` tokens of the messages
    wanted there; None takes every message (a folder that holds nothing but
    copies of erased mail)."""

    folder: str
    message_ids: tuple[str, ...] | None


@dataclass(frozen=True)
class SweepResult:
    """Messages found per folder (deleted, unless only counted), and the
    folders that could not be searched because the server could not be reached."""

    copies: dict[str, int]
    unreached: tuple[str, ...] = ()


def sweep(server: ImapServer, plans: Sequence[FolderSweep], delete: bool) -> SweepResult:
    """Find (and with `delete`, delete) the messages `plans` name, in one session.

    Never raises for an outage: what could not be searched is returned in
    `unreached`, and what was done before the connection broke stays done.
    """
    try:
        client = connect(server)
    except SourceUnavailable as exc:
        cause = type(exc.__cause__ or exc).__name__
        log.warning("mailbox of %s not reached: %s", server.host, cause)
        return SweepResult({}, tuple(plan.folder for plan in plans))
    copies: dict[str, int] = {}
    done = 0
    try:
        delimiter = hierarchy_delimiter(client)
        for plan in plans:
            folder = plan.folder.replace("/", delimiter)
            if client.folder_exists(folder):
                found = _sweep_folder(client, folder, plan.message_ids, delete)
                if found:
                    copies[plan.folder] = found
            done += 1
    except NETWORK_ERRORS as exc:
        log.warning("mailbox of %s lost mid-erasure: %s", server.host, type(exc).__name__)
    finally:
        close_quietly(client)
    return SweepResult(copies, tuple(plan.folder for plan in plans[done:]))


def _sweep_folder(
    client: IMAPClient, folder: str, message_ids: tuple[str, ...] | None, delete: bool
) -> int:
    client.select_folder(folder, readonly=not delete)
    if message_ids is None:
        uids = sorted(client.search("ALL"))
    else:
        uids = sorted({uid for token in message_ids for uid in _matching(client, token)})
    if delete and uids:
        client.add_flags(uids, [b"\\Deleted"])
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(uids)
        else:
            client.expunge()
    return len(uids)


def _matching(client: IMAPClient, token: str) -> list[int]:
    """UIDs whose `Message-ID` holds `token` (an `<id@host>`, so it is the whole id)."""
    pieces = _NEEDS_NO_QUOTING.findall(token)
    if not pieces:
        return []
    candidates = client.search(["HEADER", "Message-ID", max(pieces, key=len)])
    if not candidates:
        return []
    wanted = token.encode("utf-8", "replace")
    headers = client.fetch(candidates, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    return [
        uid
        for uid, data in headers.items()
        if wanted in b" ".join(bytes(data.get(_MESSAGE_ID, b"")).split())
    ]
