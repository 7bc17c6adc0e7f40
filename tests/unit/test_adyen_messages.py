"""The Adyen Terminal API's message protection (services/adyen.py) and its exact amounts."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from pos_app.services.adyen import NexoSecurityError, dumps, seal, unseal
from pos_app.terminal_simulator import DEMO_KEY


def test_the_message_protection_round_trips_and_refuses_another_key():
    message = {"MessageHeader": {"ServiceID": "1"}, "PaymentRequest": {"RequestedAmount": Decimal("10.99")}}
    root, back = unseal(seal("SaleToPOIRequest", message, DEMO_KEY), DEMO_KEY)
    assert (root, back) == ("SaleToPOIRequest", message)
    other = dataclasses.replace(DEMO_KEY, passphrase="another")
    with pytest.raises(ValueError, match=r"decrypted|HMAC"):
        unseal(seal("SaleToPOIRequest", message, other), DEMO_KEY)
    # Amounts are JSON numbers with their exact digits, never a float on the way.
    assert dumps({"RequestedAmount": Decimal("10.10")}) == '{"RequestedAmount": 10.10}'
    tampered = seal("SaleToPOIRequest", message, DEMO_KEY).replace(b'"Hmac": "', b'"Hmac": "A')
    with pytest.raises(NexoSecurityError):
        unseal(tampered, DEMO_KEY)
