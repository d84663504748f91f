"""The send rate shared by every instance sending for one account.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "send_slot",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account", sa.String(length=300), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("settled", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_send_slot_account_at", "send_slot", ["account", "at"])


def downgrade() -> None:
    op.drop_index("ix_send_slot_account_at", table_name="send_slot")
    op.drop_table("send_slot")
