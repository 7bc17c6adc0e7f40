"""Click&collect groundwork: states only move forward, what a store may promise, pickup codes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.rules.orders import (
    STATE_RANK,
    OrderStateError,
    SafetyMargin,
    _check_char,
    advance,
    available_to_promise,
    normalise_pickup_code,
    pickup_code,
    queue,
)


def test_an_order_moves_forward_and_a_late_fact_never_moves_it_back():
    state = "placed"
    for step in ("reserved", "picking", "ready", "collected"):
        state = advance(state, step)
        assert state == step
    assert advance("collected", "ready") == "collected"  # a late "ready" changes nothing
    assert advance("ready", "reserved") == "ready"
    assert advance("reserved", "ready") == "ready"  # a walk-in reservation needs no picking
    with pytest.raises(OrderStateError, match="collected cannot become cancelled"):
        advance("collected", "cancelled")
    with pytest.raises(OrderStateError):
        advance("placed", "ready")  # nothing was reserved yet
    with pytest.raises(OrderStateError, match="unknown"):
        advance("placed", "lost")


@given(st.lists(st.sampled_from(sorted(STATE_RANK)), max_size=30))
def test_whatever_facts_arrive_in_whatever_order_the_state_never_goes_back(targets):
    state = "placed"
    for target in targets:
        try:
            new = advance(state, target)
        except OrderStateError:
            continue
        assert STATE_RANK[new] >= STATE_RANK[state]
        state = new


def test_the_pickup_queue():
    assert queue("reserved", problem=False, ready_until_passed=False) == "new"
    assert queue("picking", problem=False, ready_until_passed=False) == "picking"
    assert queue("ready", problem=False, ready_until_passed=False) == "ready"
    assert queue("ready", problem=False, ready_until_passed=True) == "overdue"
    assert queue("ready", problem=True, ready_until_passed=True) == "problem"
    assert queue("collected", problem=True, ready_until_passed=True) == "done"


def test_promises_keep_a_margin_that_grows_with_the_stores_silence():
    margin = SafetyMargin(base=0, hours_per_unit=2, blind_after=timedelta(hours=24))
    assert available_to_promise(5, 1, timedelta(0), margin) == 4  # just synced: all but the reserved
    assert available_to_promise(5, 1, timedelta(minutes=30), margin) == 3  # one unit held back
    assert available_to_promise(5, 1, timedelta(hours=5), margin) == 1  # three held back
    assert available_to_promise(5, 1, timedelta(hours=24), margin) == 0  # too old: nothing promised
    assert available_to_promise(1, 3, timedelta(0), margin) == 0  # never negative
    assert available_to_promise(1, 0, timedelta(0), SafetyMargin(base=1)) == 0  # the last one is kept back


def test_pickup_codes_survive_how_people_type_them_and_catch_a_mistake():
    code = pickup_code()
    assert len(code) == 9 and normalise_pickup_code(code) == code
    spaced = f" {code[:4].lower()}-{code[4:]} "
    assert normalise_pickup_code(spaced) == code
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    assert normalise_pickup_code(wrong) is None  # one character off: the check character says so
    assert normalise_pickup_code("ABC") is None and normalise_pickup_code("") is None
    zero = "0" * 8
    coded = zero + _check_char(zero)
    assert normalise_pickup_code("O" * 8 + coded[8]) == coded  # O read as 0


def test_a_store_heard_from_minutes_ago_keeps_no_margin_beyond_its_base():
    margin = SafetyMargin(base=0, hours_per_unit=2, fresh_for=timedelta(minutes=10))
    assert margin.units(timedelta(minutes=9)) == 0  # its tills sync every few seconds
    assert margin.units(timedelta(minutes=11)) == 1
    assert available_to_promise(1, 0, timedelta(seconds=20), margin) == 1  # the last sofa can be promised


def test_an_orders_phone_is_kept_as_every_channel_keeps_it():
    from sync.rules.loyalty import normalise_phone
    from sync.rules.orders import order_phone

    # A web order's, a reservation typed at the till, a member's: one rule, one result.
    for typed in ("612 34 56 78", "+34 612345678", "0034612345678", "612-345-678"):
        assert order_phone(typed) == normalise_phone(typed) == "34612345678"
    assert order_phone(None) == order_phone(" ") == ""
    assert order_phone("+1 234 567 890 123 456 78") == "123456789012345678"  # too long to read: kept, not refused
