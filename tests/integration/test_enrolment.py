"""Enrolling a till when the network loses the answer: the installer types the same code again
and the till gets its token; nobody else can, and a re-issued code voids the old one."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from sync import protocol as p
from sync.client.engine import SyncError, enrol
from tests.tills import FaultyTransport


class LosesEnrolAnswers(FaultyTransport):
    """Delivers /enrol to the server (which commits) and loses the answer, `times` times; keeps
    what the server said so the test can compare."""

    def __init__(self, times: int = 1) -> None:
        super().__init__(self.rule)
        self.times = times
        self.lost: list[bytes] = []

    def rule(self, request: httpx.Request, _n: int) -> object:
        if request.url.path == "/enrol" and self.times > 0:
            self.times -= 1
            return "keep_and_lose"
        return None

    async def deliver(self, request: httpx.Request, action: object) -> httpx.Response:
        if action != "keep_and_lose":
            return await super().deliver(request, action)
        response = await self.inner.handle_async_request(request)
        self.lost.append(await response.aread())
        raise httpx.ReadError("injected: the enrolment's answer was lost", request=request)


def uses(url: str, token: str) -> int:
    return httpx.get(f"{url}/sync/changes", params={"since": 0, "limit": 1},
                     headers={"Authorization": f"Bearer {token}"}, timeout=30).status_code  # fmt: skip


def test_a_lost_enrolment_answer_is_given_again_to_the_same_till_once(live_server, central):
    _, code = central.create_till("MAD1", "T5", "Caja 5")
    instance = str(uuid.uuid4())
    transport = LosesEnrolAnswers(times=1)

    with pytest.raises(SyncError):
        asyncio.run(enrol(live_server.url, code, instance, transport=transport))
    assert len(transport.lost) == 1  # the server did answer, and committed
    lost = p.EnrolResponse.model_validate_json(transport.lost[0])

    # Another PC with the same code (read over the phone to the wrong person) is refused.
    with pytest.raises(SyncError, match="enrolment refused"):
        asyncio.run(enrol(live_server.url, code, str(uuid.uuid4())))

    # The installer types the same code again at the same till: the same token, which works.
    again = asyncio.run(enrol(live_server.url, code.lower(), instance))
    assert again.token == lost.token
    assert (again.device_id, again.till_code, again.store_code) == (lost.device_id, "T5", "MAD1")
    assert uses(live_server.url, again.token) == 200

    # Once the till has used its token, the code is spent for good, even for the same till.
    with pytest.raises(SyncError, match="enrolment refused"):
        asyncio.run(enrol(live_server.url, code, instance))
    assert uses(live_server.url, again.token) == 200  # and its token still works


def test_a_reissued_code_voids_the_previous_one(live_server, central):
    _, first = central.create_till("MAD1", "T6", "Caja 6")
    _, second = central.create_till("MAD1", "T6", "Caja 6")
    with pytest.raises(SyncError, match="enrolment refused"):
        asyncio.run(enrol(live_server.url, first, str(uuid.uuid4())))
    answer = asyncio.run(enrol(live_server.url, second, str(uuid.uuid4())))
    assert uses(live_server.url, answer.token) == 200


def test_reissuing_after_a_lost_answer_ends_the_retry(live_server, central):
    """The installer gave up on the lost answer and HQ issued a new code: the old one no longer
    answers, not even to the till that used it."""
    _, code = central.create_till("MAD1", "T7", "Caja 7")
    instance = str(uuid.uuid4())
    with pytest.raises(SyncError):
        asyncio.run(enrol(live_server.url, code, instance, transport=LosesEnrolAnswers(times=1)))
    _, fresh = central.create_till("MAD1", "T7", "Caja 7")
    with pytest.raises(SyncError, match="enrolment refused"):
        asyncio.run(enrol(live_server.url, code, instance))
    answer = asyncio.run(enrol(live_server.url, fresh, instance))
    assert uses(live_server.url, answer.token) == 200
