"""Where a till keeps its things, its settings, and setting it up (the wizard and the silent mode).

- The data folder: `--data-dir`, else `$POS_APP_DATA_DIR`, else the per-machine folder when
  the installer made one this user may write (`/var/lib/omni-pos` on Linux; platformdirs'
  site data folder, `C:\\ProgramData\\omni-pos`, on Windows), else the user's own
  (platformdirs: `~/.local/share/omni-pos`, `%LOCALAPPDATA%\\omni-pos`).
- `settings.json` in it: what the installer chose at set-up (printer, language, cash rounding);
  the server address is part of the till's identity, in its database.
- `server-ca.pem` in it: the chain's CA certificate, when the server's certificate is not
  signed by a public one.
- `provision()`: enrol with a one-time code, then load the catalog, reporting progress. The
  wizard (`pos_app/ui/setup.py`) and `pos-app --provision` (no window: scripted roll-outs)
  both call it.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import ssl
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from platformdirs import site_data_path, user_data_path

from pos_app import __version__
from pos_app.store.identity import Identity
from pos_app.store.replica import Replica, write_private
from sync.client.engine import SyncEngine, SyncStatus, enrol

log = logging.getLogger(__name__)

APP = "omni-pos"
SETTINGS = "settings.json"
CA_FILE = "server-ca.pem"


def machine_data_dir() -> Path:
    if sys.platform.startswith("linux"):
        return Path("/var/lib") / APP
    return site_data_path(APP, appauthor=False)


def default_data_dir() -> Path:
    if env := os.environ.get("POS_APP_DATA_DIR"):
        return Path(env)
    machine = machine_data_dir()
    if machine.is_dir() and os.access(machine, os.W_OK | os.X_OK):
        return machine
    return user_data_path(APP, appauthor=False)


@dataclass
class TillSettings:
    """What the installer sets once per till; command-line options win over it."""

    printer: str = "memory"
    language: str = "es"
    cash_rounding: int = 1
    # An integrated card terminal (Adyen Terminal API on the LAN, services/adyen.py); without a
    # URL the till works with a stand-alone terminal, whose approvals the cashier confirms.
    terminal_url: str = ""  # e.g. https://192.168.1.40:8443/nexo
    terminal_poi_id: str = ""  # e.g. V400m-346403161
    terminal_key_id: str = ""  # the shared key set in Adyen's Customer Area: its identifier,
    terminal_key_version: int = 1  # version
    terminal_passphrase: str = ""  # and passphrase (this file is readable by the till's user only)
    terminal_ca: str = ""  # the terminal's CA certificate file (Adyen's root)
    customer_display: bool = False  # a window for the customer, full-screen on a second screen
    # The counter scale (services/scale.py, Mettler-Toledo continuous output); without one, a
    # weighed item's weight is typed by a manager.
    scale_url: str = ""  # /dev/ttyUSB0, COM3, socket://192.168.1.41:4001 or rfc2217://…
    scale_baudrate: int = 9600  # 7 data bits, even parity, as these scales ship
    scale_checksum: bool = False  # the scale is set to send the checksum byte
    # A pole display (2×20 characters, ESC/POS customer-display commands) facing the customer:
    # services/pole_display.py. Empty: none (the customer display window is `customer_display`).
    pole_display: str = ""  # /dev/ttyUSB1, COM4, socket://192.168.1.42:4001
    pole_display_baudrate: int = 9600

    @classmethod
    def load(cls, data_dir: Path) -> TillSettings:
        """The saved settings; a missing or unreadable file gives the defaults (and never stops the till)."""
        path = data_dir / SETTINGS
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning(
                "settings %s unreadable (%s): the defaults apply; pos-app --provision writes it again", path, exc
            )
            return cls()
        known = {f.name for f in fields(cls)}
        try:
            return cls(**{k: v for k, v in raw.items() if k in known})
        except (TypeError, AttributeError):
            log.warning("settings %s are not settings: the defaults apply", path)
            return cls()

    def save(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private(data_dir / SETTINGS, json.dumps(asdict(self), indent=2))


def is_enrolled(data_dir: Path) -> bool:
    """The wizard is for a till that is not enrolled; an enrolled one whose first catalog load
    was cut loads it when it starts."""
    if not (data_dir / "till.sqlite").exists():
        return False
    replica = Replica.open(data_dir / "till.sqlite")
    try:
        return replica.identity() is not None
    finally:
        replica.close()


def tls_verify(data_dir: Path) -> ssl.SSLContext | bool:
    """The chain's CA when one was given at set-up, else the system's trusted CAs."""
    ca = data_dir / CA_FILE
    return ssl.create_default_context(cafile=str(ca)) if ca.exists() else True


def install_ca(data_dir: Path, pem: Path) -> None:
    """Keep the chain's CA certificate for this till; raises ValueError in plain words."""
    try:
        ssl.create_default_context(cafile=str(pem))
    except FileNotFoundError as exc:
        raise ValueError(f"no certificate file at {pem}") from exc
    except (ssl.SSLError, OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{pem} is not a CA certificate in PEM format ({exc})") from exc
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copyfile(pem, data_dir / CA_FILE)


def normalise_server(address: str) -> str:
    """What an installer types, as a URL: `pos.example.com` means https."""
    address = address.strip().rstrip("/")
    if not address:
        raise ValueError("type the central server's address, e.g. https://pos.example.com")
    if "://" not in address:
        address = f"https://{address}"
    if not address.startswith(("http://", "https://")):
        raise ValueError(f"{address} is not a web address (https://…)")
    return address


async def enrol_replica(replica: Replica, server_url: str, code: str, verify: ssl.SSLContext | bool) -> Identity:
    """The one enrolment of a till (the setup wizard, `--provision` and `--enrol` all come here):
    trade the one-time code for this database's identity at the server and keep it. Raises
    ValueError for an address that is none, SyncError when the server refuses or is unreachable."""
    url = normalise_server(server_url)
    answer = await enrol(url, code, replica.instance_id, __version__, verify=verify)
    identity = Identity.from_enrolment(answer, url)
    replica.save_identity(identity)
    return identity


# Progress goes out as (stage, detail): the wizard words it in the screen's language, the silent
# mode in English (STAGES).
Progress = Callable[[str, str], None]
STAGES = {
    "enrolling": "Enrolling at {}…",
    "enrolled": "Enrolled as {}",
    "loading": "Loading the catalog: {} rows",
    "loaded": "Catalog loaded: {} rows. The till is ready to sell.",
}


async def provision(
    data_dir: Path,
    server: str,
    code: str,
    ca_cert: Path | None = None,
    progress: Progress = lambda _stage, _detail: None,
) -> tuple[Identity, int]:
    """Enrol this till with a one-time code and load its catalog: (identity, rows loaded).

    Raises ValueError (bad input) or SyncError (the server refused, or cannot be reached), each
    a sentence for the installer; a failure leaves the till unenrolled and can be retried.
    """
    url = normalise_server(server)
    if not code.strip():
        raise ValueError("type the enrolment code printed by `pos-server create-till`")
    if ca_cert is not None:
        install_ca(data_dir, ca_cert)
    verify = tls_verify(data_dir)
    replica = Replica.open(data_dir / "till.sqlite")
    try:
        identity = replica.identity()
        if identity is not None and replica.cursor() is not None:
            raise ValueError(f"this till is already set up, as {identity.series} (data folder {data_dir})")
        if identity is None:
            progress("enrolling", url)
            identity = await enrol_replica(replica, url, code, verify)
            progress("enrolled", f"{identity.store_name} · {identity.till_name} ({identity.series})")
        # else: enrolled by an earlier try whose catalog load was cut: only the load is left
    finally:
        replica.close()
    rows = await load_catalog(data_dir, identity, verify, progress)
    return identity, rows


async def load_catalog(data_dir: Path, identity: Identity, verify: ssl.SSLContext | bool, progress: Progress) -> int:
    """The first snapshot, with its progress; SyncError if it could not be loaded."""
    shown = [0]

    def on_status(status: SyncStatus) -> None:
        rows = status.bootstrap_rows
        if rows is not None and rows - shown[0] >= 5000:
            shown[0] = rows
            progress("loading", f"{rows:,}")

    engine = SyncEngine(
        identity.server_url,
        identity.token,
        Replica.open(data_dir / "till.sqlite", busy_timeout_ms=60_000),
        on_status=on_status,
        app_version=__version__,
        verify=verify,
    )
    try:
        rows = await engine.pull_once()
    finally:
        await engine.aclose()
        engine.local.close()  # type: ignore[attr-defined]
    progress("loaded", f"{rows:,}")
    return rows
