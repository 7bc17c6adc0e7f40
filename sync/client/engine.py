"""The till's sync engine: enrol, bootstrap, pull the change log, push the outbox.

Runs on the asyncio loop (inside Qt through qasync). HTTP is httpx with a timeout on every
call; the local database is reached only through a `LocalReplica`, whose blocking calls run
on one worker thread so the loop (and the screen) never waits on SQLite. Pushing and pulling
are separate loops: a server that cannot take events still sends price changes, and the
other way round. Transient failures retry on a timer with jittered exponential backoff.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import re
import ssl
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from sync import protocol as p

log = logging.getLogger(__name__)
T = TypeVar("T")


class LocalReplica(Protocol):
    """What the engine needs of the till's database (implemented by pos_app.store.Replica)."""

    @property
    def instance_id(self) -> str: ...

    def pending_events(self, limit: int) -> Sequence[Any]: ...
    def record_results(self, results: Sequence[p.EventResult]) -> None: ...
    def apply_changes(self, changes: Sequence[p.Change], cursor: int, at_head: bool = False) -> None: ...
    def cursor(self) -> int | None: ...
    def snapshot_due(self) -> bool: ...
    def current_at(self) -> datetime | None: ...
    def outbox_summary(self) -> Any: ...
    def snapshot_writer(self) -> SnapshotWriter: ...
    def checkpoint(self) -> None: ...


class SnapshotWriter(Protocol):
    """Replaces the replicated data in one local transaction (begin, batch…, finish; close always)."""

    def begin(self) -> None: ...
    def batch(self, entity: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def stock_by_sku(self, stores: Sequence[int], as_of: datetime, rows: Sequence[Sequence[int | None]]) -> None: ...
    def finish(self, cursor: int, member_key: str = "") -> None: ...
    def close(self) -> None: ...


class SyncError(Exception):
    """A sync attempt failed; `transient` failures are retried by the loops."""

    def __init__(self, message: str, transient: bool = True, status: int | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.status = status  # the server's HTTP status, when it answered with a refusal


class CursorExpired(SyncError):
    pass


@dataclass(frozen=True, slots=True)
class SyncStatus:
    online: bool | None = None  # None: not tried yet
    pending: int = 0
    rejected: int = 0
    last_success: datetime | None = None
    last_error: str | None = None
    cursor: int | None = None
    current_at: datetime | None = None  # when the replica last stood at the server's head
    bootstrap_rows: int | None = None  # rows received so far while a snapshot is loading


class Backoff:
    """Exponential backoff with full jitter, capped."""

    def __init__(self, base: float = 0.5, cap: float = 60.0, rng: random.Random | None = None) -> None:
        self.base, self.cap, self.attempt = base, cap, 0
        self.rng = rng or random.Random()

    def next_delay(self) -> float:
        delay = self.rng.uniform(0, min(self.cap, self.base * 2**self.attempt))
        self.attempt += 1
        return delay

    def reset(self) -> None:
        self.attempt = 0


class SyncEngine:
    def __init__(
        self,
        base_url: str,
        token: str,
        local: LocalReplica,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 10.0,
        push_batch: int = 200,
        page_size: int = 1000,
        snapshot_batch: int = 5000,
        interval: float = 15.0,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_arrived: Callable[[frozenset[str]], None] | None = None,
        app_version: str = "",
        verify: ssl.SSLContext | bool = True,
        probe_every: float = 3.0,
    ) -> None:
        self.local = local
        self.push_batch, self.page_size, self.snapshot_batch_rows = push_batch, page_size, snapshot_batch
        self.interval = interval
        self.on_status = on_status
        # Which entities a pull brought (a snapshot: all of them), so open screens refresh.
        self.on_arrived = on_arrived
        self.status = SyncStatus()
        self._client = httpx.AsyncClient(
            base_url=base_url,
            transport=transport,
            verify=verify,  # the chain's own CA when the server's certificate is not a public one
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            # The build's version goes with every request: HQ lists which version each till runs.
            headers={"Authorization": f"Bearer {token}", "X-Instance-Id": local.instance_id}
            | ({"X-App-Version": app_version} if app_version else {}),
        )
        # One thread owns the engine's database connection.
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-db")
        self._wake_push = asyncio.Event()
        self._wake_pull = asyncio.Event()
        # Each loop's backoff after failures; capped at four rounds. While a loop backs off it
        # probes the server cheaply (GET /health) every few seconds, so the way back is noticed
        # within seconds however long the outage was, and a success of either loop wakes the other.
        cap = max(interval, 1.0) * 4
        self.backoff = {"push": Backoff(cap=cap), "pull": Backoff(cap=cap)}
        self.probe_every = probe_every
        self._tasks: set[asyncio.Task[None]] = set()
        self._bootstrap_lock = asyncio.Lock()

    # --- plumbing ---------------------------------------------------------------------------

    async def _local(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._db, fn, *args)

    def _set(self, **changes: Any) -> None:
        self.status = replace(self.status, **changes)
        if self.on_status is not None:
            self.on_status(self.status)

    async def refresh_counts(self) -> None:
        summary = await self._local(self.local.outbox_summary)
        cursor = await self._local(self.local.cursor)
        current_at = await self._local(self.local.current_at)
        self._set(pending=summary.pending, rejected=summary.rejected, cursor=cursor, current_at=current_at)

    async def _request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self._client.request(method, url, **kwargs)
        except httpx.TimeoutException as exc:
            raise SyncError("the server did not answer in time") from exc
        except httpx.TransportError as exc:
            raise SyncError(untrusted(exc) or f"no connection to the server ({type(exc).__name__})") from exc
        if response.status_code == 410:
            raise CursorExpired("the server no longer keeps changes this old", transient=True)
        if response.status_code >= 500:
            raise SyncError(f"server error {response.status_code}")
        if response.status_code >= 400:
            raise SyncError(
                f"server refused: {response.status_code} {_detail(response)}",
                transient=False,
                status=response.status_code,
            )
        return response

    async def customer_history(self, card: str, timeout: float = 3.0) -> p.CustomerHistory:
        """A member's latest purchases in every channel, from the server (raises SyncError when
        it cannot be asked; the till then shows what it has itself)."""
        response = await self._request("GET", f"/customers/{card}/history", timeout=timeout)
        try:
            return p.CustomerHistory.model_validate_json(response.content)
        except ValidationError as exc:
            raise SyncError("the server sent a corrupt member history") from exc

    async def find_receipt(self, number: str, timeout: float = 5.0) -> p.ReceiptFound | None:
        """A receipt of another till of the chain, from HQ; None when HQ has no such receipt
        (raises SyncError when HQ cannot be asked)."""
        try:
            response = await self._request("GET", f"/receipts/{quote(number.strip(), safe='')}", timeout=timeout)
        except SyncError as exc:
            if exc.status == 404:
                return None
            raise
        try:
            return p.ReceiptFound.model_validate_json(response.content)
        except ValidationError as exc:
            raise SyncError("the server sent a corrupt receipt") from exc

    # --- push -------------------------------------------------------------------------------

    async def push_once(self) -> int:
        """Push every pending event, in order, in batches. Returns how many were answered."""
        answered = 0
        while True:
            pending = await self._local(self.local.pending_events, self.push_batch)
            if not pending:
                break
            request = p.PushRequest(instance_id=self.local.instance_id, events=[e.to_wire() for e in pending])
            response = await self._request(
                "POST",
                "/sync/push",
                content=request.model_dump_json(),
                headers={"Content-Type": "application/json"},
            )
            try:
                results = p.PushResponse.model_validate_json(response.content).results
            except ValidationError as exc:
                raise SyncError("the server's answer to a push was garbled; nothing was marked sent") from exc
            sent = {str(e.event_id) for e in pending}
            results = [r for r in results if str(r.event_id) in sent]
            if not results:
                raise SyncError("the server answered none of the events sent")
            await self._local(self.local.record_results, results)
            answered += len(results)
            if len(results) < len(pending):
                break  # the rest go in the next round
        return answered

    # --- pull -------------------------------------------------------------------------------

    async def pull_once(self) -> int:
        """Pull pages of changes until caught up. Returns how many changes were applied."""
        cursor = await self._local(self.local.cursor)
        if cursor is None or await self._local(self.local.snapshot_due):
            return await self.bootstrap()
        applied = 0
        arrived: set[str] = set()
        try:
            while True:
                try:
                    response = await self._request(
                        "GET", "/sync/changes", params={"since": cursor, "limit": self.page_size}
                    )
                except CursorExpired:
                    return applied + await self.bootstrap()
                try:
                    # Parsed off the screen's thread: a 1,000-change page costs tens of milliseconds.
                    page = await self._local(p.ChangesResponse.model_validate_json, response.content)
                    if page.cursor < cursor:
                        raise SyncError("the server's cursor went backwards; ignoring that page")
                    # Each row is validated as it is written; one bad row rolls the whole page back.
                    at_head = not page.has_more or not page.changes
                    await self._local(self.local.apply_changes, page.changes, page.cursor, at_head)
                except (ValidationError, KeyError) as exc:
                    raise SyncError("the server sent a corrupt page of changes; nothing of it was applied") from exc
                applied += len(page.changes)
                arrived.update(change.entity for change in page.changes)
                cursor = page.cursor
                if not page.has_more or not page.changes:
                    break
            self._set(cursor=cursor)
            return applied
        finally:
            self._arrived(arrived)  # what was applied, also when a later page failed

    def _arrived(self, entities: set[str]) -> None:
        if entities and self.on_arrived is not None:
            try:
                self.on_arrived(frozenset(entities))
            except Exception:  # a screen's trouble never stops the sync
                log.exception("a listener of arrived changes failed")

    async def bootstrap(self) -> int:
        """Load a consistent snapshot, streamed and written in batches on a connection of its own.

        Unsent facts and the outbox are never touched; a cut or corrupt stream keeps nothing.
        """
        async with self._bootstrap_lock:
            loop = asyncio.get_running_loop()
            # Two threads in a pipeline: one parses and validates chunk n+1 while the other
            # writes chunk n (SQLite lets go of the GIL while it works, so they overlap).
            writer_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-snapshot")
            parser_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-parse")

            async def on_writer(fn: Callable[..., T], *args: Any) -> T:
                return await loop.run_in_executor(writer_thread, fn, *args)

            async def write_chunk(line: str, header: p.SnapshotHeader) -> int:
                entity, rows = await loop.run_in_executor(parser_thread, _parse_chunk, line, header)
                return await on_writer(_write_rows, writer, entity, rows, header)

            writer = await on_writer(self.local.snapshot_writer)
            self._set(bootstrap_rows=0)
            try:
                header, rows = await self._stream_snapshot(writer, on_writer, write_chunk)
            finally:
                await on_writer(writer.close)
                writer_thread.shutdown(wait=False)
                parser_thread.shutdown(wait=False)
                self._set(bootstrap_rows=None)
            self._set(cursor=header.cursor)
            self._arrived(set(p.ENTITY_ORDER))
            return rows

    async def _stream_snapshot(
        self,
        writer: SnapshotWriter,
        on_writer: Callable[..., Any],
        write_chunk: Callable[[str, p.SnapshotHeader], Awaitable[int]],
    ) -> tuple[p.SnapshotHeader, int]:
        rows = 0
        header: p.SnapshotHeader | None = None
        trailer: p.SnapshotTrailer | None = None
        in_flight: list[asyncio.Future[int]] = []
        try:
            async with self._client.stream("GET", "/sync/snapshot") as response:
                if response.status_code >= 400:
                    await response.aread()
                    raise SyncError(
                        f"snapshot refused: {response.status_code} {_detail(response)}",
                        transient=response.status_code >= 500,
                    )
                async for line in response.aiter_lines():
                    if not line.strip():
                        continue
                    if trailer is not None:
                        raise SyncError("data after the end of the snapshot")
                    record = json.loads(line) if header is None or line.startswith('{"end"') else line
                    if header is None:
                        header = p.SnapshotHeader.model_validate(record)
                        if header.protocol != p.PROTOCOL_VERSION:
                            raise SyncError(f"server speaks protocol {header.protocol}", transient=False)
                        await on_writer(writer.begin)
                    elif isinstance(record, dict):
                        trailer = p.SnapshotTrailer.model_validate(record)
                    else:
                        # A SnapshotChunk: parsed, validated and written off the loop while the
                        # next chunks arrive; at most three are in hand, so memory stays bounded.
                        in_flight.append(asyncio.ensure_future(write_chunk(record, header)))
                        if len(in_flight) > 2:
                            rows += await in_flight.pop(0)
                            self._set(bootstrap_rows=rows)
                for pending in in_flight:
                    rows += await pending
                in_flight.clear()
        except (ValidationError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise SyncError("the server sent a corrupt snapshot; nothing of it was kept") from exc
        except httpx.TimeoutException as exc:
            raise SyncError("the server stopped sending the snapshot") from exc
        except httpx.TransportError as exc:
            raise SyncError(untrusted(exc) or f"no connection to the server ({type(exc).__name__})") from exc
        finally:
            for pending in in_flight:  # let queued writes finish before the writer is closed
                with contextlib.suppress(Exception):
                    await pending
        if header is None or trailer is None or trailer.rows != rows:
            raise SyncError("the snapshot was cut short; it will be fetched again")
        await on_writer(writer.finish, header.cursor, header.member_key)
        return header, rows

    # --- loops ------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the push and pull loops on the running loop."""
        loops = (
            self._loop("push", self.push_once, self._wake_push),
            self._loop("pull", self.pull_once, self._wake_pull),
        )
        for coro in loops:
            task = asyncio.get_running_loop().create_task(coro)
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def wake(self) -> None:
        """Something was written to the outbox: push now rather than at the next tick."""
        self._wake_push.set()

    def wake_pull(self) -> None:
        self._wake_pull.set()

    async def _loop(self, name: str, step: Callable[[], Any], wake: asyncio.Event) -> None:
        backoff = self.backoff[name]
        while True:
            wake.clear()
            failed, unreachable = True, False
            try:
                await step()
            except SyncError as exc:
                unreachable = exc.transient
                if exc.transient and self.status.online is not False:
                    log.warning("sync: the server cannot be reached (%s); the till works offline", exc)
                elif not exc.transient:
                    log.error("sync %s refused: %s", name, exc)
                self._set(online=False if exc.transient else self.status.online, last_error=str(exc))
            except Exception as exc:  # a bug must not stop syncing for the rest of the day
                log.exception("sync step failed")
                self._set(last_error=f"unexpected error: {exc}")
            else:
                failed = False
                was_offline = self.status.online is False
                backoff.reset()
                await self.refresh_counts()
                self._set(online=True, last_success=datetime.now(UTC), last_error=None)
                if was_offline:
                    log.info("sync: the server answers again")
                self._reached()
            try:
                await self._local(self.local.checkpoint)  # the WAL is copied here, never on the screen's commits
            except Exception:  # a failed checkpoint is retried after the next round
                log.warning("checkpoint failed", exc_info=True)
            if failed:
                # Probing only helps when the server could not be reached; a refusal (a retired
                # till's token, a protocol mismatch) or a bug waits out its backoff.
                await self._back_off(backoff, wake, probe=unreachable)
            else:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.interval):  # (no coroutine left unawaited on a stop)
                        await wake.wait()

    async def _back_off(self, backoff: Backoff, wake: asyncio.Event, probe: bool = True) -> None:
        """Wait out the backoff, or less: until woken (a new sale, the other loop got through)
        or, with `probe`, until a probe finds the server answering again."""
        loop = asyncio.get_running_loop()
        until = loop.time() + backoff.next_delay()
        while (left := until - loop.time()) > 0:
            step = min(left, self.probe_every * random.uniform(0.75, 1.25)) if probe else left
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(step):
                    await wake.wait()
                return
            if probe and loop.time() < until and await self.probe():
                self._reached()
                return

    async def probe(self) -> bool:
        """Does the server answer? One cheap GET /health with a short timeout."""
        try:
            answer = await self._client.get("/health", timeout=2.0)
        except httpx.HTTPError:
            return False
        return answer.status_code < 500

    def _reached(self) -> None:
        """The server answered: a loop backing off tries again now, from a fresh backoff."""
        for name, event in (("push", self._wake_push), ("pull", self._wake_pull)):
            if self.backoff[name].attempt:
                self.backoff[name].reset()
                event.set()

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._client.aclose()
        self._db.shutdown(wait=True)


async def enrol(
    base_url: str,
    code: str,
    instance_id: str,
    app_version: str = "",
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = 30.0,
    verify: ssl.SSLContext | bool = True,
) -> p.EnrolResponse:
    """Trade a one-time enrolment code for this till's identity and device token."""
    try:
        request = p.EnrolRequest(code=code.strip().upper(), instance_id=instance_id, app_version=app_version)
    except ValidationError as exc:
        raise SyncError(
            f"{code.strip()!r} is not an enrolment code: check it and type it again", transient=False
        ) from exc
    async with httpx.AsyncClient(base_url=base_url, transport=transport, timeout=timeout, verify=verify) as client:
        try:
            response = await client.post(
                "/enrol", content=request.model_dump_json(), headers={"Content-Type": "application/json"}
            )
        except httpx.HTTPError as exc:
            raise SyncError(untrusted(exc) or f"cannot reach the server at {base_url} ({type(exc).__name__})") from exc
    if response.status_code != 200:
        raise SyncError(f"enrolment refused: {_detail(response)}", transient=response.status_code >= 500)
    try:
        return p.EnrolResponse.model_validate_json(response.content)
    except ValidationError as exc:
        raise SyncError("the server's answer to the enrolment was garbled") from exc


@dataclass(frozen=True, slots=True)
class ServerHealth:
    protocol: object  # what the server said it speaks
    date: str | None  # its clock, from the answer's Date header


def server_health(base_url: str, timeout: float = 5.0, verify: ssl.SSLContext | bool = True) -> ServerHealth:
    """`GET /health`, synchronously (the self-test runs before any event loop). Raises SyncError
    when the server cannot be reached, ValueError when what answers is not a POS server."""
    try:
        answer = httpx.get(f"{base_url.rstrip('/')}/health", timeout=timeout, verify=verify)
        answer.raise_for_status()
    except httpx.HTTPError as exc:
        raise SyncError(untrusted(exc) or str(exc)) from exc
    body = answer.json()
    if not isinstance(body, dict):
        raise ValueError("not a POS server's health answer")
    return ServerHealth(protocol=body.get("protocol"), date=answer.headers.get("date"))


def untrusted(exc: Exception) -> str | None:
    """A plain sentence when a connection failed on the server's certificate, else None."""
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return (
            "the server's certificate is not trusted by this till: give the chain's CA certificate "
            "(setup's CA field, or --ca-cert), or check the server address"
        )
    if "SSL" in text or "TLS" in text:
        return f"the secure connection to the server failed ({text[:120]})"
    return None


async def create_till(
    base_url: str, admin_token: str, store_code: str, till_code: str, name: str, timeout: float = 60.0
) -> str:
    """Installer's call: create a till on the server and return its one-time enrolment code."""
    async with httpx.AsyncClient(
        base_url=base_url, timeout=timeout, headers={"Authorization": f"Bearer {admin_token}"}
    ) as client:
        try:
            response = await client.post(
                "/admin/tills", json={"store_code": store_code, "till_code": till_code, "name": name}
            )
        except httpx.HTTPError as exc:
            raise SyncError(f"cannot reach the server at {base_url} ({type(exc).__name__})") from exc
    if response.status_code != 200:
        raise SyncError(f"creating the till failed: {_detail(response)}", transient=False)
    return str(response.json()["enrolment_code"])


_CHUNK_START = re.compile(r'\{"entity":"([a-z_]+)"')


def _parse_chunk(line: str, header: p.SnapshotHeader) -> tuple[str, list[tuple[Any, ...]]]:
    """One snapshot chunk, parsed and validated in one pass by pydantic-core: (entity, rows).

    A chunk at a time: per-row models, or json.loads then validation, cost minutes and seconds
    at 1M SKUs.
    """
    found = _CHUNK_START.match(line)  # the server writes the entity first; anything else is read fully
    entity = found.group(1) if found else str(json.loads(line)["entity"])
    if entity not in p.SNAPSHOT_ORDER:
        raise KeyError(f"unknown kind of row: {entity!r}")
    stores = len(header.stock_stores) if entity == "stock_by_sku" else 0
    return entity, p.chunk_validator(entity, stores).validate_json(line)["rows"]


def _write_rows(writer: SnapshotWriter, entity: str, rows: list[tuple[Any, ...]], header: p.SnapshotHeader) -> int:
    """Write one parsed chunk (on the writer thread). Returns its row count."""
    if entity == "stock_by_sku":
        writer.stock_by_sku(header.stock_stores, header.taken_at, rows)
    else:
        writer.batch(entity, rows)
    return len(rows)


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    return str(body.get("detail", body))[:200] if isinstance(body, dict) else str(body)[:200]
