"""The schema: mail, people, outbox, bookkeeping, and the search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "applicant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("address"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject_hash", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "digest_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day"),
    )
    op.create_table(
        "vacancy",
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("opens_at", sa.DateTime(), nullable=False),
        sa.Column("closes_at", sa.DateTime(), nullable=False),
        sa.Column("procedure_ends_at", sa.DateTime(), nullable=True),
        sa.Column("retention_days", sa.Integer(), nullable=True),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("slug"),
    )
    op.create_table(
        "inbound_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("folder", sa.String(length=300), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("uid", sa.BigInteger(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("arrived_at", sa.DateTime(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("header_message_id", sa.String(length=998), nullable=True),
        sa.Column("verdict", sa.String(length=20), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("vacancy", sa.String(length=100), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("applicant_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["applicant_id"],
            ["applicant.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["blob.sha256"],
        ),
        sa.ForeignKeyConstraint(
            ["vacancy"],
            ["vacancy.slug"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inbound_message_applicant_id"), ["applicant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_inbound_message_header_message_id"), ["header_message_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inbound_message_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_inbound_message_vacancy"), ["vacancy"], unique=False)
        batch_op.create_index(batch_op.f("ix_inbound_message_verdict"), ["verdict"], unique=False)
        batch_op.create_index(
            "uq_inbound_local_sha256",
            ["source", "sha256"],
            unique=True,
            sqlite_where=sa.text("uid IS NULL"),
            postgresql_where=sa.text("uid IS NULL"),
        )
        batch_op.create_index(
            "uq_inbound_mailbox_uid",
            ["source", "folder", "uidvalidity", "uid"],
            unique=True,
            sqlite_where=sa.text("uid IS NOT NULL"),
            postgresql_where=sa.text("uid IS NOT NULL"),
        )

    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=500), nullable=False),
        sa.Column("content_type", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.Column("role_cue", sa.String(length=100), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("author", sa.String(length=500), nullable=True),
        sa.Column("problem", sa.String(length=40), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["message_id"], ["inbound_message.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["blob.sha256"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id", "position"),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_sha256"), ["sha256"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("rfc_message_id", sa.String(length=998), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("planned_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_answer", sa.Text(), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["message_id"], ["inbound_message.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id", "kind"),
        sa.UniqueConstraint("rfc_message_id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_recipient"), ["recipient"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_status"), ["status"], unique=False)

    op.create_table(
        "question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("vacancy", sa.String(length=100), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answered_how", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["message_id"], ["inbound_message.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["vacancy"],
            ["vacancy.slug"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id"),
    )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_vacancy"), ["vacancy"], unique=False)

    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=False),
        sa.Column("vacancy", sa.String(length=100), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("superseded_by_id", sa.Integer(), nullable=True),
        sa.Column("supplement_of_id", sa.Integer(), nullable=True),
        sa.Column("arrived_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["applicant_id"],
            ["applicant.id"],
        ),
        sa.ForeignKeyConstraint(["message_id"], ["inbound_message.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["superseded_by_id"], ["submission.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["supplement_of_id"], ["submission.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["vacancy"],
            ["vacancy.slug"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id"),
    )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_submission_applicant_id"), ["applicant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_submission_vacancy"), ["vacancy"], unique=False)

    op.create_table(
        "delivery_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("delivery_attempt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delivery_attempt_outbox_id"), ["outbox_id"], unique=False
        )

    op.create_table(
        "folder_checkpoint",
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("folder", sa.String(length=300), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("handled_through", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("source", "folder"),
    )
    op.create_table(
        "source_health",
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("down_since", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_ok_at", sa.DateTime(), nullable=True),
        sa.Column("outages", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source"),
    )
    _create_search_index()


def downgrade() -> None:
    _drop_search_index()
    op.drop_table("source_health")
    op.drop_table("folder_checkpoint")
    with op.batch_alter_table("delivery_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_attempt_outbox_id"))

    op.drop_table("delivery_attempt")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_vacancy"))
        batch_op.drop_index(batch_op.f("ix_submission_applicant_id"))

    op.drop_table("submission")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_vacancy"))

    op.drop_table("question")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_outbox_recipient"))

    op.drop_table("outbox")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_sha256"))

    op.drop_table("document")
    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_inbound_mailbox_uid",
            sqlite_where=sa.text("uid IS NOT NULL"),
            postgresql_where=sa.text("uid IS NOT NULL"),
        )
        batch_op.drop_index(
            "uq_inbound_local_sha256",
            sqlite_where=sa.text("uid IS NULL"),
            postgresql_where=sa.text("uid IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_inbound_message_verdict"))
        batch_op.drop_index(batch_op.f("ix_inbound_message_vacancy"))
        batch_op.drop_index(batch_op.f("ix_inbound_message_sha256"))
        batch_op.drop_index(batch_op.f("ix_inbound_message_header_message_id"))
        batch_op.drop_index(batch_op.f("ix_inbound_message_applicant_id"))

    op.drop_table("inbound_message")
    op.drop_table("vacancy")
    op.drop_table("digest_run")
    op.drop_table("blob")
    op.drop_table("audit_log")
    op.drop_table("applicant")


def _create_search_index() -> None:
    """Full-text index of document text; not in the ORM metadata (see store.search).

    SQLite: an FTS5 table keyed by document id, emptied by a trigger when a
    document goes. PostgreSQL: Dutch and simple tsvectors in one column with
    a GIN index, removed with the document by the foreign key.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE document_fts USING fts5("
            "body, tokenize = 'unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER document_fts_forget AFTER DELETE ON document "
            "BEGIN DELETE FROM document_fts WHERE rowid = old.id; END"
        )
        return
    op.execute(
        "CREATE TABLE document_search ("
        "document_id INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE, "
        "vector TSVECTOR NOT NULL)"
    )
    op.execute("CREATE INDEX ix_document_search_vector ON document_search USING gin (vector)")


def _drop_search_index() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER document_fts_forget")
        op.execute("DROP TABLE document_fts")
    else:
        op.execute("DROP TABLE document_search")
