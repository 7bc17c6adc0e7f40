"""HQ sets roles, staff and promotions from the command line; tills get them by the change log."""

from __future__ import annotations

import json

import sqlalchemy as sa

from sync.rules.staff import verify_pin
from sync.server import schema as t
from sync.server.__main__ import main
from sync.server.store import CentralStore


def test_roles_staff_and_promotions_from_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "hq.sqlite")
    assert main(["--db", db, "create-store", "MAD1", "Madrid Centro"]) == 0
    assert (
        main(["--db", db, "set-role", "cashier", "Cajero", "cash.in_out,shift.close", "--discount-limit", "7.5"]) == 0
    )
    assert main(["--db", db, "add-staff", "Ana", "cashier", "1234", "--store", "MAD1"]) == 0
    promo = {"code": "P1", "name": "10 %", "kind": "percent", "value": 1000, "target": "family", "target_ids": "1"}
    assert main(["--db", db, "add-promotion", json.dumps(promo)]) == 0
    assert main(["--db", db, "add-staff", "Bob", "nobody", "1234"]) == 1  # no such role
    assert main(["--db", db, "add-staff", "Eve", "cashier", "12"]) == 1  # too short a PIN
    assert main(["--db", db, "set-role", "x", "X", "open.safe"]) == 1  # unknown permission
    assert "no role 'nobody'" in capsys.readouterr().err
    central = CentralStore.open(f"sqlite:///{db}")
    with central.engine.connect() as conn:
        role = conn.execute(sa.select(t.roles)).one()
        assert (role.permissions, role.discount_limit_bp) == ("cash.in_out,shift.close", 750)
        ana = conn.execute(sa.select(t.cashiers)).one()
        assert verify_pin("1234", ana.pin_hash) and "1234" not in ana.pin_hash
        log = conn.execute(sa.select(t.change_log.c.entity, t.change_log.c.scope)).all()
    central.dispose()
    assert ("staff", f"store:{ana.store_id}") in log  # only that store's tills learn her PIN hash
    assert ("role", "global") in log and ("promotion", "global") in log


def test_loyalty_from_the_command_line_and_on_a_schedule(tmp_path, capsys):
    import time

    from sync.server import loyalty
    from sync.server.__main__ import _schedule_loyalty

    db = str(tmp_path / "hq.sqlite")
    assert main(["--db", db, "set-tier", "BASE", "Base", "0", "100"]) == 0
    assert main(["--db", db, "set-tier", "ORO", "Oro", "1000", "150", "--price-list", "ORO"]) == 0
    assert main(["--db", db, "set-segment", "MAD", "Madrid", '{"postcodes": ["28"]}']) == 0
    assert main(["--db", db, "set-segment", "X", "X", '{"shoe_size": 40}']) == 1  # unknown condition
    assert main(["--db", db, "add-member", "Rosa Gil", "--phone", "611 000 999", "--postcode", "28004"]) == 0
    assert main(["--db", db, "add-member", "Rosa G.", "--phone", "+34611000999"]) == 1  # already a member
    assert main(["--db", db, "add-member", "Nadie"]) == 1  # neither phone nor e-mail
    assert "already a member: card LC00000001" in capsys.readouterr().err
    central = CentralStore.open(f"sqlite:///{db}")
    try:
        assert loyalty.last_recompute(central) is None
        stop = _schedule_loyalty(central, hours=24)  # never run: the first run is due at once
        deadline = time.monotonic() + 30
        while loyalty.last_recompute(central) is None and time.monotonic() < deadline:
            time.sleep(0.02)
        stop()
        with central.engine.connect() as conn:
            rosa = conn.execute(sa.select(t.customers)).one()
            oro = conn.execute(sa.select(t.tiers).where(t.tiers.c.code == "ORO")).one()
        assert rosa.tags == "MAD" and rosa.tier == "BASE" and rosa.phone == "+34611000999"
        assert oro.threshold == 100_000 and oro.price_list_id is not None
    finally:
        central.dispose()
    assert main(["--db", db, "report-segments", "--days", "7"]) == 0
    assert "segment" in capsys.readouterr().out
