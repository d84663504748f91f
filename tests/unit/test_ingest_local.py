"""Local sources: read-only, every message once, arrival from a trusted Received line."""

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

MX = ("mx.example.nl",)


def _mail(
    received_date: str | None,
    sent_date: str = "Mon, 01 Dec 2025 08:00:00 +0100",
    on_top: tuple[str, ...] = (),
) -> bytes:
    """A message as delivered: `on_top` lines first (a forger's or a later hop's),
    then our MX's line dated `received_date`, then the sender's own hop."""
    message = EmailMessage()
    for line in on_top:
        message["Received"] = line
    if received_date:
        message["Received"] = (
            f"from a.example.net ([192.0.2.1]) by mx.example.nl (Postfix); {received_date}"
        )
        message["Received"] = "from b.example.net by a.example.net; Mon, 1 Dec 2025 07:00:00 +0000"
    message["From"] = "a@example.nl"
    message["Date"] = sent_date
    message.set_content("hallo")
    return message.as_bytes()


def test_arrival_is_the_trusted_received_date_not_date_header() -> None:
    raw = _mail("Wed, 07 Jan 2026 08:41:17 +0100")
    expected = datetime(2026, 1, 7, 8, 41, 17, tzinfo=timezone(timedelta(hours=1)))
    assert arrival_time(raw, MX) == expected


def test_a_line_another_host_added_on_top_is_ignored() -> None:
    """A sender's own server (or the sender) can write any date into its own line."""
    forged = "from x.example.org by mail.sender.example; Mon, 05 Jan 2026 12:00:00 +0100"
    raw = _mail("Wed, 07 Jan 2026 08:41:17 +0100", on_top=(forged,))
    assert arrival_time(raw, MX) == datetime(2026, 1, 7, 7, 41, 17, tzinfo=UTC)


def test_by_in_a_comment_does_not_name_the_host() -> None:
    forged = (
        "from evil.example (authenticated by mx.example.nl) by relay.evil.example;"
        " Mon, 05 Jan 2026 12:00:00 +0100"
    )
    raw = _mail("Wed, 07 Jan 2026 08:41:17 +0100", on_top=(forged,))
    assert arrival_time(raw, MX) == datetime(2026, 1, 7, 7, 41, 17, tzinfo=UTC)


def test_a_leading_dot_trusts_every_host_of_a_domain() -> None:
    raw = _mail("Wed, 07 Jan 2026 08:41:17 +0100")
    assert arrival_time(raw, (".example.nl",)) == datetime(2026, 1, 7, 7, 41, 17, tzinfo=UTC)
    assert arrival_time(raw, (".other.example",)) is None


def test_nothing_trusted_reads_no_received_line() -> None:
    assert arrival_time(_mail("Wed, 07 Jan 2026 08:41:17 +0100"), ()) is None


def test_no_received_header_gives_none() -> None:
    assert arrival_time(_mail(None), MX) is None


def test_garbled_received_date_gives_none() -> None:
    assert arrival_time(_mail("not a date at all"), MX) is None


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


def test_maildir_without_a_trusted_line_uses_the_delivery_stamp_of_the_name(
    tmp_path: Path,
) -> None:
    mailbox.Maildir(tmp_path / "md", create=True)
    stamp = int(datetime(2025, 12, 24, 12, 0, tzinfo=UTC).timestamp())
    (tmp_path / "md" / "new" / f"{stamp}.M1P2.mx").write_bytes(
        _mail("Wed, 07 Jan 2026 08:41:17 +0100")
    )
    [message] = MaildirSource("md", tmp_path / "md", ("other.example",)).fetch_new()
    assert message.arrived_at == datetime(2025, 12, 24, 12, 0, tzinfo=UTC)


def test_maildir_name_without_a_stamp_uses_the_file_time(tmp_path: Path) -> None:
    mailbox.Maildir(tmp_path / "md", create=True)
    path = tmp_path / "md" / "new" / "exported-message"
    path.write_bytes(_mail(None))
    stamp = datetime(2025, 12, 24, 12, 0, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    [message] = MaildirSource("md", tmp_path / "md", MX).fetch_new()
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

    arrivals = [m.arrived_at for m in MboxSource("export", path, MX).fetch_new()]

    assert arrivals == [
        datetime(2025, 12, 19, 9, 15, 3, tzinfo=UTC),
        datetime(2025, 12, 22, 9, 30, 0, tzinfo=UTC),
    ]


def test_missing_source_is_reported_not_crashed(tmp_path: Path) -> None:
    with pytest.raises(SourceUnavailable, match="does not exist"):
        list(MaildirSource("gone", tmp_path / "nope").fetch_new())
