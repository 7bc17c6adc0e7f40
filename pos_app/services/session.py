"""Who is at the till: sign-in with a PIN, sign-out, and a manager's approval when needed.

Works offline: staff, roles and PIN hashes are replicated from the server. Wrong PINs count
towards a lockout kept in the till's database (see sync.rules.staff).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pos_app.store.replica import Replica, now_utc
from sync.rules.staff import (
    MAX_FAILURES,
    Attempts,
    SignInError,
    StaffMember,
    WrongPin,
    check_pin,
    valid_pin_format,
)


class StaffSession(QObject):
    changed = Signal(object)  # StaffMember | None

    def __init__(self, replica: Replica) -> None:
        super().__init__()
        self.replica = replica
        self.member: StaffMember | None = None

    def members(self) -> list[tuple[int, str, str]]:
        return self.replica.sales.staff_members()

    def _check(self, staff_id: int, pin: str) -> StaffMember:
        found = self.replica.sales.staff_member(staff_id)
        if found is None:
            raise SignInError(self.tr("Unknown staff member: choose a name from the list"))
        member, pin_hash = found
        if not valid_pin_format(pin):
            raise SignInError(self.tr("A PIN is 4 to 8 digits"))
        attempts = self.replica.sales.attempts(staff_id)
        moment = now_utc()
        if attempts.locked_until is not None and attempts.locked_at(moment):
            minutes = max(1, int((attempts.locked_until - moment).total_seconds() + 59) // 60)
            raise SignInError(self.tr("Too many wrong PINs: try again in {} minutes").format(minutes))
        try:
            after = check_pin(pin, pin_hash, attempts, moment)
        except WrongPin as exc:
            self.replica.sales.save_attempts(staff_id, exc.attempts)
            locked = exc.attempts.locked_until
            if locked is not None:
                minutes = max(1, int((locked - moment).total_seconds() + 59) // 60)
                raise SignInError(
                    self.tr("Wrong PIN. Locked for {} minutes after too many tries").format(minutes)
                ) from exc
            left = MAX_FAILURES - exc.attempts.failures
            raise SignInError(self.tr("Wrong PIN: {} tries left").format(left)) from exc
        if after != attempts:
            self.replica.sales.save_attempts(staff_id, Attempts())
        return member

    def sign_in(self, staff_id: int, pin: str) -> StaffMember:
        """Raises SignInError with a message for the person."""
        member = self._check(staff_id, pin)
        self.member = member
        self.changed.emit(member)
        return member

    def sign_out(self) -> None:
        self.member = None
        self.changed.emit(None)

    def needs_approval(self, permission: str) -> bool:
        return self.member is None or not self.member.may(permission)

    def approve(self, staff_id: int, pin: str, permission: str) -> StaffMember:
        """A manager's PIN for something the signed-in member may not do alone."""
        approver = self._check(staff_id, pin)
        if not (approver.may("approve") and approver.may(permission)):
            raise SignInError(self.tr("{} may not approve this").format(approver.name))
        if self.member is not None and approver.id == self.member.id:
            raise SignInError(self.tr("Approval needs another person's PIN"))
        return approver

    def approvers(self) -> list[tuple[int, str, str]]:
        """Who could approve (anyone whose role has the 'approve' permission)."""
        return self.replica.sales.staff_who_may("approve")
