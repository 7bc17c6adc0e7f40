"""A card terminal on a socket, speaking Adyen's local Terminal API as a terminal does, for the
tests and the demo: `python -m pos_app.terminal_simulator --port 8443`.

It checks what it receives: the message protection (our shared key, the HMAC), then each
request against the nexo rules the Terminal API publishes (header fields and values, ServiceID
at most 10 characters and not reused, the POIID its own, amounts in EUR with at most two
decimals); a request that breaks one is answered `Failure / MessageFormat` and kept in
`problems`. It keeps a ledger of what it took, so a test can see that nothing was charged twice
or left charged.

Told what to do next with `will(...)`: "approve", "decline", "timeout" (takes the money and
answers only after the till has given up), "drop" (takes it and closes the connection without
answering), "busy" (the payment stays in progress until `release()`), "offline" (its acquirer is
unreachable: approves on its own up to `floor_limit`, declines above). Nothing scripted: approve.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import socket
import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from pos_app.services.adyen import NexoSecurityError, SharedKey, cents, euros, now_stamp, seal, unseal

DEMO_KEY = SharedKey("omnipos-demo", 1, "demo passphrase: not for a shop")
BODIES = {"Payment": "PaymentRequest", "TransactionStatus": "TransactionStatusRequest", "Reversal": "ReversalRequest"}


@dataclass
class Transaction:
    sale_id: str
    service_id: str
    amount: int  # cents; negative for a refund
    state: str  # "in_progress", "approved", "declined"
    poi_id: str = ""
    stamp: str = ""
    approval: str = ""
    offline: bool = False
    reversed: bool = False
    response: dict[str, Any] = field(default_factory=dict)


class TerminalSimulator:
    def __init__(
        self, key: SharedKey = DEMO_KEY, poi_id: str = "V400m-000000001", port: int = 0, fd: int | None = None
    ) -> None:
        self.key, self.poi_id = key, poi_id
        self.script: deque[str] = deque()
        self.floor_limit = 5_000  # what it approves on its own when its acquirer is unreachable
        self.transactions: dict[tuple[str, str], Transaction] = {}
        self.problems: list[str] = []
        self.requests: list[str] = []  # the categories received, in order
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._codes = itertools.count(100_001)
        self._ids = itertools.count(1)
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # one connection kept for many requests, as a terminal does
            disable_nagle_algorithm = True  # an answer goes out at once (headers and body)

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                simulator._handle(self, body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        if fd is None:
            self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        else:  # a listening socket handed over by whoever started this process (no port race)
            self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler, bind_and_activate=False)
            self.server.socket.close()
            self.server.socket = socket.socket(fileno=fd)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/nexo"
        self._thread = threading.Thread(target=self.server.serve_forever, name="terminal-simulator", daemon=True)

    def start(self) -> TerminalSimulator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._released.set()
        self.server.shutdown()
        self.server.server_close()

    def will(self, *outcomes: str) -> None:
        self.script.extend(outcomes)

    def release(self) -> None:
        """A payment held "busy" completes (approved)."""
        self._released.set()

    @property
    def net_charged(self) -> int:
        """What the customers' cards were charged in all, less refunds and reversals."""
        return sum(t.amount for t in self.transactions.values() if t.state == "approved" and not t.reversed)

    # --- the protocol ---------------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        try:
            root, message = unseal(body, self.key)
        except NexoSecurityError as exc:
            self.problems.append(f"security: {exc}")
            self._send(handler, 400, json.dumps({"error": str(exc)}).encode())
            return
        header = message.get("MessageHeader", {})
        category = header.get("MessageCategory", "")
        self.requests.append(category)
        problems = self._check(root, message)
        if problems:
            self.problems += problems
            name = BODIES.get(category, "PaymentRequest").replace("Request", "Response")
            self._reply(handler, header, name, {"Response": {"Result": "Failure", "ErrorCondition": "MessageFormat",
                                                             "AdditionalResponse": "; ".join(problems)}})  # fmt: skip
            return
        if category == "Payment":
            self._payment(handler, header, message["PaymentRequest"])
        elif category == "TransactionStatus":
            self._status(handler, header, message["TransactionStatusRequest"])
        else:
            self._reversal(handler, header, message["ReversalRequest"])

    def _check(self, root: str, message: dict[str, Any]) -> list[str]:
        """The request against the Terminal API's rules for what we use of it."""
        problems = []
        header = message.get("MessageHeader")
        if root != "SaleToPOIRequest" or not isinstance(header, dict):
            return [f"{root}: not a SaleToPOIRequest with a MessageHeader"]
        expected = {"ProtocolVersion": "3.0", "MessageClass": "Service", "MessageType": "Request"}
        problems += [f"MessageHeader.{k} must be {v!r}" for k, v in expected.items() if header.get(k) != v]
        category = header.get("MessageCategory")
        if category not in BODIES:
            return [*problems, f"MessageCategory {category!r} is not one this terminal serves"]
        if not re.fullmatch(r"[A-Za-z0-9]{1,10}", str(header.get("ServiceID", ""))):
            problems.append("MessageHeader.ServiceID: 1 to 10 letters and digits")
        if not header.get("SaleID"):
            problems.append("MessageHeader.SaleID is required")
        if header.get("POIID") != self.poi_id:
            problems.append(f"MessageHeader.POIID {header.get('POIID')!r} is not this terminal ({self.poi_id})")
        body = message.get(BODIES[category])
        if not isinstance(body, dict) or set(message) != {"MessageHeader", BODIES[category]}:
            return [*problems, f"a {category} message carries exactly its MessageHeader and {BODIES[category]}"]
        if category == "Payment":
            sale = body.get("SaleData", {}).get("SaleTransactionID", {})
            if not sale.get("TransactionID") or not _is_stamp(sale.get("TimeStamp")):
                problems.append("PaymentRequest.SaleData.SaleTransactionID needs TransactionID and an ISO TimeStamp")
            amounts = body.get("PaymentTransaction", {}).get("AmountsReq", {})
            amount = amounts.get("RequestedAmount")
            if amounts.get("Currency") != "EUR":
                problems.append("AmountsReq.Currency: EUR")
            exponent = Decimal(amount).as_tuple().exponent if isinstance(amount, Decimal | int) else "n"
            if not isinstance(exponent, int) or amount <= 0 or exponent < -2:  # "n", "N", "F": not a number
                problems.append(f"AmountsReq.RequestedAmount {amount!r}: a positive amount, two decimals at most")
            kind = body.get("PaymentData", {}).get("PaymentType", "Normal")
            if kind not in ("Normal", "Refund"):
                problems.append(f"PaymentData.PaymentType {kind!r}")
            if (header.get("SaleID"), header.get("ServiceID")) in self.transactions:
                problems.append("MessageHeader.ServiceID was already used by this SaleID")
        elif category == "TransactionStatus":
            ref = body.get("MessageReference", {})
            if ref.get("MessageCategory") != "Payment" or not ref.get("ServiceID") or not ref.get("SaleID"):
                problems.append("TransactionStatusRequest.MessageReference needs SaleID, ServiceID, Payment")
        else:
            original = body.get("OriginalPOITransaction", {}).get("POITransactionID", {})
            if not original.get("TransactionID") or not original.get("TimeStamp"):
                problems.append("ReversalRequest.OriginalPOITransaction.POITransactionID is required")
            if body.get("ReversalReason") not in ("CustCancel", "MerchantCancel", "Malfunction", "Unable2Compl"):
                problems.append(f"ReversalRequest.ReversalReason {body.get('ReversalReason')!r}")
        return problems

    def _payment(self, handler: BaseHTTPRequestHandler, header: dict[str, Any], body: dict[str, Any]) -> None:
        amount = cents(body["PaymentTransaction"]["AmountsReq"]["RequestedAmount"])
        refund = body.get("PaymentData", {}).get("PaymentType") == "Refund"
        outcome = self.script.popleft() if self.script else "approve"
        with self._lock:
            tx = Transaction(header["SaleID"], header["ServiceID"], -amount if refund else amount, "in_progress")
            self.transactions[(tx.sale_id, tx.service_id)] = tx
        if outcome == "busy":
            self._released.clear()
            self._released.wait(60)
        if outcome == "offline" and amount > self.floor_limit:
            tx.state = "declined"
            tx.response = {"Response": {"Result": "Failure", "ErrorCondition": "UnreachableHost",
                                        "AdditionalResponse": "refusalReason=Acquirer%20unreachable"}}  # fmt: skip
        elif outcome == "decline":
            tx.state = "declined"
            tx.response = {"Response": {"Result": "Failure", "ErrorCondition": "Refusal",
                                        "AdditionalResponse": "refusalReason=Not%20enough%20balance"}}  # fmt: skip
        else:
            tx.state, tx.poi_id, tx.stamp = "approved", f"SIM{next(self._ids):08d}", now_stamp()
            tx.approval, tx.offline = f"{next(self._codes):06d}", outcome == "offline"
            tx.response = {
                "Response": {"Result": "Success"},
                "POIData": {"POITransactionID": {"TransactionID": tx.poi_id, "TimeStamp": tx.stamp}},
                "SaleData": body["SaleData"],
                "PaymentResult": {
                    "OnlineFlag": not tx.offline,
                    "PaymentAcquirerData": {"ApprovalCode": tx.approval, "AcquirerPOIID": self.poi_id},
                    "AmountsResp": {"AuthorizedAmount": euros(amount), "Currency": "EUR"},
                    "PaymentInstrumentData": {"PaymentInstrumentType": "Card",
                                              "CardData": {"MaskedPan": "411111 **** 1111", "PaymentBrand": "visa"}},
                },
            }  # fmt: skip
        if outcome == "timeout":
            self._released.clear()
            self._released.wait(60)  # the till gave up long before; its answer is lost
            return
        if outcome == "drop":
            handler.close_connection = True
            handler.connection.close()
            return
        self._reply(handler, header, "PaymentResponse", tx.response)

    def _status(self, handler: BaseHTTPRequestHandler, header: dict[str, Any], body: dict[str, Any]) -> None:
        ref = body["MessageReference"]
        tx = self.transactions.get((ref["SaleID"], ref["ServiceID"]))
        if tx is None:
            answer: dict[str, Any] = {"Response": {"Result": "Failure", "ErrorCondition": "NotFound"}}
        elif tx.state == "in_progress":
            answer = {"Response": {"Result": "Failure", "ErrorCondition": "InProgress"}}
        else:
            answer = {
                "Response": {"Result": "Success"},
                "MessageReference": ref,
                "RepeatedMessageResponse": {
                    "MessageHeader": {
                        **header,
                        "MessageCategory": "Payment",
                        "MessageType": "Response",
                        "ServiceID": tx.service_id,
                    },
                    "RepeatedResponseMessageBody": {"PaymentResponse": tx.response},
                },
            }
        self._reply(handler, header, "TransactionStatusResponse", answer)

    def _reversal(self, handler: BaseHTTPRequestHandler, header: dict[str, Any], body: dict[str, Any]) -> None:
        poi = body["OriginalPOITransaction"]["POITransactionID"]["TransactionID"]
        found = [t for t in self.transactions.values() if t.poi_id == poi and t.state == "approved"]
        if not found or found[0].reversed:
            answer = {"Response": {"Result": "Failure", "ErrorCondition": "NotAllowed"}}
        else:
            found[0].reversed = True
            answer = {"Response": {"Result": "Success"}}
        self._reply(handler, header, "ReversalResponse", answer)

    def _reply(self, handler: BaseHTTPRequestHandler, header: dict[str, Any], name: str, body: dict[str, Any]) -> None:
        response_header = {**header, "MessageType": "Response"}
        self._send(handler, 200, seal("SaleToPOIResponse", {"MessageHeader": response_header, name: body}, self.key))

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, payload: bytes) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
        except OSError:
            pass  # the till hung up


def _is_stamp(value: object) -> bool:
    try:
        datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8443)
    parser.add_argument("--fd", type=int, help="serve on this listening socket (inherited) instead of --port")
    parser.add_argument("--poi-id", default="V400m-000000001")
    args = parser.parse_args(argv)
    simulator = TerminalSimulator(poi_id=args.poi_id, port=args.port, fd=args.fd)
    print(
        f"terminal simulator {args.poi_id} at {simulator.url} (key {DEMO_KEY.identifier} v{DEMO_KEY.version})",
        flush=True,
    )
    try:
        simulator.server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
