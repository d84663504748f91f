"""The export folder: reused for a fresh export, but never emptied by mistake.

A recruiter re-exports into the same folder as the applications come in, so
what an earlier export wrote is replaced. A mistyped `--out` must not cost
anyone their files: a folder holding anything an export does not write is
refused before a single file is removed.
"""

import re
import shutil
from pathlib import Path

CSV_NAME = "overview.csv"
XLSX_NAME = "overview.xlsx"
DOCUMENTS_NAME = "documents"
# The applicant folders an export makes: "IPO-00012 Sanne de Vries". Exports
# written before folders carried the reference ("007 Sanne de Vries") are
# still recognised, so an erasure can rewrite them.
_APPLICANT_FOLDER = re.compile(r"([A-Z0-9-]+-)?\d{3,} \S")


class ExportRefused(Exception):
    """The output folder cannot take the export; nothing was removed or written."""


def make_folder(out_dir: Path) -> None:
    """Create `out_dir` and its parents; a path that cannot be made is refused."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportRefused(
            f"{out_dir} cannot be made ({exc.strerror}); give a new folder"
        ) from exc


def prepare_export_dir(out_dir: Path) -> None:
    """Create `out_dir`, or clear an earlier export out of it.

    Raises ExportRefused, with the offending names, when `out_dir` is not a
    folder or holds anything else; in that case nothing has been touched.
    """
    if not out_dir.exists():
        make_folder(out_dir)
        return
    if not out_dir.is_dir():
        raise ExportRefused(
            f"{out_dir} is not a folder; give a new or empty folder or an earlier export's"
        )
    entries = sorted(out_dir.iterdir())
    foreign = [entry.name for entry in entries if not _written_by_export(entry)]
    if foreign:
        shown = ", ".join(repr(name) for name in foreign[:5])
        more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        raise ExportRefused(
            f"{out_dir} holds files an export did not write ({shown}{more}); "
            "choose an empty folder or the folder of an earlier export"
        )
    for entry in entries:
        if entry.name == DOCUMENTS_NAME:
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _written_by_export(entry: Path) -> bool:
    """Whether `entry` looks exactly like something an export writes.

    Symbolic links never do: following one could remove files elsewhere.
    """
    if entry.is_symlink():
        return False
    if entry.name in (CSV_NAME, XLSX_NAME):
        return entry.is_file()
    if entry.name == DOCUMENTS_NAME and entry.is_dir():
        return all(_is_applicant_folder(folder) for folder in entry.iterdir())
    return False


def _is_applicant_folder(folder: Path) -> bool:
    if folder.is_symlink() or not folder.is_dir():
        return False
    if not _APPLICANT_FOLDER.match(folder.name):
        return False
    return all(f.is_file() and not f.is_symlink() for f in folder.iterdir())
