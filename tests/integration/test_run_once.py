"""`mailroom run --once` on the embedded default: the whole journey, twice."""

import hashlib
import sqlite3
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from types import ModuleType

import pytest

from mailroom.cli import main
from mailroom.config import load_settings

from ..support import EXAMPLE_CONFIG, EXAMPLE_INBOX

HUMAN_VERDICTS = {"valid", "invalid", "late", "question"}


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _run(capsys: pytest.CaptureFixture[str]) -> str:
    assert (
        main(
            ["--config", str(EXAMPLE_CONFIG), "--as-of", "2026-01-07T10:00+01:00", "run", "--once"]
        )
        == 0
    )
    return capsys.readouterr().out


def _rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(query).fetchall()


def _replies(outbox: Path) -> list[EmailMessage]:
    parsed = [
        message_from_bytes(p.read_bytes(), policy=default) for p in sorted(outbox.glob("*.eml"))
    ]
    return [m for m in parsed if isinstance(m, EmailMessage)]


@pytest.fixture
def first_run(isolated_env: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    inbox_before = _tree_digest(EXAMPLE_INBOX)
    output = _run(capsys)
    assert _tree_digest(EXAMPLE_INBOX) == inbox_before, "the example inbox must stay read-only"
    return isolated_env, output


def test_every_example_is_stored_once_with_its_verdict(
    first_run: tuple[Path, str], make_inbox: ModuleType
) -> None:
    tmp, _ = first_run
    stored = _rows(
        tmp / "mailroom.db", "SELECT header_message_id, verdict, status FROM inbound_message"
    )
    assert len(stored) == len(make_inbox.CASES)
    verdict_by_case = {mid.strip("<>").split(".")[0]: verdict for mid, verdict, _ in stored}
    assert verdict_by_case == {c.case_id: c.expected_verdict for c in make_inbox.CASES}
    assert {status for _, _, status in stored} == {"processed"}


def test_one_reply_per_human_message_in_their_language(
    first_run: tuple[Path, str], make_inbox: ModuleType
) -> None:
    tmp, _ = first_run
    humans = {c.case_id: c for c in make_inbox.CASES if c.expected_verdict in HUMAN_VERDICTS}
    replies = _replies(tmp / "outbox")

    answered = [str(r["In-Reply-To"]).strip("<>").split(".")[0] for r in replies]
    assert sorted(answered) == sorted(humans)
    for reply in replies:
        case = humans[str(reply["In-Reply-To"]).strip("<>").split(".")[0]]
        assert reply["Auto-Submitted"] == "auto-replied"
        assert reply["X-Auto-Response-Suppress"] == "All"
        assert reply["Content-Language"] == case.language
        assert str(reply["In-Reply-To"]) in str(reply["References"])
        assert (
            reply["Message-ID"] and reply["From"].addresses[0].addr_spec == "info@chassesearch.nl"
        )
        assert reply.get_body(("plain",)) is not None and reply.get_body(("html",)) is not None


def test_reply_goes_to_the_from_address(first_run: tuple[Path, str]) -> None:
    tmp, _ = first_run
    recipients = {str(r["To"].addresses[0].addr_spec) for r in _replies(tmp / "outbox")}
    assert "sanne.devries@example.nl" in recipients
    assert not any(
        "mailer-daemon" in r.lower() or r.endswith("chassesearch.nl") for r in recipients
    )
    assert "eva.smit@example.nl" not in recipients  # her out-of-office gets nothing


def test_confirmation_names_files_pages_and_reference(first_run: tuple[Path, str]) -> None:
    tmp, _ = first_run
    [reply] = [r for r in _replies(tmp / "outbox") if "01-valid-nl" in str(r["In-Reply-To"])]
    body = reply.get_body(("plain",)).get_content()
    assert "Motivatiebrief Sanne de Vries.pdf (2 pagina's), herkend als motivatiebrief" in body
    assert "CV Sanne de Vries.pdf (1 pagina), herkend als cv" in body
    assert "IPO-0000" in str(reply["Subject"])
    assert "https://chassesearch.nl/contact/privacy-statement/" in body


def test_stored_text_holds_each_pdf_phrase(
    first_run: tuple[Path, str], make_inbox: ModuleType
) -> None:
    tmp, _ = first_run
    texts = [
        t for (t,) in _rows(tmp / "mailroom.db", "SELECT text FROM document WHERE kind = 'pdf'")
    ]
    for phrase in (p for case in make_inbox.CASES for p in case.pdf_phrases):
        assert any(phrase in text for text in texts), phrase


def test_second_run_adds_nothing(
    first_run: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    tmp, _ = first_run
    db = tmp / "mailroom.db"
    counts_before = [
        _rows(db, f"SELECT count(*) FROM {t}")
        for t in ("inbound_message", "document", "outbox", "blob")
    ]
    outbox_before = _tree_digest(tmp / "outbox")

    output = _run(capsys)

    assert [
        _rows(db, f"SELECT count(*) FROM {t}")
        for t in ("inbound_message", "document", "outbox", "blob")
    ] == counts_before
    assert _tree_digest(tmp / "outbox") == outbox_before
    assert "seen before" in output


def test_summary_table_counts_verdicts(first_run: tuple[Path, str]) -> None:
    _, output = first_run
    rows = [line.rsplit(maxsplit=1) for line in output.splitlines() if line[-1:].isdigit()]
    counts = {name.strip(): int(count) for name, count in rows}
    expected = {"valid": 2, "invalid": 4, "late": 1, "question": 2, "automated": 2}
    assert {name: counts[name] for name in expected} == expected
    assert counts["replies sent"] == 9


def test_replies_continue_the_thread_answer_frequent_questions_and_own_up_to_delay(
    first_run: tuple[Path, str],
) -> None:
    """The run is as of 7 January, after closing: the one-PDF request of 20 December
    says that its answer comes late; the questions get the matching standard answers."""
    tmp, _ = first_run
    by_case = {str(r["In-Reply-To"]).strip("<>").split(".")[0]: r for r in _replies(tmp / "outbox")}

    def body(case_id: str) -> str:
        return str(by_case[case_id].get_body(("plain",)).get_content())

    resubmit = by_case["02-one-pdf"]
    assert resubmit["Subject"] == "Re: Sollicitatie plaatsvervangend algemeen directeur"
    assert "Uw bericht kwam op tijd binnen, maar door een vertraging aan onze kant" in body(
        "02-one-pdf"
    )
    assert by_case["07-question-nl"]["Subject"] == "Re: Vraag over de vacature bij IPO en BIJ12"
    assert "Alvast wat algemene informatie" in body("07-question-nl")
    assert "salarisschaal 17" in body("07-question-nl")
    assert "Some standard information" in body("08-question-en")
    assert "IPO office in The Hague and at the BIJ12 office in Utrecht" in body("08-question-en")


def test_an_english_application_is_answered_with_the_english_title(
    first_run: tuple[Path, str],
) -> None:
    tmp, _ = first_run
    [vacancy] = load_settings(EXAMPLE_CONFIG).vacancies
    assert vacancy.title_en is not None
    [reply] = [r for r in _replies(tmp / "outbox") if "11-valid-en" in str(r["In-Reply-To"])]
    assert reply["Content-Language"] == "en"
    for part in (
        str(reply["Subject"]),
        reply.get_body(("plain",)).get_content(),
        reply.get_body(("html",)).get_content(),
    ):
        assert vacancy.title_en in part
        assert vacancy.title not in part
