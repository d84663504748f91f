"""Deleting erased mail from Dovecot by Message-ID: exactly those, whatever they hold."""

from ingest.imap_erase import FolderSweep, SweepResult, sweep

from ..dovecot import Dovecot
from ..imapsetup import IN_WINDOW, imap_server


def _mail(message_id: str) -> bytes:
    return f"Message-ID: {message_id}\r\nSubject: x\r\n\r\nx\r\n".encode()


def test_only_the_named_messages_go_though_their_ids_hold_imap_wildcards(
    dovecot: Dovecot,
) -> None:
    wanted = "<50%*off{1}@shop.example>"
    folder = f"Processed{dovecot.delimiter}valid"
    kept = [
        dovecot.append(folder, _mail(other), IN_WINDOW)
        for other in ("<x50%*off{1}@shop.example>", "<other@shop.example>")
    ]
    dovecot.append(folder, _mail(wanted), IN_WINDOW)
    plans = [FolderSweep("Processed/valid", (wanted,)), FolderSweep("Processed/late", (wanted,))]

    assert sweep(imap_server(dovecot), plans, delete=False) == SweepResult({"Processed/valid": 1})
    assert len(dovecot.folder_uids(folder)) == 3

    assert sweep(imap_server(dovecot), plans, delete=True) == SweepResult({"Processed/valid": 1})
    assert dovecot.folder_uids(folder) == kept


def test_a_folder_of_erased_copies_is_emptied_and_an_outage_is_named(dovecot: Dovecot) -> None:
    folder = f"Processed{dovecot.delimiter}erased"
    for number in range(3):
        dovecot.append(folder, _mail(f"<copy.{number}@example.nl>"), IN_WINDOW)
    plans = [FolderSweep("Processed/erased", None), FolderSweep("Sent", ("<r@x>",))]

    assert sweep(imap_server(dovecot), plans, delete=True) == SweepResult({"Processed/erased": 3})
    assert dovecot.folder_uids(folder) == []

    dovecot.stop()
    missed = sweep(imap_server(dovecot), plans, delete=True)
    assert missed == SweepResult({}, ("Processed/erased", "Sent"))
