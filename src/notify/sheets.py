"""Tables as CSV and XLSX that a spreadsheet opens safely.

Every string in a cell may have come from mail (a display name, a file
name), so none may turn into a formula when the committee opens the file,
and control characters, which XLSX cannot hold, are dropped.
"""

import csv
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

Cell = str | int
# A spreadsheet reads a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(value: Cell) -> Cell:
    """Control characters out: XLSX cannot hold them and no name needs them."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def write_csv(path: Path, header: Sequence[str], table: Sequence[Sequence[Cell]]) -> None:
    """UTF-8 with a byte-order mark, so Excel shows "é" and "ĳ" right.

    A text cell that a spreadsheet would run as a formula gets a leading "'",
    the usual defence against CSV injection.
    """
    with path.open("x", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for values in table:
            writer.writerow(_defused(_plain(value)) for value in values)


def _defused(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_xlsx(path: Path, header: Sequence[str], table: Sequence[Sequence[Cell]]) -> None:
    """Text cells are typed as text, so "=..." from mail is shown, never run."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "overview"
    sheet.append(list(header))
    for values in table:
        sheet.append([_plain(value) for value in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    workbook.save(path)
