"""What a PDF worker sends back, and how the daemon checks it before believing it.

Results travel as JSON, never pickle, so that even a worker a hostile PDF
managed to subvert cannot make the daemon run code; and they are validated
strictly (pydantic, against the very dataclasses `parse` returns), so what
comes out is a value a sound worker could have made. A whole message's
analysis is JSON followed by its documents' bytes, which JSON would only
inflate.
"""

import dataclasses
import json
import struct
from email.parser import BytesHeaderParser
from email.policy import default
from itertools import accumulate

from pydantic import TypeAdapter

from parse.analysis import Analysis, PdfText
from parse.authresults import dmarc_failed
from parse.headers import header_block

_PDF_TEXT = TypeAdapter(PdfText)
_ANALYSIS = TypeAdapter(Analysis)
_HEAD_LENGTH = struct.Struct(">Q")


def encode_pdf_text(result: PdfText) -> bytes:
    return json.dumps(dataclasses.asdict(result)).encode()


def decode_pdf_text(frame: bytes) -> PdfText:
    """Raises ValueError for anything but a well-formed `PdfText`."""
    return _PDF_TEXT.validate_json(frame, strict=True)


def encode_analysis(analysis: Analysis) -> bytes:
    """The analysis as JSON (each document's bytes left out, its size kept),
    prefixed by its length and followed by the documents' bytes in order."""
    fields = dataclasses.asdict(analysis)  # bytes are immutable: not copied
    for attachment in fields["attachments"]:
        attachment["size"] = len(attachment.pop("data"))
        attachment["data"] = ""
    head = json.dumps(fields).encode()
    return b"".join([_HEAD_LENGTH.pack(len(head)), head, *(a.data for a in analysis.attachments)])


def decode_analysis(frame: bytes, raw: bytes, authserv_id: str | None) -> Analysis:
    """The analysis of message `raw` in `frame`; raises ValueError unless
    `frame` is exactly what `encode_analysis` writes.

    Beyond its shape, two facts are checked against what the message itself
    says, as they decide who gets a reply: the sender must be an address the
    message names, and the DMARC verdict of our own receiving server
    (`authserv_id`) is read from its headers here.
    """
    if len(frame) < _HEAD_LENGTH.size:
        raise ValueError("frame shorter than its length prefix")
    (head_length,) = _HEAD_LENGTH.unpack_from(frame)
    body_start = _HEAD_LENGTH.size + head_length
    head = frame[_HEAD_LENGTH.size : body_start]
    analysis = _ANALYSIS.validate_json(head, strict=True)
    sizes = [_size(attachment) for attachment in json.loads(head)["attachments"]]
    if body_start + sum(sizes) != len(frame):
        raise ValueError("documents' bytes do not add up to their sizes")
    head_block = header_block(raw)
    if analysis.sender and not _names(raw, head_block, analysis.sender.address):
        raise ValueError("a sender the message does not name")
    return dataclasses.replace(
        analysis,
        dmarc_failed=_dmarc_failed(head_block, authserv_id),
        attachments=tuple(
            dataclasses.replace(attachment, data=frame[start : start + size])
            for attachment, start, size in zip(
                analysis.attachments, accumulate(sizes, initial=body_start), sizes, strict=False
            )
        ),
    )


def _names(raw: bytes, head_block: bytes, address: str) -> bool:
    """Whether the message names `address` (in any case): nearly always in its
    headers, so the whole message, forwarded mail and all, is lowered only
    when they do not."""
    wanted = address.encode().lower()
    return wanted in head_block.lower() or wanted in raw.lower()


def _dmarc_failed(head_block: bytes, authserv_id: str | None) -> bool:
    """`parse.authresults.dmarc_failed` for these headers, parsed only when
    there is a verdict to find in them."""
    if not authserv_id or b"authentication-results" not in head_block.lower():
        return False
    return dmarc_failed(BytesHeaderParser(policy=default).parsebytes(head_block), authserv_id)


def _size(attachment: object) -> int:
    """The byte count a document's JSON carries beside the fields of `Attachment`."""
    assert isinstance(attachment, dict)  # validated as an Attachment already
    size = attachment.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError("an attachment without a byte count")
    return size
