"""HQ sets roles, staff and promotions from the command line; tills get them by the change log."""

from __future__ import annotations

import json

import sqlalchemy as sa

from pos_app.domain.staff import verify_pin
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
