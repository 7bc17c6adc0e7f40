"""the issuer: the company (legal name, NIF, registered address) and each store's address

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "company",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("legal_name", sa.String(200), nullable=False),
        sa.Column("nif", sa.String(9), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("postcode", sa.String(10), nullable=False, server_default=""),
        sa.Column("city", sa.String(200), nullable=False, server_default=""),
    )
    # Plain ADD COLUMN (SQLite has it): a batch copy of `stores` would trip the foreign keys to it.
    op.add_column("stores", sa.Column("address", sa.String(200), nullable=False, server_default=""))
    op.add_column("stores", sa.Column("postcode", sa.String(10), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("stores", "postcode")
    op.drop_column("stores", "address")
    op.drop_table("company")
