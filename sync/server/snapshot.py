"""The snapshot a till loads when it has nothing (or too old a cursor): every entity it
replicates, as NDJSON, consistent at one change-log position (one read transaction; REPEATABLE
READ on PostgreSQL). Stock goes as one row per SKU with a figure per store; orders and transfers
are the till's store's only, staff only those who may work there, quick keys its store's.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.server import changelog, loyalty, orders, transfers
from sync.server import schema as t
from sync.server.devices import Device
from sync.server.store import CentralStore

# Where each entity of a snapshot lives (stock goes as stock_by_sku, built from stock_levels).
SNAPSHOT_TABLES = {
    "company": t.company,
    "tax_rate": t.tax_rates,
    "store": t.stores,
    "family": t.families,
    "product": t.products,
    "sku": t.skus,
    "barcode": t.barcodes,
    "price_list": t.price_lists,
    "price": t.prices,
    "role": t.roles,
    "staff": t.cashiers,
    "promotion": t.promotions,
    "tier": t.tiers,
    "stock_limit": t.stock_limits,
    "quick_key": t.quick_keys,
}


def snapshot_lines(central: CentralStore, device: Device, chunk_rows: int = 5000) -> Iterator[bytes]:
    """A consistent snapshot as NDJSON: a header, `SnapshotChunk` lines, a trailer.

    One read transaction covers the whole stream, so the rows are exactly the state at
    the cursor named in the header.
    """
    reader = central.engine
    if central.engine.dialect.name == "postgresql":
        reader = central.engine.execution_options(isolation_level="REPEATABLE READ")

    key = loyalty.member_key_hex(central)  # made on first use: before the read transaction
    with reader.connect() as conn, conn.begin():
        cursor = changelog.head_seq(conn)
        stores = list(conn.execute(sa.select(t.stores.c.id).order_by(t.stores.c.id)).scalars())
        header = p.SnapshotHeader(
            cursor=cursor,
            store_id=device.store_id,
            taken_at=datetime.now(UTC),
            stock_stores=stores,
            member_key=key,
        )
        yield header.model_dump_json().encode() + b"\n"
        count = 0
        for entity in p.SNAPSHOT_ORDER:
            if entity in ("order", "transfer"):  # this store's: few, and each with its lines
                module = orders if entity == "order" else transfers
                if few := module.snapshot_rows(conn, device.store_id):
                    count += len(few)
                    yield json.dumps({"entity": entity, "rows": few}, separators=(",", ":")).encode() + b"\n"
                continue
            if entity == "stock_by_sku":
                query = _stock_by_sku_query(stores)
            elif entity == "customer":
                query = loyalty.snapshot_query()
            else:
                table = SNAPSHOT_TABLES[entity]
                query = sa.select(*(table.c[name] for name in p.entity_columns(entity)))
                if entity == "staff":  # a till learns only the PIN hashes of who may work there
                    query = query.where(sa.or_(table.c.store_id.is_(None), table.c.store_id == device.store_id))
                if entity == "quick_key":  # its own store's grid
                    query = query.where(table.c.store_id == device.store_id)
            for rows in _driver_chunks(conn, query, chunk_rows):
                count += len(rows)
                yield json.dumps({"entity": entity, "rows": rows}, separators=(",", ":")).encode() + b"\n"
        yield p.SnapshotTrailer(rows=count).model_dump_json().encode() + b"\n"


def _stock_by_sku_query(stores: Sequence[int]) -> sa.Select:
    """One row per SKU: its id, then its figure at each store (NULL where there is none).
    Read in (sku_id, store_id) order from a covering index, so nothing is sorted."""
    levels = t.stock_levels.c
    figures = [sa.func.max(sa.case((levels.store_id == store, levels.quantity))) for store in stores]
    return sa.select(levels.sku_id, *figures).group_by(levels.sku_id).order_by(levels.sku_id)


def _driver_chunks(conn: Connection, query: sa.Select, size: int) -> Iterator[list[tuple[Any, ...]]]:
    """Rows of `query` as the driver's plain tuples, `size` at a time, inside `conn`'s transaction.

    A snapshot moves millions of rows; SQLAlchemy's Row objects cost more than the rest of the
    work together, so this one query goes to the driver's cursor (server-side on PostgreSQL, so
    memory stays flat).
    """
    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))  # ints only
    driver = conn.connection.driver_connection
    assert driver is not None
    if conn.dialect.name == "postgresql":
        cursor = driver.cursor(name=f"snapshot_{secrets.token_hex(4)}")
    else:
        cursor = driver.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(size):
            yield rows
    finally:
        cursor.close()
