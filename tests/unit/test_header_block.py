"""A headers-only parse of the header block sees exactly the headers of the whole message."""

from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path

import pytest

from parse.headers import header_block

from ..support import EXAMPLE_INBOX, REPO

MAIL = sorted(
    [
        *(REPO / "tests" / "corpus").glob("*.eml"),
        *(p for p in EXAMPLE_INBOX.glob("*/*") if p.is_file()),
    ]
)
SHAPES = {
    "crlf": b"From: a@b.nl\r\nSubject: x\r\n\r\nbody\r\n\r\nmore\r\n",
    "lf": b"From: a@b.nl\nSubject: x\n\nbody\n",
    "crlf-headers-lf-blank": b"From: a@b.nl\r\nSubject: x\r\n\nbody\r\n\r\n",
    "lf-headers-crlf-blank": b"From: a@b.nl\nSubject: x\n\r\nbody\n\n",
    "folded": b"Subject: a\r\n b\r\nFrom: a@b.nl\r\n\r\nX: not a header\r\n",
    "no-body": b"From: a@b.nl\r\nSubject: x\r\n",
    "no-headers": b"\r\nFrom: in the body@b.nl\r\n\r\n",
    "no-headers-lf": b"\nFrom: in the body@b.nl\n",
    "empty": b"",
}


def headers(raw: bytes) -> list[tuple[str, str]]:
    return list(BytesHeaderParser(policy=compat32).parsebytes(raw).raw_items())


@pytest.mark.parametrize("path", MAIL, ids=lambda p: p.name)
def test_real_mail_has_the_same_headers(path: Path) -> None:
    raw = path.read_bytes()
    assert headers(header_block(raw)) == headers(raw)


@pytest.mark.parametrize("raw", SHAPES.values(), ids=SHAPES.keys())
def test_each_shape_of_header_block_has_the_same_headers(raw: bytes) -> None:
    assert headers(header_block(raw)) == headers(raw)
    assert b"body" not in header_block(raw)
