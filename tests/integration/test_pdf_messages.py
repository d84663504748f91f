"""Mail holding PDFs is judged whole in a PDF worker, exactly as it would be here
(docs/architecture.md §4); when the worker fails, the message is judged here and
the document to blame is singled out."""

import dataclasses
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from imapclient.fixed_offset import FixedOffset

from parse import (
    Analysis,
    FileKind,
    ParseContext,
    PdfLimits,
    PdfReader,
    PdfSandbox,
    Verdict,
    analyse,
)
from parse import sandbox as sandbox_module
from parse.pdf import read_pdf

from .. import pdfbuilder as build
from ..mailbuilder import CV, LETTER, ON_TIME, TWO_PDFS, context, mail
from ..pdfbuilder import LIMITS, WORKERS
from ..support import EXAMPLE_INBOX

EXAMPLES = sorted(p for p in EXAMPLE_INBOX.glob("*/*") if p.is_file())


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PdfSandbox]:
    with PdfSandbox(WORKERS, LIMITS) as pool:
        yield pool


@pytest.fixture
def judged_here(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The messages the sandbox judged in this process rather than in a worker."""
    judged: list[bytes] = []

    def recorded(raw: bytes, context: ParseContext, read: PdfReader | None = None) -> Analysis:
        judged.append(raw)
        return analyse(raw, context, read)

    monkeypatch.setattr(sandbox_module, "analyse", recorded)
    return judged


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[1])
def test_a_message_judged_in_a_worker_is_judged_as_here(
    sandbox: PdfSandbox, path: Path, judged_here: list[bytes]
) -> None:
    raw = path.read_bytes()
    restarts = sandbox.restarts
    in_worker = sandbox.analyse(raw, context())
    here = analyse(raw, context(), lambda data: read_pdf(data, LIMITS.max_pages))
    assert in_worker == here
    assert sandbox.restarts == restarts
    assert judged_here == ([] if here.pdfs else [raw])  # mail with a PDF went to a worker


def test_mail_without_a_pdf_starts_no_worker() -> None:
    with PdfSandbox(WORKERS, LIMITS) as fresh:
        analysis = fresh.analyse(mail(subject="Vraag", body="Tot wanneer?").as_bytes(), context())
        assert analysis.verdict is Verdict.QUESTION
        assert fresh.worker_pids() == []


def test_an_arrival_time_in_imapclients_own_time_zone_is_judged_in_a_worker(
    sandbox: PdfSandbox, judged_here: list[bytes]
) -> None:
    """imapclient's fixed-offset zone does not survive pickling: the time goes
    to the worker in UTC, and the verdict is the same instant's."""
    arrived = datetime.fromtimestamp(ON_TIME.timestamp(), FixedOffset(60))
    ctx = dataclasses.replace(context(), arrived_at=arrived)
    restarts = sandbox.restarts
    assert sandbox.analyse(mail(*TWO_PDFS).as_bytes(), ctx).verdict is Verdict.VALID
    assert sandbox.restarts == restarts
    assert judged_here == []  # the worker judged it: the context reached it intact


def test_a_document_that_costs_the_worker_its_life_is_blamed_alone() -> None:
    """The message's worker overruns its CPU; judged here, each PDF goes to a
    worker on its own, and only the heavy one is unreadable."""
    limits = PdfLimits(cpu_seconds=2, memory_bytes=512 * build.MIB, wall_seconds=60)
    raw = mail(("Motivatiebrief.pdf", LETTER), ("CV.pdf", build.cpu_heavy())).as_bytes()
    with PdfSandbox(1, limits) as frugal:
        analysis = frugal.analyse(raw, context())
        restarts = frugal.restarts
    letter, heavy = analysis.attachments
    assert (letter.kind, letter.pdf and letter.pdf.problem) == (FileKind.PDF, None)
    assert heavy.pdf is not None
    assert (heavy.pdf.problem, heavy.pdf.flags) == ("unreadable", ("pdf_worker_died",))
    assert analysis.verdict is Verdict.INVALID and analysis.reasons == ("unreadable",)
    assert restarts == 2  # the message's worker, then the document's


def test_a_message_that_cannot_be_judged_raises_here_and_the_worker_stays(
    sandbox: PdfSandbox,
) -> None:
    """Judging raised in the worker too: the error is raised here, where the
    pipeline keeps it with the message, and the worker is not blamed."""
    restarts = sandbox.restarts
    raw = mail(("CV.pdf", CV)).as_bytes()
    with pytest.raises(TypeError):
        sandbox.analyse(raw, dataclasses.replace(context(), vacancies=None))  # type: ignore[arg-type]
    assert sandbox.restarts == restarts
