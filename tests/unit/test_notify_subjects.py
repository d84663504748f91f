"""Reply subjects: "Re: " exactly once, in the applicant's thread, never a header break."""

import email
from datetime import datetime
from email.message import EmailMessage
from email.policy import default

import pytest

from notify import Mailbox, ReplyKind, TemplateRenderer, compose
from notify.subjects import THREADED_KINDS, base_subject, thread_subject

from .test_notify_render import AMS, FIRM, TEMPLATES, TITLE, make_reply

SENDER = Mailbox(FIRM, "info@chassesearch.nl")


@pytest.mark.parametrize(
    "original",
    [
        "Vraag over de vacature",
        "Re: Vraag over de vacature",
        "RE: Vraag over de vacature",
        "re:Vraag over de vacature",
        "Re: Re: RE: Vraag over de vacature",
        "Antw: Vraag over de vacature",  # Outlook in Dutch
        "AW: Antw: Re: Vraag over de vacature",
        "Fwd: Vraag over de vacature",
        "FW: Re: Vraag over de vacature",
        "Doorst: Vraag over de vacature",  # Outlook's Dutch forward
        "WG: AW: Vraag over de vacature",
        "Re[2]: Vraag over de vacature",
        "RE (3) : Vraag over de vacature",
        "Re\uff1a Vraag over de vacature",  # the full-width colon of some clients
        "  Re :  Vraag   over de\tvacature  ",
    ],
)
def test_every_prefix_chain_becomes_one_re(original: str) -> None:
    assert thread_subject(ReplyKind.QUESTION_ACK, original) == "Re: Vraag over de vacature"


@pytest.mark.parametrize(
    "subject", ["Reactie op de vacature", "Fwdx: test", "Antwoorden gezocht", "Are: you there"]
)
def test_words_that_merely_start_like_a_prefix_stay(subject: str) -> None:
    assert base_subject(subject) == subject


@pytest.mark.parametrize("kind", sorted(THREADED_KINDS))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_resubmit_request_and_question_ack_continue_the_thread(
    kind: ReplyKind, language: str
) -> None:
    reply = make_reply(kind, language, subject_of_original="RE: Antw: Sollicitatie BIJ12")
    rendered = TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM)
    assert rendered.subject == "Re: Sollicitatie BIJ12"


@pytest.mark.parametrize("kind", sorted(set(ReplyKind) - THREADED_KINDS))
def test_confirmation_and_closed_notice_keep_their_own_subject(kind: ReplyKind) -> None:
    reply = make_reply(kind, "nl", subject_of_original="Re: Sollicitatie BIJ12")
    assert thread_subject(kind, reply.subject_of_original) is None
    subject = TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM).subject
    assert TITLE["nl"] in subject and not subject.startswith("Re:")


@pytest.mark.parametrize("original", ["", "   ", "Re:", "RE: Fwd: "])
@pytest.mark.parametrize("kind", sorted(THREADED_KINDS))
def test_without_an_original_subject_the_template_subject_is_used(
    kind: ReplyKind, original: str
) -> None:
    reply = make_reply(kind, "en", subject_of_original=original)
    subject = TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM).subject
    assert subject.endswith(TITLE["en"]) and not subject.startswith("Re:")


INJECTIONS = [
    "Vraag\r\nBcc: evil@example.com",
    "Vraag\nBcc: evil@example.com",
    "Vraag\rBcc: evil@example.com",
    "Re: Vraag\r\n\r\n<html>body</html>",
    "Vraag\r\n Bcc: evil@example.com",  # a folded continuation line
    "Vraag\x0bBcc:\x0c evil@example.com\x1c",
]


@pytest.mark.parametrize("original", INJECTIONS)
@pytest.mark.parametrize("kind", sorted(THREADED_KINDS))
def test_cr_and_lf_in_the_original_subject_cannot_add_a_header(
    kind: ReplyKind, original: str
) -> None:
    reply = make_reply(kind, "nl", subject_of_original=original)
    rendered = TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM)
    assert rendered.subject.startswith("Re: Vraag")
    raw = compose(reply, rendered, SENDER, "<x@chassesearch.nl>", datetime(2026, 1, 5, tzinfo=AMS))
    head = raw.split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":", 1)[0].lower() for line in head.split(b"\r\n") if line[:1] != b" "]
    assert b"bcc" not in names and names.count(b"subject") == 1
    message = email.message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    assert message["Bcc"] is None
    assert "\n" not in str(message["Subject"]) and str(message["Subject"]).startswith("Re: Vraag")
