"""Schemathesis, stateful: sequences of calls that follow links between
operations (a case is opened, then read, edited with its ETag, moved, noted;
a move that waits is confirmed or rejected; a report, an exchange, a relative
are made and then changed). Next to the per-operation run in test_schema.py,
it reaches the states a single call cannot: nothing may answer 500, and
every answer keeps to the schema."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.api.test_schema import api_schema, supervisor_token  # noqa: F401 - fixtures

BY_ID = {"path.id": "$response.body#/id"}
SAME_ID = {"path.id": "$request.path.id"}

# (source path, method, status) -> [(target path, method, parameters)]
LINKS: dict[tuple[str, str, int], list[tuple[str, str, dict[str, str]]]] = {
    ("/api/cases/", "POST", 201): [
        ("/api/cases/{id}/", "GET", BY_ID),
        ("/api/cases/{id}/transition/", "POST", BY_ID),
        ("/api/cases/{id}/notes/", "POST", BY_ID),
        ("/api/cases/{id}/timeline/", "GET", BY_ID),
        ("/api/cases/{id}/family-told/", "POST", BY_ID),
    ],
    ("/api/cases/{id}/", "GET", 200): [
        ("/api/cases/{id}/", "PATCH", {**SAME_ID, "header.If-Match": "$response.header.ETag"}),
    ],
    ("/api/cases/{id}/transition/", "POST", 200): [
        ("/api/cases/{id}/transition/", "POST", SAME_ID),
        ("/api/cases/{id}/", "GET", SAME_ID),
    ],
    ("/api/cases/{id}/transition/", "POST", 202): [
        (
            "/api/transitions/{id}/confirm/",
            "POST",
            {"path.id": "$response.body#/pending_transition/id"},
        ),
        (
            "/api/transitions/{id}/reject/",
            "POST",
            {"path.id": "$response.body#/pending_transition/id"},
        ),
    ],
    ("/api/capture-reports/", "POST", 201): [
        ("/api/capture-reports/{id}/", "GET", BY_ID),
        ("/api/capture-reports/{id}/", "PATCH", BY_ID),
    ],
    ("/api/exchanges/", "POST", 201): [
        ("/api/exchanges/{id}/", "GET", BY_ID),
        ("/api/exchanges/{id}/", "PATCH", BY_ID),
        ("/api/exchanges/{id}/listings/", "POST", BY_ID),
        ("/api/exchanges/{id}/complete/", "POST", BY_ID),
    ],
    ("/api/exchanges/{id}/listings/", "POST", 201): [
        ("/api/exchanges/{id}/complete/", "POST", SAME_ID),
    ],
    ("/api/family-members/", "POST", 201): [
        ("/api/family-members/{id}/", "GET", BY_ID),
        ("/api/family-members/{id}/", "PATCH", BY_ID),
        ("/api/family-members/{id}/invite/", "POST", BY_ID),
    ],
}


def linked(schema: Any) -> Any:
    for (path, method, status), targets in LINKS.items():
        for target_path, target_method, parameters in targets:
            schema.add_link(
                source=schema[path][method],
                target=schema[target_path][target_method],
                status_code=str(status),
                parameters=parameters,
            )
    return schema


def test_every_link_joins_operations_the_schema_has(api_schema: Any) -> None:  # noqa: F811
    schema = linked(api_schema)
    for (path, method, status), targets in LINKS.items():
        links = schema.get_links(schema[path][method])[str(status)]
        assert len(links) == len(targets), (path, method, status)
    assert schema.as_state_machine() is not None


@pytest.mark.timeout(600)
def test_sequences_of_linked_calls_never_fail(
    api_schema: Any,  # noqa: F811
    supervisor_token: str,  # noqa: F811
) -> None:
    base = linked(api_schema).as_state_machine()
    answered: set[tuple[str, str, int]] = set()

    class Workflow(base):  # type: ignore[misc,valid-type]
        def after_call(self, response: Any, case: Any) -> None:
            answered.add((case.method.upper(), case.operation.path, response.status_code))

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": {"Authorization": f"Token {supervisor_token}"}}

        def _add_results_to_targets(self, targets: Any, results: Any) -> None:
            # Schemathesis 3.39 routes each response to the bundle of the link
            # it feeds by overriding `_add_result_to_targets`, which
            # hypothesis has since renamed: without this, every response lands
            # in one catch-all bundle and the machine stops after one step.
            for result in results:
                target = None if result is None else self._get_target_for_result(result)
                if target is not None:
                    super()._add_results_to_targets((target,), [result])

        def validate_response(self, response: Any, case: Any, **_: Any) -> None:
            case.validate_response(
                response, checks=(not_a_server_error, response_schema_conformance)
            )

    Workflow.run(
        settings=settings(
            max_examples=40,
            stateful_step_count=8,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
    # The run went past the first call: records made by one call were read
    # and edited by the next (their ids came through the links).
    reached = {(m, p) for m, p, status in answered if status < 300}
    targets = {(m, p) for links in LINKS.values() for p, m, _ in links}
    assert len(reached & targets) >= 3, sorted(answered)
