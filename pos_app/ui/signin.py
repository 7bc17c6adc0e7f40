"""The sign-in page: choose your name, type your PIN (keyboard or the on-screen keypad)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.explain import explain
from pos_app.services.session import StaffSession
from pos_app.ui.i18n import LANGUAGES
from sync.rules.staff import SignInError, StaffMember


class Keypad(QWidget):
    """Large digit keys for a touch screen, typing into `target`."""

    enter = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", "⌫", "0", "OK"]
        for i, key in enumerate(keys):
            button = QPushButton(self.tr("OK") if key == "OK" else key)  # "Entrar" in Spanish
            button.setMinimumSize(84, 64)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key == "⌫":
                button.clicked.connect(target.backspace)
            elif key == "OK":
                button.setObjectName("payButton")
                button.clicked.connect(self.enter.emit)
            else:
                button.clicked.connect(lambda _c=False, k=key: target.insert(k))
            grid.addWidget(button, i // 3, i % 3)


class SignInPage(QWidget):
    signed_in = Signal(object)  # StaffMember
    language_chosen = Signal(str)

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._shown: list[tuple[int, str, str]] = []
        self.setObjectName("signInPage")
        title = QLabel(self.tr("Who is working?"))
        title.setObjectName("pageTitle")
        self.people = QListWidget()
        self.people.setObjectName("staffList")
        big = QFont()
        big.setPointSize(18)
        self.people.setFont(big)
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin = QLineEdit()
        self.pin.setObjectName("pinEntry")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setFont(big)
        self.pin.returnPressed.connect(self.try_sign_in)
        self.pin.installEventFilter(self)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        keypad = Keypad(self.pin)
        keypad.enter.connect(self.try_sign_in)
        languages = QHBoxLayout()
        for code, name in LANGUAGES.items():
            button = QPushButton(name)
            button.setObjectName(f"language_{code}")
            button.setMinimumHeight(48)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, c=code: self.language_chosen.emit(c))
            languages.addWidget(button)
        hint = QLabel(self.tr("↑↓ choose your name · type your PIN · Enter"))
        hint.setObjectName("keysHint")
        self.hint = QLabel()
        self.hint.setObjectName("signInHint")
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.people, 1)
        left.addLayout(languages)
        right = QVBoxLayout()
        right.addStretch(1)
        right.addWidget(self.pin)
        right.addWidget(keypad)
        right.addWidget(self.error)
        right.addWidget(hint)
        right.addWidget(self.hint)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.reload()

    def refresh_people(self) -> None:
        """Show staff added or changed at HQ since (keeps who is chosen, the PIN and any message)."""
        members = self.session.members()
        if members == self._shown:
            return
        chosen = self.people.currentItem()
        chosen_id = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
        if members and not self._shown:
            self.error.clear()  # "nobody can sign in yet" no longer holds
        self._fill(members)
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.ItemDataRole.UserRole) == chosen_id:
                self.people.setCurrentRow(row)

    def _fill(self, members: list[tuple[int, str, str]]) -> None:
        self._shown = members
        self.people.clear()
        for staff_id, name, role in members:
            item = QListWidgetItem(f"{name}    ·    {role}")
            item.setData(Qt.ItemDataRole.UserRole, staff_id)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)

    def reload(self) -> None:
        self._fill(self.session.members())
        if self.people.count():
            self.error.clear()
        else:
            self.error.setText(self.tr("Nobody can sign in yet: the staff list comes with the catalog from the server"))
        self.pin.clear()
        self.pin.setFocus()

    def choose(self, name: str) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).text().startswith(name):
                self.people.setCurrentRow(row)

    def eventFilter(self, obj: object, event: object) -> bool:
        if obj is self.pin and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.people.count():
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                self.people.setCurrentRow(max(0, min(self.people.count() - 1, self.people.currentRow() + step)))
                return True
        return super().eventFilter(obj, event)  # type: ignore[arg-type]

    def try_sign_in(self) -> StaffMember | None:
        item = self.people.currentItem()
        if item is None:
            self.error.setText(self.tr("Choose your name first"))
            return None
        pin = self.pin.text()
        self.pin.clear()
        try:
            member = self.session.sign_in(int(item.data(Qt.ItemDataRole.UserRole)), pin)
        except SignInError as exc:
            self.error.setText(explain(exc))
            return None
        self.error.clear()
        self.signed_in.emit(member)
        return member
