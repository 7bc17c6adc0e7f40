"""Loyalty rules, the same at the till and at HQ: identifying a member, tiers, earning and spending points.

Pure Python: no Qt, no SQL (pos_app/store/members.py and sync/server/loyalty.py build on these).

Identification keys. A member is found by card, phone, e-mail or name. The till keeps phone
numbers and e-mails only as keyed hashes (HMAC-SHA256 with a secret of the chain): an exact
match works offline, but the till's file does not list them in clear. Residual risk, written
down: whoever steals a till has the key too, and a phone number has about 10^9 values, so a
determined thief can recover the phones by trying them all (minutes per number space on a PC);
e-mails, with no small space to enumerate, stay protected. Names are kept, as the search needs.

Tiers come from the member's spend over the last 365 days in every channel; the highest tier
whose threshold is reached applies. Points are earned on what was paid with money (not on what
was paid with points), times the tier's multiplier, rounded down. A return takes back the points
its sale earned, in proportion to what is returned. Spending offline is capped by the confirmed
balance minus what this till has spent and not yet had confirmed.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sync.rules.errors import ShopError
from sync.rules.money import round_half_up_div

ROLLING_WINDOW = timedelta(days=365)
_NON_DIGITS = re.compile(r"\D")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class IdentificationError(ShopError):
    """What was typed cannot identify a member (code and params: sync/rules/errors.py)."""


def normalise_phone(text: str, country_code: str = "34") -> str:
    """A phone number as digits with its country code: '612 34 56 78', '+34 612345678' and
    '0034612345678' are all '34612345678'."""
    digits = _NON_DIGITS.sub("", text)
    if not text.strip().startswith("+"):  # "+34…" already carries its country code
        if digits.startswith("00"):
            digits = digits[2:]
        elif len(digits) == 9:  # a national number
            digits = country_code + digits
    if not 8 <= len(digits) <= 15:
        raise IdentificationError("identify.phone", f"'{text}' is not a phone number", text=text)
    return digits


def normalise_email(text: str) -> str:
    email = text.strip().lower()
    if not _EMAIL.match(email):
        raise IdentificationError("identify.email", f"'{text}' is not an e-mail address", text=text)
    return email


def lookup_key(secret: bytes, kind: str, value: str) -> str:
    """The keyed hash a till stores and looks up instead of a phone number or an e-mail: the
    first 128 bits of HMAC-SHA256 (32 hex digits; no collision in a lifetime of members)."""
    return hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:32]


def phone_key(secret: bytes, phone: str) -> str:
    return lookup_key(secret, "phone", normalise_phone(phone))


def email_key(secret: bytes, email: str) -> str:
    return lookup_key(secret, "email", normalise_email(email))


def till_card(device_id: int, number: int) -> str:
    """A card number a till issues when it enrols a member, unique in the chain without asking
    the server: LT + the till's id (4 digits) + its own count (6 digits)."""
    return f"LT{device_id:04d}{number:06d}"


def name_words(text: str) -> list[str]:
    """Words of a name as the search compares them: lower case, accents removed."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [w for w in re.split(r"[^a-z0-9]+", plain) if w]


def classify(text: str) -> str:
    """What the cashier typed or scanned: 'card', 'phone', 'email' or 'name'."""
    stripped = text.strip()
    if "@" in stripped:
        return "email"
    if stripped.upper()[:2] in ("LC", "LT") and stripped[2:].isdigit():
        return "card"
    if stripped and _NON_DIGITS.sub("", stripped) and not re.search(r"[A-Za-z]", stripped):
        return "phone"
    return "name"


@dataclass(frozen=True, slots=True)
class Tier:
    code: str
    name: str
    threshold: int  # rolling 12-month spend, cents, from which the tier applies
    multiplier_pct: int  # points multiplier in percent (100 = x1)


def tier_for(spend_12m: int, tiers: Sequence[Tier]) -> Tier:
    """The highest tier whose threshold the spend reaches (tiers must include a 0 threshold)."""
    reached = [t for t in tiers if spend_12m >= t.threshold]
    if not reached:
        raise ValueError("the tiers need one with threshold 0")
    return max(reached, key=lambda t: t.threshold)


def rolling_spend(purchases: Iterable[tuple[datetime, int]], moment: datetime) -> int:
    """Spend of the last 365 days before `moment`, from (when, net amount) in every channel;
    returns count negative."""
    start = moment - ROLLING_WINDOW
    return sum(amount for when, amount in purchases if start <= when <= moment)


def points_earned(paid_with_money: int, tier: Tier, points_per_euro: int = 1) -> int:
    """Points for a sale: per whole euro paid with money (not with points), times the tier's
    multiplier, rounded down. Never negative."""
    if paid_with_money <= 0:
        return 0
    return paid_with_money * points_per_euro * tier.multiplier_pct // (100 * 100)


def points_taken_back(sale_points: int, sale_total: int, returned_amount: int, already_taken: int = 0) -> int:
    """Points a return takes back: the sale's points in proportion to what comes back (rounded
    half up). With earlier returns of the same sale (`already_taken`), never more in all than
    the sale earned."""
    left = sale_points - max(0, already_taken)
    if sale_total <= 0 or returned_amount <= 0 or left <= 0:
        return 0
    return min(left, round_half_up_div(sale_points * min(returned_amount, sale_total), sale_total))


def points_spent(points_tendered: int, cents_per_point: int = 1) -> int:
    """The points a payment in points (`points_tendered` cents) takes off the balance; a refund
    in points (negative) gives them back."""
    return points_tendered // cents_per_point


def sale_points(
    money_paid: int, points_tendered: int, tier: Tier | None, balance: int, cents_per_point: int = 1
) -> tuple[int, int]:
    """A member's sale: (points earned, balance after). Earned on what was paid with money
    (points_earned), none without a tier; the balance loses what was spent in points."""
    earned = points_earned(money_paid, tier) if tier is not None else 0
    return earned, balance + earned - points_spent(points_tendered, cents_per_point)


def return_points(
    earned_by_sale: int,
    sale_total: int,
    returned_amount: int,
    already_taken: int,
    points_tendered: int,
    balance: int | None,
    cents_per_point: int = 1,
) -> tuple[int, int | None]:
    """A return of a member's sale: (points movement, a negative number or 0; balance after,
    None when the member is not known here). The sale's points come back in proportion
    (points_taken_back); what the refund pays in points goes back on the balance."""
    taken = points_taken_back(earned_by_sale, sale_total, returned_amount, already_taken)
    if balance is None:
        return -taken, None
    return -taken, balance - taken - points_spent(points_tendered, cents_per_point)


def redeemable_offline(confirmed_balance: int, pending_here: int) -> int:
    """The most this till may let a member spend now: the balance the server confirmed, minus
    redemptions made at this till that the server has not confirmed yet. Two tills offline at
    once can each spend up to the confirmed balance: the chain's exposure is bounded by the
    confirmed balance times the number of tills offline together (tests/integration/test_loyalty.py)."""
    return max(0, confirmed_balance - max(0, pending_here))


def points_value(points: int, cents_per_point: int = 1) -> int:
    """What points are worth as a payment, in cents."""
    return max(0, points) * cents_per_point
