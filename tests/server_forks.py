"""Servers for the tests, forked from one Python that has already imported the server.

`pos-server serve` spends about a second importing FastAPI, SQLAlchemy and pydantic before it
answers; the tests start it a few hundred times (every integration test, and the fault harness
kills and restarts it mid-batch a hundred times per backend). So each test process starts this
module once (`python -m tests.server_forks FD`): it imports the server, then, for each request on
its control socket, forks a child that runs `sync.server.__main__.main(argv)` - the same code
`python -m sync.server` runs, on a listening socket the test bound, with the test's environment,
working folder and stdout/stderr at that moment. The child leads its own process group, set
before the test hears its pid (the test kills it with killpg, as it killed the subprocess); the
forker reaps it when asked.

Requests (JSON, one per message, file descriptors beside it): {"start": {argv, env, cwd}} with
the listening socket, stdout and stderr -> {"pid": n}; {"wait": pid} -> {"status": n}.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class ForkedServer:
    """What LiveServer needs of its child: its pid, and waiting for it once killed (its exit code
    as Popen.wait gives it: negative for a signal)."""

    def __init__(self, forker: Forker, pid: int) -> None:
        self.forker = forker
        self.pid = pid

    def wait(self, timeout: float = 30) -> int:
        return self.forker.wait(self.pid, timeout)


class Forker:
    """The test process's side: the forking Python, started on first use, gone with the test process."""

    _lock = threading.Lock()
    _one: Forker | None = None

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.control = ours
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.server_forks", str(theirs.fileno())],
            pass_fds=(theirs.fileno(),),
            cwd=ROOT,
        )
        theirs.close()

    @classmethod
    def shared(cls) -> Forker:
        with cls._lock:
            if cls._one is None or cls._one.proc.poll() is not None:
                cls._one = cls()
            return cls._one

    def start(self, argv: list[str], env: dict[str, str], listening_fd: int) -> ForkedServer:
        message = {"start": {"argv": argv, "env": env, "cwd": os.getcwd()}}
        answer = self._ask(message, [listening_fd, 1, 2], timeout=60)  # fds 1, 2: what a subprocess inherits
        return ForkedServer(self, answer["pid"])

    def wait(self, pid: int, timeout: float) -> int:
        return int(self._ask({"wait": pid}, [], timeout)["status"])

    def _ask(self, message: dict, fds: list[int], timeout: float) -> dict:
        with self._lock:
            self.control.settimeout(timeout)
            socket.send_fds(self.control, [json.dumps(message).encode()], fds)
            raw = self.control.recv(65536)
        if not raw:
            raise RuntimeError("the server forker has gone (see its error above)")
        return json.loads(raw)


def serve_requests(control: socket.socket) -> None:
    """The forking Python's loop: until the test process closes the socket (or dies)."""
    children: set[int] = set()
    try:
        while True:
            raw, fds, _flags, _addr = socket.recv_fds(control, 1 << 20, 3)
            if not raw:
                return
            request = json.loads(raw)
            if "wait" in request:
                pid = request["wait"]
                _, status = os.waitpid(pid, 0)
                children.discard(pid)
                control.send(json.dumps({"status": os.waitstatus_to_exitcode(status)}).encode())
                continue
            pid = os.fork()
            if pid == 0:
                control.close()
                _run_server(request["start"], fds)  # never returns
            with contextlib.suppress(OSError):  # its group exists before the test can kill it
                os.setpgid(pid, pid)
            for fd in fds:
                os.close(fd)
            children.add(pid)
            control.send(json.dumps({"pid": pid}).encode())
    finally:
        for pid in children:  # servers a test left running go with it
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _run_server(start: dict, fds: list[int]) -> None:
    code = 1
    try:
        os.setpgid(0, 0)  # its own process group, as start_new_session gave the subprocess
        listening, out, err = fds
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.close(out)
        os.close(err)
        os.chdir(start["cwd"])
        os.environ.clear()
        os.environ.update(start["env"])
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        argv = [str(listening) if arg == "{fd}" else arg for arg in start["argv"]]
        from sync.server.__main__ import main

        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # a child must never return into the forker's loop
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _preload() -> None:
    """What `pos-server serve` imports before it answers, imported once here."""
    for name in ("sync.server.__main__", "sync.server.app", "sync.server.aeat", "sync.server.orders",
                 "sync.server.loyalty", "uvicorn", "uvicorn.loops.auto", "uvicorn.loops.asyncio",
                 "uvicorn.loops.uvloop", "uvicorn.protocols.http.auto", "uvicorn.protocols.websockets.auto",
                 "uvicorn.lifespan.on", "uvicorn.protocols.http.h11_impl",
                 "uvicorn.protocols.http.httptools_impl"):  # fmt: skip
        with contextlib.suppress(ImportError):
            __import__(name)


if __name__ == "__main__":
    _preload()
    serve_requests(socket.socket(fileno=int(sys.argv[1])))
