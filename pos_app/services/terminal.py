"""The card payment terminal, behind one small interface, and a simulated one for demos and tests.

A real terminal (a PIN pad on USB or the network) implements `PaymentTerminal`. The till waits
for its answer without blocking the screen, and gives up after `timeout` seconds: a timed-out
charge is then reversed by its reference, so the customer is never charged for a payment the
till did not record.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class TerminalAnswer:
    approved: bool
    reference: str  # the attempt's reference (also for a decline or a reversal)
    auth_code: str = ""  # approval code printed on the receipt
    message: str = ""  # the terminal's own words, for the cashier


class PaymentTerminal(Protocol):
    async def charge(self, amount: int, reference: str) -> TerminalAnswer: ...

    async def refund(self, amount: int, reference: str) -> TerminalAnswer: ...

    async def reverse(self, reference: str) -> None: ...


class SimulatedTerminal:
    """Approves, declines or never answers, as told. `script` holds the next outcomes
    ("approve", "decline", "timeout"); when it is empty every charge is approved."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.script: deque[str] = deque()
        self.charges: dict[str, int] = {}  # reference -> amount charged and not reversed
        self.reversed: list[str] = []
        self._codes = itertools.count(100_001)

    def will(self, *outcomes: str) -> None:
        self.script.extend(outcomes)

    async def charge(self, amount: int, reference: str) -> TerminalAnswer:
        outcome = self.script.popleft() if self.script else "approve"
        if self.delay:
            await asyncio.sleep(self.delay)  # the customer at the PIN pad
        if outcome == "timeout":
            self.charges[reference] = amount  # the worst case: it did charge, and never said so
            await asyncio.Event().wait()  # never answers; the till's timeout cancels this
        if outcome == "decline":
            return TerminalAnswer(False, reference, message="DENEGADA: fondos insuficientes")
        self.charges[reference] = amount
        return TerminalAnswer(True, reference, auth_code=f"{next(self._codes):06d}", message="APROBADA")

    async def refund(self, amount: int, reference: str) -> TerminalAnswer:
        return await self.charge(-abs(amount), reference)

    async def reverse(self, reference: str) -> None:
        if self.charges.pop(reference, None) is not None:
            self.reversed.append(reference)

    @property
    def net_charged(self) -> int:
        return sum(self.charges.values())
