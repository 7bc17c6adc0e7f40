"""Which card terminal took a card payment (protocol 10): HQ reconciles each terminal's takings

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sale_payments") as batch:
        batch.add_column(sa.Column("terminal", sa.String(40), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sale_payments") as batch:
        batch.drop_column("terminal")
