"""The selection committee's export on both engines: who is listed, what is written where."""

import csv
import re
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
# The firm's own: an address outside its domains (plus-tagged), and a colleague.
OWN_ADDRESS, OWN_DOMAIN = "Vacatures@Chasse.example", "chassesearch.nl"
OURS = ("vacatures+ipo@chasse.example", "Chasse Executive Search")
COLLEAGUE = ("inge@chassesearch.nl", "Inge Diepenhorst")
# An application whose From could not be read: no address, no name.
UNKNOWN = (None, "")
HOSTILE_FILES = ("../../etc/passwd.pdf", "CON:<>|?.pdf")
BRAM_REASONS = ("one_pdf", "word_document")
LATE = ("after_closing",)
# Pages of the fixture's PDFs, where not 1; a .docx has none.
PAGES = {"CV Anna.pdf": 2, "cv-anna-nieuw.pdf": 2, "cv Bram.pdf": 2, "cv-nieuw.pdf": 3}


@dataclass(frozen=True)
class Sent:
    """One message of the fixture: who sent what, when, and how it was judged."""

    address: str | None
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
    Sent(*OURS, IPO, _at(21), "valid", ("brief-test.pdf", "cv-test.pdf")),
    Sent(*COLLEAGUE, IPO, _at(26), "valid", ("brief-inge.pdf", "cv-inge.pdf")),
    Sent(*UNKNOWN, IPO, _at(4, 1), "valid", ("Brief anoniem.pdf", "CV anoniem.pdf")),
    Sent(*UNKNOWN, IPO, _at(19), "invalid", ("cv.docx",), ("no_pdf",)),
)
# Positions in MAIL of the messages the tests follow.
DIRK_NEW, UNKNOWN_VALID, UNKNOWN_INVALID = 6, 15, 16
# In the committee's order: by name (the empty one first), then address; the
# unknown senders last, as they arrived.
LISTED = [
    "pieter.post@example.nl",
    "mallory@example.org",
    "anna@example.nl",
    "bram@example.nl",
    "carla@example.nl",
    "dirk@example.nl",
    "j.devries@example.com",
    "jan@example.nl",
    None,
    None,
]
SHOWN = [address or "" for address in LISTED]
# Column titles, Dutch and English.
REFERENCE, NAME, ADDRESS = "Referentie / Reference", "Naam / Name", "E-mailadres / E-mail address"
FIRST, LATEST = "Eerste ontvangst / First received", "Laatste ontvangst / Last received"
VERDICT, CODES = "Oordeel / Verdict", "Redencodes / Reason codes"
REASONS_NL, REASONS_EN = "Redenen (Nederlands)", "Reasons (English)"
LATE_COLUMN, PAGE_COUNT, FILES = "Te laat / Late", "Pagina's / Pages", "Bestanden / Files"
REPLACED = "Eerdere versie vervangen / Earlier version replaced"
REPLACED_COUNT = "Vervangen versies / Replaced versions"
SUPPLEMENTS, FOLDER = "Aanvullingen / Supplements", "Map / Folder"


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[store.Database]:
    with migrated_database(request.param, tmp_path) as database:
        yield database


@dataclass(frozen=True)
class Stored:
    """The fixture as stored: each file's bytes by (address, file name), with ""
    for an unknown sender, and each message's key by its position in MAIL."""

    files: dict[tuple[str, str], bytes]
    message_pks: list[int]

    def reference(self, position: int) -> str:
        return f"IPO-{self.message_pks[position]:05d}"


@pytest.fixture
def originals(db: store.Database) -> Stored:
    """The fixture mail stored as the pipeline would."""
    vacancies = [
        store.VacancyRecord(
            IPO, "Directeur IPO", OPENS, datetime(2026, 1, 6, 22, 59, 59, tzinfo=UTC)
        ),
        store.VacancyRecord(OTHER, "Controller BIJ12", OPENS, datetime(2026, 2, 1, tzinfo=UTC)),
    ]
    sent: dict[tuple[str, str], bytes] = {}
    pks = []
    with db.transaction() as session:
        store.sync_vacancies(session, vacancies)
        for number, mail in enumerate(MAIL):
            documents = []
            for filename in mail.files:
                documents.append(_document(mail.address or f"unknown {number}", filename))
                sent[(mail.address or "", filename)] = documents[-1].data
            pks.append(_receive(session, number, mail, documents))
        question = Sent("eva@example.nl", "Eva Vragen", IPO, _at(24), "question")
        _receive(session, 99, question, [], question_due_at=_at(29))
    return Stored(sent, pks)


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
) -> int:
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
    return stored.id


def _export(db: store.Database, out: Path) -> notify.ExportResult:
    """What the CLI does: read the overview and write it, in one transaction."""
    with db.transaction() as session:
        rows = _overview(session)
        return notify.write_export(
            rows,
            lambda digest: store.get_blob(session, digest),
            out,
            AMSTERDAM,
            reference_prefix="IPO",
        )


def _overview(session: Session) -> list[store.OverviewRow]:
    return store.vacancy_overview(
        session, IPO, own_addresses=[OWN_ADDRESS], own_domains=[OWN_DOMAIN]
    )


def _csv_rows(out: Path) -> list[dict[str, str]]:
    with (out / "overview.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == list(notify.EXPORT_COLUMNS)
        return list(reader)


def test_overview_lists_every_applicant_of_the_vacancy_once(
    db: store.Database, originals: Stored
) -> None:
    with db.transaction() as session:
        overview = _overview(session)
    rows = {row.address: row for row in overview if row.address}
    assert [row.address for row in overview] == LISTED
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
    # The counted submission is the current complete one, not the later supplement.
    assert dirk.message_pk == originals.message_pks[DIRK_NEW]
    assert rows["pieter.post@example.nl"].documents == ()


def test_the_firms_own_mail_is_left_out_and_unknown_senders_are_listed(
    db: store.Database, originals: Stored
) -> None:
    with db.transaction() as session:
        overview = _overview(session)
        everyone = store.vacancy_overview(session, IPO, own_addresses=[], own_domains=[])
    assert not {OURS[0], COLLEAGUE[0], "vacatures@chasse.example"} & {r.address for r in overview}
    # Only the firm's identity keeps them out: without it they are applicants like any other.
    assert {"vacatures@chasse.example", COLLEAGUE[0]} <= {r.address for r in everyone}
    valid, invalid = (row for row in overview if row.address is None)
    assert (valid.message_pk, valid.name, valid.verdict) == (
        originals.message_pks[UNKNOWN_VALID],
        "",
        "valid",
    )
    assert [d.filename for d in valid.documents] == ["Brief anoniem.pdf", "CV anoniem.pdf"]
    assert (valid.pages, valid.late, valid.superseded, valid.supplements) == (2, False, (), 0)
    assert (valid.first_arrival, valid.latest_arrival) == (_at(4, 1), _at(4, 1))
    assert (invalid.message_pk, invalid.reasons) == (
        originals.message_pks[UNKNOWN_INVALID],
        ("no_pdf",),
    )


def test_unknown_vacancy_is_named(db: store.Database) -> None:
    with db.transaction() as session, pytest.raises(store.UnknownVacancy):
        store.vacancy_overview(session, "no-such-vacancy", own_addresses=[], own_domains=[])


def test_csv_holds_references_first_plain_values_and_times_in_amsterdam(
    db: store.Database, originals: Stored, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    result = _export(db, out)
    assert (result.applicants, result.documents) == (10, 15)
    assert notify.EXPORT_COLUMNS[0] == REFERENCE
    rows = _csv_rows(out)
    assert [row[ADDRESS] for row in rows] == SHOWN
    assert all(re.fullmatch(r"IPO-\d{5}", row[REFERENCE]) for row in rows)
    by_address = {row[ADDRESS]: row for row in rows}
    anna, dirk = by_address["anna@example.nl"], by_address["dirk@example.nl"]
    assert dirk[REFERENCE] == originals.reference(DIRK_NEW)
    assert anna[FIRST] == "2025-12-22T10:30:00+01:00"
    assert anna[LATEST] == "2026-01-07T10:30:00+01:00"
    assert (anna[VERDICT], anna[LATE_COLUMN], anna[PAGE_COUNT]) == ("valid", "true", "3")
    assert anna[FILES] == "Motivatie Anna.pdf; CV Anna.pdf"
    assert (dirk[REPLACED], dirk[REPLACED_COUNT], dirk[SUPPLEMENTS]) == ("true", "1", "1")
    assert (dirk[LATE_COLUMN], anna[REPLACED], anna[REPLACED_COUNT]) == ("false", "false", "0")
    bram = by_address["bram@example.nl"]
    assert bram[CODES] == "one_pdf, word_document"
    assert bram[REASONS_NL] == "maar één pdf-bestand ontvangen (brief en cv nodig); " + (
        "Word-bestand in plaats van pdf"
    )
    assert bram[REASONS_EN] == "only one PDF file received (letter and CV needed); " + (
        "Word document instead of PDF"
    )
    assert by_address["carla@example.nl"][REASONS_EN] == "received after the closing date"
    assert by_address["pieter.post@example.nl"][FOLDER] == ""
    unknown = rows[-2]
    assert (unknown[REFERENCE], unknown[NAME], unknown[ADDRESS]) == (
        originals.reference(UNKNOWN_VALID),
        "afzender onbekend / sender unknown",
        "",
    )
    assert unknown[FOLDER] == f"documents/{originals.reference(UNKNOWN_VALID)} afzender onbekend"
    # A name that would be a formula is defused in the CSV; its control character is gone.
    assert by_address["mallory@example.org"][NAME] == "'" + HOSTILE_NAME.rstrip("\x07")


def test_xlsx_has_typed_cells_a_bold_frozen_header_and_fitted_columns(
    db: store.Database, originals: Stored, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    _export(db, out)
    sheet = load_workbook(out / "overview.xlsx").active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert header == list(notify.EXPORT_COLUMNS) and header[0] == REFERENCE
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)]
    assert [row[ADDRESS] for row in rows] == LISTED
    by_address = {row[ADDRESS]: row for row in rows}
    dirk = by_address["dirk@example.nl"]
    assert dirk[REFERENCE] == originals.reference(DIRK_NEW)
    # Real numbers, booleans and dates: the wall-clock time in Amsterdam, which
    # was an hour ahead of UTC in winter.
    assert (dirk[PAGE_COUNT], dirk[REPLACED_COUNT], dirk[SUPPLEMENTS]) == (4, 1, 1)
    assert (dirk[REPLACED], dirk[LATE_COLUMN]) == (True, False)
    assert by_address["anna@example.nl"][LATE_COLUMN] is True
    assert dirk[FIRST] == datetime(2025, 12, 20, 10, 30)
    assert dirk[LATEST] == datetime(2025, 12, 30, 10, 30)
    first_dirk = sheet.cell(row=2 + LISTED.index("dirk@example.nl"), column=4)
    assert first_dirk.is_date and first_dirk.number_format == "dd-mm-yyyy hh:mm"
    typed = {
        cell.column_letter: cell.data_type for cell in sheet[2 + LISTED.index("dirk@example.nl")]
    }
    assert (typed["K"], typed["L"], typed["N"], typed["O"]) == ("b", "n", "b", "n")
    assert rows[-2][NAME] == "afzender onbekend / sender unknown" and rows[-2][ADDRESS] is None
    mallory = sheet.cell(row=2 + LISTED.index("mallory@example.org"), column=2)
    assert (mallory.value, mallory.data_type) == (HOSTILE_NAME.rstrip("\x07"), "s")
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDM"}
    assert widths["A"] >= len("IPO-00000") and widths["C"] >= len("j.devries@example.com")
    assert widths["D"] >= len("dd-mm-yyyy hh:mm") and widths["M"] <= 62


def test_only_the_counted_pdfs_are_exported_byte_for_byte_under_safe_names(
    db: store.Database, originals: Stored, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    _export(db, out)
    rows = _csv_rows(out)
    folders = {row[ADDRESS]: row[FOLDER] for row in rows}
    exported = {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in (out / "documents").rglob("*")
        if path.is_file()
    }
    assert all((out / name).resolve().is_relative_to(out.resolve()) for name in exported)
    assert not (tmp_path / "etc").exists()
    sent = originals.files

    def files_of(folder: str) -> dict[str, bytes]:
        prefix = folder + "/"
        return {k.removeprefix(prefix): v for k, v in exported.items() if k.startswith(prefix)}

    # Each folder is named by the reference in the row's first column.
    assert all(
        row[FOLDER].startswith(f"documents/{row[REFERENCE]} ") for row in rows if row[FOLDER]
    )
    assert folders["dirk@example.nl"] == f"documents/{originals.reference(DIRK_NEW)} Dirk Smit"
    assert files_of(folders["dirk@example.nl"]) == {
        "brief-nieuw.pdf": sent[("dirk@example.nl", "brief-nieuw.pdf")],
        "cv-nieuw.pdf": sent[("dirk@example.nl", "cv-nieuw.pdf")],
    }
    assert files_of(folders["mallory@example.org"]) == {
        "etc_passwd.pdf": sent[("mallory@example.org", "../../etc/passwd.pdf")],
        "_CON.pdf": sent[("mallory@example.org", "CON:<>|?.pdf")],
    }
    assert files_of(folders["anna@example.nl"]) == {
        "Motivatie Anna.pdf": sent[("anna@example.nl", "Motivatie Anna.pdf")],
        "CV Anna.pdf": sent[("anna@example.nl", "CV Anna.pdf")],
    }
    # The sender-unknown application comes with its documents.
    unknown = f"documents/{originals.reference(UNKNOWN_VALID)} afzender onbekend"
    assert files_of(unknown) == {
        "Brief anoniem.pdf": sent[("", "Brief anoniem.pdf")],
        "CV anoniem.pdf": sent[("", "CV anoniem.pdf")],
    }
    # Namesakes get folders of their own, told apart by their references.
    assert folders["j.devries@example.com"].endswith(" Jan de Vries")
    assert folders["jan@example.nl"].endswith(" Jan de Vries")
    assert folders["jan@example.nl"] != folders["j.devries@example.com"]
    assert set(files_of(folders["jan@example.nl"])) == {"cv.pdf", "brief.pdf"}
    assert set(files_of(folders["j.devries@example.com"])) == {"CV.pdf", "Brief.pdf"}
    assert folders["mallory@example.org"].endswith(" HYPERLINK_http_evil.example_klik")
    assert folders["pieter.post@example.nl"] == ""
    # Nothing of the firm's own mail is exported.
    assert not any(name.endswith("-test.pdf") or "inge" in name for name in exported)
    assert len(exported) == 15


def test_export_again_into_the_same_folder_replaces_the_earlier_one(
    db: store.Database, originals: Stored, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    _export(db, out)
    first = (out / "overview.csv").read_bytes()
    result = _export(db, out)
    assert (out / "overview.csv").read_bytes() == first
    assert sorted(p.name for p in out.iterdir()) == ["documents", "overview.csv", "overview.xlsx"]
    assert sum(1 for p in (out / "documents").rglob("*") if p.is_file()) == result.documents == 15


def test_export_into_a_folder_with_other_files_refuses_and_deletes_nothing(
    db: store.Database, originals: Stored, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    _export(db, out)
    (out / "notes.txt").write_text("mine")
    with pytest.raises(notify.ExportRefused, match=r"notes\.txt"):
        _export(db, out)
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "overview.csv").exists() and (out / "documents").is_dir()
