"""The small, pure context the conductor gives `parse` with each message."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class VacancyWindow:
    """A vacancy as routing sees it: its window and the rules that name it.

    `opens_at` and `closes_at` are aware; `closes_at` is inclusive.
    `addresses` are normalised recipient addresses (plus-tags included) that
    route straight to this vacancy; `subject_keywords` are matched
    case-insensitively in the subject.
    """

    slug: str
    opens_at: datetime
    closes_at: datetime
    addresses: frozenset[str] = frozenset()
    subject_keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParseContext:
    """Arrival time and the facts about the firm that judging a message needs.

    `our_reply_ids` are those of the message's In-Reply-To/References ids
    that name replies mailroom sent. `original_size` is set when the message
    was over the size cap and only its headers are given. `authserv_id` names
    our own receiving server in `Authentication-Results` headers; None trusts
    no such header. `routed_to` is a recruiter's choice of vacancy for a
    message judged again: it is taken whatever the routing rules say.
    """

    arrived_at: datetime
    vacancies: tuple[VacancyWindow, ...]
    own_domains: frozenset[str] = field(default_factory=frozenset)
    max_pdf_pages: int = 200
    our_reply_ids: frozenset[str] = field(default_factory=frozenset)
    original_size: int | None = None
    authserv_id: str | None = None
    routed_to: str | None = None
