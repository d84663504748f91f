"""First schema: blobs, applicants, inbound messages, documents and the outbox.

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
        "blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
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
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inbound_message_applicant_id"), ["applicant_id"], unique=False
        )
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
        sa.ForeignKeyConstraint(["message_id"], ["inbound_message.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id", "kind"),
        sa.UniqueConstraint("rfc_message_id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_status"))

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
        batch_op.drop_index(batch_op.f("ix_inbound_message_applicant_id"))

    op.drop_table("inbound_message")
    op.drop_table("blob")
    op.drop_table("applicant")
