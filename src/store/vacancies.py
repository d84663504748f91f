"""Vacancies as configured, mirrored into the store so rows can refer to them."""

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Vacancy
from store.upsert import insert_or_update


@dataclass(frozen=True)
class VacancyRecord:
    """The configured facts the store keeps about a vacancy."""

    slug: str
    title: str
    opens_at: datetime
    closes_at: datetime
    procedure_ends_at: datetime | None = None
    retention_days: int | None = None


def sync_vacancies(session: Session, records: list[VacancyRecord]) -> None:
    """Insert or update each configured vacancy; ones no longer configured stay."""
    for record in records:
        insert_or_update(session, Vacancy, asdict(record), ["slug"])


def vacancy_slugs(session: Session) -> list[str]:
    """Every slug the store knows, configured now or earlier, in order."""
    return list(session.scalars(select(Vacancy.slug).order_by(Vacancy.slug)))
