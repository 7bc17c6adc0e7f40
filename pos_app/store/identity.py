"""Who this till is, once enrolled: its device, store and till, and the server it syncs with.
Kept by the replica (replica.identity(); its token in a private file beside the database)."""

from __future__ import annotations

from dataclasses import dataclass

from sync import protocol as p


@dataclass(frozen=True, slots=True)
class Identity:
    """Who this till is, once enrolled."""

    device_id: int
    token: str
    store_id: int
    store_code: str
    store_name: str
    till_code: str
    till_name: str
    server_url: str

    @property
    def series(self) -> str:
        return f"{self.store_code}-{self.till_code}"

    @classmethod
    def from_enrolment(cls, answer: p.EnrolResponse, server_url: str) -> Identity:
        return cls(server_url=server_url, **answer.model_dump())
