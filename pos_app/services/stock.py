"""Stock across stores for managers: the stock view, transfers, counts and adjustments.

All of it works offline on what the till last pulled (figures carry their age) and sends
what is done as facts. Transfers need the `transfer.manage` permission; a count's
differences and an adjustment need a manager's approval (`stock.count_approve`,
`stock.adjust`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from pos_app.services.explain import explain
from pos_app.services.printing import PrintJob, ReceiptPrinter
from pos_app.services.session import StaffSession
from pos_app.store.replica import Replica
from pos_app.store.stock_records import CountLine, StockCount, StockError, Suggestion
from sync.rules.barcode import BarcodeError, normalise
from sync.rules.staff import StaffMember
from sync.rules.transfers import Transfer

NOTE_WIDTH = 42


@dataclass(frozen=True, slots=True)
class StockHere:
    sku_id: int
    sku_code: str
    label: str  # size and colour
    on_hand: int
    reserved: int
    in_transit: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dataclass(frozen=True, slots=True)
class StockThere:
    store_id: int
    store_name: str
    figure: int | None
    as_of: datetime | None


class StockService(QObject):
    message = Signal(str, str)  # text, level

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

    def _say(self, text: str, level: str = "info") -> None:
        self.message.emit(text, level)

    @property
    def store_id(self) -> int:
        identity = self.replica.identity()
        return identity.store_id if identity else 0

    def _may(self, permission: str) -> bool:
        if self.session.needs_approval(permission):
            self._say(self.tr("Only a manager may do this"), "warning")
            return False
        return True

    # --- the stock view ----------------------------------------------------------------------

    def find_sku(self, text: str) -> int | None:
        """A SKU by barcode, SKU code or the first product whose name matches."""
        text = text.strip()
        if not text:
            return None
        try:
            item = self.replica.item_by_barcode(normalise(text).code)
        except BarcodeError:
            item = None
        if item is not None:
            return item.sku_id
        sku_id = self.replica.stock.sku_by_code(text)
        if sku_id is not None:
            return sku_id
        found = self.replica.search(text, limit=1)
        if not found:
            self._say(self.tr("Nothing matches {}").format(text), "warning")
            return None
        return found[0][0]

    def here(self, sku_id: int) -> list[StockHere]:
        """Every variant of the SKU's product: on hand, held for orders, on its way, available."""
        store = self.store_id
        rows = []
        for variant_id, size, colour in self.replica.variants(sku_id):
            code = self.replica.stock.sku_code_and_product(variant_id)[0]
            held = sum(n for _, n in self.replica.orders.holders(store, variant_id))
            rows.append(
                StockHere(
                    variant_id, code, " ".join(x for x in (size, colour) if x) or code,
                    self.replica.stock_on_hand(store, variant_id), held,
                    self.replica.stock.in_transit(store, variant_id),
                )
            )  # fmt: skip
        return rows

    def there(self, sku_id: int) -> list[StockThere]:
        return [StockThere(*row) for row in self.replica.stock.sibling_figures(self.store_id, sku_id)]

    def product_name(self, sku_id: int) -> str:
        return self.replica.stock.sku_code_and_product(sku_id)[1]

    def store_names(self) -> dict[int, str]:
        return self.replica.stock.store_names()

    def families(self) -> list[tuple[int, str]]:
        return self.replica.stock.top_families()

    # --- transfers ---------------------------------------------------------------------------

    def transfers(self) -> dict[str, list[Transfer]]:
        """This store's transfers: to send, incoming (requested or on the way), done."""
        store = self.store_id
        found: dict[str, list[Transfer]] = {"send": [], "incoming": [], "done": []}
        for transfer in self.replica.stock.store_transfers(store):
            if transfer.state in ("received", "declined", "cancelled"):
                found["done"].append(transfer)
            elif transfer.from_store_id == store and transfer.state in ("requested", "accepted"):
                found["send"].append(transfer)
            elif transfer.to_store_id == store:
                found["incoming"].append(transfer)
            else:  # shipped from here: the other store receives it
                found["done"].append(transfer)
        return found

    def find_transfer(self, text: str) -> Transfer | None:
        found = self.replica.stock.transfer(text)
        if found is None:
            self._say(self.tr("No transfer {}").format(text.strip()), "warning")
        return found

    def request(
        self, from_store_id: int, lines: Sequence[tuple[int, int]], order_id: str | None = None
    ) -> Transfer | None:
        identity = self.replica.identity()
        if identity is None or not self._may("transfer.manage"):
            return None
        member = self.session.member
        try:
            transfer = self.replica.stock.request_transfer(
                identity.store_id, identity.till_code, from_store_id, lines, member.id if member else None, order_id
            )
        except (StockError, sqlite3.Error) as exc:
            self._say(explain(exc), "error")
            return None
        self._say(self.tr("Transfer {} requested").format(transfer.number), "ok")
        return transfer

    def step(self, transfer: Transfer, step: str, lines: Sequence[tuple[int, int, str]] = ()) -> bool:
        if not self._may("transfer.manage"):
            return False
        member = self.session.member
        try:
            self.replica.stock.record_transfer_step(
                self.store_id, transfer.id, step, lines, member.id if member else None
            )
        except (StockError, sqlite3.Error, ValueError) as exc:
            self._say(explain(exc), "error")
            return False
        return True

    def ship(self, transfer: Transfer, picked: dict[int, int]) -> bool:
        """Ship the picked quantities (their stock leaves here) and print the transfer note."""
        lines = [(line.sku_id, max(0, picked.get(line.sku_id, line.requested)), "") for line in transfer.lines]
        if not any(q for _, q, _ in lines):
            self._say(self.tr("Nothing picked to ship"), "warning")
            return False
        if not self.step(transfer, "shipped", lines):
            return False
        self.print_note(self.replica.stock.transfer(transfer.id) or transfer)
        self._say(self.tr("Transfer {} shipped: put the note in the parcel").format(transfer.number), "ok")
        return True

    def receive(self, transfer: Transfer, counted: dict[int, int], reasons: dict[int, str]) -> bool:
        """Receive the counted quantities; each one that differs from what was shipped needs a reason."""
        lines = []
        for line in transfer.lines:
            quantity = max(0, counted.get(line.sku_id, line.shipped))
            reason = reasons.get(line.sku_id, "")
            if quantity != line.shipped and not reason:
                self._say(self.tr("{}: {} shipped, {} counted: say why").format(line.name, line.shipped, quantity),
                          "warning")  # fmt: skip
                return False
            lines.append((line.sku_id, quantity, reason if quantity != line.shipped else ""))
        if not self.step(transfer, "received", lines):
            return False
        short = sum(line.shipped for line in transfer.lines) - sum(q for _, q, _ in lines)
        text = self.tr("Transfer {} received").format(transfer.number)
        if short:
            text += self.tr(": {} unit(s) differ, recorded for both stores and HQ").format(abs(short))
        self._say(text, "ok")
        return True

    def note_text(self, transfer: Transfer) -> str:
        stores = self.replica.stock.store_names()
        rows = [
            self.tr("TRANSFER NOTE").center(NOTE_WIDTH),
            self.tr("Transfer {}").format(transfer.number),
            self.tr("From: {}").format(stores.get(transfer.from_store_id, "?")),
            self.tr("To: {}").format(stores.get(transfer.to_store_id, "?")),
            f"{datetime.now(UTC).astimezone():%d/%m/%Y %H:%M}",
            "-" * NOTE_WIDTH,
        ]
        rows += [
            f"{line.shipped or line.requested:>4} x {line.sku_code} {line.name}"[:NOTE_WIDTH] for line in transfer.lines
        ]
        rows += ["-" * NOTE_WIDTH, self.tr("Receiving store: scan this code to open it")]
        return "\n".join(rows)

    def print_note(self, transfer: Transfer) -> None:
        self.printer.submit(PrintJob(self.note_text(transfer), transfer.code, False, f"transfer {transfer.number}"))

    def suggestions(self) -> list[Suggestion]:
        return self.replica.stock.replenishment(self.store_id)

    def request_suggested(self, chosen: Sequence[Suggestion]) -> list[Transfer]:
        """One transfer request per source store, for the suggestions that have one."""
        by_store: dict[int, list[tuple[int, int]]] = {}
        for suggestion in chosen:
            if suggestion.sources:
                store_id, _, spare = suggestion.sources[0]
                by_store.setdefault(store_id, []).append((suggestion.sku_id, min(spare, suggestion.quantity)))
        made = [t for store_id, lines in by_store.items() if (t := self.request(store_id, lines)) is not None]
        if not by_store:
            self._say(self.tr("No sibling store can spare these"), "info")
        return made

    # --- counts and adjustments ----------------------------------------------------------------

    def current_count(self) -> StockCount | None:
        return self.replica.stock.open_count()

    def start_count(self, scope: str, family_id: int | None = None, blind: bool = True) -> StockCount | None:
        member = self.session.member
        try:
            count = self.replica.stock.start_count(scope, family_id, blind, member.id if member else None)
        except StockError as exc:
            self._say(explain(exc), "warning")
            return None
        self._say(self.tr("Count started: scan each item, or type 5* then scan for five"), "ok")
        return count

    def count_scan(self, text: str) -> CountLine | None:
        count = self.current_count()
        if count is None:
            self._say(self.tr("Start a count first"), "warning")
            return None
        quantity = 1
        if "*" in text:
            head, _, text = text.partition("*")
            if not head.strip().isdigit() or not 0 <= int(head) <= 99_999:
                self._say(self.tr("Type a quantity, *, then scan"), "warning")
                return None
            quantity = int(head)
        sku_id = self.find_sku(text)
        if sku_id is None:
            return None
        line = self.replica.stock.count_sku(count.id, self.store_id, sku_id, quantity)
        self._say(self.tr("{}: {} counted").format(line.name, line.counted), "info")
        return line

    def count_lines(self) -> list[CountLine]:
        count = self.current_count()
        return [] if count is None else self.replica.stock.count_lines(count.id)

    def uncounted(self) -> list[CountLine]:
        count = self.current_count()
        return [] if count is None else self.replica.stock.uncounted(count, self.store_id, limit=500)

    def approval_needed(self) -> bool:
        return self.session.needs_approval("stock.count_approve")

    def approve_count(self, approver: StaffMember | None = None) -> int | None:
        """Turn the count's differences into movements; returns how many SKUs were adjusted."""
        count = self.current_count()
        if count is None:
            return None
        if self.approval_needed() and approver is None:
            self._say(self.tr("A manager must approve the count's differences"), "warning")
            return None
        member = self.session.member
        lines = self.replica.stock.close_count(
            self.store_id, count.id, member.id if member else None, approver.id if approver else None
        )
        self._say(self.tr("Count approved: {} product(s) adjusted").format(len(lines)), "ok")
        return len(lines)

    def cancel_count(self) -> None:
        count = self.current_count()
        if count is not None:
            self.replica.stock.cancel_count(count.id)

    def adjust(self, sku_id: int, delta: int, reason: str, approver: StaffMember | None = None) -> bool:
        if self.session.needs_approval("stock.adjust") and approver is None:
            self._say(self.tr("A manager must approve an adjustment"), "warning")
            return False
        member = self.session.member
        try:
            self.replica.stock.adjust_stock(
                self.store_id,
                [(sku_id, delta, reason)],
                member.id if member else None,
                approver.id if approver else None,
            )
        except (StockError, ValueError) as exc:
            self._say(explain(exc), "error")
            return False
        self._say(self.tr("Stock adjusted"), "ok")
        return True
