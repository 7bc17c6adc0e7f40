"""click&collect orders and reservations, their log, outbound notifications

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("reference", sa.String(64), nullable=False, unique=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
        sa.Column("customer_id", sa.Integer),
        sa.Column("customer_name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False, server_default=""),
        sa.Column("email", sa.String(200), nullable=False, server_default=""),
        sa.Column("card", sa.String(20), nullable=False, server_default=""),
        sa.Column("code", sa.String(9), nullable=False, unique=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("problem", sa.Text, nullable=False, server_default=""),
        sa.Column("prepaid", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("total", sa.BigInteger, nullable=False),
        sa.Column("ready_until", sa.String(40)),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("sale_id", sa.String(36)),
    )
    op.create_index("ix_orders_store_state", "orders", ["store_id", "state"])
    op.create_table(
        "order_lines",
        sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("sku_id", sa.Integer, nullable=False),
        sa.Column("sku_code", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("unit_price", sa.BigInteger, nullable=False),
        sa.Column("released", sa.Integer, nullable=False, server_default="0"),
        sa.Column("handed", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_order_lines_sku", "order_lines", ["sku_id"])
    op.create_table(
        "order_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("what", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
        sa.Column("event_id", sa.String(36)),
    )
    op.create_index("ix_order_log_order", "order_log", ["order_id"])
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("dedupe", sa.String(80), nullable=False, unique=True),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", sa.String(40), nullable=False),
        sa.Column("sent_at", sa.String(40)),
        sa.Column("last_error", sa.Text),
    )
    op.create_index("ix_notifications_due", "notifications", ["sent_at", "next_attempt_at"])


def downgrade() -> None:
    for table in ("notifications", "order_log", "order_lines", "orders"):
        op.drop_table(table)
