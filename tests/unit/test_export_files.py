"""Names from mail made safe for the export, and the export folder's safety catch."""

import re
from pathlib import Path

import pytest

from notify.exportdir import ExportRefused, prepare_export_dir
from notify.safenames import folder_name, safe_filename, unique_name

SAFE = re.compile(r"[\w .-]+", re.UNICODE)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("CV Sanne de Vries.pdf", "CV Sanne de Vries.pdf"),
        ("../../etc/passwd.pdf", "etc_passwd.pdf"),
        ("..\\..\\Windows\\win.ini", "Windows_win.ini.pdf"),
        ("CON:<>|?.pdf", "_CON.pdf"),
        ("lpt1.brief.pdf", "_lpt1.brief.pdf"),
        (".verborgen.pdf", "verborgen.pdf"),
        ("....pdf", "document-3.pdf"),
        ("", "document-3.pdf"),
        ("brief.pdf. ", "brief.pdf"),
        ("\uff2d\uff4f\uff54\uff49\uff56.pdf", "Motiv.pdf"),  # full-width letters
        ("b\u0133lage \u2013 cv.PDF", "bijlage - cv.PDF"),  # a ligature and an en dash
        ("cv\u202efdp.exe", "cv_fdp.exe.pdf"),  # a right-to-left override
        ("scan", "scan.pdf"),
        ("a\x00b\nc.pdf", "a_b_c.pdf"),
    ],
)
def test_file_names_from_mail_become_one_safe_path_component(original: str, expected: str) -> None:
    assert safe_filename(original, "document-3.pdf") == expected


@pytest.mark.parametrize(
    "original",
    ["x" * 500 + ".pdf", "字" * 300 + ".pdf", "ﷺ" * 80, "." * 300 + "a", "/" * 50 + "..pdf"],
)
def test_long_or_odd_names_stay_short_keep_pdf_and_never_climb(original: str) -> None:
    name = safe_filename(original, "document-1.pdf")
    assert name.endswith(".pdf") and SAFE.fullmatch(name)
    assert len(name) <= 100 and len(name.encode()) <= 210
    assert ".." not in name and not name.startswith(".")
    assert Path(name).name == name


def test_names_are_unique_within_a_folder_whatever_their_case() -> None:
    taken: set[str] = set()
    names = [unique_name(n, taken) for n in ("cv.pdf", "CV.pdf", "cv.pdf", "brief")]
    assert names == ["cv.pdf", "CV-2.pdf", "cv-3.pdf", "brief"]


def test_applicant_folders_carry_the_reference_and_fall_back_to_the_address() -> None:
    assert folder_name("IPO-00007", "Sanne de Vries", "s@example.nl") == "IPO-00007 Sanne de Vries"
    assert folder_name("IPO-00012", "", "jan.jansen+ipo@example.nl") == "IPO-00012 jan.jansen_ipo"
    assert folder_name("IPO-00003", "../..", "@example.nl") == "IPO-00003 applicant"
    assert folder_name("BIJ12-123456", "A", "a@x") == "BIJ12-123456 A"


@pytest.mark.parametrize("reference", ["", "../IPO-00001", "IPO/00001", ".IPO-00001"])
def test_a_reference_that_is_no_safe_name_is_refused(reference: str) -> None:
    with pytest.raises(ValueError, match="unsafe reference"):
        folder_name(reference, "Sanne", "sanne@example.nl")


def test_an_empty_or_missing_folder_is_fine(tmp_path: Path) -> None:
    prepare_export_dir(tmp_path / "new" / "export")
    assert (tmp_path / "new" / "export").is_dir()
    prepare_export_dir(tmp_path / "new" / "export")


def _earlier_export(out: Path, folder: str = "IPO-00001 Sanne") -> None:
    (out / "documents" / folder).mkdir(parents=True)
    (out / "documents" / folder / "cv.pdf").write_bytes(b"%PDF-")
    (out / "overview.csv").write_text("name\n")
    (out / "overview.xlsx").write_bytes(b"PK")


@pytest.mark.parametrize(
    "folder", ["IPO-00001 Sanne", "BIJ-12-00042 afzender onbekend", "001 Sanne"]
)
def test_an_earlier_export_is_removed(tmp_path: Path, folder: str) -> None:
    """Also one written when folders were numbered, so an erasure can rewrite it."""
    _earlier_export(tmp_path, folder)
    prepare_export_dir(tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "intruder",
    [
        "notes.txt",
        "documents/readme.txt",
        "documents/Mijn map/cv.pdf",
        "documents/IPO-00001 Sanne/sub/x",
        "documents/ipo-00001 Sanne/cv.pdf",
    ],
)
def test_a_folder_holding_anything_else_is_refused_untouched(tmp_path: Path, intruder: str) -> None:
    _earlier_export(tmp_path)
    (tmp_path / intruder).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / intruder).write_text("mine")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(ExportRefused):
        prepare_export_dir(tmp_path)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_links_and_files_in_place_of_the_folder_are_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("mine")
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ExportRefused):
        prepare_export_dir(out)
    assert (elsewhere / "precious.txt").exists()
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportRefused, match="not a folder"):
        prepare_export_dir(tmp_path / "file")
