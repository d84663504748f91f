"""The PDF workers start with the first PDF, so a cycle without one starts no process."""

import dataclasses
import threading

from mailroom.app import App
from mailroom.cycle import run_cycle
from parse import PdfSandbox, PdfText

from ..pdfbuilder import GOOD, LIMITS, PHRASE, WORKERS
from ..store_fixtures import example_source
from ..support import packages_loaded_by


def test_workers_start_with_the_first_pdf_of_a_cycle(app: App) -> None:
    assert app.pdf.worker_pids() == []  # built, nothing read yet

    question = run_cycle(dataclasses.replace(app, sources=(example_source(app, "07-question-nl"),)))
    assert question.verdicts == {"question": 1}
    assert app.pdf.worker_pids() == []

    valid = run_cycle(dataclasses.replace(app, sources=(example_source(app, "01-valid-nl"),)))
    assert valid.verdicts == {"valid": 1}
    assert len(app.pdf.worker_pids()) == app.settings.limits.pdf_workers


def test_threads_racing_to_the_first_read_start_one_pool() -> None:
    results: list[PdfText] = []
    with PdfSandbox(WORKERS, LIMITS) as sandbox:
        threads = [
            threading.Thread(target=lambda: results.append(sandbox.read(GOOD))) for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert len(sandbox.worker_pids()) == WORKERS
    assert len(results) == 8
    assert all(result.problem is None and PHRASE in result.text for result in results)


def test_the_daemons_own_process_does_not_load_a_pdf_library() -> None:
    """Only the workers read PDFs; pypdf in the main process would be a fifth of
    its memory for nothing (a cycle and the daemon's modules, imported fresh)."""
    modules = "mailroom.cli, mailroom.daemon, mailroom.cycle, mailroom.app"
    assert packages_loaded_by(modules, ("pypdf", "pypdfium2")) == []
