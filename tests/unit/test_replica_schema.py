"""The till's schema: what a snapshot drops and rebuilds is exactly what the migrations made."""

from __future__ import annotations

from pos_app.store.migrations import REPLICA_INDEXES
from pos_app.store.replica import Replica


def index_sql(replica: Replica) -> dict[str, str]:
    rows = replica.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    return {name: " ".join(sql.split()) for name, sql in rows}


def test_snapshot_rebuilds_the_indexes_the_schema_has(tmp_path):
    replica = Replica.open(tmp_path / "till.sqlite")
    made = index_sql(replica)
    assert {name: made.get(name) for name in REPLICA_INDEXES} == REPLICA_INDEXES
    writer = replica.snapshot_writer()
    writer.begin()
    writer.batch("tax_rate", [("G", 2100, "General")])
    writer.finish(7)
    writer.close()
    assert index_sql(replica) == made
    assert replica.cursor() == 7


def test_a_snapshot_given_up_leaves_the_schema_whole(tmp_path):
    replica = Replica.open(tmp_path / "till.sqlite")
    made = index_sql(replica)
    writer = replica.snapshot_writer()
    writer.begin()
    writer.batch("tax_rate", [("G", 2100, "General")])
    writer.close()  # no finish: rolled back, the indexes and triggers come back
    assert index_sql(replica) == made
    assert replica.conn.execute("SELECT COUNT(*) FROM tax_rates").fetchone()[0] == 0
    assert replica.cursor() is None


def test_the_screens_connection_leaves_checkpoints_to_the_sync_thread(tmp_path):
    screen = Replica.open(tmp_path / "till.sqlite", autocheckpoint=False)
    sync = Replica.open(tmp_path / "till.sqlite")
    assert screen.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    for n in range(600):  # enough commits that a default connection would have checkpointed
        screen.set_meta(f"k{n}", "x" * 2000)
    database = tmp_path / "till.sqlite"
    assert database.stat().st_size < 500_000 < (tmp_path / "till.sqlite-wal").stat().st_size  # all in the WAL
    sync.checkpoint()
    assert database.stat().st_size > 1_000_000  # copied into the database by the sync side
    screen.close()
    sync.close()
