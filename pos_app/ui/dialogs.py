"""Dialogs of the sale screen: product search, receipt, sync panel. Keyboard first, touch friendly."""

from __future__ import annotations

import asyncio
import html
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.receipt import Receipt, render_text
from pos_app.services.printing import save_pdf
from pos_app.services.selling import SaleService
from pos_app.services.till import Till
from pos_app.ui.i18n import money


def mono_font(points: int = 11) -> QFont:
    """The receipt's look on screen: a monospace font, columns as printed."""
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(points)
    return font


class SearchDialog(QDialog):
    """Type-ahead product search: type, arrow down, Enter adds the product."""

    def __init__(self, sales: SaleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sales = sales
        self.chosen_sku: int | None = None
        self.setWindowTitle(self.tr("Search products"))
        self.resize(720, 520)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("Name or SKU code, e.g. 'camiseta azul'"))
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.hint = QLabel(self.tr("↓ to choose · Enter to add · Esc to close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        # Coalesce fast typing into one query per pause; the query itself runs on the local replica.
        self._debounce = QTimer(self, singleShot=True, interval=60)
        self._debounce.timeout.connect(self._run_query)
        self.query.textChanged.connect(lambda _t: self._debounce.start())
        self.query.returnPressed.connect(self._accept_current)
        self.results.itemActivated.connect(lambda _i: self._accept_current())
        self.query.installEventFilter(self)

    def eventFilter(self, obj: object, event: object) -> bool:
        if obj is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(obj, event)  # type: ignore[arg-type]

    def run_query_now(self) -> None:
        self._debounce.stop()
        self._run_query()

    def _run_query(self) -> None:
        self.results.clear()
        for priced, stock in self.sales.search(self.query.text()):
            price = money(priced.unit_price) if priced.unit_price >= 0 else self.tr("no price")
            here = "" if stock is None else self.tr("    ·    {} in store").format(stock)
            item = QListWidgetItem(f"{priced.name}    ·    {priced.sku_code}    ·    {price}{here}")
            item.setData(Qt.ItemDataRole.UserRole, priced.sku_id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        elif self.query.text().strip():
            self.results.addItem(QListWidgetItem(self.tr("Nothing found")))

    def _accept_current(self) -> None:
        if self._debounce.isActive():
            self.run_query_now()
        item = self.results.currentItem()
        sku = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if sku is not None:
            self.chosen_sku = int(sku)
            self.accept()


def qr_pixmap(content: str, scale: int = 4) -> QPixmap:
    """A QR code (ISO/IEC 18004, error correction M, as the AEAT asks) as a pixmap, made by segno."""
    import io

    import segno

    png = io.BytesIO()
    segno.make(content, error="m", micro=False, boost_error=False).save(png, kind="png", scale=scale, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(png.getvalue(), "PNG")
    return pixmap


SCANNER_MIN_LENGTH = 6  # a code this long ending in Enter is a scan, on the receipt as on the sale screen


class ReceiptDialog(QDialog):
    """The receipt as printed, on screen. Enter or Esc starts the next sale; so does a scan,
    which is the next sale's first item (`next_scan`): the cashier does not close the receipt
    first, and the scan is not lost."""

    def __init__(self, receipt: Receipt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receipt {}").format(receipt.receipt_no))
        text = QPlainTextEdit(render_text(receipt))
        text.setObjectName("receiptText")
        text.setReadOnly(True)
        text.setFont(mono_font())
        text.setMinimumSize(460, 520)
        self.text = text
        self.receipt = receipt
        change = QLabel(self.tr("Change: {}").format(money(receipt.change)) if receipt.change else "")
        change.setObjectName("receiptChange")
        pdf = QPushButton(self.tr("Save as PDF"))
        pdf.setMinimumHeight(56)
        pdf.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pdf.clicked.connect(self.save_pdf)
        done = QPushButton(self.tr("Next sale (Enter)"))
        done.setMinimumHeight(56)
        done.setDefault(True)
        done.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(change, 1)
        row.addWidget(pdf)
        row.addWidget(done)
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        body.addWidget(text, 1)
        self.qr = QLabel()
        self.qr.setObjectName("receiptQr")
        if receipt.qr_url:  # the VERI*FACTU QR, as printed: the customer may scan it from the screen
            self.qr.setPixmap(qr_pixmap(receipt.qr_url))
            self.qr.setToolTip(receipt.qr_url)
            body.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body, 1)
        layout.addLayout(row)
        done.setFocus()
        self.typed = ""
        self.next_scan = ""
        for widget in (done, pdf, text):  # whichever has the focus, a scanner's keys come here first
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        text = event.text()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if len(self.typed) >= SCANNER_MIN_LENGTH:
                self.next_scan, self.typed = self.typed, ""
                self.accept()
                return True
        elif text and text.isprintable() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.typed += text
            return True
        self.typed = ""
        return False

    def save_pdf(self, folder: Path | None = None) -> Path:
        """The receipt as PDF in the user's documents folder (or `folder`), e.g. to e-mail it."""
        target = folder or Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        target.mkdir(parents=True, exist_ok=True)
        path = save_pdf(
            render_text(self.receipt), target / f"{self.receipt.receipt_no}.pdf", self.receipt.receipt_no,
            self.receipt.qr_url,
        )  # fmt: skip
        self.setWindowTitle(self.tr("Saved {}").format(path))
        return path


class SyncPanel(QDialog):
    """What the sync is doing, for the cashier or the manager: waiting sales, last success, last
    error, how far the catalog is, and every event the server refused with its reason."""

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.setWindowTitle(self.tr("Sync"))
        self.resize(720, 460)
        self.summary = QLabel()
        self.summary.setObjectName("syncSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.refused_events = QListWidget()
        self.refused_events.setObjectName("rejectedEvents")
        sync_now = QPushButton(self.tr("Sync now"))
        sync_now.setMinimumHeight(56)
        sync_now.clicked.connect(till.sync_now)
        self.export = QPushButton(self.tr("Export diagnostics"))
        self.export.setMinimumHeight(56)
        self._export_task: asyncio.Task[None] | None = None
        self.export.clicked.connect(self._start_export)
        self.exported = QLabel()
        self.exported.setWordWrap(True)
        self.exported.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setMinimumHeight(56)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(sync_now)
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Events the server refused (kept there for HQ to review):")))
        layout.addWidget(self.refused_events, 1)
        layout.addWidget(self.exported)
        layout.addLayout(buttons)
        till.sync_status_changed.connect(self.refresh)
        self.refresh()

    def _start_export(self) -> None:
        self.export.setEnabled(False)
        self.exported.setText(self.tr("Making the diagnostics file…"))
        self._export_task = self.till.tasks.spawn(self.export_diagnostics())

    async def export_diagnostics(self) -> None:
        """For support: a zip without customer data, in the till's data folder (to copy to a USB
        stick or attach to an e-mail)."""
        try:
            path = await self.till.export_diagnostics()
        except OSError as exc:
            self.exported.setText(self.tr("The diagnostics file could not be written: {}").format(exc))
        else:
            self.exported.setText(self.tr("Diagnostics saved (no customer data in it): {}").format(path))
        finally:
            self.export.setEnabled(True)

    def done(self, result: int) -> None:
        try:
            self.till.sync_status_changed.disconnect(self.refresh)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    def _age(self, when: datetime | None) -> str:
        """'23/11/2026 14:02 (3 h ago)': how old the prices and stock on screen may be."""
        if when is None:
            return self.tr("never (catalog not loaded yet)")
        minutes = max(0, int((datetime.now(UTC) - when).total_seconds() // 60))
        if minutes < 1:
            ago = self.tr("just now")
        elif minutes < 120:
            ago = self.tr("%n min ago", "", minutes)
        elif minutes < 48 * 60:
            ago = self.tr("%n h ago", "", minutes // 60)
        else:
            ago = self.tr("%n days ago", "", minutes // (24 * 60))
        return f"{when.astimezone().strftime('%d/%m/%Y %H:%M')} ({ago})"

    def refresh(self, *_args: object) -> None:
        status = self.till.sync_status
        when = status.last_success.astimezone().strftime("%d/%m/%Y %H:%M:%S") if status.last_success else "—"
        online = {None: self.tr("not tried yet"), True: self.tr("online"), False: self.tr("offline")}[status.online]
        records, oldest = self.till.invoicing_records_waiting()
        waiting = str(records)
        if oldest:
            since = datetime.fromisoformat(oldest).astimezone().strftime("%d/%m/%Y %H:%M")
            waiting = self.tr("{} (the oldest made {})").format(records, since)
        rows = [
            (self.tr("Connection"), online),
            (self.tr("Sales waiting to be sent"), str(status.pending)),
            (self.tr("VERI*FACTU records waiting to reach HQ, which sends them to the AEAT"), waiting),
            (self.tr("Last successful sync"), when),
            (self.tr("Last error"), status.last_error or "—"),
            (self.tr("Catalog and stock up to date as of"), self._age(status.current_at)),
            (self.tr("Catalog position (cursor)"), "—" if status.cursor is None else str(status.cursor)),
        ]
        self.summary.setText(
            "<table cellspacing='6'>"
            + "".join(f"<tr><td><b>{k}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows)
            + "</table>"
        )
        self.refused_events.clear()
        for seq, type_, created, reason in self.till.rejected_events():
            self.refused_events.addItem(f"#{seq} {type_} {created[:19]} — {reason}")
        if not self.refused_events.count():
            self.refused_events.addItem(self.tr("None"))
