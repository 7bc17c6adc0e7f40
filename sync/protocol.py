"""The wire contract between tills and the central server (see PROTOCOL_VERSION).

Both ends import these models; a change here is a change to both in one commit.
Money is integer cents; times are timezone-aware ISO 8601; ids of facts made at the till
are UUIDs generated there.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, model_validator
from typing_extensions import TypedDict

# 2: snapshot stock travels as one row per SKU (stock_by_sku)
# 3: roles, staff and promotions replicated; sales carry discounts, returns, cashier and shift;
#    shift, cash, override, void and invoice facts
# 4: loyalty: tiers and members replicated (phone and e-mail as keyed hashes), members enrolled
#    at the till, sales carry the member and their points, points as a payment method
# 5: click&collect orders and reservations replicated to their store; order steps and
#    reservations made at the till; a sale may pay for an order at its hand-over
# 6: transfers between stores replicated to both; transfer steps, stock counts and adjustments
#    from the till; stores' min/max stock limits
# 7: the issuer of the receipts (the company: legal name, NIF, registered address) and each
#    store's address, replicated to every till
# 8: a sale or return carries its VERI*FACTU invoicing record (one hash chain per till)
# 9: a weighed line carries its price per kilogram; a full invoice carries its record (F3,
#    replacing the receipt; the customer's NIF); a cancelled full invoice (invoice.cancelled)
#    carries its registro de anulación
# 10: a card payment carries the terminal that took it
# 11: each store's quick keys (the favourites grid for items without a barcode), to its tills
PROTOCOL_VERSION = 11
CENTS_PER_POINT = 1  # what one loyalty point is worth as a payment
MAX_PUSH_EVENTS = 500
MAX_PAGE = 5000
MAX_QUICK_KEYS = 48  # a store's favourites grid: six rows of eight, one screen

Cents = Annotated[int, Field(ge=-(10**12), le=10**12)]
Text = Annotated[str, Field(max_length=200)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]  # a key of the server's INTEGER columns
Seq = Annotated[int, Field(ge=1, le=2**63 - 1)]  # a BIGINT sequence number
CardNumber = Annotated[str, Field(pattern=r"^L[A-Z][0-9]{6,16}$")]  # LC…: HQ's cards; LT…: enrolled at a till
LookupKey = Annotated[str, Field(pattern=r"^([0-9a-f]{32})?$")]  # a keyed hash, or "" when there is none


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- enrolment -------------------------------------------------------------------------------


class EnrolRequest(Model):
    code: Annotated[str, Field(min_length=4, max_length=64)]
    instance_id: UUID
    app_version: Text = ""


class EnrolResponse(Model):
    device_id: int
    token: str
    store_id: int
    store_code: str
    store_name: str
    till_code: str
    till_name: str


# --- facts made at the till (events, up) -----------------------------------------------------


class LineDiscount(Model):
    """One named discount on a line: a promotion, or a manual discount or price change."""

    name: Text
    amount: Cents  # taken off the line (for a returned line, given back: negative)
    promotion_id: int | None = None
    basket: bool = False  # a line's share of a basket promotion


class SaleLine(Model):
    sku_id: Id
    sku_code: Text
    name: Text
    # Negative on a return. A weighed item is one line of quantity 1 priced for its weight.
    quantity: Annotated[int, Field(ge=-9999, le=9999)]
    unit_price: Annotated[int, Field(ge=0, le=10**9)]
    discount: Cents = 0  # the sum of `discounts`, taken off unit_price x quantity
    discounts: Annotated[list[LineDiscount], Field(max_length=10)] = []
    line_total: Cents
    tax_rate_bp: Annotated[int, Field(ge=0, le=10_000)]
    weight_g: Annotated[int, Field(ge=1, le=10**7)] | None = None
    price_per_kg: Annotated[int, Field(ge=0, le=10**9)] | None = None  # protocol 9: a weighed line's

    @model_validator(mode="after")
    def _total_is_price_times_quantity_less_discount(self) -> SaleLine:
        if self.quantity == 0:
            raise ValueError("quantity cannot be 0")
        gross = self.unit_price * self.quantity
        if self.line_total != gross - self.discount:
            raise ValueError("line_total must be unit_price x quantity - discount")
        if sum(d.amount for d in self.discounts) != self.discount:
            raise ValueError("discounts do not add up to the line's discount")
        if self.discount and (abs(self.discount) > abs(gross) or (self.discount > 0) != (gross > 0)):
            raise ValueError("a discount cannot exceed the line or change its sign")
        return self


class Payment(Model):
    method: Literal["cash", "card", "points"]
    amount: Cents  # negative: refunded (points: given back to the member)
    change: Annotated[int, Field(ge=0, le=10**9)] = 0
    reference: Annotated[str, Field(max_length=64)] = ""  # the card terminal's authorisation
    terminal: Annotated[str, Field(max_length=40)] = ""  # which card terminal (protocol 10)


class TaxRateAmounts(Model):
    """One VAT rate of an invoice: its base and its tax (Desglose)."""

    rate_bp: Annotated[int, Field(ge=0, le=10000)]
    base: Cents
    tax: Cents


class CorrectedInvoice(Model):
    """An invoice a corrective one corrects (FacturasRectificadas)."""

    number: Annotated[str, Field(min_length=1, max_length=60)]
    issued_on: date


class InvoicingRecord(Model):
    """A VERI*FACTU invoicing record made at the till in the sale's own transaction (RD 1007/2023,
    art. 8): the fields its fingerprint covers, exactly as hashed (sync/rules/verifactu.py),
    and what the AEAT's XML needs besides. One chain per till: `previous_hash` is the hash of
    the till's previous record ("" for the first). A registro de anulación names the invoice it
    cancels in issuer_nif, number and issued_on (its amounts are 0)."""

    record_type: Literal["alta", "anulacion"] = "alta"
    invoice_type: Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]
    issuer_nif: Annotated[str, Field(pattern=r"^[0-9A-Z]{9}$")]
    number: Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[ -~]+$")]
    issued_on: date
    tax_total: Cents
    total: Cents
    breakdown: Annotated[list[TaxRateAmounts], Field(max_length=10)] = []
    corrects: Annotated[list[CorrectedInvoice], Field(max_length=1000)] = []
    replaces: Annotated[list[CorrectedInvoice], Field(max_length=1000)] = []  # F3: the receipts it replaces
    recipient_nif: Annotated[str, Field(pattern=r"^([0-9A-Z]{9})?$")] = ""  # F1/F3/R1: the customer
    recipient_name: Annotated[str, Field(max_length=120)] = ""
    previous_hash: Annotated[str, Field(pattern=r"^([0-9A-F]{64})?$")]
    generated_at: Annotated[str, Field(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")]
    hash: Annotated[str, Field(pattern=r"^[0-9A-F]{64}$")]


class SaleCompleted(Model):
    sale_id: UUID
    kind: Literal["sale", "return"] = "sale"
    original_sale_id: UUID | None = None  # the receipt a return was made against
    store_id: Id
    till_code: Text
    series: Text
    number: Id
    created_at: datetime
    cashier_id: Id | None = None
    shift_id: UUID | None = None
    lines: Annotated[list[SaleLine], Field(min_length=1, max_length=1000)]
    payments: Annotated[list[Payment], Field(min_length=1, max_length=20)]
    total: Cents
    rounding: Annotated[int, Field(ge=-100, le=100)] = 0  # cash rounding: paid = total + rounding
    journal_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    customer_card: CardNumber | None = None  # the loyalty member identified at the till
    # Points this sale earned (a return: minus those it takes back). Points spent are the
    # "points" payments: CENTS_PER_POINT cents each.
    points_earned: Annotated[int, Field(ge=-(10**9), le=10**9)] = 0
    # The click&collect order or reservation this sale paid for at its hand-over: its lines
    # are the order's units (the sale moves the stock; the order's hold on them ends).
    order_id: UUID | None = None
    # The sale's VERI*FACTU record (protocol 8); None from a till with no issuer data.
    invoicing_record: InvoicingRecord | None = None

    @model_validator(mode="after")
    def _amounts_add_up(self) -> SaleCompleted:
        if sum(line.line_total for line in self.lines) != self.total:
            raise ValueError("lines do not add up to the total")
        if sum(p.amount - p.change for p in self.payments) != self.total + self.rounding:
            raise ValueError("payments do not add up to the total")
        returning = self.kind == "return"
        if any((line.quantity < 0) != returning for line in self.lines):
            raise ValueError("a sale's quantities are positive and a return's negative")
        if self.original_sale_id is not None and not returning:
            raise ValueError("only a return refers to an original sale")
        points_paid = any(pay.method == "points" for pay in self.payments)
        if (self.points_earned or points_paid) and self.customer_card is None:
            raise ValueError("points need a member")
        if (self.points_earned < 0 and not returning) or (self.points_earned > 0 and returning):
            raise ValueError("a sale earns points and a return takes them back")
        return self


class CustomerEnrolled(Model):
    """A member enrolled at the till: the minimum, with the consent to marketing as given."""

    card: CardNumber  # LT + till id + number: issued by the till itself, so it works offline
    store_id: Id
    till_code: Text
    name: Annotated[str, Field(min_length=2, max_length=200)]
    phone: Annotated[str, Field(pattern=r"^\d{8,15}$")] | None = None  # digits with country code
    email: Annotated[str, Field(max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    marketing_consent: bool
    consent_at: datetime  # when the customer said yes or no, at this till
    enrolled_at: datetime

    @model_validator(mode="after")
    def _reachable(self) -> CustomerEnrolled:
        if self.phone is None and self.email is None:
            raise ValueError("a member needs a phone or an e-mail")
        return self


class ShiftOpened(Model):
    shift_id: UUID
    store_id: Id
    till_code: Text
    staff_id: Id
    opened_at: datetime
    float_cents: Annotated[int, Field(ge=0, le=10**9)]


class CashMoved(Model):
    shift_id: UUID
    store_id: Id
    staff_id: Id
    kind: Literal["in", "out", "no_sale"]
    amount: Annotated[int, Field(ge=0, le=10**9)]
    reason: Text


class ShiftClosed(Model):
    shift_id: UUID
    store_id: Id
    till_code: Text
    staff_id: Id
    closed_at: datetime
    z_number: Id
    expected_cash: Cents
    counted_cash: Cents
    report: dict[str, Any]  # the Z report's figures, as printed


class OverrideApproved(Model):
    """Something a cashier may not do alone, done with a manager's PIN."""

    store_id: Id
    action: Text
    staff_id: Id
    approver_id: Id
    detail: Annotated[str, Field(max_length=1000)]


class SaleVoided(Model):
    """A sale abandoned before payment: nothing was sold, but who voided what, and why, is kept."""

    store_id: Id
    staff_id: Id
    approver_id: Id | None = None
    reason: Text
    lines: Annotated[int, Field(ge=0, le=1000)]
    total: Cents


class InvoiceIssued(Model):
    """A full invoice for a receipt, for a customer who gave a tax id."""

    store_id: Id
    sale_id: UUID
    series: Text
    number: Id
    tax_id: Annotated[str, Field(min_length=3, max_length=20)]
    name: Text
    address: Text = ""
    invoicing_record: InvoicingRecord | None = None  # protocol 9: its F3 record


class InvoiceCancelled(Model):
    """A full invoice cancelled (issued to the wrong customer, say): its registro de anulación.
    The receipt it replaced stands; a new full invoice may be issued for it."""

    store_id: Id
    sale_id: UUID
    series: Text
    number: Id
    reason: Text = ""
    staff_id: Id | None = None
    invoicing_record: InvoicingRecord | None = None  # None: the invoice predates the till's issuer


class OrderLineMove(Model):
    sku_id: Id
    quantity: Annotated[int, Field(ge=1, le=9999)]


class OrderPlaced(Model):
    """A reservation made at the till for a customer, of units here or in a sibling store."""

    order_id: UUID
    store_id: Id  # the till's store
    at_store_id: Id  # where the units are held
    number: Annotated[str, Field(min_length=1, max_length=32)]
    code: Annotated[str, Field(pattern=r"^[0-9A-Z*~$=]{9}$")]  # the pickup code given to the customer
    customer_name: Annotated[str, Field(min_length=2, max_length=200)]
    card: CardNumber | None = None
    phone: Annotated[str, Field(pattern=r"^\d{8,15}$")] | None = None
    lines: Annotated[list[OrderLineMove], Field(min_length=1, max_length=50)]
    hold_until: datetime
    staff_id: Id | None = None
    placed_at: datetime


OrderStepName = Literal["picking", "ready", "collected", "cancelled", "expired", "released", "transfer_requested"]


class OrderStep(Model):
    """Something done to an order at the store: picked, ready, handed over, released…

    `collected`: `lines` are the units handed over (a substitute is a SKU not on the order,
    with `approver_id`), unless `sale_id` names the sale that took the payment, whose lines
    they are. `released`: a manager freed `lines` of the hold. `transfer_requested`: the
    missing units are asked of `from_store_id`.
    """

    order_id: UUID
    store_id: Id
    step: OrderStepName
    at: datetime
    staff_id: Id | None = None
    approver_id: Id | None = None
    lines: Annotated[list[OrderLineMove], Field(max_length=100)] = []
    sale_id: UUID | None = None
    from_store_id: Id | None = None
    note: Text = ""


class TransferLineMove(Model):
    sku_id: Id
    quantity: Annotated[int, Field(ge=0, le=99_999)]
    reason: Annotated[str, Field(max_length=32)] = ""  # a received quantity that differs: why


class TransferRequested(Model):
    """The store that needs goods asks a sibling store for them (maybe for a click&collect order)."""

    transfer_id: UUID
    store_id: Id  # the requesting (receiving) store
    from_store_id: Id
    number: Annotated[str, Field(min_length=1, max_length=32)]
    code: Annotated[str, Field(pattern=r"^[0-9A-Z*~$=]{9}$")]  # on the transfer note's barcode
    lines: Annotated[list[TransferLineMove], Field(min_length=1, max_length=200)]
    order_id: UUID | None = None
    note: Text = ""
    staff_id: Id | None = None
    at: datetime


class TransferStep(Model):
    """accepted, declined, shipped (lines: picked quantities), received (lines: counted
    quantities, with a reason where they differ) or cancelled."""

    transfer_id: UUID
    store_id: Id
    step: Literal["accepted", "declined", "shipped", "received", "cancelled"]
    lines: Annotated[list[TransferLineMove], Field(max_length=200)] = []
    staff_id: Id | None = None
    note: Text = ""
    at: datetime


class StockLine(Model):
    sku_id: Id
    delta: Annotated[int, Field(ge=-99_999, le=99_999)]
    reason: Literal["damage", "theft", "found", "supplier_return", "count"]
    counted: Annotated[int, Field(ge=0, le=10**6)] | None = None  # a count: what was counted…
    expected: int | None = None  # …and what the till expected when it was counted


class StockAdjusted(Model):
    """A count's approved differences, or an adjustment with its reason: movements, never figures."""

    adjustment_id: UUID
    store_id: Id
    kind: Literal["count", "adjustment"]
    scope: Text = ""  # a count: "full", a family's name, a location
    blind: bool = False
    lines: Annotated[list[StockLine], Field(min_length=1, max_length=5000)]
    staff_id: Id | None = None
    approver_id: Id | None = None
    at: datetime


EVENT_PAYLOADS: dict[str, type[Model]] = {
    "sale.completed": SaleCompleted,
    "shift.opened": ShiftOpened,
    "cash.moved": CashMoved,
    "shift.closed": ShiftClosed,
    "override.approved": OverrideApproved,
    "sale.voided": SaleVoided,
    "invoice.issued": InvoiceIssued,
    "invoice.cancelled": InvoiceCancelled,
    "customer.enrolled": CustomerEnrolled,
    "order.placed": OrderPlaced,
    "order.step": OrderStep,
    "transfer.requested": TransferRequested,
    "transfer.step": TransferStep,
    "stock.adjusted": StockAdjusted,
}


class Event(Model):
    event_id: UUID
    device_seq: Seq
    type: Annotated[str, Field(max_length=64)]
    created_at: datetime
    payload: dict[str, Any]


class PushRequest(Model):
    instance_id: UUID
    events: Annotated[list[Event], Field(max_length=MAX_PUSH_EVENTS)]


class EventResult(Model):
    event_id: UUID
    status: Literal["applied", "duplicate", "rejected"]
    reason: str | None = None
    # Change-log position at which the event's effects are visible downstream: once a till's
    # cursor reaches it, the confirmed figures it pulls already include this event.
    seq: int = 0


class PushResponse(Model):
    results: list[EventResult]


# --- a member's history (asked for by the till when it is online) ----------------------------


class Purchase(Model):
    channel: Text  # store | web
    created_at: datetime
    where: Text  # the store's name, or the channel
    total: Cents
    kind: Text = "sale"  # or return
    sku_ids: list[int] = []
    items: list[Text] = []


class CustomerHistory(Model):
    card: Text
    purchases: list[Purchase]


class StandingInvoice(Model):
    """The invoice that stands for a sale now (its full invoice if one was issued and not
    cancelled, else its receipt): what a return's corrective invoice names."""

    issuer_nif: Annotated[str, Field(pattern=r"^[0-9A-Z]{9}$")]
    number: Annotated[str, Field(min_length=1, max_length=60)]
    issued_on: date
    invoice_type: Literal["F1", "F2", "F3"]
    recipient_nif: Annotated[str, Field(pattern=r"^([0-9A-Z]{9})?$")] = ""
    recipient_name: Annotated[str, Field(max_length=120)] = ""


class ReceiptFound(Model):
    """A receipt of another till of the chain, for a return here (GET /receipts/{number}): the
    sale as its till sent it, the units of each SKU already returned at other tills, and the
    invoice that stands for it."""

    sale: SaleCompleted
    returned: dict[int, Annotated[int, Field(ge=0)]] = {}  # sku_id -> units returned elsewhere
    standing: StandingInvoice | None = None


# --- catalog and stock (changes, down) -------------------------------------------------------


class TaxRateData(Model):
    code: Text
    rate_bp: Annotated[int, Field(ge=0, le=10_000)]
    name: Text


class StoreData(Model):
    id: int
    code: Text
    name: Text
    city: Text = ""
    address: Text = ""  # street and number, as the receipt prints it
    postcode: Annotated[str, Field(max_length=10)] = ""


class CompanyData(Model):
    """Who issues the chain's receipts and invoices (RD 1619/2012, art. 6.1 and 7.1: the
    issuer's name and NIF on every invoice, simplified or not; its address on a full one).
    One row, id 1."""

    id: Literal[1] = 1
    legal_name: Text
    nif: Annotated[str, Field(min_length=9, max_length=9, pattern=r"^[0-9A-Z]{9}$")]
    address: Text
    postcode: Annotated[str, Field(max_length=10)] = ""
    city: Text = ""


class FamilyData(Model):
    id: int
    parent_id: int | None
    name: Text


class ProductData(Model):
    id: int
    code: Text
    name: Text
    family_id: int | None


class SkuData(Model):
    id: int
    product_id: int
    code: Text
    name: Text
    size: Text = ""
    colour: Text = ""
    tax_rate_bp: Annotated[int, Field(ge=0, le=10_000)]
    unit: Literal["each", "kg"] = "each"
    active: bool = True


class BarcodeData(Model):
    code: Annotated[str, Field(min_length=1, max_length=40)]
    sku_id: int


class PriceListData(Model):
    id: int
    code: Text
    channel: Text
    name: Text


class PriceData(Model):
    id: int
    price_list_id: int
    sku_id: int
    price_cents: Annotated[int, Field(ge=0, le=10**9)]
    valid_from: datetime | None = None
    valid_to: datetime | None = None


class RoleData(Model):
    code: Text
    name: Text
    permissions: Annotated[str, Field(max_length=2000)]  # comma-separated (see sync.rules.staff)
    discount_limit_bp: Annotated[int, Field(ge=0, le=10_000)]  # the most a member may take off alone


class StaffData(Model):
    id: int
    store_id: int | None  # None: works in every store
    name: Text
    role: Text
    pin_hash: Text  # pbkdf2_sha256$iterations$salt$hex: the till checks PINs offline


class PromotionData(Model):
    id: int
    code: Text
    name: Text  # shown on screen and on the receipt
    kind: Literal["percent", "amount", "n_for_m", "second_unit", "bundle", "basket"]
    # percent and second_unit: basis points off; amount, basket: cents off; bundle: the bundle's price
    value: Annotated[int, Field(ge=0, le=10**9)]
    target: Literal["sku", "family", "basket"]
    target_ids: Annotated[str, Field(max_length=2000)] = ""  # comma-separated SKU or family ids
    buy: Annotated[int, Field(ge=0, le=100)] = 0  # N of "N for M"
    pay: Annotated[int, Field(ge=0, le=100)] = 0  # M of "N for M"
    min_total: Annotated[int, Field(ge=0, le=10**9)] = 0  # basket threshold, cents
    channels: Text = "store"  # comma-separated
    store_ids: Annotated[str, Field(max_length=2000)] = ""  # comma-separated; empty: every store
    tier: Text = ""  # loyalty tier it is restricted to; empty: everyone
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    active: bool = True
    segment: Text = ""  # customer segment (a member's tag) it is restricted to; empty: everyone


class TierData(Model):
    """A loyalty tier: from `threshold` cents of spend over 12 months, in every channel."""

    code: Text
    name: Text
    threshold: Annotated[int, Field(ge=0, le=10**12)]
    multiplier_pct: Annotated[int, Field(ge=0, le=1000)]  # points multiplier, 100 = x1
    price_list_id: int | None = None  # tier prices: this list's price where it is lower


class CustomerData(Model):
    """A member as a till needs them to identify and reward: no phone or e-mail in clear.

    `phone_key` / `email_key` are keyed hashes (HMAC-SHA256 under the chain's member key,
    first 128 bits) of the normalised phone and e-mail; `phone_hint` is the last 3 digits, for
    the cashier to confirm. `points` and `spend_12m` are as confirmed by the server.
    """

    card: CardNumber
    name: Text
    phone_key: LookupKey = ""
    email_key: LookupKey = ""
    phone_hint: Annotated[str, Field(max_length=4)] = ""
    tier: Text = ""
    points: Annotated[int, Field(ge=-(10**12), le=10**12)] = 0
    spend_12m: Cents = 0
    tags: Annotated[str, Field(max_length=500)] = ""  # comma-separated segment codes


OrderState = Literal["placed", "reserved", "picking", "ready", "collected", "cancelled", "expired"]


class OrderLineData(Model):
    line_no: Annotated[int, Field(ge=1, le=1000)]
    sku_id: int
    sku_code: Text
    name: Text
    quantity: Annotated[int, Field(ge=1, le=9999)]
    unit_price: Annotated[int, Field(ge=0, le=10**9)]
    released: Annotated[int, Field(ge=0, le=9999)] = 0  # freed of the hold by a manager
    handed: Annotated[int, Field(ge=0, le=9999)] = 0  # handed over to the customer


class OrderData(Model):
    """A click&collect order or a reservation, as its store's tills see it.

    Units of an order in a holding state (reserved, picking, ready) that are neither released
    nor handed over are not sellable at the store. `problem` is set when a promise can no
    longer be kept (the last unit was sold before the till heard of the order) and stays
    until a person settles the order.
    """

    id: Annotated[str, Field(max_length=36)]
    number: Annotated[str, Field(max_length=32)]  # what people read: the web order's number, R-…
    kind: Literal["click_collect", "reservation"]
    channel: Text  # web, phone, store
    store_id: int
    code: Annotated[str, Field(max_length=9)]  # the pickup code on the customer's phone
    state: OrderState
    problem: Annotated[str, Field(max_length=1000)] = ""
    customer_name: Text
    card: Annotated[str, Field(max_length=20)] = ""
    phone_hint: Annotated[str, Field(max_length=4)] = ""
    prepaid: bool = False
    total: Cents
    ready_until: datetime | None = None  # end of the pickup window (a reservation: held until)
    created_at: datetime
    lines: Annotated[list[OrderLineData], Field(min_length=1, max_length=200)]


class TransferLineData(Model):
    line_no: Annotated[int, Field(ge=1, le=1000)]
    sku_id: int
    sku_code: Text
    name: Text
    requested: Annotated[int, Field(ge=0, le=99_999)]
    shipped: Annotated[int, Field(ge=0, le=99_999)] = 0
    received: Annotated[int, Field(ge=0, le=99_999)] = 0
    reason: Annotated[str, Field(max_length=32)] = ""


class TransferData(Model):
    """A transfer between two stores, as both stores' tills see it."""

    id: Annotated[str, Field(max_length=36)]
    number: Annotated[str, Field(max_length=32)]
    code: Annotated[str, Field(max_length=9)]
    from_store_id: int
    to_store_id: int
    state: Literal["requested", "accepted", "declined", "shipped", "received", "cancelled"]
    order_id: Annotated[str, Field(max_length=36)] = ""
    note: Text = ""
    created_at: datetime
    lines: Annotated[list[TransferLineData], Field(min_length=1, max_length=200)]


class StockLimitData(Model):
    """A store's minimum and maximum of a SKU: below the minimum, replenish up to the maximum."""

    store_id: int
    sku_id: int
    min_qty: Annotated[int, Field(ge=0, le=10**6)]
    max_qty: Annotated[int, Field(ge=0, le=10**6)]


class QuickKeyData(Model):
    """One key of a store's favourites grid: a SKU without a barcode to scan (loose fruit, a
    bag, a service), at `position` (1 is the top left, row by row), with the label it shows."""

    store_id: Id
    position: Annotated[int, Field(ge=1, le=MAX_QUICK_KEYS)]
    sku_id: Id
    label: Annotated[str, Field(max_length=24)] = ""  # empty: the SKU's name


class StockData(Model):
    store_id: int
    sku_id: int
    quantity: int
    as_of: datetime


ENTITY_MODELS: dict[str, type[Model]] = {
    "company": CompanyData,
    "tax_rate": TaxRateData,
    "store": StoreData,
    "family": FamilyData,
    "product": ProductData,
    "sku": SkuData,
    "barcode": BarcodeData,
    "price_list": PriceListData,
    "price": PriceData,
    "stock": StockData,
    "role": RoleData,
    "staff": StaffData,
    "promotion": PromotionData,
    "tier": TierData,
    "customer": CustomerData,
    "order": OrderData,
    "transfer": TransferData,
    "stock_limit": StockLimitData,
    "quick_key": QuickKeyData,
}
# The entities, in the order a snapshot lists them, so that references come before their users.
EntityName = Literal[
    "company", "tax_rate", "store", "family", "product", "sku", "barcode", "price_list", "price", "role", "staff",
    "promotion", "tier", "customer", "order", "transfer", "stock_limit", "quick_key", "stock",
]  # fmt: skip
ENTITY_ORDER: list[str] = list(get_args(EntityName))
# A snapshot sends stock as one row per SKU, [sku_id, quantity at each of header.stock_stores
# (null where the server has no figure)]: ten times fewer, smaller rows than one per store and SKU.
SNAPSHOT_ORDER = [*ENTITY_ORDER[:-1], "stock_by_sku"]
if TYPE_CHECKING:  # a Literal built from SNAPSHOT_ORDER at run time; to the checker, a name
    SnapshotEntity = str
else:
    SnapshotEntity = Literal[tuple(SNAPSHOT_ORDER)]


class Change(Model):
    seq: int
    entity: EntityName
    key: Text
    data: dict[str, Any] | None  # None: the row was deleted

    def typed(self) -> Model | None:
        """The data validated against its entity's model (raises ValidationError if corrupt)."""
        return None if self.data is None else ENTITY_MODELS[self.entity].model_validate(self.data)


class ChangesResponse(Model):
    changes: list[Change]
    cursor: int  # where to pull from next
    has_more: bool


class SnapshotHeader(Model):
    """First line of a snapshot stream; `SnapshotChunk` lines follow, then a `SnapshotTrailer`."""

    protocol: int = PROTOCOL_VERSION
    cursor: int
    store_id: int
    taken_at: datetime  # every stock figure in the snapshot is confirmed as of this moment
    stock_stores: list[int]  # the store of each quantity column of `stock_by_sku` rows
    # The chain's key for members' phone and e-mail lookups (hex): the till hashes what is typed
    # with it to find `phone_key` / `email_key`. Rotating it means a new snapshot for every till.
    member_key: Annotated[str, Field(pattern=r"^([0-9a-f]{64})?$")] = ""


class SnapshotTrailer(Model):
    """Last line of a snapshot stream: a stream without it was cut and must not be used."""

    end: Literal[True] = True
    rows: int


class SnapshotChunk(Model):
    """Up to a few thousand rows of one entity, each a list of values in `entity_columns` order.

    Rows travel as arrays rather than objects and are validated a chunk at a time, so a
    million-SKU catalog loads in seconds rather than minutes.
    """

    entity: SnapshotEntity
    rows: list[list[Any]]


ISO_TIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?$"


def entity_columns(entity: str) -> list[str]:
    """The fields of an entity in the order its snapshot rows carry them."""
    return list(ENTITY_MODELS[entity].model_fields)


def _row_type(entity: str, stores: int) -> Any:
    """The tuple type of one snapshot row of `entity`, with every constraint of its model.

    Times stay ISO text (checked by pattern) because that is how both ends store them.
    `stock_by_sku` rows are a SKU id, then exactly `stores` quantities or nulls.
    """
    if entity == "stock_by_sku":
        return tuple[(int,) + (int | None,) * stores]  # type: ignore[misc]
    types = []
    for field in ENTITY_MODELS[entity].model_fields.values():
        annotation = field.annotation
        if annotation is datetime:
            annotation = Annotated[str, StringConstraints(pattern=ISO_TIME)]
        elif annotation == datetime | None:
            annotation = Annotated[str, StringConstraints(pattern=ISO_TIME)] | None
        types.append(Annotated[annotation, *field.metadata] if field.metadata else annotation)
    return tuple[*types]  # type: ignore[valid-type]  # built at run time, per entity


@cache
def chunk_validator(entity: str, stores: int = 0) -> TypeAdapter[Any]:
    """Parses and validates a whole `SnapshotChunk` line of `entity` in one pass (pydantic-core's
    JSON parser: about three times faster than json.loads followed by validation)."""
    chunk = TypedDict(  # type: ignore[misc]  # noqa: UP013 (built at run time, per entity)
        f"{entity}_chunk",
        {"entity": Literal[entity], "rows": list[_row_type(entity, stores)]},  # type: ignore[misc]
    )
    return TypeAdapter(chunk)
