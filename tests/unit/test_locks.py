"""Every advisory lock the server takes comes from the one table (sync/server/locks.py), where
no two share an id: two locks on one id would serialise unrelated work, or worse, let a
holder of one think it holds the other."""

from __future__ import annotations

import re
from pathlib import Path

from sync.server.locks import Lock

SERVER = Path(__file__).resolve().parents[2] / "sync" / "server"


def test_each_advisory_lock_taken_names_its_entry_in_the_table():
    taken = []
    for path in SERVER.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"pg_advisory(?:_xact)?_lock\(", text):
            line = text[text.rfind("\n", 0, call.start()) + 1 : text.find("\n", call.end())]
            assert "Lock." in line, f"{path.name}: an advisory lock not from sync/server/locks.py: {line.strip()}"
            taken += re.findall(r"Lock\.([A-Z_]+)", line)
    assert set(taken) == {lock.name for lock in Lock}  # each used, none left over
    single = [Lock.CHANGE_LOG, Lock.MIGRATION, Lock.ENROLMENT]
    assert len({int(k) for k in single}) == len(single)
