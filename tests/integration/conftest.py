"""Integration tests run against both server stores: the embedded SQLite file and PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import make_server_db


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from make_server_db(request.param, tmp_path)


class AeatDouble:
    """`python -m sync.aeat_double` (the project's stand-in for the AEAT) as a child process on
    a loopback socket this object binds first (no port race)."""

    def __init__(self, tls: list[str] | None = None, verify: object = True) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.scheme = "https" if tls else "http"
        fd = self.sock.fileno()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sync.aeat_double", "--fd", str(fd), *(tls or [])],
            pass_fds=(fd,),
            start_new_session=True,
        )
        self.http = httpx.Client(base_url=f"{self.scheme}://127.0.0.1:{self.port}", timeout=30, verify=verify)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP"

    def control(self, **settings: object) -> None:
        self.http.post("/control", json=settings).raise_for_status()

    def received(self) -> dict:
        return self.http.get("/received").raise_for_status().json()

    def stop(self) -> None:
        self.http.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.sock.close()


@pytest.fixture
def aeat_double() -> Iterator[AeatDouble]:
    double = AeatDouble()
    try:
        yield double
    finally:
        double.stop()
