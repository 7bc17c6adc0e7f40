"""The central server's store: its database (db.py) with the chain's stores and issuer, and
the one handle the API, the CLI and the jobs are given.

The concerns live each in its module, lower layers first (none imports one above it):
db (engine, clock, settings) < hq_exceptions < devices < changelog < ledger < invoicing,
reports < this < catalog, people, loyalty, transfers, orders < ingest, snapshot < app, CLI.
The methods below the stores and the issuer are that handle's doors into those modules
(`central.enrol(...)` is `devices.enrol(central, ...)`). Each public function is one
database transaction, or runs inside the caller's (those that take a Connection).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from sync import protocol as p
from sync.rules.verifactu import valid_nif
from sync.server import changelog, devices, invoicing, ledger, reports
from sync.server import schema as t
from sync.server.db import Database
from sync.server.devices import Device
from sync.server.hq_exceptions import open_exceptions


class CentralStore(Database):
    """The chain's database: its stores and issuer here, the rest through the modules above."""

    # --- stores and the issuer -------------------------------------------------------------

    def create_store(self, code: str, name: str, city: str = "", address: str = "", postcode: str = "") -> int:
        with self.writer.begin() as conn:
            store_id = conn.execute(
                t.stores.insert()
                .values(code=code, name=name, city=city, address=address, postcode=postcode)
                .returning(t.stores.c.id)
            ).scalar_one()
            data = p.StoreData(id=store_id, code=code, name=name, city=city, address=address, postcode=postcode)
            changelog.log_changes(conn, [changelog.change("store", str(store_id), data.model_dump(mode="json"))])
            return int(store_id)

    def set_store_address(self, code: str, address: str, postcode: str, city: str) -> None:
        """A store's address as its receipts print it; replicated to every till."""
        with self.writer.begin() as conn:
            row = conn.execute(sa.select(t.stores).where(t.stores.c.code == code)).first()
            if row is None:
                raise KeyError(f"no store with code {code!r}")
            conn.execute(
                t.stores.update().where(t.stores.c.id == row.id).values(address=address, postcode=postcode, city=city)
            )
            data = p.StoreData(id=row.id, code=code, name=row.name, city=city, address=address, postcode=postcode)
            changelog.log_changes(conn, [changelog.change("store", str(row.id), data.model_dump(mode="json"))])

    def set_company(self, legal_name: str, nif: str, address: str, postcode: str = "", city: str = "") -> p.CompanyData:
        """The issuer of every receipt and invoice of the chain (RD 1619/2012, art. 6 and 7);
        `nif` must be a valid Spanish NIF (raises ValueError). Replicated to every till."""
        company = p.CompanyData(
            legal_name=legal_name.strip(), nif=valid_nif(nif), address=address.strip(), postcode=postcode, city=city
        )
        with self.writer.begin() as conn:
            values = company.model_dump()
            if conn.execute(sa.select(t.company.c.id)).first() is None:
                conn.execute(t.company.insert().values(**values))
            else:
                conn.execute(t.company.update().where(t.company.c.id == 1).values(**values))
            changelog.log_changes(conn, [changelog.change("company", "1", company.model_dump(mode="json"))])
        return company

    def company(self) -> p.CompanyData | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.company)).first()
        return None if row is None else p.CompanyData.model_validate(dict(row._mapping))

    def store_id_by_code(self, code: str) -> int:
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(t.stores.c.id).where(t.stores.c.code == code)).scalar()
        if found is None:
            raise KeyError(f"no store with code {code!r}")
        return int(found)

    # --- doors into the modules -------------------------------------------------------------

    def create_till(self, store_code: str, till_code: str, name: str, valid_hours: int = 72) -> tuple[int, str]:
        return devices.create_till(self, store_code, till_code, name, valid_hours)

    def retire_till(self, store_code: str, till_code: str) -> dict[str, Any]:
        return devices.retire_till(self, store_code, till_code)

    def enrol(self, request: p.EnrolRequest) -> p.EnrolResponse:
        return devices.enrol(self, request)

    def authenticate(self, token: str) -> Device | None:
        return devices.authenticate(self, token)

    def note_contact(self, device: Device, instance_id: str | None, app_version: str | None = None) -> None:
        devices.note_contact(self, device, instance_id, app_version)

    def note_pull(self, device: Device, cursor: int, caught_up: bool) -> None:
        devices.note_pull(self, device, cursor, caught_up)

    def changes_since(self, device: Device, cursor: int, limit: int) -> p.ChangesResponse:
        return changelog.changes_since(self, device, cursor, limit)

    def prune_changes(self, keep_days: float, now: datetime | None = None, batch: int = 10_000) -> int:
        return changelog.prune_changes(self, keep_days, now, batch)

    def stock_level(self, store_id: int, sku_id: int) -> int:
        return ledger.stock_level(self, store_id, sku_id)

    def invoicing_records(self, till_id: int | None = None) -> list[dict[str, Any]]:
        return invoicing.invoicing_records(self, till_id)

    def open_exceptions(self, limit: int = 200) -> list[dict[str, Any]]:
        return open_exceptions(self, limit)

    def event_counts(self) -> dict[str, int]:
        return reports.event_counts(self)

    def rejected_events(self, limit: int = 100) -> list[dict[str, Any]]:
        return reports.rejected_events(self, limit)

    def tills_overview(self) -> list[dict[str, Any]]:
        return reports.tills_overview(self)
