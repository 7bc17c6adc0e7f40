"""Receipts and Z reports on an ESC/POS printer (python-escpos), as PDF, and kept for reprint.

The sale is saved before anything is printed, and printing runs on its own thread: a missing,
jammed or unplugged printer shows a message and never loses or blocks a sale (F12 reprints).

Where the bytes go is a till setting, `printer`:
- `none`      nothing is printed (the receipt is shown on screen)
- `memory`    kept in memory (demo and tests: `ReceiptPrinter.sent`, the last 200 jobs)
- `file:PATH` appended to a device or file, e.g. `file:/dev/usb/lp0`
- `net:HOST[:PORT]` a network printer (port 9100 by default)
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter, QTextDocument

from pos_app.domain.receipt import QR_PLACE, Receipt, render_text

log = logging.getLogger(__name__)
MEMORY_JOBS = 200
DRAWER_PIN = 2  # the drawer kick-out connector most drawers use


@dataclass(frozen=True, slots=True)
class PrintJob:
    text: str
    barcode: str = ""  # CODE128 under the text (the receipt number, scanned for returns)
    open_drawer: bool = False
    title: str = ""
    qr: str = ""  # the VERI*FACTU QR's content, printed where the text says QR_PLACE


def escpos_bytes(job: PrintJob) -> bytes:
    """The exact bytes an ESC/POS printer receives for a job (tests check these)."""
    from escpos.constants import QR_ECLEVEL_M
    from escpos.printer import Dummy  # imported on the printing thread: 0.2 s off start-up

    printer = Dummy(profile="TM-T88III")
    printer.set(align="left", font="a")
    # Receipts are Spanish: code page CP858 has the accents and the euro sign.
    printer.charcode("CP858")
    head, placed, tail = job.text.partition(QR_PLACE) if job.qr else (job.text, "", "")
    printer.text(head.rstrip(" ") + ("" if placed else "\n"))
    if placed:
        # The printer's own QR command (GS ( k): ISO/IEC 18004, error correction M, modules of
        # 6 dots: the AEAT's URL (110–130 characters) makes a 41–49 module code, 31–37 mm at
        # 203 dpi (the AEAT asks for 30–40 mm).
        printer.set(align="center")  # (python-escpos centres a native QR only through the alignment)
        printer.qr(job.qr, ec=QR_ECLEVEL_M, size=6, native=True)
        printer.set(align="left")
        printer.text(tail.partition("\n")[2] + "\n")  # the rest of the QR's own line is blank
    if job.barcode:
        printer.barcode("{B" + job.barcode, "CODE128", height=60, width=2, function_type="B")
    printer.cut()
    if job.open_drawer:
        printer.cashdraw(DRAWER_PIN)
    return bytes(printer.output)


class ReceiptPrinter(QObject):
    printed = Signal(str)  # title
    failed = Signal(str)  # message for the cashier

    def __init__(self, target: str = "memory") -> None:
        super().__init__()
        self.target = target
        # What reached a `memory` printer: the last jobs only, so a demo till left running all day stays flat.
        self.sent: deque[bytes] = deque(maxlen=MEMORY_JOBS)
        self._jobs: queue.Queue[PrintJob | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def print_receipt(self, receipt: Receipt, open_drawer: bool = False) -> None:
        self.submit(
            PrintJob(render_text(receipt), receipt.receipt_no, open_drawer, receipt.receipt_no, qr=receipt.qr_url)
        )

    def open_drawer(self) -> None:
        self.submit(PrintJob("", open_drawer=True, title="drawer"))

    def submit(self, job: PrintJob) -> None:
        if self.target == "none":
            if job.open_drawer:
                self.failed.emit(self.tr("No printer is set up: open the drawer with its key"))
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="printer", daemon=True)
            self._thread.start()
        self._jobs.put(job)

    def close(self) -> None:
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                data = escpos_bytes(job)
                self._send(data)
            except Exception as exc:  # any printer trouble: say so, keep the sale
                log.warning("printing %s failed: %s", job.title, exc)
                self.failed.emit(
                    self.tr("The printer did not print ({}). The sale is saved: F12 reprints it.").format(exc)
                )
            else:
                self.printed.emit(job.title)

    def _send(self, data: bytes) -> None:
        kind, _, where = self.target.partition(":")
        if kind == "memory":
            self.sent.append(data)
        elif kind == "file":
            with open(where, "ab", buffering=0) as device:
                device.write(data)
        elif kind == "net":
            from escpos.printer import Network

            host, _, port = where.partition(":")
            printer = Network(host, int(port or 9100), timeout=5)
            try:
                printer.open()
                printer._raw(data)
            finally:
                printer.close()
        else:
            raise ValueError(f"unknown printer setting {self.target!r}")


def save_pdf(text: str, path: Path, title: str = "", qr: str = "") -> Path:
    """The receipt (or Z report) as a PDF, 80 mm wide like the paper roll. With `qr`, the
    VERI*FACTU QR is drawn where the text says (QR_PLACE): 35 mm square (the AEAT asks 30 to
    40 mm), error correction M, as vector squares, so it stays sharp at any zoom or print."""
    import segno

    before, place, after = text.partition(QR_PLACE) if qr else (text, "", "")
    qr_mm = 35.0 if place else 0.0
    page_mm = max(100.0, 5 * (text.count("\n") + 4) + qr_mm)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setPageSize(QPageSize(QSizeF(80, page_mm), QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(3, 3, 3, 3))
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(6.5)
    per_mm = writer.resolution() / 25.4
    painter = QPainter(writer)
    try:
        y = 0.0
        for i, part in enumerate((before.rstrip("\n"), after.lstrip("\n"))):
            if part:
                document = QTextDocument()
                document.documentLayout().setPaintDevice(writer)
                document.setDefaultFont(font)
                document.setTextWidth(writer.width())
                document.setPlainText(part)
                painter.save()
                painter.translate(0, y)
                document.drawContents(painter)
                painter.restore()
                y += document.size().height()
            if i == 0 and place:
                matrix = segno.make(qr, error="m", micro=False, boost_error=False).matrix
                side = qr_mm * per_mm
                module = side / (len(matrix) + 8)  # with the quiet zone of 4 modules each side
                left = (writer.width() - side) / 2 + 4 * module
                top = y + 4 * module
                for r, row in enumerate(matrix):
                    for c, dark in enumerate(row):
                        if dark:
                            painter.fillRect(
                                QRectF(left + c * module, top + r * module, module, module), Qt.GlobalColor.black
                            )
                y += side
    finally:
        painter.end()
    return path
