"""The card payment terminal, behind one small interface, with two kinds of terminal:

- *integrated* (services/adyen.py): the till sends the amount to the terminal on the LAN and
  reads its answer; a request that times out or loses its connection is settled by asking the
  terminal what became of it (`status`), never by guessing;
- *stand-alone* (a "datáfono" with its own keypad, `StandaloneTerminal`): the cashier keys the
  amount into it, and the till records the approval only when the cashier confirms what the
  terminal shows and types its authorisation code.

Refunds and reversals go through the same interface. Offline from HQ, a card payment works as
far as the terminal itself can approve it (its own floor limit); the till adds nothing of its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol


class TerminalError(Exception):
    """The terminal answered something the till cannot use, or cannot say what happened."""


@dataclass(frozen=True, slots=True)
class TerminalAnswer:
    approved: bool
    reference: str  # the attempt's reference (also for a decline or a reversal)
    auth_code: str = ""  # approval code printed on the receipt
    message: str = ""  # the terminal's own words, for the cashier
    terminal: str = ""  # which terminal (its id): the Z report adds card takings per terminal
    authorised: int | None = None  # cents, when the terminal says how much it took
    offline: bool = False  # approved by the terminal on its own (no acquirer reached)


class PaymentTerminal(Protocol):
    name: str

    async def charge(self, amount: int, reference: str) -> TerminalAnswer: ...

    async def refund(self, amount: int, reference: str) -> TerminalAnswer: ...

    async def reverse(self, reference: str) -> None: ...

    async def status(self, reference: str) -> TerminalAnswer | None:
        """What became of `reference`; None if the terminal never had it; TerminalError if it
        cannot say yet."""
        ...

    async def aclose(self) -> None: ...


# The cashier's confirmation for a stand-alone terminal: (what: "charge" or "refund", amount in
# cents) -> the authorisation code the terminal printed, or None if it declined or was cancelled.
Confirm = Callable[[str, int], Awaitable[str | None]]


class StandaloneTerminal:
    """A terminal the till cannot talk to: the cashier keys the amount into it and confirms the
    outcome at the till. `confirm` is the screen's (set by the sale window)."""

    def __init__(self, name: str = "datafono", confirm: Confirm | None = None) -> None:
        self.name = name
        self.confirm = confirm
        self._answers: dict[str, TerminalAnswer] = {}

    async def charge(self, amount: int, reference: str) -> TerminalAnswer:
        return await self._ask("charge", amount, reference)

    async def refund(self, amount: int, reference: str) -> TerminalAnswer:
        return await self._ask("refund", abs(amount), reference)

    async def _ask(self, what: str, amount: int, reference: str) -> TerminalAnswer:
        if self.confirm is None:
            raise TerminalError("no screen to confirm the stand-alone terminal's answer")
        code = await self.confirm(what, amount)
        answer = TerminalAnswer(
            code is not None, reference, auth_code=code or "", message="" if code else "declined", terminal=self.name
        )
        self._answers[reference] = answer
        return answer

    async def status(self, reference: str) -> TerminalAnswer | None:
        return self._answers.get(reference)  # the cashier said it; nothing else to ask

    async def reverse(self, reference: str) -> None:
        """The cashier cancels it on the terminal itself (the message says so); nothing to send."""
        self._answers.pop(reference, None)

    async def aclose(self) -> None:
        return None
