"""Hostile PDFs end in time with a reason or bounded text; the pool keeps serving.

The containment promise of docs/architecture.md §4.
"""

import dataclasses
import random
import resource
import threading
import time
from collections import Counter
from collections.abc import Iterator
from types import ModuleType

import pytest

from parse import PdfEngine, PdfLimits, PdfSandbox, PdfText

from .. import pdfbuilder as build
from ..pdfbuilder import ENGINES, GOOD, LIMITS, PHRASE, WORKERS, assert_still_serves, read_in_time
from ..support import EXAMPLE_INBOX

DAEMON_LIMITS = {r: resource.getrlimit(r) for r in (resource.RLIMIT_AS, resource.RLIMIT_CPU)}


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> PdfEngine:
    engine: PdfEngine = request.param
    return engine


@pytest.fixture(scope="module")
def limits(engine: PdfEngine) -> PdfLimits:
    return dataclasses.replace(LIMITS, engine=engine)


@pytest.fixture(scope="module")
def sandbox(limits: PdfLimits) -> Iterator[PdfSandbox]:
    with build.running(WORKERS, limits) as pool:
        yield pool


UNREADABLE = ("unreadable", 0, "", ())
# PDFium repairs what pypdf refuses: it breaks a cycle in the page tree and
# reads past nesting that exhausts pypdf's recursion. Either way the document
# ends in time with a reason or bounded text, and the pool keeps serving.
CYCLE_BROKEN = (None, 2, "", ("no_text",))
NESTING_READ = (None, 1, "Nested.", ())
TEXTLESS_PAGE = (None, 1, "", ("no_text",))


def outcome(result: PdfText) -> tuple[object, ...]:
    return (result.problem, result.pages, result.text, result.flags)


def assert_unreadable(result: PdfText) -> None:
    """Refused by the engine inside the worker: a reason, no text, and no worker lost."""
    assert outcome(result) == UNREADABLE


def test_a_good_pdf_reads(sandbox: PdfSandbox) -> None:
    assert_still_serves(sandbox)


def test_a_decompression_bomb_is_refused(sandbox: PdfSandbox, engine: PdfEngine) -> None:
    """pypdf caps what it inflates; PDFium inflates in native memory until the
    worker's address-space limit ends the worker, and only the worker."""
    bomb = build.deflate_bomb(300 * build.MIB)
    assert len(bomb) < LIMITS.max_bytes // 10  # some 300 kB that would inflate to 300 MiB
    expected = {"pypdf": UNREADABLE, "pdfium": ("unreadable", 0, "", ("pdf_worker_died",))}
    assert outcome(read_in_time(sandbox, bomb)) == expected[engine]
    assert_still_serves(sandbox)


def test_a_bomb_under_pypdfs_inflate_cap_reads_as_a_textless_page(sandbox: PdfSandbox) -> None:
    assert outcome(read_in_time(sandbox, build.deflate_bomb(70 * build.MIB))) == TEXTLESS_PAGE
    assert_still_serves(sandbox)


@pytest.mark.parametrize("shape", ["self", "parent", "grandparent"])
def test_a_page_tree_with_a_cycle_ends(sandbox: PdfSandbox, engine: PdfEngine, shape: str) -> None:
    repaired = engine == "pdfium" and shape != "self"
    expected = CYCLE_BROKEN if repaired else UNREADABLE
    assert outcome(read_in_time(sandbox, build.cyclic_page_tree(shape))) == expected
    assert_still_serves(sandbox)


def test_thirty_thousand_pages_are_counted_but_only_max_pages_are_read(limits: PdfLimits) -> None:
    """Counting 30,000 pages costs pypdf some 3 CPU seconds, as much as the other
    tests' tight limit: this one is about pages, so it gets production's CPU room."""
    data = build.many_pages(30_000, labelled=LIMITS.max_pages + 1)
    assert len(data) < LIMITS.max_bytes

    with PdfSandbox(1, dataclasses.replace(limits, cpu_seconds=20, wall_seconds=60)) as roomy:
        result = read_in_time(roomy, data)
        assert_still_serves(roomy, workers=1)

    assert (result.problem, result.pages, result.flags) == (None, 30_000, ())
    lines = result.text.splitlines()
    assert lines == [f"Page {n}." for n in range(1, LIMITS.max_pages + 1)]


@pytest.mark.parametrize("where", ["array", "content"])
def test_nesting_a_hundred_thousand_deep_ends(
    sandbox: PdfSandbox, engine: PdfEngine, where: str
) -> None:
    """pypdf's RecursionError becomes the reason; the daemon only sees the result."""
    expected = {"pypdf": UNREADABLE, "pdfium": NESTING_READ}
    assert outcome(read_in_time(sandbox, build.deeply_nested(where, 100_000))) == expected[engine]
    assert_still_serves(sandbox)


def test_nested_dictionaries_are_skipped_and_the_page_read(sandbox: PdfSandbox) -> None:
    """pypdf (not strict) recovers from the RecursionError and skips the broken
    entry, or refuses the document: which, depends on how deep the worker's
    stack already is where the limit strikes. Either way a result, in time."""
    result = read_in_time(sandbox, build.deeply_nested("dictionary", 100_000))
    assert outcome(result) in (NESTING_READ, UNREADABLE)
    assert_still_serves(sandbox)


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.75])
def test_a_truncated_pdf_is_unreadable(sandbox: PdfSandbox, fraction: float) -> None:
    whole = build.letter(3)
    assert_unreadable(read_in_time(sandbox, whole[: int(len(whole) * fraction)]))
    assert_still_serves(sandbox)


def test_random_mutations_each_end_with_a_result(sandbox: PdfSandbox) -> None:
    rng = random.Random(20260105)
    original = build.letter(3)
    outcomes: Counter[str | None] = Counter()
    started = time.monotonic()

    for _ in range(300):
        result = sandbox.read(build.mutated(original, rng))
        assert isinstance(result, PdfText)
        assert result.problem in {None, "unreadable", "encrypted"}
        outcomes[result.problem] += 1

    assert time.monotonic() - started < 30
    assert outcomes[None] > 50 and outcomes["unreadable"] > 50  # the edits do bite
    assert_still_serves(sandbox)


def test_bytes_over_max_bytes_are_too_large_without_a_worker(limits: PdfLimits) -> None:
    """A pool of no workers would block on any read that needed one."""
    with PdfSandbox(0, limits) as empty:
        result = empty.read(build.padded(LIMITS.max_bytes + 1))
    assert (result.problem, result.pages, result.text) == ("too_large", 0, "")


def test_exactly_max_bytes_is_read_one_more_is_too_large(sandbox: PdfSandbox) -> None:
    at_limit = read_in_time(sandbox, build.padded(LIMITS.max_bytes))
    over = read_in_time(sandbox, build.padded(LIMITS.max_bytes + 1))
    assert (at_limit.problem, at_limit.text) == (None, "Padded.")
    assert over.problem == "too_large"
    assert_still_serves(sandbox)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_user_password_makes_it_encrypted(sandbox: PdfSandbox, algorithm: str) -> None:
    locked = build.encrypted(GOOD, "geheim", "eigenaar", algorithm)
    result = read_in_time(sandbox, locked)
    assert (result.problem, result.text) == ("encrypted", "")
    assert_still_serves(sandbox)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_only_an_owner_password_still_reads(sandbox: PdfSandbox, algorithm: str) -> None:
    restricted = build.encrypted(GOOD, "", "eigenaar", algorithm)
    result = read_in_time(sandbox, restricted)
    assert (result.problem, result.pages) == (None, 1)
    assert PHRASE in result.text


def test_example_phrases_with_diacritics_survive_the_sandbox(
    sandbox: PdfSandbox, make_inbox: ModuleType
) -> None:
    phrases = {case.case_id: case.pdf_phrases for case in make_inbox.CASES}
    attached = dict(build.attached_pdfs(EXAMPLE_INBOX))
    assert attached.keys() == phrases.keys()
    assert any(not phrase.isascii() for case in phrases.values() for phrase in case)

    for case_id, pdfs in attached.items():
        assert len(pdfs) == len(phrases[case_id]), case_id
        for phrase, pdf in zip(phrases[case_id], pdfs, strict=True):
            result = read_in_time(sandbox, pdf)
            assert result.problem is None, case_id
            assert phrase in result.text, case_id


def test_hostile_and_good_documents_read_from_several_threads(
    sandbox: PdfSandbox, engine: PdfEngine
) -> None:
    hostile = [build.deflate_bomb(100 * build.MIB), build.cyclic_page_tree("self")]
    hostile += [build.deeply_nested("array", 100_000), build.letter(2)[:500]]
    goods = [build.good_pdf(f"Applicant number {n}.") for n in range(8)]
    results: dict[int, PdfText] = {}

    def read(index: int, data: bytes) -> None:
        results[index] = sandbox.read(data)

    documents = list(enumerate(goods + hostile))
    threads = [threading.Thread(target=read, args=document) for document in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results) == list(range(len(documents)))
    for n in range(len(goods)):
        assert results[n].text == f"Applicant number {n}."
    hostile_outcomes = [outcome(results[n]) for n in range(len(goods), len(documents))]
    expected = {
        "pypdf": [UNREADABLE] * 4,
        "pdfium": [TEXTLESS_PAGE, UNREADABLE, NESTING_READ, UNREADABLE],
    }
    assert hostile_outcomes == expected[engine]
    assert_still_serves(sandbox)


def test_the_limits_bind_the_workers_not_the_daemon(sandbox: PdfSandbox) -> None:
    """Runs last in this module: after all of the above, the daemon's own limits are intact."""
    for pid in sandbox.worker_pids():
        assert build.address_space_limit(pid) == LIMITS.memory_bytes
    assert {r: resource.getrlimit(r) for r in DAEMON_LIMITS} == DAEMON_LIMITS
