"""What a PDF worker sends back is believed only when it is exactly what a sound worker writes."""

import dataclasses
import json
import struct

import pytest

from parse import Address, Analysis, PdfText, Verdict, analyse
from parse.wire import decode_analysis, decode_pdf_text, encode_analysis, encode_pdf_text

from ..mailbuilder import TWO_PDFS, context, mail

RAW = mail(*TWO_PDFS).as_bytes()
ANALYSIS = analyse(RAW, context())


def frame(head: dict[str, object], *documents: bytes) -> bytes:
    text = json.dumps(head).encode()
    return struct.pack(">Q", len(text)) + text + b"".join(documents)


def head_of(analysis: Analysis) -> dict[str, object]:
    """The JSON part of `encode_analysis`, as a dict to tamper with."""
    encoded = encode_analysis(analysis)
    (length,) = struct.unpack_from(">Q", encoded)
    head: dict[str, object] = json.loads(encoded[8 : 8 + length])
    return head


def test_an_analysis_comes_back_whole_documents_and_all() -> None:
    assert ANALYSIS.verdict is Verdict.VALID and len(ANALYSIS.attachments) == 2
    assert decode_analysis(encode_analysis(ANALYSIS), RAW, None) == ANALYSIS


def test_a_pdf_text_comes_back_whole() -> None:
    text = ANALYSIS.attachments[0].pdf
    assert text is not None and text.text
    assert decode_pdf_text(encode_pdf_text(text)) == text


def tampered(change: str) -> bytes:
    head = head_of(ANALYSIS)
    documents = [a.data for a in ANALYSIS.attachments]
    attachments = head["attachments"]
    assert isinstance(attachments, list)
    if change == "verdict":
        head["verdict"] = "welcome"
    elif change == "flag":
        head["flags"] = ["anything"]
    elif change == "type":
        head["language"] = 5
    elif change == "size-text":
        attachments[0]["size"] = str(attachments[0]["size"])
    elif change == "size-missing":
        del attachments[0]["size"]
    elif change == "size-short":
        attachments[0]["size"] -= 1
    elif change == "document-missing":
        documents.pop()
    elif change == "trailing":
        documents.append(b"x")
    return frame(head, *documents)


@pytest.mark.parametrize(
    "change",
    [
        "verdict",
        "flag",
        "type",
        "size-text",
        "size-missing",
        "size-short",
        "document-missing",
        "trailing",
    ],
)
def test_a_tampered_analysis_is_refused(change: str) -> None:
    with pytest.raises(ValueError):
        decode_analysis(tampered(change), RAW, None)


@pytest.mark.parametrize("garbage", [b"", b"\x00" * 7, b"\x00" * 8 + b"{", b"\xff" * 64])
def test_garbage_is_refused(garbage: bytes) -> None:
    with pytest.raises(ValueError):
        decode_analysis(garbage, RAW, None)


def test_a_sender_the_message_does_not_name_is_refused() -> None:
    """A worker cannot choose who is answered: only an address the message itself names."""
    elsewhere = dataclasses.replace(ANALYSIS, sender=Address("", "victim@example.com"))
    with pytest.raises(ValueError, match="sender"):
        decode_analysis(encode_analysis(elsewhere), RAW, None)
    named = dataclasses.replace(ANALYSIS, sender=Address("", "SANNE@Example.NL"))
    assert decode_analysis(encode_analysis(named), RAW, None).sender == named.sender


def test_a_sender_named_only_in_the_body_is_believed() -> None:
    """A forward names the applicant in the mail it carries, not in its own headers."""
    forward = RAW + b"\n-------- Forwarded message --------\nFrom: <NOOR@elsewhere.example>\n"
    inner = dataclasses.replace(ANALYSIS, sender=Address("Noor", "noor@elsewhere.example"))
    assert decode_analysis(encode_analysis(inner), forward, None).sender == inner.sender


def test_the_dmarc_verdict_is_read_from_the_headers_not_taken_from_the_worker() -> None:
    failing = mail(
        *TWO_PDFS,
        headers={
            "AUTHENTICATION-RESULTS": "mx1.chassesearch.nl; dmarc=fail header.from=example.nl"
        },
    ).as_bytes()
    claims_pass = dataclasses.replace(analyse(failing, context()), dmarc_failed=False)
    decoded = decode_analysis(encode_analysis(claims_pass), failing, "mx1.chassesearch.nl")
    assert decoded.dmarc_failed
    assert not decode_analysis(encode_analysis(claims_pass), failing, None).dmarc_failed


def test_a_pdf_text_with_a_field_a_sound_worker_never_writes_is_refused() -> None:
    for bad in ({"pages": "2"}, {"problem": "bored"}, {"flags": ["x"]}, {"text": None}):
        fields = {**dataclasses.asdict(PdfText(pages=1, text="t")), **bad}
        with pytest.raises(ValueError):
            decode_pdf_text(json.dumps(fields).encode())
