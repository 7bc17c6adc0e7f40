"""roles and promotions; sales keep their kind, cashier, shift, discounts and card references

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roles",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("permissions", sa.String(2000), nullable=False),
        sa.Column("discount_limit_bp", sa.Integer, nullable=False),
    )
    op.create_table(
        "promotions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.Column("target", sa.String(16), nullable=False),
        sa.Column("target_ids", sa.String(2000), nullable=False),
        sa.Column("buy", sa.Integer, nullable=False),
        sa.Column("pay", sa.Integer, nullable=False),
        sa.Column("min_total", sa.BigInteger, nullable=False),
        sa.Column("channels", sa.String(200), nullable=False),
        sa.Column("store_ids", sa.String(2000), nullable=False),
        sa.Column("tier", sa.String(32), nullable=False),
        sa.Column("valid_from", sa.String(40)),
        sa.Column("valid_to", sa.String(40)),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.add_column("sales", sa.Column("kind", sa.String(16), nullable=False, server_default="sale"))
    op.add_column("sales", sa.Column("original_sale_id", sa.String(36)))
    op.add_column("sales", sa.Column("cashier_id", sa.Integer))
    op.add_column("sales", sa.Column("shift_id", sa.String(36)))
    op.add_column("sale_lines", sa.Column("discount", sa.BigInteger, nullable=False, server_default="0"))
    op.add_column("sale_lines", sa.Column("discounts", sa.JSON))
    op.add_column("sale_lines", sa.Column("weight_g", sa.Integer))
    op.add_column("sale_payments", sa.Column("reference", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sale_payments") as batch:
        batch.drop_column("reference")
    with op.batch_alter_table("sale_lines") as batch:
        for column in ("weight_g", "discounts", "discount"):
            batch.drop_column(column)
    with op.batch_alter_table("sales") as batch:
        for column in ("shift_id", "cashier_id", "original_sale_id", "kind"):
            batch.drop_column(column)
    op.drop_table("promotions")
    op.drop_table("roles")
