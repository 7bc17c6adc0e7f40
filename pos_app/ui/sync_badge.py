"""The sync badge at the top of the till's window: online or offline, what waits to be sent,
what HQ rejected, the time of the last sync; a click opens the sync panel. And the offline
banner's words: keep selling, everything is kept here."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel

from sync.client.engine import SyncStatus


class SyncBadge(QLabel):
    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("syncBadge")
        self.setTextFormat(Qt.TextFormat.RichText)
        # Its longest text (online · 1234 waiting · 12 rejected · last sync 20:57) is wider than a
        # 1024-pixel screen's room beside the store's name: it wraps to a second line instead.
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        event.accept()

    def show_status(self, status: SyncStatus) -> None:
        if status.online is None:
            dot, state = "#9e9e9e", self.tr("Connecting…")
        elif status.online:
            dot, state = "#2e7d32", self.tr("Online")
        else:
            dot, state = "#c62828", self.tr("Offline")
        parts = [f"<span style='color:{dot}; font-size:18pt'>●</span> <b>{state}</b>"]
        parts.append(self.tr("%n waiting to send", "", status.pending))
        if status.rejected:
            rejected = self.tr("%n rejected", "", status.rejected)
            parts.append(f"<span style='color:#c62828'>{rejected}</span>")
        if status.last_success is not None:
            parts.append(self.tr("last sync {}").format(clock(status.last_success)))
        self.setText(" · ".join(parts))
        self.setToolTip(status.last_error or "")

    def offline_text(self, status: SyncStatus) -> str:
        """The offline banner's words (shown by the window while `status.online` is False)."""
        return self.tr(
            "OFFLINE: keep selling. Sales are saved on this till and sent when the connection returns "
            "(%n waiting). Stock and prices as of the last sync.",
            "",
            status.pending,
        )


def clock(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")
