"""Erasure, subject access and retention on both engines, proven by scanning the bytes."""

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from sqlalchemy import text

import store
from mailroom.app import App, build_app, prepare_database
from mailroom.clock import fixed_clock
from mailroom.cycle import run_cycle
from mailroom.privacy import export_for_committee, export_subject, forget, purge_expired
from mailroom.settings import Settings
from store.models import AuditEntry

from ..store_fixtures import ENGINES, app_on_engine

SANNE = "sanne.devries@example.nl"


@pytest.fixture(params=ENGINES)
def loaded(request: pytest.FixtureRequest, settings: Settings, isolated_env: Path) -> Iterator[App]:
    """The example inbox handled once, on the engine under test."""
    with app_on_engine(request.param, settings) as app:
        run_cycle(app)
        yield app


def _cv_sentence(make_inbox: ModuleType) -> str:
    [case] = [c for c in make_inbox.CASES if c.case_id == "01-valid-nl"]
    return case.pdf_phrases[1]


def _sqlite_bytes(app: App) -> bytes:
    path = Path(app.db.engine.url.database or "")
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return b"".join(p.read_bytes() for p in files if p.exists())


def _postgres_rows_containing(app: App, needle: str) -> list[str]:
    """Tables with a row whose text form (tsvectors included) or bytes hold `needle`."""
    found = []
    with app.db.engine.connect() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        for table in tables:
            binary = connection.execute(
                text(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = :t AND data_type = 'bytea'"
                ),
                {"t": table},
            ).scalars()
            tests = [f"position(convert_to(:n, 'UTF8') in {c}) > 0" for c in binary]
            tests.append(f"{table}::text ILIKE '%' || :n || '%'")
            query = f"SELECT count(*) FROM {table} WHERE " + " OR ".join(tests)
            if connection.execute(text(query), {"n": needle}).scalar():
                found.append(table)
    return found


def _holds(app: App, needle: str) -> bool:
    if app.db.is_sqlite:
        return needle.encode() in _sqlite_bytes(app)
    return bool(_postgres_rows_containing(app, needle))


def test_forget_leaves_no_trace_in_database_search_or_outbox(
    loaded: App, make_inbox: ModuleType
) -> None:
    sentence = _cv_sentence(make_inbox)
    outbox = Path(loaded.settings.transport.directory)
    assert _holds(loaded, SANNE) and _holds(loaded, sentence), "fixture must hold both first"
    with loaded.db.transaction() as session:
        assert store.search(session, sentence.split()[-1])

    erased = forget(loaded, "Sanne.deVries+sollicitatie@Example.nl").erased

    assert erased.messages == 1 and erased.blobs >= 3  # the raw mail and two PDFs
    assert not _holds(loaded, SANNE)
    assert not _holds(loaded, sentence)
    assert not any(SANNE.encode() in p.read_bytes() for p in outbox.glob("*.eml"))
    with loaded.db.transaction() as session:
        assert all(h.applicant != SANNE for h in store.search(session, "motivatie"))
        [entry] = session.query(AuditEntry).filter_by(action="forget").all()
        assert entry.subject_hash and SANNE not in json.dumps(entry.detail)
        assert sum(store.verdict_counts(session).values()) == len(make_inbox.CASES) - 1


def test_subject_export_holds_everything_on_one_person(loaded: App, tmp_path: Path) -> None:
    out = tmp_path / "sar"
    written = export_subject(loaded, SANNE, out)

    assert written is not None
    summary = json.loads((out / "summary.json").read_text())
    [message] = summary["messages"]
    assert summary["address"] == SANNE and message["verdict"] == "valid"
    assert [d["name_as_sent"] for d in message["documents"]] == [
        "Motivatiebrief Sanne de Vries.pdf",
        "CV Sanne de Vries.pdf",
    ]
    assert (out / message["file"]).read_bytes().startswith(b"Received:")
    assert all((out / d["file"]).read_bytes().startswith(b"%PDF-") for d in message["documents"])
    assert all((out / d["text_file"]).read_text() for d in message["documents"])
    [reply] = message["replies"]
    assert reply["status"] == "sent" and SANNE.encode() in (out / reply["file"]).read_bytes()
    assert export_subject(loaded, "nobody@example.org", tmp_path / "none") is None


def test_retention_purges_an_ended_vacancy_once_its_time_is_up(loaded: App) -> None:
    [vacancy] = loaded.settings.vacancies
    keeping = loaded.settings.model_copy(
        update={"vacancies": [vacancy.model_copy(update={"retention_days": 30})]}
    )
    early = build_app(keeping, fixed_clock(datetime(2026, 2, 15, tzinfo=UTC)))
    late = build_app(keeping, fixed_clock(datetime(2026, 3, 15, tzinfo=UTC)))
    prepare_database(early)

    assert purge_expired(early) == []
    assert purge_expired(late) == ["ipo-bij12"]

    with late.db.transaction() as session:
        assert store.verdict_counts(session) == {}
        assert session.query(AuditEntry).filter_by(action="retention_purge").count() == 1
    assert not _holds(late, SANNE)
    assert list(Path(keeping.transport.directory).glob("*.eml")) == []
    early.close()
    late.close()


def test_forget_rewrites_the_committee_export_it_wrote(loaded: App, tmp_path: Path) -> None:
    out = tmp_path / "committee"
    export_for_committee(loaded, "ipo-bij12", out)
    before = (out / "overview.csv").read_text(encoding="utf-8-sig")
    assert SANNE in before and any("Sanne" in p.name for p in (out / "documents").iterdir())

    forget(loaded, SANNE)

    after = (out / "overview.csv").read_text(encoding="utf-8-sig")
    assert SANNE not in after and len(after.splitlines()) == len(before.splitlines()) - 1
    assert not any("Sanne" in p.name for p in (out / "documents").iterdir())
    workbook = openpyxl.load_workbook(out / "overview.xlsx")
    cells = [str(c.value) for row in workbook.active.iter_rows() for c in row]
    assert not any(SANNE in cell for cell in cells)
