"""Loyalty members on the till: finding them offline, enrolling them, their points.

The replica of members holds, per member, the card, the name (for the name search), keyed hashes
of the phone and e-mail, the last 3 digits of the phone, the tier, the confirmed points and
12-month spend and the segment tags. A phone or e-mail typed at the till is normalised and hashed
with the chain's member key (from the snapshot) and looked up by its hash; see
sync/rules/loyalty.py for what that protects and what it does not.

Points: the server's balance (`customers.points`) is confirmed as of the replica's cursor; the
till's own movements (`points_movements`) count until the server's figure includes them, exactly
as for stock. Offline, a member may spend at most the confirmed balance minus what this till
has spent or taken back and not had confirmed (`Member.redeemable`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pos_app.store.outbox import PENDING
from pos_app.store.records import Records
from sync import protocol as p
from sync.rules import loyalty

if TYPE_CHECKING:
    from pos_app.store.identity import Identity


class DuplicateMember(ValueError):
    """The phone or e-mail already belongs to a member (`card`, `name`)."""

    def __init__(self, card: str, name: str) -> None:
        super().__init__(f"already a member: {name} ({card})")
        self.card, self.name = card, name


@dataclass(frozen=True, slots=True)
class Member:
    card: str
    name: str
    phone_hint: str
    tier: loyalty.Tier | None
    tier_price_list: int | None
    confirmed_points: int  # the server's balance, as of the last pull
    pending_earned: int  # earned here, not yet in the server's balance
    pending_spent: int  # spent or taken back here (positive), not yet in the server's balance
    spend_12m: int
    tags: frozenset[str]

    @property
    def points(self) -> int:
        """The balance the member sees: confirmed, plus and minus what this till did since."""
        return self.confirmed_points + self.pending_earned - self.pending_spent

    @property
    def redeemable(self) -> int:
        """Points this till lets the member spend now (the offline cap)."""
        return loyalty.redeemable_offline(self.confirmed_points, self.pending_spent)

    @property
    def tier_code(self) -> str:
        return self.tier.code if self.tier else ""

    @property
    def tier_name(self) -> str:
        return self.tier.name if self.tier else ""


_MEMBER_COLUMNS = "c.card, c.name, c.phone_hint, c.tier, c.points, c.spend_12m, c.tags"
NAME_CANDIDATES = 400  # name-search candidates checked against the whole words typed


class MemberRecords(Records):
    def member_key(self) -> bytes | None:
        raw = self.meta("member_key")
        return bytes.fromhex(raw) if raw else None

    def tiers(self) -> dict[str, tuple[loyalty.Tier, int | None]]:
        return {
            r[0]: (loyalty.Tier(r[0], r[1], r[2], r[3]), r[4])
            for r in self.conn.execute("SELECT code, name, threshold, multiplier_pct, price_list_id FROM tiers")
        }

    # --- finding a member ------------------------------------------------------------------

    def find_members(self, text: str, limit: int = 20) -> list[Member]:
        """Members matching what was typed or scanned: a card, a phone, an e-mail (exact, by
        their keyed hashes) or words of a name (prefixes, accents ignored)."""
        kind = loyalty.classify(text)
        if kind == "card":
            return self._members("c.card = ?", (text.strip().upper(),), limit)
        if kind in ("phone", "email"):
            key = self.member_key()
            if key is None:
                return []
            value = loyalty.normalise_phone(text) if kind == "phone" else loyalty.normalise_email(text)
            column = "phone_key" if kind == "phone" else "email_key"
            # "!= ''" lets SQLite use the partial index (members without a phone or e-mail are not in it)
            return self._members(f"c.{column} = ? AND c.{column} != ''", (loyalty.lookup_key(key, kind, value),), limit)
        return self._members_by_name(loyalty.name_words(text), limit)

    def _members_by_name(self, words: list[str], limit: int) -> list[Member]:
        """Members whose name has a word starting with each word typed, shortest names first.

        The index is asked for the words' first 4 letters (its prefix index answers those without
        merging every matching term's list), and the few hundred candidates are then checked
        against the whole words. Bounded: among the first NAME_CANDIDATES candidates; a cashier
        narrows a common name by typing more of it.
        """
        if not words:
            return []
        query = " ".join(f'"{w[:4]}"*' for w in words)
        rows = self.conn.execute(
            "SELECT c.rowid, c.card, c.name FROM customers c WHERE c.rowid IN "
            "(SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT ?)",
            (query, NAME_CANDIDATES),
        ).fetchall()
        hits = []
        for rowid, card, name in rows:
            have = loyalty.name_words(name)
            if all(any(h.startswith(w) for h in have) for w in words):
                hits.append((len(name), rowid, card))
        hits.sort()
        cards = [card for _, _, card in hits[:limit]]
        if not cards:
            return []
        found = {m.card: m for m in self._members(f"c.card IN ({','.join('?' for _ in cards)})", cards, limit)}
        return [found[card] for card in cards if card in found]

    def member(self, card: str) -> Member | None:
        found = self._members("c.card = ?", (card,), 1)
        return found[0] if found else None

    def _members(self, where: str, args: Sequence[object], limit: int) -> list[Member]:
        """Members matching a condition on `customers c`, with their tier and pending points."""
        rows = self.conn.execute(
            f"SELECT {_MEMBER_COLUMNS} FROM customers c WHERE {where} ORDER BY c.rowid LIMIT ?", (*args, limit)
        ).fetchall()
        if not rows:
            return []
        tiers = self.tiers()
        pending = self._pending_points([r[0] for r in rows])
        members = []
        for card, name, hint, tier, points, spend, tags in rows:
            found = tiers.get(tier)
            earned, spent = pending.get(card, (0, 0))
            members.append(
                Member(
                    card,
                    name,
                    hint,
                    found[0] if found else None,
                    found[1] if found else None,
                    points,
                    earned,
                    spent,
                    spend,
                    frozenset(x for x in tags.split(",") if x),
                )
            )
        return members

    def _pending_points(self, cards: Sequence[str]) -> dict[str, tuple[int, int]]:
        """{card: (earned, spent)} of this till's movements the server's balance does not yet include."""
        marks = ",".join("?" for _ in cards)
        rows = self.conn.execute(
            "SELECT m.card, SUM(CASE WHEN m.delta > 0 THEN m.delta ELSE 0 END), "
            "SUM(CASE WHEN m.delta < 0 THEN -m.delta ELSE 0 END) FROM points_movements m "
            "JOIN outbox o ON o.event_id = m.event_id "
            f"WHERE m.card IN ({marks}) AND {PENDING} GROUP BY m.card",
            (*cards, self.cursor() or 0),
        ).fetchall()
        return {r[0]: (int(r[1]), int(r[2])) for r in rows}

    # --- enrolling a member ------------------------------------------------------------------

    def enrol_member(
        self, identity: Identity, name: str, phone: str | None, email: str | None, marketing_consent: bool
    ) -> Member:
        """A new member, created here (offline too) with this till's next card number; sent to
        the server as a fact. A phone or e-mail already known raises DuplicateMember."""
        key = self.member_key()
        if key is None:
            raise ValueError("This till has not loaded the members yet: connect it to the server once")
        name = " ".join(name.split())
        if len(name) < 2:
            raise loyalty.IdentificationError("identify.name", "Type the member's name")
        phone_norm = loyalty.normalise_phone(phone) if phone and phone.strip() else None
        email_norm = loyalty.normalise_email(email) if email and email.strip() else None
        if phone_norm is None and email_norm is None:
            raise loyalty.IdentificationError("identify.contact", "A member needs a phone or an e-mail")
        phone_key = loyalty.lookup_key(key, "phone", phone_norm) if phone_norm else ""
        email_key = loyalty.lookup_key(key, "email", email_norm) if email_norm else ""
        lowest = min(self.tiers().values(), key=lambda x: x[0].threshold, default=None)
        now = datetime.now(UTC)
        with self.transaction() as conn:
            for column, value in (("phone_key", phone_key), ("email_key", email_key)):
                if value:
                    row = conn.execute(
                        f"SELECT card, name FROM customers WHERE {column} = ? AND {column} != ''", (value,)
                    ).fetchone()
                    if row is not None:
                        raise DuplicateMember(row[0], row[1])
            number = conn.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM enrolments").fetchone()[0]
            card = loyalty.till_card(identity.device_id, number)
            fact = p.CustomerEnrolled(
                card=card,
                store_id=identity.store_id,
                till_code=identity.till_code,
                name=name,
                phone=phone_norm,
                email=email_norm,
                marketing_consent=marketing_consent,
                consent_at=now,
                enrolled_at=now,
            )
            event_id = self._fact(conn, "customer.enrolled", fact, now.isoformat())
            conn.execute(
                "INSERT INTO enrolments (card, number, event_id, created_at) VALUES (?, ?, ?, ?)",
                (card, number, event_id, now.isoformat()),
            )
            conn.execute(
                "INSERT INTO customers (card, name, phone_key, email_key, phone_hint, tier, points, spend_12m, tags) "
                "VALUES (?, ?, ?, ?, ?, ?, 0, 0, '')",
                (
                    card,
                    name,
                    phone_key,
                    email_key,
                    phone_norm[-3:] if phone_norm else "",
                    lowest[0].code if lowest else "",
                ),
            )
        member = self.member(card)
        assert member is not None
        return member

    def restore_pending_enrolments(self, conn: sqlite3.Connection, member_key: str, cursor: int) -> None:
        """After a snapshot at `cursor`: members enrolled here that it does not include yet (not
        answered, or answered at a later position of the change log) are put back, so they can
        still be found."""
        key = bytes.fromhex(member_key) if member_key else None
        rows = conn.execute(
            f"SELECT o.payload FROM enrolments e JOIN outbox o ON o.event_id = e.event_id WHERE {PENDING}", (cursor,)
        ).fetchall()
        for (payload,) in rows:
            # Read as stored, not as a new fact: once answered, the phone and e-mail are gone from
            # it (record_results), and the member is found by card and name until the next pull.
            fact = json.loads(payload)
            phone, email = fact.get("phone"), fact.get("email")
            phone_key = loyalty.lookup_key(key, "phone", phone) if key and phone else ""
            email_key = loyalty.lookup_key(key, "email", email) if key and email else ""
            conn.execute(
                "INSERT OR IGNORE INTO customers (card, name, phone_key, email_key, phone_hint, tier, points, "
                "spend_12m, tags) VALUES (?, ?, ?, ?, ?, '', 0, 0, '')",
                (fact["card"], fact["name"], phone_key, email_key, (phone or "")[-3:]),
            )

    # --- what the till knows of a member's purchases -------------------------------------------

    def purchases_here(self, card: str, where: str = "", limit: int = 10) -> list[p.Purchase]:
        """The member's sales and returns at this till (what the panel shows offline)."""
        sales = self.conn.execute(
            "SELECT id, created_at, total, kind FROM sales WHERE customer_card = ? ORDER BY created_at DESC LIMIT ?",
            (card, limit),
        ).fetchall()
        out = []
        for sale_id, created, total, kind in sales:
            lines = self.conn.execute(
                "SELECT sku_id, name FROM sale_lines WHERE sale_id = ? ORDER BY line_no LIMIT 20", (sale_id,)
            ).fetchall()
            out.append(
                p.Purchase(
                    channel="store",
                    created_at=datetime.fromisoformat(created),
                    where=where,
                    total=total,
                    kind=kind,
                    sku_ids=[r[0] for r in lines],
                    items=[r[1] for r in lines],
                )
            )
        return out

    def suggestions(self, bought: Sequence[int], exclude: Sequence[int] = (), limit: int = 5) -> list[tuple[int, str]]:
        """(sku id, name) of products related to what the member bought: other products of the
        same families, not bought already, that this store has in stock first."""
        if not bought:
            return []
        marks = ",".join("?" for _ in bought)
        families = [
            r[0]
            for r in self.conn.execute(
                f"SELECT DISTINCT p.family_id FROM skus s JOIN products p ON p.id = s.product_id "
                f"WHERE s.id IN ({marks}) AND p.family_id IS NOT NULL",
                tuple(bought),
            )
        ]
        if not families:
            return []
        skip = set(bought) | set(exclude)
        fam_marks = ",".join("?" for _ in families)
        rows = self.conn.execute(
            f"SELECT s.id, s.name, p.id FROM products p JOIN skus s ON s.product_id = p.id "
            f"WHERE p.family_id IN ({fam_marks}) AND s.active = 1 ORDER BY p.id, s.id LIMIT 400",
            tuple(families),
        ).fetchall()
        out: list[tuple[int, str]] = []
        seen_products: set[int] = set()
        bought_products = {
            r[0] for r in self.conn.execute(f"SELECT product_id FROM skus WHERE id IN ({marks})", tuple(bought))
        }
        for sku_id, name, product_id in rows:
            if sku_id in skip or product_id in seen_products or product_id in bought_products:
                continue
            seen_products.add(product_id)
            out.append((sku_id, name))
            if len(out) >= limit:
                break
        return out
