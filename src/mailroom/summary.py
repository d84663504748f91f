"""What the commands print: plain-text tables for people, JSON for scripts."""

import json
from dataclasses import asdict
from datetime import datetime

from mailroom.cycle import CycleReport
from parse import Verdict
from store import SearchHit

# A source's health as `status` shows it: name, down since, outages so far, last error.
SourceLine = tuple[str, datetime | None, int, str | None]


def _table(title: str, rows: list[tuple[str, int]]) -> str:
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
            ("replies to retry", report.delivery.retrying),
            ("replies failed", report.delivery.failed),
            ("replies held back (relay)", report.delivery.held_back),
            ("replies waiting (rate)", report.delivery.deferred),
        )
        if count
    ]
    text = _table("this cycle", rows)
    if report.unavailable_sources:
        text += "\nunavailable sources: " + ", ".join(report.unavailable_sources)
    if report.would_do:
        text += "\n\ndry run: nothing was replied, moved or flagged\n" + "\n".join(report.would_do)
    if report.purged_vacancies:
        text += "\npersonal data purged (retention): " + ", ".join(report.purged_vacancies)
    return text


def format_status(
    verdicts: dict[str, int], replies: dict[str, int], sources: list[SourceLine]
) -> str:
    """Everything stored so far, by verdict and reply status, and each source's health."""
    lines = [
        f"{name}: DOWN since {down.isoformat()} ({error})" if down else f"{name}: ok"
        for name, down, _, error in sources
    ]
    lines += [f"{name}: {outages} outage(s) so far" for name, _, outages, _ in sources if outages]
    return "\n\n".join(
        [
            _table("messages", sorted(verdicts.items())),
            _table("replies", sorted(replies.items())),
            "sources\n-------\n" + ("\n".join(lines) or "(none read yet)"),
        ]
    )


def format_hits(hits: list[SearchHit]) -> str:
    """Search results, best first: who, for which vacancy, in which file, and where."""
    if not hits:
        return "no documents match"
    return "\n\n".join(
        f"{n}. {hit.name or hit.applicant} <{hit.applicant}> ({hit.vacancy or 'no vacancy'}), "
        f"{hit.filename}\n   {' '.join(hit.snippet.split())}"
        for n, hit in enumerate(hits, start=1)
    )


def status_json(
    verdicts: dict[str, int], replies: dict[str, int], sources: list[SourceLine]
) -> str:
    """`format_status` for scripts; times are ISO 8601 strings in UTC."""
    return _json(
        {
            "messages": verdicts,
            "replies": replies,
            "sources": [
                {
                    "name": name,
                    "down_since": down.isoformat() if down else None,
                    "outages": outages,
                    "last_error": error,
                }
                for name, down, outages, error in sources
            ],
        }
    )


def hits_json(hits: list[SearchHit]) -> str:
    """`format_hits` for scripts: a list, best first, with the match in [brackets]."""
    return _json([asdict(hit) for hit in hits])


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
