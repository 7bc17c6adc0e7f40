import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.rules.money import format_amount, parse_amount, round_half_up_div, round_to_step
from sync.rules.tax import breakdown, split_gross


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("12", 1200),
        ("12,5", 1250),
        ("12.50", 1250),
        ("0,05", 5),
        ("1.234,56", 123456),
        ("20 €", 2000),
        (" 7,00 ", 700),
        ("1 000", 100000),
    ],
)
def test_cashier_amounts_parse_to_cents(typed, cents):
    assert parse_amount(typed) == cents


@pytest.mark.parametrize("typed", ["", "abc", "12,345", "-5", "1e3", "12,5,0", "€"])
def test_bad_amounts_are_refused_with_a_message(typed):
    with pytest.raises(ValueError, match=r"\w"):
        parse_amount(typed)


def test_amounts_are_shown_spanish_style():
    assert format_amount(123456) == "1.234,56 €"
    assert format_amount(-5) == "-0,05 €"
    assert format_amount(0, "") == "0,00"


def test_commercial_rounding_goes_half_away_from_zero():
    assert round_half_up_div(5, 2) == 3
    assert round_half_up_div(-5, 2) == -3
    assert round_half_up_div(4, 3) == 1
    assert round_to_step(1233, 5) == 1235
    assert round_to_step(1232, 5) == 1230


def test_vat_inclusive_price_splits_into_base_and_tax():
    # 12,10 € at 21 % is 10,00 + 2,10
    assert split_gross(1210, 2100) == (1000, 210)
    assert split_gross(110, 1000) == (100, 10)
    assert split_gross(500, 0) == (500, 0)


def test_breakdown_rounds_once_per_rate_on_the_ticket_total():
    # Three lines of 0,99 € at 21 %: per-line rounding would give 3 x 0,82 = 2,46 base;
    # the rule rounds the rate's total once: 2,97 / 1,21 = 2,4545… -> 2,45.
    lines = [(2100, 99), (2100, 99), (2100, 99), (400, 104)]
    result = breakdown(lines)
    assert [(t.rate_bp, t.gross, t.base, t.tax) for t in result] == [(2100, 297, 245, 52), (400, 104, 100, 4)]


@given(st.lists(st.tuples(st.sampled_from([0, 400, 1000, 2100]), st.integers(0, 10**7)), max_size=60))
def test_breakdown_always_adds_up_to_the_ticket_total(lines):
    result = breakdown(lines)
    assert sum(t.base + t.tax for t in result) == sum(g for _, g in lines)
    for t in result:
        assert 0 <= t.tax <= t.gross
