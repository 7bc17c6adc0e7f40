"""The till's database across builds: a newer build upgrades an older database in place (only
forward), an older build refuses a newer one with a sentence, and the device token of an
earlier build's database moves out of it into its private file."""

from __future__ import annotations

import json
import sqlite3
import stat

import pytest

from pos_app.store.migrations import MIGRATIONS, SCHEMA_VERSION
from pos_app.store.replica import Replica, ReplicaError

IDENTITY = {
    "device_id": 3,
    "token": "secret-device-token",
    "store_id": 1,
    "store_code": "MAD1",
    "store_name": "Madrid Centro",
    "till_code": "T1",
    "till_name": "Caja 1",
    "server_url": "https://pos.example.com",
}


def first_schema_database(path) -> None:
    """A database as the first build left it: schema 1, a fact waiting, the token inside."""
    conn = sqlite3.connect(path)
    conn.executescript(f"BEGIN;\n{MIGRATIONS[0]}\nPRAGMA user_version=1;\nCOMMIT;")
    conn.execute("INSERT INTO meta (key, value) VALUES ('identity', ?)", (json.dumps(IDENTITY),))
    conn.execute(
        "INSERT INTO outbox (event_id, type, payload, created_at) VALUES ('e1', 'sale.completed', '{}', '2026-01-01')"
    )
    conn.commit()
    conn.close()


def test_a_newer_build_upgrades_a_first_schema_database_and_keeps_what_waits(tmp_path):
    path = tmp_path / "till.sqlite"
    first_schema_database(path)
    replica = Replica.open(path)
    try:
        assert replica.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [e.event_id for e in replica.pending_events(10)] == ["e1"]
        identity = replica.identity()
        assert identity is not None and identity.token == "secret-device-token"
        # The token left the database for a file only this user can read.
        assert "token" not in json.loads(replica.meta("identity") or "{}")
        assert replica.token_path.read_text() == "secret-device-token"
        assert stat.S_IMODE(replica.token_path.stat().st_mode) == 0o600
    finally:
        replica.close()
    again = Replica.open(path)  # opening again changes nothing
    assert again.identity() == identity
    again.close()


def test_an_upgrade_that_fails_part_way_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    """Every step due runs in one transaction: a step that fails takes the earlier ones with it,
    so the database stays at its old version, readable by the build that wrote it."""
    path = tmp_path / "till.sqlite"
    first_schema_database(path)
    broken = [*MIGRATIONS[:-1], MIGRATIONS[-1] + "\nCREATE TABLE nonsense (;"]
    monkeypatch.setattr("pos_app.store.replica.MIGRATIONS", broken)
    with pytest.raises(ReplicaError, match="cannot be opened"):
        Replica.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    # The second step (stock keyed by SKU first) and the fifth (members) were not left behind.
    stock = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'stock'").fetchone()[0]
    assert "PRIMARY KEY (store_id, sku_id)" in stock
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'customers'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    conn.close()


def test_an_older_build_refuses_a_newer_database_and_leaves_it_alone(tmp_path):
    path = tmp_path / "till.sqlite"
    Replica.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ReplicaError, match=r"newer version of the till .* install the newer version"):
        Replica.open(path)
    assert path.read_bytes() == before


def test_settings_a_half_written_file_gives_the_defaults_and_a_saved_one_comes_back(tmp_path):
    from pos_app.provisioning import TillSettings, normalise_server

    assert TillSettings.load(tmp_path) == TillSettings()
    (tmp_path / "settings.json").write_text('{"printer": "net:10.0.0.5", "langu')  # cut mid-write
    assert TillSettings.load(tmp_path) == TillSettings()
    (tmp_path / "settings.json").write_text("[1, 2]")
    assert TillSettings.load(tmp_path) == TillSettings()
    TillSettings(printer="net:10.0.0.5", language="en", cash_rounding=5).save(tmp_path)
    assert TillSettings.load(tmp_path) == TillSettings(printer="net:10.0.0.5", language="en", cash_rounding=5)
    assert normalise_server(" pos.example.com/ ") == "https://pos.example.com"
    assert normalise_server("http://10.0.0.2:8700") == "http://10.0.0.2:8700"
    with pytest.raises(ValueError, match="not a web address"):
        normalise_server("ftp://x")
