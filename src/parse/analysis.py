"""What `parse` returns: the typed result the conductor stores and replies from."""

from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    """Exactly one per inbound message; the order of docs/architecture.md §5 decides."""

    AUTOMATED = "automated"
    UNROUTED = "unrouted"
    LATE = "late"
    VALID = "valid"
    INVALID = "invalid"
    QUESTION = "question"


class Reason(StrEnum):
    """Why a message got its verdict: what was wrong with an application, why
    it is late or unrouted, or which kind of machine sent it."""

    NO_PDF = "no_pdf"
    ONE_PDF = "one_pdf"
    TOO_MANY_PDFS = "too_many_pdfs"
    DUPLICATE_DOCUMENT = "duplicate_document"
    NOT_A_PDF = "not_a_pdf"
    WORD_DOCUMENT = "word_document"
    IMAGE_INSTEAD_OF_PDF = "image_instead_of_pdf"
    ARCHIVE = "archive"
    WINMAIL_DAT = "winmail_dat"
    ENCRYPTED = "encrypted"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    LINK_INSTEAD_OF_ATTACHMENT = "link_instead_of_attachment"
    UNPARSABLE_MESSAGE = "unparsable_message"
    AFTER_CLOSING = "after_closing"
    NO_VACANCY = "no_vacancy"
    BOUNCE = "bounce"
    AUTO_REPLY = "auto_reply"
    BULK = "bulk"
    AUTO_GENERATED = "auto_generated"


class Flag(StrEnum):
    """Worth a recruiter's notice, never a reason to reject."""

    NO_TEXT = "no_text"
    TEXT_TRUNCATED = "text_truncated"
    PDF_TIMEOUT = "pdf_timeout"
    PDF_WORKER_DIED = "pdf_worker_died"
    EXTRA_ATTACHMENT = "extra_attachment"
    FORWARDED_BY_STAFF = "forwarded_by_staff"
    REPLY_TO_OUR_REPLY = "reply_to_our_reply"
    MALFORMED = "malformed"
    DISPLAY_NAME_ADDRESS = "display_name_address"
    SUPPLEMENT = "supplement"


class FileKind(StrEnum):
    """What an attachment is by its content (and, failing that, its name)."""

    PDF = "pdf"
    WORD = "word"
    IMAGE = "image"
    ARCHIVE = "archive"
    WINMAIL = "winmail"
    OTHER = "other"


@dataclass(frozen=True)
class Address:
    """A mailbox from a header: display name (may be empty) and address."""

    name: str
    address: str


@dataclass(frozen=True)
class PdfText:
    """What a PDF yielded: page count, normalised text, or why it yielded nothing."""

    pages: int = 0
    text: str = ""
    problem: Reason | None = None
    flags: tuple[Flag, ...] = ()
    title: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Attachment:
    """One document-like part of the message, with its bytes for the blob store.

    `filename` is exactly as sent (decoded), never a path; `role` is the
    letter/CV guess and `role_cue` what decided it.
    """

    filename: str
    content_type: str
    kind: FileKind
    sha256: str
    data: bytes = field(repr=False)
    pdf: PdfText | None = None
    role: str | None = None
    role_cue: str | None = None

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class Analysis:
    """Everything the rest of mailroom needs to know about one message.

    `own_text` is the body in the sender's own words (quotes cut off), for
    matching frequent questions. `machine_signals` name what shows a program
    sent the message (see `parse.machines`), the first being the reason a
    reply to it is held back, whatever the verdict. `dmarc_failed` is our own receiving
    server's DMARC verdict on the From address (see `parse.authresults`).
    """

    sender: Address | None
    subject: str
    message_id: str | None
    references: tuple[str, ...]
    language: str
    attachments: tuple[Attachment, ...]
    vacancy: str | None
    verdict: Verdict
    reasons: tuple[Reason, ...] = ()
    flags: tuple[Flag, ...] = ()
    machine_signals: tuple[str, ...] = ()
    bounced_message_ids: tuple[str, ...] = ()
    own_text: str = ""
    dmarc_failed: bool = False
    bounce_detail: str = ""

    @property
    def pdfs(self) -> tuple[Attachment, ...]:
        return tuple(a for a in self.attachments if a.kind is FileKind.PDF)
