"""The cashier's shift: open with a counted float, cash in and out, no-sale, close with a Z report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from pos_app.domain.shift import ZReport, render_z_text
from pos_app.services.explain import explain
from pos_app.services.printing import PrintJob, ReceiptPrinter
from pos_app.services.session import StaffSession
from pos_app.store.replica import Replica
from pos_app.store.till_records import Shift
from sync.rules.staff import StaffMember


class ShiftService(QObject):
    message = Signal(str, str)
    closed = Signal(object)  # ZReport

    def __init__(
        self,
        replica: Replica,
        session: StaffSession,
        printer: ReceiptPrinter,
    ) -> None:
        super().__init__()
        self.replica = replica
        self.session = session
        self.printer = printer

    def current(self) -> Shift | None:
        return self.replica.sales.open_shift_now()

    def open(self, float_cents: int) -> Shift | None:
        identity, member = self.replica.identity(), self.session.member
        if identity is None or member is None:
            self.message.emit(self.tr("Sign in first"), "error")
            return None
        if float_cents < 0:
            self.message.emit(self.tr("The float cannot be negative"), "error")
            return None
        issuer = self.replica.sales.issuer(identity.store_id)
        if issuer is None or not issuer.complete:
            # RD 1619/2012, art. 7.1: every receipt names its issuer (legal name and NIF); a
            # till that cannot print them must not sell.
            self.message.emit(
                self.tr(
                    "This till has no issuer data (the company's legal name, NIF and address) from HQ yet: "
                    "no lawful receipt can be printed. HQ sets them with pos-server set-company; then sync."
                ),
                "error",
            )
            return None
        try:
            shift = self.replica.sales.open_shift(identity, member.id, float_cents)
        except ValueError as exc:
            self.message.emit(explain(exc), "error")
            return None
        return shift

    def needs_approval(self, permission: str) -> bool:
        return self.session.needs_approval(permission)

    def _allowed(self, permission: str, approver: StaffMember | None, detail: str) -> bool:
        identity, member = self.replica.identity(), self.session.member
        if identity is None or member is None:
            self.message.emit(self.tr("Sign in first"), "error")
            return False
        if self.needs_approval(permission):
            if approver is None:
                self.message.emit(self.tr("This needs a manager's approval"), "warning")
                return False
            self.replica.sales.record_override(identity.store_id, permission, member.id, approver.id, detail)
        return True

    def move_cash(self, kind: str, amount: int, reason: str, approver: StaffMember | None = None) -> bool:
        """Cash put in ("in") or taken out ("out") of the drawer, with a reason."""
        shift, identity, member = self.current(), self.replica.identity(), self.session.member
        if shift is None or identity is None or member is None:
            self.message.emit(self.tr("Open the shift first"), "error")
            return False
        if amount <= 0 or not reason.strip():
            self.message.emit(self.tr("Enter an amount and a reason"), "warning")
            return False
        if not self._allowed("cash.in_out", approver, f"{kind} {amount} {reason}"):
            return False
        self.replica.sales.move_cash(identity, shift.id, member.id, kind, amount, reason.strip())
        self.printer.open_drawer()
        return True

    def no_sale(self, reason: str, approver: StaffMember | None = None) -> bool:
        """Open the drawer without a sale (change for a note, say): recorded with a reason."""
        shift, identity, member = self.current(), self.replica.identity(), self.session.member
        if shift is None or identity is None or member is None:
            self.message.emit(self.tr("Open the shift first"), "error")
            return False
        if not self._allowed("drawer.no_sale", approver, reason):
            return False
        self.replica.sales.move_cash(identity, shift.id, member.id, "no_sale", 0, reason.strip() or "no sale")
        self.printer.open_drawer()
        return True

    def preview(self, counted_cash: int = 0) -> ZReport | None:
        shift, identity, member = self.current(), self.replica.identity(), self.session.member
        if shift is None or identity is None:
            return None
        return self.replica.sales.z_report(identity, shift, member.name if member else "", counted_cash)

    def close(
        self,
        counted_cash: int,
        approver: StaffMember | None = None,
        reason: str = "",
        count: Mapping[int, int] | None = None,
    ) -> ZReport | None:
        """Close with the counted drawer (and its count by note and coin, if so counted): the Z
        report is saved, sent, printed and returned. A count that differs from the expected cash
        needs the cashier's reason (domain/shift.py)."""
        shift, identity, member = self.current(), self.replica.identity(), self.session.member
        if shift is None or identity is None or member is None:
            self.message.emit(self.tr("No shift is open"), "error")
            return None
        z = self.replica.sales.z_report(identity, shift, member.name, counted_cash)
        if z.difference and not reason.strip():
            self.message.emit(self.tr("Say why the count differs from the expected cash"), "warning")
            return None
        if not self._allowed("shift.close", approver, f"Z {shift.z_number}"):
            return None
        z = replace(z, difference_reason=reason.strip() if z.difference else "", count=dict(count or {}))
        try:
            self.replica.sales.close_shift(identity, shift, member.id, z)
        except ValueError as exc:
            self.message.emit(explain(exc), "error")
            return None
        self.printer.submit(PrintJob(render_z_text(z), open_drawer=True, title=f"Z {z.z_number}"))
        self.closed.emit(z)
        return z
