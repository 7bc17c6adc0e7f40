"""`pos-app --self-test` headless against a real server, and the version each till reports."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys

import httpx

from pos_app.selftest import check_printer, self_test
from tests.conftest import ADMIN_TOKEN
from tests.tills import engine_for, ready_till, ready_till_folder


def test_a_sound_till_passes_and_says_so_in_plain_words(tmp_path, live_server, central):
    folder = ready_till_folder(tmp_path, live_server, central)
    result = subprocess.run(
        [sys.executable, "-m", "pos_app", "--self-test", "--data-dir", str(folder), "--printer", "none"],
        capture_output=True, text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("OK") and "is sound" in line for line in lines)
    assert any(line.startswith("OK") and "Sales journal intact" in line for line in lines)
    assert any(line.startswith("OK") and f"Server at {live_server.url} answers" in line for line in lines)
    assert any(line.startswith("OK") and "Clock agrees" in line for line in lines)
    assert any(line.startswith("WARNING") and "No receipt printer" in line for line in lines)


def test_a_dead_server_a_damaged_database_and_a_dead_printer_are_named(tmp_path, live_server, central):
    folder = ready_till_folder(tmp_path, live_server, central)
    live_server.stop()
    code, lines = self_test(folder)
    assert code == 1 and any(line.startswith("PROBLEM") and "cannot be reached" in line for line in lines)
    # Bytes overwritten in the middle of the file (a failing disk, a half-written copy).
    raw = bytearray((folder / "till.sqlite").read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 8192] = b"\xff" * 8192
    (folder / "till.sqlite").write_bytes(bytes(raw))
    code, lines = self_test(folder)
    assert code == 1 and any(line.startswith("PROBLEM") and "damaged" in line for line in lines), lines
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there
    assert not check_printer(f"net:127.0.0.1:{port}", timeout=1).ok
    assert not check_printer(f"file:{tmp_path / 'no-such-printer'}").ok
    with socket.create_server(("127.0.0.1", 0)) as printer:
        assert check_printer(f"net:127.0.0.1:{printer.getsockname()[1]}").ok
    code, lines = self_test(tmp_path / "nowhere")
    assert code == 2 and "not set up" in lines[0]


def test_hq_lists_the_version_each_till_runs(tmp_path, live_server, central):
    replica = ready_till(tmp_path, live_server, central, "T1")

    async def contact() -> None:
        engine = engine_for(replica.path, replica.identity(), app_version="9.9.1")
        try:
            await engine.pull_once()
        finally:
            await engine.aclose()
            engine.local.close()

    asyncio.run(contact())
    tills = httpx.get(
        f"{live_server.url}/admin/tills", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=30
    ).json()
    assert [(t["code"], t["app_version"]) for t in tills] == [("T1", "9.9.1")]
    replica.close()
