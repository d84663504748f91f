"""The hand-made corpus: every message in tests/corpus/ gets what expected.toml says.

`tests.corpus.make_corpus` writes the messages (real PDFs, archives,
winmail.dat, bounces and auto-replies from real mail programs);
`tests/corpus/expected*.toml` state by hand, after docs/architecture.md §5, what `analyse`
must conclude. An entry marked `xfail` is one where the code still
contradicts the design: it states what the design asks and fails strictly,
so a fix shows up as an unexpected pass that asks for the mark to go.
"""

import re
import tomllib
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ingest.received import arrival_time
from parse import Analysis, ParseContext, PdfText, VacancyWindow, Verdict, analyse
from parse.engines import engine_reader

from ..corpus import make_corpus
from ..support import MX

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _expected() -> dict[str, dict[str, Any]]:
    """Every expected*.toml in the corpus folder, merged; a name in two files is an error."""
    merged: dict[str, dict[str, Any]] = {}
    for path in sorted(CORPUS.glob("expected*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        twice = sorted(set(merged) & set(table))
        assert not twice, f"{path.name} repeats {twice}"
        merged |= table
    return merged


EXPECTED = _expected()
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SEED_VACANCY = VacancyWindow(
    slug="ipo-bij12",
    opens_at=datetime(2025, 12, 19, 0, 0, 0, tzinfo=AMSTERDAM),
    closes_at=datetime(2026, 1, 6, 23, 59, 59, tzinfo=AMSTERDAM),
    addresses=frozenset({"info+ipo@chassesearch.nl"}),
)
OWN_DOMAINS = frozenset({"chassesearch.nl"})
OUR_REPLY_IDS = frozenset({"<reply.0001@chassesearch.nl>"})

MINIMUM_MESSAGES = 60
REQUIRED_REASONS = frozenset(
    {
        "no_pdf",
        "one_pdf",
        "too_many_pdfs",
        "duplicate_document",
        "not_a_pdf",
        "word_document",
        "image_instead_of_pdf",
        "archive",
        "link_instead_of_attachment",
        "encrypted",
        "unreadable",
        "too_large",
        "winmail_dat",
        "bounce",
        "auto_reply",
        "bulk",
        "no_vacancy",
        "after_closing",
    }
)
REQUIRED_FLAGS = frozenset(
    {
        "no_text",
        "extra_attachment",
        "forwarded_by_staff",
        "reply_to_our_reply",
        "display_name_address",
    }
)
MINIMUM_MULTI_REASON = 5  # invalid messages that name more than one problem
REQUIRED_KEYS = frozenset({"verdict", "reasons", "flags"})
OPTIONAL_KEYS = frozenset(
    {"sender", "language", "bounced", "attachments", "original_size", "xfail", "reply", "held_back"}
)


def context_for(raw: bytes, entry: dict[str, Any]) -> ParseContext:
    """The seed vacancy's context, as of the message's topmost Received date."""
    arrived_at = arrival_time(raw, (MX,))
    assert arrived_at is not None, "every corpus message carries a dated Received header"
    return ParseContext(
        arrived_at=arrived_at,
        vacancies=(SEED_VACANCY,),
        own_domains=OWN_DOMAINS,
        our_reply_ids=OUR_REPLY_IDS,
        original_size=entry.get("original_size"),
    )


def wanted(entry: dict[str, Any]) -> dict[str, Any]:
    """What the entry asks about; `bounced` defaults to none."""
    keys = ("sender", "language", "attachments")
    return {
        "verdict": entry["verdict"],
        "reasons": entry["reasons"],
        "flags": sorted(entry["flags"]),
        "bounced": entry.get("bounced", []),
        **{key: entry[key] for key in keys if key in entry},
    }


def observed(analysis: Analysis, entry: dict[str, Any]) -> dict[str, Any]:
    """The same facts as the analysis has them; flags only as far as the entry lists them."""
    got: dict[str, Any] = {
        "verdict": analysis.verdict.value,
        "reasons": list(analysis.reasons),
        "flags": sorted(set(entry["flags"]) & set(analysis.flags)),
        "bounced": list(analysis.bounced_message_ids),
    }
    if "sender" in entry:
        got["sender"] = _sender(analysis, with_name="<" in entry["sender"])
    if "language" in entry:
        got["language"] = analysis.language
    if "attachments" in entry:
        got["attachments"] = [attachment.filename for attachment in analysis.attachments]
    return got


def _sender(analysis: Analysis, *, with_name: bool) -> str | None:
    sender = analysis.sender
    if sender is None:
        return None
    return f"{sender.name} <{sender.address}>" if with_name else sender.address


def _cases() -> list[Any]:
    cases = []
    for name, entry in sorted(EXPECTED.items()):
        marks = []
        if "xfail" in entry:
            marks.append(pytest.mark.xfail(reason=entry["xfail"], strict=True))
        cases.append(pytest.param(name, entry, id=name.removesuffix(".eml"), marks=marks))
    return cases


@cache
def analysed(name: str) -> Analysis:
    """Each corpus message judged once per session, whichever test asks first."""
    raw = (CORPUS / name).read_bytes()
    return analyse(raw, context_for(raw, EXPECTED[name]))


@pytest.mark.parametrize(("name", "entry"), _cases())
def test_corpus_message(name: str, entry: dict[str, Any]) -> None:
    analysis = analysed(name)
    assert observed(analysis, entry) == wanted(entry), f"all flags: {analysis.flags}"


def _judgement(analysis: Analysis) -> tuple[object, ...]:
    roles = [
        (a.filename, a.role, a.pdf and (a.pdf.problem, a.pdf.flags)) for a in analysis.attachments
    ]
    return analysis.verdict, analysis.reasons, sorted(analysis.flags), analysis.language, roles


def test_the_pdfium_engine_judges_every_message_alike() -> None:
    """Same verdict, reasons, flags, language and PDF outcomes as with pypdf."""
    read_pdfium = engine_reader("pdfium")

    def read(data: bytes) -> PdfText:
        return read_pdfium(data, ParseContext.max_pdf_pages)

    for name, entry in sorted(EXPECTED.items()):
        raw = (CORPUS / name).read_bytes()
        with_pdfium = analyse(raw, context_for(raw, entry), read)
        assert _judgement(with_pdfium) == _judgement(analysed(name)), name


def test_every_message_has_an_entry_and_every_entry_a_message() -> None:
    files = sorted(path.name for path in CORPUS.glob("*.eml"))
    assert files == sorted(EXPECTED)
    assert len(files) >= MINIMUM_MESSAGES
    assert [f for f in files if not re.fullmatch(r"\d{3}(-[a-z0-9]+)+\.eml", f)] == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_entry_is_well_formed(name: str) -> None:
    entry = EXPECTED[name]
    assert REQUIRED_KEYS <= set(entry) <= REQUIRED_KEYS | OPTIONAL_KEYS
    verdict = Verdict(entry["verdict"])
    assert verdict is Verdict.INVALID or len(entry["reasons"]) <= 1
    assert ("original_size" in entry) == ("too_large" in entry["reasons"] or "too-large" in name)


def test_corpus_covers_every_reason_flag_and_verdict() -> None:
    """Counted over entries that pass today, so coverage cannot shrink unnoticed."""
    passing = [entry for entry in EXPECTED.values() if "xfail" not in entry]
    reasons = {reason for entry in passing for reason in entry["reasons"]}
    flags = {flag for entry in passing for flag in entry["flags"]}
    verdicts = {Verdict(entry["verdict"]) for entry in passing}
    multi = [e for e in passing if e["verdict"] == "invalid" and len(e["reasons"]) > 1]
    assert sorted(REQUIRED_REASONS - reasons) == []
    assert sorted(REQUIRED_FLAGS - flags) == []
    assert sorted(set(Verdict) - verdicts) == []
    assert len(multi) >= MINIMUM_MULTI_REASON


def test_generator_reproduces_the_committed_messages(tmp_path: Path) -> None:
    """Byte for byte: the committed files are what the generator writes, run after run."""
    written = make_corpus.write_corpus(tmp_path)
    regenerated = {path.name: path.read_bytes() for path in written}
    committed = {path.name: path.read_bytes() for path in CORPUS.glob("*.eml")}
    assert sorted(regenerated) == sorted(committed)
    stale = sorted(name for name, data in committed.items() if regenerated[name] != data)
    assert stale == [], "run `python -m tests.corpus.make_corpus` and commit the result"


MACHINE_SIGNALS = frozenset(
    {
        "delivery_report",
        "auto_submitted",
        "autoreply_header",
        "auto_response_suppress",
        "auto_reply_subject",
        "list_headers",
        "precedence",
        "bulk_sender",
        "cron_job",
        "spam_flag",
        "null_return_path",
        "machine_address",
        "machine_return_path",
        "machine_sender_header",
        "machine_reply_to",
        "not_addressed_to_us",
    }
)


def test_corpus_shows_every_machine_signal_and_kind() -> None:
    """Each signal of parse.machines appears in some message, and each automated reason."""
    seen = {signal for name in EXPECTED for signal in analysed(name).machine_signals}
    reasons = {r for e in EXPECTED.values() if e["verdict"] == "automated" for r in e["reasons"]}
    assert sorted(MACHINE_SIGNALS - seen) == []
    assert reasons == {"bounce", "auto_reply", "bulk", "auto_generated"}
