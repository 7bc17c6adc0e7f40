"""The counter scale: a weighed item without a label (loose fruit, cheese by the cut) is weighed
at the till.

One small interface, `Scale.weigh`, and one real adapter, `ToledoContinuousScale`: the
Mettler-Toledo "continuous output" that Spanish counter scales (Dibal, Epelsa, Mettler) offer on
their serial port. The scale sends, several times a second, a frame

    STX  SWA SWB SWC  wwwwww  tttttt  CR  [checksum]

three status words, the displayed weight and the tare as six ASCII digits each (no sign, no
decimal point), a carriage return and, if the scale is set so, a checksum: the two's complement
of the sum of the low seven bits of every byte from STX to CR. The bits this adapter reads:

- SWA bits 0-2: where the decimal point is (0: ×100, 1: ×10, 2: units, 3: one decimal, … 7: five);
- SWB bit 0 net weight, bit 1 negative, bit 2 out of range, bit 3 in motion, bit 4 kilograms
  (0: pounds); SWC bit 0 grams (some scales).

Legal for trade (Directive 2014/31/EU on non-automatic weighing instruments, in Spain Ley
32/2014 de Metrología and RD 244/2016; WELMEC guide 2.2 for a point of sale joined to a scale):
the till takes only a weight the scale reports stable, in range and positive, in the unit the
shop sells by (kilograms), never rounds it in the shop's favour, and prints the weight it used.
A weight typed by hand, when no scale is attached, is a manager's override and is logged.

The port is opened for each weighing and read on a worker thread; pyserial opens a device
(`/dev/ttyUSB0`, `COM3`) or a URL: `socket://host:port` for a scale behind a serial-to-LAN
converter, `rfc2217://host:port` for one behind a port server. The tests' and the demo's scale
(`pos_app/scale_simulator.py`) is a socket.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import serial

from pos_app.services.explain import SENTENCES
from sync.rules.errors import ShopError

STX, CR = 0x02, 0x0D
# SWA bits 0-2 -> the power of ten the six digits are multiplied by.
DECIMALS = {0: 2, 1: 1, 2: 0, 3: -1, 4: -2, 5: -3, 6: -4, 7: -5}


class ScaleError(ShopError):
    """No weight the till may use; `code` says why (services/explain.py says it to the cashier)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One frame of the scale, decoded."""

    grams: int  # the displayed weight, rounded down to the gram (never in the shop's favour)
    tare_g: int
    net: bool
    negative: bool
    out_of_range: bool
    moving: bool
    unit: str  # "kg", "g" or "lb"

    @property
    def problem(self) -> str | None:
        """Why this reading may not be sold by, as a ScaleError code; None if it may."""
        if self.unit == "lb":
            return "scale.unit"
        if self.out_of_range:
            return "scale.overload"
        if self.negative:
            return "scale.negative"
        if self.moving:
            return "scale.unstable"
        if self.grams <= 0:
            return "scale.empty"
        return None


def checksum(data: bytes) -> int:
    """The frame's checksum: two's complement of the sum of the low 7 bits of STX..CR, in 7 bits."""
    return -sum(b & 0x7F for b in data) & 0x7F


def parse_frame(frame: bytes) -> Reading:
    """A frame from STX to CR inclusive (without the checksum byte) -> its reading; ValueError if
    it is not a continuous-output frame."""
    body = bytes(b & 0x7F for b in frame)  # the parity bit, if the line is read as 8 bits
    if len(body) not in (11, 17) or body[0] != STX or body[-1] != CR:
        raise ValueError(f"not a continuous-output frame: {frame!r}")
    swa, swb, swc = body[1], body[2], body[3]
    if not (swa & 0x20 and swb & 0x20 and swc & 0x20):  # bit 5 is always 1 in each status word
        raise ValueError(f"bad status words: {frame!r}")
    digits = body[4:10].decode("ascii")
    tare = body[10:16].decode("ascii") if len(body) == 17 else "000000"
    if not (digits.isdigit() and tare.isdigit()):
        raise ValueError(f"weight is not six digits: {frame!r}")
    unit = "g" if swc & 0x01 else ("kg" if swb & 0x10 else "lb")
    power = DECIMALS[swa & 0x07] + (0 if unit == "g" else 3)  # to grams

    def grams(value: str) -> int:
        return int(value) * 10**power if power >= 0 else int(value) // 10**-power

    return Reading(
        grams=grams(digits),
        tare_g=grams(tare),
        net=bool(swb & 0x01),
        negative=bool(swb & 0x02),
        out_of_range=bool(swb & 0x04),
        moving=bool(swb & 0x08),
        unit=unit,
    )


class Scale(Protocol):
    name: str

    async def weigh(self, timeout: float, on_reading: Callable[[Reading], None] | None = None) -> Reading:
        """The first stable, positive, in-range reading within `timeout` seconds; `on_reading`
        hears every reading on the way (the screen shows the live weight). Raises ScaleError
        with the last reason the weight could not be used."""
        ...


def scale_error(code: str, detail: str = "") -> ScaleError:
    sentence = str(SENTENCES[code])
    return ScaleError(code, f"{sentence} ({detail})" if detail else sentence)


class ToledoContinuousScale:
    """A scale sending Mettler-Toledo continuous output on a serial line (see the module's text)."""

    def __init__(self, port: str, baudrate: int = 9600, seven_even: bool = True, with_checksum: bool = False) -> None:
        self.name = port
        self.port = port
        self.baudrate = baudrate
        self.seven_even = seven_even  # 7 data bits, even parity (the usual setting); else 8N1
        self.with_checksum = with_checksum
        self.silence = 2.0  # seconds without a frame: the scale is not there

    async def weigh(self, timeout: float, on_reading: Callable[[Reading], None] | None = None) -> Reading:
        loop = asyncio.get_running_loop()
        stop = threading.Event()

        def heard(reading: Reading) -> None:
            if on_reading is not None and not stop.is_set():
                loop.call_soon_threadsafe(on_reading, reading)

        try:
            return await asyncio.to_thread(self._weigh, timeout, heard, stop)
        finally:
            stop.set()  # a cancelled weighing (Esc) ends the thread at its next read

    def _open(self) -> serial.SerialBase:
        if self.seven_even:
            settings = {"bytesize": serial.SEVENBITS, "parity": serial.PARITY_EVEN}
        else:
            settings = {"bytesize": serial.EIGHTBITS, "parity": serial.PARITY_NONE}
        try:
            return serial.serial_for_url(self.port, baudrate=self.baudrate, stopbits=1, timeout=0.2, **settings)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise scale_error("scale.no_answer", str(exc)) from exc

    def _weigh(self, timeout: float, heard: Callable[[Reading], None], stop: threading.Event) -> Reading:
        deadline = time.monotonic() + timeout
        last_frame = time.monotonic()
        problem = "scale.no_answer"
        bad_frames = 0
        buffer = bytearray()
        port = self._open()
        try:
            while not stop.is_set():
                now = time.monotonic()
                if now >= deadline or now - last_frame > self.silence:
                    break
                try:
                    chunk = port.read(64)
                except (serial.SerialException, OSError) as exc:
                    raise scale_error("scale.no_answer", str(exc)) from exc
                buffer += chunk
                if chunk and problem == "scale.no_answer":
                    problem = "scale.garbled"  # it sends, but no frame yet (a wrong baud rate, another format)
                while (frame := self._next_frame(buffer)) is not None:
                    last_frame = time.monotonic()
                    try:
                        reading = parse_frame(frame)
                    except ValueError:
                        bad_frames += 1
                        if bad_frames >= 5:
                            problem = "scale.garbled"
                        continue
                    heard(reading)
                    problem = reading.problem or ""
                    if not problem:
                        return reading
        finally:
            port.close()
        raise scale_error(problem or "scale.no_answer")

    def _next_frame(self, buffer: bytearray) -> bytes | None:
        """Take the next whole frame (STX..CR) out of `buffer`, dropping anything before it (a
        port opened mid-frame) and frames whose checksum is wrong (returned as b"" to count)."""
        start = next((i for i, b in enumerate(buffer) if b & 0x7F == STX), -1)
        if start < 0:
            buffer.clear()
            return None
        del buffer[:start]
        end = next((i for i, b in enumerate(buffer) if b & 0x7F == CR), -1)
        if end < 0 or (self.with_checksum and end + 1 >= len(buffer)):
            return None
        frame = bytes(buffer[: end + 1])
        if self.with_checksum:
            sent = buffer[end + 1] & 0x7F
            del buffer[: end + 2]
            return frame if sent == checksum(frame) else b""
        del buffer[: end + 1]
        return frame
