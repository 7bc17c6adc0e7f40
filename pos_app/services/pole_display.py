"""The pole display: the two lines of twenty characters facing the customer that many counters
have instead of a second screen (a VFD or LCD "visor" on a serial or USB-serial line).

It speaks the ESC/POS customer-display commands Epson-compatible displays share: ESC @
(initialise), FF (clear, cursor home), US $ x y (cursor to column x, row y), then the text in
code page 858 (Latin-1 with the euro sign), selected with ESC t 19. What it shows follows the
sale: the last line scanned and the total; then the change and thanks until the next scan.
Its words are Spanish, as the receipt's are: they are the shop's to its customer.

Writes go out on a thread of their own, only the latest screen: a slow or unplugged display
never holds up the till, and a display that comes back shows the current sale. Set it with
`pole_display` in settings.json (`/dev/ttyUSB1`, `COM4`, or `socket://…` for one on the LAN).
"""

from __future__ import annotations

import logging
import threading

import serial

from pos_app.domain.payment import Payment
from pos_app.domain.receipt import Receipt
from pos_app.services.selling import SaleService
from sync.rules.money import format_amount

log = logging.getLogger(__name__)

WIDTH = 20
INIT = b"\x1b@" + b"\x1bt\x13"  # initialise; character table 19: PC858 (the euro sign)
CLEAR = b"\x0c"


def screen(top: str, bottom: str, width: int = WIDTH) -> bytes:
    """The bytes that show `top` over `bottom`, each cut or padded to the display's width."""

    def line(text: str) -> bytes:
        return text[:width].ljust(width).encode("cp858", errors="replace")

    return CLEAR + line(top) + b"\x1f$\x01\x02" + line(bottom)


def two_columns(left: str, right: str, width: int = WIDTH) -> str:
    """`left` and `right` on one line, the right one kept whole (an amount is never cut)."""
    room = max(0, width - len(right) - 1)
    return f"{left[:room]:<{room}} {right}"[-width:] if room else right[-width:]


class PoleDisplay:
    def __init__(self, port: str, baudrate: int = 9600) -> None:
        self.port = port
        self.baudrate = baudrate
        self._latest: bytes | None = None
        self._wake = threading.Condition()
        self._closed = False
        self._line: serial.SerialBase | None = None
        self._thread = threading.Thread(target=self._run, name="pole-display", daemon=True)
        self._thread.start()

    def show(self, top: str, bottom: str) -> None:
        with self._wake:
            self._latest = screen(top, bottom)
            self._wake.notify()

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._latest is None and not self._closed:
                    self._wake.wait()
                if self._closed:
                    break
                data, self._latest = self._latest, None
            try:
                if self._line is None:
                    self._line = serial.serial_for_url(self.port, baudrate=self.baudrate, write_timeout=2)
                    self._line.write(INIT)
                self._line.write(data)
                self._line.flush()
            except (serial.SerialException, OSError, ValueError) as exc:
                log.warning("the pole display at %s did not take the text: %s", self.port, exc)
                self._drop_line()
        self._drop_line()

    def _drop_line(self) -> None:
        if self._line is not None:
            try:
                self._line.close()
            except (serial.SerialException, OSError):
                pass
            self._line = None  # opened again, and initialised, for the next screen


class PoleDisplayFeed:
    """What the pole display shows, from the sale's signals (it never changes the sale)."""

    def __init__(self, sales: SaleService, display: PoleDisplay, store_name: str = "") -> None:
        self.sales = sales
        self.display = display
        self.welcome = store_name or "Bienvenido"
        self._thanked = False
        sales.cart_changed.connect(self._cart)
        sales.payment_changed.connect(self._payment)
        sales.sale_completed.connect(self._completed)
        self._cart()

    def _cart(self) -> None:
        cart = self.sales.cart
        if not cart.lines:
            if not self._thanked:
                self.display.show(self.welcome, "")
            return
        self._thanked = False
        last = cart.lines[-1]
        price = format_amount(last.gross, currency="")
        quantity = f"{last.quantity}x" if last.quantity != 1 else ""
        name = f"{quantity}{last.item.name}"
        self.display.show(two_columns(name, price), two_columns("TOTAL", format_amount(cart.total)))

    def _payment(self, payment: Payment | None) -> None:
        if payment is not None and payment.tenders:
            self.display.show(
                two_columns("PAGADO", format_amount(payment.paid)),
                two_columns("FALTA", format_amount(payment.remaining)),
            )

    def _completed(self, receipt: Receipt) -> None:
        self._thanked = True
        change = receipt.change
        top = (
            two_columns("CAMBIO", format_amount(change))
            if change
            else two_columns("TOTAL", format_amount(receipt.total))
        )
        self.display.show(top, "GRACIAS POR SU VISITA")
