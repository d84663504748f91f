"""The selection committee's overview: a CSV, the same rows as XLSX, and the PDFs.

`DIR/overview.csv` and `DIR/overview.xlsx` hold one row per applicant in the
order given, the reference number the replies quoted first;
`DIR/documents/<reference name>/` holds the PDFs of the submission that
counts, under safe names. The committee is Dutch and some members read
English: titles say both ("Naam / Name"), reasons are spelt out in each
language next to their codes.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import store
from notify.exportdir import CSV_NAME, DOCUMENTS_NAME, XLSX_NAME, prepare_export_dir
from notify.reasons import reasons_text
from notify.references import reference_number
from notify.safenames import folder_name, safe_filename, unique_name
from notify.sheets import Cell, write_csv, write_xlsx

log = logging.getLogger("mailroom.export")

EXPORT_COLUMNS = (
    "Referentie / Reference",
    "Naam / Name",
    "E-mailadres / E-mail address",
    "Eerste ontvangst / First received",
    "Laatste ontvangst / Last received",
    "Oordeel / Verdict",
    "Redencodes / Reason codes",
    "Redenen (Nederlands)",
    "Reasons (English)",
    "Signalen / Flags",
    "Te laat / Late",
    "Pagina's / Pages",
    "Bestanden / Files",
    "Eerdere versie vervangen / Earlier version replaced",
    "Vervangen versies / Replaced versions",
    "Aanvullingen / Supplements",
    "Map / Folder",
)
# An application whose From could not be read: its name cell, and its folder's label.
SENDER_UNKNOWN = "afzender onbekend / sender unknown"
_UNKNOWN_FOLDER_LABEL = "afzender onbekend"


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
    *,
    reference_prefix: str,
) -> ExportResult:
    """Write the overview of `rows` into `out_dir`, replacing an earlier export.

    `fetch_blob` returns a document's bytes by sha256 (e.g. `store.get_blob`
    bound to a session; its KeyError for a missing blob is passed on); times
    are shown in `zone`, the XLSX's as that zone's wall-clock time; the
    references are the vacancy's `reference_prefix` with each row's message.
    Raises ExportRefused, having removed nothing, when `out_dir` holds files
    an export did not write. The folder column is relative to `out_dir` and
    empty for an applicant without PDFs.
    """
    prepare_export_dir(out_dir)
    documents_dir = out_dir / DOCUMENTS_NAME
    documents_dir.mkdir()
    table: list[list[Cell]] = []
    written = 0
    for row in rows:
        reference = reference_number(reference_prefix, row.message_pk)
        folder = ""
        if row.documents:
            label = row.name if row.address is not None else _UNKNOWN_FOLDER_LABEL
            folder = folder_name(reference, label, row.address or "")
            written += _write_documents(row.documents, fetch_blob, documents_dir / folder)
        table.append(_cells(row, reference, folder, zone))
    csv_path, xlsx_path = out_dir / CSV_NAME, out_dir / XLSX_NAME
    write_csv(csv_path, EXPORT_COLUMNS, table)
    write_xlsx(xlsx_path, EXPORT_COLUMNS, table)
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


def _cells(row: store.OverviewRow, reference: str, folder: str, zone: ZoneInfo) -> list[Cell]:
    return [
        reference,
        row.name if row.address is not None else SENDER_UNKNOWN,
        row.address,
        row.first_arrival.astimezone(zone),
        row.latest_arrival.astimezone(zone),
        row.verdict,
        ", ".join(row.reasons),
        reasons_text(row.reasons, "nl"),
        reasons_text(row.reasons, "en"),
        ", ".join(row.flags),
        row.late,
        row.pages,
        "; ".join(row.files),
        bool(row.superseded),
        len(row.superseded),
        row.supplements,
        f"{DOCUMENTS_NAME}/{folder}" if folder else "",
    ]
