"""Alembic keeps the server's schema on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.server import migrate
from sync.server import schema as t
from sync.server.db import make_engine
from sync.server.store import CentralStore
from tests.conftest import empty_server_db


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from empty_server_db(request.param, tmp_path)


def test_migrations_build_exactly_the_schema_the_code_uses(empty_db: str) -> None:
    central = CentralStore.open(empty_db)
    try:
        assert migrate.current_revision(central.engine) == migrate.head_revision()
        with central.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
        assert diff == []
    finally:
        central.dispose()


def test_upgrade_keeps_the_data_and_downgrade_goes_back(empty_db: str) -> None:
    engine = make_engine(empty_db)
    try:
        migrate.upgrade(engine, migrate.BASELINE)
        with engine.begin() as conn:
            conn.execute(t.stores.insert().values(code="MAD1", name="Madrid"))
            store_id = conn.execute(sa.select(t.stores.c.id)).scalar_one()
            conn.execute(t.tills.insert().values(store_id=store_id, code="T1", name="Caja 1"))
        migrate.upgrade(engine)
        with engine.connect() as conn:
            till = conn.execute(sa.select(t.tills.c.code, t.tills.c.pull_cursor)).one()
        assert (till.code, till.pull_cursor) == ("T1", 0)

        migrate.downgrade(engine, "base")
        assert not sa.inspect(engine).has_table("stores")
        assert migrate.current_revision(engine) is None
    finally:
        engine.dispose()


def test_a_database_made_before_migrations_is_adopted(empty_db: str) -> None:
    engine = make_engine(empty_db)
    try:
        migrate.upgrade(engine, migrate.BASELINE)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE alembic_version"))
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert "pull_cursor" in {c["name"] for c in sa.inspect(engine).get_columns("tills")}
    finally:
        engine.dispose()


def test_a_schema_from_a_newer_server_is_refused_with_a_reason(empty_db: str) -> None:
    engine = make_engine(empty_db)
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(migrate.SchemaError, match="newer server"):
            migrate.upgrade(engine)
    finally:
        engine.dispose()
