"""Understand mail: bytes plus a small context in, an `Analysis` out.

This stage is pure: it imports nothing from the other stages and does no
I/O, so the same bytes and context always give the same analysis.
"""

from parse.analyse import analyse
from parse.analysis import Address, Analysis, Attachment, FileKind, PdfText, Verdict
from parse.context import ParseContext, VacancyWindow

__all__ = [
    "Address",
    "Analysis",
    "Attachment",
    "FileKind",
    "ParseContext",
    "PdfText",
    "VacancyWindow",
    "Verdict",
    "analyse",
]
