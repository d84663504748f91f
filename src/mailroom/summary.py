"""Plain-text tables for the terminal."""

from mailroom.cycle import CycleReport
from parse import Verdict


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
        ("replies written", report.replies_delivered),
    ]
    text = _table("this cycle", rows)
    if report.unavailable_sources:
        text += "\nunavailable sources: " + ", ".join(report.unavailable_sources)
    return text


def format_status(verdicts: dict[str, int], replies: dict[str, int]) -> str:
    """Everything stored so far, by verdict and by reply status."""
    return "\n\n".join(
        [
            _table("messages", sorted(verdicts.items())),
            _table("replies", sorted(replies.items())),
        ]
    )
