"""loyalty: members' lookup keys, tiers, points ledger, segments, other channels' orders

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CUSTOMER_COLUMNS = (
    ("phone_key", sa.String(32), ""),
    ("email_key", sa.String(32), ""),
    ("phone_hint", sa.String(4), ""),
    ("tier", sa.String(32), ""),
    ("points_balance", sa.BigInteger, "0"),
    ("spend_12m", sa.BigInteger, "0"),
    ("tags", sa.String(500), ""),
)


def upgrade() -> None:
    for name, type_, default in CUSTOMER_COLUMNS:
        op.add_column("customers", sa.Column(name, type_, nullable=False, server_default=default))
    op.add_column("customers", sa.Column("consent_at", sa.String(40)))
    op.add_column("customers", sa.Column("enrolled_store_id", sa.Integer))
    op.add_column("customers", sa.Column("enrolled_till", sa.String(32)))
    op.add_column("customers", sa.Column("merged_into", sa.Integer))
    op.create_index("ix_customers_phone_key", "customers", ["phone_key"])
    op.create_index("ix_customers_email_key", "customers", ["email_key"])
    op.create_table(
        "tiers",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("threshold", sa.BigInteger, nullable=False),
        sa.Column("multiplier_pct", sa.Integer, nullable=False),
        sa.Column("price_list_id", sa.Integer),
    )
    op.create_table(
        "points_movements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("delta", sa.BigInteger, nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("event_id", sa.String(36)),
        sa.Column("sale_id", sa.String(36)),
        sa.Column("store_id", sa.Integer),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("event_id", "reason", name="uq_points_event_reason"),
    )
    op.create_index("ix_points_customer", "points_movements", ["customer_id"])
    op.create_table(
        "segments",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("rule", sa.JSON, nullable=False),
    )
    op.create_table(
        "channel_orders",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id")),
        sa.Column("store_id", sa.Integer),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
        sa.Column("lines", sa.JSON, nullable=False),
    )
    op.create_index("ix_channel_orders_customer", "channel_orders", ["customer_id", "created_at"])
    op.create_table(
        "server_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(2000), nullable=False),
    )
    op.add_column("promotions", sa.Column("segment", sa.String(32), nullable=False, server_default=""))
    op.add_column("sales", sa.Column("customer_id", sa.Integer))
    op.add_column("sales", sa.Column("points_earned", sa.BigInteger, nullable=False, server_default="0"))
    op.create_index("ix_sales_customer", "sales", ["customer_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_sales_customer", "sales")
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("points_earned")
        batch.drop_column("customer_id")
    with op.batch_alter_table("promotions") as batch:
        batch.drop_column("segment")
    for table in ("server_settings", "channel_orders", "segments", "points_movements", "tiers"):
        op.drop_table(table)
    op.drop_index("ix_customers_email_key", "customers")
    op.drop_index("ix_customers_phone_key", "customers")
    with op.batch_alter_table("customers") as batch:
        for name in ("merged_into", "enrolled_till", "enrolled_store_id", "consent_at"):
            batch.drop_column(name)
        for name, _, _ in CUSTOMER_COLUMNS:
            batch.drop_column(name)
