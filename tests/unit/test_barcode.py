import pytest

from sync.rules.barcode import BarcodeError, gtin_check_digit, is_valid_gtin, make_ean13, normalise


def test_known_gtins_validate():
    assert is_valid_gtin("4006381333931")  # EAN-13
    assert is_valid_gtin("96385074")  # EAN-8
    assert is_valid_gtin("036000291452")  # UPC-A
    assert not is_valid_gtin("4006381333932")


def test_make_ean13_appends_the_check_digit():
    code = make_ean13("840000000001")
    assert len(code) == 13 and is_valid_gtin(code)
    assert gtin_check_digit("400638133393") == 1


def test_upca_is_looked_up_as_its_ean13_form():
    scanned = normalise("036000291452")
    assert (scanned.code, scanned.kind) == ("0036000291452", "upca")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("4006381333932", "check digit"),
        ("12345", "5 digits"),
        ("", "Nothing"),
        ("ab cd", "not a barcode"),
        ("84'; DROP TABLE", "not a barcode"),
    ],
)
def test_malformed_codes_get_a_clear_message(raw, message):
    with pytest.raises(BarcodeError, match=message):
        normalise(raw)


def test_internal_codes_are_accepted_as_typed_upper_case():
    assert normalise(" s0000012 ").code == "S0000012"


@pytest.mark.parametrize(
    "raw",
    [
        "８４００００００００１２",  # fullwidth digits
        "٨٤٠٠٠٠٠٠٠٠٠٠٠",  # Arabic-Indic
        "८४००००००००००१",  # Devanagari
        "²³⁴⁵⁶⁷⁸⁹",  # superscript
        "①②③④⑤⑥⑦⑧",  # circled
        "84000000001２",  # one fullwidth digit among ASCII ones
    ],
)
def test_digits_of_other_scripts_are_not_barcodes(raw):
    with pytest.raises(BarcodeError) as refused:
        normalise(raw)
    assert refused.value.reason == "characters"
    assert not is_valid_gtin(raw)
