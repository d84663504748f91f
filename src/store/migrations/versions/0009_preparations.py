"""Analyses prepared by any instance for the poller of a mailbox with a backlog.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WAITING = sa.text("status IN ('stored', 'failed')")


def upgrade() -> None:
    op.create_table(
        "preparation",
        sa.Column(
            "message_id",
            sa.Integer(),
            sa.ForeignKey("inbound_message.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.Column("frame", sa.LargeBinary(), nullable=True),
        sa.Column("context_key", sa.String(length=64), nullable=True),
    )
    op.create_index(
        "ix_inbound_waiting",
        "inbound_message",
        ["id"],
        sqlite_where=_WAITING,
        postgresql_where=_WAITING,
    )


def downgrade() -> None:
    op.drop_index("ix_inbound_waiting", table_name="inbound_message")
    op.drop_table("preparation")
