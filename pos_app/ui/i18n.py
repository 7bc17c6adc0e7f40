"""The screen's language (Spanish or English, switchable at sign-in) and locale formats.

Source strings are English (passed to `tr`); Spanish comes from Qt Linguist files in
`resources/translations` (`pos_es.ts`, compiled to `pos_es.qm` with `pyside6-lrelease`).
Receipts always print in Spanish: they are the store's tax documents.
"""

from __future__ import annotations

from datetime import datetime
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from pos_app.domain.money import format_amount

LANGUAGES = {"es": "Español", "en": "English"}
_state: dict[str, object] = {"language": "en", "translator": None}


def translations_dir() -> str:
    return str(resources.files("resources").joinpath("translations"))


def set_language(code: str) -> bool:
    """Install `code`'s translation on the running application (retranslates open windows)."""
    app = QCoreApplication.instance()
    if app is None or code not in LANGUAGES:
        return False
    old = _state["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        _state["translator"] = None
    if code != "en":
        translator = QTranslator(app)
        if not translator.load(f"pos_{code}", translations_dir()):
            return False
        app.installTranslator(translator)
        _state["translator"] = translator
    _state["language"] = code
    QLocale.setDefault(QLocale(QLocale.Language.Spanish if code == "es" else QLocale.Language.English))
    return True


def language() -> str:
    return str(_state["language"])


def money(cents: int) -> str:
    """An amount as the screen's language writes it: 1.234,50 € or €1,234.50."""
    if language() == "es":
        return format_amount(cents)
    text = format_amount(abs(cents), "", decimal=".", thousands=",")
    return f"-€{text}" if cents < 0 else f"€{text}"


def when(moment: datetime) -> str:
    local = moment.astimezone()
    return local.strftime("%d/%m/%Y %H:%M") if language() == "es" else local.strftime("%Y-%m-%d %H:%M")
