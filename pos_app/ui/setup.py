"""The setup wizard: the first start of a till that is not set up yet.

One page, keyboard first: the central server's address, the one-time enrolment code from
`pos-server create-till`, and (only for a chain whose server certificate is signed by its own
CA) the CA certificate file. Enter sets the till up: it enrols, loads the catalog with its
progress shown, and the sale screen opens. A failure says why in a sentence and leaves every
field as typed, to correct and try again.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.provisioning import provision
from pos_app.services.tasks import TaskRunner
from sync.client.engine import SyncError

if TYPE_CHECKING:  # a type only: widgets never reach the store (the import contracts)
    from pos_app.store.identity import Identity


class SetupWizard(QDialog):
    def __init__(self, data_dir: Path, server: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Omni POS: set up this till"))
        self.setMinimumWidth(640)
        self.outcome: asyncio.Future[Identity | None] = asyncio.get_event_loop().create_future()
        self.identity: Identity | None = None
        self.working = False
        self.tasks = TaskRunner(threads=1, name="setup")  # there is no till yet; it ends before the wizard

        title = QLabel(self.tr("Set up this till"))
        title.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "Type the central server's address and the enrolment code for this till "
                "(HQ prints it with pos-server create-till). The till then loads the catalog "
                "and is ready to sell."
            )
        )
        intro.setWordWrap(True)
        self.server = QLineEdit(server)
        self.server.setPlaceholderText("https://pos.example.com")
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. K7Q2-M9XD"))
        self.code.textEdited.connect(lambda text: self.code.setText(text.upper()))
        self.ca = QLineEdit()
        self.ca.setPlaceholderText(self.tr("only if the chain uses its own certificate authority"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca, 1)
        ca_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Enrolment code"), self.code)
        form.addRow(self.tr("CA certificate"), ca_row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the row count shows in the status line
        self.progress.hide()
        self.status = QLabel(" ")
        self.status.setObjectName("messageBanner")
        self.status.setWordWrap(True)
        self.go = QPushButton(self.tr("Set up (Enter)"))
        self.go.clicked.connect(self.start)
        quit_button = QPushButton(self.tr("Quit (Esc)"))
        quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        (self.code if server else self.server).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.server.hasFocus() and not self.code.text().strip():
                self.code.setFocus()
            else:
                self.start()
            event.accept()
            return
        super().keyPressEvent(event)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("The chain's CA certificate"), "", self.tr("Certificates (*.pem *.crt);;All files (*)")
        )
        if chosen:
            self.ca.setText(chosen)

    def say(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setProperty("level", level)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def start(self) -> None:
        if self.working:
            return
        self.working = True
        for widget in (self.server, self.code, self.ca, self.go):
            widget.setEnabled(False)
        self.progress.show()
        self.say(self.tr("Setting up…"), "info")
        self.tasks.spawn(self.set_up())

    async def set_up(self) -> None:
        ca = Path(self.ca.text().strip()) if self.ca.text().strip() else None
        try:
            identity, _rows = await provision(self.data_dir, self.server.text(), self.code.text(), ca, self._progress)
        except (ValueError, SyncError, OSError) as exc:
            self.say(self.tr("Not set up: {}").format(exc), "error")
            for widget in (self.server, self.code, self.ca, self.go):
                widget.setEnabled(True)
            self.code.setFocus()
            return
        finally:
            self.working = False
            self.progress.hide()
        self.identity = identity
        self.say(self.tr("{} is set up. Opening the till…").format(identity.series), "ok")
        self.accept()

    def _progress(self, stage: str, detail: str) -> None:
        texts = {
            "enrolling": self.tr("Enrolling at {}…"),
            "enrolled": self.tr("Enrolled as {}. Loading the catalog…"),
            "loading": self.tr("Loading the catalog: {} rows"),
            "loaded": self.tr("Catalog loaded: {} rows"),
        }
        self.say(texts[stage].format(detail), "info")

    def done(self, result: int) -> None:
        if self.working:
            return  # Esc while enrolling: the set-up finishes (or fails) first
        if not self.outcome.done():
            self.outcome.set_result(self.identity if result == QDialog.DialogCode.Accepted else None)
        super().done(result)
