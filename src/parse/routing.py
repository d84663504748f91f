"""Choose the vacancy a message belongs to (docs/architecture.md §5, "Routing")."""

from collections.abc import Iterable
from datetime import datetime

from parse.context import VacancyWindow


def route(
    vacancies: Iterable[VacancyWindow],
    recipients: Iterable[str],
    subject: str,
    arrived_at: datetime,
    chosen: str | None = None,
) -> VacancyWindow | None:
    """Configured rules first, then the single vacancy the arrival time fits.

    A rule match is taken even outside the window (the message may be late).
    Without one, the vacancy whose window contains the arrival wins if it is
    the only one; failing that, the only vacancy that closed before arrival.
    Anything ambiguous is None: a recruiter decides, and their choice
    (`chosen`, a slug) then overrides everything else.
    """
    candidates = tuple(vacancies)
    if chosen is not None:
        return next((v for v in candidates if v.slug == chosen), None)
    addressed = set(recipients)
    lowered = subject.casefold()
    by_rule = [
        v
        for v in candidates
        if v.addresses & addressed or any(k.casefold() in lowered for k in v.subject_keywords)
    ]
    if by_rule:
        return by_rule[0] if len(by_rule) == 1 else None
    open_now = [v for v in candidates if v.opens_at <= arrived_at <= v.closes_at]
    if open_now:
        return open_now[0] if len(open_now) == 1 else None
    closed = [v for v in candidates if v.closes_at < arrived_at]
    return closed[0] if len(closed) == 1 else None
