"""The outbox announces its own facts: once a transaction that queued one has committed, the
replica tells its listener (the till wakes its push and recounts what waits), once per
transaction; never for a rolled-back one, nor for a transaction that queued nothing."""

from __future__ import annotations

import pytest

from pos_app.store.replica import Replica


def test_a_committed_fact_is_announced_once_and_a_rolled_back_one_never(tmp_path):
    replica = Replica.open(tmp_path / "till.sqlite")
    heard: list[int] = []
    replica.fact_recorded = lambda: heard.append(replica.outbox_summary().pending)

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

    replica.fact_recorded = lambda: 1 / 0  # a failing listener loses no fact
    replica.sales.record_override(1, "line.remove", 2, 3, "S0000002 x1")
    assert replica.outbox_summary().pending == 4
    replica.close()


def _override():
    from sync import protocol as p

    return p.OverrideApproved(store_id=1, action="line.remove", staff_id=2, approver_id=3, detail="x")
