"""Understand mail: bytes plus a small context in, an `Analysis` out.

This stage is pure: it imports nothing from the other stages and does no
I/O, so the same bytes and context always give the same analysis. PDFs are
read in worker processes (`PdfSandbox`) so a hostile file stays contained.
"""

from parse.analyse import HeaderIds, PdfReader, analyse, header_ids
from parse.analysis import Address, Analysis, Attachment, FileKind, Flag, PdfText, Reason, Verdict
from parse.context import ParseContext, VacancyWindow
from parse.engines import PdfEngine, engine_missing
from parse.headercache import CachingHeaderRegistry
from parse.sandbox import PdfLimits, PdfSandbox
from parse.wire import decode_analysis, encode_analysis

__all__ = [
    "Address",
    "Analysis",
    "Attachment",
    "CachingHeaderRegistry",
    "FileKind",
    "Flag",
    "HeaderIds",
    "ParseContext",
    "PdfEngine",
    "PdfLimits",
    "PdfReader",
    "PdfSandbox",
    "PdfText",
    "Reason",
    "VacancyWindow",
    "Verdict",
    "analyse",
    "decode_analysis",
    "encode_analysis",
    "engine_missing",
    "header_ids",
]
