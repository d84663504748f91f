"""A daily digest goes through the outbox: a row belongs to a message or a digest run.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("digest_run") as table:
        table.add_column(sa.Column("period_start", sa.DateTime(), nullable=True))
        table.add_column(sa.Column("period_end", sa.DateTime(), nullable=True))
    with op.batch_alter_table("outbox") as table:
        table.alter_column("message_id", existing_type=sa.Integer(), nullable=True)
        table.add_column(sa.Column("digest_run_id", sa.Integer(), nullable=True))
        table.create_unique_constraint(
            "uq_outbox_digest_run_recipient", ["digest_run_id", "recipient"]
        )
        table.create_foreign_key(
            "fk_outbox_digest_run_id_digest_run",
            "digest_run",
            ["digest_run_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    op.execute("DELETE FROM outbox WHERE message_id IS NULL")
    with op.batch_alter_table("outbox") as table:
        table.drop_constraint("fk_outbox_digest_run_id_digest_run", type_="foreignkey")
        table.drop_constraint("uq_outbox_digest_run_recipient", type_="unique")
        table.drop_column("digest_run_id")
        table.alter_column("message_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("digest_run") as table:
        table.drop_column("period_end")
        table.drop_column("period_start")
