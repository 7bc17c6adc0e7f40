"""The server's database: the engine each backend needs, the handle every module is given,
the clock it writes and the settings it keeps for itself (server_settings)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sync.server import migrate
from sync.server import schema as t


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def read_setting(conn: Connection, key: str) -> str | None:
    """A value the server keeps for itself (`server_settings`)."""
    return conn.execute(sa.select(t.server_settings.c.value).where(t.server_settings.c.key == key)).scalar()


def write_setting(conn: Connection, key: str, value: str) -> None:
    if read_setting(conn, key) is None:
        conn.execute(t.server_settings.insert().values(key=key, value=value))
    else:
        conn.execute(t.server_settings.update().where(t.server_settings.c.key == key).values(value=value))


def make_engine(url: str) -> Engine:
    """An engine with the settings each backend needs for durable, concurrent use."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL: an acknowledged event must survive a power cut, or "exactly once" is a lie.
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers take the lock up front, so two writers queue instead of failing on upgrade;
            # readers (pull, snapshot) stay deferred and never block a writer in WAL mode.
            mode = "IMMEDIATE" if conn.get_execution_options().get("writer") else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=20)


class Database:
    """The engine, and the same engine for writers (on SQLite their transactions begin
    IMMEDIATE: two writers queue rather than fail on the upgrade of their lock)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.writer = engine.execution_options(writer=True)

    @classmethod
    def open(cls, url: str) -> Self:
        """The database at `url`, migrated to the schema this code writes."""
        db = cls(make_engine(url))
        migrate.upgrade(db.engine)
        return db

    def dispose(self) -> None:
        self.engine.dispose()
