"""The till's own records: sales and returns with their journal, people and sign-in attempts,
shifts, cash moves, voids, overrides, parked sales and invoices.

Every fact the server must learn of is written in one transaction with its outbox event and,
for what the law cares about (sales, returns, voids, shift open and close, invoices), its
journal record: append-only (triggers refuse UPDATE and DELETE) and hash-chained.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from pos_app.domain.cart import CartLine, Tender
from pos_app.domain.promotions import Discount, Promotion
from pos_app.domain.receipt import (
    GENESIS_HASH,
    RETURN_SERIES_SUFFIX,
    Issuer,
    Receipt,
    ReceiptLine,
    journal_hash,
    journal_text,
    receipt_number,
)
from pos_app.domain.shift import ZReport
from pos_app.store.records import Records
from sync import protocol as p
from sync.rules.staff import Attempts, Role, StaffMember
from sync.rules.tax import breakdown
from sync.rules.verifactu import AltaRecord, InvoiceId, InvoiceType, make_alta, make_anulacion, valid_nif
from sync.rules.verifactu import qr_url as verification_url

if TYPE_CHECKING:
    from pos_app.store.identity import Identity


log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


def _ids(text: str) -> frozenset[int]:
    return frozenset(int(x) for x in text.split(",") if x.strip().isdigit())


@dataclass(frozen=True, slots=True)
class SaleDraft:
    """A paid cart, ready to be recorded."""

    lines: Sequence[CartLine]
    tenders: Sequence[Tender]
    rounding: int = 0
    cashier: StaffMember | None = None
    shift_id: str | None = None
    kind: str = "sale"  # or "return": quantities negative
    original_sale_id: str | None = None
    customer_card: str | None = None  # the loyalty member
    points_earned: int = 0  # a return: minus the points it takes back
    points_balance: int | None = None  # the member's balance after this sale, as printed
    order_id: str | None = None  # the order this sale pays for at its hand-over (then collected)
    order_approver_id: int | None = None  # who approved a substitute handed over for it
    order_note: str = ""


@dataclass(frozen=True, slots=True)
class ReturnableLine:
    line_no: int
    line: ReceiptLine
    returnable: int  # units not yet returned


@dataclass(frozen=True, slots=True)
class Shift:
    id: str
    z_number: int
    opened_at: datetime
    opened_by: int
    float_cents: int


def _wire(
    made: AltaRecord, replaces: tuple[InvoiceId, ...] = (), recipient: tuple[str, str] = ("", "")
) -> p.InvoicingRecord:
    """A registro de alta as it travels to HQ: the fields exactly as hashed, and the rest the
    AEAT's XML needs (the invoices it replaces, the customer)."""
    return p.InvoicingRecord(
        invoice_type=made.kind,
        issuer_nif=made.invoice.issuer_nif,
        number=made.invoice.number,
        issued_on=made.invoice.issued_on,
        tax_total=made.tax_total,
        total=made.total,
        breakdown=[p.TaxRateAmounts(rate_bp=r, base=b, tax=t) for r, b, t in made.breakdown],
        corrects=[p.CorrectedInvoice(number=c.number, issued_on=c.issued_on) for c in made.corrects],
        replaces=[p.CorrectedInvoice(number=c.number, issued_on=c.issued_on) for c in replaces],
        recipient_nif=recipient[0],
        recipient_name=recipient[1],
        previous_hash=made.previous,
        generated_at=made.generated_at,
        hash=made.hash,
    )


class TillRecords(Records):
    def _receipt_floor(self, series: str) -> int:
        """After a repair: the highest receipt number of the series found among the recovered
        facts, whose sales rows may be lost; numbering goes on above it (safekeeping.py)."""
        raw = self.meta("receipt_floor")
        return int(json.loads(raw).get(series, 0)) if raw else 0

    # --- outbox and journal ---------------------------------------------------------------------

    @staticmethod
    def _journal(conn: sqlite3.Connection, kind: str, ref: str, content: dict[str, Any], created: str) -> str:
        last = conn.execute("SELECT hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
        prev = last[0] if last else GENESIS_HASH
        text = journal_text(content)  # encoded once: hashed and stored
        digest = journal_hash(prev, text)
        conn.execute(
            "INSERT INTO journal (kind, ref, created_at, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
            (kind, ref, created, text, prev, digest),
        )
        return digest

    def verify_journal(self) -> list[str]:
        """Everything wrong with the journal (empty: intact). Checks each record's hash, the chain
        from the first record, that every sale and return is in it with the same hash, and that
        every series runs 1, 2, 3… without gaps."""
        problems: list[str] = []
        prev = GENESIS_HASH
        by_ref: dict[str, str] = {}
        for seq, kind, ref, content, prev_hash, digest in self.conn.execute(
            "SELECT seq, kind, ref, content, prev_hash, hash FROM journal ORDER BY seq"
        ):
            if prev_hash != prev:
                problems.append(f"record {seq} ({kind} {ref}) does not follow the record before it")
            if journal_hash(prev_hash, json.loads(content)) != digest:
                problems.append(f"record {seq} ({kind} {ref}) was altered: its hash does not match")
            by_ref[ref] = digest
            prev = digest
        for series, number, sale_id, stored in self.conn.execute(
            "SELECT series, number, id, journal_hash FROM sales ORDER BY series, number"
        ):
            if by_ref.get(sale_id) != stored:
                problems.append(f"receipt {receipt_number(series, number)} is not in the journal as recorded")
        for series, count, top in self.conn.execute("SELECT series, COUNT(*), MAX(number) FROM sales GROUP BY series"):
            if count != top:
                problems.append(f"series {series} has gaps: {count} receipts numbered up to {top}")
        return problems

    # --- sales and returns ----------------------------------------------------------------------

    def record_sale(self, identity: Identity, draft: SaleDraft) -> Receipt:
        """Sale (or return), lines, payments, stock movements, journal record and outbox event:
        one transaction."""
        sale_id = str(uuid.uuid4())
        event_id = str(uuid.uuid4())
        created = _now()
        created_text = created.isoformat()
        returning = draft.kind == "return"
        series = identity.series + (RETURN_SERIES_SUFFIX if returning else "")
        lines = tuple(
            ReceiptLine(
                ln.item.sku_id,
                ln.item.sku_code,
                ln.item.name,
                ln.quantity,
                ln.item.unit_price,
                ln.item.tax_rate_bp,
                tuple(ln.discounts),
                ln.weight_g,
                ln.item.price_per_kg if ln.weight_g is not None else None,
            )
            for ln in draft.lines
        )
        total = sum(ln.total for ln in lines)
        cashier_id = draft.cashier.id if draft.cashier else None
        with self.transaction() as conn:
            last = conn.execute("SELECT MAX(number) FROM sales WHERE series = ?", (series,)).fetchone()
            number = max(last[0] or 0, self._receipt_floor(series)) + 1
            content: dict[str, Any] = {
                "sale_id": sale_id,
                "kind": draft.kind,
                "original_sale_id": draft.original_sale_id,
                "store_id": identity.store_id,
                "till_code": identity.till_code,
                "series": series,
                "number": number,
                "created_at": created_text,
                "cashier_id": cashier_id,
                "shift_id": draft.shift_id,
                "lines": [
                    {
                        "sku_id": ln.sku_id,
                        "sku_code": ln.sku_code,
                        "name": ln.name,
                        "quantity": ln.quantity,
                        "unit_price": ln.unit_price,
                        "discount": ln.discount,
                        "discounts": [
                            {"name": d.name, "amount": d.amount, "promotion_id": d.promotion_id, "basket": d.basket}
                            for d in ln.discounts
                        ],
                        "line_total": ln.total,
                        "tax_rate_bp": ln.tax_rate_bp,
                        "weight_g": ln.weight_g,
                        "price_per_kg": ln.price_per_kg,
                    }
                    for ln in lines
                ],
                "payments": [
                    {"method": t.method, "amount": t.amount, "change": t.change, "reference": t.reference}
                    | ({"terminal": t.terminal} if t.terminal else {})
                    for t in draft.tenders
                ],
                "total": total,
                "rounding": draft.rounding,
                "customer_card": draft.customer_card,
                "points_earned": draft.points_earned,
            }
            if draft.order_id:
                content["order_id"] = draft.order_id
            payload = p.SaleCompleted.model_validate({**content, "journal_hash": GENESIS_HASH})  # fail before writing
            digest = self._journal(conn, draft.kind, sale_id, content, created_text)
            issuer = self.issuer(identity.store_id)  # read in the transaction: the one the record names
            record = None
            if issuer is not None:
                record = self._invoicing_record(conn, issuer.nif, sale_id, series, number, created, draft, lines)
            payload = payload.model_copy(update={"journal_hash": digest, "invoicing_record": record})
            conn.execute(
                "INSERT INTO sales (id, series, number, created_at, total, prev_hash, journal_hash, event_id, kind, "
                "original_sale_id, cashier_id, shift_id, rounding, discount, customer_card, points_earned, "
                "points_balance, order_id) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    sale_id,
                    series,
                    number,
                    created_text,
                    total,
                    digest,
                    event_id,
                    draft.kind,
                    draft.original_sale_id,
                    cashier_id,
                    draft.shift_id,
                    draft.rounding,
                    sum(ln.discount for ln in lines),
                    draft.customer_card,
                    draft.points_earned,
                    draft.points_balance,
                    draft.order_id,
                ),
            )
            if draft.customer_card:
                points = [(draft.points_earned, "earn" if draft.kind == "sale" else "return")]
                points += [(-(t.amount // p.CENTS_PER_POINT), "redeem" if t.amount > 0 else "refund")
                           for t in draft.tenders if t.method == "points"]  # fmt: skip
                conn.executemany(
                    "INSERT INTO points_movements (card, delta, reason, event_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    [(draft.customer_card, d, reason, event_id, created_text) for d, reason in points if d],
                )
            conn.executemany(
                "INSERT INTO sale_lines (sale_id, line_no, sku_id, sku_code, name, quantity, unit_price, "
                "line_total, tax_rate_bp, discount, discounts, weight_g, price_per_kg) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        sale_id,
                        i,
                        ln["sku_id"],
                        ln["sku_code"],
                        ln["name"],
                        ln["quantity"],
                        ln["unit_price"],
                        ln["line_total"],
                        ln["tax_rate_bp"],
                        ln["discount"],
                        json.dumps(ln["discounts"]) if ln["discounts"] else None,
                        ln["weight_g"],
                        ln["price_per_kg"],
                    )
                    for i, ln in enumerate(content["lines"], 1)
                ],
            )
            conn.executemany(
                "INSERT INTO sale_payments (sale_id, line_no, method, amount, change, reference, terminal) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (sale_id, i, t.method, t.amount, t.change, t.reference, t.terminal)
                    for i, t in enumerate(draft.tenders, 1)
                ],
            )
            conn.executemany(
                "INSERT INTO stock_movements (store_id, sku_id, delta, reason, event_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(identity.store_id, ln.sku_id, -ln.quantity, draft.kind, event_id, created_text) for ln in lines],
            )
            self.db.record_fact(conn, "sale.completed", payload, created_text, event_id)
            if draft.order_id:  # the hand-over it paid for, in the same transaction
                handed = [(ln.sku_id, ln.quantity) for ln in lines]
                self.db.orders.order_step(
                    conn, identity.store_id, draft.order_id, "collected", cashier_id, handed,
                    draft.order_approver_id, draft.order_note, sale_id=sale_id,
                )  # fmt: skip
            original_no = ""
            if draft.original_sale_id:
                row = conn.execute(
                    "SELECT series, number FROM sales WHERE id = ?", (draft.original_sale_id,)
                ).fetchone()
                foreign = conn.execute(
                    "SELECT number FROM foreign_receipts WHERE sale_id = ?", (draft.original_sale_id,)
                ).fetchone()
                original_no = receipt_number(row[0], row[1]) if row else (foreign[0] if foreign else "")
        return Receipt(
            sale_id,
            series,
            number,
            created,
            identity.store_name,
            identity.till_code,
            lines,
            tuple(draft.tenders),
            kind=draft.kind,
            rounding=draft.rounding,
            cashier=draft.cashier.name if draft.cashier else "",
            original_no=original_no,
            customer_card=draft.customer_card or "",
            points_earned=draft.points_earned,
            points_balance=draft.points_balance,
            issuer=issuer,
            qr_url=""
            if record is None
            else verification_url(InvoiceId(record.issuer_nif, record.number, record.issued_on), record.total),
        )

    def _invoicing_record(
        self,
        conn: sqlite3.Connection,
        issuer_nif: str,
        sale_id: str,
        series: str,
        number: int,
        created: datetime,
        draft: SaleDraft,
        lines: tuple[ReceiptLine, ...],
    ) -> p.InvoicingRecord:
        """The sale's VERI*FACTU record, chained on this till's last one and written in the
        sale's transaction (RD 1007/2023, art. 8: made when the invoice is issued). A simplified
        invoice is F2. A return is a corrective invoice naming the invoice it corrects: R5 for a
        receipt, R1 where the receipt had been replaced by a full invoice (art. 80.Uno of the
        VAT Act, Ley 37/1992: a return of goods; RD 1619/2012 art. 15). Not made while the till
        has no issuer (it then refuses to open a shift: services/shift.py)."""
        local = created.astimezone()  # the till's own time and offset (Europe/Madrid in a Spanish shop)
        invoice = InvoiceId(issuer_nif, receipt_number(series, number), local.date())
        rates = tuple((t.rate_bp, t.base, t.tax) for t in breakdown((ln.tax_rate_bp, ln.total) for ln in lines))
        kind: InvoiceType = "F2"
        corrects: tuple[InvoiceId, ...] = ()
        recipient = ("", "")
        if draft.kind == "return":
            kind = "R5"
            found = self._standing_alta(conn, draft.original_sale_id) if draft.original_sale_id else None
            if found is None and draft.original_sale_id:  # sold at another till: as HQ said
                standing = (foreign := self._found(draft.original_sale_id)) and foreign.standing
                if standing:
                    found = (standing.issuer_nif, standing.number, standing.issued_on.isoformat(), None,
                             standing.invoice_type, standing.recipient_nif, standing.recipient_name)  # fmt: skip
            if found:
                corrects = (InvoiceId(found[0], found[1], date.fromisoformat(found[2])),)
                if found[4] in ("F1", "F3"):
                    kind, recipient = "R1", (found[5], found[6])
        made = make_alta(invoice, kind, rates, self._chain_head(conn), local, corrects)
        record = _wire(made, recipient=recipient)
        self._keep_record(conn, sale_id, record)
        return record

    @staticmethod
    def _chain_head(conn: sqlite3.Connection) -> str:
        """The hash of this till's last record: the next one chains on it ("" for the first)."""
        last = conn.execute("SELECT hash FROM invoicing_records ORDER BY seq DESC LIMIT 1").fetchone()
        return str(last[0]) if last else ""

    @staticmethod
    def _standing_alta(conn: sqlite3.Connection, sale_id: str) -> tuple[Any, ...] | None:
        """The invoice that stands for a sale: its full invoice (F3) if one was issued and not
        cancelled, else its receipt (F2). (issuer, number, date, total, type, recipient NIF, name)."""
        row = conn.execute(
            "SELECT issuer_nif, number, issued_on, total, invoice_type, recipient_nif, recipient_name "
            "FROM invoicing_records r WHERE sale_id = ? AND record_type = 'alta' AND NOT EXISTS ("
            "SELECT 1 FROM invoicing_records a WHERE a.record_type = 'anulacion' AND a.number = r.number) "
            "ORDER BY seq DESC LIMIT 1",
            (sale_id,),
        ).fetchone()
        return tuple(row) if row else None

    @staticmethod
    def _keep_record(conn: sqlite3.Connection, sale_id: str, record: p.InvoicingRecord) -> None:
        conn.execute(
            "INSERT INTO invoicing_records (sale_id, record_type, invoice_type, issuer_nif, number, issued_on, "
            "tax_total, total, breakdown, corrects, replaces, recipient_nif, recipient_name, previous_hash, "
            "generated_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sale_id, record.record_type, record.invoice_type, record.issuer_nif, record.number,
                record.issued_on.isoformat(), record.tax_total, record.total,
                json.dumps([b.model_dump() for b in record.breakdown]),
                json.dumps([c.model_dump(mode="json") for c in record.corrects]),
                json.dumps([c.model_dump(mode="json") for c in record.replaces]),
                record.recipient_nif, record.recipient_name, record.previous_hash, record.generated_at, record.hash,
            ),
        )  # fmt: skip

    def qr_url(self, sale_id: str) -> str:
        """The URL of the QR of the invoice that stands for a sale (its full invoice, if one
        stands, else its receipt): the AEAT's validation service; "" when it has no record."""
        found = self._standing_alta(self.conn, sale_id)
        if found is None:
            return ""
        return verification_url(InvoiceId(found[0], found[1], date.fromisoformat(found[2])), found[3])

    def invoicing_chain(self) -> list[tuple[str, str, str]]:
        """This till's records in chain order: (number, previous hash, hash)."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT number, previous_hash, hash FROM invoicing_records ORDER BY seq"
        )]  # fmt: skip

    def issuer(self, store_id: int) -> Issuer | None:
        """The company HQ set as issuer, with this store's address; None until HQ has set it."""
        company = self.conn.execute("SELECT legal_name, nif, address, postcode, city FROM company").fetchone()
        if company is None:
            return None
        store = self.conn.execute("SELECT address, postcode, city FROM stores WHERE id = ?", (store_id,)).fetchone()

        def place(address: str, postcode: str, city: str) -> str:
            return ", ".join(part for part in (address, " ".join(p for p in (postcode, city) if p)) if part)

        return Issuer(company[0], company[1], place(*company[2:]), place(*store) if store else "")

    def receipt(self, sale_id: str, store_name: str = "", till_code: str = "") -> Receipt | None:
        row = self.conn.execute(
            "SELECT s.id, s.series, s.number, s.created_at, s.kind, s.rounding, st.name, o.series, o.number, "
            "i.series, i.number, s.customer_card, s.points_earned, s.points_balance, f.number "
            "FROM sales s LEFT JOIN staff st ON st.id = s.cashier_id "
            "LEFT JOIN foreign_receipts f ON f.sale_id = s.original_sale_id "
            "LEFT JOIN sales o ON o.id = s.original_sale_id "
            "LEFT JOIN invoices i ON i.sale_id = s.id AND i.cancelled_at IS NULL WHERE s.id = ?",
            (sale_id,),
        ).fetchone()
        if row is None:
            return self._foreign_receipt(sale_id)
        lines = tuple(
            ReceiptLine(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                tuple(
                    Discount(d["name"], d["amount"], d.get("promotion_id"), d.get("basket", False))
                    for d in json.loads(r[6] or "[]")
                ),
                r[7],
                r[8],
            )
            for r in self.conn.execute(
                "SELECT sku_id, sku_code, name, quantity, unit_price, tax_rate_bp, discounts, weight_g, price_per_kg "
                "FROM sale_lines WHERE sale_id = ? ORDER BY line_no",
                (sale_id,),
            )
        )
        payments = tuple(
            Tender(r[0], r[1], r[2], r[3], r[4])
            for r in self.conn.execute(
                "SELECT method, amount, change, reference, terminal FROM sale_payments WHERE sale_id = ? "
                "ORDER BY line_no",
                (sale_id,),
            )
        )
        return Receipt(
            row[0],
            row[1],
            row[2],
            datetime.fromisoformat(row[3]),
            store_name,
            till_code,
            lines,
            payments,
            kind=row[4],
            rounding=row[5],
            cashier=row[6] or "",
            original_no=receipt_number(row[7], row[8]) if row[7] else (row[14] or ""),
            invoice_no=receipt_number(row[9], row[10]) if row[9] else "",
            customer_card=row[11] or "",
            points_earned=row[12],
            points_balance=row[13],
            issuer=self._own_issuer(),
            qr_url=self.qr_url(row[0]),
        )

    # --- receipts of other tills (a return here of what was sold there) ---------------------------

    def keep_foreign_receipt(self, found: p.ReceiptFound) -> str:
        """Keep a receipt of another till, as HQ sent it, for a return here; its sale id."""
        sale = found.sale
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO foreign_receipts (sale_id, number, fetched_at, found) VALUES (?, ?, ?, ?)",
                (str(sale.sale_id), receipt_number(sale.series, sale.number), _now().isoformat(),
                 found.model_dump_json()),
            )  # fmt: skip
        return str(sale.sale_id)

    def _found(self, sale_id: str) -> p.ReceiptFound | None:
        row = self.conn.execute("SELECT found FROM foreign_receipts WHERE sale_id = ?", (sale_id,)).fetchone()
        return None if row is None else p.ReceiptFound.model_validate_json(row[0])

    def _foreign_receipt(self, sale_id: str) -> Receipt | None:
        found = self._found(sale_id)
        if found is None:
            return None
        sale = found.sale
        lines = tuple(
            ReceiptLine(
                ln.sku_id, ln.sku_code, ln.name, ln.quantity, ln.unit_price, ln.tax_rate_bp,
                tuple(Discount(d.name, d.amount, d.promotion_id, d.basket) for d in ln.discounts),
                ln.weight_g, ln.price_per_kg,
            )
            for ln in sale.lines
        )  # fmt: skip
        payments = tuple(Tender(t.method, t.amount, t.change, t.reference, t.terminal) for t in sale.payments)
        return Receipt(
            str(sale.sale_id), sale.series, sale.number, sale.created_at, "", sale.till_code, lines, payments,
            kind=sale.kind, rounding=sale.rounding, customer_card=sale.customer_card or "",
            points_earned=sale.points_earned,
        )  # fmt: skip

    def _own_issuer(self) -> Issuer | None:
        identity = self.db.identity()
        return None if identity is None else self.issuer(identity.store_id)

    def sale_id_by_number(self, receipt_no: str) -> str | None:
        """The sale a receipt number (as printed, or scanned from the receipt's barcode) names."""
        series, _, number = receipt_no.strip().upper().rpartition("-")
        if not series or not number.isdigit():
            return None
        row = self.conn.execute(
            "SELECT id FROM sales WHERE series = ? AND number = ? UNION ALL "
            "SELECT sale_id FROM foreign_receipts WHERE number = ?",
            (series, int(number), receipt_number(series, int(number))),
        ).fetchone()
        return None if row is None else row[0]

    def returnable_lines(self, sale_id: str) -> list[ReturnableLine]:
        """The lines of a sale with how many units are still returnable (earlier returns deducted)."""
        receipt = self.receipt(sale_id)
        if receipt is None or receipt.kind != "sale":
            return []
        found = self._found(sale_id)  # another till's receipt: what other tills took back of it too
        returned: dict[int, int] = dict(found.returned) if found else {}
        for sku_id, qty in self.conn.execute(
            "SELECT l.sku_id, -SUM(l.quantity) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
            "WHERE s.original_sale_id = ? GROUP BY l.sku_id",
            (sale_id,),
        ):
            returned[sku_id] = returned.get(sku_id, 0) + qty
        result = []
        for no, line in enumerate(receipt.lines, 1):
            already = min(line.quantity, returned.get(line.sku_id, 0))
            returned[line.sku_id] = returned.get(line.sku_id, 0) - already
            result.append(ReturnableLine(no, line, line.quantity - already))
        return result

    def points_taken_back(self, sale_id: str) -> int:
        """Points earlier returns of a sale have already taken back."""
        row = self.conn.execute(
            "SELECT COALESCE(-SUM(points_earned), 0) FROM sales WHERE original_sale_id = ?", (sale_id,)
        ).fetchone()
        return int(row[0])

    def last_sale_id(self) -> str | None:
        row = self.conn.execute("SELECT id FROM sales ORDER BY created_at DESC, rowid DESC LIMIT 1").fetchone()
        return None if row is None else row[0]

    # --- people ---------------------------------------------------------------------------------

    def staff_members(self) -> list[tuple[int, str, str]]:
        """(id, name, role name) of everyone who may work at this till, by name."""
        rows = self.conn.execute(
            "SELECT s.id, s.name, COALESCE(r.name, s.role) FROM staff s LEFT JOIN roles r ON r.code = s.role "
            "ORDER BY s.name"
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def staff_who_may(self, permission: str) -> list[tuple[int, str, str]]:
        """(id, name, role name) of everyone whose role has `permission`, by name (one query)."""
        rows = self.conn.execute(
            "SELECT s.id, s.name, s.role, r.name, r.permissions, r.discount_limit_bp FROM staff s "
            "JOIN roles r ON r.code = s.role ORDER BY s.name"
        ).fetchall()
        return [(r[0], r[1], r[3]) for r in rows if Role.from_row(r[2], r[3], r[4], r[5]).may(permission)]

    def journal_length(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM journal").fetchone()[0])

    def staff_member(self, staff_id: int) -> tuple[StaffMember, str] | None:
        """The member and their PIN hash."""
        row = self.conn.execute(
            "SELECT s.id, s.name, s.role, s.pin_hash, r.name, r.permissions, r.discount_limit_bp "
            "FROM staff s LEFT JOIN roles r ON r.code = s.role WHERE s.id = ?",
            (staff_id,),
        ).fetchone()
        if row is None:
            return None
        role = Role.from_row(row[2], row[4] or row[2], row[5] or "", row[6] or 0)
        return StaffMember(row[0], row[1], role), row[3]

    def attempts(self, staff_id: int) -> Attempts:
        row = self.conn.execute(
            "SELECT failures, locked_until FROM signin_attempts WHERE staff_id = ?", (staff_id,)
        ).fetchone()
        if row is None:
            return Attempts()
        return Attempts(row[0], datetime.fromisoformat(row[1]) if row[1] else None)

    def save_attempts(self, staff_id: int, attempts: Attempts) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO signin_attempts (staff_id, failures, locked_until) VALUES (?, ?, ?)",
                (staff_id, attempts.failures, attempts.locked_until.isoformat() if attempts.locked_until else None),
            )

    def record_override(self, store_id: int, action: str, staff_id: int, approver_id: int, detail: str) -> None:
        created = _now().isoformat()
        fact = p.OverrideApproved(
            store_id=store_id, action=action[:200], staff_id=staff_id, approver_id=approver_id, detail=detail[:1000]
        )
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO overrides (created_at, action, staff_id, approver_id, detail) VALUES (?, ?, ?, ?, ?)",
                (created, fact.action, staff_id, approver_id, fact.detail),
            )
            self._fact(conn, "override.approved", fact, created)
        log.info("override %s: staff %s, approved by staff %s: %s", fact.action, staff_id, approver_id, fact.detail)

    def overrides(self) -> list[tuple[str, str, int, int, str]]:
        rows = self.conn.execute(
            "SELECT created_at, action, staff_id, approver_id, detail FROM overrides ORDER BY id"
        ).fetchall()
        return [tuple(r) for r in rows]

    # --- promotions -----------------------------------------------------------------------------

    def promotions_in_force(
        self,
        moment: datetime,
        store_id: int,
        channel: str = "store",
        tier: str = "",
        tags: frozenset[str] = frozenset(),
        restricted_only: bool = False,
    ) -> list[Promotion]:
        """Promotions in force here now for a customer of this tier and segments;
        `restricted_only`: only those reserved to a tier or segment (the member's offers)."""
        promos = []
        for r in self.conn.execute(
            "SELECT id, code, name, kind, value, target, target_ids, buy, pay, min_total, channels, store_ids, tier, "
            "valid_from, valid_to, active, segment FROM promotions WHERE active = 1"
        ):
            if restricted_only and not (r[12] or r[16]):
                continue
            promo = Promotion(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                _ids(r[6]),
                r[7],
                r[8],
                r[9],
                frozenset(c.strip() for c in r[10].split(",") if c.strip()),
                _ids(r[11]),
                r[12],
                datetime.fromisoformat(r[13]) if r[13] else None,
                datetime.fromisoformat(r[14]) if r[14] else None,
                bool(r[15]),
                r[16],
            )
            if promo.applies_at(moment, store_id, channel, tier, tags):
                promos.append(promo)
        return promos

    # --- shifts, cash, voids ----------------------------------------------------------------------

    def open_shift(self, identity: Identity, staff_id: int, float_cents: int) -> Shift:
        shift_id = str(uuid.uuid4())
        created = _now()
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM shifts WHERE closed_at IS NULL").fetchone():
                raise ValueError("A shift is already open at this till")
            z_number = conn.execute("SELECT COALESCE(MAX(z_number), 0) + 1 FROM shifts").fetchone()[0]
            conn.execute(
                "INSERT INTO shifts (id, z_number, opened_at, opened_by, float_cents) VALUES (?, ?, ?, ?, ?)",
                (shift_id, z_number, created.isoformat(), staff_id, float_cents),
            )
            fact = p.ShiftOpened(
                shift_id=shift_id,
                store_id=identity.store_id,
                till_code=identity.till_code,
                staff_id=staff_id,
                opened_at=created,
                float_cents=float_cents,
            )
            self._journal(conn, "shift.opened", shift_id, fact.model_dump(mode="json"), created.isoformat())
            self._fact(conn, "shift.opened", fact, created.isoformat())
        return Shift(shift_id, z_number, created, staff_id, float_cents)

    def open_shift_now(self) -> Shift | None:
        row = self.conn.execute(
            "SELECT id, z_number, opened_at, opened_by, float_cents FROM shifts WHERE closed_at IS NULL"
        ).fetchone()
        return None if row is None else Shift(row[0], row[1], datetime.fromisoformat(row[2]), row[3], row[4])

    def move_cash(self, identity: Identity, shift_id: str, staff_id: int, kind: str, amount: int, reason: str) -> None:
        created = _now().isoformat()
        fact = p.CashMoved(
            shift_id=shift_id, store_id=identity.store_id, staff_id=staff_id, kind=kind, amount=amount, reason=reason
        )
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO cash_moves (shift_id, created_at, kind, amount, reason, staff_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (shift_id, created, kind, amount, reason, staff_id),
            )
            self._fact(conn, "cash.moved", fact, created)

    def record_void(
        self,
        identity: Identity,
        shift_id: str | None,
        staff_id: int,
        approver_id: int | None,
        reason: str,
        lines: int,
        total: int,
    ) -> None:
        created = _now().isoformat()
        fact = p.SaleVoided(
            store_id=identity.store_id,
            staff_id=staff_id,
            approver_id=approver_id,
            reason=reason[:200],
            lines=min(lines, 1000),
            total=total,
        )
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO voids (shift_id, created_at, staff_id, approver_id, reason, lines, total) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (shift_id, created, staff_id, approver_id, fact.reason, fact.lines, total),
            )
            self._journal(conn, "sale.voided", f"void:{created}", fact.model_dump(mode="json"), created)
            self._fact(conn, "sale.voided", fact, created)

    def z_report(self, identity: Identity, shift: Shift, closed_by: str, counted_cash: int = 0) -> ZReport:
        """The shift's figures from its sales, returns, cash moves and voids (one pass each)."""
        sid = shift.id
        counts = self.conn.execute(
            "SELECT COALESCE(SUM(kind = 'sale'), 0), COALESCE(SUM(CASE WHEN kind = 'sale' THEN total END), 0), "
            "COALESCE(SUM(kind = 'return'), 0), COALESCE(-SUM(CASE WHEN kind = 'return' THEN total END), 0), "
            "COALESCE(SUM(CASE WHEN kind = 'sale' THEN discount END), 0), COALESCE(SUM(rounding), 0) "
            "FROM sales WHERE shift_id = ?",
            (sid,),
        ).fetchone()
        by_method = {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT pm.method, SUM(pm.amount - pm.change) FROM sales s JOIN sale_payments pm ON pm.sale_id = s.id "
                "WHERE s.shift_id = ? GROUP BY pm.method",
                (sid,),
            )
        }
        card_by_terminal = {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT pm.terminal, SUM(pm.amount) FROM sales s JOIN sale_payments pm ON pm.sale_id = s.id "
                "WHERE s.shift_id = ? AND pm.method = 'card' GROUP BY pm.terminal",
                (sid,),
            )
        }
        by_rate = {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT l.tax_rate_bp, SUM(l.line_total) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                "WHERE s.shift_id = ? GROUP BY l.tax_rate_bp",
                (sid,),
            )
        }
        cash = self.conn.execute(
            "SELECT COALESCE(SUM(CASE WHEN kind = 'in' THEN amount END), 0), "
            "COALESCE(SUM(CASE WHEN kind = 'out' THEN amount END), 0) FROM cash_moves WHERE shift_id = ?",
            (sid,),
        ).fetchone()
        voids = self.conn.execute("SELECT COUNT(*) FROM voids WHERE shift_id = ?", (sid,)).fetchone()[0]
        overrides = tuple(
            (datetime.fromisoformat(r[0]).astimezone().strftime("%H:%M"), r[1], r[2] or "?", r[3] or "?", r[4])
            for r in self.conn.execute(
                "SELECT o.created_at, o.action, s.name, a.name, o.detail FROM overrides o "
                "LEFT JOIN staff s ON s.id = o.staff_id LEFT JOIN staff a ON a.id = o.approver_id "
                "WHERE o.created_at >= ? ORDER BY o.id",
                (shift.opened_at.isoformat(),),
            )
        )
        opener = self.conn.execute("SELECT name FROM staff WHERE id = ?", (shift.opened_by,)).fetchone()
        return ZReport(
            z_number=shift.z_number,
            store_name=identity.store_name,
            till_code=identity.till_code,
            opened_at=shift.opened_at,
            closed_at=_now(),
            opened_by=opener[0] if opener else str(shift.opened_by),
            closed_by=closed_by,
            float_cents=shift.float_cents,
            sales_count=counts[0],
            sales_total=counts[1],
            returns_count=counts[2],
            returns_total=counts[3],
            discounts=counts[4],
            rounding=counts[5],
            by_method=by_method,
            card_by_terminal=card_by_terminal,
            gross_by_rate=by_rate,
            cash_in=cash[0],
            cash_out=cash[1],
            voids=voids,
            overrides=overrides,
            counted_cash=counted_cash,
        )

    def close_shift(self, identity: Identity, shift: Shift, staff_id: int, z: ZReport) -> None:
        closed = z.closed_at.isoformat()
        fact = p.ShiftClosed(
            shift_id=shift.id,
            store_id=identity.store_id,
            till_code=identity.till_code,
            staff_id=staff_id,
            closed_at=z.closed_at,
            z_number=z.z_number,
            expected_cash=z.expected_cash,
            counted_cash=z.counted_cash,
            report=z.as_dict(),
        )
        with self.transaction() as conn:
            changed = conn.execute(
                "UPDATE shifts SET closed_at = ?, closed_by = ?, counted_cash = ?, report = ? "
                "WHERE id = ? AND closed_at IS NULL",
                (closed, staff_id, z.counted_cash, json.dumps(z.as_dict()), shift.id),
            ).rowcount
            if changed != 1:
                raise ValueError("This shift is already closed")
            self._journal(conn, "shift.closed", shift.id, fact.model_dump(mode="json"), closed)
            self._fact(conn, "shift.closed", fact, closed)

    # --- parked sales ----------------------------------------------------------------------------

    def park(self, staff_id: int | None, label: str, cart: dict[str, Any]) -> int:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO parked_sales (created_at, staff_id, label, cart) VALUES (?, ?, ?, ?)",
                (_now().isoformat(), staff_id, label, json.dumps(cart)),
            )
            return int(cur.lastrowid or 0)

    def parked(self) -> list[tuple[int, str, str]]:
        """(id, parked at, label) oldest first."""
        return [
            (r[0], r[1], r[2])
            for r in self.conn.execute("SELECT id, created_at, label FROM parked_sales ORDER BY id").fetchall()
        ]

    def unpark(self, parked_id: int) -> dict[str, Any] | None:
        with self.transaction() as conn:
            row = conn.execute("SELECT cart FROM parked_sales WHERE id = ?", (parked_id,)).fetchone()
            if row is None:
                return None
            conn.execute("DELETE FROM parked_sales WHERE id = ?", (parked_id,))
        return dict(json.loads(row[0]))

    # --- invoices --------------------------------------------------------------------------------

    def issue_invoice(self, identity: Identity, sale_id: str, tax_id: str, name: str, address: str) -> str:
        """A full invoice for a receipt (series "<till series>-F", consecutive), for a customer
        with a Spanish NIF (checked: NifError). Its VERI*FACTU record is an F3, an invoice
        issued in place of the simplified one, which it names (RD 1619/2012 art. 7.3; the
        AEAT's TipoFactura F3 with FacturasSustituidas). Returns its number."""
        tax_id = valid_nif(tax_id)
        series = identity.series + "-F"
        created = _now()
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM invoices WHERE sale_id = ? AND cancelled_at IS NULL", (sale_id,)).fetchone():
                raise ValueError("This receipt already has a full invoice: reprint it instead")
            number = conn.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM invoices WHERE series = ?", (series,))
            number_value = int(number.fetchone()[0])
            record = self._f3_record(conn, sale_id, receipt_number(series, number_value), created, tax_id, name)
            fact = p.InvoiceIssued(
                store_id=identity.store_id,
                sale_id=sale_id,
                series=series,
                number=number_value,
                tax_id=tax_id,
                name=name,
                address=address,
                invoicing_record=record,
            )
            conn.execute(
                "INSERT INTO invoices (series, number, sale_id, tax_id, name, address, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (series, number_value, sale_id, tax_id, name, address, created.isoformat()),
            )
            self._journal(conn, "invoice", sale_id + ":F", fact.model_dump(mode="json"), created.isoformat())
            self._fact(conn, "invoice.issued", fact, created.isoformat())
        return receipt_number(series, number_value)

    def _f3_record(
        self, conn: sqlite3.Connection, sale_id: str, number: str, created: datetime, nif: str, name: str
    ) -> p.InvoicingRecord | None:
        """The F3 record of a full invoice replacing the sale's receipt: the receipt's amounts,
        the customer, chained on this till's last record. None for a receipt without a record."""
        row = conn.execute(
            "SELECT issuer_nif, number, issued_on, breakdown FROM invoicing_records "
            "WHERE sale_id = ? AND record_type = 'alta' AND invoice_type = 'F2' ORDER BY seq LIMIT 1",
            (sale_id,),
        ).fetchone()
        if row is None:
            return None
        local = created.astimezone()
        rates = tuple((b["rate_bp"], b["base"], b["tax"]) for b in json.loads(row[3]))
        made = make_alta(InvoiceId(row[0], number, local.date()), "F3", rates, self._chain_head(conn), local)
        replaced = InvoiceId(row[0], row[1], date.fromisoformat(row[2]))
        record = _wire(made, replaces=(replaced,), recipient=(nif, name[:120]))
        self._keep_record(conn, sale_id, record)
        return record

    def cancel_invoice(self, identity: Identity, sale_id: str, reason: str, staff_id: int | None) -> str:
        """Cancel the full invoice that stands for a receipt (issued to the wrong customer, say):
        its registro de anulación (RRSIF art. 10), chained like every record. The receipt stands;
        a new full invoice may be issued. Returns the cancelled invoice's number."""
        created = _now()
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT series, number FROM invoices WHERE sale_id = ? AND cancelled_at IS NULL", (sale_id,)
            ).fetchone()
            if row is None:
                raise ValueError("This receipt has no full invoice to cancel")
            number = receipt_number(row[0], row[1])
            found = conn.execute(
                "SELECT issuer_nif, issued_on, invoice_type FROM invoicing_records "
                "WHERE record_type = 'alta' AND number = ?",
                (number,),
            ).fetchone()
            record = None
            if found is not None:
                local = created.astimezone()
                cancelled = InvoiceId(found[0], number, date.fromisoformat(found[1]))
                made = make_anulacion(cancelled, self._chain_head(conn), local)
                record = p.InvoicingRecord(
                    record_type="anulacion",
                    invoice_type=found[2],
                    issuer_nif=found[0],
                    number=number,
                    issued_on=cancelled.issued_on,
                    tax_total=0,
                    total=0,
                    previous_hash=made.previous,
                    generated_at=made.generated_at,
                    hash=made.hash,
                )
                self._keep_record(conn, sale_id, record)
            conn.execute(
                "UPDATE invoices SET cancelled_at = ? WHERE series = ? AND number = ?",
                (created.isoformat(), row[0], row[1]),
            )
            fact = p.InvoiceCancelled(
                store_id=identity.store_id,
                sale_id=sale_id,
                series=row[0],
                number=row[1],
                reason=reason[:200],
                staff_id=staff_id,
                invoicing_record=record,
            )
            content = fact.model_dump(mode="json")
            self._journal(conn, "invoice_cancelled", f"{sale_id}:X{row[1]}", content, created.isoformat())
            self._fact(conn, "invoice.cancelled", fact, created.isoformat())
        return number
