"""The central database's schema, kept by Alembic: one history for SQLite and PostgreSQL.

The server upgrades its database itself when it opens it (`CentralStore.open`). The upgrade
runs in one transaction that first takes a lock (`BEGIN IMMEDIATE` on SQLite, an advisory
lock on PostgreSQL), so several server processes starting together upgrade it once and
the others find it done. A database made before migrations existed (tables but no
`alembic_version`) is adopted as revision 0001, the schema it was made with.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine

from sync.server.locks import Lock

SCRIPT_LOCATION = "sync.server:migrations"
BASELINE = "0001"


class SchemaError(Exception):
    """The database's schema is not one this server can use (e.g. made by a newer version)."""


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (normally the newest), under a lock, in one transaction."""
    with engine.execution_options(writer=True).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": int(Lock.MIGRATION)})
        found = MigrationContext.configure(conn).get_current_revision()
        config = alembic_config(conn)
        script = ScriptDirectory.from_config(config)
        if found is not None and not _known(script, found):
            raise SchemaError(
                f"the database is at schema revision {found}, which this server does not know "
                f"(it knows up to {script.get_current_head()}): it was upgraded by a newer server"
            )
        if found is None and sa.inspect(conn).has_table("change_log"):
            command.stamp(config, BASELINE)
        try:
            command.upgrade(config, revision)
        except CommandError as exc:
            raise SchemaError(str(exc)) from exc


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def downgrade(engine: Engine, revision: str) -> None:
    with engine.execution_options(writer=True).begin() as conn:
        command.downgrade(alembic_config(conn), revision)
