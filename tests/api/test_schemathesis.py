"""Property-based test of the whole API against its own OpenAPI document (schemathesis).

Every operation the app serves is exercised with generated requests through the WSGI app
itself (no network server); a 5xx, a status the document does not list, a wrong content type
or a body that breaks the documented schema fails the test. Bounded so the suite stays fast.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api import create_app

app = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
# The coverage phase builds boundary cases at collection time, among them million-character
# strings for every text limit: minutes of setup for cases the fuzzing phase (positive and
# negative data) and the explicit tests in test_api.py / test_batch.py already cover.
schema.config.phases.coverage.enabled = False

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_honours_its_openapi_document(case):
    case.call_and_validate(checks=CHECKS)
