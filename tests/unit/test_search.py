"""Type-ahead search: every word a prefix, best first, with ranking bounded for broad queries."""

from __future__ import annotations

import pytest

from pos_app.store import replica as replica_module
from pos_app.store.replica import Replica


@pytest.fixture
def replica(tmp_path):
    replica = Replica.open(tmp_path / "till.sqlite")
    names = [f"Camiseta básica {n}" for n in range(1, 2501)]
    names += ["Camiseta roja de algodón orgánico con bolsillo y cuello redondo", "Camiseta roja"]
    writer = replica.snapshot_writer()
    writer.begin()
    writer.batch("sku", [(i, i, f"S{i:07d}", name, "", "", 2100, "each", True) for i, name in enumerate(names, 1)])
    writer.finish(1)
    writer.close()
    yield replica
    replica.close()


def test_a_selective_query_is_ranked_whole(replica):
    hits = replica.search("roja")
    # the closest name first, though it comes later in the catalog
    assert [name for _, _, name in hits] == [
        "Camiseta roja",
        "Camiseta roja de algodón orgánico con bolsillo y cuello redondo",
    ]


def test_accents_and_case_do_not_matter_and_every_word_must_match(replica):
    assert [name for _, _, name in replica.search("ALGODON roj")] == [
        "Camiseta roja de algodón orgánico con bolsillo y cuello redondo"
    ]
    assert replica.search("roja azul") == []


def test_a_broad_query_ranks_only_the_first_matches(replica, monkeypatch):
    ranked = replica.search("cam", limit=5000)  # 2,502 match; the first SEARCH_RANKED are scored
    assert sorted(sku_id for sku_id, _, _ in ranked) == list(range(1, replica_module.SEARCH_RANKED + 1))
    monkeypatch.setattr(replica_module, "SEARCH_RANKED", 100)
    sample = replica.search("cam", limit=5000)
    assert sorted(sku_id for sku_id, _, _ in sample) == list(range(1, 101))  # the first 100 in catalog order
    assert len(replica.search("cam", limit=20)) == 20


def test_a_renamed_product_is_found_by_its_new_name_only(replica):
    from sync import protocol as p

    renamed = p.SkuData(id=2502, product_id=2502, code="S0002502", name="Pantalón azul", tax_rate_bp=2100)
    replica.apply_changes([p.Change(seq=2, entity="sku", key="2502", data=renamed.model_dump(mode="json"))], 2)
    assert [name for _, _, name in replica.search("pantalon")] == ["Pantalón azul"]
    # The old words left the index with the old name (a REPLACE would have left them behind).
    assert [sku_id for sku_id, _, _ in replica.search("roja")] == [2501]
    replica.conn.execute("INSERT INTO sku_search (sku_search) VALUES ('integrity-check')")  # raises if corrupt
