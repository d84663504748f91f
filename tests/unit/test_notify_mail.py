"""Composing and writing replies (docs/architecture.md §6); the policy is in test_notify_policy."""

import dataclasses
import email
import re
from datetime import datetime
from email.message import EmailMessage
from email.policy import EmailPolicy, default
from pathlib import Path

import pytest

from notify import FileTransport, Mailbox, RenderedReply, ReplyKind, compose, rfc5322

from .test_notify_render import AMS, make_reply

SENDER = Mailbox("Chasse Executive Search", "info@chassesearch.nl")
MESSAGE_ID = "<20260105090000.123.confirmation@chassesearch.nl>"
COMPOSED_AT = datetime(2026, 1, 5, 10, 0, tzinfo=AMS)
RENDERED = RenderedReply(
    subject="Ontvangstbevestiging sollicitatie IPO-00042: Directeur",
    text="Beste Zoë,\n\nDank voor uw sollicitatie.\n",
    html="<p>Beste Zoë,</p>\n<p>Dank voor uw sollicitatie.</p>\n",
)
INJECTION = "\r\nBcc: evil@example.com"


def parsed(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def header_lines(raw: bytes) -> list[str]:
    """The unfolded header lines, before the first empty line."""
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    return head.replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n")


# --- compose -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compose_sets_the_auto_reply_headers(language: str) -> None:
    reply = make_reply(ReplyKind.CONFIRMATION, language)
    message = parsed(compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT))
    assert message["Auto-Submitted"] == "auto-replied"
    assert message["X-Auto-Response-Suppress"] == "All"
    assert message["In-Reply-To"] == "<m2@example.nl>"
    assert message["References"] == "<m1@example.nl> <m2@example.nl>"
    assert message["Message-ID"] == MESSAGE_ID
    assert message["Content-Language"] == language
    assert message["Subject"] == RENDERED.subject
    assert message["Date"].datetime == COMPOSED_AT
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Jan de Vries", "jan.devries@example.nl")
    (sender,) = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (SENDER.name, SENDER.address)


def test_compose_without_thread_headers_leaves_them_out() -> None:
    reply = make_reply(in_reply_to=None, references=())
    message = parsed(compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT))
    assert "In-Reply-To" not in message and "References" not in message


def test_compose_is_multipart_alternative_with_text_then_html() -> None:
    message = parsed(compose(make_reply(), RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT))
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert [p.get_content_charset() for p in parts] == ["utf-8", "utf-8"]
    text, html = (p.get_content().replace("\r\n", "\n") for p in parts)
    assert (text, html) == (RENDERED.text, RENDERED.html)


@pytest.mark.parametrize(
    "name",
    [
        f"Eve{INJECTION}",
        "Eve\nBcc: evil@example.com",
        "Eve\rBcc: evil@example.com",
        "evil@example.com, Bcc",
        '"Eve" <evil@example.com>',
    ],
)
def test_no_header_injection_through_the_name(name: str) -> None:
    reply = make_reply(to=Mailbox(name, "eve@example.nl"))
    raw = compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT)
    assert_single_recipient(raw, "eve@example.nl")


def test_no_header_injection_through_subject_or_thread_headers() -> None:
    reply = make_reply(in_reply_to=f"<m2@example.nl>{INJECTION}", references=(INJECTION,))
    rendered = RenderedReply(f"Re: sollicitatie{INJECTION}", RENDERED.text, RENDERED.html)
    raw = compose(reply, rendered, SENDER, MESSAGE_ID, COMPOSED_AT)
    assert_single_recipient(raw, "jan.devries@example.nl")
    assert parsed(raw)["Subject"] == "Re: sollicitatie Bcc: evil@example.com"


@pytest.mark.parametrize("address", [f"eve@example.nl{INJECTION}", "eve@example.nl, evil@x.com"])
def test_a_forged_recipient_address_is_refused(address: str) -> None:
    with pytest.raises(ValueError):
        compose(make_reply(to=Mailbox("Eve", address)), RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT)


def assert_single_recipient(raw: bytes, address: str) -> None:
    message = parsed(raw)
    assert message.get_all("Bcc") is None and message.get_all("Cc") is None
    assert len(message.get_all("To") or []) == 1
    assert [a.addr_spec for a in message["To"].addresses] == [address]
    names = [line.split(":", 1)[0].lower() for line in header_lines(raw)]
    assert "bcc" not in names and names.count("to") == 1
    assert b"\r\nBcc:" not in raw and b"\nBcc:" not in raw


# --- file transport ------------------------------------------------------------------


def test_file_transport_writes_one_eml_per_message_id(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    transport = FileTransport(outbox)
    answer = transport.deliver("jan@example.nl", MESSAGE_ID, b"hello\r\n")
    assert not transport.was_delivered(MESSAGE_ID)  # not under its name until settled
    transport.settle()
    target = outbox / "20260105090000.123.confirmation@chassesearch.nl.eml"
    assert [p.name for p in outbox.iterdir()] == [target.name]
    assert transport.was_delivered(MESSAGE_ID)
    assert target.read_bytes() == b"hello\r\n"
    assert str(target) in answer


@pytest.mark.parametrize(
    "message_id", ["<../../etc/passwd@x>", "<a b/c\\d:e*f?@x>", "<\r\n..\x00@x>"]
)
def test_file_transport_replaces_unsafe_characters(tmp_path: Path, message_id: str) -> None:
    transport = FileTransport(tmp_path)
    transport.deliver("jan@example.nl", message_id, b"x")
    transport.settle()
    (written,) = tmp_path.iterdir()
    assert written.parent == tmp_path and written.suffix == ".eml"
    assert set(written.name) <= set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-"
    )
    assert written.read_bytes() == b"x"


def test_delivering_twice_leaves_one_file_with_the_same_bytes(tmp_path: Path) -> None:
    raw = compose(make_reply(), RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT)
    transport = FileTransport(tmp_path)
    first = transport.deliver("jan.devries@example.nl", MESSAGE_ID, raw)
    transport.settle()
    second = transport.deliver("jan.devries@example.nl", MESSAGE_ID, raw)
    third = transport.deliver("jan.devries@example.nl", MESSAGE_ID, raw)
    transport.settle()
    assert first == second == third
    (written,) = tmp_path.iterdir()
    assert written.read_bytes() == raw
    assert not list(tmp_path.glob("*.partial"))


# --- headers that survive real mail programs --------------------------------------------

EXCHANGE_ID = (
    "<AM0PR01MB6548C7E2A1B94F3D8E5A0C77D2B19@AM0PR01MB6548.eurprd01.prod.exchangelabs.com>"
)


def test_a_long_exchange_message_id_is_threaded_unencoded() -> None:
    """Exchange ids run to 80-100 characters: written as they are, never as =?...?=."""
    long_id = EXCHANGE_ID.replace("AM0PR", "AM0PR" + "X" * 10)
    assert len(long_id) >= 100
    reply = make_reply(in_reply_to=long_id, references=("<first@example.nl>", long_id))
    raw = compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT)
    assert b"=?" not in raw.split(b"\r\n\r\n", 1)[0].replace(b"Subject:", b"")
    assert f"\r\nIn-Reply-To: {long_id}\r\n".encode() in raw
    message = parsed(raw)
    assert message["In-Reply-To"] == long_id
    assert message["References"].split() == ["<first@example.nl>", long_id]


def test_references_keep_the_first_and_the_latest_ids() -> None:
    thread = tuple(f"<m{n}@example.nl>" for n in range(25))
    reply = make_reply(in_reply_to=thread[-1], references=thread)
    message = parsed(compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT))
    assert message["References"].split() == [thread[0], *thread[-9:]]


def test_malformed_ids_are_left_out_of_the_thread() -> None:
    reply = make_reply(in_reply_to="no brackets@example.nl", references=("<a b@x>", "<ok@x.nl>"))
    message = parsed(compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT))
    assert "In-Reply-To" not in message
    assert message["References"] == "<ok@x.nl>"


def test_a_5000_character_display_name_is_shortened_to_fit_a_line() -> None:
    reply = make_reply(to=Mailbox("Jan " * 1250, "jan@example.nl"))
    raw = compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT)
    assert max(len(line) for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")) <= 998
    (to,) = parsed(raw)["To"].addresses
    assert to.addr_spec == "jan@example.nl"
    assert to.display_name.endswith("…") and len(to.display_name) <= 120


def test_a_long_subject_is_shortened() -> None:
    rendered = RenderedReply("Re: " + "sollicitatie " * 500, RENDERED.text, RENDERED.html)
    raw = compose(make_reply(), rendered, SENDER, MESSAGE_ID, COMPOSED_AT)
    subject = parsed(raw)["Subject"]
    assert subject.startswith("Re: sollicitatie") and len(subject) <= 250


@pytest.mark.parametrize("unsafe", ["\u202e", "\u2066", "\x7f", "\x85", "\u2028", "\x00", "\x1b"])
def test_control_and_direction_characters_are_removed(unsafe: str) -> None:
    reply = make_reply(to=Mailbox(f"Jan{unsafe}fdp.exe", "jan@example.nl"))
    rendered = RenderedReply(f"Re: Sollicitatie{unsafe}fdp.exe", RENDERED.text, RENDERED.html)
    message = parsed(compose(reply, rendered, SENDER, MESSAGE_ID, COMPOSED_AT))
    (to,) = message["To"].addresses
    assert unsafe not in to.display_name and unsafe not in message["Subject"]
    assert to.display_name == "Jan fdp.exe"


def test_an_international_local_part_is_written_in_utf8() -> None:
    """RFC 6532: the relay must offer SMTPUTF8, which the SMTP transport checks."""
    reply = make_reply(to=Mailbox("Jürgen", "jürgen@bücher.example"))
    raw = compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT)
    assert "To: Jürgen <jürgen@xn--bcher-kva.example>".encode() in raw


def test_an_international_domain_alone_is_written_in_ascii() -> None:
    reply = make_reply(to=Mailbox("Jürgen", "jurgen@bücher.example"))
    raw = compose(reply, RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT)
    assert raw.split(b"\r\n\r\n", 1)[0].isascii()
    (to,) = parsed(raw)["To"].addresses
    assert to.addr_spec == "jurgen@xn--bcher-kva.example"


class _ParsingEverything(rfc5322._ReplyPolicy):
    """The reply policy as the package would have it: every value parsed into a
    header object, by the standard registry."""

    header_store_parse = EmailPolicy.header_store_parse


AWKWARD = [
    ("Jan de Vries", "Sollicitatie"),
    ("de Vries, Jan (CFO)", "Re: =?utf-8?b?w6k=?="),
    ("Zoë Ünal", "Vraag; over: het <salaris>"),
    ('Jan "JJ" Jansen', "ä" * 3),
    ("=?utf-8?q?X?=", "Sollicitatie"),
]


def test_a_plain_one_line_value_is_kept_as_written_and_the_rest_parsed() -> None:
    """What the equality below rests on: which values skip the header parse."""
    policy = rfc5322._ASCII_POLICY
    date = "Mon, 05 Jan 2026 10:00:00 +0100"
    _, kept = policy.header_store_parse("Date", date)
    assert type(kept) is str and kept == date
    for value in ("Zoë", "x" * 80, "=?utf-8?q?X?=", "a\x00b"):
        _, parsed = policy.header_store_parse("Subject", value)
        assert hasattr(parsed, "name"), value  # a header object of the package


@pytest.mark.parametrize("kind", list(ReplyKind))
@pytest.mark.parametrize(("name", "subject"), AWKWARD)
def test_kept_and_shared_headers_write_what_parsing_everything_writes(
    kind: ReplyKind, name: str, subject: str
) -> None:
    """The reply policies keep each header class, each header text's parse, and
    plain one-line values as written; what they write is byte for byte what
    parsing every value with the standard registry writes, apart from the boundary."""
    to = Mailbox(name, "jan.devries@example.nl")
    reply = make_reply(kind, "nl", to=to, subject_of_original=subject)
    rendered = dataclasses.replace(RENDERED, subject=subject)
    compose(make_reply(kind, "en"), RENDERED, SENDER, MESSAGE_ID, COMPOSED_AT)
    # Now the sender and the parts' headers are parsed objects shared with that reply.
    ours = compose(reply, rendered, SENDER, MESSAGE_ID, COMPOSED_AT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rfc5322, "_ASCII_POLICY", _ParsingEverything(linesep="\r\n"))
        theirs = compose(reply, rendered, SENDER, MESSAGE_ID, COMPOSED_AT)

    def unbounded(data: bytes) -> bytes:
        (boundary,) = set(re.findall(rb'boundary="([^"]+)"', data))
        return data.replace(boundary, b"BOUNDARY")

    assert unbounded(ours) == unbounded(theirs)


def test_each_reply_has_a_random_boundary_that_its_text_cannot_forge() -> None:
    """The boundary is set, not searched for in the parts: it is random per reply,
    and a part that writes a line shaped like one does not split the message."""
    forged = "--=_" + "0" * 32
    rendered = dataclasses.replace(RENDERED, text=f"{RENDERED.text}{forged}\n")
    first, second = (compose(make_reply(), rendered, SENDER, MESSAGE_ID, COMPOSED_AT) for _ in "ab")
    boundaries = [re.findall(rb'boundary="=_([0-9a-f]{32})"', raw) for raw in (first, second)]
    assert len(boundaries[0]) == len(boundaries[1]) == 1 and boundaries[0] != boundaries[1]
    message = parsed(first)
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    plain = message.get_body(("plain",))
    assert plain is not None and forged in plain.get_content()
