"""The server's front door: refuse a request before reading its body.

FastAPI reads and parses a JSON body before it resolves the endpoint's dependencies, so without
this gate a 64 MiB body with no credentials was read, and parsed, before its 401 (hundreds of
MiB of server memory per request). Here, before the application sees a request:

- the bearer token is checked where it is a fixed secret (the admin and channel APIs), so an
  unauthenticated request costs a header comparison; device tokens are checked by the
  endpoints, whose bodies are read only after (`/sync/push` reads its body itself);
- the body is capped per endpoint: by `Content-Length` when the client says it (413 at once,
  nothing read), and by counting as it streams otherwise (413 as soon as the cap is passed;
  uvicorn reads from the socket only as fast as the application takes the body, so what was
  not taken is never in memory).
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

KIB = 1024


@dataclass(frozen=True, slots=True)
class Rule:
    """Requests whose path matches `path` may carry at most `max_body` bytes; `tokens` (when
    given) returns the bearer tokens accepted there, checked before anything else."""

    path: re.Pattern[str]
    max_body: int
    tokens: Callable[[], Sequence[str]] | None = None
    realm: str = ""  # named in the refusal: "admin", "channel"
    disabled: str = ""  # the refusal when no token is set


class Gate:
    def __init__(self, app: ASGIApp, rules: Sequence[Rule], default_max_body: int = 64 * KIB) -> None:
        self.app = app
        self.rules = rules
        self.default_max_body = default_max_body

    def rule_for(self, path: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.path.match(path)), None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rule = self.rule_for(scope["path"])
        headers = dict(scope["headers"])
        if rule is not None and rule.tokens is not None:
            refusal = _refused(headers.get(b"authorization", b""), rule)
            if refusal is not None:
                await _answer(send, *refusal)
                return
        limit = rule.max_body if rule is not None else self.default_max_body
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await _answer(send, 400, "Content-Length is not a number")
                return
            if size > limit:
                await _answer(send, 413, f"request body larger than {limit} bytes")
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # FastAPI passes an HTTPException raised while reading the body on to its
                    # handler: the client gets a 413, and the rest of the body is never read.
                    raise HTTPException(413, f"request body larger than {limit} bytes")
            return message

        await self.app(scope, counted, send)


def _refused(authorization: bytes, rule: Rule) -> tuple[int, str] | None:
    assert rule.tokens is not None
    accepted = [token.encode() for token in rule.tokens() if token]
    if not accepted:
        return 403, rule.disabled or f"{rule.realm} API disabled"
    given = authorization.removeprefix(b"Bearer ").strip()
    if not any(hmac.compare_digest(given, token) for token in accepted):
        return 401, f"wrong {rule.realm} token"
    return None


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    # No "Connection: close": uvicorn then reads what the client still sends and drops it
    # (nothing is kept), so the client gets this answer instead of a reset connection.
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
