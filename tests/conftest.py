"""Shared fixtures: a real central server in a child process on loopback (forked from a Python that
has it imported: tests/server_forks.py), tills on real SQLite files."""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sync.server import demo
from sync.server.store import CentralStore
from tests.server_forks import ForkedServer, Forker

ADMIN_TOKEN = "test-admin-token"
# The till's own threads: none may outlive the test that started it (any test, not only the UI's).
OUR_THREADS = ("printer", "terminal-simulator", "scale-simulator", "scale-simulator-line", "pole-display")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist, the long tests (marked `slow(seconds=...)`, what each takes in CI) start
    first, spread over the workers longest first; the rest fill in around them. xdist's worksteal
    hands each worker a contiguous share of the list, in worker order, so each worker's long
    tests go at the head of its share. Left in file order, both fault-harness runs (8-9 minutes
    each) could land on one worker, or start last, while the other worker sat idle. The tests of
    one module stay together (the packaging tests share one build)."""
    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    if workers < 2:
        return
    groups: dict[str, list[pytest.Item]] = {}
    seconds: dict[str, float] = {}
    for item in items:
        marker = item.get_closest_marker("slow")
        if marker is not None and "seconds" in marker.kwargs:
            key = item.nodeid.split("::")[0] if _shares_module_fixture(item) else item.nodeid
            groups.setdefault(key, []).append(item)
            seconds[key] = seconds.get(key, 0.0) + float(marker.kwargs["seconds"])
    bins: list[list[pytest.Item]] = [[] for _ in range(workers)]
    load = [0.0] * workers
    for key in sorted(groups, key=lambda k: -seconds[k]):  # longest first, each to the least loaded
        lightest = load.index(min(load))
        bins[lightest] += groups[key]
        load[lightest] += seconds[key]
    long_ones = {id(item) for group in groups.values() for item in group}
    rest = [item for item in items if id(item) not in long_ones]
    ordered: list[pytest.Item] = []
    remaining = len(items)
    for n, share in enumerate(bins):
        size = remaining // (workers - n)  # what worksteal gives the n-th idle worker
        filler = max(0, size - len(share))
        ordered += share + rest[:filler]
        rest = rest[filler:]
        remaining -= len(share) + filler
    items[:] = ordered + rest


def _shares_module_fixture(item: pytest.Item) -> bool:
    """Whether the test uses a fixture built once for its module (it then runs beside the others)."""
    info = getattr(item, "_fixtureinfo", None)
    definitions = info.name2fixturedefs.values() if info is not None else []
    return any(defs and defs[-1].scope in ("module", "package") for defs in definitions)


@pytest.fixture(autouse=True)
def till_threads_stopped() -> Iterator[None]:
    """A test that leaves one of the till's threads running (a receipt printer, a simulator)
    fails: leaks are how suites become flaky, and a till runs all day (a test worker once held 69
    idle printer threads). The sale services the helpers made are closed first, as a till closes
    its own."""
    import threading

    from tests.tills import close_sales

    before = set(threading.enumerate())
    yield
    close_sales()
    running = [t.name for t in set(threading.enumerate()) - before if t.name in OUR_THREADS and t.is_alive()]
    assert not running, f"threads left running: {running}"


class LiveServer:
    """`pos-server serve` as a child process on a loopback socket this object owns.

    The socket is bound before the child starts and outlives it: while no child runs, a
    connection is refused (the server is down); `start` makes it listen and hands it to a new
    child, so there is no port race and no waiting for readiness (the kernel queues early
    connections until the child accepts them).
    """

    def __init__(self, db_url: str, workers: int = 1, tls: tuple[Path, Path] | None = None) -> None:
        self.db_url = db_url
        self.workers = workers
        self.tls = tls  # (certificate, key): the server speaks HTTPS
        self.sock: socket.socket | None = None
        self.proc: subprocess.Popen[bytes] | ForkedServer | None = None
        self._bind()

    def _bind(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", getattr(self, "port", 0)))
        self.port = self.sock.getsockname()[1]

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> None:
        assert self.proc is None, "already running"
        if self.sock is None:
            self._bind()
        assert self.sock is not None
        self.sock.listen(128)
        fd = self.sock.fileno()
        env = {**os.environ, "POS_SERVER_ADMIN_TOKEN": ADMIN_TOKEN}
        argv = ["--db", self.db_url, "serve", "--fd", "{fd}", "--log-level", "warning", "--workers", str(self.workers)]
        argv += ["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])] if self.tls else []
        if self.workers == 1:  # forked from a Python that has the server imported (tests/server_forks.py)
            self.proc = Forker.shared().start(argv, env, fd)
            return
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sync.server", *(str(fd) if arg == "{fd}" else arg for arg in argv)],
            pass_fds=(fd,),
            env=env,
            start_new_session=True,  # its own process group: stop() kills every worker at once
        )

    def stop(self) -> None:
        """Kill the server process (no graceful shutdown) and stop accepting connections."""
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
            self.proc = None
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def down_but_bound(self) -> None:
        """Keep the port reserved but refuse connections (bound, not listening)."""
        self.stop()
        self._bind()


def postgres_database(tmp_name: str, template: str = "", durable: bool = True) -> str | None:
    """A fresh PostgreSQL database on this machine's server, or None if there is none. A test's
    (`durable=False`) need not outlive a crash of that PostgreSQL, which no test kills: its
    commits do not wait for the disk, as the tests' SQLite files live in tmpfs. A benchmark's
    database stays durable, so its figures are a real server's."""
    import sqlalchemy as sa

    admin_url = os.environ.get("POS_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    try:
        admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{tmp_name}"' + (f' TEMPLATE "{template}"' if template else ""))
            if not durable:
                conn.exec_driver_sql(f'ALTER DATABASE "{tmp_name}" SET synchronous_commit = off')
        admin.dispose()
    except Exception as exc:  # no driver, no server: skip or fail below
        if os.environ.get("POS_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here (POS_REQUIRE_POSTGRES) but unreachable: {exc}")
        return None
    return admin_url.rsplit("/", 1)[0] + f"/{tmp_name}"


def drop_postgres_database(url: str) -> None:
    import sqlalchemy as sa

    base, name = url.rsplit("/", 1)
    admin = sa.create_engine(base + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def empty_server_db(backend: str, tmp_path: Path) -> Iterator[str]:
    """URL of an empty database (no tables) on `backend`, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite'}"
        return
    url = postgres_database(f"pos_test_{uuid.uuid4().hex[:12]}", durable=False)
    if url is None:
        pytest.skip("no PostgreSQL at 127.0.0.1:5432 (set POS_TEST_POSTGRES); CI requires it")
    yield url
    drop_postgres_database(url)


_CHAINS: dict[str, str] = {}  # backend -> this process's demo chain, generated once, copied per test


def _demo_chain(backend: str, tmp_root: Path) -> str | None:
    if backend not in _CHAINS:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_root / f'chain-{os.getpid()}.sqlite'}"
        else:
            url = postgres_database(f"pos_chain_{uuid.uuid4().hex[:12]}", durable=False)
            if url is None:
                return None
            atexit.register(drop_postgres_database, url)
        central = CentralStore.open(url)
        demo.generate(central, skus=120, stores=2, customers=10, seed=7)
        central.dispose()
        _CHAINS[backend] = url
    return _CHAINS[backend]


def make_server_db(backend: str, tmp_path: Path) -> Iterator[str]:
    chain = _demo_chain(backend, tmp_path.parent)
    if chain is None:
        pytest.skip("no PostgreSQL at 127.0.0.1:5432 (set POS_TEST_POSTGRES); CI requires it")
    if backend == "sqlite":
        import sqlite3

        target = tmp_path / "server.sqlite"
        with (
            contextlib.closing(sqlite3.connect(chain.removeprefix("sqlite:///"))) as source,
            contextlib.closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy)
        yield f"sqlite:///{target}"
        return
    url = postgres_database(f"pos_test_{uuid.uuid4().hex[:12]}", template=chain.rsplit("/", 1)[1], durable=False)
    assert url is not None
    yield url
    drop_postgres_database(url)


@pytest.fixture
def server_db(tmp_path: Path) -> Iterator[str]:
    """URL of a server database with a small demo chain (SQLite; see tests/integration for both)."""
    yield from make_server_db("sqlite", tmp_path)


@pytest.fixture
def central(server_db: str) -> Iterator[CentralStore]:
    store = CentralStore.open(server_db)
    yield store
    store.dispose()


@pytest.fixture
def live_server(server_db: str) -> Iterator[LiveServer]:
    server = LiveServer(server_db)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def stopped_server(server_db: str) -> Iterator[LiveServer]:
    """A server whose port refuses connections until the test calls start()."""
    server = LiveServer(server_db)
    yield server
    server.stop()
