"""Tables as CSV and XLSX that a spreadsheet opens safely and reads as typed.

Every string in a cell may have come from mail (a display name, a file
name), so none may turn into a formula when the committee opens the file,
and control characters, which XLSX cannot hold, are dropped. Booleans,
numbers and times stay what they are: the XLSX holds real boolean, number
and date cells the committee can sort and filter on; the CSV writes them
plainly ("true", "3", ISO 8601 times with their offset).
"""

import csv
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | bool | int | datetime | None
# A spreadsheet reads a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Day first, as the Dutch write it; minutes are the finest a committee needs.
DATE_FORMAT = "dd-mm-yyyy hh:mm"
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_HEADER_HEIGHT = 30  # points: two lines of the default 11-point font
# The control characters XML 1.0, and so XLSX, cannot hold (tab, LF and CR it can).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _plain(value: Cell) -> Cell:
    """Control characters out: XLSX cannot hold them and no name needs them."""
    return _NOT_IN_XML.sub("", value) if isinstance(value, str) else value


def write_csv(path: Path, header: Sequence[str], table: Sequence[Sequence[Cell]]) -> None:
    """UTF-8 with a byte-order mark, so Excel shows "é" and "ĳ" right.

    A text cell that a spreadsheet would run as a formula gets a leading "'",
    the usual defence against CSV injection.
    """
    with path.open("x", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for values in table:
            writer.writerow(_csv_text(_plain(value)) for value in values)


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return str(value)


def write_xlsx(path: Path, header: Sequence[str], table: Sequence[Sequence[Cell]]) -> None:
    """One sheet with a bold, frozen, filterable header row and fitted columns.

    Text cells are typed as text, so "=..." from mail is shown, never run.
    XLSX has no time zones: an aware time is written as the wall-clock time
    it states, so the caller chooses the zone by converting beforehand.
    """
    # Imported here: openpyxl (and the imaging library it loads) is a tenth
    # of every command's start-up, and only exports and the digest write XLSX.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "overview"
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = _HEADER_HEIGHT
    for values in table:
        sheet.append([_xlsx_value(_plain(value)) for value in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, datetime):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _fit_columns(sheet, header, table)
    workbook.save(path)


def _xlsx_value(value: Cell) -> Cell:
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def _fit_columns(
    sheet: "Worksheet", header: Sequence[str], table: Sequence[Sequence[Cell]]
) -> None:
    """Each column as wide as its longest value, or as its title needs on two
    lines, within reason: a long file list is cut off by the next cell rather
    than widening the sheet."""
    from openpyxl.utils import get_column_letter  # see write_xlsx

    for index, title in enumerate(header):
        longest = max((_shown_length(values[index]) for values in table), default=0)
        width = min(max(longest, _title_width(title), _MIN_WIDTH), _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width + 2


def _shown_length(value: Cell) -> int:
    if isinstance(value, datetime):
        return len(DATE_FORMAT)
    if isinstance(value, bool):
        return len("FALSE")
    return len(str(value or ""))


def _title_width(title: str) -> int:
    """The width that shows `title` on two lines, broken at the space nearest its middle."""
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    if not spaces:
        return len(title)
    cut = min(spaces, key=lambda i: abs(2 * i - len(title)))
    return max(cut, len(title) - cut - 1)
