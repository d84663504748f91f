"""DMARC verdicts from our own receiving server (RFC 8601), and the sender's own words."""

from dataclasses import replace

import pytest

from parse import Analysis, analyse

from ..mailbuilder import QUESTION, context, mail

OURS = "mx1.chassesearch.nl"


def judged(*auth_results: str, authserv_id: str | None = OURS) -> Analysis:
    """A question whose topmost headers are the given Authentication-Results."""
    head = "".join(f"Authentication-Results: {value}\r\n" for value in auth_results)
    raw = head.encode("utf-8") + mail(**QUESTION).as_bytes()
    return analyse(raw, replace(context(), authserv_id=authserv_id))


@pytest.mark.parametrize(
    "header",
    [
        f"{OURS}; dmarc=fail (p=reject dis=none) header.from=example.nl",
        f"{OURS}; spf=softfail smtp.mailfrom=example.nl; dkim=none; dmarc=fail header.from=x.nl",
        "MX1.ChasseSearch.NL; DMARC=FAIL header.from=example.nl",  # case does not matter
        f"{OURS} 1; dmarc/1 = fail header.from=example.nl",  # a version and spacing
        f'"{OURS}"; dmarc=fail',  # the id as a quoted string
        f"(our server) {OURS} (comment; with a semicolon); dmarc=fail (policy) reason=x",
        f"{OURS};\r\n\tdkim=pass header.d=example.nl;\r\n\tdmarc=fail header.from=example.nl",
    ],
)
def test_a_dmarc_failure_from_our_server_is_reported(header: str) -> None:
    assert judged(header).dmarc_failed


@pytest.mark.parametrize(
    "header",
    [
        f"{OURS}; dmarc=pass header.from=example.nl",
        f"{OURS}; dmarc=none",
        f"{OURS}; none",
        f"{OURS}; dmarc=temperror",
        f"{OURS}; spf=fail smtp.mailfrom=example.nl; dkim=fail",  # only DMARC counts
        f"{OURS}; dkim=pass (dmarc=fail is only a comment) header.d=example.nl",
        f'{OURS}; dkim=pass header.b="dmarc=fail"',  # inside a quoted value
    ],
)
def test_anything_but_a_dmarc_fail_is_no_failure(header: str) -> None:
    assert not judged(header).dmarc_failed


@pytest.mark.parametrize(
    "header",
    [
        "mx.attacker.example; dmarc=fail header.from=example.nl",
        "mx1.chassesearch.nl.attacker.example; dmarc=fail",
        f"attacker.example; dkim=pass header.d={OURS}; dmarc=fail",  # our name as a value
        "dmarc=fail",  # no authserv-id at all (as some gateways write)
    ],
)
def test_a_header_from_another_server_is_ignored(header: str) -> None:
    """Anyone can write an Authentication-Results header; only ours is believed."""
    assert not judged(header).dmarc_failed


def test_a_forged_header_does_not_hide_our_own_verdict() -> None:
    forged = "mx.attacker.example; dmarc=pass header.from=example.nl"
    assert judged(forged, f"{OURS}; dmarc=fail").dmarc_failed
    assert judged(f"{OURS}; dmarc=fail", forged).dmarc_failed


def test_without_a_configured_authserv_id_no_header_is_trusted() -> None:
    assert not judged(f"{OURS}; dmarc=fail", authserv_id=None).dmarc_failed
    assert not judged().dmarc_failed


@pytest.mark.parametrize(
    "header",
    [
        "",
        ";;;",
        f"{OURS}; ((((dmarc=fail",
        f'{OURS}; "unterminated',
        "\x00\x01;\x7f=\x80",
        "x" * 50_000,
    ],
)
def test_a_malformed_header_is_no_failure_and_no_crash(header: str) -> None:
    assert not judged(header).dmarc_failed


def test_undecodable_header_bytes_are_no_crash() -> None:
    raw = b"Authentication-Results: mx1.chassesearch.nl; dmarc=\xff\xfe\r\n" + mail().as_bytes()
    assert not analyse(raw, replace(context(), authserv_id=OURS)).dmarc_failed


def test_own_text_leaves_out_what_the_sender_quoted() -> None:
    body = (
        "Wat is de sluitingsdatum?\n\n"
        "Op 2 jan. 2026 schreef Chasse <info@chassesearch.nl>:\n"
        "> Het salaris is ...\n"
    )
    analysis = analyse(mail(subject="Vraag", body=body).as_bytes(), context())
    assert "sluitingsdatum" in analysis.own_text
    assert "salaris" not in analysis.own_text.lower()
