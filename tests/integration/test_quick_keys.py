"""Each store's favourites grid, set at HQ (`pos-server set-quick-keys`) and replicated to that
store's tills only, on both backends: a new grid replaces the old one at the tills (keys left out
are removed), and a bad row changes nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sync.server import changelog
from sync.server.catalog import set_quick_keys
from sync.server.store import CentralStore
from tests.tills import ready_till, sync


def grid(replica) -> list[tuple[int, str, str]]:
    """(position, SKU code, label) of the till's own store's grid."""
    identity = replica.identity()
    codes = dict(replica.conn.execute("SELECT id, code FROM skus").fetchall())
    return [(pos, codes[sku], label) for pos, sku, label in replica.quick_keys(identity.store_id)]


def test_a_stores_grid_reaches_its_tills_only_and_a_new_one_replaces_it(tmp_path, live_server, central):
    madrid = ready_till(tmp_path, live_server, central, till="T1", store="MAD1")
    barcelona = ready_till(tmp_path, live_server, central, till="T2", store="BCN1")
    demo_grid = grid(madrid)  # the demo's, every store's: loose fruit and cheese first
    assert demo_grid[:2] == [(1, "W0001", "Manzanas"), (2, "W0002", "Manchego")]
    assert grid(barcelona) == demo_grid

    assert set_quick_keys(central, [("MAD1", 1, "S0000001", "Camiseta"), ("MAD1", 10, "W0002", "")]) == 2
    sync(madrid)
    sync(barcelona)
    # Madrid's grid is exactly the new one (the label left empty shows the SKU's name);
    # Barcelona's is untouched, and Barcelona's till never heard of Madrid's keys.
    assert grid(madrid) == [(1, "S0000001", "Camiseta"), (10, "W0002", "Queso manchego curado")]
    assert grid(barcelona) == demo_grid
    madrid_id = madrid.identity().store_id
    heard = barcelona.conn.execute("SELECT count(*) FROM quick_keys WHERE store_id = ?", (madrid_id,)).fetchone()
    assert heard[0] == 0
    madrid.close()
    barcelona.close()


@pytest.mark.parametrize(
    "row",
    [
        ("MAD1", 1, "NO-SUCH-SKU", ""),
        ("XXX1", 1, "S0000001", ""),
        ("MAD1", 49, "S0000001", ""),  # beyond the grid (48 keys)
        ("MAD1", 2, "S0000001", "a label far too long for a button"),
    ],
)
def test_a_bad_row_changes_nothing(central: CentralStore, row):
    with central.engine.connect() as conn:
        head = changelog.head_seq(conn)
    with pytest.raises(ValueError):
        set_quick_keys(central, [("MAD1", 3, "S0000002", "ok"), row])
    with central.engine.connect() as conn:
        assert changelog.head_seq(conn) == head  # no change logged, none applied


def test_the_command_reads_a_csv(tmp_path, server_db, central):
    keys = tmp_path / "keys.csv"
    keys.write_text("store,position,sku,label\n# the fruit first\n*,1,W0001,Manzanas\nMAD1,2,S0000075,Pan\n")
    done = subprocess.run(
        [sys.executable, "-m", "sync.server", "--db", server_db, "set-quick-keys", str(keys)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "3 quick keys set" in done.stdout  # Manzanas in both stores, Pan in Madrid


def test_a_pull_says_which_entities_it_brought(tmp_path, live_server, central):
    """What open screens redraw from (Till.changed): the entities of the changes a pull applied,
    once per pull; nothing when nothing came."""
    import asyncio

    from tests.tills import engine_for

    madrid = ready_till(tmp_path, live_server, central, till="T1", store="MAD1")
    heard: list[frozenset[str]] = []

    async def pull() -> None:
        engine = engine_for(madrid.path, madrid.identity(), on_arrived=heard.append)
        try:
            await engine.pull_once()
        finally:
            await engine.aclose()
            engine.local.close()

    set_quick_keys(central, [("MAD1", 1, "S0000001", "Camiseta")])
    asyncio.run(pull())
    assert heard == [frozenset({"quick_key"})]
    asyncio.run(pull())  # nothing new
    assert heard == [frozenset({"quick_key"})]
    madrid.close()
