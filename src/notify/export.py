"""The selection committee's overview: a CSV, the same rows as XLSX, and the PDFs.

`DIR/overview.csv` and `DIR/overview.xlsx` hold one row per applicant in the
order given; `DIR/documents/<NNN name>/` holds the PDFs of the submission
that counts, under safe names.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import store
from notify.exportdir import CSV_NAME, DOCUMENTS_NAME, XLSX_NAME, prepare_export_dir
from notify.safenames import folder_name, safe_filename, unique_name
from notify.sheets import Cell, write_csv, write_xlsx

log = logging.getLogger("mailroom.export")

COLUMNS = (
    "name",
    "address",
    "first arrival",
    "latest arrival",
    "verdict",
    "reasons",
    "flags",
    "late",
    "pages",
    "files",
    "superseded",
    "supplements",
    "folder",
)


@dataclass(frozen=True)
class ExportResult:
    """Where the export went and how much it holds (no personal data)."""

    out_dir: Path
    csv_path: Path
    xlsx_path: Path
    applicants: int
    documents: int


def write_export(
    rows: Sequence[store.OverviewRow],
    fetch_blob: Callable[[str], bytes],
    out_dir: Path,
    zone: ZoneInfo,
) -> ExportResult:
    """Write the overview of `rows` into `out_dir`, replacing an earlier export.

    `fetch_blob` returns a document's bytes by sha256 (e.g. `store.get_blob`
    bound to a session; its KeyError for a missing blob is passed on); times
    are shown in `zone`. Raises ExportRefused, having removed nothing, when
    `out_dir` holds files an export did not write. The "folder" column is
    relative to `out_dir` and empty for an applicant without PDFs.
    """
    prepare_export_dir(out_dir)
    documents_dir = out_dir / DOCUMENTS_NAME
    documents_dir.mkdir()
    table: list[list[Cell]] = []
    written = 0
    for number, row in enumerate(rows, start=1):
        folder = ""
        if row.documents:
            folder = folder_name(number, row.name, row.address)
            written += _write_documents(row.documents, fetch_blob, documents_dir / folder)
        table.append(_cells(row, folder, zone))
    csv_path, xlsx_path = out_dir / CSV_NAME, out_dir / XLSX_NAME
    write_csv(csv_path, COLUMNS, table)
    write_xlsx(xlsx_path, COLUMNS, table)
    log.info("export written: %d applicants, %d documents", len(table), written)
    return ExportResult(out_dir, csv_path, xlsx_path, len(table), written)


def _write_documents(
    documents: Sequence[store.OverviewDocument], fetch_blob: Callable[[str], bytes], folder: Path
) -> int:
    folder.mkdir()
    taken: set[str] = set()
    for position, document in enumerate(documents, start=1):
        name = unique_name(safe_filename(document.filename, f"document-{position}.pdf"), taken)
        if Path(name).name != name or name in (".", ".."):
            raise ValueError("unsafe export file name")  # a second lock; safe_filename is the first
        # "xb": never overwrite, never follow a link planted in the folder.
        with (folder / name).open("xb") as handle:
            handle.write(fetch_blob(document.sha256))
    return len(documents)


def _cells(row: store.OverviewRow, folder: str, zone: ZoneInfo) -> list[Cell]:
    superseded = str(len(row.superseded))
    if row.superseded:
        superseded += " (" + "; ".join(_time(t, zone) for t in row.superseded) + ")"
    return [
        row.name,
        row.address,
        _time(row.first_arrival, zone),
        _time(row.latest_arrival, zone),
        row.verdict,
        ", ".join(row.reasons),
        ", ".join(row.flags),
        "yes" if row.late else "no",
        row.pages,
        "; ".join(row.files),
        superseded,
        row.supplements,
        f"{DOCUMENTS_NAME}/{folder}" if folder else "",
    ]


def _time(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).isoformat(timespec="seconds")
