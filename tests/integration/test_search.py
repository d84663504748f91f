"""Full-text search on both engines: ranking, folding, filtering, odd queries."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

import store

from ..store_fixtures import ENGINES, migrated_database

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
VACANCIES = [
    store.VacancyRecord("ipo-bij12", "Directeur BIJ12", NOW, NOW),
    store.VacancyRecord("other", "Andere functie", NOW, NOW),
]


def _applicant(db: store.Database, address: str, vacancy: str, text: str) -> None:
    with db.transaction() as session:
        message = store.record_inbound(
            session,
            store.MessageKey("example"),
            f"From: {address}\r\n\r\n{text}".encode(),
            NOW,
            NOW,
        )
        decision = store.Decision(
            "valid",
            (),
            (),
            vacancy,
            "nl",
            None,
            address,
            address.split("@")[0].title(),
            is_application=True,
            is_complete=True,
        )
        document = store.DocumentRecord("CV.pdf", "application/pdf", "pdf", text.encode(), 1, text)
        store.save_decision(session, message.id, decision, [document], NOW)


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[store.Database]:
    with migrated_database(request.param, tmp_path) as database:
        with database.transaction() as session:
            store.sync_vacancies(session, VACANCIES)
        _applicant(
            database,
            "anna@example.nl",
            "ipo-bij12",
            "Stikstof, stikstof en nog eens stikstof: natuurbeleid.",
        )
        _applicant(
            database, "bram@example.nl", "ipo-bij12", "Ervaring met water en één keer stikstof."
        )
        _applicant(
            database,
            "cees@example.nl",
            "other",
            "Stikstof in de landbouw, en de bĳlage met cijfers.",
        )
        _applicant(
            database, "dirk@example.nl", "ipo-bij12", "Financiële coördinatie van projecten."
        )
        yield database


def _search(db: store.Database, query: str, vacancy: str | None = None) -> list[store.SearchHit]:
    with db.transaction() as session:
        return store.search(session, query, vacancy=vacancy)


def test_applicants_are_ranked_by_relevance_with_a_snippet(db: store.Database) -> None:
    hits = _search(db, "stikstof", vacancy="ipo-bij12")
    assert [h.applicant for h in hits] == ["anna@example.nl", "bram@example.nl"]
    assert all("stikstof" in h.snippet.lower() for h in hits)
    assert hits[0].score > hits[1].score


def test_search_spans_vacancies_unless_filtered(db: store.Database) -> None:
    assert {h.applicant for h in _search(db, "stikstof")} == {
        "anna@example.nl",
        "bram@example.nl",
        "cees@example.nl",
    }


def test_text_is_folded_so_ligatures_and_case_do_not_matter(db: store.Database) -> None:
    assert [h.applicant for h in _search(db, "BIJLAGE")] == ["cees@example.nl"]
    assert [h.applicant for h in _search(db, "bĳlage")] == ["cees@example.nl"]
    assert [h.applicant for h in _search(db, "coördinatie")] == ["dirk@example.nl"]


def test_every_word_must_occur(db: store.Database) -> None:
    assert [h.applicant for h in _search(db, "stikstof water")] == ["bram@example.nl"]


@pytest.mark.parametrize(
    "query", ['"', "stik*", "AND OR NOT (", "", "  ", "'; DROP TABLE applicant; --"]
)
def test_odd_queries_neither_fail_nor_inject(db: store.Database, query: str) -> None:
    assert isinstance(_search(db, query), list)
    assert len(_search(db, "stikstof")) == 3
