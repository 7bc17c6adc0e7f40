"""An integrated card terminal on the shop's LAN: Adyen's Terminal API, local integration.

Why this protocol: it is Adyen's published form of nexo Retailer (the card-industry standard
message set: PaymentRequest, TransactionStatusRequest, ReversalRequest), JSON over HTTPS to the
terminal's own address, and Adyen terminals are common in Spanish retail; the messages and their
protection are public (docs.adyen.com, "Terminal API" and "Protect local communications").

Every message travels protected by a key shared with the terminal (set in Adyen's Customer
Area, a passphrase with an identifier and a version): the MessageHeader in clear, the whole
message AES-256-CBC-encrypted in `NexoBlob`, and a `SecurityTrailer` with the nonce and an
HMAC-SHA256 of the plaintext. Key material: PBKDF2-HMAC-SHA1 of the passphrase, salt
"AdyenNexoV1Salt", 4000 rounds, 80 bytes (HMAC key, cipher key, IV); each message's IV is that
IV XOR a fresh 16-byte nonce. Adyen's Python library speaks only the cloud API, hence this
module (the crypto itself is `cryptography`'s).

Amounts in these messages are decimal euros (10.99), never floats here: Decimal both ways.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

import httpx
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from pos_app.services.terminal import TerminalAnswer, TerminalError

log = logging.getLogger(__name__)

PROTOCOL_VERSION = "3.0"
SALT = b"AdyenNexoV1Salt"
ROUNDS = 4000


class NexoSecurityError(ValueError):
    """A message that is not protected by our shared key (wrong key, altered, or not nexo)."""


@dataclass(frozen=True, slots=True)
class SharedKey:
    """The key shared with the terminal, as set in Adyen's Customer Area."""

    identifier: str
    version: int
    passphrase: str


@lru_cache(maxsize=8)
def _material(passphrase: str) -> tuple[bytes, bytes, bytes]:
    raw = hashlib.pbkdf2_hmac("sha1", passphrase.encode(), SALT, ROUNDS, 80)
    return raw[:32], raw[32:64], raw[64:80]  # HMAC key, cipher key, IV


def _cipher(key: SharedKey, nonce: bytes) -> Cipher[modes.CBC]:
    _hmac_key, cipher_key, iv = _material(key.passphrase)
    return Cipher(algorithms.AES(cipher_key), modes.CBC(bytes(a ^ b for a, b in zip(iv, nonce, strict=True))))


def seal(root: str, message: dict[str, Any], key: SharedKey, nonce: bytes | None = None) -> bytes:
    """`{root: message}` as it goes on the wire: header in clear, the rest encrypted."""
    plain = dumps({root: message}).encode()
    nonce = nonce or os.urandom(16)
    padder = padding.PKCS7(128).padder()
    encryptor = _cipher(key, nonce).encryptor()
    blob = encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()
    hmac_key = _material(key.passphrase)[0]
    envelope = {
        root: {
            "MessageHeader": message["MessageHeader"],
            "NexoBlob": base64.b64encode(blob).decode(),
            "SecurityTrailer": {
                "AdyenCryptoVersion": 1,
                "KeyIdentifier": key.identifier,
                "KeyVersion": key.version,
                "Nonce": base64.b64encode(nonce).decode(),
                "Hmac": base64.b64encode(hmac.digest(hmac_key, plain, "sha256")).decode(),
            },
        }
    }
    return dumps(envelope).encode()


def unseal(body: bytes, key: SharedKey) -> tuple[str, dict[str, Any]]:
    """(root, message) of a protected message; NexoSecurityError if it is not ours or was altered."""
    try:
        envelope = json.loads(body)
        ((root, outer),) = envelope.items()
        trailer = outer["SecurityTrailer"]
        nonce, mac = base64.b64decode(trailer["Nonce"]), base64.b64decode(trailer["Hmac"])
        blob = base64.b64decode(outer["NexoBlob"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise NexoSecurityError(f"not a protected nexo message ({type(exc).__name__}: {exc})") from None
    if trailer.get("KeyIdentifier") != key.identifier or trailer.get("KeyVersion") != key.version:
        raise NexoSecurityError(f"protected with key {trailer.get('KeyIdentifier')!r} v{trailer.get('KeyVersion')}")
    try:
        decryptor = _cipher(key, nonce).decryptor()
        unpadder = padding.PKCS7(128).unpadder()
        padded = decryptor.update(blob) + decryptor.finalize()
        plain = unpadder.update(padded) + unpadder.finalize()
    except ValueError as exc:
        raise NexoSecurityError(f"cannot be decrypted with our key ({exc})") from None
    if not hmac.compare_digest(hmac.digest(_material(key.passphrase)[0], plain, "sha256"), mac):
        raise NexoSecurityError("its HMAC does not match: altered, or another key")
    inner = json.loads(plain, parse_float=Decimal)
    if list(inner) != [root]:
        raise NexoSecurityError("the encrypted message is not the one its envelope names")
    return root, inner[root]


_DECIMAL = re.compile(r'"\\u0000(-?[0-9]+(?:\.[0-9]+)?)\\u0000"')


def dumps(value: Any) -> str:
    """JSON with Decimal amounts written as JSON numbers (exactly their digits, no float)."""
    text = json.dumps(value, default=lambda d: f"\x00{d}\x00" if isinstance(d, Decimal) else _unknown(d))
    return _DECIMAL.sub(r"\1", text)


def _unknown(value: object) -> object:
    raise TypeError(f"{type(value).__name__} is not JSON")


def euros(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def cents(amount: Decimal | int | str) -> int:
    return int((Decimal(str(amount)) * 100).to_integral_value())


def now_stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def additional(text: str) -> dict[str, str]:
    """nexo's AdditionalResponse: key=value pairs, URL-encoded."""
    from urllib.parse import parse_qsl

    return dict(parse_qsl(text or "", keep_blank_values=True))


class AdyenTerminal:
    """A terminal on the LAN (`url` like https://192.168.1.40:8443/nexo), addressed by its POIID
    (e.g. "V400m-346403161"); `sale_id` names this till to it. `verify`: the terminal's CA file
    (Adyen's root), or False on a test bench."""

    def __init__(
        self,
        url: str,
        poi_id: str,
        sale_id: str,
        key: SharedKey,
        verify: str | bool = True,
        request_timeout: float = 130.0,  # a customer at the PIN pad; the till's own limit is shorter
    ) -> None:
        self.url, self.poi_id, self.sale_id, self.key = url, poi_id, sale_id, key
        self.name = poi_id
        timeout = httpx.Timeout(request_timeout, connect=min(5.0, request_timeout))
        self._client = httpx.AsyncClient(verify=verify, timeout=timeout)
        self._poi_transactions: dict[str, dict[str, str]] = {}  # our reference -> the terminal's id

    async def aclose(self) -> None:
        await self._client.aclose()

    # --- the interface (services/terminal.py) ----------------------------------------------------

    async def charge(self, amount: int, reference: str) -> TerminalAnswer:
        return await self._payment(amount, reference, refund=False)

    async def refund(self, amount: int, reference: str) -> TerminalAnswer:
        """An unreferenced refund to the card the customer presents (nexo PaymentType Refund)."""
        return await self._payment(abs(amount), reference, refund=True)

    async def status(self, reference: str) -> TerminalAnswer | None:
        """What became of the payment `reference`: its answer, None if the terminal never had it.
        TerminalError while it is still in progress or the terminal cannot say."""
        message = self._message(
            "TransactionStatus",
            self._service_id(reference + "S" + uuid.uuid4().hex[:4]),
            "TransactionStatusRequest",
            {
                "ReceiptReprintFlag": False,
                "MessageReference": {
                    "MessageCategory": "Payment",
                    "SaleID": self.sale_id,
                    "ServiceID": self._service_id(reference),
                },
            },
        )
        body = (await self._exchange(message))["TransactionStatusResponse"]
        result = body.get("Response", {})
        if result.get("Result") == "Success":
            repeated = body.get("RepeatedMessageResponse", {}).get("RepeatedResponseMessageBody", {})
            if "PaymentResponse" not in repeated:
                raise TerminalError("the terminal's status names no payment")
            return self._answer(reference, repeated["PaymentResponse"])
        condition = result.get("ErrorCondition", "")
        if condition == "NotFound":
            return None
        raise TerminalError(f"status: {condition or 'no answer'}")

    async def reverse(self, reference: str) -> None:
        """Cancel an approved payment (nexo ReversalRequest, reason MerchantCancel)."""
        original = self._poi_transactions.get(reference)
        if original is None:
            answer = await self.status(reference)
            if answer is None or not answer.approved:
                return  # nothing was taken
            original = self._poi_transactions[reference]
        message = self._message(
            "Reversal",
            self._service_id(reference + "R"),
            "ReversalRequest",
            {"OriginalPOITransaction": {"POITransactionID": original}, "ReversalReason": "MerchantCancel"},
        )
        result = (await self._exchange(message))["ReversalResponse"].get("Response", {})
        if result.get("Result") != "Success":
            raise TerminalError(f"reversal refused: {result.get('ErrorCondition', '')}")
        self._poi_transactions.pop(reference, None)

    # --- the messages ---------------------------------------------------------------------------

    @staticmethod
    def _service_id(reference: str) -> str:
        """nexo's ServiceID is at most 10 characters, unique per SaleID for the terminal."""
        return hashlib.sha256(reference.encode()).hexdigest()[:10].upper()

    def _message(self, category: str, service_id: str, body_name: str, body: dict[str, Any]) -> dict[str, Any]:
        header = {
            "ProtocolVersion": PROTOCOL_VERSION,
            "MessageClass": "Service",
            "MessageCategory": category,
            "MessageType": "Request",
            "SaleID": self.sale_id,
            "ServiceID": service_id,
            "POIID": self.poi_id,
        }
        return {"MessageHeader": header, body_name: body}

    async def _payment(self, amount: int, reference: str, refund: bool) -> TerminalAnswer:
        body: dict[str, Any] = {
            "SaleData": {"SaleTransactionID": {"TransactionID": reference, "TimeStamp": now_stamp()}},
            "PaymentTransaction": {"AmountsReq": {"Currency": "EUR", "RequestedAmount": euros(amount)}},
        }
        if refund:
            body["PaymentData"] = {"PaymentType": "Refund"}
        message = self._message("Payment", self._service_id(reference), "PaymentRequest", body)
        return self._answer(reference, (await self._exchange(message))["PaymentResponse"])

    def _answer(self, reference: str, payment: dict[str, Any]) -> TerminalAnswer:
        response = payment.get("Response", {})
        approved = response.get("Result") in ("Success", "Partial")
        result = payment.get("PaymentResult", {})
        acquirer = result.get("PaymentAcquirerData", {})
        poi = payment.get("POIData", {}).get("POITransactionID")
        if approved and poi:
            self._poi_transactions[reference] = {"TransactionID": poi["TransactionID"], "TimeStamp": poi["TimeStamp"]}
        extra = additional(response.get("AdditionalResponse", ""))
        said = extra.get("refusalReason") or response.get("ErrorCondition", "") or ("APROBADA" if approved else "")
        amount = result.get("AmountsResp", {}).get("AuthorizedAmount")
        return TerminalAnswer(
            approved,
            reference,
            auth_code=str(acquirer.get("ApprovalCode", "")),
            message=said,
            terminal=self.name,
            authorised=cents(amount) if approved and amount is not None else None,
            offline=approved and result.get("OnlineFlag") is False,
        )

    async def _exchange(self, message: dict[str, Any]) -> dict[str, Any]:
        """Send one request, return the response's body (keyed by its name). TerminalError for an
        answer that is not a protected nexo response to it; network errors propagate (the caller
        then asks for the status)."""
        reply = await self._client.post(
            self.url, content=seal("SaleToPOIRequest", message, self.key), headers={"Content-Type": "application/json"}
        )
        if reply.status_code != 200:
            raise TerminalError(f"HTTP {reply.status_code}")
        try:
            root, answer = unseal(reply.content, self.key)
        except NexoSecurityError as exc:
            raise TerminalError(f"the terminal's answer is not protected by our key: {exc}") from None
        header = answer.get("MessageHeader", {})
        asked = message["MessageHeader"]
        if root != "SaleToPOIResponse" or header.get("ServiceID") != asked["ServiceID"]:
            raise TerminalError("the terminal answered another request")
        return answer
