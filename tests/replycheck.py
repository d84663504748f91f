"""One check over every reply the tests produce: no header line above 998 octets.

RFC 5322 §2.1.1 caps a line at 998 octets; a longer header line is cut or
refused by relays. The root conftest runs `assert_replies_fit` on each
test's outbox files after the test, and the SMTP peer on what it receives.
"""

from pathlib import Path

MAX_LINE_OCTETS = 998
checked = 0  # replies looked at in this session, shown in the terminal summary


def long_header_lines(raw: bytes) -> list[int]:
    """The lengths of header lines above the limit (empty when the reply fits)."""
    head = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    return [len(line) for line in head.split(b"\n") if len(line) > MAX_LINE_OCTETS]


def assert_reply_fits(raw: bytes, where: str) -> None:
    global checked
    checked += 1
    too_long = long_header_lines(raw)
    assert not too_long, f"{where}: header lines of {too_long} octets (RFC 5322 allows 998)"


def assert_replies_fit(folder: Path) -> None:
    """Every reply the file transport wrote anywhere under `folder`."""
    for path in sorted(folder.rglob("*.eml")):
        if path.parent.name == "outbox":
            assert_reply_fits(path.read_bytes(), str(path))
