"""Local sources: read-only, every message once, arrival from the topmost Received."""

import mailbox
import os
import shutil
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest

from ingest import MaildirSource, MboxSource, SourceUnavailable
from ingest.received import arrival_time

from ..support import EXAMPLE_INBOX


def _mail(received_date: str | None, sent_date: str = "Mon, 01 Dec 2025 08:00:00 +0100") -> bytes:
    message = EmailMessage()
    if received_date:
        message["Received"] = f"from a.example.net by mx.example.nl; {received_date}"
        message["Received"] = "from b.example.net by a.example.net; Mon, 1 Dec 2025 07:00:00 +0000"
    message["From"] = "a@example.nl"
    message["Date"] = sent_date
    message.set_content("hallo")
    return message.as_bytes()


def test_arrival_is_the_topmost_received_date_not_date_header() -> None:
    raw = _mail("Wed, 07 Jan 2026 08:41:17 +0100")
    expected = datetime(2026, 1, 7, 8, 41, 17, tzinfo=timezone(timedelta(hours=1)))
    assert arrival_time(raw) == expected


def test_no_received_header_gives_none() -> None:
    assert arrival_time(_mail(None)) is None


def test_garbled_received_date_gives_none() -> None:
    assert arrival_time(_mail("not a date at all")) is None


def test_maildir_yields_every_example_once_and_changes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "inbox"
    shutil.copytree(EXAMPLE_INBOX, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    source = MaildirSource("example", copy)

    fetched = list(source.fetch_new())
    for message in fetched:
        source.mark_handled(message, "valid")

    assert len(fetched) == len(before)
    assert {m.raw for m in fetched} == set(before.values())
    assert all(m.arrived_at.tzinfo is not None for m in fetched)
    assert {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before


def test_maildir_without_received_uses_delivery_time(tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "md", create=True)
    box.add(_mail(None))
    stamp = datetime(2025, 12, 24, 12, 0, tzinfo=UTC).timestamp()
    os.utime(next((tmp_path / "md" / "new").iterdir()), (stamp, stamp))
    [message] = MaildirSource("md", tmp_path / "md").fetch_new()
    assert message.arrived_at == datetime(2025, 12, 24, 12, 0, tzinfo=UTC)


def test_mbox_reads_messages_and_falls_back_to_from_line(tmp_path: Path) -> None:
    path = tmp_path / "export.mbox"
    box = mailbox.mbox(path, create=True)
    with_received = mailbox.mboxMessage(_mail("Fri, 19 Dec 2025 10:15:03 +0100"))
    without = mailbox.mboxMessage(_mail(None))
    without.set_from("a@example.nl", (2025, 12, 22, 9, 30, 0, 0, 1, 0))
    box.add(with_received)
    box.add(without)
    box.close()

    arrivals = [m.arrived_at for m in MboxSource("export", path).fetch_new()]

    assert arrivals == [
        datetime(2025, 12, 19, 9, 15, 3, tzinfo=UTC),
        datetime(2025, 12, 22, 9, 30, 0, tzinfo=UTC),
    ]


def test_missing_source_is_reported_not_crashed(tmp_path: Path) -> None:
    with pytest.raises(SourceUnavailable, match="does not exist"):
        list(MaildirSource("gone", tmp_path / "nope").fetch_new())
