"""Tables of the central server, SQLAlchemy Core: one code path for SQLite and PostgreSQL.

Times are ISO 8601 UTC text, money integer cents, VAT rates basis points.
Stock is the ledger `stock_movements`; `stock_levels` is its running sum, kept in the same
transaction as each movement so that reading a figure does not mean summing the ledger.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

stores = sa.Table(
    "stores",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("city", sa.String(200), nullable=False, server_default=""),
    sa.Column("address", sa.String(200), nullable=False, server_default=""),
    sa.Column("postcode", sa.String(10), nullable=False, server_default=""),
)

# The issuer of the chain's receipts and invoices: one row (id 1), set by `pos-server set-company`.
company = sa.Table(
    "company",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("legal_name", sa.String(200), nullable=False),
    sa.Column("nif", sa.String(9), nullable=False),
    sa.Column("address", sa.String(200), nullable=False),
    sa.Column("postcode", sa.String(10), nullable=False, server_default=""),
    sa.Column("city", sa.String(200), nullable=False, server_default=""),
)

tills = sa.Table(
    "tills",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
    sa.Column("code", sa.String(32), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(64), unique=True),
    sa.Column("instance_id", sa.String(36)),
    sa.Column("app_version", sa.String(64)),
    sa.Column("enrolled_at", sa.String(40)),
    sa.Column("last_seen_at", sa.String(40)),
    sa.Column("last_device_seq", sa.BigInteger, nullable=False, server_default="0"),
    # How far the till has pulled: the cursor it last asked from, and when it last stood at the head.
    sa.Column("pull_cursor", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("last_pull_at", sa.String(40)),
    sa.Column("caught_up_at", sa.String(40)),
    sa.Column("last_push_at", sa.String(40)),
    sa.UniqueConstraint("store_id", "code"),
)

enrolment_codes = sa.Table(
    "enrolment_codes",
    metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("till_id", sa.Integer, sa.ForeignKey("tills.id"), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False),
    sa.Column("used_at", sa.String(40)),
    # A used code answers its own retry (the answer was lost) until the till first uses its
    # token: which instance used it, and the salt its token was derived with (wiped after).
    sa.Column("instance_id", sa.String(36)),
    sa.Column("token_salt", sa.String(64)),
)

cashiers = sa.Table(
    "cashiers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id")),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("pin_hash", sa.String(200), nullable=False),
)

roles = sa.Table(
    "roles",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("permissions", sa.String(2000), nullable=False),
    sa.Column("discount_limit_bp", sa.Integer, nullable=False),
)

promotions = sa.Table(
    "promotions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("value", sa.BigInteger, nullable=False),
    sa.Column("target", sa.String(16), nullable=False),
    sa.Column("target_ids", sa.String(2000), nullable=False),
    sa.Column("buy", sa.Integer, nullable=False),
    sa.Column("pay", sa.Integer, nullable=False),
    sa.Column("min_total", sa.BigInteger, nullable=False),
    sa.Column("channels", sa.String(200), nullable=False),
    sa.Column("store_ids", sa.String(2000), nullable=False),
    sa.Column("tier", sa.String(32), nullable=False),
    sa.Column("valid_from", sa.String(40)),
    sa.Column("valid_to", sa.String(40)),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("segment", sa.String(32), nullable=False, server_default=""),
)

tax_rates = sa.Table(
    "tax_rates",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("rate_bp", sa.Integer, nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
)

families = sa.Table(
    "families",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("parent_id", sa.Integer),
    sa.Column("name", sa.String(200), nullable=False),
)

products = sa.Table(
    "products",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("family_id", sa.Integer),
)

skus = sa.Table(
    "skus",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("product_id", sa.Integer, sa.ForeignKey("products.id"), nullable=False),
    sa.Column("code", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("size", sa.String(32), nullable=False, server_default=""),
    sa.Column("colour", sa.String(64), nullable=False, server_default=""),
    sa.Column("tax_rate_bp", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(8), nullable=False, server_default="each"),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
)

barcodes = sa.Table(
    "barcodes",
    metadata,
    sa.Column("code", sa.String(40), primary_key=True),
    sa.Column("sku_id", sa.Integer, sa.ForeignKey("skus.id"), nullable=False),
)

price_lists = sa.Table(
    "price_lists",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
)

prices = sa.Table(
    "prices",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("price_list_id", sa.Integer, sa.ForeignKey("price_lists.id"), nullable=False),
    sa.Column("sku_id", sa.Integer, sa.ForeignKey("skus.id"), nullable=False),
    sa.Column("price_cents", sa.BigInteger, nullable=False),
    sa.Column("valid_from", sa.String(40)),
    sa.Column("valid_to", sa.String(40)),
    sa.Index("ix_prices_list_sku", "price_list_id", "sku_id"),
)

stock_movements = sa.Table(
    "stock_movements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
    sa.Column("sku_id", sa.Integer, sa.ForeignKey("skus.id"), nullable=False),
    sa.Column("delta", sa.Integer, nullable=False),
    sa.Column("reason", sa.String(32), nullable=False),
    sa.Column("event_id", sa.String(36)),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Index("ix_stock_movements_store_sku", "store_id", "sku_id"),
)

stock_levels = sa.Table(
    "stock_levels",
    metadata,
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), primary_key=True),
    sa.Column("sku_id", sa.Integer, sa.ForeignKey("skus.id"), primary_key=True),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    # Covering (sku, store) order: the snapshot reads one row per SKU without sorting.
    sa.Index("ix_stock_levels_sku_store", "sku_id", "store_id", "quantity"),
)

customers = sa.Table(
    "customers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("card_number", sa.String(32), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("phone", sa.String(32)),
    sa.Column("email", sa.String(200)),
    sa.Column("postcode", sa.String(10)),
    sa.Column("birth_year", sa.Integer),
    sa.Column("marketing_consent", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.String(40), nullable=False),
    # Loyalty (migration 0005). Lookup keys: see sync/server/loyalty.py; points_balance is the
    # running sum of points_movements, kept in the transaction of each movement.
    sa.Column("phone_key", sa.String(32), nullable=False, server_default=""),
    sa.Column("email_key", sa.String(32), nullable=False, server_default=""),
    sa.Column("phone_hint", sa.String(4), nullable=False, server_default=""),
    sa.Column("tier", sa.String(32), nullable=False, server_default=""),
    sa.Column("points_balance", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("spend_12m", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("tags", sa.String(500), nullable=False, server_default=""),
    sa.Column("consent_at", sa.String(40)),
    sa.Column("enrolled_store_id", sa.Integer),
    sa.Column("enrolled_till", sa.String(32)),
    sa.Column("merged_into", sa.Integer),  # a duplicate enrolment: its card stands for that member
    sa.Index("ix_customers_phone_key", "phone_key"),
    sa.Index("ix_customers_email_key", "email_key"),
)

tiers = sa.Table(
    "tiers",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("threshold", sa.BigInteger, nullable=False),
    sa.Column("multiplier_pct", sa.Integer, nullable=False),
    sa.Column("price_list_id", sa.Integer),
)

# The points ledger: one row per movement, never updated. (event_id, reason) is unique, so a
# fact's points are booked once even if the same sale were applied twice.
points_movements = sa.Table(
    "points_movements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column("delta", sa.BigInteger, nullable=False),
    sa.Column("reason", sa.String(16), nullable=False),  # earn | redeem | return | refund | adjust
    sa.Column("event_id", sa.String(36)),
    sa.Column("sale_id", sa.String(36)),
    sa.Column("store_id", sa.Integer),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("event_id", "reason", name="uq_points_event_reason"),
    sa.Index("ix_points_customer", "customer_id"),
)

# Customer segments defined at HQ (rule: JSON, see sync/server/loyalty.py); members carry the
# codes of the segments they fall in as `customers.tags`, recomputed on a schedule.
segments = sa.Table(
    "segments",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("rule", sa.JSON, nullable=False),
)

# Orders of other channels (the web shop) that count for a member's spend and history.
channel_orders = sa.Table(
    "channel_orders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id")),
    sa.Column("store_id", sa.Integer),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("total", sa.BigInteger, nullable=False),
    sa.Column("lines", sa.JSON, nullable=False),  # [{sku_id, name, quantity, line_total}]
    sa.Index("ix_channel_orders_customer", "customer_id", "created_at"),
)

# Values the server keeps for itself (the member lookup key, when loyalty was last recomputed).
server_settings = sa.Table(
    "server_settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(2000), nullable=False),
)

# Every server write appends here in its own transaction; tills pull by `seq`.
change_log = sa.Table(
    "change_log",
    metadata,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("scope", sa.String(32), nullable=False),  # "global" or "store:<id>"
    sa.Column("entity", sa.String(32), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("data", sa.JSON),
    sqlite_autoincrement=True,
)

# One row per event id ever received: the proof of exactly-once and the first answer given.
events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(36), primary_key=True),
    sa.Column("till_id", sa.Integer, sa.ForeignKey("tills.id"), nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=False),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # applied | rejected
    sa.Column("reason", sa.Text),
    sa.Column("seq", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Index("ix_events_status", "status"),
)

sales = sa.Table(
    "sales",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
    sa.Column("till_id", sa.Integer, sa.ForeignKey("tills.id"), nullable=False),
    sa.Column("series", sa.String(64), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("total", sa.BigInteger, nullable=False),
    sa.Column("journal_hash", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False, server_default="sale"),
    sa.Column("original_sale_id", sa.String(36)),
    sa.Column("cashier_id", sa.Integer),
    sa.Column("shift_id", sa.String(36)),
    sa.Column("customer_id", sa.Integer),
    sa.Column("points_earned", sa.BigInteger, nullable=False, server_default="0"),
    sa.Index("ix_sales_series_number", "series", "number"),
    sa.Index("ix_sales_customer", "customer_id", "created_at"),
)

sale_lines = sa.Table(
    "sale_lines",
    metadata,
    sa.Column("sale_id", sa.String(36), sa.ForeignKey("sales.id"), primary_key=True),
    sa.Column("line_no", sa.Integer, primary_key=True),
    sa.Column("sku_id", sa.Integer, nullable=False),
    sa.Column("sku_code", sa.String(64), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("unit_price", sa.BigInteger, nullable=False),
    sa.Column("line_total", sa.BigInteger, nullable=False),
    sa.Column("tax_rate_bp", sa.Integer, nullable=False),
    sa.Column("discount", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("discounts", sa.JSON),
    sa.Column("weight_g", sa.Integer),
    sa.Column("price_per_kg", sa.Integer),
)

sale_payments = sa.Table(
    "sale_payments",
    metadata,
    sa.Column("sale_id", sa.String(36), sa.ForeignKey("sales.id"), primary_key=True),
    sa.Column("line_no", sa.Integer, primary_key=True),
    sa.Column("method", sa.String(16), nullable=False),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("change", sa.BigInteger, nullable=False),
    sa.Column("reference", sa.String(64), nullable=False, server_default=""),
    sa.Column("terminal", sa.String(40), nullable=False, server_default=""),
)

# Things a person at HQ must look at: a sale that drove stock negative, a cloned till database…
exceptions = sa.Table(
    "exceptions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("store_id", sa.Integer),
    sa.Column("till_id", sa.Integer),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

# Click&collect orders and reservations (sync/server/orders.py). An order in a holding state
# (reserved, picking, ready) holds its lines' units less those released or handed over.
orders = sa.Table(
    "orders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("reference", sa.String(64), nullable=False, unique=True),  # the channel's own id: idempotency
    sa.Column("number", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # click_collect | reservation
    sa.Column("channel", sa.String(16), nullable=False),  # web | phone | store
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
    sa.Column("customer_id", sa.Integer),
    sa.Column("customer_name", sa.String(200), nullable=False),
    sa.Column("phone", sa.String(20), nullable=False, server_default=""),
    sa.Column("email", sa.String(200), nullable=False, server_default=""),
    sa.Column("card", sa.String(20), nullable=False, server_default=""),
    sa.Column("code", sa.String(9), nullable=False, unique=True),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("problem", sa.Text, nullable=False, server_default=""),
    sa.Column("prepaid", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("total", sa.BigInteger, nullable=False),
    sa.Column("ready_until", sa.String(40)),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Column("sale_id", sa.String(36)),  # the sale that took the payment at the hand-over
    # The channel's request as first placed: the same reference with other content is a 409.
    sa.Column("request", sa.JSON),
    sa.Index("ix_orders_store_state", "store_id", "state"),
)

order_lines = sa.Table(
    "order_lines",
    metadata,
    sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), primary_key=True),
    sa.Column("line_no", sa.Integer, primary_key=True),
    sa.Column("sku_id", sa.Integer, nullable=False),
    sa.Column("sku_code", sa.String(64), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("unit_price", sa.BigInteger, nullable=False),
    sa.Column("released", sa.Integer, nullable=False, server_default="0"),
    sa.Column("handed", sa.Integer, nullable=False, server_default="0"),
    sa.Index("ix_order_lines_sku", "sku_id"),
)

# What happened to each order, in order: its status page for the web and customer service.
order_log = sa.Table(
    "order_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("what", sa.String(32), nullable=False),
    sa.Column("detail", sa.Text, nullable=False, server_default=""),
    sa.Column("event_id", sa.String(36)),
    sa.Index("ix_order_log_order", "order_id"),
)

# Outbound notifications (ready, problem, collected…): written with the change that causes
# them, delivered and retried by `orders.deliver_notifications`.
notifications = sa.Table(
    "notifications",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("dedupe", sa.String(80), nullable=False, unique=True),
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", sa.String(40), nullable=False),
    sa.Column("sent_at", sa.String(40)),
    sa.Column("last_error", sa.Text),
    sa.Index("ix_notifications_due", "sent_at", "next_attempt_at"),
)

# Transfers between stores (sync/server/transfers.py): requested by the receiving store,
# shipped by the sender (stock leaves it), received with counted quantities.
transfers = sa.Table(
    "transfers",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("number", sa.String(32), nullable=False),
    sa.Column("code", sa.String(9), nullable=False, unique=True),
    sa.Column("from_store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
    sa.Column("to_store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("order_id", sa.String(36), nullable=False, server_default=""),
    sa.Column("note", sa.String(200), nullable=False, server_default=""),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Index("ix_transfers_stores", "from_store_id", "to_store_id"),
)

transfer_lines = sa.Table(
    "transfer_lines",
    metadata,
    sa.Column("transfer_id", sa.String(36), sa.ForeignKey("transfers.id"), primary_key=True),
    sa.Column("line_no", sa.Integer, primary_key=True),
    sa.Column("sku_id", sa.Integer, nullable=False),
    sa.Column("sku_code", sa.String(64), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("requested", sa.Integer, nullable=False),
    sa.Column("shipped", sa.Integer, nullable=False, server_default="0"),
    sa.Column("received", sa.Integer, nullable=False, server_default="0"),
    sa.Column("reason", sa.String(32), nullable=False, server_default=""),
)

# Each store's minimum and maximum of a SKU, for replenishment suggestions.
stock_limits = sa.Table(
    "stock_limits",
    metadata,
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), primary_key=True),
    sa.Column("sku_id", sa.Integer, sa.ForeignKey("skus.id"), primary_key=True),
    sa.Column("min_qty", sa.Integer, nullable=False),
    sa.Column("max_qty", sa.Integer, nullable=False),
)

# Each store's favourites grid (protocol 11): items without a barcode, one touch away.
quick_keys = sa.Table(
    "quick_keys",
    metadata,
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("sku_id", sa.Integer, sa.ForeignKey("skus.id"), nullable=False),
    sa.Column("label", sa.String(24), nullable=False, server_default=""),
)

# VERI*FACTU invoicing records as the tills made them (one hash chain per till), kept exactly
# as received: what is submitted to the AEAT and exported for an inspection.
invoicing_records = sa.Table(
    "invoicing_records",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("store_id", sa.Integer, nullable=False),
    sa.Column("till_id", sa.Integer, nullable=False),
    sa.Column("sale_id", sa.String(36), nullable=False),
    sa.Column("record_type", sa.String(10), nullable=False),
    sa.Column("invoice_type", sa.String(2), nullable=False),
    sa.Column("issuer_nif", sa.String(9), nullable=False),
    sa.Column("number", sa.String(60), nullable=False),
    sa.Column("issued_on", sa.String(10), nullable=False),
    sa.Column("tax_total", sa.BigInteger, nullable=False),
    sa.Column("total", sa.BigInteger, nullable=False),
    sa.Column("breakdown", sa.JSON, nullable=False),
    sa.Column("corrects", sa.JSON, nullable=False),
    sa.Column("previous_hash", sa.String(64), nullable=False),
    sa.Column("generated_at", sa.String(25), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False, unique=True),
    sa.Column("received_at", sa.String(40), nullable=False),
    # Where it stands with the AEAT (sync/server/aeat.py): waiting, accepted, accepted_with_errors,
    # rejected, corrected (a rejected record HQ has corrected), unsendable (see aeat_text).
    sa.Column("aeat_state", sa.String(20), nullable=False, server_default="waiting"),
    sa.Column("replaces", sa.JSON, nullable=False, server_default="[]"),
    sa.Column("recipient_nif", sa.String(9), nullable=False, server_default=""),
    sa.Column("recipient_name", sa.String(120), nullable=False, server_default=""),
    # A correction made at HQ (till_id 0, HQ's own chain) of a rejected record: that record's id.
    sa.Column("corrects_record_id", sa.BigInteger),
    sa.Column("xml", sa.Text),  # its RegistroFactura, built once, sent (and exported) as is
    sa.Column("submission_id", sa.BigInteger),
    sa.Column("sent_at", sa.String(40)),
    sa.Column("aeat_code", sa.Integer),
    sa.Column("aeat_text", sa.Text),
    sa.Index("ix_invoicing_records_till", "till_id", "id"),
    sa.Index("ix_invoicing_records_state", "aeat_state", "id"),
)

# Each request to the AEAT: what was sent and what it answered, kept for an inspection.
aeat_submissions = sa.Table(
    "aeat_submissions",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("sent_at", sa.String(40), nullable=False),
    sa.Column("late", sa.Boolean, nullable=False),
    sa.Column("records", sa.Integer, nullable=False),
    # Correcto, ParcialmenteCorrecto, Incorrecto (the AEAT's EstadoEnvio), or failed: no usable answer
    sa.Column("state", sa.String(24), nullable=False),
    sa.Column("csv", sa.String(64)),
    sa.Column("wait_seconds", sa.Integer),
    sa.Column("error", sa.Text),
    sa.Column("request", sa.Text, nullable=False),
    sa.Column("response", sa.Text),
)
