"""Setting a till up from a fresh data folder: scripted (`pos-app --provision`) and over HTTPS
with the chain's own CA; then a sale made on it reaches the server (a real server on loopback)."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
import trustme

from pos_app.provisioning import TillSettings, is_enrolled, provision
from pos_app.selftest import self_test
from pos_app.services.till import Till
from sync.client.engine import SyncError
from sync.server import schema as t
from tests.conftest import LiveServer
from tests.tills import signed_in_sales, sync


def pos_app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pos_app", *args],
        capture_output=True, text=True, timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


def server_sale_ids(central) -> list[str]:
    with central.engine.connect() as conn:
        return [r[0] for r in conn.execute(sa.select(t.sales.c.id))]


def test_scripted_provisioning_from_a_fresh_folder_to_a_completed_sale(qapp, tmp_path, live_server, central):
    folder = tmp_path / "fresh"
    # A mistyped code: refused in a sentence, nothing enrolled, and it can simply be run again.
    wrong = pos_app("--provision", "--server", live_server.url, "--enrol", "NOPE-NOPE", "--data-dir", str(folder))
    assert wrong.returncode == 1 and "set-up failed: enrolment refused" in wrong.stderr, wrong.stderr
    assert not is_enrolled(folder)
    not_a_cert = tmp_path / "ca.pem"
    not_a_cert.write_text("this is not a certificate\n")
    _, code = central.create_till("MAD1", "T7", "Caja 7")
    bad_ca = pos_app(
        "--provision", "--server", live_server.url, "--enrol", code, "--data-dir", str(folder),
        "--ca-cert", str(not_a_cert),
    )  # fmt: skip
    assert bad_ca.returncode == 1 and "is not a CA certificate in PEM format" in bad_ca.stderr, bad_ca.stderr
    assert not is_enrolled(folder)

    done = pos_app(
        "--provision", "--server", live_server.url, "--enrol", code.lower(), "--data-dir", str(folder),
        "--printer", "none", "--language", "en", "--cash-rounding", "5",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout.splitlines()
    assert out[0] == f"Enrolling at {live_server.url}…"
    assert out[1].startswith("Enrolled as Madrid Centro · Caja 7 (MAD1-T7)")
    assert out[-2].startswith("Catalog loaded:") and out[-1].startswith(
        "Till MAD1-T7 (Caja 7, Madrid Centro) is set up"
    )
    # The settings given are kept for every later start; the token is the till user's alone.
    assert TillSettings.load(folder) == TillSettings(printer="none", language="en", cash_rounding=5)
    token = folder / "till.token"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    raw_identity = sqlite3.connect(folder / "till.sqlite").execute("SELECT value FROM meta WHERE key = 'identity'")
    assert "token" not in json.loads(raw_identity.fetchone()[0])  # nor in the database, nor its backups
    again = pos_app("--provision", "--server", live_server.url, "--enrol", code, "--data-dir", str(folder))
    assert again.returncode == 1 and "already set up, as MAD1-T7" in again.stderr

    # The first start sells (the identity, token included, comes back from where it was kept).
    till = Till(folder)
    try:
        assert till.is_ready and till.identity is not None and till.identity.token == token.read_text()
        sales = signed_in_sales(till.replica)
        assert sales.scan("8400000000017")
        receipt = sales.checkout.pay_cash(50_000)
        assert receipt is not None
        sync(till.replica)
        assert server_sale_ids(central) == [receipt.sale_id]
    finally:
        asyncio.run(till.aclose())
    code, lines = self_test(folder)  # the saved printer setting: none
    assert code == 0, lines


@pytest.fixture
def https_server(server_db, tmp_path):
    """The live server speaking HTTPS with a certificate signed by a private CA (as a chain
    that runs its own CA does); yields (server, the CA's certificate file)."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    cert_file, key_file, ca_file = tmp_path / "server.pem", tmp_path / "server.key", tmp_path / "chain-ca.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(ca_file))
    server = LiveServer(server_db, tls=(cert_file, key_file))
    server.start()
    yield server, ca_file
    server.stop()


def test_a_server_with_the_chains_own_ca_needs_that_ca_and_works_with_it(qapp, tmp_path, https_server, central):
    server, ca_file = https_server
    assert server.url.startswith("https://")
    folder = tmp_path / "till"
    _, code = central.create_till("MAD1", "T8", "Caja 8")
    with pytest.raises(SyncError, match="certificate is not trusted"):
        asyncio.run(provision(folder, server.url, code))
    assert not is_enrolled(folder)
    stages: list[str] = []
    identity, rows = asyncio.run(provision(folder, server.url, code, Path(ca_file), lambda s, _d: stages.append(s)))
    assert identity.series == "MAD1-T8" and rows > 0
    assert stages[:2] == ["enrolling", "enrolled"] and stages[-1] == "loaded"
    assert (folder / "server-ca.pem").read_bytes() == Path(ca_file).read_bytes()
    code_, lines = self_test(folder)  # the self-test trusts the same CA
    assert code_ == 0 and any("answers (protocol" in line for line in lines), lines
