"""The counter scale: Mettler-Toledo continuous output decoded as its published format says, and
weighed over a real socket (pyserial's socket://, as a scale behind a serial-to-LAN converter)
from the scale simulator: only a stable, positive, in-range weight in kilograms is taken; every
other state is a reason the cashier reads."""

from __future__ import annotations

import asyncio

import pytest

from pos_app.scale_simulator import ScaleSimulator
from pos_app.services.scale import Reading, ScaleError, ToledoContinuousScale, checksum, parse_frame


def frame(swa: int, swb: int, weight: str, tare: str = "000000", swc: int = 0x20) -> bytes:
    return bytes([0x02, swa, swb, swc]) + weight.encode() + tare.encode() + b"\r"


def test_a_frame_says_the_weight_in_grams_by_its_decimal_point_never_rounding_up():
    kg = 0x30  # SWB: bit 5, kilograms
    assert parse_frame(frame(0x2D, kg, "001234")).grams == 1234  # XXX.XXX kg
    assert parse_frame(frame(0x2C, kg, "000123")).grams == 1230  # XXXX.XX kg
    assert parse_frame(frame(0x2A, kg, "000002")).grams == 2000  # whole kilograms
    assert parse_frame(frame(0x2E, kg, "012349")).grams == 1234  # XX.XXXX kg: 1.2349 kg is 1234 g, not 1235
    assert parse_frame(frame(0x2A, 0x20, "000250", swc=0x21)).unit == "g"
    assert parse_frame(frame(0x2A, 0x20, "000250", swc=0x21)).grams == 250
    # The short frame (no tare) and a line read as 8 bits with the parity bit set.
    assert parse_frame(bytes([0x02, 0x2D, 0x30, 0x20]) + b"000500\r").grams == 500
    with_parity = bytes(b | 0x80 for b in frame(0x2D, kg, "000750"))
    assert parse_frame(with_parity).grams == 750


def test_each_state_of_the_scale_is_a_reason_not_a_weight():
    def reading(swb: int, weight: str = "000500") -> Reading:
        return parse_frame(frame(0x2D, swb, weight))

    assert reading(0x30).problem is None
    assert reading(0x38).problem == "scale.unstable"  # bit 3: in motion
    assert reading(0x34).problem == "scale.overload"  # bit 2: out of range
    assert reading(0x32).problem == "scale.negative"  # bit 1: negative
    assert reading(0x20).problem == "scale.unit"  # bit 4 clear: pounds
    assert reading(0x30, "000000").problem == "scale.empty"
    assert reading(0x31).net is True
    for bad in (b"\x02-0 00a234000000\r", b"\x02\x00\x00\x00001234000000\r", b"001234\r", b"\x02-0 0012\r"):
        with pytest.raises(ValueError):
            parse_frame(bad)


def test_the_checksum_is_the_twos_complement_of_the_seven_bit_sum():
    body = frame(0x2D, 0x30, "001234")
    assert (sum(b & 0x7F for b in body) + checksum(body)) & 0x7F == 0


@pytest.fixture
def scale():
    simulator = ScaleSimulator().start()
    yield simulator
    simulator.stop()


def weigh(scale: ScaleSimulator, timeout: float = 2.0, **options: object) -> tuple[Reading, list[Reading]]:
    heard: list[Reading] = []
    port = ToledoContinuousScale(scale.url, **options)  # type: ignore[arg-type]
    reading = asyncio.run(port.weigh(timeout, heard.append))
    return reading, heard


def test_a_weighing_waits_for_the_weight_to_settle_and_takes_it(scale):
    scale.grams = 1234
    scale.settle = 3
    reading, heard = weigh(scale)
    assert reading.grams == 1234 and not reading.moving and reading.unit == "kg"
    # Three frames of motion, the first of them cut (the port opened mid-frame) and dropped.
    assert [r.moving for r in heard] == [True, True, False]


def test_frames_with_a_wrong_checksum_are_not_read(scale):
    scale.grams, scale.with_checksum = 880, True
    reading, _ = weigh(scale, with_checksum=True)
    assert reading.grams == 880
    scale.with_checksum = False  # the scale sends no checksum; the till waits for one in vain
    with pytest.raises(ScaleError) as refused:
        weigh(scale, timeout=1.0, with_checksum=True)
    assert refused.value.code in ("scale.no_answer", "scale.garbled")


@pytest.mark.parametrize(
    ("state", "code"),
    [
        ({"moving": True}, "scale.unstable"),
        ({"grams": 0}, "scale.empty"),
        ({"out_of_range": True}, "scale.overload"),
        ({"negative": True}, "scale.negative"),
        ({"pounds": True}, "scale.unit"),
        ({"silent": True}, "scale.no_answer"),
        ({"noise": True}, "scale.garbled"),
    ],
)
def test_a_weight_the_till_may_not_use_is_refused_with_its_reason(scale, state, code):
    scale.grams = 500
    for name, value in state.items():
        setattr(scale, name, value)
    with pytest.raises(ScaleError) as refused:
        weigh(scale, timeout=1.0)
    assert refused.value.code == code


def test_no_scale_at_the_address_is_said_at_once():
    simulator = ScaleSimulator()
    url = simulator.url
    simulator.stop()  # nothing listens there any more
    with pytest.raises(ScaleError) as refused:
        asyncio.run(ToledoContinuousScale(url).weigh(5.0))
    assert refused.value.code == "scale.no_answer"


def test_a_cancelled_weighing_lets_go_of_the_port(scale):
    scale.moving = True  # never settles

    async def cancel_after_first_frame() -> None:
        first = asyncio.Event()
        task = asyncio.create_task(ToledoContinuousScale(scale.url).weigh(60.0, lambda _r: first.set()))
        await first.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cancel_after_first_frame())
    # The port is free again: the next weighing connects and reads.
    scale.moving = False
    scale.grams = 300
    assert weigh(scale)[0].grams == 300
    assert scale.connections == 2
