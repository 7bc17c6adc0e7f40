"""People at the till: PINs, roles, what each role may do, and when a manager must approve.

PINs are never stored: only a salted PBKDF2-SHA256 hash, which the server sets and the till
replicates so sign-in works offline. After MAX_FAILURES wrong PINs in a row a member is
locked out for LOCKOUT; the failures are kept in the till's database, so restarting the till
does not reset them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sync.rules.money import round_half_up_div

PIN_ITERATIONS = 100_000
MAX_FAILURES = 3
LOCKOUT = timedelta(minutes=5)
# Loss prevention: a cashier takes back a mis-scan or two alone; removing more lines from one
# sale needs "line.remove" (a manager's PIN), and each such removal is logged as an override.
FREE_LINE_REMOVALS = 2

# What a role may do on its own. Anything else a cashier asks for needs a member whose role has
# the permission to enter their PIN (the manager-approval prompt), and the approval is logged.
PERMISSIONS = {
    "sale.void": "Void a sale in progress",
    "line.remove": f"Remove more than {FREE_LINE_REMOVALS} lines from one sale",
    "discount.over_limit": "Discount or change a price beyond one's own limit",
    "return.with_receipt": "Refund against a receipt",
    "return.without_receipt": "Refund without a receipt",
    "drawer.no_sale": "Open the drawer without a sale",
    "cash.in_out": "Put cash in or take it out of the drawer",
    "shift.close": "Close the shift (Z report)",
    "order.release": "Release units reserved for an order",
    "order.substitute": "Hand over a substitute for an ordered item",
    "transfer.manage": "Request, accept, ship and receive transfers between stores",
    "stock.count_approve": "Approve a stock count's differences",
    "stock.adjust": "Adjust stock for damage, theft, found goods or supplier returns",
    "weight.typed": "Type a weight when no scale is attached",
    "approve": "Approve what others may not do alone",
}


class SignInError(ValueError):
    """Sign-in refused; the message is for the person at the till."""


def hash_pin(pin: str, salt: str | None = None, iterations: int = PIN_ITERATIONS) -> str:
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), iterations).hex()
    return f"pbkdf2_sha256${iterations}${salt}${digest}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256" or not iterations.isdigit():
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), int(iterations)).hex()
    return hmac.compare_digest(candidate, digest)


def valid_pin_format(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 8


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    name: str
    permissions: frozenset[str]
    discount_limit_bp: int  # the largest discount, in basis points of the line, allowed alone

    @classmethod
    def from_row(cls, code: str, name: str, permissions: str, discount_limit_bp: int) -> Role:
        return cls(code, name, frozenset(p.strip() for p in permissions.split(",") if p.strip()), discount_limit_bp)

    def may(self, permission: str) -> bool:
        return permission in self.permissions


NO_ROLE = Role("", "", frozenset(), 0)


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    role: Role

    def may(self, permission: str) -> bool:
        return self.role.may(permission)

    def may_discount(self, discount: int, gross: int) -> bool:
        """Whether a discount of `discount` cents on `gross` is within this member's limit."""
        if gross <= 0 or discount <= 0:
            return discount <= 0
        # The limit rounds like a percentage discount does, so "10 %" is always within a 10 % limit.
        limit = round_half_up_div(gross * self.role.discount_limit_bp, 10_000)
        return self.may("discount.over_limit") or discount <= limit


@dataclass(frozen=True, slots=True)
class Attempts:
    """Wrong PINs in a row for one member, and until when they are locked out."""

    failures: int = 0
    locked_until: datetime | None = None

    def locked_at(self, moment: datetime) -> bool:
        return self.locked_until is not None and moment < self.locked_until

    def after_failure(self, moment: datetime) -> Attempts:
        failures = self.failures + 1
        if failures >= MAX_FAILURES:
            return Attempts(0, moment + LOCKOUT)
        return Attempts(failures, None)


def check_pin(pin: str, pin_hash: str, attempts: Attempts, moment: datetime) -> Attempts:
    """The attempts after a right `pin` (reset). A wrong one raises WrongPin (LockedOut when this
    failure, or an earlier one, locks the member out) carrying the attempts to keep."""
    if attempts.locked_at(moment):
        assert attempts.locked_until is not None
        minutes = max(1, int((attempts.locked_until - moment).total_seconds() + 59) // 60)
        raise LockedOut(f"Too many wrong PINs: locked for {minutes} more minute(s)", attempts)
    if not verify_pin(pin, pin_hash):
        after = attempts.after_failure(moment)
        if after.locked_until is not None:
            raise LockedOut(f"Wrong PIN. Too many wrong PINs: locked for {LOCKOUT.seconds // 60} minutes", after)
        left = MAX_FAILURES - after.failures
        raise WrongPin(f"Wrong PIN: {left} attempt(s) left", after)
    return Attempts()


class WrongPin(SignInError):
    def __init__(self, message: str, attempts: Attempts) -> None:
        super().__init__(message)
        self.attempts = attempts


class LockedOut(WrongPin):
    pass
