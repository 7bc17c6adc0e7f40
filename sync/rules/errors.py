"""What the shop's rules refuse, said so that each screen can say it in its own language.

A `ShopError` carries a `code` naming the rule and the `params` of its sentence. Its message is
the English sentence (for logs and tests); the screens never show `str(exc)` but the sentence
for the code in the cashier's language (services/explain.py).
"""

from __future__ import annotations


class ShopError(ValueError):
    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params
