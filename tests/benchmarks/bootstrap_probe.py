"""Child process of the `bootstrap` benchmark: an empty till loads the snapshot from a server.

Run as its own process so that its peak memory is the till's alone.
    python tests/benchmarks/bootstrap_probe.py URL TOKEN TILL_DB  ->  prints one JSON line
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pos_app.store.replica import Replica, SnapshotWriter
from sync.client.engine import SyncEngine

SWAP: list[float] = []
_finish = SnapshotWriter.finish


def timed_finish(writer: SnapshotWriter, cursor: int, member_key: str = "") -> None:
    """The swap: the only part of a bootstrap during which the till's database is locked."""
    start = time.perf_counter()
    _finish(writer, cursor, member_key)
    SWAP.append(time.perf_counter() - start)


SnapshotWriter.finish = timed_finish  # type: ignore[method-assign]


async def main(url: str, token: str, db: Path) -> dict:
    replica = Replica.open(db)
    engine = SyncEngine(url, token, replica, timeout=120)
    start = time.perf_counter()
    rows = await engine.bootstrap()
    seconds = time.perf_counter() - start
    hit = replica.item_by_barcode("8400000000017") is not None and bool(replica.search("cam", 5))
    # Ready (durable, scannable, searchable); then the sync thread's chore, timed apart.
    start = time.perf_counter()
    replica.checkpoint()
    checkpoint = time.perf_counter() - start
    await engine.aclose()
    replica.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds, "rows": rows, "peak_mb": peak_mb, "ready": hit, "checkpoint_s": checkpoint,
        "locked_s": sum(SWAP),
    }  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2], Path(sys.argv[3])))))
