"""404 means the thing asked for does not exist (or is not the asker's): only
the lookups of what the request names answer 404. A DoesNotExist raised for
any other reason is a bug, and must be a 500 that is logged, not a 404 that
hides it."""

from __future__ import annotations

import logging

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(user)
    return client


@pytest.mark.urls("tests.api.urls_with_a_bug")
def test_a_does_not_exist_that_is_not_the_requests_is_a_logged_500(
    caseworker, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="django.request")
    response = _api(caseworker).get("/api/with-a-bug/")
    assert response.status_code == 500
    (logged,) = [r for r in caplog.records if r.name == "django.request"]
    assert logged.exc_info is not None
    assert logged.exc_info[0].__name__ == "DoesNotExist"


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/api/cases/999999/"),
        ("get", "/api/capture-reports/999999/"),
        ("get", "/api/exchanges/999999/"),
        ("post", "/api/exchanges/999999/complete/"),
        ("post", "/api/transitions/999999/confirm/"),
        ("post", "/api/transitions/999999/reject/"),
        ("get", "/api/family-members/999999/"),
    ],
)
def test_what_the_request_names_and_does_not_exist_is_a_404(
    supervisor, method: str, url: str
) -> None:
    response = getattr(_api(supervisor), method)(url, {}, format="json")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
