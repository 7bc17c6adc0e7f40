"""Each store's quick keys, the favourites grid of its tills (protocol 11)

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quick_keys",
        sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("sku_id", sa.Integer, sa.ForeignKey("skus.id"), nullable=False),
        sa.Column("label", sa.String(24), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("quick_keys")
