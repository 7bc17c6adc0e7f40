"""VERI*FACTU invoicing records: the fingerprint (huella) that chains them, and the receipt's QR.

The law: Real Decreto 1007/2023 (Reglamento de los sistemas informáticos de facturación,
"RRSIF") and its technical order HAC/1177/2024. Every invoice an invoicing system issues
produces an invoicing record (registro de facturación de alta; a cancelled invoice, a registro
de anulación) in the same moment (RRSIF art. 8); each record carries the fingerprint of the
previous record of its chain (RRSIF art. 12; HAC/1177/2024 art. 13), so that a record taken out
or changed breaks every fingerprint after it.

The fingerprint is the AEAT's "Detalle de las especificaciones técnicas para generación de la
huella o hash de los registros de facturación": SHA-256 over the UTF-8 bytes of the record's
fields, written `name=value` in a fixed order and joined by `&`, in upper-case hexadecimal;
values as written in the record's XML, with leading and trailing spaces removed. The tests
reproduce the AEAT's published examples.

The QR (HAC/1177/2024 art. 21 and the AEAT's "Características del QR"): ISO/IEC 18004, error
correction level M, 30 to 40 mm, encoding the AEAT's validation URL with the issuer's NIF,
the invoice's series and number, its date and its total, each URL-encoded; with the legend
"VERI*FACTU" (art. 20) when the system sends its records to the AEAT.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from urllib.parse import quote

# The AEAT's validation service (the URL the QR carries): production and the test environment.
QR_URL_PRODUCTION = "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"
QR_URL_TEST = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"
LEGEND = "VERI*FACTU"

# F1 full invoice (art. 6 and 7 of the invoicing regulation, RD 1619/2012), F2 simplified
# invoice (art. 7.1 of RD 1619/2012: a receipt), F3 full invoice replacing simplified ones;
# R1–R4 corrective invoices of full invoices (by their cause), R5 corrective of simplified ones.
InvoiceType = Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]


class NifError(ValueError):
    """A tax id that is not a valid Spanish NIF (DNI, NIE or CIF); `code` is what was given."""

    def __init__(self, code: str) -> None:
        super().__init__(f"{code!r} is not a valid Spanish tax id (NIF)")
        self.code = code


def valid_nif(text: str) -> str:
    """The NIF in its compact form (upper case, no spaces or dashes), checked with its control
    character (python-stdnum's `es.nif`: DNI, NIE and CIF); raises NifError."""
    from stdnum.es import nif
    from stdnum.exceptions import ValidationError

    try:
        return str(nif.validate(text))
    except ValidationError:
        raise NifError(text.strip()) from None


def amount(cents: int) -> str:
    """An amount as the records write it: euros with a point and two decimals ("-12.50")."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


def record_date(day: date) -> str:
    """Dates in the records and the QR: dd-mm-yyyy."""
    return day.strftime("%d-%m-%Y")


def generated_at(moment: datetime) -> str:
    """FechaHoraHusoGenRegistro: the moment the record was made, with its UTC offset
    (yyyy-mm-ddThh:mm:ss+hh:mm); the till writes its own local time (Europe/Madrid, or
    Atlantic/Canary in the Canaries)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the record's time needs its time zone")
    return moment.replace(microsecond=0).isoformat()


def _fingerprint(fields: list[tuple[str, str]]) -> str:
    text = "&".join(f"{name}={value.strip()}" for name, value in fields)
    return hashlib.sha256(text.encode("utf-8")).hexdigest().upper()


@dataclass(frozen=True, slots=True)
class InvoiceId:
    """IDFactura: who issued it, its series and number, and the day it was issued."""

    issuer_nif: str
    number: str  # NumSerieFactura: series and number as printed, e.g. "MAD1-T1-000123"
    issued_on: date


def alta_fingerprint(
    invoice: InvoiceId,
    kind: InvoiceType,
    tax_total: int,
    total: int,
    previous: str,
    made_at: datetime,
) -> str:
    """Huella of a registro de facturación de alta; `previous` is the fingerprint of the
    previous record of the chain ("" for the first record of a chain)."""
    return _fingerprint(
        [
            ("IDEmisorFactura", invoice.issuer_nif),
            ("NumSerieFactura", invoice.number),
            ("FechaExpedicionFactura", record_date(invoice.issued_on)),
            ("TipoFactura", kind),
            ("CuotaTotal", amount(tax_total)),
            ("ImporteTotal", amount(total)),
            ("Huella", previous),
            ("FechaHoraHusoGenRegistro", generated_at(made_at)),
        ]
    )


def anulacion_fingerprint(cancelled: InvoiceId, previous: str, made_at: datetime) -> str:
    """Huella of a registro de anulación: the record that cancels an issued invoice."""
    return _fingerprint(
        [
            ("IDEmisorFacturaAnulada", cancelled.issuer_nif),
            ("NumSerieFacturaAnulada", cancelled.number),
            ("FechaExpedicionFacturaAnulada", record_date(cancelled.issued_on)),
            ("Huella", previous),
            ("FechaHoraHusoGenRegistro", generated_at(made_at)),
        ]
    )


def qr_url(invoice: InvoiceId, total: int, base: str = QR_URL_PRODUCTION) -> str:
    """The URL the receipt's QR encodes: the AEAT's validation service with the invoice's
    issuer, series and number, date and total, each URL-encoded."""
    query = "&".join(
        f"{name}={quote(value, safe='')}"
        for name, value in (
            ("nif", invoice.issuer_nif),
            ("numserie", invoice.number),
            ("fecha", record_date(invoice.issued_on)),
            ("importe", amount(total)),
        )
    )
    return f"{base}?{query}"


@dataclass(frozen=True, slots=True)
class AltaRecord:
    """A registro de facturación de alta as the till makes it: the fields its fingerprint
    covers (`hash`), and its VAT breakdown (rate in basis points, base, tax: cents)."""

    invoice: InvoiceId
    kind: InvoiceType
    tax_total: int
    total: int
    breakdown: tuple[tuple[int, int, int], ...]
    corrects: tuple[InvoiceId, ...]
    previous: str
    generated_at: str
    hash: str


def make_alta(
    invoice: InvoiceId,
    kind: InvoiceType,
    breakdown: tuple[tuple[int, int, int], ...],
    previous: str,
    made_at: datetime,
    corrects: tuple[InvoiceId, ...] = (),
) -> AltaRecord:
    """The record of an invoice just issued, chained on `previous` (the hash of the till's last
    record, "" for its first). CuotaTotal and ImporteTotal are the sums of the breakdown."""
    tax_total = sum(tax for _rate, _base, tax in breakdown)
    total = sum(base + tax for _rate, base, tax in breakdown)
    return AltaRecord(
        invoice,
        kind,
        tax_total,
        total,
        breakdown,
        corrects,
        previous,
        generated_at(made_at),
        alta_fingerprint(invoice, kind, tax_total, total, previous, made_at),
    )


@dataclass(frozen=True, slots=True)
class AnulacionRecord:
    """A registro de anulación: it names the invoice it cancels (RRSIF art. 10; HAC/1177/2024,
    art. 10), chained like every record."""

    cancelled: InvoiceId
    previous: str
    generated_at: str
    hash: str


def make_anulacion(cancelled: InvoiceId, previous: str, made_at: datetime) -> AnulacionRecord:
    """The record that cancels `cancelled`, chained on `previous`."""
    return AnulacionRecord(
        cancelled, previous, generated_at(made_at), anulacion_fingerprint(cancelled, previous, made_at)
    )
