"""Card payments through a terminal on a socket: the till's Adyen Terminal API adapter against the
project's terminal simulator (pos_app/terminal_simulator.py), which checks every request it
receives against the protocol's rules and keeps a ledger of what it charged. Approved, declined,
refunded, reversed; a timeout and a dropped connection mid-payment settled by asking the terminal
for the transaction's status; a terminal still busy with the customer; a wrong shared key; its
own offline floor limit; and a stand-alone terminal confirmed by the cashier."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator

import pytest

from pos_app.services.adyen import AdyenTerminal, SharedKey
from pos_app.services.selling import SaleService, SaleSettings
from pos_app.services.terminal import StandaloneTerminal
from pos_app.store.replica import Replica
from pos_app.terminal_simulator import DEMO_KEY, TerminalSimulator
from sync.rules.barcode import make_ean13
from tests.integration.test_till_exceptions import ready_replica
from tests.tills import signed_in_sales

pytestmark = pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)  # the server is not the subject

OIL = make_ean13("840000000072")
TEE = make_ean13("840000000001")
FAST = SaleSettings(card_timeout=0.5, status_interval=0.05)


@pytest.fixture
def simulator() -> Iterator[TerminalSimulator]:
    sim = TerminalSimulator().start()
    yield sim
    sim.stop()
    assert sim.problems == [], "the till sent requests the protocol does not allow"


@pytest.fixture
def replica(tmp_path, live_server, central) -> Iterator[Replica]:
    replica = ready_replica(tmp_path, live_server, central)
    yield replica
    replica.close()


def till_with(replica: Replica, terminal, settings: SaleSettings = FAST) -> SaleService:
    return signed_in_sales(replica, terminal=terminal, settings=settings)


def adyen(sim: TerminalSimulator, key: SharedKey = DEMO_KEY) -> AdyenTerminal:
    return AdyenTerminal(sim.url, sim.poi_id, "TILL-T1", key)


def test_approved_declined_and_refunded_on_an_integrated_terminal(replica, simulator):
    async def shift() -> None:
        terminal = adyen(simulator)
        sales = till_with(replica, terminal)
        assert sales.scan(OIL)
        simulator.will("decline")
        assert await sales.checkout.pay_card() is None and replica.sales_count() == 0
        receipt = await sales.checkout.pay_card()  # the customer tries another card
        assert receipt is not None and receipt.payments[0].reference.isdigit()  # the approval code
        assert simulator.net_charged == receipt.total
        # The return goes back to the card, through the same terminal.
        returned = await sales.returns.refund_from_receipt(
            receipt.sale_id, {n: line.quantity for n, line in enumerate(receipt.lines, 1)}
        )
        assert returned is not None and simulator.net_charged == 0
        await terminal.aclose()

    asyncio.run(shift())
    assert simulator.requests == ["Payment", "Payment", "Payment"]


@pytest.mark.parametrize("failure", ["timeout", "drop"])
def test_an_answer_lost_mid_payment_is_settled_by_the_terminals_status(replica, simulator, failure):
    """The terminal charged the card but its answer never arrived (the till gave up waiting, or the
    connection dropped): the till asks what became of the payment and records it; it neither
    charges again nor reverses a payment the customer made."""

    async def sale() -> None:
        terminal = adyen(simulator)
        sales = till_with(replica, terminal)
        assert sales.scan(OIL)
        simulator.will(failure)
        receipt = await sales.checkout.pay_card()
        assert receipt is not None and receipt.payments[0].reference
        assert simulator.net_charged == receipt.total and replica.sales_count() == 1
        await terminal.aclose()

    asyncio.run(sale())
    assert simulator.requests == ["Payment", "TransactionStatus"]


def test_a_terminal_still_busy_with_the_customer_is_asked_again(replica, simulator):
    async def sale() -> None:
        terminal = adyen(simulator)
        sales = till_with(replica, terminal, SaleSettings(card_timeout=2.0, status_interval=0.05))
        assert sales.scan(OIL)
        simulator.will("busy")
        paying = asyncio.ensure_future(sales.checkout.pay_card())
        async with asyncio.timeout(10):
            while simulator.requests.count("TransactionStatus") < 2:  # "in progress", asked again
                await asyncio.sleep(0.01)
        simulator.release()  # the customer finished at the PIN pad
        receipt = await paying
        assert receipt is not None and simulator.net_charged == receipt.total
        await terminal.aclose()

    asyncio.run(sale())


def test_a_cancelled_payment_reverses_the_approved_card(replica, simulator):
    async def sale() -> None:
        terminal = adyen(simulator)
        sales = till_with(replica, terminal)
        assert sales.scan(OIL) and sales.scan(TEE)
        payment = sales.checkout.begin_payment()
        assert payment is not None
        assert await sales.checkout.pay_card(payment.total // 2) is None  # half by card: approved, not settled
        assert simulator.net_charged == payment.total // 2
        await sales.checkout.cancel_payment()  # the customer changes their mind
        assert simulator.net_charged == 0 and replica.sales_count() == 0
        await terminal.aclose()

    asyncio.run(sale())
    assert simulator.requests == ["Payment", "Reversal"]


def test_a_terminal_with_another_key_charges_nothing_and_says_so(replica, simulator):
    messages: list[str] = []

    async def sale() -> None:
        terminal = adyen(simulator, dataclasses.replace(DEMO_KEY, passphrase="not the shop's"))
        sales = till_with(replica, terminal, SaleSettings(card_timeout=0.3, status_interval=0.05))
        sales.message.connect(lambda text, _level: messages.append(text))
        assert sales.scan(OIL)
        assert await sales.checkout.pay_card() is None
        await terminal.aclose()

    asyncio.run(sale())
    assert simulator.net_charged == 0 and replica.sales_count() == 0
    assert "did not say whether the card was charged" in messages[-1]
    assert simulator.problems and all(p.startswith("security") for p in simulator.problems)
    simulator.problems.clear()


def test_a_terminal_switched_off_charges_nothing_and_keeps_the_sale_open(replica, caplog):
    sim = TerminalSimulator().start()
    sim.stop()  # its address answers nothing now
    messages: list[str] = []

    async def sale() -> None:
        terminal = adyen(sim)
        sales = till_with(replica, terminal, SaleSettings(card_timeout=0.3, status_interval=0.05))
        sales.message.connect(lambda text, _level: messages.append(text))
        assert sales.scan(OIL)
        assert await sales.checkout.pay_card() is None
        assert sales.payment is not None and not sales.payment.tenders  # still open, pay another way
        await terminal.aclose()

    asyncio.run(sale())
    assert replica.sales_count() == 0 and "did not say whether the card was charged" in messages[-1]
    unknown = [r for r in caplog.records if r.levelname == "ERROR" and "reconcile with the terminal" in r.getMessage()]
    assert len(unknown) == 1  # the log keeps the reference for whoever reconciles the terminal


def test_offline_the_terminal_approves_up_to_its_own_floor_limit(replica, simulator):
    async def sale() -> None:
        terminal = adyen(simulator)
        sales = till_with(replica, terminal)
        assert sales.scan(OIL)
        total = sales.cart.total
        simulator.floor_limit = total - 1
        simulator.will("offline")
        assert await sales.checkout.pay_card() is None  # above the limit: declined, the sale stays open
        simulator.floor_limit = total
        simulator.will("offline")
        receipt = await sales.checkout.pay_card()
        assert receipt is not None and simulator.net_charged == total
        assert [t.offline for t in simulator.transactions.values() if t.state == "approved"] == [True]
        await terminal.aclose()

    asyncio.run(sale())


def test_a_stand_alone_terminal_is_confirmed_by_the_cashier(replica):
    asked: list[tuple[str, int]] = []
    answers = iter([None, "654321"])  # declined on the terminal, then approved with its code

    async def confirm(what: str, amount: int) -> str | None:
        asked.append((what, amount))
        await asyncio.sleep(0)  # reading the terminal's screen: not at once
        return next(answers)

    async def sale() -> None:
        # The cashier takes longer than the till would wait for an integrated terminal.
        sales = till_with(replica, StandaloneTerminal(confirm=confirm), SaleSettings(card_timeout=0))
        assert sales.scan(OIL)
        assert await sales.checkout.pay_card() is None and replica.sales_count() == 0
        receipt = await sales.checkout.pay_card()
        assert receipt is not None and receipt.payments[0].reference == "654321"

    asyncio.run(sale())
    assert asked == [("charge", asked[0][1])] * 2 and asked[0][1] > 0
