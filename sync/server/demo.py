"""Demo data: a Spanish chain with stores, a catalog with sizes and colours, prices, stock,
customers and cashiers. Deterministic for a given size and seed; scales to 1,000,000 SKUs.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from sync import protocol as p
from sync.rules.barcode import make_ean13
from sync.server import loyalty
from sync.server import schema as t
from sync.server.catalog import (
    CatalogImport,
    CatalogRow,
    add_price_entries,
    add_price_entry,
    ensure_price_list,
    set_counted_stock,
    set_quick_keys,
)
from sync.server.db import utcnow
from sync.server.people import DEFAULT_ROLES, add_staff, family_id, promotion, save_promotion, save_role, sku_ids
from sync.server.store import CentralStore

DEMO_COMPANY = ("Omni Retail Demo, S.L.", "B12345674", "Paseo de la Castellana, 100", "28046", "Madrid")
STORES = [
    ("MAD1", "Madrid Centro", "Madrid"),
    ("BCN1", "Barcelona Diagonal", "Barcelona"),
    ("VLC1", "Valencia Ruzafa", "Valencia"),
    ("SEV1", "Sevilla Nervión", "Sevilla"),
    ("BIO1", "Bilbao Abando", "Bilbao"),
    ("ZAR1", "Zaragoza Independencia", "Zaragoza"),
    ("MAL1", "Málaga Larios", "Málaga"),
    ("VAL2", "Valladolid Zorrilla", "Valladolid"),
    ("ALC1", "Alicante Maisonnave", "Alicante"),
    ("COR1", "A Coruña Marineda", "A Coruña"),
]


@dataclass(frozen=True)
class Family:
    path: tuple[str, ...]
    nouns: tuple[str, ...]
    sizes: tuple[str, ...]
    colours: tuple[str, ...]
    vat_bp: int
    price_range: tuple[int, int]  # cents


FAMILIES = [
    Family(
        ("Moda", "Mujer", "Camisetas"),
        ("Camiseta", "Blusa", "Top"),
        ("XS", "S", "M", "L", "XL"),
        ("Blanco", "Negro", "Azul marino", "Rojo"),
        2100,
        (799, 3999),
    ),
    Family(
        ("Moda", "Hombre", "Pantalones"),
        ("Pantalón chino", "Vaquero", "Bermuda"),
        ("38", "40", "42", "44", "46"),
        ("Beige", "Azul", "Gris"),
        2100,
        (1999, 6999),
    ),
    Family(
        ("Moda", "Calzado"),
        ("Zapatilla", "Sandalia", "Bota"),
        ("37", "38", "39", "40", "41", "42", "43"),
        ("Negro", "Blanco", "Marrón"),
        2100,
        (2499, 8999),
    ),
    Family(
        ("Hogar", "Sofás"),
        ("Sofá 2 plazas", "Sofá 3 plazas", "Chaise longue"),
        ("",),
        ("Gris perla", "Mostaza", "Verde botella"),
        2100,
        (39900, 129900),
    ),
    Family(
        ("Hogar", "Textil"),
        ("Cojín", "Manta", "Juego de sábanas"),
        ("", "90", "135", "150"),
        ("Lino", "Terracota", "Blanco"),
        2100,
        (999, 5999),
    ),
    Family(
        ("Alimentación", "Aceites"),
        ("Aceite de oliva virgen extra", "Aceite de girasol"),
        ("500 ml", "1 l", "5 l"),
        ("",),
        1000,
        (249, 3999),
    ),
    Family(("Alimentación", "Panadería"), ("Pan de pueblo", "Barra rústica", "Chapata"), ("",), ("",), 400, (89, 399)),
    Family(("Libros",), ("Novela", "Guía de viaje", "Libro de cocina"), ("",), ("",), 400, (995, 2995)),
    Family(("Salud", "Parafarmacia"), ("Mascarilla FFP2", "Gel hidroalcohólico"), ("",), ("",), 1000, (199, 999)),
]
ADJECTIVES = (
    "Clásico",
    "Esencial",
    "Urbano",
    "Mediterráneo",
    "Nórdico",
    "Premium",
    "Básico",
    "Ecológico",
    "Vintage",
    "Sport",
    "Confort",
    "Natural",
)
FIRST = (
    "María",
    "Carmen",
    "Josefa",
    "Lucía",
    "Ana",
    "Laura",
    "Marta",
    "Elena",
    "Antonio",
    "José",
    "Manuel",
    "Francisco",
    "David",
    "Javier",
    "Daniel",
    "Carlos",
    "Pablo",
    "Sergio",
    "Nuria",
    "Irene",
)
LAST = (
    "García",
    "Rodríguez",
    "González",
    "Fernández",
    "López",
    "Martínez",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Martín",
    "Jiménez",
    "Ruiz",
    "Hernández",
    "Díaz",
    "Moreno",
    "Álvarez",
    "Romero",
    "Navarro",
)


def demo_catalog(sku_count: int, seed: int) -> Iterator[CatalogRow]:
    """`sku_count` SKUs: styles in families, each with its size x colour variants."""
    rng = random.Random(seed)
    made = 0
    style = 0
    while made < sku_count:
        fam = FAMILIES[style % len(FAMILIES)]
        style += 1
        name = f"{fam.nouns[rng.randrange(len(fam.nouns))]} {ADJECTIVES[rng.randrange(len(ADJECTIVES))]}"
        product_code = f"P{style:07d}"
        low, high = fam.price_range
        price = rng.randrange(low, high) // 10 * 10 + 9  # shelf prices end in 9
        for size in fam.sizes:
            for colour in fam.colours:
                if made >= sku_count:
                    return
                made += 1
                web = price if rng.random() < 0.7 else price - max(10, price // 20) // 10 * 10
                yield CatalogRow(
                    sku=f"S{made:07d}",
                    barcodes=[make_ean13(f"84{made:010d}")],
                    product_code=product_code,
                    product_name=name,
                    family=list(fam.path),
                    tax_rate_bp=fam.vat_bp,
                    price_store=price,
                    price_web=web,
                    size=size,
                    colour=colour,
                )


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def generate(store: CentralStore, skus: int = 2000, stores: int = 3, customers: int = 500, seed: int = 42) -> None:
    """Fill an empty server database with a demo chain. Not for a database already in use."""
    rng = random.Random(seed)
    with store.engine.connect() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(t.stores)).scalar_one():
            raise RuntimeError("the database already has stores: demo data goes into an empty database")
    store_codes = []
    # A fictitious company with a NIF of the right form (its control letter checks out).
    store.set_company(*DEMO_COMPANY)
    for n, (code, name, city) in enumerate(STORES[: max(1, min(stores, len(STORES)))], 1):
        store.create_store(code, name, city, address=f"Calle Mayor, {n * 10}", postcode=f"{28000 + n:05d}")
        store_codes.append(code)
    # An empty database: tills bootstrap from a snapshot, so the bulk rows need no change log.
    CatalogImport(store, log_changes=False).run(demo_catalog(skus, seed))
    set_counted_stock(
        store,
        ((s, f"S{i:07d}", rng.randrange(0, 40)) for i in range(1, skus + 1) for s in store_codes),
        reason="initial",
        log_changes=False,
    )
    # A sales season on a few SKUs of the store list: 30 % off for a month from yesterday.
    start = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0)
    for i in range(1, skus + 1, max(1, skus // 20)):
        with store.engine.connect() as conn:
            base = conn.execute(
                sa.select(t.prices.c.price_cents)
                .join(t.skus, t.skus.c.id == t.prices.c.sku_id)
                .join(t.price_lists, t.price_lists.c.id == t.prices.c.price_list_id)
                .where(t.skus.c.code == f"S{i:07d}", t.price_lists.c.code == "TIENDA")
            ).scalar_one()
        add_price_entry(
            store, "TIENDA", f"S{i:07d}", base * 70 // 100, start.isoformat(), (start + timedelta(days=30)).isoformat()
        )
    add_demo_tiers(store, skus)
    add_demo_customers(store, customers, rng)
    add_demo_people_and_promotions(store, start)
    add_demo_web_orders(store, customers, skus, rng)
    for code, name, rule in DEMO_SEGMENTS:
        loyalty.save_segment(store, code, name, rule)
    loyalty.recompute(store)
    add_demo_sofa_and_orders(store, store_codes)
    add_demo_limits(store, store_codes)


def add_demo_limits(store: CentralStore, store_codes: list[str]) -> None:
    """Min/max of the first SKUs in every store: the first store keeps more of them (so its
    till has replenishment suggestions), the others can spare what they hold above 10."""
    from sync.server import transfers

    rows = [(code, f"S{i:07d}", *((25, 40) if n == 0 else (2, 10))) for n, code in enumerate(store_codes)
            for i in range(1, 11)]  # fmt: skip
    transfers.set_limits(store, rows)


# The story of issue 6: one green velvet sofa in each store; and orders for the demo store's
# pickup screen (a prepaid web order for the demo member, a phone reservation to pay here).
DEMO_SOFA = CatalogRow(
    sku="SOFA-TV-VERDE",
    barcodes=[make_ean13("849000000001")],
    product_code="SOFA-TV",
    product_name="Sofá de terciopelo verde",
    family=["Hogar", "Muebles"],
    tax_rate_bp=2100,
    price_store=89_900,
    price_web=89_900,
    colour="Verde",
)


def add_demo_sofa_and_orders(store: CentralStore, store_codes: list[str]) -> None:
    from sync.server import orders

    CatalogImport(store).run([DEMO_SOFA])
    set_counted_stock(store, ((code, DEMO_SOFA.sku, 1) for code in store_codes), reason="initial")
    with store.engine.connect() as conn:
        plenty = list(
            conn.execute(
                sa.select(t.skus.c.code)
                .join(t.stock_levels, t.stock_levels.c.sku_id == t.skus.c.id)
                .join(t.stores, t.stores.c.id == t.stock_levels.c.store_id)
                .where(t.stores.c.code == store_codes[0], t.stock_levels.c.quantity >= 3, t.skus.c.code.like("S0%"))
                .order_by(t.skus.c.id.desc())  # the end of the catalog, where tests do not sell
                .limit(3)
            ).scalars()
        )
    if len(plenty) < 3:
        return
    saturday = datetime.now(UTC) + timedelta(days=(5 - datetime.now(UTC).weekday()) % 7 or 7)
    member = orders.CustomerIn(name=DEMO_MEMBER["name"], phone=DEMO_MEMBER["phone"], email=DEMO_MEMBER["email"],
                               card="LC00000001")  # fmt: skip
    lines = [orders.OrderLineIn(sku=plenty[0], quantity=1), orders.OrderLineIn(sku=plenty[1], quantity=2)]
    orders.place_order(store, orders.NewOrder(reference="W-100231", store=store_codes[0], customer=member,
                                              lines=lines, prepaid=True))  # fmt: skip
    caller = orders.CustomerIn(name="Carmen Ruiz Soto", phone="611222333")
    orders.place_order(store, orders.NewOrder(
        reference="TEL-0007", kind="reservation", channel="phone", store=store_codes[0], customer=caller,
        lines=[orders.OrderLineIn(sku=plenty[2], quantity=1)], hold_until=saturday.replace(hour=20, minute=0),
    ))  # fmt: skip


# Tiers by 12-month spend in every channel: points x1, x1.25, x1.5; Oro also has its own prices.
DEMO_TIERS = [("BRONCE", "Bronce", 0, 100), ("PLATA", "Plata", 30_000, 125), ("ORO", "Oro", 100_000, 150)]
DEMO_SEGMENTS: list[tuple[str, str, dict[str, Any]]] = [
    ("JOVEN", "Jóvenes 18–34", {"age_min": 18, "age_max": 34}),
    ("MADRID", "Código postal de Madrid", {"postcodes": ["28"]}),
    ("WEB", "Compra sobre todo en la web", {"preferred_channel": "web"}),
    ("FRECUENTE", "4 compras o más al año", {"min_orders": 4}),
]
# A member anyone can try at the demo till: phone 600 123 456, e-mail lucia@example.es, Oro.
DEMO_MEMBER = {"name": "Lucía Martín Gómez", "phone": "600123456", "email": "lucia@example.es"}


def add_demo_tiers(store: CentralStore, skus: int) -> None:
    """Three tiers; Oro members pay 10 % less on the first ten SKUs (their tier price list)."""
    oro_list = ensure_price_list(store, "ORO", "loyalty", "Precios socios Oro")
    for code, name, threshold, multiplier in DEMO_TIERS:
        price_list = oro_list if code == "ORO" else None
        loyalty.save_tier(store, p.TierData(code=code, name=name, threshold=threshold, multiplier_pct=multiplier,
                                            price_list_id=price_list))  # fmt: skip
    with store.engine.connect() as conn:
        base = conn.execute(
            sa.select(t.skus.c.code, t.prices.c.price_cents)
            .join(t.prices, t.prices.c.sku_id == t.skus.c.id)
            .join(t.price_lists, t.price_lists.c.id == t.prices.c.price_list_id)
            .where(t.price_lists.c.code == "TIENDA", t.prices.c.valid_from.is_(None), t.skus.c.code <= "S0000010")
        ).all()
    add_price_entries(store, "ORO", [(code, cents * 90 // 100) for code, cents in base if skus])


def add_demo_customers(store: CentralStore, customers: int, rng: random.Random) -> None:
    """Members with their lookup keys (phones and e-mails hashed with the chain's key)."""
    now = utcnow()
    with store.writer.begin() as conn:
        key = loyalty.member_key(conn)
        rows = []
        for i in range(1, customers + 1):
            first, last1, last2 = rng.choice(FIRST), rng.choice(LAST), rng.choice(LAST)
            name, phone = f"{first} {last1} {last2}", f"6{rng.randrange(10**7, 10**8):08d}"
            email = _ascii(f"{first.lower()}.{last1.lower()}{i}@example.es").replace(" ", "")
            if i == 1:
                name, phone, email = DEMO_MEMBER["name"], DEMO_MEMBER["phone"], DEMO_MEMBER["email"]
            rows.append(
                {
                    "card_number": f"LC{i:08d}",
                    "name": name,
                    "postcode": "28013" if i == 1 else f"{rng.randrange(1, 53):02d}{rng.randrange(0, 1000):03d}",
                    "birth_year": 1990 if i == 1 else rng.randrange(1945, 2007),
                    "marketing_consent": rng.random() < 0.6,
                    "consent_at": now,
                    "created_at": now,
                    "tier": "BRONCE",
                    **loyalty.contact_fields(key, phone, email),
                }
            )
            if len(rows) >= 5000:
                conn.execute(t.customers.insert(), rows)
                rows = []
        if rows:
            conn.execute(t.customers.insert(), rows)
        # Points the members already have: 500 for the demo member, some for others.
        ids = list(conn.execute(sa.select(t.customers.c.id).order_by(t.customers.c.id)).scalars())
        opening = [{"customer_id": cid, "delta": 500 if n == 0 else rng.randrange(0, 3000), "reason": "adjust",
                    "event_id": None, "sale_id": None, "store_id": None, "created_at": now}
                   for n, cid in enumerate(ids)]  # fmt: skip
        for start in range(0, len(opening), 5000):
            conn.execute(t.points_movements.insert(), opening[start : start + 5000])
        balances = [{"cid": row["customer_id"], "points": row["delta"]} for row in opening]
        if balances:
            conn.execute(
                t.customers.update()
                .where(t.customers.c.id == sa.bindparam("cid"))
                .values(points_balance=sa.bindparam("points")),
                balances,
            )


def add_demo_web_orders(store: CentralStore, customers: int, skus: int, rng: random.Random) -> None:
    """A year of web orders for some members (the demo member spent enough to be Oro)."""
    now = datetime.now(UTC)
    for i in range(1, min(customers, 60) + 1):
        for _ in range(12 if i == 1 else rng.randrange(0, 6)):
            sku = rng.randrange(1, skus + 1)
            total = 9_500 if i == 1 else rng.randrange(1_000, 20_000)
            line = {"sku_id": sku, "name": f"Pedido web S{sku:07d}", "quantity": 1, "line_total": total}
            when = now - timedelta(days=rng.randrange(1, 360))
            loyalty.record_channel_order(store, "web", f"LC{i:08d}", total, [line], created_at=when)


DEMO_STAFF = [("Ana", "cashier", "1234"), ("Luis", "manager", "9999")]
# Weighed goods: the scale prints 21 + PLU + grams; the catalog has the base code (grams zeroed).
DEMO_WEIGHED = [("W0001", "Manzana Golden", "00101", 249), ("W0002", "Queso manchego curado", "00102", 1995)]


def add_demo_people_and_promotions(store: CentralStore, start: datetime) -> None:
    """Roles, two people (Ana, cashier, PIN 1234; Luis, manager, PIN 9999), weighed fruit and
    cheese, and one promotion of each kind, valid for a month from `start`."""
    for code, name, permissions, limit in DEFAULT_ROLES:
        save_role(store, code, name, permissions, limit)
    for name, role, pin in DEMO_STAFF:
        add_staff(store, name, role, pin)
    CatalogImport(store).run(
        CatalogRow(
            sku=sku,
            barcodes=[make_ean13(f"21{plu}00000")],
            product_code=sku,
            product_name=name,
            family=["Alimentación", "Fruta y queso"],
            tax_rate_bp=400 if sku == "W0001" else 1000,
            price_store=price,
            price_web=price,
            unit="kg",
        )
        for sku, name, plu, price in DEMO_WEIGHED
    )
    # Every store's favourites grid: the loose fruit and cheese first (weighed at the till),
    # then a few everyday items a cashier rings up without scanning.
    everyday = [("S0000075", "Pan"), ("S0000072", "Aceite"), ("S0000001", "Camiseta"), ("S0000010", "")]
    grid = [("W0001", "Manzanas"), ("W0002", "Manchego")] + [e for e in everyday if sku_ids(store, [e[0]])]
    set_quick_keys(store, [("*", n, sku, label) for n, (sku, label) in enumerate(grid, 1)])
    end = start + timedelta(days=30)
    tees = family_id(store, "Moda", "Mujer", "Camisetas")
    bread = family_id(store, "Alimentación", "Panadería")
    books = family_id(store, "Libros")
    trousers = family_id(store, "Moda", "Hombre", "Pantalones")
    pack = sku_ids(store, ["S0000001", "S0000002"])
    wanted: list[tuple[Any, tuple[str, str, str, int, str], dict[str, Any]]] = [
        (bread, ("3X2-PAN", "3x2 en panadería", "n_for_m", 0, "family"), {"buy": 3, "pay": 2}),
        (tees, ("2UD-CAMI", "2.ª unidad al 50 % en camisetas", "second_unit", 5000, "family"), {}),
        (books, ("LIBROS-5", "5 % en libros", "percent", 500, "family"), {}),
        (trousers, ("PANT-5E", "5 € menos en pantalones", "amount", 500, "family"), {}),
    ]
    promos = [promotion(*args, [target], start, end, **extra) for target, args, extra in wanted if target]
    if len(pack) == 2:
        promos.append(promotion("PACK-S1-S2", "Pack 2 camisetas: 15 €", "bundle", 1500, "sku", pack, start, end))
    promos.append(
        promotion(
            "CESTA-100", "10 € menos por 100 € de compra", "basket", 1000, "basket", [], start, end, min_total=10_000
        )
    )
    gold = [f for f in (family_id(store, "Moda"), family_id(store, "Libros")) if f]
    if gold:
        promos.append(promotion("ORO-10", "Socios Oro: 10 % en moda y libros", "percent", 1000, "family", gold, start,
                                end, tier="ORO"))  # fmt: skip
    young = family_id(store, "Hogar", "Textil")
    if young:
        promos.append(promotion("JOVEN-5E", "Jóvenes: 5 € en textil hogar", "amount", 500, "family", [young],
                                start, end, segment="JOVEN"))  # fmt: skip
    for promo in promos:
        save_promotion(store, promo)
