"""The shift: the counted float that opens it, cash in and out, the drawer opened without a
sale, and the blind close (count, then the Z report with what the till expected)."""

from __future__ import annotations

from pos_app.domain.shift import ZReport
from pos_app.ui.flows.base import Flow
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import CloseShiftDialog, OpenShiftDialog, ReasonDialog, ZReportDialog
from sync.rules.staff import StaffMember


class ShiftFlow(Flow):
    def open_shift(self) -> None:
        dialog = OpenShiftDialog(self.host)

        def ended(accepted: bool) -> None:
            if accepted and self.shifts.open(dialog.float_cents):
                self.say(self.tr("Shift open with {} in the drawer").format(money(dialog.float_cents)), "ok")
            elif self.shifts.current() is None:
                self.say(self.tr("No shift open: sales cannot be saved until it is (Ctrl+L to leave)"), "warning")

        self.run(dialog, ended)

    def sign_out(self) -> None:
        if not self.sales.cart.is_empty:
            self.say(self.tr("Finish, park or void the sale before signing out"), "warning")
            return
        self.session.sign_out()

    def cash_move(self) -> None:
        if self.shifts.current() is None:
            self.open_shift()
            return
        dialog = ReasonDialog(
            self.tr("Cash in or out (an amount below zero takes cash out)"),
            [self.tr("Change from the bank"), self.tr("To the safe"), self.tr("Supplier paid in cash")],
            self.host,
            amount=True,
        )
        dialog.amount.setPlaceholderText(self.tr("e.g. 50 to put in, -200 to take out"))

        def ended(accepted: bool) -> None:
            if not accepted:
                return
            kind = "out" if dialog.is_out() else "in"
            amount = dialog.amount_cents()  # checked by the dialog
            reason = dialog.reason.currentText()
            self.approved(
                self.shifts.needs_approval("cash.in_out"),
                "cash.in_out",
                f"{kind} {money(amount)}: {reason}",
                lambda approver: self._cash_moved(kind, amount, reason, approver),
            )

        self.run(dialog, ended)

    def _cash_moved(self, kind: str, amount: int, reason: str, approver: StaffMember | None) -> None:
        if self.shifts.move_cash(kind, amount, reason, approver):
            text = self.tr("Cash in: {}") if kind == "in" else self.tr("Cash out: {}")
            self.say(text.format(money(amount)), "ok")

    def no_sale(self) -> None:
        self.approved(
            self.shifts.needs_approval("drawer.no_sale"),
            "drawer.no_sale",
            self.tr("Open the drawer without a sale"),
            lambda approver: self.shifts.no_sale(self.tr("no sale"), approver),
        )

    def close_shift(self) -> None:
        if not self.sales.cart.is_empty:
            self.say(self.tr("Finish, park or void the sale before closing the shift"), "warning")
            return
        if self.shifts.current() is None:
            self.say(self.tr("No shift is open"), "warning")
            return
        dialog = CloseShiftDialog(self.shifts.preview, self.host)

        def ended(accepted: bool) -> None:
            if not accepted:
                return
            counted, reason, pieces = dialog.counted, dialog.reason.text(), dict(dialog.pieces)
            self.approved(
                self.shifts.needs_approval("shift.close"),
                "shift.close",
                self.tr("Close the shift"),
                lambda approver: self._closed(self.shifts.close(counted, approver, reason, pieces)),
            )

        self.run(dialog, ended)

    def _closed(self, z: ZReport | None) -> None:
        if z is not None:  # the Z report, then the next person signs in
            self.run(ZReportDialog(z, self.host), lambda _accepted: self.session.sign_out(), later=True)
