"""Roles, staff and promotions as HQ sets them; each change goes to the tills by the change log.

Staff changes are scoped to their store (a till only learns the PIN hashes of who may work
there); staff without a store, roles and promotions go to every till.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa

from sync import protocol as p
from sync.rules.staff import PERMISSIONS, hash_pin, valid_pin_format
from sync.server import changelog
from sync.server import schema as t
from sync.server.store import CentralStore

DEFAULT_ROLES = [
    ("cashier", "Cajero/a", ["return.with_receipt", "cash.in_out", "shift.close"], 1000),
    ("manager", "Encargado/a", sorted(PERMISSIONS), 10_000),
]


def save_role(store: CentralStore, code: str, name: str, permissions: Iterable[str], discount_limit_bp: int) -> None:
    perms = sorted(set(permissions))
    unknown = [x for x in perms if x not in PERMISSIONS]
    if unknown:
        raise ValueError(f"unknown permissions {unknown}; known: {sorted(PERMISSIONS)}")
    data = p.RoleData(code=code, name=name, permissions=",".join(perms), discount_limit_bp=discount_limit_bp)
    row = data.model_dump()
    with store.writer.begin() as conn:
        if conn.execute(sa.select(t.roles.c.code).where(t.roles.c.code == code)).first():
            conn.execute(t.roles.update().where(t.roles.c.code == code).values(**row))
        else:
            conn.execute(t.roles.insert().values(**row))
        changelog.log_changes(conn, [changelog.change("role", code, data.model_dump(mode="json"))])


def add_staff(store: CentralStore, name: str, role: str, pin: str, store_code: str | None = None) -> int:
    if not valid_pin_format(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    store_id = store.store_id_by_code(store_code) if store_code else None
    with store.writer.begin() as conn:
        if not conn.execute(sa.select(t.roles.c.code).where(t.roles.c.code == role)).first():
            raise ValueError(f"no role {role!r}: create it first")
        pin_hash = hash_pin(pin)
        staff_id = conn.execute(
            t.cashiers.insert()
            .values(store_id=store_id, name=name, role=role, pin_hash=pin_hash)
            .returning(t.cashiers.c.id)
        ).scalar_one()
        data = p.StaffData(id=staff_id, store_id=store_id, name=name, role=role, pin_hash=pin_hash)
        scope = f"store:{store_id}" if store_id else "global"
        changelog.log_changes(conn, [changelog.change("staff", str(staff_id), data.model_dump(mode="json"), scope)])
    return int(staff_id)


def save_promotion(store: CentralStore, promotion: p.PromotionData) -> int:
    """Create (id 0) or replace a promotion; returns its id."""
    row = promotion.model_dump(mode="json", exclude={"id"})
    with store.writer.begin() as conn:
        if promotion.id:
            conn.execute(t.promotions.update().where(t.promotions.c.id == promotion.id).values(**row))
            promo_id = promotion.id
        else:
            promo_id = conn.execute(t.promotions.insert().values(**row).returning(t.promotions.c.id)).scalar_one()
        data = promotion.model_copy(update={"id": promo_id}).model_dump(mode="json")
        changelog.log_changes(conn, [changelog.change("promotion", str(promo_id), data)])
    return int(promo_id)


def family_id(store: CentralStore, *path: str) -> int | None:
    """The id of a family by its path ("Moda", "Mujer"), None if there is none."""
    parent: int | None = None
    with store.engine.connect() as conn:
        for name in path:
            query = sa.select(t.families.c.id).where(t.families.c.name == name)
            query = query.where(
                t.families.c.parent_id.is_(None) if parent is None else t.families.c.parent_id == parent
            )
            parent = conn.execute(query).scalar_one_or_none()
            if parent is None:
                return None
    return parent


def sku_ids(store: CentralStore, codes: Iterable[str]) -> list[int]:
    """Ids of the SKUs with these codes (those that exist)."""
    codes = list(codes)
    with store.engine.connect() as conn:
        found = dict(conn.execute(sa.select(t.skus.c.code, t.skus.c.id).where(t.skus.c.code.in_(codes))).all())
    return [found[code] for code in codes if code in found]


def promotion(
    code: str,
    name: str,
    kind: str,
    value: int,
    target: str,
    target_ids: Iterable[int] = (),
    valid_from: datetime | None = None,
    valid_to: datetime | None = None,
    **extra: object,
) -> p.PromotionData:
    return p.PromotionData.model_validate(
        {
            "id": 0,
            "code": code,
            "name": name,
            "kind": kind,
            "value": value,
            "target": target,
            "target_ids": ",".join(str(i) for i in target_ids),
            "valid_from": valid_from,
            "valid_to": valid_to,
            **extra,
        }
    )
