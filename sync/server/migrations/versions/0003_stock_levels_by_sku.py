"""stock_levels: covering index in (sku, store) order for the per-SKU snapshot stock rows

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stock_levels_sku_store", "stock_levels", ["sku_id", "store_id", "quantity"])


def downgrade() -> None:
    op.drop_index("ix_stock_levels_sku_store", table_name="stock_levels")
