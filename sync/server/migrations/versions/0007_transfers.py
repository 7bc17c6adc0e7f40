"""transfers between stores, stores' stock limits

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transfers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("code", sa.String(9), nullable=False, unique=True),
        sa.Column("from_store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
        sa.Column("to_store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("order_id", sa.String(36), nullable=False, server_default=""),
        sa.Column("note", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_transfers_stores", "transfers", ["from_store_id", "to_store_id"])
    op.create_table(
        "transfer_lines",
        sa.Column("transfer_id", sa.String(36), sa.ForeignKey("transfers.id"), primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("sku_id", sa.Integer, nullable=False),
        sa.Column("sku_code", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("requested", sa.Integer, nullable=False),
        sa.Column("shipped", sa.Integer, nullable=False, server_default="0"),
        sa.Column("received", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reason", sa.String(32), nullable=False, server_default=""),
    )
    op.create_table(
        "stock_limits",
        sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("sku_id", sa.Integer, sa.ForeignKey("skus.id"), primary_key=True),
        sa.Column("min_qty", sa.Integer, nullable=False),
        sa.Column("max_qty", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("stock_limits", "transfer_lines", "transfers"):
        op.drop_table(table)
