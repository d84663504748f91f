"""The naive baseline: what a competent engineer writes in an afternoon.

One message at a time: fetch its `BODY.PEEK[]`, parse it with `email`, read
each PDF's text with pypdf in this process, store the message, its
documents with their text and a reply rendered by jinja2 through the
SQLAlchemy ORM into a SQLite file, and commit. A message with exactly two
PDFs is valid. Run as `python -m bench.naive HOST PORT USER PASSWORD_FILE
CA_FILE DATABASE OUTBOX`; it prints how many it judged valid.
"""

import ssl
import sys
from email import message_from_bytes, policy
from email.message import EmailMessage
from io import BytesIO
from pathlib import Path

from imapclient import IMAPClient
from jinja2 import Template
from pypdf import PdfReader
from sqlalchemy import ForeignKey, LargeBinary, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

REPLY = Template(
    "Dear {{ name }},\n\nThank you for your application ({{ subject }}). We received "
    "{{ documents | length }} documents:\n{% for d in documents %}- {{ d.filename }} "
    "({{ d.pages }} pages)\n{% endfor %}\nKind regards,\nChasse Executive Search\n"
)


class Base(DeclarativeBase):
    pass


class Message(Base):
    __tablename__ = "message"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[int]
    sender: Mapped[str]
    subject: Mapped[str]
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    verdict: Mapped[str]
    documents: Mapped[list["Document"]] = relationship(back_populates="message")


class Document(Base):
    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"))
    filename: Mapped[str]
    data: Mapped[bytes] = mapped_column(LargeBinary)
    pages: Mapped[int]
    text: Mapped[str]
    message: Mapped[Message] = relationship(back_populates="documents")


class Reply(Base):
    __tablename__ = "reply"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"))
    recipient: Mapped[str]
    body: Mapped[str]


def main(host: str, port: int, user: str, password: str, ca_file: str, database: Path) -> int:
    """Handle every message of INBOX; returns how many were valid."""
    engine = create_engine(f"sqlite:///{database}")
    Base.metadata.create_all(engine)
    client = IMAPClient(host, port=port, ssl=False, timeout=60)
    client._imap.debug = 0
    valid = 0
    try:
        client.starttls(ssl.create_default_context(cafile=ca_file))
        client.login(user, password)
        client.select_folder("INBOX", readonly=True)
        for uid in sorted(client.search("ALL")):
            raw = client.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]
            with Session(engine) as session:
                valid += handle(session, uid, raw)
                session.commit()
    finally:
        client.logout()
    return valid


def handle(session: Session, uid: int, raw: bytes) -> bool:
    """Store one message with its documents and planned reply; True when valid."""
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    documents = []
    for part in parsed.iter_attachments():
        if part.get_content_type() != "application/pdf":
            continue
        data = part.get_content()
        reader = PdfReader(BytesIO(data))
        text = "\n".join(page.extract_text() for page in reader.pages)
        filename = part.get_filename() or "document.pdf"
        documents.append(Document(filename=filename, data=data, pages=len(reader.pages), text=text))
    valid = len(documents) == 2
    sender = parsed["From"]
    message = Message(
        uid=uid,
        sender=str(sender),
        subject=str(parsed["Subject"]),
        raw=raw,
        verdict="valid" if valid else "invalid",
        documents=documents,
    )
    session.add(message)
    session.flush()
    name = sender.addresses[0].display_name if sender and sender.addresses else ""
    body = REPLY.render(name=name, subject=message.subject, documents=documents)
    session.add(Reply(message_id=message.id, recipient=str(sender), body=body))
    return valid


if __name__ == "__main__":
    host, port, user, password_file, ca_file, database = sys.argv[1:7]
    password = Path(password_file).read_text().strip()
    print(f"valid={main(host, int(port), user, password, ca_file, Path(database))}")
