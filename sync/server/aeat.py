"""Sending the tills' VERI*FACTU records to the AEAT, from the central server.

The law: RD 1007/2023 (RRSIF) art. 15–16 and order HAC/1177/2024 art. 14–17: a VERI*FACTU
system sends every invoicing record to the AEAT's web service (`RegFactuSistemaFacturacion`,
SOAP over HTTPS with the taxpayer's certificate), at most 1,000 records a request, waiting
between requests the `TiempoEsperaEnvio` the AEAT answered (art. 16.2); records that could not
be sent when they were made (the till was offline, the AEAT was down) are sent as soon as
possible, flagged `RemisionVoluntaria/Incidencia=S`. A till never waits for any of this: it
chains and prints its records offline; HQ sends them when it has them.

Each record's XML (`RegistroFactura`) is built once from the record as the till made it (never
re-hashed), validated against the AEAT's XSDs (`SuministroLR.xsd`, `SuministroInformacion.xsd`,
as shipped by the `verifactu-sdk` package, which also parses the AEAT's answers), kept, and
sent and exported byte for byte as kept. Each answer is kept per record: Correcto,
AceptadoConErrores or Incorrecto with the AEAT's code and text, and the request's CSV.

XML with lxml; SOAP by hand over httpx (one operation, one envelope: zeep would add a WSDL
loader and a second HTTP stack for nothing); the certificate is a PKCS#12 file read with
`cryptography`.
"""

from __future__ import annotations

import logging
import os
import ssl
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from lxml import etree
from verifactu_sdk.client import ErrorAEAT, RespuestaEnvio, parsear_respuesta
from verifactu_sdk.xml import NS_LR, NS_SF, ErrorValidacionXSD, sobre_soap, validar

from sync.rules.verifactu import InvoiceId, amount, make_alta, record_date, valid_nif
from sync.server import hq_exceptions
from sync.server import schema as t
from sync.server.db import utcnow
from sync.server.settings import ServerSettings
from sync.server.store import CentralStore

log = logging.getLogger("pos-server.aeat")
MAX_RECORDS = 1000  # per request (HAC/1177/2024 art. 16.2)
DEFAULT_WAIT = 60  # seconds between requests until the AEAT says otherwise
DUPLICATE = 3000  # the AEAT's code for a record it already has: it was registered before
HQ_TILL = 0  # records HQ makes itself (corrections) chain in HQ's own installation
_NSMAP = {"sum": NS_LR, "sum1": NS_SF}

# The AEAT's answer per record, as HQ keeps it.
STATES = {"Correcto": "accepted", "AceptadoConErrores": "accepted_with_errors", "Incorrecto": "rejected"}


@dataclass(frozen=True)
class Software:
    """SistemaInformatico: who produced the invoicing system and which one it is (RRSIF art.
    13: the producer's declaración responsable names the same). The producer's name and NIF
    are settings (POS_SERVER_PRODUCER_NAME, POS_SERVER_PRODUCER_NIF)."""

    producer_name: str
    producer_nif: str
    name: str = "Omni POS"
    system_id: str = "OP"  # IdSistemaInformatico: two characters
    version: str = ""

    @classmethod
    def this(cls, producer_name: str, producer_nif: str) -> Software:
        try:
            version = metadata.version("omni-pos")
        except metadata.PackageNotFoundError:
            version = "0"
        return cls(producer_name, producer_nif, version=version)


class AeatError(RuntimeError):
    """The AEAT could not be reached or gave no usable answer; the records wait."""


def _sf(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS_SF}}}{name}")
    if text is not None:
        element.text = text
    return element


def _invoice_id(parent: etree._Element, name: str, nif: str, number: str, day: str) -> None:
    element = _sf(parent, name)
    _sf(element, "IDEmisorFactura", nif)
    _sf(element, "NumSerieFactura", number)
    _sf(element, "FechaExpedicionFactura", day)


def _rate(rate_bp: int) -> str:
    return f"{rate_bp // 100}.{rate_bp % 100:02d}"


def registro_xml(
    record: dict[str, Any],
    previous: dict[str, Any] | None,
    company_name: str,
    installation: str,
    software: Software,
    rejected_before: bool = False,
) -> etree._Element:
    """The record's `RegistroFactura` (a RegistroAlta or a RegistroAnulacion), fields in the
    order of SuministroInformacion.xsd, values exactly as the till hashed them. `previous` is
    the record it chains on (None: the first of its chain)."""
    wrapper = etree.Element(f"{{{NS_LR}}}RegistroFactura", nsmap=_NSMAP)
    day = record_date(date.fromisoformat(record["issued_on"]))
    if record["record_type"] == "anulacion":
        element = _sf(wrapper, "RegistroAnulacion")
        _sf(element, "IDVersion", "1.0")
        invoice = _sf(element, "IDFactura")
        _sf(invoice, "IDEmisorFacturaAnulada", record["issuer_nif"])
        _sf(invoice, "NumSerieFacturaAnulada", record["number"])
        _sf(invoice, "FechaExpedicionFacturaAnulada", day)
    else:
        element = _sf(wrapper, "RegistroAlta")
        _sf(element, "IDVersion", "1.0")
        _invoice_id(element, "IDFactura", record["issuer_nif"], record["number"], day)
        _sf(element, "NombreRazonEmisor", company_name[:120])
        if record.get("corrects_record_id"):  # HQ's correction of a record the AEAT rejected
            _sf(element, "Subsanacion", "S")
            _sf(element, "RechazoPrevio", "S" if rejected_before else "N")
        kind = record["invoice_type"]
        _sf(element, "TipoFactura", kind)
        if kind.startswith("R"):
            _sf(element, "TipoRectificativa", "I")  # by differences: the return's own amounts
            fixed = _sf(element, "FacturasRectificadas")
            for c in record["corrects"]:
                _invoice_id(fixed, "IDFacturaRectificada", record["issuer_nif"], c["number"],
                            record_date(date.fromisoformat(c["issued_on"])))  # fmt: skip
        if record["replaces"]:
            replaced = _sf(element, "FacturasSustituidas")
            for c in record["replaces"]:
                _invoice_id(replaced, "IDFacturaSustituida", record["issuer_nif"], c["number"],
                            record_date(date.fromisoformat(c["issued_on"])))  # fmt: skip
        descriptions = {"F2": "Venta en tienda", "F3": "Factura en sustitución de factura simplificada",
                        "R5": "Devolución en tienda", "R1": "Devolución en tienda"}  # fmt: skip
        _sf(element, "DescripcionOperacion", descriptions.get(kind, "Venta"))
        if record["recipient_nif"]:
            recipients = _sf(element, "Destinatarios")
            person = _sf(recipients, "IDDestinatario")
            _sf(person, "NombreRazon", record["recipient_name"][:120] or record["recipient_nif"])
            _sf(person, "NIF", record["recipient_nif"])
        breakdown = _sf(element, "Desglose")
        for line in record["breakdown"]:
            detail = _sf(breakdown, "DetalleDesglose")
            _sf(detail, "Impuesto", "01")  # IVA
            _sf(detail, "ClaveRegimen", "01")  # régimen general
            _sf(detail, "CalificacionOperacion", "S1")  # subject, not reverse-charged
            _sf(detail, "TipoImpositivo", _rate(line["rate_bp"]))
            _sf(detail, "BaseImponibleOimporteNoSujeto", amount(line["base"]))
            _sf(detail, "CuotaRepercutida", amount(line["tax"]))
        _sf(element, "CuotaTotal", amount(record["tax_total"]))
        _sf(element, "ImporteTotal", amount(record["total"]))
    chain = _sf(element, "Encadenamiento")
    if previous is None:
        _sf(chain, "PrimerRegistro", "S")
    else:
        before = _sf(chain, "RegistroAnterior")
        _sf(before, "IDEmisorFactura", previous["issuer_nif"])
        _sf(before, "NumSerieFactura", previous["number"])
        _sf(before, "FechaExpedicionFactura", record_date(date.fromisoformat(previous["issued_on"])))
        _sf(before, "Huella", previous["hash"])
    system = _sf(element, "SistemaInformatico")
    _sf(system, "NombreRazon", software.producer_name[:120])
    _sf(system, "NIF", software.producer_nif)
    _sf(system, "NombreSistemaInformatico", software.name)
    _sf(system, "IdSistemaInformatico", software.system_id)
    _sf(system, "Version", software.version)
    _sf(system, "NumeroInstalacion", installation)
    _sf(system, "TipoUsoPosibleSoloVerifactu", "S")
    _sf(system, "TipoUsoPosibleMultiOT", "N")
    _sf(system, "IndicadorMultiplesOT", "N")
    _sf(element, "FechaHoraHusoGenRegistro", record["generated_at"])
    _sf(element, "TipoHuella", "01")  # SHA-256
    _sf(element, "Huella", record["hash"])
    return wrapper


def request_xml(company_name: str, company_nif: str, registros: Sequence[bytes], late: bool) -> etree._Element:
    """A `RegFactuSistemaFacturacion` request: the taxpayer, the incident flag for records sent
    late (HAC/1177/2024 art. 16.3), and up to 1,000 records as kept."""
    if not 0 < len(registros) <= MAX_RECORDS:
        raise ValueError(f"a request carries 1 to {MAX_RECORDS} records")
    root = etree.Element(f"{{{NS_LR}}}RegFactuSistemaFacturacion", nsmap=_NSMAP)
    header = etree.SubElement(root, f"{{{NS_LR}}}Cabecera")
    taxpayer = _sf(header, "ObligadoEmision")
    _sf(taxpayer, "NombreRazon", company_name[:120])
    _sf(taxpayer, "NIF", company_nif)
    if late:
        _sf(_sf(header, "RemisionVoluntaria"), "Incidencia", "S")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for registro in registros:
        root.append(etree.fromstring(registro, parser))
    return root


def check(element: etree._Element) -> list[str]:
    """What the AEAT's XSDs find wrong with a request or a single RegistroFactura (empty: valid)."""
    if element.tag == f"{{{NS_LR}}}RegistroFactura":
        # The XSDs validate whole requests: a lone record goes in one with a placeholder header.
        element = request_xml("X", "B12345674", [etree.tostring(element)], False)
    try:
        validar(element)
    except ErrorValidacionXSD as exc:
        return list(exc.errores)
    return []


def ssl_context(pkcs12_path: str, password: str) -> ssl.SSLContext:
    """A TLS context that presents the company's certificate (a PKCS#12 file, as the FNMT and
    other issuers deliver it) to the AEAT. Raises AeatError with what is wrong."""
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, pkcs12

    try:
        key, cert, extra = pkcs12.load_key_and_certificates(Path(pkcs12_path).read_bytes(), password.encode() or None)
    except FileNotFoundError:
        raise AeatError(f"the company certificate {pkcs12_path} does not exist") from None
    except ValueError as exc:
        raise AeatError(f"the company certificate {pkcs12_path} cannot be opened (wrong password?): {exc}") from None
    if key is None or cert is None:
        raise AeatError(f"the company certificate {pkcs12_path} holds no key and certificate")
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()) + cert.public_bytes(Encoding.PEM)
    pem += b"".join(c.public_bytes(Encoding.PEM) for c in extra or [])
    context = ssl.create_default_context()
    handle, name = tempfile.mkstemp(suffix=".pem")  # ssl loads a chain from a file only
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pem)
        context.load_cert_chain(name)
    finally:
        os.unlink(name)
    return context


class Builder:
    """Builds each record's XML once, and keeps it (in `conn`'s transaction): what is sent and
    what is exported are then the same bytes."""

    def __init__(self, conn: sa.Connection, software: Software) -> None:
        self.conn = conn
        self.software = software
        self.company = conn.execute(sa.select(t.company.c.legal_name)).scalar() or ""
        self.installations: dict[int, str] = {HQ_TILL: "HQ"}

    def build(self, row: dict[str, Any]) -> str:
        """Build and keep `row`'s XML (also set in `row`); returns what prevents it ("" when built)."""
        r = t.invoicing_records
        previous = None
        if row["previous_hash"]:
            found = self.conn.execute(sa.select(r).where(r.c.hash == row["previous_hash"])).mappings().first()
            if found is None:
                return "the record it chains on is not at HQ"
            previous = dict(found)
        rejected_before = False
        if row["corrects_record_id"]:
            answered = sa.select(r.c.aeat_code).where(r.c.id == row["corrects_record_id"])
            rejected_before = self.conn.execute(answered).scalar() is not None
        installation = self._installation(row["till_id"])
        element = registro_xml(row, previous, self.company, installation, self.software, rejected_before)
        problems = check(element)
        if problems:
            return "; ".join(problems[:3])
        row["xml"] = etree.tostring(element, encoding="unicode")
        self.conn.execute(r.update().where(r.c.id == row["id"]).values(xml=row["xml"]))
        return ""

    def _installation(self, till_id: int) -> str:
        """NumeroInstalacion: the till (store code and till code), or HQ for HQ's own records."""
        if till_id not in self.installations:
            found = self.conn.execute(
                sa.select(t.stores.c.code, t.tills.c.code)
                .select_from(t.tills.join(t.stores, t.stores.c.id == t.tills.c.store_id))
                .where(t.tills.c.id == till_id)
            ).first()
            self.installations[till_id] = f"{found[0]}-{found[1]}" if found else str(till_id)
        return self.installations[till_id]


@dataclass
class Outcome:
    """What one round of sending did."""

    sent: int = 0
    late: bool = False
    state: str = ""
    wait: float = DEFAULT_WAIT
    error: str = ""


class Sender:
    """Sends what waits, a request at a time, in chain order; keeps every answer."""

    def __init__(
        self,
        central: CentralStore,
        url: str,
        software: Software,
        *,
        verify: ssl.SSLContext | bool | str = True,
        timeout: float = 30.0,
        late_after: float = 240.0,
    ) -> None:
        self.central = central
        self.url = url
        self.software = software
        self.late_after = timedelta(seconds=late_after)
        self.http = httpx.Client(verify=verify, timeout=timeout)
        self.wait = float(DEFAULT_WAIT)

    def close(self) -> None:
        self.http.close()

    def send_once(self, now: datetime | None = None) -> Outcome:
        """Send one request of waiting records (at most 1,000; all late or all on time) and keep
        the answers. Nothing waiting: Outcome with sent 0."""
        now = now or datetime.now(UTC)
        company = self.central.company()
        if company is None:
            return Outcome(error="no company data: pos-server set-company")
        batch = self._next_batch(now)
        if not batch:
            return Outcome(wait=self.wait)
        late = self._is_late(batch[0], now)
        request = request_xml(company.legal_name, company.nif, [r["xml"].encode() for r in batch], late)
        body = sobre_soap(request)
        outcome = Outcome(sent=len(batch), late=late)
        try:
            answer = self._post(body)
        except AeatError as exc:
            outcome.state, outcome.error = "failed", str(exc)
            self._keep_submission(now, batch, late, body, None, outcome)
            outcome.wait = min(max(self.wait, 10.0) * 2, 600.0)
            return outcome
        self.wait = float(answer.tiempo_espera or DEFAULT_WAIT)
        outcome.state, outcome.wait = answer.estado, self.wait
        self._keep_submission(now, batch, late, body, answer, outcome)
        return outcome

    def _post(self, body: bytes) -> RespuestaEnvio:
        try:
            response = self.http.post(
                self.url, content=body, headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'}
            )
        except httpx.HTTPError as exc:
            raise AeatError(f"the AEAT could not be reached: {exc!r}") from None
        if response.status_code >= 400 and b"Envelope" not in response.content:
            raise AeatError(f"the AEAT answered HTTP {response.status_code}: {response.text[:200]!r}")
        try:
            return parsear_respuesta(response.content)
        except ErrorAEAT as exc:
            raise AeatError(f"the AEAT refused the request ({exc.faultcode}): {exc.faultstring}") from None
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise AeatError(f"the AEAT's answer (HTTP {response.status_code}) does not parse: {exc}") from None

    def _is_late(self, record: dict[str, Any], now: datetime) -> bool:
        """Sent late: made longer ago than a normal round takes, or tried before and not answered."""
        made = datetime.fromisoformat(record["generated_at"])
        return bool(record["submission_id"]) or now - made > self.late_after

    def _next_batch(self, now: datetime) -> list[dict[str, Any]]:
        """Waiting records in arrival order (each till's in its chain order), their XML built
        and kept the first time; records that cannot be built wait as unsendable, raised for HQ.
        The batch stops where lateness changes: the flag is per request."""
        r = t.invoicing_records
        batch: list[dict[str, Any]] = []
        with self.central.writer.begin() as conn:
            builder = Builder(conn, self.software)
            rows = conn.execute(
                sa.select(r).where(r.c.aeat_state == "waiting").order_by(r.c.id).limit(MAX_RECORDS)
            ).mappings()
            for row in [dict(x) for x in rows]:
                if row["xml"] is None:
                    problem = builder.build(row)
                    if problem:
                        conn.execute(r.update().where(r.c.id == row["id"]).values(aeat_state="unsendable",
                                                                                   aeat_text=problem))  # fmt: skip
                        hq_exceptions.raise_exception(
                            conn, "invoicing_record_unsendable", row["store_id"], row["till_id"] or None,
                            f"invoicing record {row['number']} cannot be sent to the AEAT: {problem}",
                        )  # fmt: skip
                        continue
                if batch and self._is_late(row, now) != self._is_late(batch[0], now):
                    break
                batch.append(row)
        return batch

    def _keep_submission(
        self,
        now: datetime,
        batch: list[dict[str, Any]],
        late: bool,
        body: bytes,
        answer: RespuestaEnvio | None,
        outcome: Outcome,
    ) -> None:
        r = t.invoicing_records
        sent_at = now.isoformat()
        with self.central.writer.begin() as conn:
            submission = conn.execute(
                t.aeat_submissions.insert()
                .values(
                    sent_at=sent_at,
                    late=late,
                    records=len(batch),
                    state=outcome.state,
                    csv=answer.csv if answer else None,
                    wait_seconds=answer.tiempo_espera if answer else None,
                    error=outcome.error or None,
                    request=body.decode(),
                    response=answer.xml.decode() if answer else None,
                )
                .returning(t.aeat_submissions.c.id)
            ).scalar_one()
            ids = [row["id"] for row in batch]
            conn.execute(r.update().where(r.c.id.in_(ids)).values(submission_id=submission))
            if answer is None:
                return
            by_key = {(row["number"], "Anulacion" if row["record_type"] == "anulacion" else "Alta"): row
                      for row in batch}  # fmt: skip
            for line in answer.lineas:
                row = by_key.get((line.num_serie, line.tipo_operacion))
                if row is None:
                    continue
                state = STATES.get(line.estado, "rejected")
                if line.codigo_error == DUPLICATE:  # the AEAT had it already: an earlier answer was lost
                    state = "accepted"
                conn.execute(
                    r.update()
                    .where(r.c.id == row["id"])
                    .values(
                        aeat_state=state, aeat_code=line.codigo_error, aeat_text=line.descripcion_error, sent_at=sent_at
                    )
                )
                if state == "rejected":
                    hq_exceptions.raise_exception(
                        conn, "invoicing_record_rejected", row["store_id"], row["till_id"] or None,
                        f"the AEAT rejected invoicing record {row['number']} ({line.codigo_error}): "
                        f"{line.descripcion_error}. Correct it: pos-server verifactu-correct {row['number']}",
                    )  # fmt: skip


def sender(central: CentralStore, settings: ServerSettings) -> Sender:
    """The Sender the settings describe; AeatError says what is missing (the URL, the producer,
    the company's certificate for an https URL)."""
    if not settings.aeat_url:
        raise AeatError("no AEAT URL: set POS_SERVER_AEAT_URL (the AEAT's test or production service)")
    if not settings.producer_nif:
        raise AeatError("the producer of the invoicing system is not set: POS_SERVER_PRODUCER_NAME and _NIF")
    verify: ssl.SSLContext | bool = True
    if settings.aeat_url.startswith("https://"):
        if not settings.aeat_pkcs12:
            raise AeatError("no company certificate: set POS_SERVER_AEAT_PKCS12 (a .p12/.pfx file) and its password")
        verify = ssl_context(settings.aeat_pkcs12, settings.aeat_pkcs12_password)
    return Sender(
        central,
        settings.aeat_url,
        Software.this(settings.producer_name or settings.producer_nif, settings.producer_nif),
        verify=verify,
        timeout=settings.aeat_timeout,
        late_after=settings.aeat_late_after,
    )


def correct(central: CentralStore, number: str, recipient_nif: str = "", recipient_name: str = "") -> int:
    """HQ's correction (subsanación) of a record the AEAT rejected: a new registro de alta of the
    same invoice with the corrected customer, made by HQ's own installation and chained in HQ's
    chain (RRSIF art. 12: a record is never changed; a correction is another record). The
    rejected record is marked corrected. Returns the new record's id."""
    r = t.invoicing_records
    nif = valid_nif(recipient_nif) if recipient_nif else ""
    with central.writer.begin() as conn:
        rejected = (
            conn.execute(
                sa.select(r).where(r.c.number == number, r.c.aeat_state == "rejected", r.c.record_type == "alta")
            )
            .mappings()
            .first()
        )
        if rejected is None:
            raise ValueError(f"no rejected record of invoice {number}")
        rejected_row = dict(rejected)
        head = (
            conn.execute(sa.select(r.c.hash).where(r.c.till_id == HQ_TILL).order_by(r.c.id.desc()).limit(1)).scalar()
            or ""
        )
        rates = tuple((b["rate_bp"], b["base"], b["tax"]) for b in rejected_row["breakdown"])
        invoice = InvoiceId(rejected_row["issuer_nif"], number, date.fromisoformat(rejected_row["issued_on"]))
        made = make_alta(invoice, rejected_row["invoice_type"], rates, head, datetime.now(UTC).astimezone(), ())
        values = {
            **{k: rejected_row[k] for k in ("store_id", "sale_id", "record_type", "invoice_type", "issuer_nif",
                                           "number", "issued_on", "tax_total", "total", "breakdown", "corrects",
                                           "replaces")},
            "till_id": HQ_TILL,
            "recipient_nif": nif or rejected_row["recipient_nif"],
            "recipient_name": recipient_name or rejected_row["recipient_name"],
            "previous_hash": head,
            "generated_at": made.generated_at,
            "hash": made.hash,
            "received_at": utcnow(),
            "corrects_record_id": rejected_row["id"],
        }  # fmt: skip
        new_id = conn.execute(r.insert().values(**values).returning(r.c.id)).scalar_one()
        conn.execute(r.update().where(r.c.id == rejected_row["id"]).values(aeat_state="corrected"))
    return int(new_id)


def status(central: CentralStore) -> list[dict[str, Any]]:
    """Per store and till: records waiting, sent and accepted, rejected, and the oldest unsent."""
    r = t.invoicing_records
    waiting = r.c.aeat_state == "waiting"
    query = (
        sa.select(
            sa.func.coalesce(t.stores.c.code, "").label("store"),
            sa.func.coalesce(t.tills.c.code, "HQ").label("till"),
            sa.func.sum(sa.case((waiting, 1), else_=0)).label("waiting"),
            sa.func.sum(sa.case((r.c.aeat_state.in_(["accepted", "accepted_with_errors"]), 1), else_=0)).label("sent"),
            sa.func.sum(sa.case((r.c.aeat_state == "rejected", 1), else_=0)).label("rejected"),
            sa.func.sum(sa.case((r.c.aeat_state == "unsendable", 1), else_=0)).label("unsendable"),
            sa.func.min(sa.case((waiting, r.c.generated_at), else_=None)).label("oldest_unsent"),
        )
        .select_from(
            r.outerjoin(t.tills, t.tills.c.id == r.c.till_id).outerjoin(t.stores, t.stores.c.id == r.c.store_id)
        )
        .group_by(t.stores.c.code, t.tills.c.code)
        .order_by(t.stores.c.code, t.tills.c.code)
    )
    with central.engine.connect() as conn:
        return [
            {
                **dict(row._mapping),
                **{k: int(row._mapping[k] or 0) for k in ("waiting", "sent", "rejected", "unsendable")},
            }
            for row in conn.execute(query)
        ]


def export(
    central: CentralStore, software: Software, since: date, until: date, store: str | None = None
) -> Iterator[bytes]:
    """The records made between two days (inclusive), as submitted (or as they will be), in
    `RegFactuSistemaFacturacion` bodies of at most 1,000 records, each till's in chain order.
    Records not built yet are built now and kept, so that what is sent is what was exported."""
    company = central.company()
    if company is None:
        raise ValueError("no company data: pos-server set-company")
    r = t.invoicing_records
    query = sa.select(r).where(r.c.issued_on >= since.isoformat(), r.c.issued_on <= until.isoformat())
    if store:
        query = query.where(r.c.store_id == central.store_id_by_code(store))
    with central.writer.begin() as conn:
        builder = Builder(conn, software)
        rows = [dict(x) for x in conn.execute(query.order_by(r.c.till_id, r.c.id)).mappings()]
        for row in rows:
            if row["xml"] is None:
                builder.build(row)  # one that cannot be built is left out; sending marks it unsendable
    kept = [row["xml"].encode() for row in rows if row["xml"] is not None]
    for start in range(0, len(kept), MAX_RECORDS):
        request = request_xml(company.legal_name, company.nif, kept[start : start + MAX_RECORDS], False)
        yield etree.tostring(request, encoding="UTF-8", xml_declaration=True, pretty_print=True)
