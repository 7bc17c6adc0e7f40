"""Every refusal the till or the shared rules (sync/rules) raise with a code has its sentence for the screen
(services/explain.py), so no cashier reads str(exc) or a missing translation; the sentence is
filled with the refusal's own details."""

from __future__ import annotations

import re
from pathlib import Path

from pos_app.services.explain import SENTENCES, explain
from pos_app.store.stock_records import StockError

ROOT = Path(__file__).resolve().parents[2]
RAISED = re.compile(r"""(?:Error|error)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")


def test_every_code_raised_has_a_sentence():
    raised: dict[str, str] = {}
    sources = [*(ROOT / "pos_app").rglob("*.py"), *(ROOT / "sync" / "rules").rglob("*.py")]
    for source in sources:
        for code in RAISED.findall(source.read_text(encoding="utf-8")):
            raised.setdefault(code, str(source.relative_to(ROOT)))
    assert len(raised) > 20  # the pattern still finds them
    missing = {code: where for code, where in raised.items() if code not in SENTENCES}
    assert not missing, f"codes without a sentence in services/explain.py: {missing}"


def test_a_refusal_is_said_with_its_details():
    refused = StockError("transfer.already", "Transfer T-7 is already shipped", number="T-7", state="shipped")
    assert explain(refused) == "Transfer T-7 is already shipped"
