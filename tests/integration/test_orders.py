"""Click&collect and reservations against a real server on loopback (SQLite and PostgreSQL):
the green velvet sofa, online and with the branch's till offline, and the notifications out."""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import httpx
import pytest
import sqlalchemy as sa

from pos_app.services.pickup import PickupService
from pos_app.store.replica import Replica
from sync import protocol as p
from sync.rules.orders import normalise_pickup_code
from sync.server import changelog, ledger, orders
from sync.server import schema as t
from sync.server.demo import DEMO_SOFA
from tests.conftest import ADMIN_TOKEN, LiveServer
from tests.tills import ready_till, signed_in_sales, sync

BRANCH = "BCN1"
SOFA = DEMO_SOFA.sku
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def branch_till(tmp_path, live_server, central, till: str) -> Replica:
    return ready_till(tmp_path, live_server, central, till, store=BRANCH)


SATURDAY = datetime.now(UTC) + timedelta(days=4)


def sofa_order(reference: str) -> dict:
    """The phone reservation as customer service sends it (a retry sends the very same body)."""
    saturday = SATURDAY
    return {
        "reference": reference,
        "kind": "reservation",
        "channel": "phone",
        "store": BRANCH,
        "customer": {"name": "Marta Vidal", "phone": "+34 622 334 455", "email": "marta@example.es"},
        "lines": [{"sku": SOFA, "quantity": 1}],
        "hold_until": saturday.isoformat(),
    }


def sofa_id(replica: Replica) -> int:
    return replica.conn.execute("SELECT id FROM skus WHERE code = ?", (SOFA,)).fetchone()[0]


def sofa_barcode() -> str:
    return DEMO_SOFA.barcodes[0]


def test_the_green_sofa_is_reserved_refused_to_a_walk_in_and_collected_with_its_code(tmp_path, live_server, central):
    till_a = branch_till(tmp_path, live_server, central, "T1")  # the counter where a walk-in comes
    till_b = branch_till(tmp_path, live_server, central, "T2")  # the pickup desk
    api = httpx.Client(base_url=live_server.url, headers=AUTH, timeout=30)

    # The agent looks: one sofa at the branch, just heard from, all of it promisable.
    seen = api.get("/channel/stock", params={"sku": SOFA, "store": BRANCH}).json()
    assert [(a["store"], a["on_hand"], a["reserved"], a["margin"], a["available"]) for a in seen] == [
        (BRANCH, 1, 0, 0, 1)
    ]
    assert seen[0]["store_heard_at"] is not None and seen[0]["silent_seconds"] < 600
    placed = api.post("/channel/orders", json=sofa_order("ATC-5521"))
    assert placed.status_code == 201, placed.text
    order = placed.json()
    assert order["state"] == "reserved" and normalise_pickup_code(order["pickup_code"]) == order["pickup_code"]
    # Placing it again (a retry) places nothing more; a second sofa cannot be promised.
    again = api.post("/channel/orders", json=sofa_order("ATC-5521"))
    assert again.status_code == 200 and again.json()["id"] == order["id"]
    refused = api.post("/channel/orders", json=sofa_order("ATC-5522"))
    assert refused.status_code == 409 and refused.json()["shortages"][0]["available"] == 0
    assert api.get("/channel/stock", params={"sku": SOFA, "store": BRANCH}).json()[0]["reserved"] == 1

    # The branch's tills pull it; a walk-in sale of the sofa is refused, naming the order.
    sync(till_a)
    sync(till_b)
    walk_in = signed_in_sales(till_a)
    told: list[str] = []
    walk_in.reserved_blocked.connect(told.append)
    assert walk_in.scan(sofa_barcode()) is False
    assert walk_in.cart.lines == [] and "ATC-5521" in told[0] and "Marta Vidal" in told[0]
    assert walk_in.release_blocked() is False  # a cashier alone may not release it

    # The pickup desk: picked, ready (the customer is told), handed over by her code, paid here.
    desk_sales = signed_in_sales(till_b)
    desk = PickupService(till_b, desk_sales.session, desk_sales)
    found = desk.find(order["pickup_code"].lower()[:4] + "-" + order["pickup_code"][4:])
    assert [o.number for o in found] == ["ATC-5521"] and found[0].queue(datetime.now(UTC)) == "new"
    assert desk.pick_list(found[0])[0][1] == 1  # one here
    assert desk.start_picking(found[0]) and desk.mark_ready(desk.refresh(found[0]))
    ready = desk.refresh(found[0])
    assert ready.state == "ready" and desk.queues()["ready"] == [ready]
    assert desk.hand_over(ready, identity_checked=False) is None  # identity first
    assert desk.hand_over(ready, identity_checked=True) == "pay"
    assert desk_sales.cart.total == 89_900 and desk_sales.order is not None
    receipt = desk_sales.checkout.pay_cash(90_000)
    assert receipt is not None and desk_sales.order is None
    assert desk.refresh(ready).state == "collected"
    sync(till_b)

    status = api.get(f"/channel/orders/{order['id']}").json()  # what the web sees
    assert status["state"] == "collected" and status["problem"] == ""
    assert [h["what"] for h in status["history"]] == ["placed", "picking", "ready", "paid", "collected"]
    assert {n["kind"] for n in status["notifications"]} == {"ready", "collected"}
    assert status["lines"][0]["handed"] == 1
    assert central.stock_level(central.store_id_by_code(BRANCH), sofa_id(till_b)) == 0
    with central.engine.connect() as conn:
        kinds = set(conn.execute(sa.select(t.exceptions.c.kind)).scalars())
    assert "broken_promise" not in kinds
    for replica in (till_a, till_b):
        replica.close()


def test_a_sofa_sold_offline_before_the_till_heard_of_the_reservation_is_flagged_everywhere(
    tmp_path, live_server, central
):
    till = branch_till(tmp_path, live_server, central, "T1")
    sales = signed_in_sales(till)
    # The branch's till is cut off: it sells the last sofa, which it still believes is free.
    assert sales.scan(sofa_barcode())
    assert sales.checkout.pay_cash(90_000) is not None
    # Meanwhile HQ, which heard from the till seconds ago, promises that sofa to a customer.
    api = httpx.Client(base_url=live_server.url, headers=AUTH, timeout=30)
    placed = api.post("/channel/orders", json=sofa_order("ATC-7001"))
    assert placed.status_code == 201
    order_id = placed.json()["id"]

    sync(till)  # the network is back: the sale reaches HQ, the order reaches the till

    status = api.get(f"/channel/orders/{order_id}").json()
    assert status["state"] == "reserved" and "0 left" in status["problem"]
    assert [n["kind"] for n in status["notifications"]] == ["problem"]
    with central.engine.connect() as conn:
        broken = conn.execute(sa.select(t.exceptions.c.detail).where(t.exceptions.c.kind == "broken_promise")).all()
    assert len(broken) == 1 and "ATC-7001" in broken[0][0]
    desk = PickupService(till, sales.session, sales)
    problems = desk.queues()["problem"]
    assert [o.number for o in problems] == ["ATC-7001"] and "0 left" in problems[0].problem
    # Nothing was dropped: the order still holds its promise until a person settles it.
    other_store = central.store_id_by_code("MAD1")
    assert desk.request_transfer(problems[0], other_store)
    sync(till)
    status = api.get(f"/channel/orders/{order_id}").json()
    assert "transfer" in status["problem"] and status["history"][-1]["what"] == "transfer_requested"
    with central.engine.connect() as conn:  # a real transfer, linked to the order, for Madrid to ship
        asked = conn.execute(sa.select(t.transfers.c.order_id, t.transfers.c.from_store_id)).all()
    assert [(a.order_id, a.from_store_id) for a in asked] == [(order_id, other_store)]
    # A cancel from the web frees it; a cancelled order cannot be cancelled twice into anything else.
    assert (
        api.post(f"/channel/orders/{order_id}/cancel", params={"reason": "customer chose another"}).json()["state"]
        == "cancelled"
    )
    assert api.post(f"/channel/orders/{order_id}/cancel").json()["state"] == "cancelled"
    sync(till)
    assert desk.queues()["problem"] == [] and till.orders.order(order_id).state == "cancelled"
    till.close()


class Receiver(BaseHTTPRequestHandler):
    """A webhook on loopback that fails its first call, then accepts."""

    calls: ClassVar[list[dict]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Receiver.calls.append(body)
        self.send_response(500 if len(Receiver.calls) == 1 else 204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_notifications_are_recorded_then_delivered_and_retried_after_a_failure(central, tmp_path):
    status, _ = orders.place_order(
        central, orders.NewOrder.model_validate(sofa_order("W-1") | {"kind": "click_collect"})
    )
    store = central.store_id_by_code(BRANCH)
    with central.writer.begin() as conn:  # the branch sells the sofa: the promise is broken
        changes = ledger.move_stock(
            conn, store, [(sofa_id_at(central), -1, None)], "sale", datetime.now(UTC).isoformat()
        )
        changes += orders.check_promises(central, conn, store, [sofa_id_at(central)])
        changelog.log_changes(conn, changes)
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Receiver.calls = []
    try:
        send = orders.webhook(f"http://127.0.0.1:{server.server_port}/hook")
        now = datetime.now(UTC)
        assert orders.deliver_notifications(central, send, now) == (0, 1)  # refused: kept
        assert orders.deliver_notifications(central, send, now) == (0, 0)  # not due yet
        assert orders.deliver_notifications(central, send, now + timedelta(seconds=31)) == (1, 0)
        assert orders.deliver_notifications(central, send, now + timedelta(hours=2)) == (0, 0)  # sent once
    finally:
        server.shutdown()
    assert [c["kind"] for c in Receiver.calls] == ["problem", "problem"]
    assert Receiver.calls[0]["id"] == Receiver.calls[1]["id"]  # the receiver can drop the repeat
    assert Receiver.calls[1]["reference"] == "W-1" and Receiver.calls[1]["customer"]["email"] == "marta@example.es"
    sent = orders.order_status(central, status.id).notifications
    assert sent[0]["attempts"] == 2 and sent[0]["sent_at"] is not None and sent[0]["last_error"] is None


def sofa_id_at(central) -> int:
    with central.engine.connect() as conn:
        return conn.execute(sa.select(t.skus.c.id).where(t.skus.c.code == SOFA)).scalar_one()


def test_promises_shrink_as_the_store_falls_silent_and_stop_after_a_day(central):
    store = central.store_id_by_code(BRANCH)
    with central.writer.begin() as conn:
        ledger.move_stock(conn, store, [(sofa_id_at(central), 9, None)], "count", datetime.now(UTC).isoformat())
    till_id, _ = central.create_till(BRANCH, "T9", "Caja 9")

    def heard(ago: timedelta) -> int:
        with central.writer.begin() as conn:
            conn.execute(
                t.tills.update()
                .where(t.tills.c.id == till_id)
                .values(enrolled_at=datetime.now(UTC).isoformat(), last_seen_at=(datetime.now(UTC) - ago).isoformat())
            )
        return orders.stock_to_promise(central, [SOFA], [BRANCH])[0].available

    assert heard(timedelta(seconds=5)) == 10
    assert heard(timedelta(hours=5)) == 10 - 3  # three units held back for five hours of silence
    assert heard(timedelta(hours=30)) == 0  # a day silent: nothing is promised there


def test_a_retired_till_no_longer_holds_its_store_back_and_its_token_stops(central):
    store = central.store_id_by_code(BRANCH)
    with central.writer.begin() as conn:
        ledger.move_stock(conn, store, [(sofa_id_at(central), 9, None)], "count", datetime.now(UTC).isoformat())
    tokens = {}
    for till in ("T8", "T9"):
        _, code = central.create_till(BRANCH, till, f"Caja {till}")
        tokens[till] = central.enrol(p.EnrolRequest(code=code, instance_id=uuid.uuid4())).token
    with central.writer.begin() as conn:  # T9's PC died a day and a half ago; T8 synced just now
        conn.execute(
            t.tills.update()
            .where(t.tills.c.code == "T9")
            .values(last_seen_at=(datetime.now(UTC) - timedelta(hours=36)).isoformat())
        )
    assert orders.stock_to_promise(central, [SOFA], [BRANCH])[0].available == 0
    last = central.retire_till(BRANCH, "T9")
    assert last["last_seen_at"] is not None
    assert orders.stock_to_promise(central, [SOFA], [BRANCH])[0].available == 10
    assert central.authenticate(tokens["T9"]) is None and central.authenticate(tokens["T8"]) is not None
    _, code = central.create_till(BRANCH, "T9", "Caja 9")  # the replacement PC enrols as T9
    assert central.enrol(p.EnrolRequest(code=code, instance_id=uuid.uuid4())).till_code == "T9"


@pytest.mark.parametrize("body", [
    {"reference": "X", "store": BRANCH, "customer": {"name": "A B"}, "lines": []},
    {"reference": "X", "store": BRANCH, "customer": {"name": "A B"}, "lines": [{"sku": "NOPE", "quantity": 1}]},
    {"reference": "X", "store": "NOWHERE", "customer": {"name": "A B"}, "lines": [{"sku": SOFA, "quantity": 1}]},
    {"reference": "X", "kind": "reservation", "store": BRANCH, "customer": {"name": "A B"},
     "lines": [{"sku": SOFA, "quantity": 1}]},
])  # fmt: skip
def test_bad_orders_are_refused_with_a_reason_and_reserve_nothing(live_server, central, body):
    api = httpx.Client(base_url=live_server.url, timeout=30)
    assert api.post("/channel/orders", json=body).status_code == 401  # no token, no orders
    answer = api.post("/channel/orders", json=body, headers=AUTH)
    assert answer.status_code in (404, 422) and answer.json()["detail"]
    with central.engine.connect() as conn:
        assert (
            conn.execute(sa.select(sa.func.count()).select_from(t.orders).where(t.orders.c.reference == "X")).scalar()
            == 0
        )


def test_a_reservation_made_at_one_store_for_a_sister_store_holds_the_unit_there(tmp_path, live_server, central):
    madrid = ready_till(tmp_path, live_server, central, "M1")
    branch = branch_till(tmp_path, live_server, central, "B1")
    sales = signed_in_sales(madrid)
    desk = PickupService(madrid, sales.session, sales)
    barcelona = central.store_id_by_code(BRANCH)
    assert [n for sid, _, n in desk.sibling_stock(sofa_id(madrid)) if sid == barcelona] == [1]
    order = desk.reserve(barcelona, sofa_id(madrid), 1, "Marta Vidal", hold_days=2, phone="622 334 455")
    assert order is not None and order.lines[0].name == "Sofá de terciopelo verde Verde"
    assert order.id not in [o.id for o in desk.queues()["new"]]  # held there, not here
    assert desk.free_here(sofa_id(madrid)) == 1
    sync(madrid)
    sync(branch)
    walk_in = signed_in_sales(branch)
    assert walk_in.scan(sofa_barcode()) is False  # Barcelona's till knows it is held
    held = PickupService(branch, walk_in.session, walk_in).queues()["new"]
    assert [(o.number, o.customer_name, o.phone_hint) for o in held] == [(order.number, "Marta Vidal", "455")]
    api = httpx.Client(base_url=live_server.url, headers=AUTH, timeout=30)
    status = api.get(f"/channel/orders/{order.code}").json()  # customer service finds it by its code
    assert status["store"] == BRANCH and status["state"] == "reserved" and status["channel"] == "store"
    assert api.get("/channel/stock", params={"sku": SOFA, "store": BRANCH}).json()[0]["available"] == 0
    for replica in (madrid, branch):
        replica.close()


def test_a_reference_placed_again_with_other_content_is_refused_and_says_what_differs(live_server, central):
    api = httpx.Client(base_url=live_server.url, timeout=30, headers=AUTH)
    assert api.post("/channel/orders", json=sofa_order("WEB-881")).status_code == 201
    assert api.post("/channel/orders", json=sofa_order("WEB-881")).status_code == 200  # a retry: the same

    other = sofa_order("WEB-881") | {"store": "MAD1", "lines": [{"sku": SOFA, "quantity": 2}], "prepaid": True}
    refused = api.post("/channel/orders", json=other)
    assert refused.status_code == 409
    assert refused.json()["fields"] == ["lines", "prepaid", "store"]
    assert "WEB-881" in refused.json()["detail"] and "lines" in refused.json()["detail"]
    status = api.get("/channel/orders/WEB-881").json()  # nothing changed
    assert status["store"] == BRANCH and [line["quantity"] for line in status["lines"]] == [1]


def test_a_past_hold_until_is_refused_in_the_documented_shape(live_server, central):
    api = httpx.Client(base_url=live_server.url, timeout=30, headers=AUTH)
    late = sofa_order("TEL-OLD") | {"hold_until": (datetime.now(UTC) - timedelta(hours=1)).isoformat()}
    answer = api.post("/channel/orders", json=late)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["msg"] == "hold_until is in the past"


def test_copies_of_one_order_arriving_at_once_at_two_workers_place_it_once(server_db, central):
    server = LiveServer(server_db, workers=2)
    server.start()

    async def burst() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=server.url, timeout=60, headers=AUTH) as api:
            body = sofa_order("WEB-RACE")
            return await asyncio.gather(*(api.post("/channel/orders", json=body) for _ in range(16)))

    try:
        ids = set()
        for round_no in range(3):
            answers = asyncio.run(burst())
            codes = [a.status_code for a in answers]
            assert set(codes) <= {200, 201}, [a.text[:200] for a in answers if a.status_code >= 300]
            assert codes.count(201) == (1 if round_no == 0 else 0)  # placed once; later rounds find it
            ids |= {a.json()["id"] for a in answers}
        assert len(ids) == 1
    finally:
        server.stop()
    with central.engine.connect() as conn:
        placed = conn.execute(
            sa.select(sa.func.count()).select_from(t.orders).where(t.orders.c.reference == "WEB-RACE")
        ).scalar()
    assert placed == 1
