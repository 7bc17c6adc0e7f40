"""The screen's language (Spanish or English, switchable at sign-in) and locale formats.

Source strings are English (passed to `tr`); Spanish comes from Qt Linguist files in
`resources/translations` (`pos_es.ts`, compiled to `pos_es.qm` with `pyside6-lrelease`).
Receipts always print in Spanish: they are the store's tax documents.
"""

from __future__ import annotations

from datetime import datetime
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sync.rules.money import format_amount

LANGUAGES = {"es": "Español", "en": "English"}
_state: dict[str, object] = {"language": "en"}
_installed: list[QTranslator] = []  # ours and Qt's, while a language other than English is on


def translations_dir() -> str:
    return str(resources.files("resources").joinpath("translations"))


def set_language(code: str) -> bool:
    """Install `code`'s translation on the running application (retranslates open windows), and
    Qt's own (qtbase_*.qm, shipped with PySide6) for the texts Qt draws itself: OK, Cancel, Yes,
    No, a line edit's context menu."""
    app = QCoreApplication.instance()
    if app is None or code not in LANGUAGES:
        return False
    while _installed:
        app.removeTranslator(_installed.pop())
    ours = QTranslator(app)
    installed: list[QTranslator] = []
    if ours.load(f"pos_{code}", translations_dir()):  # English: only its plural forms
        installed.append(ours)
    elif code != "en":  # (English is the source: without its file, only "1 days ago" reads wrong)
        return False
    qts = QTranslator(app)
    if code != "en" and qts.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qts)  # absent from a build that left it out: Qt's texts stay English
    for translator in installed:
        app.installTranslator(translator)
    _installed.extend(installed)
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


def typed_amount(cents: int) -> str:
    """An amount as a person types it in the screen's language, no currency or grouping: 1234,50 or
    1234.50 (sync/rules/money.py parse_amount reads both)."""
    return format_amount(cents, "", decimal="," if language() == "es" else ".", thousands="")


def day_and_time(moment: datetime) -> str:
    """A deadline this week as the screen's language says it: "sáb 05/12 20:00" or "Sat 05/12 20:00"
    (the day's name from Qt's locale, which follows the language chosen at sign-in)."""
    local = moment.astimezone()
    return f"{QLocale().dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)} {local:%d/%m %H:%M}"


def when(moment: datetime) -> str:
    local = moment.astimezone()
    return local.strftime("%d/%m/%Y %H:%M") if language() == "es" else local.strftime("%Y-%m-%d %H:%M")
