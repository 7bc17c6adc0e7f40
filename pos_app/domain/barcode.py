"""Barcodes as a scanner or a cashier delivers them.

A numeric code of 8, 12 or 13 digits is a GTIN (EAN-8, UPC-A, EAN-13) and must carry a
valid check digit; a UPC-A is looked up as its EAN-13 form (leading 0). Other codes of
letters, digits and dashes are internal codes, looked up as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INTERNAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$")
GTIN_LENGTHS = (8, 12, 13, 14)


class BarcodeError(ValueError):
    """A code that cannot be a barcode; the message is for the cashier."""


def gtin_check_digit(body: str) -> int:
    """Check digit for the digits of a GTIN without its last digit (GS1 mod-10)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    return code.isdigit() and len(code) in GTIN_LENGTHS and gtin_check_digit(code[:-1]) == int(code[-1])


def make_ean13(body12: str) -> str:
    if len(body12) != 12 or not body12.isdigit():
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
        raise BarcodeError("Nothing was scanned")
    if code.isdigit():
        if len(code) not in GTIN_LENGTHS:
            raise BarcodeError(f"Code {code} has {len(code)} digits: not a barcode")
        if not is_valid_gtin(code):
            raise BarcodeError(f"Code {code} has a wrong check digit: scan it again")
        if len(code) == 12:
            return ScannedCode("0" + code, "upca")
        kind = {8: "ean8", 13: "ean13", 14: "gtin14"}[len(code)]
        return ScannedCode(code, kind)
    if not _INTERNAL.match(code):
        raise BarcodeError(f"'{code}' is not a barcode")
    return ScannedCode(code.upper(), "internal")
