"""Demo data: a Spanish chain with stores, a catalog with sizes and colours, prices, stock,
customers and cashiers. Deterministic for a given size and seed; scales to 1,000,000 SKUs.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from pos_app.domain.barcode import make_ean13
from sync.server import schema as t
from sync.server.catalog import CatalogImport, CatalogRow, add_price_entry, set_counted_stock
from sync.server.people import DEFAULT_ROLES, add_staff, family_id, promotion, save_promotion, save_role, sku_ids
from sync.server.store import CentralStore, utcnow

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
    for code, name, city in STORES[: max(1, min(stores, len(STORES)))]:
        store.create_store(code, name, city)
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
    now = utcnow()
    with store.writer.begin() as conn:
        rows = []
        for i in range(1, customers + 1):
            first, last1, last2 = rng.choice(FIRST), rng.choice(LAST), rng.choice(LAST)
            rows.append(
                {
                    "card_number": f"LC{i:08d}",
                    "name": f"{first} {last1} {last2}",
                    "phone": f"+346{rng.randrange(10**7, 10**8):08d}",
                    "email": _ascii(f"{first.lower()}.{last1.lower()}{i}@example.es"),
                    "postcode": f"{rng.randrange(1, 53):02d}{rng.randrange(0, 1000):03d}",
                    "birth_year": rng.randrange(1945, 2007),
                    "marketing_consent": rng.random() < 0.6,
                    "created_at": now,
                }
            )
            if len(rows) >= 5000:
                conn.execute(t.customers.insert(), rows)
                rows = []
        if rows:
            conn.execute(t.customers.insert(), rows)
    add_demo_people_and_promotions(store, start)


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
    end = start + timedelta(days=30)
    tees = family_id(store, "Moda", "Mujer", "Camisetas")
    bread = family_id(store, "Alimentación", "Panadería")
    books = family_id(store, "Libros")
    trousers = family_id(store, "Moda", "Hombre", "Pantalones")
    pack = sku_ids(store, ["S0000001", "S0000002"])
    wanted = [
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
    for promo in promos:
        save_promotion(store, promo)
