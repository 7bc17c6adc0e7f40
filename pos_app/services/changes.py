"""What changed: the one notice open screens redraw from (Anki's OpChanges, told through
`operation_did_execute`; here `Till.changed`).

An operation at this till tells it once its transaction commits (the replica announces the
facts it recorded, FACT_CHANGES in store/replica.py); a pull tells it with the entities of the
changes it applied. A screen keeps to what it shows: `if "order" in changes: redraw()`.
"""

from __future__ import annotations


class Changes(frozenset[str]):
    """The names of the entities changed (the protocol's p.EntityName, and the till's own
    "sale" and "shift"); `here`: by an operation at this till, else brought by a pull."""

    here: bool

    def __new__(cls, entities: frozenset[str] | set[str] = frozenset(), here: bool = False) -> Changes:
        changes = super().__new__(cls, entities)
        changes.here = here
        return changes

    def __repr__(self) -> str:
        return f"Changes({sorted(self)}, here={self.here})"
