"""The diagnostics bundle: one zip a manager exports (sync panel, or `pos-app --diagnostics`) and
sends to support, with what support needs and no customer data.

In it: the self-test, the build and the machine, the database's health (integrity, journal,
schema, how many rows each table holds), what waits to be sent and what the server refused (event
types and reasons, never payloads), the backups and repairs, the settings, and the log files with
anything that looks like an e-mail address, a phone number or a card number masked.
Never in it: the database itself, its backups, the device token, a customer's row, a sale's lines.
"""

from __future__ import annotations

import json
import platform
import re
import shutil
import sqlite3
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from pos_app import __version__
from pos_app.store.safekeeping import backups, health_report

# What could identify a person in a log line; barcodes and SKU codes stay (support needs them).
_MASKS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "<e-mail>"),
    (re.compile(r"\bL[CT][0-9A-Z]{6,}\b"), "<card>"),  # loyalty cards, LC… and LT…
    # Phone numbers: 9 digits (600123456, 600 123 456), with a country code or not; barcodes
    # (8, 12, 13 or 14 digits in a row) are left as they are.
    (re.compile(r"(\+\d{2,3}[ ]?)?(?<!\d)\d{3}[ ]?\d{3}[ ]?\d{3}(?!\d)"), "<phone>"),
]


def mask(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def bundle(data_dir: Path, target: Path | None = None, printer: str = "none", check_server: bool = True) -> Path:
    """Write the bundle (default: data_dir/diagnostics/diagnostics-<till>-<time>.zip); returns its path."""
    from pos_app.selftest import self_test

    db = data_dir / "till.sqlite"
    health = health_report(db)
    for refused in health.get("refused", []):
        refused["reason"] = mask(refused["reason"])
    series = (
        (health.get("identity") or {}).get("store_code", "till")
        + "-"
        + ((health.get("identity") or {}).get("till_code", ""))
    )
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    if target is None:
        target = data_dir / "diagnostics" / f"diagnostics-{series.strip('-')}-{stamp}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    if check_server:
        code, lines = self_test(data_dir, printer)
    else:
        code, lines = -1, ["(server and printer not checked)"]
    disk = shutil.disk_usage(data_dir) if data_dir.exists() else None
    system = {
        "made_at": datetime.now(UTC).isoformat(),
        "app_version": __version__,
        "python": sys.version,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "sqlite": sqlite3.sqlite_version,
        "qt": _qt_version(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "data_dir": str(data_dir),
        "disk_free_bytes": disk.free if disk else None,
        "backups": [{"name": b.name, "bytes": b.stat().st_size} for b in backups(db)],
        "damaged_files_kept": sorted(p.name for p in (data_dir / "damaged").glob("*")) if data_dir.exists() else [],
    }
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("self-test.txt", f"exit code {code}\n" + "\n".join(lines) + "\n")
        zf.writestr("system.json", json.dumps(system, indent=2))
        zf.writestr("database.json", json.dumps(health, indent=2, default=str))
        settings = data_dir / "settings.json"
        if settings.exists():
            zf.writestr("settings.json", settings.read_text(encoding="utf-8", errors="replace"))
        for log in sorted((data_dir / "logs").glob("pos-app.log*")):
            zf.writestr(f"logs/{log.name}", mask(log.read_text(encoding="utf-8", errors="replace")))
    partial.replace(target)
    return target


def _qt_version() -> str:
    try:
        from PySide6 import __version__ as pyside

        return pyside
    except ImportError:
        return ""
