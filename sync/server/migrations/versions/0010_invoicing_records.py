"""VERI*FACTU invoicing records received from the tills

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invoicing_records",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("store_id", sa.Integer, nullable=False),
        sa.Column("till_id", sa.Integer, nullable=False),
        sa.Column("sale_id", sa.String(36), nullable=False),
        sa.Column("record_type", sa.String(10), nullable=False),
        sa.Column("invoice_type", sa.String(2), nullable=False),
        sa.Column("issuer_nif", sa.String(9), nullable=False),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("issued_on", sa.String(10), nullable=False),
        sa.Column("tax_total", sa.BigInteger, nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
        sa.Column("breakdown", sa.JSON, nullable=False),
        sa.Column("corrects", sa.JSON, nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("generated_at", sa.String(25), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("aeat_state", sa.String(20), nullable=False, server_default="waiting"),
    )
    op.create_index("ix_invoicing_records_till", "invoicing_records", ["till_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_invoicing_records_till", "invoicing_records")
    op.drop_table("invoicing_records")
