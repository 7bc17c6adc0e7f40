"""idempotency with a conscience: an order's request as first placed; enrolment answers a lost
answer's retry (the instance that used the code, the salt its token was derived with)

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("request", sa.JSON))
    with op.batch_alter_table("enrolment_codes") as batch:
        batch.add_column(sa.Column("instance_id", sa.String(36)))
        batch.add_column(sa.Column("token_salt", sa.String(64)))


def downgrade() -> None:
    with op.batch_alter_table("enrolment_codes") as batch:
        batch.drop_column("token_salt")
        batch.drop_column("instance_id")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("request")
