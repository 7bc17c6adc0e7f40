"""Loyalty at HQ: members, tiers, the points ledger, segments and their reports.

Members' phones and e-mails are kept in clear here (HQ owns them and contacts members who
consented); tills receive only keyed hashes of them (`phone_key`, `email_key`: HMAC-SHA256
under the chain's member key, see sync/rules/loyalty.py), the last 3 digits of the phone
and the name.

Points are a ledger (`points_movements`), booked in the transaction that records the sale
whose event carries them, with (event id, reason) unique: a retried push never books twice.
`customers.points_balance` is its running sum. A balance below zero (two tills offline each
spent the member's confirmed balance) is recorded and raised as an exception for a person.

Tiers follow the rolling 12-month spend in every channel: a sale moves the member's spend and
tier at once; `recompute` (on a schedule) also lets old spend age out and puts each member in
the segments HQ defined.

Segment rules (JSON; every given condition must hold):
  {"age_min": 18, "age_max": 34,            sociodemographic: age from the birth year
   "postcodes": ["28", "08"],               postcode prefixes
   "min_orders": 4, "min_avg_ticket": 5000, behaviour over 12 months (orders, cents)
   "preferred_channel": "web",              the channel with most orders
   "families": [12, 30]}                    bought something in these families (or below them)
"""

from __future__ import annotations

import secrets
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.rules import loyalty as rules
from sync.server import changelog, hq_exceptions
from sync.server import schema as t
from sync.server.db import read_setting, utcnow, write_setting
from sync.server.devices import Device
from sync.server.locks import Lock
from sync.server.store import CentralStore

MEMBER_KEY = "member_key"
RECOMPUTED_AT = "loyalty_recomputed_at"
SEGMENT_RULE_KEYS = {"age_min", "age_max", "postcodes", "min_orders", "min_avg_ticket", "preferred_channel", "families"}


def member_key(conn: Connection) -> bytes:
    """The chain's key for members' lookup hashes, made on first use and kept in the database."""
    found = read_setting(conn, MEMBER_KEY)
    if found is None:
        found = secrets.token_hex(32)
        write_setting(conn, MEMBER_KEY, found)
    return bytes.fromhex(found)


def member_key_hex(store: CentralStore) -> str:
    with store.engine.connect() as conn:
        found = read_setting(conn, MEMBER_KEY)
    if found is not None:
        return str(found)
    with store.writer.begin() as conn:
        return member_key(conn).hex()


def tiers(conn: Connection) -> list[rules.Tier]:
    rows = conn.execute(sa.select(t.tiers)).all()
    return [rules.Tier(r.code, r.name, r.threshold, r.multiplier_pct) for r in rows]


def _tier_code(spend: int, known: Sequence[rules.Tier]) -> str:
    if not known or not any(tier.threshold == 0 for tier in known):
        return ""
    return rules.tier_for(spend, known).code


def customer_data(row: Any) -> p.CustomerData:
    return p.CustomerData(
        card=row.card_number,
        name=row.name,
        phone_key=row.phone_key,
        email_key=row.email_key,
        phone_hint=row.phone_hint,
        tier=row.tier,
        points=row.points_balance,
        spend_12m=row.spend_12m,
        tags=row.tags,
    )


def customer_changes(conn: Connection, customer_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Change-log rows with these members' current figures (for every till)."""
    wanted = sorted(set(customer_ids))
    rows = conn.execute(sa.select(t.customers).where(t.customers.c.id.in_(wanted))).all() if wanted else []
    return [
        changelog.change("customer", row.card_number, customer_data(row).model_dump(mode="json"))
        for row in rows
        if row.merged_into is None
    ]


def snapshot_query() -> sa.Select:
    c = t.customers.c
    return (
        sa.select(
            c.card_number, c.name, c.phone_key, c.email_key, c.phone_hint, c.tier, c.points_balance, c.spend_12m, c.tags
        )
        .where(c.merged_into.is_(None))
        .order_by(c.id)
    )


def contact_fields(key: bytes, phone: str | None, email: str | None) -> dict[str, Any]:
    phone_digits = rules.normalise_phone(phone) if phone else None
    email_norm = rules.normalise_email(email) if email else None
    return {
        "phone": f"+{phone_digits}" if phone_digits else None,
        "email": email_norm,
        "phone_key": rules.lookup_key(key, "phone", phone_digits) if phone_digits else "",
        "email_key": rules.lookup_key(key, "email", email_norm) if email_norm else "",
        "phone_hint": phone_digits[-3:] if phone_digits else "",
    }


def _existing_member(conn: Connection, phone_key: str, email_key: str) -> Any:
    c = t.customers.c
    keys = [cond for cond in (c.phone_key == phone_key if phone_key else None,
                              c.email_key == email_key if email_key else None) if cond is not None]  # fmt: skip
    if not keys:
        return None
    return conn.execute(sa.select(t.customers).where(sa.or_(*keys), c.merged_into.is_(None)).limit(1)).first()


def add_customer(
    store: CentralStore,
    name: str,
    phone: str | None = None,
    email: str | None = None,
    *,
    card: str | None = None,
    postcode: str | None = None,
    birth_year: int | None = None,
    marketing_consent: bool = False,
) -> str:
    """A member enrolled at HQ (or by the web shop); returns the card number. A phone or e-mail
    already belonging to a member is refused (ValueError naming the card)."""
    if not phone and not email:
        raise ValueError("a member needs a phone or an e-mail")
    now = utcnow()
    with store.writer.begin() as conn:
        contact = contact_fields(member_key(conn), phone, email)
        existing = _existing_member(conn, contact["phone_key"], contact["email_key"])
        if existing is not None:
            raise ValueError(f"already a member: card {existing.card_number}")
        last = conn.execute(sa.select(sa.func.max(t.customers.c.id))).scalar() or 0
        card = card or f"LC{last + 1:08d}"
        customer_id = conn.execute(
            t.customers.insert()
            .values(
                card_number=card,
                name=name.strip(),
                postcode=postcode,
                birth_year=birth_year,
                marketing_consent=marketing_consent,
                consent_at=now,
                created_at=now,
                tier=_tier_code(0, tiers(conn)),
                **contact,
            )
            .returning(t.customers.c.id)
        ).scalar_one()
        changelog.log_changes(conn, customer_changes(conn, [customer_id]))
    return card


def save_tier(store: CentralStore, tier: p.TierData) -> None:
    """Create or change a tier (members move at the next sale or recompute)."""
    row = tier.model_dump()
    with store.writer.begin() as conn:
        if conn.execute(sa.select(t.tiers.c.code).where(t.tiers.c.code == tier.code)).first():
            conn.execute(t.tiers.update().where(t.tiers.c.code == tier.code).values(**row))
        else:
            conn.execute(t.tiers.insert().values(**row))
        changelog.log_changes(conn, [changelog.change("tier", tier.code, tier.model_dump(mode="json"))])


def save_segment(store: CentralStore, code: str, name: str, rule: dict[str, Any]) -> None:
    unknown = set(rule) - SEGMENT_RULE_KEYS
    if unknown:
        raise ValueError(f"unknown segment conditions {sorted(unknown)}; known: {sorted(SEGMENT_RULE_KEYS)}")
    with store.writer.begin() as conn:
        if conn.execute(sa.select(t.segments.c.code).where(t.segments.c.code == code)).first():
            conn.execute(t.segments.update().where(t.segments.c.code == code).values(name=name, rule=rule))
        else:
            conn.execute(t.segments.insert().values(code=code, name=name, rule=rule))


# --- facts from the tills --------------------------------------------------------------------


def apply_enrolments(
    store: CentralStore, conn: Connection, device: Device, enrolments: Sequence[p.CustomerEnrolled]
) -> list[dict[str, Any]]:
    """Members enrolled at a till. A card already known is a repeat (nothing to do). A phone or
    e-mail that already belongs to a member (two tills enrolled the same person offline) is
    not a second member: the new card is kept as an alias of the first one, whose points and
    history it then shares, and HQ is told."""
    if not enrolments:
        return []
    if conn.dialect.name == "postgresql":
        # Two workers must not both find "no member with this phone" and both create one: the
        # check and the insert run under a lock of their own (SQLite's writer lock does this).
        # Not the change-log lock: that one is taken last, by transactions that may hold rows
        # this one is about to update.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": int(Lock.ENROLMENT)})
    key = member_key(conn)
    known_tiers = tiers(conn)
    touched: list[int] = []
    changes: list[dict[str, Any]] = []
    for enrolment in enrolments:
        if conn.execute(sa.select(t.customers.c.id).where(t.customers.c.card_number == enrolment.card)).first():
            continue
        contact = contact_fields(key, enrolment.phone, enrolment.email)
        existing = _existing_member(conn, contact["phone_key"], contact["email_key"])
        values = {
            "card_number": enrolment.card,
            "name": enrolment.name,
            "marketing_consent": enrolment.marketing_consent,
            "consent_at": enrolment.consent_at.isoformat(),
            "created_at": enrolment.enrolled_at.isoformat(),
            "enrolled_store_id": enrolment.store_id,
            "enrolled_till": enrolment.till_code,
            "tier": _tier_code(0, known_tiers),
            **contact,
        }
        if existing is not None:
            conn.execute(t.customers.insert().values(**values, merged_into=existing.id))
            hq_exceptions.raise_exception(
                conn,
                "duplicate_member",
                device.store_id,
                device.till_id,
                f"card {enrolment.card} enrolled at till {device.till_code} has the phone or e-mail of "
                f"{existing.card_number}: kept as an alias of it",
            )
            changes.append(changelog.change("customer", enrolment.card, None))
            touched.append(existing.id)
        else:
            touched.append(conn.execute(t.customers.insert().values(**values).returning(t.customers.c.id)).scalar_one())
    return changes + customer_changes(conn, touched)


def resolve_cards(conn: Connection, cards: Iterable[str]) -> dict[str, int]:
    """{card: member id}, an alias card standing for the member it was merged into."""
    wanted = sorted(set(cards))
    if not wanted:
        return {}
    c = t.customers.c
    rows = conn.execute(sa.select(c.card_number, c.id, c.merged_into).where(c.card_number.in_(wanted))).all()
    return {row.card_number: row.merged_into or row.id for row in rows}


@dataclass(frozen=True, slots=True)
class Booking:
    customer_id: int
    event_id: str
    sale_id: str
    kind: str  # sale | return
    total: int
    points_earned: int
    points_paid: int  # points spent as payment (negative: given back)


def book_sales(
    store: CentralStore, conn: Connection, device: Device, bookings: Sequence[Booking], now: str
) -> list[dict[str, Any]]:
    """Points movements and spend of members' sales, in the sales' transaction."""
    if not bookings:
        return []
    movements = []
    for b in bookings:
        if b.points_earned:
            reason = "earn" if b.kind == "sale" else "return"
            movements.append((b, b.points_earned, reason))
        if b.points_paid:
            reason = "redeem" if b.points_paid > 0 else "refund"
            movements.append((b, -b.points_paid, reason))
    if movements:
        conn.execute(
            t.points_movements.insert(),
            [
                {
                    "customer_id": b.customer_id,
                    "delta": delta,
                    "reason": reason,
                    "event_id": b.event_id,
                    "sale_id": b.sale_id,
                    "store_id": device.store_id,
                    "created_at": now,
                }
                for b, delta, reason in movements
            ],
        )
    points: dict[int, int] = defaultdict(int)
    spend: dict[int, int] = defaultdict(int)
    for b, delta, _ in movements:
        points[b.customer_id] += delta
    for b in bookings:
        spend[b.customer_id] += b.total
    return _move_members(store, conn, points, spend, device)


def _move_members(
    store: CentralStore, conn: Connection, points: dict[int, int], spend: dict[int, int], device: Device | None
) -> list[dict[str, Any]]:
    c = t.customers.c
    known_tiers = tiers(conn)
    ids = sorted(set(points) | set(spend))
    for customer_id in ids:
        conn.execute(
            t.customers.update()
            .where(c.id == customer_id)
            .values(
                points_balance=c.points_balance + points.get(customer_id, 0),
                spend_12m=c.spend_12m + spend.get(customer_id, 0),
            )
        )
    rows = conn.execute(
        sa.select(c.id, c.card_number, c.points_balance, c.spend_12m, c.tier).where(c.id.in_(ids))
    ).all()
    for row in rows:
        tier = _tier_code(row.spend_12m, known_tiers)
        if tier != row.tier:
            conn.execute(t.customers.update().where(c.id == row.id).values(tier=tier))
        if row.points_balance < 0:
            hq_exceptions.raise_exception(
                conn,
                "negative_points",
                device.store_id if device else None,
                device.till_id if device else None,
                f"member {row.card_number} has {row.points_balance} points: redeemed offline at more than "
                "one till before either heard of the other",
            )
    return customer_changes(conn, ids)


def record_channel_order(
    store: CentralStore,
    channel: str,
    card: str | None,
    total: int,
    lines: Sequence[dict[str, Any]],
    *,
    created_at: datetime | None = None,
    store_id: int | None = None,
    order_id: str | None = None,
) -> str:
    """An order of another channel (the web shop): it counts for the member's spend, tier and
    history, and earns points at the member's tier, like a sale at a till. Idempotent by id."""
    order_id = order_id or str(uuid.uuid4())
    when = (created_at or datetime.now(UTC)).isoformat()
    with store.writer.begin() as conn:
        if conn.execute(sa.select(t.channel_orders.c.id).where(t.channel_orders.c.id == order_id)).first():
            return order_id
        customer_id = resolve_cards(conn, [card]).get(card) if card else None
        conn.execute(
            t.channel_orders.insert().values(
                id=order_id,
                channel=channel,
                customer_id=customer_id,
                store_id=store_id,
                created_at=when,
                total=total,
                lines=list(lines),
            )
        )
        if customer_id is None:
            return order_id
        row = conn.execute(sa.select(t.customers.c.tier).where(t.customers.c.id == customer_id)).one()
        tier = next((x for x in tiers(conn) if x.code == row.tier), None)
        earned = rules.points_earned(total, tier) if tier else 0
        if earned:
            conn.execute(
                t.points_movements.insert().values(
                    customer_id=customer_id,
                    delta=earned,
                    reason="earn",
                    event_id=order_id,
                    sale_id=order_id,
                    store_id=store_id,
                    created_at=utcnow(),
                )
            )
        changes = _move_members(store, conn, {customer_id: earned}, {customer_id: total}, None)
        changelog.log_changes(conn, changes)
    return order_id


# --- what the till shows of a member ----------------------------------------------------------


def customer_history(store: CentralStore, card: str, limit: int = 10) -> p.CustomerHistory | None:
    """A member's latest purchases in every channel (store sales and returns, web orders)."""
    with store.engine.connect() as conn:
        customer_id = resolve_cards(conn, [card]).get(card)
        if customer_id is None:
            return None
        sales = conn.execute(
            sa.select(t.sales.c.id, t.sales.c.created_at, t.sales.c.total, t.sales.c.kind, t.stores.c.name)
            .join(t.stores, t.stores.c.id == t.sales.c.store_id)
            .where(t.sales.c.customer_id == customer_id)
            .order_by(t.sales.c.created_at.desc())
            .limit(limit)
        ).all()
        orders = conn.execute(
            sa.select(t.channel_orders)
            .where(t.channel_orders.c.customer_id == customer_id)
            .order_by(t.channel_orders.c.created_at.desc())
            .limit(limit)
        ).all()
        lines: dict[str, list[tuple[int, str]]] = defaultdict(list)
        if sales:
            for row in conn.execute(
                sa.select(t.sale_lines.c.sale_id, t.sale_lines.c.sku_id, t.sale_lines.c.name)
                .where(t.sale_lines.c.sale_id.in_([s.id for s in sales]))
                .order_by(t.sale_lines.c.sale_id, t.sale_lines.c.line_no)
            ):
                lines[row.sale_id].append((row.sku_id, row.name))
    purchases = [
        p.Purchase(
            channel="store",
            created_at=datetime.fromisoformat(s.created_at),
            where=s.name,
            total=s.total,
            kind=s.kind,
            sku_ids=[x for x, _ in lines[s.id]][:20],
            items=[name for _, name in lines[s.id]][:20],
        )
        for s in sales
    ] + [
        p.Purchase(
            channel=o.channel,
            created_at=datetime.fromisoformat(o.created_at),
            where=o.channel,
            total=o.total,
            sku_ids=[int(x["sku_id"]) for x in o.lines][:20],
            items=[str(x.get("name", "")) for x in o.lines][:20],
        )
        for o in orders
    ]
    purchases.sort(key=lambda x: x.created_at, reverse=True)
    return p.CustomerHistory(card=card, purchases=purchases[:limit])


# --- the scheduled recompute and the reports --------------------------------------------------


@dataclass(slots=True)
class _Behaviour:
    spend: int = 0
    orders: int = 0
    channels: Counter[str] | None = None
    families: set[int] | None = None


def _behaviour(conn: Connection, since: str) -> dict[int, _Behaviour]:
    found: dict[int, _Behaviour] = defaultdict(_Behaviour)
    s = t.sales.c
    for row in conn.execute(
        sa.select(s.customer_id, sa.func.sum(s.total), sa.func.sum(sa.case((s.kind == "sale", 1), else_=0)))
        .where(s.customer_id.is_not(None), s.created_at >= since)
        .group_by(s.customer_id)
    ):
        b = found[row[0]]
        b.spend += int(row[1] or 0)
        b.orders += int(row[2] or 0)
        b.channels = Counter({"store": int(row[2] or 0)})
    o = t.channel_orders.c
    for row in conn.execute(
        sa.select(o.customer_id, o.channel, sa.func.sum(o.total), sa.func.count())
        .where(o.customer_id.is_not(None), o.created_at >= since)
        .group_by(o.customer_id, o.channel)
    ):
        customer_id, channel, spend, orders = tuple(row)
        b = found[customer_id]
        b.spend += int(spend or 0)
        b.orders += int(orders)
        b.channels = (b.channels or Counter()) + Counter({channel: int(orders)})
    # Families bought: store sales' lines, through each SKU's product.
    for customer_id, family_id in conn.execute(
        sa.select(s.customer_id, t.products.c.family_id)
        .select_from(t.sales.join(t.sale_lines, t.sale_lines.c.sale_id == s.id))
        .join(t.skus, t.skus.c.id == t.sale_lines.c.sku_id)
        .join(t.products, t.products.c.id == t.skus.c.product_id)
        .where(s.customer_id.is_not(None), s.created_at >= since, s.kind == "sale")
        .distinct()
    ):
        if family_id is not None:
            b = found[customer_id]
            b.families = (b.families or set()) | {int(family_id)}
    return found


def _family_parents(conn: Connection) -> dict[int, int | None]:
    return {r.id: r.parent_id for r in conn.execute(sa.select(t.families.c.id, t.families.c.parent_id))}


def _with_ancestors(families: set[int], parents: dict[int, int | None]) -> set[int]:
    out: set[int] = set()
    for family in families:
        current: int | None = family
        while current is not None and current not in out:
            out.add(current)
            current = parents.get(current)
    return out


def matches(rule: dict[str, Any], age: int | None, postcode: str, b: _Behaviour, families: set[int]) -> bool:
    """Whether a member falls in a segment (every condition given must hold)."""
    if "age_min" in rule and (age is None or age < int(rule["age_min"])):
        return False
    if "age_max" in rule and (age is None or age > int(rule["age_max"])):
        return False
    if "postcodes" in rule and not any(postcode.startswith(str(x)) for x in rule["postcodes"]):
        return False
    if "min_orders" in rule and b.orders < int(rule["min_orders"]):
        return False
    if "min_avg_ticket" in rule and (not b.orders or b.spend // b.orders < int(rule["min_avg_ticket"])):
        return False
    if "preferred_channel" in rule:
        top = (b.channels or Counter()).most_common(1)
        if not top or top[0][0] != rule["preferred_channel"]:
            return False
    return not ("families" in rule and not families & {int(x) for x in rule["families"]})


def last_recompute(store: CentralStore) -> datetime | None:
    with store.engine.connect() as conn:
        found = read_setting(conn, RECOMPUTED_AT)
    return None if found is None else datetime.fromisoformat(found)


def recompute(store: CentralStore, now: datetime | None = None) -> int:
    """Every member's 12-month spend, tier and segments from the facts; the members whose
    figures changed go to the tills. Returns how many changed. Run on a schedule (serve
    --loyalty-every, or `pos-server recompute-loyalty` from cron)."""
    now = now or datetime.now(UTC)
    since = (now - rules.ROLLING_WINDOW).isoformat()
    changed: list[int] = []
    with store.writer.begin() as conn:
        known_tiers = tiers(conn)
        segments = [(r.code, r.rule) for r in conn.execute(sa.select(t.segments).order_by(t.segments.c.code))]
        behaviour = _behaviour(conn, since)
        parents = _family_parents(conn)
        c = t.customers.c
        rows = conn.execute(
            sa.select(c.id, c.birth_year, c.postcode, c.tier, c.spend_12m, c.tags).where(c.merged_into.is_(None))
        ).all()
        updates = []
        for row in rows:
            b = behaviour.get(row.id) or _Behaviour()
            families = _with_ancestors(b.families or set(), parents)
            age = now.year - row.birth_year if row.birth_year else None
            tags = ",".join(code for code, rule in segments if matches(rule, age, row.postcode or "", b, families))
            tier = _tier_code(b.spend, known_tiers)
            if (tier, b.spend, tags) != (row.tier, row.spend_12m, row.tags):
                updates.append({"cid": row.id, "tier": tier, "spend": b.spend, "tags": tags})
                changed.append(row.id)
        if updates:
            conn.execute(
                t.customers.update()
                .where(c.id == sa.bindparam("cid"))
                .values(tier=sa.bindparam("tier"), spend_12m=sa.bindparam("spend"), tags=sa.bindparam("tags")),
                updates,
            )
        write_setting(conn, RECOMPUTED_AT, now.isoformat())
        for start in range(0, len(changed), 5000):
            changelog.log_changes(conn, customer_changes(conn, changed[start : start + 5000]))
    return len(changed)


def sales_by_channel_and_segment(
    store: CentralStore, since: datetime, until: datetime | None = None
) -> list[dict[str, Any]]:
    """Orders and net amount by channel and by the member's segment ("" for sales to no member,
    "-" for members in no segment). A member in two segments counts in both."""
    until = until or datetime.now(UTC) + timedelta(seconds=1)
    start, end = since.isoformat(), until.isoformat()
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    with store.engine.connect() as conn:
        s, o, c = t.sales.c, t.channel_orders.c, t.customers.c
        store_rows = conn.execute(
            sa.select(sa.literal("store"), c.tags, c.id, s.total)
            .select_from(t.sales.outerjoin(t.customers, c.id == s.customer_id))
            .where(s.created_at >= start, s.created_at < end)
        ).all()
        web_rows = conn.execute(
            sa.select(o.channel, c.tags, c.id, o.total)
            .select_from(t.channel_orders.outerjoin(t.customers, c.id == o.customer_id))
            .where(o.created_at >= start, o.created_at < end)
        ).all()
    for channel, tags, customer_id, total in [*store_rows, *web_rows]:
        names = [x for x in (tags or "").split(",") if x] or (["-"] if customer_id is not None else [""])
        for name in names:
            cell = totals[(channel, name)]
            cell[0] += 1
            cell[1] += int(total)
    return [
        {"channel": channel, "segment": segment, "orders": n, "amount": amount}
        for (channel, segment), (n, amount) in sorted(totals.items())
    ]
