"""The per-address reply cap finds an address's replies by index, whatever its case.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_outbox_recipient_lower", "outbox", [sa.text("lower(recipient)")])


def downgrade() -> None:
    op.drop_index("ix_outbox_recipient_lower", table_name="outbox")
