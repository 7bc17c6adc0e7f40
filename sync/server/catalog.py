"""Catalog and stock imports from the ERP, and their CSV format.

`catalog.csv` (UTF-8, comma-separated, header row, one row per SKU):

| column        | meaning                                                     | example              |
|---------------|-------------------------------------------------------------|----------------------|
| sku           | the SKU code, unique                                        | CAM-0001-M-AZ        |
| barcodes      | one or more barcodes separated by `|` (GTINs need a valid check digit) | 8400000000017 |
| product_code  | the style the SKU is a variant of                           | CAM-0001             |
| product_name  | name shown at the till                                      | Camiseta básica      |
| family        | family path, levels separated by ` > `                      | Moda > Mujer > Camisetas |
| size          | optional                                                    | M                    |
| colour        | optional                                                    | Azul                 |
| vat           | VAT rate in percent: 21, 10, 4 or 0                         | 21                   |
| unit          | `each` or `kg`                                              | each                 |
| price_store   | VAT-inclusive price on the store channel list, `12.95` or `12,95` | 12,95          |
| price_web     | VAT-inclusive price on the web channel list; empty = same as store | 11,95           |

`stock.csv`: `store,sku,quantity` — a counted figure per store; the import records the
difference from the current figure as a stock movement (reason `import`), never overwrites.

Every import writes its changes to the change log, so tills pick them up on their next pull.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.rules.barcode import BarcodeError, normalise
from sync.rules.money import parse_amount
from sync.server import changelog
from sync.server import schema as t
from sync.server.db import utcnow
from sync.server.store import CentralStore

TAX_RATES = [
    ("G", 2100, "IVA general 21 %"),
    ("R", 1000, "IVA reducido 10 %"),
    ("SR", 400, "IVA superreducido 4 %"),
    ("E", 0, "Exento"),
]
PRICE_LISTS = [("TIENDA", "store", "Tarifa tienda"), ("WEB", "web", "Tarifa web")]
CHUNK = 5000


class ImportError_(ValueError):
    """A row that cannot be imported; the message names the line."""


@dataclass(slots=True)
class CatalogRow:
    sku: str
    barcodes: list[str]
    product_code: str
    product_name: str
    family: list[str]
    tax_rate_bp: int
    price_store: int
    price_web: int
    size: str = ""
    colour: str = ""
    unit: str = "each"


@dataclass(slots=True)
class ImportReport:
    skus: int = 0
    changes: int = 0
    errors: list[str] = field(default_factory=list)


def read_catalog_csv(path: Path) -> Iterator[CatalogRow]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = {"sku", "barcodes", "product_code", "product_name", "family", "vat", "price_store"} - set(
            reader.fieldnames or []
        )
        if missing:
            raise ImportError_(f"{path.name}: missing columns {', '.join(sorted(missing))}")
        for line_no, raw in enumerate(reader, start=2):
            try:
                yield _parse_row(raw)
            except (ValueError, KeyError) as exc:
                raise ImportError_(f"{path.name} line {line_no}: {exc}") from exc


def _parse_row(raw: dict[str, str]) -> CatalogRow:
    codes = [c.strip() for c in (raw.get("barcodes") or "").split("|") if c.strip()]
    barcodes = []
    for code in codes:
        try:
            barcodes.append(normalise(code).code)
        except BarcodeError as exc:
            raise ValueError(str(exc)) from None
    vat = raw["vat"].strip().rstrip("%")
    rate_bp = parse_amount(vat)  # "21" -> 2100 basis points, "10,5" -> 1050
    if rate_bp not in {r for _, r, _ in TAX_RATES}:
        raise ValueError(f"unknown VAT rate {raw['vat']!r}")
    unit = (raw.get("unit") or "each").strip() or "each"
    if unit not in ("each", "kg"):
        raise ValueError(f"unit must be 'each' or 'kg', not {unit!r}")
    price_store = parse_amount(raw["price_store"])
    web = (raw.get("price_web") or "").strip()
    return CatalogRow(
        sku=raw["sku"].strip(),
        barcodes=barcodes,
        product_code=raw["product_code"].strip(),
        product_name=raw["product_name"].strip(),
        family=[f.strip() for f in raw["family"].split(">") if f.strip()],
        tax_rate_bp=rate_bp,
        price_store=price_store,
        price_web=parse_amount(web) if web else price_store,
        size=(raw.get("size") or "").strip(),
        colour=(raw.get("colour") or "").strip(),
        unit=unit,
    )


class CatalogImport:
    """Upserts catalog rows in chunks, one transaction per chunk, logging every change."""

    def __init__(self, store: CentralStore, log_changes: bool = True) -> None:
        self.store = store
        self.log_changes = log_changes
        self.report = ImportReport()
        self._families: dict[tuple[str, ...], int] = {}
        self._lists: dict[str, int] = {}

    def run(self, rows: Iterable[CatalogRow]) -> ImportReport:
        with self.store.writer.begin() as conn:
            self._ensure_reference_data(conn)
        chunk: list[CatalogRow] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= CHUNK:
                self._write_chunk(chunk)
                chunk = []
        if chunk:
            self._write_chunk(chunk)
        return self.report

    def _log(self, conn: Connection, changes: list[dict]) -> None:
        if self.log_changes and changes:
            changelog.log_changes(conn, changes)
            self.report.changes += len(changes)

    def _ensure_reference_data(self, conn: Connection) -> None:
        changes = []
        have = set(conn.execute(sa.select(t.tax_rates.c.code)).scalars())
        for code, rate, name in TAX_RATES:
            if code not in have:
                conn.execute(t.tax_rates.insert().values(code=code, rate_bp=rate, name=name))
                changes.append(changelog.change("tax_rate", code, {"code": code, "rate_bp": rate, "name": name}))
        existing = {r.code: r.id for r in conn.execute(sa.select(t.price_lists.c.code, t.price_lists.c.id))}
        for code, channel, name in PRICE_LISTS:
            if code not in existing:
                existing[code] = conn.execute(
                    t.price_lists.insert().values(code=code, channel=channel, name=name).returning(t.price_lists.c.id)
                ).scalar_one()
                data = {"id": existing[code], "code": code, "channel": channel, "name": name}
                changes.append(changelog.change("price_list", str(existing[code]), data))
        self._lists = {"store": existing["TIENDA"], "web": existing["WEB"]}
        by_id = {r.id: r for r in conn.execute(sa.select(t.families))}
        for fam in by_id.values():
            path: list[str] = []
            node: sa.Row[Any] | None = fam
            while node is not None:
                path.append(node.name)
                node = by_id.get(node.parent_id) if node.parent_id is not None else None
            self._families[tuple(reversed(path))] = fam.id
        self._log(conn, changes)

    def _family_id(self, conn: Connection, path: list[str], changes: list[dict]) -> int | None:
        parent: int | None = None
        for depth in range(1, len(path) + 1):
            key = tuple(path[:depth])
            if key not in self._families:
                fid = conn.execute(
                    t.families.insert().values(parent_id=parent, name=key[-1]).returning(t.families.c.id)
                ).scalar_one()
                self._families[key] = fid
                changes.append(changelog.change("family", str(fid), {"id": fid, "parent_id": parent, "name": key[-1]}))
            parent = self._families[key]
        return parent

    def _write_chunk(self, chunk: list[CatalogRow]) -> None:
        changes: list[dict] = []
        with self.store.writer.begin() as conn:
            # products
            codes = {r.product_code for r in chunk}
            products = {
                c: i
                for c, i in conn.execute(
                    sa.select(t.products.c.code, t.products.c.id).where(t.products.c.code.in_(codes))
                )
            }
            seen_products: set[str] = set()
            for r in chunk:
                if r.product_code in seen_products:
                    continue
                seen_products.add(r.product_code)
                family_id = self._family_id(conn, r.family, changes)
                if r.product_code in products:
                    conn.execute(
                        t.products.update()
                        .where(t.products.c.id == products[r.product_code])
                        .values(name=r.product_name, family_id=family_id)
                    )
                else:
                    products[r.product_code] = conn.execute(
                        t.products.insert()
                        .values(code=r.product_code, name=r.product_name, family_id=family_id)
                        .returning(t.products.c.id)
                    ).scalar_one()
                pid = products[r.product_code]
                data = p.ProductData(id=pid, code=r.product_code, name=r.product_name, family_id=family_id)
                changes.append(changelog.change("product", str(pid), data.model_dump(mode="json")))
            # skus
            skus = {
                c: i
                for c, i in conn.execute(
                    sa.select(t.skus.c.code, t.skus.c.id).where(t.skus.c.code.in_({r.sku for r in chunk}))
                )
            }
            new_rows = []
            for r in chunk:
                values = {
                    "product_id": products[r.product_code],
                    "code": r.sku,
                    "name": _sku_name(r),
                    "size": r.size,
                    "colour": r.colour,
                    "tax_rate_bp": r.tax_rate_bp,
                    "unit": r.unit,
                    "active": True,
                }
                if r.sku in skus:
                    conn.execute(t.skus.update().where(t.skus.c.id == skus[r.sku]).values(**values))
                else:
                    new_rows.append(values)
            if new_rows:
                for sku_id, code in conn.execute(
                    t.skus.insert().returning(t.skus.c.id, t.skus.c.code, sort_by_parameter_order=True), new_rows
                ):
                    skus[code] = sku_id
            for r in chunk:
                sid = skus[r.sku]
                sku_data = p.SkuData(
                    id=sid,
                    product_id=products[r.product_code],
                    code=r.sku,
                    name=_sku_name(r),
                    size=r.size,
                    colour=r.colour,
                    tax_rate_bp=r.tax_rate_bp,
                    unit=r.unit,
                )
                changes.append(changelog.change("sku", str(sid), sku_data.model_dump(mode="json")))
            self._write_barcodes(conn, chunk, skus, changes)
            self._write_prices(conn, chunk, skus, changes)
            self._log(conn, changes)
        self.report.skus += len(chunk)

    def _write_barcodes(self, conn: Connection, chunk: list[CatalogRow], skus: dict[str, int], changes: list) -> None:
        wanted = {code: skus[r.sku] for r in chunk for code in r.barcodes}
        existing = {
            c: s
            for c, s in conn.execute(
                sa.select(t.barcodes.c.code, t.barcodes.c.sku_id).where(t.barcodes.c.code.in_(list(wanted)))
            )
        }
        inserts = [{"code": c, "sku_id": s} for c, s in wanted.items() if c not in existing]
        if inserts:
            conn.execute(t.barcodes.insert(), inserts)
        for code, sku_id in wanted.items():
            if code in existing and existing[code] != sku_id:
                conn.execute(t.barcodes.update().where(t.barcodes.c.code == code).values(sku_id=sku_id))
            if existing.get(code) != sku_id:
                changes.append(changelog.change("barcode", code, {"code": code, "sku_id": sku_id}))

    def _write_prices(self, conn: Connection, chunk: list[CatalogRow], skus: dict[str, int], changes: list) -> None:
        """The base price (an entry without dates) per list and SKU; dated entries are seasons."""
        sku_ids = [skus[r.sku] for r in chunk]
        base = {
            (lst, sku): (pid, cents)
            for pid, lst, sku, cents in conn.execute(
                sa.select(t.prices.c.id, t.prices.c.price_list_id, t.prices.c.sku_id, t.prices.c.price_cents).where(
                    t.prices.c.sku_id.in_(sku_ids), t.prices.c.valid_from.is_(None), t.prices.c.valid_to.is_(None)
                )
            )
        }
        inserts = []
        for r in chunk:
            for channel, cents in (("store", r.price_store), ("web", r.price_web)):
                key = (self._lists[channel], skus[r.sku])
                if key not in base:
                    inserts.append({"price_list_id": key[0], "sku_id": key[1], "price_cents": cents})
                elif base[key][1] != cents:
                    conn.execute(t.prices.update().where(t.prices.c.id == base[key][0]).values(price_cents=cents))
                    changes.append(_price_change(base[key][0], key[0], key[1], cents))
        if inserts:
            ids = (
                conn.execute(t.prices.insert().returning(t.prices.c.id, sort_by_parameter_order=True), inserts)
                .scalars()
                .all()
            )
            for pid, row in zip(ids, inserts, strict=True):
                changes.append(_price_change(pid, row["price_list_id"], row["sku_id"], row["price_cents"]))


def _sku_name(r: CatalogRow) -> str:
    extras = " ".join(x for x in (r.size, r.colour) if x)
    return f"{r.product_name} {extras}".strip()


def _price_change(
    pid: int, list_id: int, sku_id: int, cents: int, valid_from: str | None = None, valid_to: str | None = None
) -> dict:
    return changelog.change(
        "price",
        str(pid),
        {
            "id": pid,
            "price_list_id": list_id,
            "sku_id": sku_id,
            "price_cents": cents,
            "valid_from": valid_from,
            "valid_to": valid_to,
        },
    )


def ensure_price_list(store: CentralStore, code: str, channel: str, name: str) -> int:
    """A price list by code, created (and sent to the tills) if it is new; returns its id."""
    with store.writer.begin() as conn:
        found = conn.execute(sa.select(t.price_lists.c.id).where(t.price_lists.c.code == code)).scalar()
        if found is not None:
            return int(found)
        list_id = conn.execute(
            t.price_lists.insert().values(code=code, channel=channel, name=name).returning(t.price_lists.c.id)
        ).scalar_one()
        data = {"id": list_id, "code": code, "channel": channel, "name": name}
        changelog.log_changes(conn, [changelog.change("price_list", str(list_id), data)])
        return int(list_id)


def add_price_entry(
    store: CentralStore, list_code: str, sku_code: str, cents: int, valid_from: str | None, valid_to: str | None
) -> int:
    """A dated entry (a sales season) or a new base price for one SKU, logged for the tills."""
    return add_price_entries(store, list_code, [(sku_code, cents)], valid_from, valid_to)[0]


def add_price_entries(
    store: CentralStore,
    list_code: str,
    prices: Sequence[tuple[str, int]],
    valid_from: str | None = None,
    valid_to: str | None = None,
) -> list[int]:
    """A price-list update: (sku code, cents) entries with one validity, in one transaction."""
    ids: list[int] = []
    with store.writer.begin() as conn:
        list_id = conn.execute(sa.select(t.price_lists.c.id).where(t.price_lists.c.code == list_code)).scalar_one()
        codes = {code for code, _ in prices}
        sku_ids = dict(conn.execute(sa.select(t.skus.c.code, t.skus.c.id).where(t.skus.c.code.in_(codes))).all())
        missing = codes - set(sku_ids)
        if missing:
            raise KeyError(f"unknown SKU codes: {sorted(missing)[:5]}")
        changes = []
        for code, cents in prices:
            pid = conn.execute(
                t.prices.insert()
                .values(
                    price_list_id=list_id,
                    sku_id=sku_ids[code],
                    price_cents=cents,
                    valid_from=valid_from,
                    valid_to=valid_to,
                )
                .returning(t.prices.c.id)
            ).scalar_one()
            ids.append(int(pid))
            changes.append(_price_change(pid, list_id, sku_ids[code], cents, valid_from, valid_to))
        changelog.log_changes(conn, changes)
    return ids


def set_counted_stock(
    store: CentralStore, counts: Iterable[tuple[str, str, int]], reason: str = "import", log_changes: bool = True
) -> int:
    """Record (store code, sku code, counted quantity) as movements from the current figures."""
    now = utcnow()
    with store.engine.connect() as conn:
        stores = {c: i for c, i in conn.execute(sa.select(t.stores.c.code, t.stores.c.id))}
    n = 0
    batch: list[tuple[str, str, int]] = []

    def flush() -> None:
        with store.writer.begin() as conn:
            sku_ids = {
                c: i
                for c, i in conn.execute(
                    sa.select(t.skus.c.code, t.skus.c.id).where(t.skus.c.code.in_({s for _, s, _ in batch}))
                )
            }
            current = {
                (s, k): q
                for s, k, q in conn.execute(
                    sa.select(t.stock_levels.c.store_id, t.stock_levels.c.sku_id, t.stock_levels.c.quantity).where(
                        t.stock_levels.c.sku_id.in_(list(sku_ids.values()))
                    )
                )
            }
            movements, levels_new, changes = [], [], []
            for store_code, sku_code, qty in batch:
                if store_code not in stores or sku_code not in sku_ids:
                    raise ImportError_(f"unknown store {store_code!r} or SKU {sku_code!r}")
                key = (stores[store_code], sku_ids[sku_code])
                delta = qty - current.get(key, 0)
                if delta == 0 and key in current:
                    continue
                movements.append(
                    {
                        "store_id": key[0],
                        "sku_id": key[1],
                        "delta": delta,
                        "reason": reason,
                        "event_id": None,
                        "created_at": now,
                    }
                )
                if key in current:
                    conn.execute(
                        t.stock_levels.update()
                        .where(t.stock_levels.c.store_id == key[0], t.stock_levels.c.sku_id == key[1])
                        .values(quantity=qty, updated_at=now)
                    )
                else:
                    levels_new.append({"store_id": key[0], "sku_id": key[1], "quantity": qty, "updated_at": now})
                current[key] = qty
                changes.append(
                    changelog.change(
                        "stock",
                        f"{key[0]}:{key[1]}",
                        {"store_id": key[0], "sku_id": key[1], "quantity": qty, "as_of": now},
                    )
                )
            if movements:
                conn.execute(t.stock_movements.insert(), movements)
            if levels_new:
                conn.execute(t.stock_levels.insert(), levels_new)
            if log_changes:
                changelog.log_changes(conn, changes)

    for row in counts:
        batch.append(row)
        n += 1
        if len(batch) >= CHUNK:
            flush()
            batch = []
    if batch:
        flush()
    return n


def read_stock_csv(path: Path) -> Iterator[tuple[str, str, int]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        for line_no, raw in enumerate(csv.DictReader(fh), start=2):
            try:
                yield raw["store"].strip(), raw["sku"].strip(), int(raw["quantity"])
            except (KeyError, ValueError) as exc:
                raise ImportError_(f"{path.name} line {line_no}: {exc}") from exc


def set_quick_keys(store: CentralStore, rows: Iterable[tuple[str, int, str, str]]) -> int:
    """Stores' favourites grids from (store code or `*` for every store, position, SKU code,
    label). Each store named gets exactly the keys listed for it: its other keys are removed.
    Returns how many keys were set. A bad row (an unknown store or SKU, a position outside
    1..MAX_QUICK_KEYS, a label too long, a position given twice) changes nothing."""
    with store.writer.begin() as conn:
        stores = dict(conn.execute(sa.select(t.stores.c.code, t.stores.c.id)).all())
        grids: dict[int, dict[int, p.QuickKeyData]] = {}
        for store_code, position, sku_code, label in rows:
            sku_id = conn.execute(sa.select(t.skus.c.id).where(t.skus.c.code == sku_code)).scalar()
            targets = list(stores.values()) if store_code == "*" else [stores.get(store_code)]
            if None in targets or sku_id is None:
                raise ValueError(f"{store_code},{position},{sku_code}: unknown store or SKU")
            for store_id in targets:
                assert store_id is not None
                try:
                    key = p.QuickKeyData(store_id=store_id, position=position, sku_id=int(sku_id), label=label)
                except ValueError as exc:
                    raise ValueError(
                        f"{store_code},{position},{sku_code}: position 1 to {p.MAX_QUICK_KEYS}, "
                        "label up to 24 characters"
                    ) from exc
                if position in grids.setdefault(store_id, {}) and store_code != "*":
                    raise ValueError(f"{store_code},{position}: that position is given twice")
                grids[store_id][position] = key
        changes = []
        for store_id, grid in grids.items():
            old = set(
                conn.execute(sa.select(t.quick_keys.c.position).where(t.quick_keys.c.store_id == store_id)).scalars()
            )
            conn.execute(t.quick_keys.delete().where(t.quick_keys.c.store_id == store_id))
            if grid:
                conn.execute(t.quick_keys.insert(), [key.model_dump() for key in grid.values()])
            scope = f"store:{store_id}"
            for position in sorted(old - set(grid)):
                changes.append(changelog.change("quick_key", f"{store_id}:{position}", None, scope))
            for position, key in sorted(grid.items()):
                changes.append(changelog.change("quick_key", f"{store_id}:{position}", key.model_dump(), scope))
        changelog.log_changes(conn, changes)
    return sum(len(grid) for grid in grids.values())


def read_quick_keys_csv(path: Path) -> list[tuple[str, int, str, str]]:
    """`store,position,sku,label` rows (a header row and # comments are skipped)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [
            (r[0].strip(), int(r[1]), r[2].strip(), r[3].strip() if len(r) > 3 else "")
            for r in csv.reader(handle)
            if r and not r[0].startswith("#") and r[0].strip().lower() != "store"
        ]
