"""`pos-app --demo`: the till against a central server started as a child process.

The server's and the till's data live in a per-user folder and survive restarts (the demo
keeps its sales); `--demo-reset` starts from scratch.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from sync.client.engine import create_till

DEMO_STORE, DEMO_TILL, DEMO_TILL_NAME = "MAD1", "T1", "Caja 1"


class DemoServer:
    def __init__(self, folder: Path, skus: int = 2000) -> None:
        self.folder = folder
        self.skus = skus
        self.admin_token = secrets.token_urlsafe(16)
        self.sock: socket.socket | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = ""
        # The AEAT's stand-in (sync/aeat_double.py): the demo's VERI*FACTU records go there,
        # never to the real AEAT.
        self.aeat_sock: socket.socket | None = None
        self.aeat: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        """Start the server; returns its URL at once (early requests wait in the socket's queue)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        fd = self.sock.fileno()
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.aeat_sock = socket.create_server(("127.0.0.1", 0))
        aeat_fd = self.aeat_sock.fileno()
        aeat_url = (
            f"http://127.0.0.1:{self.aeat_sock.getsockname()[1]}/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP"
        )
        with (self.folder / "aeat-double.log").open("ab") as aeat_log:
            self.aeat = subprocess.Popen(
                [sys.executable, "-m", "sync.aeat_double", "--fd", str(aeat_fd)],
                pass_fds=(aeat_fd,),
                stdout=aeat_log,
                stderr=aeat_log,
            )
        log = (self.folder / "server.log").open("ab")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server",
                "--db",
                str(self.folder / "server.sqlite"),
                "serve",
                "--fd",
                str(fd),
                "--demo",
                "--demo-skus",
                str(self.skus),
                "--log-level",
                "warning",
            ],
            pass_fds=(fd,),
            stdout=log,
            stderr=log,
            env={
                **os.environ,
                "POS_SERVER_ADMIN_TOKEN": self.admin_token,
                "POS_SERVER_AEAT_URL": aeat_url,
                "POS_SERVER_PRODUCER_NAME": "Omni POS (demo)",
                "POS_SERVER_PRODUCER_NIF": "B10000008",
            },
        )
        log.close()
        return self.url

    async def enrolment_code(self) -> str:
        return await create_till(self.url, self.admin_token, DEMO_STORE, DEMO_TILL, DEMO_TILL_NAME)

    def stop(self) -> None:
        for proc in (self.proc, self.aeat):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        self.proc = self.aeat = None
        for sock in (self.sock, self.aeat_sock):
            if sock is not None:
                sock.close()
        self.sock = self.aeat_sock = None


def reset(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
