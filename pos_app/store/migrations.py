"""Numbered schema migrations of the till's local database (PRAGMA user_version).

Append a new entry to change the schema; never edit one that has shipped. A database whose
version is newer than this build knows is refused, not touched.
"""

from __future__ import annotations

# Keep the search index in step with `skus` row by row. A snapshot drops them, loads in bulk and
# rebuilds the index once, then puts them back (see SnapshotWriter).
SKU_SEARCH_TRIGGERS = (
    """CREATE TRIGGER skus_ai AFTER INSERT ON skus BEGIN
        INSERT INTO sku_search (rowid, name, code) VALUES (new.id, new.name, new.code);
    END;
""",
    """CREATE TRIGGER skus_ad AFTER DELETE ON skus BEGIN
        INSERT INTO sku_search (sku_search, rowid, name, code) VALUES ('delete', old.id, old.name, old.code);
    END;
""",
    """CREATE TRIGGER skus_au AFTER UPDATE ON skus BEGIN
        INSERT INTO sku_search (sku_search, rowid, name, code) VALUES ('delete', old.id, old.name, old.code);
        INSERT INTO sku_search (rowid, name, code) VALUES (new.id, new.name, new.code);
    END;
""",
)
SKU_SEARCH_TRIGGER_NAMES = ("skus_ai", "skus_ad", "skus_au")
# The same for members' names (1,000,000 of them): only a change of name touches the index, not
# the points and spend that change with every sale.
CUSTOMER_SEARCH_TRIGGERS = (
    """CREATE TRIGGER customers_ai AFTER INSERT ON customers BEGIN
        INSERT INTO customer_search (rowid, name) VALUES (new.rowid, new.name);
    END;
""",
    """CREATE TRIGGER customers_ad AFTER DELETE ON customers BEGIN
        INSERT INTO customer_search (customer_search, rowid, name) VALUES ('delete', old.rowid, old.name);
    END;
""",
    """CREATE TRIGGER customers_au AFTER UPDATE OF name ON customers BEGIN
        INSERT INTO customer_search (customer_search, rowid, name) VALUES ('delete', old.rowid, old.name);
        INSERT INTO customer_search (rowid, name) VALUES (new.rowid, new.name);
    END;
""",
)
CUSTOMER_SEARCH_TRIGGER_NAMES = ("customers_ai", "customers_ad", "customers_au")
# Secondary indexes of replicated tables: a snapshot drops them and builds them once at the end
# (one sorted build instead of a million scattered updates). Keep in step with the schema below.
REPLICA_INDEXES = {
    "skus_code": "CREATE INDEX skus_code ON skus (code)",
    "prices_sku": "CREATE INDEX prices_sku ON prices (sku_id, price_list_id)",
    "skus_product": "CREATE INDEX skus_product ON skus (product_id)",  # the variant picker
    "customers_phone": "CREATE INDEX customers_phone ON customers (phone_key) WHERE phone_key != ''",
    "customers_email": "CREATE INDEX customers_email ON customers (email_key) WHERE email_key != ''",
}

MIGRATIONS: list[str] = [
    # 1: replica of the server's catalog, prices and stock; the till's own facts; the outbox.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE tax_rates (code TEXT PRIMARY KEY, rate_bp INTEGER NOT NULL, name TEXT NOT NULL);
    CREATE TABLE stores (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, city TEXT NOT NULL DEFAULT '');
    CREATE TABLE families (id INTEGER PRIMARY KEY, parent_id INTEGER, name TEXT NOT NULL);
    CREATE TABLE products (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, family_id INTEGER);
    CREATE TABLE skus (
        id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
        size TEXT NOT NULL DEFAULT '', colour TEXT NOT NULL DEFAULT '', tax_rate_bp INTEGER NOT NULL,
        unit TEXT NOT NULL DEFAULT 'each', active INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX skus_code ON skus (code);
    CREATE TABLE barcodes (code TEXT PRIMARY KEY, sku_id INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE price_lists (id INTEGER PRIMARY KEY, code TEXT NOT NULL, channel TEXT NOT NULL, name TEXT NOT NULL);
    CREATE TABLE prices (
        id INTEGER PRIMARY KEY, price_list_id INTEGER NOT NULL, sku_id INTEGER NOT NULL,
        price_cents INTEGER NOT NULL, valid_from TEXT, valid_to TEXT
    );
    CREATE INDEX prices_sku ON prices (sku_id, price_list_id);
    -- Last confirmed figures from the server, every store of the chain.
    CREATE TABLE stock (
        store_id INTEGER NOT NULL, sku_id INTEGER NOT NULL, quantity INTEGER NOT NULL, as_of TEXT NOT NULL,
        PRIMARY KEY (store_id, sku_id)
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE sku_search USING fts5 (
        name, code, content='skus', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    """
    + "\n"
    + "".join(SKU_SEARCH_TRIGGERS)
    + """

    -- Facts made at this till.
    CREATE TABLE sales (
        id TEXT PRIMARY KEY, series TEXT NOT NULL, number INTEGER NOT NULL, created_at TEXT NOT NULL,
        total INTEGER NOT NULL, prev_hash TEXT NOT NULL, journal_hash TEXT NOT NULL, event_id TEXT NOT NULL,
        UNIQUE (series, number)
    );
    CREATE TABLE sale_lines (
        sale_id TEXT NOT NULL REFERENCES sales (id), line_no INTEGER NOT NULL, sku_id INTEGER NOT NULL,
        sku_code TEXT NOT NULL, name TEXT NOT NULL, quantity INTEGER NOT NULL, unit_price INTEGER NOT NULL,
        line_total INTEGER NOT NULL, tax_rate_bp INTEGER NOT NULL, PRIMARY KEY (sale_id, line_no)
    ) WITHOUT ROWID;
    CREATE TABLE sale_payments (
        sale_id TEXT NOT NULL REFERENCES sales (id), line_no INTEGER NOT NULL, method TEXT NOT NULL,
        amount INTEGER NOT NULL, change INTEGER NOT NULL, PRIMARY KEY (sale_id, line_no)
    ) WITHOUT ROWID;
    -- The till's side of the stock ledger: movements it made, until the server's figure includes them.
    CREATE TABLE stock_movements (
        id INTEGER PRIMARY KEY, store_id INTEGER NOT NULL, sku_id INTEGER NOT NULL, delta INTEGER NOT NULL,
        reason TEXT NOT NULL, event_id TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE INDEX stock_movements_sku ON stock_movements (sku_id, store_id);

    -- Every fact the server must learn of, written in the transaction that makes the fact.
    -- seq doubles as the per-device sequence number (AUTOINCREMENT never reuses a value).
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
        payload TEXT NOT NULL, created_at TEXT NOT NULL,
        status TEXT, reason TEXT, ack_seq INTEGER, acked_at TEXT
    );
    CREATE INDEX outbox_pending ON outbox (seq) WHERE acked_at IS NULL;
    CREATE INDEX outbox_event ON outbox (event_id, acked_at, ack_seq);
    """,
    # 2: stock keyed (sku, store): a snapshot's per-SKU rows then append in key order (3x faster).
    """
    CREATE TABLE stock_new (
        store_id INTEGER NOT NULL, sku_id INTEGER NOT NULL, quantity INTEGER NOT NULL, as_of TEXT NOT NULL,
        PRIMARY KEY (sku_id, store_id)
    ) WITHOUT ROWID;
    INSERT INTO stock_new (store_id, sku_id, quantity, as_of) SELECT store_id, sku_id, quantity, as_of FROM stock;
    DROP TABLE stock;
    ALTER TABLE stock_new RENAME TO stock;
    """,
    # 3: a one-letter prefix index for search: "m" went from 40 to 9 ms at 1M SKUs (+0.5 s to
    # build at bootstrap); two letters were tried too (6 ms for "co" instead of 16, +1.1 s).
    """
    DROP TABLE sku_search;
    CREATE VIRTUAL TABLE sku_search USING fts5 (
        name, code, content='skus', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1'
    );
    INSERT INTO sku_search (sku_search) VALUES ('rebuild');
    """,
    # 4: people, promotions, the till's journal, shifts and everyday exceptions.
    """
    CREATE INDEX skus_product ON skus (product_id);
    CREATE TABLE roles (code TEXT PRIMARY KEY, name TEXT NOT NULL, permissions TEXT NOT NULL,
                        discount_limit_bp INTEGER NOT NULL);
    CREATE TABLE staff (id INTEGER PRIMARY KEY, store_id INTEGER, name TEXT NOT NULL, role TEXT NOT NULL,
                        pin_hash TEXT NOT NULL);
    CREATE TABLE promotions (
        id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, value INTEGER NOT NULL,
        target TEXT NOT NULL, target_ids TEXT NOT NULL, buy INTEGER NOT NULL, pay INTEGER NOT NULL,
        min_total INTEGER NOT NULL, channels TEXT NOT NULL, store_ids TEXT NOT NULL, tier TEXT NOT NULL,
        valid_from TEXT, valid_to TEXT, active INTEGER NOT NULL
    );
    -- Wrong PINs in a row, kept across restarts so that restarting the till does not reset a lockout.
    CREATE TABLE signin_attempts (staff_id INTEGER PRIMARY KEY, failures INTEGER NOT NULL, locked_until TEXT);

    ALTER TABLE sales ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale';
    ALTER TABLE sales ADD COLUMN original_sale_id TEXT;
    ALTER TABLE sales ADD COLUMN cashier_id INTEGER;
    ALTER TABLE sales ADD COLUMN shift_id TEXT;
    ALTER TABLE sales ADD COLUMN rounding INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sales ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX sales_original ON sales (original_sale_id) WHERE original_sale_id IS NOT NULL;
    CREATE INDEX sales_shift ON sales (shift_id);
    ALTER TABLE sale_lines ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sale_lines ADD COLUMN discounts TEXT;
    ALTER TABLE sale_lines ADD COLUMN weight_g INTEGER;
    ALTER TABLE sale_payments ADD COLUMN reference TEXT NOT NULL DEFAULT '';

    -- Append-only and hash-chained: each record carries the hash of the one before (verify_journal).
    CREATE TABLE journal (
        seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, created_at TEXT NOT NULL,
        content TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
    );
    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN
        SELECT RAISE(ABORT, 'the journal is append-only');
    END;
    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN
        SELECT RAISE(ABORT, 'the journal is append-only');
    END;

    CREATE TABLE shifts (
        id TEXT PRIMARY KEY, z_number INTEGER NOT NULL, opened_at TEXT NOT NULL, opened_by INTEGER NOT NULL,
        float_cents INTEGER NOT NULL, closed_at TEXT, closed_by INTEGER, counted_cash INTEGER, report TEXT
    );
    CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL;
    CREATE TABLE cash_moves (
        id INTEGER PRIMARY KEY, shift_id TEXT NOT NULL REFERENCES shifts (id), created_at TEXT NOT NULL,
        kind TEXT NOT NULL, amount INTEGER NOT NULL, reason TEXT NOT NULL, staff_id INTEGER NOT NULL
    );
    CREATE TABLE voids (
        id INTEGER PRIMARY KEY, shift_id TEXT, created_at TEXT NOT NULL, staff_id INTEGER NOT NULL,
        approver_id INTEGER, reason TEXT NOT NULL, lines INTEGER NOT NULL, total INTEGER NOT NULL
    );
    CREATE TABLE overrides (
        id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, action TEXT NOT NULL, staff_id INTEGER NOT NULL,
        approver_id INTEGER NOT NULL, detail TEXT NOT NULL
    );
    CREATE TABLE parked_sales (
        id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, staff_id INTEGER, label TEXT NOT NULL, cart TEXT NOT NULL
    );
    CREATE TABLE invoices (
        series TEXT NOT NULL, number INTEGER NOT NULL, sale_id TEXT NOT NULL UNIQUE REFERENCES sales (id),
        tax_id TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (series, number)
    );
    """,
    # 5: loyalty. Members as the till needs them to identify and reward: no phone or e-mail in
    # clear, only keyed hashes (see sync/rules/loyalty.py). The till's side of the points ledger.
    """
    CREATE TABLE tiers (code TEXT PRIMARY KEY, name TEXT NOT NULL, threshold INTEGER NOT NULL,
                        multiplier_pct INTEGER NOT NULL, price_list_id INTEGER);
    CREATE TABLE customers (
        card TEXT NOT NULL UNIQUE, name TEXT NOT NULL, phone_key TEXT NOT NULL, email_key TEXT NOT NULL,
        phone_hint TEXT NOT NULL, tier TEXT NOT NULL, points INTEGER NOT NULL, spend_12m INTEGER NOT NULL,
        tags TEXT NOT NULL
    );
    CREATE INDEX customers_phone ON customers (phone_key) WHERE phone_key != '';
    CREATE INDEX customers_email ON customers (email_key) WHERE email_key != '';
    -- Prefixes up to 4 letters indexed: a name search reads them lazily instead of merging every
    -- term's list ("garcí"* at 1M members: 12 ms merged, 0.3 ms from the prefix index).
    CREATE VIRTUAL TABLE customer_search USING fts5 (
        name, content='customers', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2',
        prefix='1,2,3,4'
    );
    """
    + "".join(CUSTOMER_SEARCH_TRIGGERS)
    + """
    ALTER TABLE promotions ADD COLUMN segment TEXT NOT NULL DEFAULT '';
    ALTER TABLE sales ADD COLUMN customer_card TEXT;
    ALTER TABLE sales ADD COLUMN points_earned INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sales ADD COLUMN points_balance INTEGER;  -- the member's balance as printed
    CREATE INDEX sales_customer ON sales (customer_card, created_at) WHERE customer_card IS NOT NULL;
    -- Points earned, spent and taken back here, until the server's balance includes them.
    CREATE TABLE points_movements (
        id INTEGER PRIMARY KEY, card TEXT NOT NULL, delta INTEGER NOT NULL, reason TEXT NOT NULL,
        event_id TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE INDEX points_movements_card ON points_movements (card);
    -- Members enrolled at this till (their card numbers are this till's own series).
    CREATE TABLE enrolments (
        card TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, event_id TEXT NOT NULL, created_at TEXT NOT NULL
    );
    """,
    # 6: click&collect orders and reservations of this store (replicated: lines as JSON), what
    # this till did to them (each step with its outbox event) and the reservations it made.
    """
    CREATE TABLE orders (
        id TEXT PRIMARY KEY, number TEXT NOT NULL, kind TEXT NOT NULL, channel TEXT NOT NULL,
        store_id INTEGER NOT NULL, code TEXT NOT NULL, state TEXT NOT NULL, problem TEXT NOT NULL,
        customer_name TEXT NOT NULL, card TEXT NOT NULL, phone_hint TEXT NOT NULL, prepaid INTEGER NOT NULL,
        total INTEGER NOT NULL, ready_until TEXT, created_at TEXT NOT NULL, lines TEXT NOT NULL
    );
    CREATE INDEX orders_code ON orders (code);
    -- Which orders name which SKU, kept by triggers: a scan asks "is this SKU held?" of an index
    -- instead of reading every open order's lines (with 300 open orders a scan took 1.0 ms, now 0.13).
    CREATE TABLE order_skus (order_id TEXT NOT NULL, sku_id INTEGER NOT NULL);
    CREATE INDEX order_skus_sku ON order_skus (sku_id);
    CREATE INDEX order_skus_order ON order_skus (order_id);
    CREATE TRIGGER orders_ai AFTER INSERT ON orders BEGIN
        INSERT INTO order_skus SELECT new.id, json_extract(value, '$.sku_id') FROM json_each(new.lines);
    END;
    CREATE TRIGGER orders_ad AFTER DELETE ON orders BEGIN
        DELETE FROM order_skus WHERE order_id = old.id;
    END;
    CREATE TRIGGER orders_au AFTER UPDATE OF lines ON orders BEGIN
        DELETE FROM order_skus WHERE order_id = old.id;
        INSERT INTO order_skus SELECT new.id, json_extract(value, '$.sku_id') FROM json_each(new.lines);
    END;
    CREATE TABLE order_steps (
        id INTEGER PRIMARY KEY, order_id TEXT NOT NULL, step TEXT NOT NULL, lines TEXT NOT NULL,
        event_id TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE INDEX order_steps_order ON order_steps (order_id);
    CREATE TABLE reservations_made (
        order_id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, at_store_id INTEGER NOT NULL,
        event_id TEXT NOT NULL, created_at TEXT NOT NULL
    );
    ALTER TABLE sales ADD COLUMN order_id TEXT;
    """,
    # 7: transfers between stores (replicated to both stores' tills: lines as JSON) and what
    # this till did to them; stores' min/max of SKUs; stock counts in progress at this till.
    """
    CREATE TABLE transfers (
        id TEXT PRIMARY KEY, number TEXT NOT NULL, code TEXT NOT NULL, from_store_id INTEGER NOT NULL,
        to_store_id INTEGER NOT NULL, state TEXT NOT NULL, order_id TEXT NOT NULL, note TEXT NOT NULL,
        created_at TEXT NOT NULL, lines TEXT NOT NULL
    );
    CREATE INDEX transfers_code ON transfers (code);
    CREATE TABLE transfer_steps (
        id INTEGER PRIMARY KEY, transfer_id TEXT NOT NULL, step TEXT NOT NULL, lines TEXT NOT NULL,
        event_id TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE INDEX transfer_steps_transfer ON transfer_steps (transfer_id);
    -- Transfers this till requested (their numbers are this till's own series).
    CREATE TABLE transfers_made (
        transfer_id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, event_id TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE TABLE stock_limits (
        store_id INTEGER NOT NULL, sku_id INTEGER NOT NULL, min_qty INTEGER NOT NULL, max_qty INTEGER NOT NULL,
        PRIMARY KEY (store_id, sku_id)
    );
    CREATE TABLE counts (
        id TEXT PRIMARY KEY, scope TEXT NOT NULL, family_id INTEGER, blind INTEGER NOT NULL,
        started_at TEXT NOT NULL, staff_id INTEGER, closed_at TEXT, event_id TEXT
    );
    -- One line per SKU counted; `expected` is frozen when the SKU is first counted.
    CREATE TABLE count_lines (
        count_id TEXT NOT NULL REFERENCES counts (id), sku_id INTEGER NOT NULL, counted INTEGER NOT NULL,
        expected INTEGER NOT NULL, first_counted_at TEXT NOT NULL, PRIMARY KEY (count_id, sku_id)
    );
    """,
    # 8: the issuer of the receipts (the company, one row) and each store's address, from HQ.
    """
    ALTER TABLE stores ADD COLUMN address TEXT NOT NULL DEFAULT '';
    ALTER TABLE stores ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
    CREATE TABLE company (
        id INTEGER PRIMARY KEY, legal_name TEXT NOT NULL, nif TEXT NOT NULL, address TEXT NOT NULL,
        postcode TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT ''
    );
    """,
    # 9: VERI*FACTU invoicing records, one hash chain per till, in the order they were made
    # (RD 1007/2023, art. 8 and 12): written in the sale's own transaction, never rewritten.
    """
    CREATE TABLE invoicing_records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, sale_id TEXT NOT NULL, record_type TEXT NOT NULL,
        invoice_type TEXT NOT NULL, issuer_nif TEXT NOT NULL, number TEXT NOT NULL, issued_on TEXT NOT NULL,
        tax_total INTEGER NOT NULL, total INTEGER NOT NULL, breakdown TEXT NOT NULL, corrects TEXT NOT NULL,
        previous_hash TEXT NOT NULL, generated_at TEXT NOT NULL, hash TEXT NOT NULL UNIQUE
    );
    CREATE INDEX invoicing_records_sale ON invoicing_records (sale_id);
    CREATE TRIGGER invoicing_records_kept BEFORE UPDATE ON invoicing_records
        BEGIN SELECT RAISE(ABORT, 'invoicing records are never rewritten'); END;
    CREATE TRIGGER invoicing_records_not_deleted BEFORE DELETE ON invoicing_records
        BEGIN SELECT RAISE(ABORT, 'invoicing records are never deleted'); END;
    """,
    # 10: full invoices as F3 records (the customer, the receipt replaced); a full invoice may be
    # cancelled (its registro de anulación) and the receipt invoiced again.
    """
    ALTER TABLE sale_lines ADD COLUMN price_per_kg INTEGER;
    ALTER TABLE invoicing_records ADD COLUMN replaces TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE invoicing_records ADD COLUMN recipient_nif TEXT NOT NULL DEFAULT '';
    ALTER TABLE invoicing_records ADD COLUMN recipient_name TEXT NOT NULL DEFAULT '';
    CREATE INDEX invoicing_records_number ON invoicing_records (number);
    CREATE TABLE invoices_new (
        series TEXT NOT NULL, number INTEGER NOT NULL, sale_id TEXT NOT NULL REFERENCES sales (id),
        tax_id TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL, created_at TEXT NOT NULL,
        cancelled_at TEXT, PRIMARY KEY (series, number)
    );
    INSERT INTO invoices_new (series, number, sale_id, tax_id, name, address, created_at)
        SELECT series, number, sale_id, tax_id, name, address, created_at FROM invoices;
    DROP TABLE invoices;
    ALTER TABLE invoices_new RENAME TO invoices;
    CREATE UNIQUE INDEX invoices_standing ON invoices (sale_id) WHERE cancelled_at IS NULL;
    """,
    # 11: which card terminal took a card payment (the Z report adds card takings per terminal).
    """
    ALTER TABLE sale_payments ADD COLUMN terminal TEXT NOT NULL DEFAULT '';
    """,
    # 12: receipts of other tills of the chain, fetched from HQ for a return here (the sale as
    # its till sent it, what other tills had returned of it, the invoice standing for it).
    """
    CREATE TABLE foreign_receipts (
        sale_id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, fetched_at TEXT NOT NULL, found TEXT NOT NULL
    );
    """,
    # 13: the store's quick keys (protocol 11): the favourites grid for items without a barcode.
    """
    CREATE TABLE quick_keys (
        store_id INTEGER NOT NULL, position INTEGER NOT NULL, sku_id INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '', PRIMARY KEY (store_id, position)
    );
    """,
    # 14: the outbox's refused events, counted after every sale without reading the whole outbox
    # (its WHERE is outbox.REFUSED word for word: SQLite uses a partial index only then).
    """
    CREATE INDEX outbox_refused ON outbox (seq)
        WHERE (status = 'rejected' OR (status = 'duplicate' AND reason IS NOT NULL));
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
