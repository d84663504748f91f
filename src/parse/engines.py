"""Which library reads PDFs inside the workers: pypdf (pure Python, always
installed) or PDFium (native and faster, the optional `pdfium` extra).

Both give the same `PdfText` for the same situations; the engine is chosen
by name so that only the worker processes import it.
"""

import importlib
import importlib.util
from collections.abc import Callable
from typing import Literal

from parse.analysis import PdfText

PdfEngine = Literal["pypdf", "pdfium"]
ReadPdf = Callable[[bytes, int], PdfText]

_MODULES: dict[str, str] = {"pypdf": "parse.pdf", "pdfium": "parse.pdfium"}
_PACKAGES: dict[str, str] = {"pypdf": "pypdf", "pdfium": "pypdfium2"}


def engine_module(engine: PdfEngine) -> str:
    """The module that holds the engine's `read_pdf` (for the forkserver to preload)."""
    return _MODULES[engine]


def engine_reader(engine: PdfEngine) -> ReadPdf:
    """The engine's `read_pdf(data, max_pages)`."""
    reader: ReadPdf = importlib.import_module(_MODULES[engine]).read_pdf
    return reader


def engine_missing(engine: PdfEngine) -> str | None:
    """Why the engine cannot run here (its library is not installed), or None."""
    if importlib.util.find_spec(_PACKAGES[engine]) is None:
        return f"needs {_PACKAGES[engine]}; install it with `pip install 'mailroom[{engine}]'`"
    return None
