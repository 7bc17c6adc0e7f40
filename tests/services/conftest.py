"""Services against a till database built in-process (no server): the catalog, people and
promotions a snapshot would give, written with bulk SQL (tests/benchmarks/run.py), and a
cashier signed in with a shift open. Milliseconds per test instead of a server per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.services.selling import SaleService
from pos_app.store.replica import Replica
from tests.benchmarks.run import build_replica
from tests.tills import signed_in_sales

SKUS = 300


@pytest.fixture(scope="session")
def catalog_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("catalog") / "till.sqlite"
    build_replica(path, SKUS, stores=2)
    return path


@pytest.fixture
def replica(catalog_file: Path, tmp_path: Path) -> Iterator[Replica]:
    """A copy of the built till database: each test starts from the same one."""
    path = tmp_path / "till.sqlite"
    path.write_bytes(catalog_file.read_bytes())
    replica = Replica.open(path)
    yield replica
    replica.close()


@pytest.fixture
def sales(qapp, replica: Replica) -> SaleService:  # qapp: signals need the application
    return signed_in_sales(replica)
