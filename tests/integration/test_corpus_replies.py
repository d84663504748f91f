"""The corpus through the whole conductor: verdict, and what became of the reply.

`tests/unit/test_corpus.py` judges each message with `analyse` alone. Here
every message whose entry names a `reply` goes through a real cycle
(Maildir source, SQLite store, reply policy, outbox), and the store must
show what the entry says: the verdict and reasons, and a reply that is
`none` (no row: machine mail, unrouted, or kept for a recruiter),
`suppressed` with the `held_back` reason, or `planned`. Machine mail must
never leave a reply that goes out.
"""

import dataclasses
import hashlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

import store
from ingest import MaildirSource
from mailroom.config import load_settings
from mailroom.cycle import run_cycle
from store.models import InboundMessage, OutboxReply

from .. import replycheck
from ..corpus.builders import OUR_REPLY_ID
from ..store_fixtures import ENGINES, app_on_engine
from ..support import EXAMPLE_CONFIG, MX, REPO, TEST_NOW
from ..unit.test_corpus import CORPUS, EXPECTED

WITH_REPLY = {name: entry for name, entry in sorted(EXPECTED.items()) if "reply" in entry}
MINIMUM_MACHINE_MAIL = 150 + 17  # the new machine mail, plus cases 093-109
# Written among the machine mail to show a display name holding an address is no
# machine signal by itself: a person's application, answered as any other.
PEOPLE_AMONG_MACHINE_MAIL = frozenset({"299-display-name-address-of-a-person-two-pdfs.eml"})


@dataclass(frozen=True)
class Outcome:
    verdict: str | None
    reasons: list[str]
    replies: list[tuple[str, str | None]]  # (status, reason) per outbox row


@pytest.fixture(scope="module", params=ENGINES)
def outcomes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Outcome]]:
    """One cycle over every message with a `reply` entry, on a fresh database of
    each engine (what is held back, and why, is stored alike on both)."""
    tmp = tmp_path_factory.mktemp("corpus-replies")
    box = tmp / "box"
    for folder in ("cur", "new", "tmp"):
        (box / folder).mkdir(parents=True)
    for name in WITH_REPLY:
        shutil.copyfile(CORPUS / name, box / "new" / name.removesuffix(".eml"))
    with pytest.MonkeyPatch.context() as env:
        env.chdir(REPO)
        env.setenv("MAILROOM_STORE__URL", f"sqlite:///{tmp / 'mailroom.db'}")
        env.setenv("MAILROOM_TRANSPORT__DIRECTORY", str(tmp / "outbox"))
        settings = load_settings(EXAMPLE_CONFIG)
        with app_on_engine(request.param, settings) as app:
            _plant_our_reply(app.db)
            run_cycle(dataclasses.replace(app, sources=(MaildirSource("corpus", box, (MX,)),)))
            replycheck.assert_replies_fit(tmp)
            yield _read_back(app.db)


def _plant_our_reply(db: store.Database) -> None:
    """The reply of ours that bounces, receipts and answers in the corpus refer to."""
    raw = b"From: Sanne <sanne.devries@example.nl>\r\nSubject: Sollicitatie\r\n\r\nHierbij.\r\n"
    arrived = datetime(2025, 12, 22, 9, 0, tzinfo=TEST_NOW.tzinfo)
    with db.transaction() as session:
        seed = store.record_inbound(session, store.MessageKey("seed"), raw, arrived, TEST_NOW)
        ours = store.PlannedReply(
            "confirmation", "sanne.devries@example.nl", "nl", OUR_REPLY_ID, b"sent before"
        )
        store.plan_reply(session, seed.id, ours, TEST_NOW)


def _read_back(db: store.Database) -> dict[str, Outcome]:
    found: dict[str, Outcome] = {}
    with db.transaction() as session:
        for name in WITH_REPLY:
            digest = hashlib.sha256((CORPUS / name).read_bytes()).hexdigest()
            row = session.scalars(
                select(InboundMessage).where(
                    InboundMessage.source == "corpus", InboundMessage.sha256 == digest
                )
            ).one()
            replies = session.scalars(
                select(OutboxReply).where(OutboxReply.message_id == row.id)
            ).all()
            found[name] = Outcome(
                row.verdict, list(row.reasons), [(r.status, r.reason) for r in replies]
            )
    return found


def _wanted_replies(entry: dict[str, Any]) -> list[tuple[str, str | None]]:
    kind = entry["reply"]
    if kind == "none":
        return []
    if kind == "suppressed":
        return [("suppressed", entry["held_back"])]
    return [("sent", None)]  # a planned reply is delivered within the same cycle


@pytest.mark.parametrize("name", list(WITH_REPLY), ids=lambda n: n.removesuffix(".eml"))
def test_the_conductor_does_what_the_entry_says(name: str, outcomes: dict[str, Outcome]) -> None:
    entry = WITH_REPLY[name]
    got = outcomes[name]
    assert (got.verdict, got.reasons) == (entry["verdict"], entry["reasons"])
    assert got.replies == _wanted_replies(entry)


def test_machine_mail_is_answered_by_nobody(outcomes: dict[str, Outcome]) -> None:
    """Every message written as machine mail: no reply that would go out."""
    machine = [name for name in WITH_REPLY if _is_machine_mail(name)]
    assert len(machine) >= MINIMUM_MACHINE_MAIL
    answered = [
        name
        for name in machine
        if any(status != "suppressed" for status, _ in outcomes[name].replies)
    ]
    assert answered == []


def test_every_held_back_reply_says_why(outcomes: dict[str, Outcome]) -> None:
    reasons = [
        reason for o in outcomes.values() for status, reason in o.replies if status == "suppressed"
    ]
    assert reasons and None not in reasons


def _is_machine_mail(name: str) -> bool:
    """Cases 093-109 and every case from 110 on, but for the people written among them."""
    number = int(name[:3])
    return (93 <= number <= 109 or number >= 110) and name not in PEOPLE_AMONG_MACHINE_MAIL
