"""A service stop or Ctrl+C ends a running till cleanly: no traceback, the running marker gone
(the next start is a clean one), and the demo server it started stopped with it (no orphan)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pos_app.store.safekeeping import start_check

ROOT = Path(__file__).resolve().parents[2]


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_for(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_demo_till_cleanly(tmp_path, sig):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    till = subprocess.Popen(
        [sys.executable, "-m", "pos_app", "--demo", "--data-dir", str(tmp_path), "--demo-skus", "200"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    folder = tmp_path / "till"
    try:
        # running: its marker is there, the demo server is its child, and it has enrolled
        wait_for(lambda: (folder / "till.running").exists() and (folder / "till.token").exists(), 120)
        servers = children(till.pid)
        assert servers, "the demo server should be the till's child"
        till.send_signal(sig)
        out, err = till.communicate(timeout=60)
    finally:
        if till.poll() is None:
            till.kill()
            till.wait()
    assert till.returncode == 0, err[-2000:]
    assert "Traceback" not in err and "Traceback" not in out, err[-2000:]
    assert not (folder / "till.running").exists()
    assert start_check(folder / "till.sqlite") is None  # the next start is a clean one
    for server in servers:
        assert not alive(server), "the demo server outlived the till"
