"""What a scan reads from the replica: the item, its price in the store's list in force now,
its families; the list and the family tree are kept between scans and read again when the
catalog changed, whether a pull on another connection or a write on this one changed it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pos_app.store.replica import Replica

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def _catalog(replica: Replica) -> None:
    """Two lists (the web's is never the till's), families two deep, a sale price this week."""
    with replica.transaction() as conn:
        for statement in """
            INSERT INTO price_lists VALUES (1, 'WEB', 'web', 'Web'), (2, 'TIENDA', 'store', 'Tienda');
            INSERT INTO families VALUES (10, NULL, 'Moda'), (11, 10, 'Mujer'), (20, NULL, 'Rebajas');
            INSERT INTO products VALUES (1, 'P1', 'Camiseta', 11), (2, 'P2', 'Bolso', NULL);
            INSERT INTO skus (id, product_id, code, name, tax_rate_bp) VALUES
                (1, 1, 'S1', 'Camiseta M', 2100), (2, 2, 'S2', 'Bolso', 2100), (3, 2, 'S3', 'Bolso viejo', 2100);
            UPDATE skus SET active = 0 WHERE id = 3;
            INSERT INTO barcodes VALUES ('8400000000017', 1), ('8400000000024', 2), ('8400000000031', 3);
            INSERT INTO prices VALUES (1, 1, 1, 999, NULL, NULL), (2, 2, 1, 1500, NULL, NULL),
                (3, 2, 1, 1200, '2026-11-30T00:00:00+00:00', '2026-12-07T00:00:00+00:00');
            """.split(";"):
            conn.execute(statement)


def test_a_scan_prices_from_the_store_list_in_force_and_knows_the_families(tmp_path):
    replica = Replica.open(tmp_path / "till.sqlite")
    _catalog(replica)

    item = replica.item_by_barcode("8400000000017", NOW)
    assert item is not None
    assert (item.sku_id, item.name, item.unit_price, item.family_ids) == (1, "Camiseta M", 1200, (11, 10))
    assert item.barcode == "8400000000017"
    after_sale = replica.item_by_barcode("8400000000017", NOW + timedelta(days=7))
    assert after_sale is not None and after_sale.unit_price == 1500  # valid_to is exclusive
    by_id = replica.item_by_sku_id(1, NOW)
    assert by_id is not None and by_id.unit_price == 1200 and by_id.barcode == ""

    unpriced = replica.item_by_barcode("8400000000024", NOW)  # known, no price in the store's list
    assert unpriced is not None and unpriced.unit_price == -1 and unpriced.family_ids == ()
    assert replica.item_by_barcode("8400000000031", NOW) is None  # no longer sold
    assert replica.item_by_barcode("8400000000048", NOW) is None  # unknown
    replica.close()


def test_a_catalog_change_reaches_the_next_scan_from_another_connection_or_this_one(tmp_path):
    path = tmp_path / "till.sqlite"
    till = Replica.open(path)
    _catalog(till)
    first = till.item_by_barcode("8400000000017", NOW)
    assert first is not None and first.family_ids == (11, 10)

    puller = Replica.open(path)  # the sync engine's connection applies a pull
    with puller.transaction() as conn:
        conn.execute("UPDATE families SET parent_id = 20 WHERE id = 11")  # Mujer moved under Rebajas
        conn.execute("UPDATE price_lists SET channel = 'store' WHERE id = 1")  # the store list is now id 1
    moved = till.item_by_barcode("8400000000017", NOW)
    assert moved is not None and moved.family_ids == (11, 20) and moved.unit_price == 999

    with till.transaction() as conn:  # the same connection writes (as a test or a repair might)
        conn.execute("UPDATE families SET parent_id = NULL WHERE id = 11")
    alone = till.item_by_barcode("8400000000017", NOW)
    assert alone is not None and alone.family_ids == (11,)
    puller.close()
    till.close()
