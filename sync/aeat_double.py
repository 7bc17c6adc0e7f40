"""A stand-in for the AEAT's VERI*FACTU web service, for the tests and the demo: no test and no
demo ever calls the real AEAT.

It speaks the published protocol: a SOAP 1.1 POST carrying `RegFactuSistemaFacturacion`,
validated against the AEAT's XSDs (as shipped by `verifactu-sdk`); a request that does not
validate is refused with a SOAP Fault, as the AEAT does. Each record's fingerprint is
recomputed (with verifactu-sdk's own implementation, not the project's) and its chain link
checked against the last record received from the same installation (NumeroInstalacion). The
answer is a `RespuestaRegFactuSistemaFacturacion` that validates against
`RespuestaSuministro.xsd` (checked before it is sent).

It can be told (POST /control, JSON) to be down (HTTP 503), slow (seconds before answering), to
answer garbage, to reject given invoice numbers (their first submission only: a correction is
accepted), and what TiempoEsperaEnvio to answer. GET /received lists every record it was sent,
in order, with what it answered.

    python -m sync.aeat_double --port 8700
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request, Response
from lxml import etree
from verifactu_sdk.hashing import huella_alta, huella_anulacion
from verifactu_sdk.xml import NS_LR, NS_SF, NS_SOAP, ErrorValidacionXSD, validar

NS_R = NS_LR.replace("SuministroLR.xsd", "RespuestaSuministro.xsd")
REJECTED_ON_REQUEST = 4104  # the code this double answers for a record it was told to reject
WRONG_HASH = 2000
BROKEN_CHAIN = 2001
DUPLICATE = 3000


@cache
def _answer_schema() -> etree.XMLSchema:
    path = resources.files("verifactu_sdk") / "schemas" / "RespuestaSuministro.xsd"
    with resources.as_file(path) as file:
        return etree.XMLSchema(etree.parse(str(file), etree.XMLParser(no_network=True)))


def _text(element: etree._Element, path: str) -> str:
    found = element.find(path, {"sf": NS_SF})
    return (found.text or "").strip() if found is not None else ""


@dataclass
class Received:
    """One record as the double received it, and what it answered."""

    operation: str  # Alta or Anulacion
    issuer: str
    number: str
    day: str
    kind: str
    installation: str
    hash: str
    incident: bool
    correction: bool
    state: str
    code: int | None = None
    text: str = ""


@dataclass
class Double:
    down: bool = False
    delay: float = 0.0
    garbage: bool = False
    wait: int = 60
    reject: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)
    requests: int = 0
    last_by_installation: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, body: bytes) -> tuple[int, bytes]:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            envelope = etree.fromstring(body, parser)
            validar(envelope)
        except (etree.XMLSyntaxError, ErrorValidacionXSD) as exc:
            return 500, _fault("soapenv:Client", f"Error en el esquema: {exc}")
        request = envelope.find(f"{{{NS_SOAP}}}Body")[0]
        header = request.find(f"{{{NS_LR}}}Cabecera")
        assert header is not None
        incident = _text(header, "sf:RemisionVoluntaria/sf:Incidencia") == "S"
        lines = []
        with self.lock:
            self.requests += 1
            for registro in request.iterfind(f"{{{NS_LR}}}RegistroFactura"):
                got = self._record(registro[0], incident)
                self.received.append(got)
                lines.append(got)
        return 200, _response(header, lines, self.wait)

    def _record(self, record: etree._Element, incident: bool) -> Received:
        alta = etree.QName(record).localname == "RegistroAlta"
        suffix = "" if alta else "Anulada"
        issuer = _text(record, f"sf:IDFactura/sf:IDEmisorFactura{suffix}")
        number = _text(record, f"sf:IDFactura/sf:NumSerieFactura{suffix}")
        day = _text(record, f"sf:IDFactura/sf:FechaExpedicionFactura{suffix}")
        installation = _text(record, "sf:SistemaInformatico/sf:NumeroInstalacion")
        previous = _text(record, "sf:Encadenamiento/sf:RegistroAnterior/sf:Huella")
        made = _text(record, "sf:FechaHoraHusoGenRegistro")
        given = _text(record, "sf:Huella")
        if alta:
            expected = huella_alta(
                id_emisor=issuer, num_serie=number, fecha_expedicion=day, tipo_factura=_text(record, "sf:TipoFactura"),
                cuota_total=_text(record, "sf:CuotaTotal"), importe_total=_text(record, "sf:ImporteTotal"),
                huella_anterior=previous, fecha_hora_huso_gen=made,
            )  # fmt: skip
        else:
            expected = huella_anulacion(
                id_emisor=issuer, num_serie=number, fecha_expedicion=day, huella_anterior=previous,
                fecha_hora_huso_gen=made,
            )  # fmt: skip
        correction = _text(record, "sf:Subsanacion") == "S"
        got = Received(
            "Alta" if alta else "Anulacion", issuer, number, day, _text(record, "sf:TipoFactura"), installation,
            given, incident, correction, "Correcto",
        )  # fmt: skip
        accepted = {(r.operation, r.issuer, r.number, r.day) for r in self.received if r.state != "Incorrecto"}
        if (got.operation, issuer, number, day) in accepted and not correction:
            got.state, got.code, got.text = "Incorrecto", DUPLICATE, "Registro de facturación duplicado"
            return got  # a record sent again: it does not move the installation's chain
        last = self.last_by_installation.get(installation, "")
        self.last_by_installation[installation] = given
        if expected != given:
            got.state, got.code, got.text = "Incorrecto", WRONG_HASH, f"La huella no es correcta (esperada {expected})"
        elif previous != last:
            got.state, got.code = "Incorrecto", BROKEN_CHAIN
            got.text = f"El registro anterior de la instalación {installation} no es {previous[:12] or 'ninguno'}"
        elif number in self.reject and not correction:
            got.state, got.code = "Incorrecto", REJECTED_ON_REQUEST
            got.text = "El NIF del destinatario no está identificado (rechazo pedido a la AEAT simulada)"
        return got


def _fault(code: str, text: str) -> bytes:
    envelope = etree.Element(f"{{{NS_SOAP}}}Envelope", nsmap={"soapenv": NS_SOAP})
    fault = etree.SubElement(etree.SubElement(envelope, f"{{{NS_SOAP}}}Body"), f"{{{NS_SOAP}}}Fault")
    etree.SubElement(fault, "faultcode").text = code
    etree.SubElement(fault, "faultstring").text = text[:1500]
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def _response(header: etree._Element, lines: list[Received], wait: int) -> bytes:
    def r(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
        element = etree.SubElement(parent, f"{{{NS_R}}}{name}")
        element.text = text
        return element

    def sf(parent: etree._Element, name: str, text: str) -> None:
        etree.SubElement(parent, f"{{{NS_SF}}}{name}").text = text

    envelope = etree.Element(f"{{{NS_SOAP}}}Envelope", nsmap={"env": NS_SOAP, "tikR": NS_R, "tik": NS_SF})
    answer = etree.SubElement(
        etree.SubElement(envelope, f"{{{NS_SOAP}}}Body"), f"{{{NS_R}}}RespuestaRegFactuSistemaFacturacion"
    )
    wrong = sum(line.state == "Incorrecto" for line in lines)
    if wrong < len(lines):
        r(answer, "CSV", "A-" + secrets.token_hex(7).upper())
    copied = r(answer, "Cabecera")
    for child in header:
        copied.append(etree.fromstring(etree.tostring(child)))
    r(answer, "TiempoEsperaEnvio", str(wait))
    r(
        answer,
        "EstadoEnvio",
        "Correcto" if not wrong else "Incorrecto" if wrong == len(lines) else "ParcialmenteCorrecto",
    )
    for line in lines:
        out = r(answer, "RespuestaLinea")
        invoice = r(out, "IDFactura")
        sf(invoice, "IDEmisorFactura", line.issuer)
        sf(invoice, "NumSerieFactura", line.number)
        sf(invoice, "FechaExpedicionFactura", line.day)
        operation = r(out, "Operacion")
        sf(operation, "TipoOperacion", line.operation)
        r(out, "EstadoRegistro", line.state)
        if line.code is not None:
            r(out, "CodigoErrorRegistro", str(line.code))
            r(out, "DescripcionErrorRegistro", line.text)
    schema = _answer_schema()
    if not schema.validate(answer):  # the double must speak the AEAT's answer schema itself
        raise AssertionError(f"the double's answer does not validate: {schema.error_log}")
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def create_app(double: Double | None = None) -> FastAPI:
    state = double or Double()
    app = FastAPI(title="AEAT VERI*FACTU test double")
    app.state.double = state

    @app.post("/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP")
    async def soap(request: Request) -> Response:
        if state.down:
            return Response(status_code=503, content=b"Servicio no disponible", media_type="text/plain")
        body = await request.body()
        if state.delay:
            await asyncio.sleep(state.delay)
        if state.garbage:
            return Response(content=b"<html>mantenimiento", media_type="text/html")
        status, content = await asyncio.to_thread(state.answer, body)
        return Response(status_code=status, content=content, media_type="text/xml; charset=utf-8")

    @app.post("/control")
    def control(settings: dict[str, Any]) -> dict[str, Any]:
        for name in ("down", "delay", "garbage", "wait"):
            if name in settings:
                setattr(state, name, settings[name])
        if "reject" in settings:
            state.reject = set(settings["reject"])
        return {"down": state.down, "delay": state.delay, "garbage": state.garbage, "wait": state.wait}

    @app.get("/received")
    def received() -> dict[str, Any]:
        with state.lock:
            return {"requests": state.requests, "records": [asdict(r) for r in state.received]}

    return app


def main(argv: list[str] | None = None) -> int:
    import socket

    import uvicorn

    parser = argparse.ArgumentParser(prog="python -m sync.aeat_double", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8700)
    parser.add_argument("--fd", type=int, help="serve on this listening socket (a test's)")
    parser.add_argument("--tls-cert", help="serve HTTPS with this certificate (PEM)")
    parser.add_argument("--tls-key", help="its private key (PEM)")
    parser.add_argument("--client-ca", help="require a client certificate issued by this CA (PEM), as the AEAT does")
    args = parser.parse_args(argv)
    tls: dict[str, Any] = {}
    if args.tls_cert:
        tls = {"ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key}
    if args.client_ca:
        import ssl

        tls |= {"ssl_ca_certs": args.client_ca, "ssl_cert_reqs": ssl.CERT_REQUIRED}
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning", access_log=False, **tls))
    started = datetime.now(UTC).isoformat(timespec="seconds")
    if args.fd is not None:
        server.run(sockets=[socket.socket(fileno=args.fd)])
    else:
        print(f"AEAT test double on http://{args.host}:{args.port} since {started}", flush=True)
        server.config.host, server.config.port = args.host, args.port
        server.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
