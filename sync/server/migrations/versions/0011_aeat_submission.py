"""VERI*FACTU: full invoices' and cancellations' fields, the AEAT's answer per record, submissions

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sale_lines") as batch:
        batch.add_column(sa.Column("price_per_kg", sa.Integer))
    with op.batch_alter_table("invoicing_records") as batch:
        batch.add_column(sa.Column("replaces", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("recipient_nif", sa.String(9), nullable=False, server_default=""))
        batch.add_column(sa.Column("recipient_name", sa.String(120), nullable=False, server_default=""))
        batch.add_column(sa.Column("corrects_record_id", sa.BigInteger))
        batch.add_column(sa.Column("xml", sa.Text))
        batch.add_column(sa.Column("submission_id", sa.BigInteger))
        batch.add_column(sa.Column("sent_at", sa.String(40)))
        batch.add_column(sa.Column("aeat_code", sa.Integer))
        batch.add_column(sa.Column("aeat_text", sa.Text))
    op.create_index("ix_invoicing_records_state", "invoicing_records", ["aeat_state", "id"])
    op.create_table(
        "aeat_submissions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("sent_at", sa.String(40), nullable=False),
        sa.Column("late", sa.Boolean, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("csv", sa.String(64)),
        sa.Column("wait_seconds", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("request", sa.Text, nullable=False),
        sa.Column("response", sa.Text),
    )


def downgrade() -> None:
    with op.batch_alter_table("sale_lines") as batch:
        batch.drop_column("price_per_kg")
    op.drop_table("aeat_submissions")
    op.drop_index("ix_invoicing_records_state", "invoicing_records")
    with op.batch_alter_table("invoicing_records") as batch:
        for name in ("aeat_text", "aeat_code", "sent_at", "submission_id", "xml", "corrects_record_id",
                     "recipient_name", "recipient_nif", "replaces"):  # fmt: skip
            batch.drop_column(name)
