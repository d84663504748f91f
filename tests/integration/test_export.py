"""The selection committee's export on both engines: who is listed, what is written where."""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fpdf import FPDF
from openpyxl import load_workbook
from sqlalchemy.orm import Session

import notify
import store

from ..store_fixtures import ENGINES, migrated_database

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 1, 14, 8, 0, tzinfo=UTC)
OPENS = datetime(2025, 12, 18, 23, 0, tzinfo=UTC)
IPO = "ipo-directeur"
OTHER = "bij12-controller"
HOSTILE_NAME = '=HYPERLINK("http://evil.example","klik")\x07'


def _at(day: int, month: int = 12, hour: int = 9) -> datetime:
    return datetime(2025 if month == 12 else 2026, month, day, hour, 30, tzinfo=UTC)


def _pdf(text: str, pages: int = 1) -> bytes:
    document = FPDF()
    document.set_font("helvetica", size=12)
    for page in range(pages):
        document.add_page()
        document.cell(text=f"{text}, pagina {page + 1}")
    return bytes(document.output())


ANNA = ("anna@example.nl", "Anna Bakker")
BRAM = ("bram@example.nl", "Bram Jansen")
DIRK = ("dirk@example.nl", "Dirk Smit")
MALLORY = ("mallory@example.org", HOSTILE_NAME)
HOSTILE_FILES = ("../../etc/passwd.pdf", "CON:<>|?.pdf")
BRAM_REASONS = ("one_pdf", "word_document")
LATE = ("after_closing",)
# Pages of the fixture's PDFs, where not 1; a .docx has none.
PAGES = {"CV Anna.pdf": 2, "cv-anna-nieuw.pdf": 2, "cv Bram.pdf": 2, "cv-nieuw.pdf": 3}


@dataclass(frozen=True)
class Sent:
    """One message of the fixture: who sent what, when, and how it was judged."""

    address: str
    name: str
    vacancy: str
    arrived: datetime
    verdict: str
    files: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


MAIL = (
    Sent(*ANNA, IPO, _at(22), "valid", ("Motivatie Anna.pdf", "CV Anna.pdf")),
    Sent(*ANNA, IPO, _at(7, 1), "late", ("cv-anna-nieuw.pdf",), LATE),
    Sent(*ANNA, OTHER, _at(23), "valid", ("Brief BIJ12.pdf", "CV BIJ12.pdf")),
    Sent(*BRAM, IPO, _at(23), "invalid", ("cv Bram.pdf", "brief.docx"), BRAM_REASONS),
    Sent("carla@example.nl", "Carla Visser", IPO, _at(8, 1), "late", ("brief.pdf", "cv.pdf"), LATE),
    Sent(*DIRK, IPO, _at(20), "valid", ("brief-oud.pdf", "cv-oud.pdf")),
    Sent(*DIRK, IPO, _at(29), "valid", ("brief-nieuw.pdf", "cv-nieuw.pdf"), (), ("no_text",)),
    Sent(*DIRK, IPO, _at(30), "invalid", ("diploma.pdf",), ("one_pdf",), ("supplement",)),
    Sent("jan@example.nl", "Jan de Vries", IPO, _at(27), "valid", ("cv.pdf", "brief.pdf")),
    Sent("j.devries@example.com", "Jan de Vries", IPO, _at(28), "valid", ("CV.pdf", "Brief.pdf")),
    Sent(*MALLORY, IPO, _at(31), "valid", HOSTILE_FILES),
    Sent("pieter.post@example.nl", "", IPO, _at(2, 1), "invalid", ("cv.docx",), ("no_pdf",)),
    Sent("olaf@example.nl", "Olaf", OTHER, _at(3, 1), "valid", ("brief.pdf", "cv.pdf")),
)
# In the committee's order: by name (the empty one first), then address.
LISTED = [
    "pieter.post@example.nl",
    "mallory@example.org",
    "anna@example.nl",
    "bram@example.nl",
    "carla@example.nl",
    "dirk@example.nl",
    "j.devries@example.com",
    "jan@example.nl",
]


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[store.Database]:
    with migrated_database(request.param, tmp_path) as database:
        yield database


@pytest.fixture
def originals(db: store.Database) -> dict[tuple[str, str], bytes]:
    """The fixture mail stored as the pipeline would; returns (address, file name) -> bytes."""
    vacancies = [
        store.VacancyRecord(
            IPO, "Directeur IPO", OPENS, datetime(2026, 1, 6, 22, 59, 59, tzinfo=UTC)
        ),
        store.VacancyRecord(OTHER, "Controller BIJ12", OPENS, datetime(2026, 2, 1, tzinfo=UTC)),
    ]
    sent: dict[tuple[str, str], bytes] = {}
    with db.transaction() as session:
        store.sync_vacancies(session, vacancies)
        for number, mail in enumerate(MAIL):
            documents = []
            for filename in mail.files:
                documents.append(_document(mail.address, filename))
                sent[(mail.address, filename)] = documents[-1].data
            _receive(session, number, mail, documents)
        question = Sent("eva@example.nl", "Eva Vragen", IPO, _at(24), "question")
        _receive(session, 99, question, [], question_due_at=_at(29))
    return sent


def _document(address: str, filename: str) -> store.DocumentRecord:
    if filename.endswith(".docx"):
        return store.DocumentRecord(filename, "application/msword", "word", b"PK\x03\x04 docx")
    pages = PAGES.get(filename, 1)
    data = _pdf(f"{address} {filename}", pages)
    return store.DocumentRecord(filename, "application/pdf", "pdf", data, pages, text=filename)


def _receive(
    session: Session,
    number: int,
    mail: Sent,
    documents: list[store.DocumentRecord],
    question_due_at: datetime | None = None,
) -> None:
    raw = f"Subject: sollicitatie {number}\r\n\r\n{mail.address}".encode()
    stored = store.record_inbound(session, store.MessageKey("test"), raw, mail.arrived, NOW)
    decision = store.Decision(
        verdict=mail.verdict,
        reasons=mail.reasons,
        flags=mail.flags,
        vacancy=mail.vacancy,
        language="nl",
        header_message_id=f"<{number}@example.nl>",
        applicant_address=mail.address,
        applicant_name=mail.name,
        is_application=mail.verdict != "question",
        is_complete=mail.verdict == "valid",
        is_supplement="supplement" in mail.flags,
        question_due_at=question_due_at,
    )
    processed = mail.arrived + timedelta(minutes=1)
    store.save_decision(session, stored.id, decision, documents, processed)


def _export(db: store.Database, out: Path) -> notify.ExportResult:
    """What the CLI does: read the overview and write it, in one transaction."""
    with db.transaction() as session:
        rows = store.vacancy_overview(session, IPO)
        return notify.write_export(
            rows, lambda digest: store.get_blob(session, digest), out, AMSTERDAM
        )


def _csv_rows(out: Path) -> list[dict[str, str]]:
    with (out / "overview.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == list(notify.EXPORT_COLUMNS)
        return list(reader)


def test_overview_lists_every_applicant_of_the_vacancy_once(
    db: store.Database, originals: dict[tuple[str, str], bytes]
) -> None:
    with db.transaction() as session:
        rows = {row.address: row for row in store.vacancy_overview(session, IPO)}
        listed = [row.address for row in store.vacancy_overview(session, IPO)]
    assert listed == LISTED
    anna, dirk, carla, bram = (rows[a + "@example.nl"] for a in ("anna", "dirk", "carla", "bram"))
    assert (anna.verdict, anna.late, anna.pages) == ("valid", True, 3)
    assert (anna.first_arrival, anna.latest_arrival) == (_at(22), _at(7, 1))
    assert anna.files == ("Motivatie Anna.pdf", "CV Anna.pdf")
    assert (carla.verdict, carla.late, carla.reasons) == ("late", True, ("after_closing",))
    assert (bram.verdict, bram.late, bram.pages) == ("invalid", False, 2)
    assert bram.reasons == ("one_pdf", "word_document")
    assert [d.filename for d in bram.documents] == ["cv Bram.pdf"]
    assert bram.files == ("cv Bram.pdf", "brief.docx")
    assert (dirk.verdict, dirk.superseded, dirk.supplements) == ("valid", (_at(20),), 1)
    assert (dirk.files, dirk.pages, dirk.flags) == (
        ("brief-nieuw.pdf", "cv-nieuw.pdf"),
        4,
        ("no_text",),
    )
    assert rows["pieter.post@example.nl"].documents == ()


def test_unknown_vacancy_is_named(db: store.Database) -> None:
    with db.transaction() as session, pytest.raises(store.UnknownVacancy):
        store.vacancy_overview(session, "no-such-vacancy")


def test_csv_and_xlsx_list_each_applicant_once_with_times_in_amsterdam(
    db: store.Database, originals: dict[tuple[str, str], bytes], tmp_path: Path
) -> None:
    out = tmp_path / "export"
    result = _export(db, out)
    assert (result.applicants, result.documents) == (8, 13)
    rows = _csv_rows(out)
    assert [row["address"] for row in rows] == LISTED
    by_address = {row["address"]: row for row in rows}
    anna, dirk = by_address["anna@example.nl"], by_address["dirk@example.nl"]
    assert anna["first arrival"] == "2025-12-22T10:30:00+01:00"
    assert anna["latest arrival"] == "2026-01-07T10:30:00+01:00"
    assert (anna["verdict"], anna["late"], anna["pages"]) == ("valid", "yes", "3")
    assert anna["files"] == "Motivatie Anna.pdf; CV Anna.pdf"
    assert dirk["superseded"] == "1 (2025-12-20T10:30:00+01:00)"
    assert (dirk["supplements"], dirk["late"]) == ("1", "no")
    assert by_address["bram@example.nl"]["reasons"] == "one_pdf, word_document"
    assert by_address["pieter.post@example.nl"]["folder"] == ""
    # A name that would be a formula is defused in the CSV; its control character is gone.
    assert by_address["mallory@example.org"]["name"] == "'" + HOSTILE_NAME.rstrip("\x07")

    sheet = load_workbook(out / "overview.xlsx").active
    assert sheet is not None
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert table[0] == list(notify.EXPORT_COLUMNS)
    assert [row[1] for row in table[1:]] == LISTED
    assert table[1 + LISTED.index("dirk@example.nl")][8] == 4
    mallory = sheet.cell(row=2 + LISTED.index("mallory@example.org"), column=1)
    assert (mallory.value, mallory.data_type) == (HOSTILE_NAME.rstrip("\x07"), "s")


def test_only_the_counted_pdfs_are_exported_byte_for_byte_under_safe_names(
    db: store.Database, originals: dict[tuple[str, str], bytes], tmp_path: Path
) -> None:
    out = tmp_path / "export"
    _export(db, out)
    folders = {row["address"]: row["folder"] for row in _csv_rows(out)}
    exported = {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in (out / "documents").rglob("*")
        if path.is_file()
    }
    assert all((out / name).resolve().is_relative_to(out.resolve()) for name in exported)
    assert not (tmp_path / "etc").exists()

    def files_of(address: str) -> dict[str, bytes]:
        prefix = folders[address] + "/"
        return {k.removeprefix(prefix): v for k, v in exported.items() if k.startswith(prefix)}

    dirk = files_of("dirk@example.nl")
    assert dirk == {
        "brief-nieuw.pdf": originals[("dirk@example.nl", "brief-nieuw.pdf")],
        "cv-nieuw.pdf": originals[("dirk@example.nl", "cv-nieuw.pdf")],
    }
    mallory = files_of("mallory@example.org")
    assert mallory == {
        "etc_passwd.pdf": originals[("mallory@example.org", "../../etc/passwd.pdf")],
        "_CON.pdf": originals[("mallory@example.org", "CON:<>|?.pdf")],
    }
    assert files_of("anna@example.nl") == {
        "Motivatie Anna.pdf": originals[("anna@example.nl", "Motivatie Anna.pdf")],
        "CV Anna.pdf": originals[("anna@example.nl", "CV Anna.pdf")],
    }
    # Namesakes get folders of their own, numbered in the committee's order.
    assert folders["j.devries@example.com"] == "documents/007 Jan de Vries"
    assert folders["jan@example.nl"] == "documents/008 Jan de Vries"
    assert set(files_of("jan@example.nl")) == {"cv.pdf", "brief.pdf"}
    assert set(files_of("j.devries@example.com")) == {"CV.pdf", "Brief.pdf"}
    assert folders["mallory@example.org"] == "documents/002 HYPERLINK_http_evil.example_klik"
    assert folders["pieter.post@example.nl"] == ""
    assert len(exported) == 13


def test_export_again_into_the_same_folder_replaces_the_earlier_one(
    db: store.Database, originals: dict[tuple[str, str], bytes], tmp_path: Path
) -> None:
    out = tmp_path / "export"
    _export(db, out)
    first = (out / "overview.csv").read_bytes()
    result = _export(db, out)
    assert (out / "overview.csv").read_bytes() == first
    assert sorted(p.name for p in out.iterdir()) == ["documents", "overview.csv", "overview.xlsx"]
    assert sum(1 for p in (out / "documents").rglob("*") if p.is_file()) == result.documents == 13


def test_export_into_a_folder_with_other_files_refuses_and_deletes_nothing(
    db: store.Database, originals: dict[tuple[str, str], bytes], tmp_path: Path
) -> None:
    out = tmp_path / "export"
    _export(db, out)
    (out / "notes.txt").write_text("mine")
    with pytest.raises(notify.ExportRefused, match=r"notes\.txt"):
        _export(db, out)
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "overview.csv").exists() and (out / "documents").is_dir()
