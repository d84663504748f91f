"""What the commands print: plain-text tables for people, JSON for scripts."""

import json
from dataclasses import asdict

from mailroom.cycle import CycleReport
from mailroom.mailbox_copies import MailboxCopies
from mailroom.privacy import Forgotten
from parse import Verdict
from store import Held, SearchHit


def table(title: str, rows: list[tuple[str, int]]) -> str:
    width = max([len(name) for name, _ in rows] + [len(title)])
    lines = [title, "-" * (width + 8)]
    lines += [f"{name:<{width}}  {count:>6}" for name, count in rows]
    return "\n".join(lines)


def format_report(report: CycleReport) -> str:
    """What one cycle did: new messages by verdict, and the replies."""
    rows = [(v.value, report.verdicts.get(v.value, 0)) for v in Verdict]
    rows += [
        ("seen before", report.seen_before),
        ("failed", report.failed),
        ("replies planned", report.replies_planned),
        ("replies sent", report.delivery.delivered),
    ]
    rows += [
        (label, count)
        for label, count in (
            ("failed before, retry not yet due", report.waiting_retry),
            ("replies to retry", report.delivery.retrying),
            ("replies failed", report.delivery.failed),
            ("replies held back (relay)", report.delivery.held_back),
            ("replies waiting (rate)", report.delivery.deferred),
            ("erased before, left alone", report.erased_again),
            ("questions late", report.questions.overdue),
        )
        if count
    ]
    text = table("this cycle", rows)
    if report.unavailable_sources:
        text += "\nunavailable sources: " + ", ".join(report.unavailable_sources)
    if report.polled_elsewhere:
        text += "\npolled by another instance: " + ", ".join(report.polled_elsewhere)
    if report.would_do:
        text += "\n\ndry run: nothing was replied, moved or flagged\n" + "\n".join(report.would_do)
    if report.purged_vacancies:
        text += "\npersonal data purged (retention): " + ", ".join(report.purged_vacancies)
    return text


def format_erasure_preview(held: Held, mailbox: MailboxCopies) -> str:
    """What `forget` would erase, by kind, and the mailbox copies per folder."""
    rows = [("messages", held.messages), ("documents", held.documents), ("replies", held.replies)]
    rows += [(f"mailbox copies, {folder}", n) for folder, n in sorted(mailbox.copies.items())]
    text = table("would erase", rows)
    if mailbox.unreached:
        text += "\nmailbox not reached: " + ", ".join(mailbox.unreached)
    return text


def format_forgotten(forgotten: Forgotten) -> str:
    """What `forget` erased; the folders it could not reach come separately (stderr)."""
    erased, mailbox = forgotten.erased, forgotten.mailbox
    text = f"erased {erased.messages} message(s) and {erased.blobs} stored file(s)"
    if mailbox.copies:
        folders = ", ".join(f"{folder} {n}" for folder, n in sorted(mailbox.copies.items()))
        text += f"; deleted {mailbox.total} mailbox copies ({folders})"
    return text


def format_hits(hits: list[SearchHit]) -> str:
    """Search results, best first: who, for which vacancy, in which file, and where."""
    if not hits:
        return "no documents match"
    return "\n\n".join(
        f"{n}. {hit.name or hit.applicant} <{hit.applicant}> ({hit.vacancy or 'no vacancy'}), "
        f"{hit.filename}\n   {' '.join(hit.snippet.split())}"
        for n, hit in enumerate(hits, start=1)
    )


def hits_json(hits: list[SearchHit]) -> str:
    """`format_hits` for scripts: a list, best first, with the match in [brackets]."""
    return dumps([asdict(hit) for hit in hits])


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
