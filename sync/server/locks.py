"""Every PostgreSQL advisory lock the server takes, in one table so that no two share an id
(`@unique` refuses a repeated value when the module is imported).

PostgreSQL has two key spaces for advisory locks that do not overlap: one 64-bit key, or two
32-bit keys (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS).
All are transaction-scoped (pg_advisory_xact_lock): released at commit or rollback. On SQLite
the one writer connection serialises writes instead, and none of these is taken. Every server
process of a chain must run the same version: stop them all to upgrade (the schema upgrade at
start needs that anyway).
"""

from __future__ import annotations

from enum import IntEnum, unique


@unique
class Lock(IntEnum):
    # one 64-bit key
    CHANGE_LOG = 7_406_001  # appends to the change log, so positions commit in order (changelog.py)
    MIGRATION = 7_406_002  # the schema upgrade at start, one process at a time (migrate.py)
    ENROLMENT = 7_406_003  # members enrolled at tills: card numbers and phone keys unique (loyalty.py)
    # two 32-bit keys: (this, store id)
    ORDER = 7_406_101  # a store's orders and the stock they promise (orders.py)
