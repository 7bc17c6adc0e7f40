"""Barcodes as a scanner or a cashier delivers them.

A numeric code of 8, 12 or 13 digits is a GTIN (EAN-8, UPC-A, EAN-13) and must carry a
valid check digit; a UPC-A is looked up as its EAN-13 form (leading 0). Other codes of
letters, digits and dashes are internal codes, looked up as typed.

Weighed and price-embedded barcodes are EAN-13s whose prefix says so (the layout is a store
setting, `parse_layout`): after the prefix come the item's digits, then the weight in grams or
the price in cents, then the check digit. The item is catalogued under its base code: the same
digits with the value part zeroed (and its own check digit), e.g. 2112345 01234 x -> 2112345 00000 x.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sync.rules.errors import ShopError

_INTERNAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$")
GTIN_LENGTHS = (8, 12, 13, 14)


class BarcodeError(ShopError):
    """A code that cannot be a barcode: `reason` (empty, length, check_digit, characters) makes
    its rule code "barcode.<reason>", said in the screen's language like every refusal
    (sync/rules/errors.py); `scanned` is what was scanned."""

    def __init__(self, message: str, reason: str = "", code: str = "") -> None:
        super().__init__(f"barcode.{reason}", message, scanned=code, digits=len(code))
        self.reason = reason
        self.scanned = code


def gtin_check_digit(body: str) -> int:
    """Check digit for the digits of a GTIN without its last digit (GS1 mod-10)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    if not (code.isascii() and code.isdigit()) or len(code) not in GTIN_LENGTHS:
        return False
    return gtin_check_digit(code[:-1]) == int(code[-1])


def make_ean13(body12: str) -> str:
    if len(body12) != 12 or not (body12.isascii() and body12.isdigit()):
        raise ValueError("an EAN-13 body has 12 digits")
    return body12 + str(gtin_check_digit(body12))


@dataclass(frozen=True, slots=True)
class ScannedCode:
    code: str  # the form to look up
    kind: str  # "ean13", "ean8", "upca", "gtin14", "internal"


def normalise(raw: str) -> ScannedCode:
    """Validate what was scanned or typed; raise BarcodeError with a message for the cashier."""
    code = raw.strip()
    if not code:
        raise BarcodeError("Nothing was scanned", "empty")
    if not code.isascii():
        # A scanner sends ASCII (GS1 codes are the digits 0-9); str.isdigit() would also take
        # fullwidth, Arabic-Indic, Devanagari, superscript and circled digits, which int() then
        # reads as numbers or refuses with a ValueError.
        raise BarcodeError(f"'{code}' is not a barcode", "characters", code)
    if code.isdigit():
        if len(code) not in GTIN_LENGTHS:
            raise BarcodeError(f"Code {code} has {len(code)} digits: not a barcode", "length", code)
        if not is_valid_gtin(code):
            raise BarcodeError(f"Code {code} has a wrong check digit: scan it again", "check_digit", code)
        if len(code) == 12:
            return ScannedCode("0" + code, "upca")
        kind = {8: "ean8", 13: "ean13", 14: "gtin14"}[len(code)]
        return ScannedCode(code, kind)
    if not _INTERNAL.match(code):
        raise BarcodeError(f"'{code}' is not a barcode", "characters", code)
    return ScannedCode(code.upper(), "internal")


@dataclass(frozen=True, slots=True)
class EmbeddedRule:
    prefix: str
    kind: str  # "weight" (grams) | "price" (cents)
    item_digits: int = 5


# Spanish scales' usual set-up: 20-24 weight, 25-29 price, five item digits.
DEFAULT_LAYOUT = "20-24:weight:5,25-29:price:5"


def parse_layout(text: str) -> tuple[EmbeddedRule, ...]:
    """`prefix[-last]:weight|price:item digits`, comma-separated (e.g. DEFAULT_LAYOUT)."""
    rules = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        try:
            prefixes, kind, digits = part.split(":")
            first, _, last = prefixes.partition("-")
            width = len(first)
            numbers = range(int(first), int(last or first) + 1)
        except ValueError:
            raise ValueError(f"bad embedded-barcode rule {part!r}: use prefix[-last]:weight|price:digits") from None
        if kind not in ("weight", "price") or not digits.isdigit() or width + int(digits) > 11:
            raise ValueError(f"bad embedded-barcode rule {part!r}")
        rules += [EmbeddedRule(f"{n:0{width}d}", kind, int(digits)) for n in numbers]
    return tuple(rules)


@dataclass(frozen=True, slots=True)
class Embedded:
    base_code: str  # the code the item is catalogued under
    kind: str  # "weight" | "price"
    value: int  # grams or cents


def embedded_value(code: ScannedCode, rules: tuple[EmbeddedRule, ...]) -> Embedded | None:
    """The weight or price carried by a scanned EAN-13, if its prefix is a weighed/priced one."""
    if code.kind != "ean13":
        return None
    for rule in rules:
        if code.code.startswith(rule.prefix):
            head = len(rule.prefix) + rule.item_digits
            value = int(code.code[head:12])
            if value == 0:
                return None  # the base code itself (a label without a value)
            return Embedded(make_ean13(code.code[:head] + "0" * (12 - head)), rule.kind, value)
    return None
