"""The API's JSON parser: nesting beyond 32 levels and lone surrogates are a
400 (they were a RecursionError, and a 500 where an error message quoted the
value back)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from casemgr.parsers import (
    FIELD_NOT_UNICODE,
    MAX_JSON_DEPTH,
    NOT_UNICODE,
    TOO_DEEP,
    json_refusal,
)
from tests.api.conftest import token_client


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def test_nesting_up_to_the_limit_is_accepted_beyond_it_refused() -> None:
    assert json_refusal(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH) is None
    assert json_refusal(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH) == TOO_DEEP
    assert json_refusal({"a": {"b": nested(MAX_JSON_DEPTH)}}, MAX_JSON_DEPTH) == TOO_DEEP


def test_a_lone_surrogate_in_a_key_or_a_value_is_refused() -> None:
    assert json_refusal({"name": "ok\ud800"}, MAX_JSON_DEPTH) == {"name": [FIELD_NOT_UNICODE]}
    assert json_refusal({"links": [{"a": "\ud800"}]}, MAX_JSON_DEPTH) == {
        "links": [FIELD_NOT_UNICODE]
    }
    assert json_refusal([{"\udfff": 1}], MAX_JSON_DEPTH) == NOT_UNICODE
    assert json_refusal(["\udfff"], MAX_JSON_DEPTH) == NOT_UNICODE
    assert json_refusal({"name": "Հովհաննիսյան 👍"}, MAX_JSON_DEPTH) is None


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/auth/token/", "/api/family/accept-invite/", "/api/cases/"])
@pytest.mark.parametrize("depth", [33, 1000, 200_000])
def test_deep_json_is_a_400_on_the_endpoints_the_probe_crashed(
    caseworker: User, url: str, depth: int
) -> None:
    body = '{"a":' * depth + "1" + "}" * depth
    response = token_client(caseworker).post(url, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": TOO_DEEP, "code": "parse_error"}


@pytest.mark.django_db
def test_a_lone_surrogate_in_a_choice_is_a_400_not_a_500(caseworker: User) -> None:
    client: APIClient = token_client(caseworker)
    body = '{"source": "\\ud800", "reported_on": "2020-12-20", "name_as_reported": "A"}'
    response = client.post("/api/capture-reports/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"source": [FIELD_NOT_UNICODE]}
