"""A counter scale sending Mettler-Toledo continuous output (services/scale.py has the format),
on a TCP socket, as a scale behind a serial-to-LAN converter is reached: the tests' scale and
the demo's. Every connection hears frames ten times a second, starting mid-frame as a port
opened at any moment does.

    python -m pos_app.scale_simulator --grams 1234        # prints its socket:// URL

The tests set what lies on it (`grams`), whether it is still moving (`moving`, or `settle`
frames of motion after each connection), out of range, negative, weighing in pounds, silent or
sending noise. In the demo (`demo=True`) each weighing finds something new on it: between 150 g
and 2.5 kg, which settles after half a second.
"""

from __future__ import annotations

import argparse
import random
import socket
import threading
import time

from pos_app.services.scale import CR, STX, checksum

KG_3_DECIMALS = 0x20 | 0x08 | 0x05  # SWA: bit 5 set, increment ×1, decimal point XXX.XXX


class ScaleSimulator:
    def __init__(self, grams: int = 0, with_checksum: bool = False, demo: bool = False) -> None:
        self.grams = grams
        self.tare_g = 0
        self.moving = False
        self.out_of_range = False
        self.negative = False
        self.pounds = False
        self.silent = False  # accepts the connection, sends nothing (a scale switched off)
        self.noise = False  # sends bytes that are no frames (a wrong baud rate)
        self.settle = 0  # frames of motion at the start of each connection
        self.with_checksum = with_checksum
        self.demo = demo
        self.interval = 0.1
        self.connections = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"socket://127.0.0.1:{self._server.getsockname()[1]}"

    def start(self) -> ScaleSimulator:
        thread = threading.Thread(target=self._accept, name="scale-simulator", daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        self._server.close()

    def frame(self, moving: bool | None = None) -> bytes:
        """The frame the scale sends now."""
        swb = 0x20 | (0x10 if not self.pounds else 0)
        swb |= 0x02 if self.negative else 0
        swb |= 0x04 if self.out_of_range else 0
        swb |= 0x08 if (self.moving if moving is None else moving) else 0
        swb |= 0x01 if self.tare_g else 0
        body = bytes([STX, KG_3_DECIMALS, swb, 0x20]) + f"{abs(self.grams):06d}{self.tare_g:06d}".encode() + bytes([CR])
        return body + bytes([checksum(body)]) if self.with_checksum else body

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            if self.demo:
                self.grams = random.randrange(150, 2500)
                self.settle = 5
            thread = threading.Thread(target=self._send, args=(conn,), name="scale-simulator-line", daemon=True)
            thread.start()
            self._threads.append(thread)

    def _send(self, conn: socket.socket) -> None:
        with conn:
            sent = 0
            first = True
            while not self._stop.is_set():
                if self.silent:
                    data = b""
                elif self.noise:
                    data = bytes(random.randrange(0x30, 0x7F) for _ in range(18))
                else:
                    data = self.frame(moving=True if sent < self.settle else None)
                    if first:
                        data = data[7:]  # the port opened in the middle of a frame
                try:
                    if data:
                        conn.sendall(data)
                except OSError:
                    return
                first = False
                sent += 1
                time.sleep(self.interval)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grams", type=int, default=0, help="what lies on the scale")
    parser.add_argument("--checksum", action="store_true", help="send the checksum byte after CR")
    parser.add_argument("--demo", action="store_true", help="something new on it at each weighing")
    args = parser.parse_args(argv)
    scale = ScaleSimulator(args.grams, with_checksum=args.checksum, demo=args.demo).start()
    print(scale.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        scale.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
