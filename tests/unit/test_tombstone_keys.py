"""Which Message-IDs may recognise erased mail: only ones a mailer made unique."""

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from store.tombstones import (
    ErasedMail,
    bury,
    distinctive,
    message_id_token,
    recognise_erased,
    sightings,
)

from ..store_fixtures import ENGINES, migrated_database

SALT = b"s" * 32
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
UNIQUE = "<CAF=a1b2c3d4e5@mail.gmail.com>"


@pytest.mark.parametrize(
    "header",
    [
        UNIQUE,
        "<20260105093012.4f3a@mx1.chassesearch.nl>",
        " <AM0PR07MB1234ABCD@AM0PR07MB1234.eurprd07.prod.outlook.com> (comment)",
    ],
)
def test_ids_mailers_make_unique_count(header: str) -> None:
    token = message_id_token(header)
    assert token is not None and distinctive(token)


@pytest.mark.parametrize("header", ["<1@localhost>", "<abc@x.nl>", "<12345678@host>", "nonsense"])
def test_ids_others_could_share_do_not(header: str) -> None:
    token = message_id_token(header)
    assert token is None or not distinctive(token)


@pytest.mark.parametrize(("header", "recognised"), [("<1@localhost>", False), (UNIQUE, True)])
def test_another_message_under_an_erased_id_is_recognised_only_if_the_id_is_unique(
    tmp_path: Path, header: str, recognised: bool
) -> None:
    erased, other = b"Message-ID: erased\r\n\r\nA", b"Message-ID: other\r\n\r\nB"
    with migrated_database("sqlite", tmp_path) as db, db.transaction() as session:
        sha = hashlib.sha256(erased).hexdigest()
        bury(session, [ErasedMail(sha, header)], SALT, "forget", NOW)
        assert recognise_erased(session, [(erased, None)], SALT, NOW) == [True]  # its bytes, always
        assert recognise_erased(session, [(other, header)], SALT, NOW) == [recognised]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_group_is_recognised_with_one_look_up_each_sighting_counted(
    tmp_path: Path, engine: str
) -> None:
    """Erased by its bytes, erased by its id, never erased, and the first one's
    copy again: one answer each, and the tombstones count three sightings."""
    by_bytes, by_id, new = b"Subject: a\r\n\r\nA", b"Subject: b\r\n\r\nB", b"Subject: c\r\n\r\nC"
    with migrated_database(engine, tmp_path) as db:
        with db.transaction() as session:
            bury(
                session,
                [ErasedMail(hashlib.sha256(by_bytes).hexdigest(), None)],
                SALT,
                "forget",
                NOW,
            )
            bury(
                session,
                [ErasedMail(hashlib.sha256(b"gone").hexdigest(), UNIQUE)],
                SALT,
                "forget",
                NOW,
            )
        with db.transaction() as session:
            group = [
                (by_bytes, None),
                (by_id, UNIQUE),
                (new, "<other.1234567@x.nl>"),
                (by_bytes, None),
            ]
            assert recognise_erased(session, group, SALT, NOW) == [True, True, False, True]
            assert sightings(session).readings == 3
