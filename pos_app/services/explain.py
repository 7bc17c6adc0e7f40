"""A refusal of the shop's rules (sync/rules/errors.py), as the cashier reads it: the sentence for
its code, in the screen's language (context "ShopError" in the translation files). Anything
that is not a `ShopError` is said as it is (and is a bug to give a code to)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sync.rules.errors import ShopError

SENTENCES = {
    "quantity.not_a_number": QT_TRANSLATE_NOOP("ShopError", "'{text}' is not a quantity: type a whole number"),
    "quantity.range": QT_TRANSLATE_NOOP("ShopError", "Quantity must be between 1 and {most}"),
    "quantity.weighed": QT_TRANSLATE_NOOP(
        "ShopError", "A weighed item's quantity is its weight: remove it and weigh again"
    ),
    "price.only_lower": QT_TRANSLATE_NOOP("ShopError", "A price can only be lowered at the till"),
    "discount.percent_range": QT_TRANSLATE_NOOP("ShopError", "A discount is between 0 and 100 %"),
    "discount.over_line": QT_TRANSLATE_NOOP("ShopError", "A discount cannot be more than the line"),
    "cart.no_line": QT_TRANSLATE_NOOP("ShopError", "No such line in the cart"),
    "amount.empty": QT_TRANSLATE_NOOP("ShopError", "Enter an amount"),
    "amount.not_an_amount": QT_TRANSLATE_NOOP("ShopError", "'{text}' is not an amount"),
    "payment.nothing_left": QT_TRANSLATE_NOOP("ShopError", "Nothing left to pay"),
    "payment.cash_needed": QT_TRANSLATE_NOOP("ShopError", "Enter the cash handed over"),
    "payment.card_over": QT_TRANSLATE_NOOP("ShopError", "A card pays at most what is left to pay"),
    "payment.card_refund_over": QT_TRANSLATE_NOOP(
        "ShopError", "A card refund gives back at most what is left to refund"
    ),
    "payment.no_points": QT_TRANSLATE_NOOP("ShopError", "The member has no points to spend"),
    "payment.points_over": QT_TRANSLATE_NOOP(
        "ShopError", "Points pay at most what is left and what the member may spend"
    ),
    "identify.phone": QT_TRANSLATE_NOOP("ShopError", "'{text}' is not a phone number"),
    "identify.email": QT_TRANSLATE_NOOP("ShopError", "'{text}' is not an e-mail address"),
    "identify.name": QT_TRANSLATE_NOOP("ShopError", "Type the member's name"),
    "identify.contact": QT_TRANSLATE_NOOP("ShopError", "A member needs a phone or an e-mail"),
    "barcode.empty": QT_TRANSLATE_NOOP("ShopError", "Nothing was scanned"),
    "barcode.length": QT_TRANSLATE_NOOP("ShopError", "Code {scanned} has {digits} digits: not a barcode"),
    "barcode.check_digit": QT_TRANSLATE_NOOP("ShopError", "Code {scanned} has a wrong check digit: scan it again"),
    "barcode.characters": QT_TRANSLATE_NOOP("ShopError", "'{scanned}' is not a barcode"),
    # The counter scale (services/scale.py)
    "scale.no_answer": QT_TRANSLATE_NOOP(
        "ShopError", "The scale does not answer: check its cable and that it is switched on"
    ),
    "scale.garbled": QT_TRANSLATE_NOOP(
        "ShopError", "The scale sends something the till cannot read: set it to continuous output"
    ),
    "scale.unstable": QT_TRANSLATE_NOOP("ShopError", "The weight does not settle: keep the item still on the scale"),
    "scale.empty": QT_TRANSLATE_NOOP("ShopError", "Nothing on the scale: put the item on it"),
    "scale.negative": QT_TRANSLATE_NOOP("ShopError", "The scale shows a negative weight: empty it and zero it"),
    "scale.overload": QT_TRANSLATE_NOOP("ShopError", "Too heavy for the scale"),
    "scale.unit": QT_TRANSLATE_NOOP("ShopError", "The scale weighs in pounds: set it to kilograms"),
    # Stock, transfers and counts (store/stock_records.py)
    "transfer.same_store": QT_TRANSLATE_NOOP("ShopError", "A transfer comes from another store"),
    "transfer.no_quantities": QT_TRANSLATE_NOOP("ShopError", "Say how many of each product"),
    "transfer.unknown": QT_TRANSLATE_NOOP("ShopError", "Unknown transfer"),
    "transfer.not_here": QT_TRANSLATE_NOOP("ShopError", "This store cannot mark transfer {number} {step}"),
    "transfer.already": QT_TRANSLATE_NOOP("ShopError", "Transfer {number} is already {state}"),
    "count.in_progress": QT_TRANSLATE_NOOP("ShopError", "A count is already in progress: finish it first"),
    "count.none": QT_TRANSLATE_NOOP("ShopError", "No such count in progress"),
    "stock.nothing_to_adjust": QT_TRANSLATE_NOOP("ShopError", "Nothing to adjust"),
    "weight.typed": QT_TRANSLATE_NOOP("ShopError", "'{text}' is not a weight: type kilograms, such as 0,350"),
}


def explain(exc: BaseException) -> str:
    if isinstance(exc, ShopError) and exc.code in SENTENCES:
        return QCoreApplication.translate("ShopError", str(SENTENCES[exc.code])).format(**exc.params)
    return str(exc)
