from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.rules.transfers import (
    STATE_RANK,
    TransferStateError,
    advance,
    may_do,
    suggested_quantity,
    surplus,
)


@given(st.lists(st.sampled_from(sorted(STATE_RANK)), max_size=12))
def test_a_transfer_only_moves_forward_whatever_order_steps_arrive_in(steps):
    state = "requested"
    for step in steps:
        try:
            after = advance(state, step)
        except TransferStateError:
            continue
        assert STATE_RANK[after] >= STATE_RANK[state]
        state = after


def test_steps_follow_the_life_of_a_transfer():
    assert advance("requested", "accepted") == "accepted"
    assert advance("accepted", "shipped") == "shipped"
    assert advance("shipped", "received") == "received"
    assert advance("received", "shipped") == "received"  # a late replay changes nothing
    with pytest.raises(TransferStateError):
        advance("shipped", "cancelled")  # goods on the road are received, not cancelled
    with pytest.raises(TransferStateError):
        advance("declined", "received")


def test_each_store_takes_its_own_steps():
    assert may_do("shipped", 1, from_store_id=1, to_store_id=2)
    assert not may_do("shipped", 2, from_store_id=1, to_store_id=2)
    assert may_do("received", 2, from_store_id=1, to_store_id=2)
    assert not may_do("accepted", 2, from_store_id=1, to_store_id=2)
    assert may_do("cancelled", 1, 1, 2) and may_do("cancelled", 2, 1, 2)


def test_replenishment_up_to_the_maximum_from_stores_with_surplus():
    assert suggested_quantity(on_hand=1, in_transit=0, minimum=3, maximum=10) == 9
    assert suggested_quantity(on_hand=1, in_transit=5, minimum=3, maximum=10) == 0  # on its way
    assert suggested_quantity(on_hand=3, in_transit=0, minimum=3, maximum=10) == 0
    assert surplus(14, 2, 10) == 4 and surplus(14, 2, None) == 12 and surplus(14, None, None) == 0
