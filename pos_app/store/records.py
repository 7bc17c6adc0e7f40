"""What every part of the till's database is built on: the replica it belongs to.

The replica (replica.py) is composed of parts, one per concern, as Anki's Collection composes
its managers: `replica.sales` (sales, returns, shifts, people: till_records.py), `.members`
(members.py), `.orders` (order_records.py), `.stock` (stock_records.py). Each works on the
replica's one connection and its transactions, and queues its facts in the replica's outbox, so
a part never has to know the others except through `self.db`."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sync import protocol as p

if TYPE_CHECKING:
    from pos_app.store.replica import Replica


class Records:
    def __init__(self, db: Replica) -> None:
        self.db = db

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return self.db.transaction()

    def meta(self, key: str) -> str | None:
        return self.db.meta(key)

    def cursor(self) -> int | None:
        return self.db.cursor()

    def _fact(self, conn: sqlite3.Connection, type_: str, payload: p.Model, created: str) -> str:
        """Queue a fact for the server in the replica's outbox (Replica.record_fact)."""
        return self.db.record_fact(conn, type_, payload, created)
