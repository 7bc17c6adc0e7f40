"""The company's certificate: HQ presents it (a PKCS#12 file, as the FNMT issues them) to an
AEAT double that, like the AEAT, serves HTTPS and refuses a client without a certificate."""

from __future__ import annotations

import pytest
import trustme
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, load_pem_private_key, pkcs12
from cryptography.x509 import load_pem_x509_certificate

from sync.server import aeat
from tests.integration.conftest import AeatDouble
from tests.integration.test_invoicing_records import an_item
from tests.integration.test_verifactu_aeat import PRODUCER
from tests.tills import ready_till, signed_in_sales, sync


def company_pkcs12(ca: trustme.CA, path, password: bytes) -> None:
    issued = ca.issue_cert("company.example", common_name="Omni Retail Demo SL B12345674")
    key = load_pem_private_key(issued.private_key_pem.bytes(), None)
    cert = load_pem_x509_certificate(issued.cert_chain_pems[0].bytes())
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(b"company", key, cert, None, BestAvailableEncryption(password))
    )  # type: ignore[arg-type]


def test_hq_presents_the_company_certificate_to_the_aeat(tmp_path, live_server, central):
    ca = trustme.CA()
    server_cert = ca.issue_cert("127.0.0.1")
    cert_pem, key_pem, ca_pem = tmp_path / "aeat.pem", tmp_path / "aeat.key", tmp_path / "ca.pem"
    server_cert.private_key_and_cert_chain_pem.write_to_path(str(cert_pem))
    server_cert.private_key_pem.write_to_path(str(key_pem))
    ca.cert_pem.write_to_path(str(ca_pem))
    p12 = tmp_path / "company.p12"
    company_pkcs12(ca, p12, b"s3cret")

    with pytest.raises(aeat.AeatError, match="wrong password"):
        aeat.ssl_context(str(p12), "wrong")
    context = aeat.ssl_context(str(p12), "s3cret")
    context.load_verify_locations(str(ca_pem))  # (the real AEAT's server certificate is publicly trusted)

    client = ca.issue_cert("client.example")
    both = tmp_path / "client.pem"
    client.private_key_and_cert_chain_pem.write_to_path(str(both))
    import ssl

    control = ssl.create_default_context(cafile=str(ca_pem))
    control.load_cert_chain(str(both))
    double = AeatDouble(["--tls-cert", str(cert_pem), "--tls-key", str(key_pem), "--client-ca", str(ca_pem)], control)
    try:
        till = ready_till(tmp_path, live_server, central, "T1")
        sales = signed_in_sales(till)
        assert sales.scan(an_item(till))
        sales.checkout.pay_cash()
        sync(till)

        anonymous = aeat.Sender(central, double.url, PRODUCER, verify=ssl.create_default_context(cafile=str(ca_pem)))
        refused = anonymous.send_once()
        anonymous.close()
        assert refused.state == "failed" and "could not be reached" in refused.error

        sender = aeat.Sender(central, double.url, PRODUCER, verify=context)
        sent = sender.send_once()
        sender.close()
        assert (sent.sent, sent.state) == (1, "Correcto")
        assert len(double.received()["records"]) == 1
    finally:
        double.stop()
