"""The recruiters' daily digest: the store's findings in words, ready to render.

Everything a template needs is worked out here (references, reasons in plain
words, which PDF is the letter and which the CV, days to closing), so the
Dutch and English templates only choose words and layout. Templates render
through `TemplateRenderer.render_template` as `<language>/digest.j2`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from notify.reasons import Language, reason_text, reasons_text
from notify.references import reference_number
from notify.reply import VacancyFacts
from notify.templates import RenderedReply, TemplateRenderer
from store import DigestContent, DigestItem, DigestReply, VacancyState


@dataclass(frozen=True)
class DigestLine:
    """One message, or one reply (`kind`, `status`), as the digest shows it;
    empty strings and None for what does not apply."""

    reference: str
    name: str
    vacancy: str
    arrived_at: datetime | None = None
    pages: int = 0
    letter: str = ""
    cv: str = ""
    flags: str = ""
    reasons: str = ""
    resubmitted: bool = False
    due_at: datetime | None = None
    overdue: bool = False
    kind: str = ""
    status: str = ""
    detail: str = ""


@dataclass(frozen=True)
class VacancyLine:
    """A vacancy's state on the digest's day and its totals per verdict."""

    title: str
    closes_at: datetime
    open: bool
    days_left: int
    totals: Mapping[str, int]
    committee_on: date | None = None


@dataclass(frozen=True)
class DigestView:
    """The digest's facts in one language; a section is shown when its tuple is not empty."""

    since: datetime
    until: datetime
    valid: tuple[DigestLine, ...]
    invalid: tuple[DigestLine, ...]
    late: tuple[DigestLine, ...]
    unrouted: tuple[DigestLine, ...]
    questions: tuple[DigestLine, ...]
    replies: tuple[DigestLine, ...]
    failures: tuple[DigestLine, ...]
    vacancies: tuple[VacancyLine, ...]

    @property
    def empty(self) -> bool:
        """Nothing new and nothing open: the digest then says so in one line."""
        waiting = (self.questions, self.replies, self.failures)
        return not any((self.valid, self.invalid, self.late, self.unrouted, *waiting))


def digest_view(
    content: DigestContent, vacancies: Mapping[str, VacancyFacts], language: Language
) -> DigestView:
    """The digest for `language`; `content.until` is the moment it describes."""
    lines = _Lines(vacancies, language, content.until)
    return DigestView(
        since=content.since,
        until=content.until,
        valid=tuple(lines.message(item) for item in content.valid),
        invalid=tuple(lines.message(item) for item in content.invalid),
        late=tuple(lines.message(item) for item in content.late),
        unrouted=tuple(lines.message(item) for item in content.unrouted),
        questions=tuple(lines.message(item) for item in content.questions),
        replies=tuple(lines.reply(reply) for reply in content.replies),
        failures=tuple(lines.message(item) for item in content.failures),
        vacancies=tuple(lines.vacancy(state) for state in content.vacancies),
    )


def render_digest(
    renderer: TemplateRenderer, view: DigestView, language: Language, firm_name: str
) -> RenderedReply:
    return renderer.render_template("digest", language, {"digest": view, "firm_name": firm_name})


@dataclass(frozen=True)
class _Lines:
    vacancies: Mapping[str, VacancyFacts]
    language: Language
    now: datetime

    def message(self, item: DigestItem) -> DigestLine:
        roles = {d.role: d.filename for d in item.documents if d.role}
        return DigestLine(
            reference=self._reference(item.vacancy, item.message_pk),
            name=item.name,
            vacancy=self._title(item.vacancy),
            arrived_at=item.arrived_at,
            pages=item.pages,
            letter=roles.get("letter", ""),
            cv=roles.get("cv", ""),
            flags=", ".join(item.flags),
            reasons=reasons_text(item.reasons, self.language),
            resubmitted=item.resubmitted,
            due_at=item.due_at,
            overdue=item.due_at is not None and item.due_at < self.now,
            detail=_first_line(item.error),
        )

    def reply(self, reply: DigestReply) -> DigestLine:
        return DigestLine(
            reference=self._reference(reply.vacancy, reply.message_pk),
            name="",
            vacancy=self._title(reply.vacancy),
            kind=reply.kind,
            status=reply.status,
            detail=reason_text(reply.reason, self.language) if reply.reason else "",
        )

    def vacancy(self, state: VacancyState) -> VacancyLine:
        left = state.closes_at - self.now
        return VacancyLine(
            title=self._title(state.slug) or state.title,
            closes_at=state.closes_at,
            open=left > timedelta(0),
            days_left=max(0, left.days + (1 if left % timedelta(days=1) else 0)),
            totals=state.totals,
            committee_on=self._committee(state.slug),
        )

    def _committee(self, vacancy: str) -> date | None:
        facts = self.vacancies.get(vacancy)
        return facts.committee_on if facts else None

    def _reference(self, vacancy: str | None, message_pk: int) -> str:
        facts = self.vacancies.get(vacancy or "")
        return reference_number(facts.reference_prefix, message_pk) if facts else str(message_pk)

    def _title(self, vacancy: str | None) -> str:
        facts = self.vacancies.get(vacancy or "")
        if facts is None:
            return vacancy or ""
        return facts.title[self.language]


def _first_line(error: str | None, limit: int = 160) -> str:
    """An error's first line, shortened: enough to say what failed, never a traceback."""
    line = (error or "").strip().partition("\n")[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"
