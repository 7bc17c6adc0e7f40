"""The central server over real HTTP on loopback: enrolment, push answers, pull, snapshot."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest
import sqlalchemy as sa

from sync import protocol as p
from sync.server import changelog, demo
from sync.server import schema as t
from tests.conftest import ADMIN_TOKEN
from tests.tills import sale_event


def enrol(client: httpx.Client, central, store: str = "MAD1", till: str = "T1") -> tuple[dict, str]:
    _, code = central.create_till(store, till, f"Caja {till}")
    response = client.post("/enrol", json={"code": code, "instance_id": str(uuid.uuid4())})
    assert response.status_code == 200, response.text
    return response.json(), code


def push(client: httpx.Client, token: str, events: list[dict]) -> httpx.Response:
    return client.post(
        "/sync/push",
        headers={"Authorization": f"Bearer {token}"},
        json={"instance_id": str(uuid.uuid4()), "events": events},
    )


@pytest.fixture
def client(live_server):
    with httpx.Client(base_url=live_server.url, timeout=30) as c:
        yield c


def test_enrolment_code_works_once(client, central):
    device, code = enrol(client, central)
    assert device["store_code"] == "MAD1" and device["till_code"] == "T1"
    again = client.post("/enrol", json={"code": code, "instance_id": str(uuid.uuid4())})
    assert again.status_code == 403
    assert "used" in again.json()["detail"]


def test_requests_without_a_valid_token_are_refused(client):
    assert client.get("/sync/changes").status_code == 401
    assert client.get("/sync/changes", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert push(client, "nope", []).status_code == 401


def test_each_event_gets_its_own_answer_and_a_repeat_is_a_duplicate(client, central):
    device, _ = enrol(client, central)
    good = sale_event(device["store_id"])
    bad = sale_event(device["store_id"], total=1)  # lines do not add up
    other_store = sale_event(device["store_id"] + 1)
    after = sale_event(device["store_id"], sku_id=2, qty=1)
    before_1, before_2 = central.stock_level(device["store_id"], 1), central.stock_level(device["store_id"], 2)

    answer = push(client, device["token"], [good, bad, other_store, after])
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected", "applied"]
    assert "do not add up" in results[1]["reason"]
    assert "store" in results[2]["reason"]
    assert results[0]["seq"] > 0

    again = push(client, device["token"], [good, bad]).json()["results"]
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert again[0]["seq"] == results[0]["seq"]
    assert again[1]["reason"] == results[1]["reason"]

    assert central.stock_level(device["store_id"], 1) == before_1 - 2
    assert central.stock_level(device["store_id"], 2) == before_2 - 1
    with central.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.sales)).scalar_one() == 2
        assert conn.execute(sa.select(sa.func.count()).select_from(t.events)).scalar_one() == 4
    rejected = client.get("/admin/events/rejected", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}).json()
    assert len(rejected) == 2


def test_malformed_batches_get_a_4xx_and_write_nothing(client, central):
    device, _ = enrol(client, central)
    headers = {"Authorization": f"Bearer {device['token']}", "Content-Type": "application/json"}
    assert client.post("/sync/push", headers=headers, content=b"{not json").status_code == 422
    too_many = {"instance_id": str(uuid.uuid4()), "events": [sale_event(1)] * (p.MAX_PUSH_EVENTS + 1)}
    assert client.post("/sync/push", headers=headers, json=too_many).status_code == 422
    # Numbers beyond what the database columns hold (found by the OpenAPI fuzzer: it was a 500).
    huge_seq = sale_event(device["store_id"]) | {"device_seq": 2**70}
    batch = {"instance_id": str(uuid.uuid4()), "events": [sale_event(device["store_id"]), huge_seq]}
    assert client.post("/sync/push", headers=headers, json=batch).status_code == 422
    huge_sku = sale_event(device["store_id"], sku_id=2**40)
    answer = push(client, device["token"], [huge_sku]).json()["results"][0]
    assert answer["status"] == "rejected" and "sku_id" in answer["reason"]
    with central.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.sales)).scalar_one() == 0
        # only the refused sale is kept (for HQ); nothing of the malformed batches
        assert conn.execute(sa.select(t.events.c.status)).scalars().all() == ["rejected"]


def test_pull_shows_the_stock_a_push_moved(client, central):
    device, _ = enrol(client, central)
    headers = {"Authorization": f"Bearer {device['token']}"}
    start = client.get("/sync/changes", headers=headers, params={"since": 0, "limit": 5000}).json()
    cursor = start["cursor"]
    result = push(client, device["token"], [sale_event(device["store_id"], sku_id=3, qty=1)]).json()["results"][0]
    page = client.get("/sync/changes", headers=headers, params={"since": cursor}).json()
    stock = [c for c in page["changes"] if c["entity"] == "stock"]
    assert stock and stock[-1]["key"] == f"{device['store_id']}:3"
    assert stock[-1]["data"]["quantity"] == central.stock_level(device["store_id"], 3)
    assert page["cursor"] == result["seq"]


def test_snapshot_is_complete_and_tagged_with_its_cursor(client, central):
    device, _ = enrol(client, central)
    with client.stream("GET", "/sync/snapshot", headers={"Authorization": f"Bearer {device['token']}"}) as r:
        lines = [json.loads(line) for line in r.iter_lines() if line]
    header, chunks, trailer = lines[0], lines[1:-1], lines[-1]
    assert header["protocol"] == p.PROTOCOL_VERSION and header["store_id"] == device["store_id"]
    counts: dict[str, int] = {}
    stores = header["stock_stores"]
    assert len(stores) == 2 and device["store_id"] in stores
    grid: dict[int, list] = {}
    for chunk in chunks:
        counts[chunk["entity"]] = counts.get(chunk["entity"], 0) + len(chunk["rows"])
        if chunk["entity"] == "stock_by_sku":  # one row per SKU: its id, a figure per store
            assert all(len(row) == 1 + len(stores) for row in chunk["rows"])
            grid.update((row[0], row[1:]) for row in chunk["rows"])
        else:
            assert all(len(row) == len(p.entity_columns(chunk["entity"])) for row in chunk["rows"])
    assert trailer == {"end": True, "rows": sum(counts.values())}
    weighed = len(demo.DEMO_WEIGHED)  # sold by weight: no stock figure
    catalog = 120 + 1  # and the green velvet sofa
    assert counts["sku"] == catalog + weighed and counts["barcode"] == catalog + weighed
    assert counts["stock_by_sku"] == catalog and counts["price_list"] == 3  # store, web, the Oro tier's
    # The store's click&collect orders and reservations, with their lines.
    assert counts["order"] == 2 and all(row[4] == header["store_id"] for row in _rows(chunks, "order"))
    # Members travel without phone or e-mail in clear: keyed hashes of them, and the chain's key.
    assert counts["customer"] >= 1 and counts["tier"] == len(demo.DEMO_TIERS)
    assert len(header["member_key"]) == 64
    member = next(row for chunk in chunks if chunk["entity"] == "customer" for row in chunk["rows"])
    assert member[0] == "LC00000001" and member[1] == demo.DEMO_MEMBER["name"]
    assert demo.DEMO_MEMBER["phone"] not in json.dumps(member) and "@" not in json.dumps(member)
    assert counts["staff"] == len(demo.DEMO_STAFF) and counts["role"] == 2 and counts["promotion"] >= 3
    for column, store_id in enumerate(stores):
        assert grid[7][column] == central.stock_level(store_id, 7)
    # References come before their users (families before products before SKUs…).
    order = [chunk["entity"] for chunk in chunks]
    assert order.index("product") < order.index("sku") < order.index("barcode") < order.index("stock_by_sku")
    with central.engine.connect() as conn:
        assert header["cursor"] == conn.execute(sa.select(sa.func.max(t.change_log.c.seq))).scalar_one()


def test_a_sale_id_sent_again_under_another_event_is_rejected_not_stuck(client, central):
    device, _ = enrol(client, central)
    first = sale_event(device["store_id"])
    clash = sale_event(device["store_id"])
    clash["payload"]["sale_id"] = first["payload"]["sale_id"]
    after = sale_event(device["store_id"], number=2)
    results = push(client, device["token"], [first, clash, after]).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert "conflicts" in results[1]["reason"]
    again = push(client, device["token"], [clash]).json()["results"]
    assert again[0]["status"] == "duplicate" and "conflicts" in again[0]["reason"]


def test_a_batch_is_applied_at_once_and_an_id_repeated_inside_it_counts_once(client, central):
    device, _ = enrol(client, central)
    sales = [sale_event(device["store_id"], sku_id=5, qty=1, number=n) for n in (1, 2, 3)]
    before = central.stock_level(device["store_id"], 5)
    results = push(client, device["token"], [sales[0], sales[1], sales[0], sales[2]]).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "duplicate", "applied"]
    assert results[2]["seq"] == results[0]["seq"] > 0
    assert central.stock_level(device["store_id"], 5) == before - 3
    with central.engine.connect() as conn:
        kept = conn.execute(sa.select(sa.func.count()).select_from(t.sales)).scalar_one()
    assert kept == 3


def test_admin_store_creation_refuses_duplicates_and_blank_codes(client):
    auth = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    assert client.post("/admin/stores", headers=auth, json={"code": "SEV9", "name": "Sevilla"}).status_code == 200
    again = client.post("/admin/stores", headers=auth, json={"code": "SEV9", "name": "Sevilla"})
    assert again.status_code == 409 and "already exists" in again.json()["detail"]
    assert client.post("/admin/stores", headers=auth, json={"code": "", "name": ""}).status_code == 422


def test_a_cloned_till_database_is_reported_to_hq(client, central):
    device, _ = enrol(client, central)
    auth = {"Authorization": f"Bearer {device['token']}"}
    # Same token, another database instance: a restored or copied till.
    clone = {**auth, "X-Instance-Id": str(uuid.uuid4())}
    assert client.get("/sync/changes", headers=clone, params={"since": 0, "limit": 1}).status_code == 200
    found = client.get("/admin/exceptions", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}).json()
    assert any(e["kind"] == "instance_mismatch" and e["till_id"] == device["device_id"] for e in found)


def test_a_sale_driving_stock_negative_is_recorded_and_flagged(client, central):
    device, _ = enrol(client, central)
    level = central.stock_level(device["store_id"], 4)
    result = push(client, device["token"], [sale_event(device["store_id"], sku_id=4, qty=level + 3)]).json()
    assert result["results"][0]["status"] == "applied"  # the sale happened: it is never refused
    assert central.stock_level(device["store_id"], 4) == -3
    found = client.get("/admin/exceptions", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}).json()
    assert any(e["kind"] == "negative_stock" for e in found)


def pull_all(client: httpx.Client, token: str, since: int = 0) -> tuple[list[dict], int]:
    headers = {"Authorization": f"Bearer {token}"}
    changes: list[dict] = []
    while True:
        page = client.get("/sync/changes", headers=headers, params={"since": since, "limit": 5000}).json()
        changes += page["changes"]
        since = page["cursor"]
        if not page["has_more"]:
            return changes, since


def test_hq_sees_every_tills_lag_and_last_contact(client, central):
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    current, _ = enrol(client, central, "MAD1", "T1")
    idle, _ = enrol(client, central, "BCN1", "T1")
    _, cursor = pull_all(client, current["token"])
    pull_all(client, current["token"], cursor)  # an empty page: it stands at the head
    assert push(client, current["token"], [sale_event(current["store_id"], sku_id=4)]).status_code == 200
    _, cursor = pull_all(client, current["token"], cursor)
    pull_all(client, current["token"], cursor)

    tills = {(row["store"], row["code"]): row for row in client.get("/admin/tills", headers=admin).json()}
    fresh, behind = tills[("MAD1", "T1")], tills[("BCN1", "T1")]
    assert fresh["pull_cursor"] == fresh["head"] == cursor and fresh["behind"] == 0 and fresh["lag_seconds"] == 0
    assert fresh["last_push_at"] and fresh["last_pull_at"] and fresh["caught_up_at"] and fresh["last_seen_at"]
    assert fresh["last_device_seq"] == 1
    assert behind["pull_cursor"] == 0 and behind["behind"] == cursor and behind["lag_seconds"] >= 0
    assert behind["last_pull_at"] is None and behind["last_push_at"] is None
    assert idle["till_code"] == "T1"


def test_a_till_never_receives_another_stores_data(client, central):
    """Pull is scoped by the token: a change for store B never reaches a till of store A."""
    mad, _ = enrol(client, central, "MAD1", "T1")
    bcn, _ = enrol(client, central, "BCN1", "T1")
    with central.writer.begin() as conn:
        changelog.log_changes(
            conn,
            [
                changelog.change("price", "only-mad", None, scope=f"store:{mad['store_id']}"),
                changelog.change("price", "only-bcn", None, scope=f"store:{bcn['store_id']}"),
            ],
        )
    seen_by_mad, _ = pull_all(client, mad["token"])
    seen_by_bcn, _ = pull_all(client, bcn["token"])
    assert [c["key"] for c in seen_by_mad if c["key"].startswith("only-")] == ["only-mad"]
    assert [c["key"] for c in seen_by_bcn if c["key"].startswith("only-")] == ["only-bcn"]
    # Sibling stores' stock is shared on purpose (the till shows it), and both see it alike.
    assert [c for c in seen_by_mad if c["entity"] == "stock"] == [c for c in seen_by_bcn if c["entity"] == "stock"]


def _rows(chunks: list[dict], entity: str) -> list[list]:
    return [row for chunk in chunks if chunk["entity"] == entity for row in chunk["rows"]]


def test_a_busy_till_that_pulled_to_the_head_is_not_behind(client, central):
    """A till that pulls pages until the last one (never an empty page: new changes keep
    coming) stands at the head: HQ says 0 behind, no lag."""
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    busy, _ = enrol(client, central, "MAD1", "T1")
    _, cursor = pull_all(client, busy["token"])
    for n in range(1, 6):  # HQ changes prices meanwhile
        assert push(client, busy["token"], [sale_event(busy["store_id"], sku_id=n, number=n)]).status_code == 200
    headers = {"Authorization": f"Bearer {busy['token']}"}
    pages = 0
    while True:  # pages of 2, the last one not empty
        page = client.get("/sync/changes", params={"since": cursor, "limit": 2}, headers=headers).json()
        assert page["changes"], "a busy till's last page still has changes"
        pages += 1
        cursor = page["cursor"]
        mid = {(r["store"], r["code"]): r for r in client.get("/admin/tills", headers=admin).json()}[("MAD1", "T1")]
        assert mid["pull_cursor"] == cursor  # where it stands after this page
        if not page["has_more"]:
            break
        assert mid["behind"] > 0
    assert pages >= 2
    till = {(r["store"], r["code"]): r for r in client.get("/admin/tills", headers=admin).json()}[("MAD1", "T1")]
    assert till["pull_cursor"] == till["head"] == cursor
    assert till["behind"] == 0 and till["lag_seconds"] == 0
    assert till["caught_up_at"] is not None
