"""Schemathesis fuzzes the server's OpenAPI in process: no input may make it answer 5xx, and
every answer is one the document declares (status, content type and body schema)."""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from sync import protocol as p
from sync.server import demo
from sync.server.app import create_app
from sync.server.settings import ServerSettings
from sync.server.store import CentralStore

ADMIN = "fuzz-admin"
_folder = Path(tempfile.mkdtemp(prefix="pos-fuzz-"))
_central = CentralStore.open(f"sqlite:///{_folder / 'server.sqlite'}")
demo.generate(_central, skus=30, stores=2, customers=3, seed=3)
_, _code = _central.create_till("MAD1", "FZ", "Fuzz")
DEVICE_TOKEN = _central.enrol(p.EnrolRequest(code=_code, instance_id=uuid.uuid4())).token
app = create_app(ServerSettings(admin_token=ADMIN), _central)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("POS_FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=list(HealthCheck)
)
def test_no_input_makes_the_server_fail_or_answer_off_its_document(case):
    token = ADMIN if case.path.startswith(("/admin", "/channel")) else DEVICE_TOKEN
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
