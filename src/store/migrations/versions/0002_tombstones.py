"""Tombstones: keyed hashes of erased messages, so a copy read again is recognised.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tombstone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("raw_key", sa.String(length=64), nullable=False),
        sa.Column("message_id_key", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("sightings", sa.Integer(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("raw_key"),
    )
    with op.batch_alter_table("tombstone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tombstone_message_id_key"), ["message_id_key"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("tombstone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tombstone_message_id_key"))
    op.drop_table("tombstone")
