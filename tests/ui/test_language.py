"""Spanish and English: complete translation files, and switching at the sign-in page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from pos_app.ui.i18n import money, set_language
from pos_app.ui.main_window import SaleWindow
from tests.ui.conftest import screenshot

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "pos_es.ts"


def test_every_screen_text_has_a_spanish_translation():
    messages = {m.findtext("source"): m.find("translation") for m in ET.parse(TS).getroot().iter("message")}
    unfinished = [src for src, tr in messages.items() if tr is None or tr.get("type") == "unfinished"]
    assert not unfinished
    in_code = set()
    for path in (ROOT / "pos_app").rglob("*.py"):
        # Single-literal calls (a sentence split over lines is checked by the .ts file's own test above).
        in_code |= set(re.findall(r'self\.tr\(\s*"([^"\\]*)"\s*[,)]', path.read_text(encoding="utf-8")))
    missing = sorted(text for text in in_code if text not in messages)
    assert not missing, f"run python packaging/translations.py: {missing}"


def test_the_compiled_spanish_file_loads_and_translates(qapp):
    """packaging/dev.sh compiles the .ts files; the till loads the result."""
    translator = QTranslator()
    assert translator.load("pos_es", str(TS.parent)), "run bash packaging/dev.sh (pyside6-lrelease)"
    assert translator.translate("SignInPage", "Who is working?") == "¿Quién trabaja?"
    assert translator.translate("SaleService", "Sale voided") == "Venta anulada"


def test_switching_to_spanish_and_back_at_sign_in(qtbot, till, tmp_path):
    window = SaleWindow(till)
    qtbot.addWidget(window)
    window.show()
    try:
        assert "Who is working?" in window.signin.findChild(type(window.place), "pageTitle").text()
        window.signin.findChild(type(window.pay_button), "language_es").click()
        qtbot.waitUntil(lambda: window.signin.pin.placeholderText() == "PIN" and "Intro" in window.signin_hint_text())
        assert money(123456) == "1.234,56 €"
        assert window.total_label.text() == "0,00 €"
        assert window.signin.isVisible() and window.signin.pin.isVisible()
        screenshot(window, "signin_es", tmp_path)
        window.signin.findChild(type(window.pay_button), "language_en").click()
        qtbot.waitUntil(lambda: "Enter" in window.signin_hint_text())
        assert money(123456) == "€1,234.56"
    finally:
        set_language("en")
        window.close()
