"""The outbox announces its own facts: once a transaction that queued one has committed, the
replica tells its listener (the till wakes its push and recounts what waits), once per
transaction; never for a rolled-back one, nor for a transaction that queued nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from pos_app.store.replica import FACT_CHANGES, Replica


def test_a_committed_fact_is_announced_once_and_a_rolled_back_one_never(tmp_path):
    replica = Replica.open(tmp_path / "till.sqlite")
    heard: list[int] = []
    replica.fact_recorded = lambda _changed: heard.append(replica.outbox_summary().pending)

    replica.sales.record_override(1, "line.remove", 2, 3, "S0000001 x1")
    assert heard == [1]  # after the commit: the listener already counts it

    with pytest.raises(RuntimeError), replica.transaction() as conn:  # queued, then rolled back
        replica.record_fact(conn, "override.approved", _override(), "2026-12-02T10:00:00+00:00")
        raise RuntimeError("the sale could not be saved")
    assert heard == [1] and replica.outbox_summary().pending == 1

    with replica.transaction() as conn:  # two facts, one transaction: one announcement
        replica.record_fact(conn, "override.approved", _override(), "2026-12-02T10:00:00+00:00")
        replica.record_fact(conn, "override.approved", _override(), "2026-12-02T10:00:01+00:00")
    assert heard == [1, 3]

    with replica.transaction() as conn:  # no fact: nothing to announce
        replica.set_meta("note", "x")
    assert heard == [1, 3]

    replica.fact_recorded = lambda _changed: 1 / 0  # a failing listener loses no fact
    replica.sales.record_override(1, "line.remove", 2, 3, "S0000002 x1")
    assert replica.outbox_summary().pending == 4
    replica.close()


def _override():
    from sync import protocol as p

    return p.OverrideApproved(store_id=1, action="line.remove", staff_id=2, approver_id=3, detail="x")


def test_every_fact_says_what_it_changes_and_the_announcement_carries_it(tmp_path):
    """Each fact type the protocol knows has its entry in FACT_CHANGES (a new fact without one
    would change screens silently); a transaction's announcement is the union of its facts'."""
    from sync import protocol as p

    assert set(FACT_CHANGES) == set(p.EVENT_PAYLOADS)
    screens = set(p.ENTITY_ORDER) | {"sale", "shift"}
    assert all(changed <= screens for changed in FACT_CHANGES.values())

    replica = Replica.open(tmp_path / "till.sqlite")
    heard: list[frozenset[str]] = []
    replica.fact_recorded = heard.append
    with replica.transaction() as conn:
        replica.record_fact(conn, "override.approved", _override(), "2026-12-02T10:00:00+00:00")
        replica.record_fact(conn, "stock.adjusted", _adjusted(), "2026-12-02T10:00:01+00:00")
    replica.sales.record_override(1, "line.remove", 2, 3, "S0000001 x1")
    assert heard == [frozenset({"stock"}), frozenset()]
    replica.close()


def _adjusted():
    from sync import protocol as p

    return p.StockAdjusted(
        adjustment_id=uuid.uuid4(),
        store_id=1,
        kind="adjustment",
        at=datetime.now(UTC),
        lines=[p.StockLine(sku_id=7, delta=-1, reason="damage")],
    )


def test_the_counts_made_after_every_sale_read_indexes_not_the_whole_outbox(tmp_path):
    """The outbox keeps every fact a till ever made; the summary counted after each sale once
    read all of it (1.8 ms a sale after 3,000 sales, growing all day). Each count reads an index."""
    from pos_app.store.replica import OUTBOX_SUMMARY

    replica = Replica.open(tmp_path / "till.sqlite")
    plan = [row[3] for row in replica.conn.execute(f"EXPLAIN QUERY PLAN {OUTBOX_SUMMARY}")]
    assert "SCAN outbox" not in plan, plan  # a scan of the table itself, no index
    assert "SCAN outbox USING INDEX outbox_refused" in plan and "SCAN outbox USING INDEX outbox_pending" in plan
    replica.close()
