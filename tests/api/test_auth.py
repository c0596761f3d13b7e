"""Who gets in: tokens, sessions, and the roles refused on every endpoint."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from cases.models import MissingPerson

PASSWORD = "a-long-test-password-1"


def staff_endpoints(case_id: int) -> list[tuple[str, str]]:
    return [
        ("get", "/api/cases/"),
        ("post", "/api/cases/"),
        ("get", f"/api/cases/{case_id}/"),
        ("patch", f"/api/cases/{case_id}/"),
        ("post", f"/api/cases/{case_id}/transition/"),
        ("get", f"/api/cases/{case_id}/timeline/"),
        ("post", f"/api/cases/{case_id}/notes/"),
        ("post", f"/api/cases/{case_id}/family-told/"),
        ("get", "/api/transitions/"),
        ("get", "/api/transitions/1/"),
        ("post", "/api/transitions/1/confirm/"),
        ("post", "/api/transitions/1/reject/"),
        ("get", "/api/capture-reports/"),
        ("post", "/api/capture-reports/"),
        ("get", "/api/capture-reports/1/"),
        ("patch", "/api/capture-reports/1/"),
        ("get", "/api/exchanges/"),
        ("post", "/api/exchanges/"),
        ("get", "/api/exchanges/1/"),
        ("patch", "/api/exchanges/1/"),
        ("post", "/api/exchanges/1/listings/"),
        ("post", "/api/exchanges/1/complete/"),
    ]


def test_a_token_is_given_for_the_right_password(anon: APIClient, caseworker: User) -> None:
    response = anon.post(
        "/api/auth/token/", {"username": caseworker.username, "password": PASSWORD}
    )
    assert response.status_code == 200
    token = response.json()["token"]
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token}")
    opened = client.post("/api/cases/", {"given_name": "Armen", "family_name": "Petrosyan"})
    assert opened.status_code == 201
    # The token acts as the person who logged in: the timeline names them.
    (event,) = client.get(f"/api/cases/{opened.json()['id']}/timeline/").json()["results"]
    assert event["actor"] == caseworker.username


def test_a_wrong_password_is_refused_without_a_token(anon: APIClient, caseworker: User) -> None:
    response = anon.post(
        "/api/auth/token/", {"username": caseworker.username, "password": "wrong-one"}
    )
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert "token" not in response.json()


def test_a_token_request_names_the_missing_field(anon: APIClient) -> None:
    response = anon.post("/api/auth/token/", {"username": "x"})
    assert response.status_code == 400
    assert "password" in response.json()


def test_an_inactive_account_gets_no_token(anon: APIClient, caseworker: User) -> None:
    caseworker.is_active = False
    caseworker.save()
    response = anon.post(
        "/api/auth/token/", {"username": caseworker.username, "password": PASSWORD}
    )
    assert response.status_code == 400


def test_password_guessing_is_throttled(
    anon: APIClient, caseworker: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DRF reads the rates once at import; set a small one for this test.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"token": "3/min"})
    codes = [
        anon.post(
            "/api/auth/token/", {"username": caseworker.username, "password": f"guess{i}"}
        ).status_code
        for i in range(5)
    ]
    right = anon.post("/api/auth/token/", {"username": caseworker.username, "password": PASSWORD})
    assert codes == [400, 400, 400, 429, 429]
    assert right.status_code == 429
    assert "Retry-After" in right
    assert right.json()["code"] == "throttled"


def test_anonymous_gets_401_with_a_token_challenge(anon: APIClient, case: MissingPerson) -> None:
    for method, url in staff_endpoints(case.pk):
        response = getattr(anon, method)(url, {}, format="json")
        assert response.status_code == 401, (method, url)
        assert response["WWW-Authenticate"] == "Token", (method, url)
        assert response.json()["code"] == "not_authenticated"


def test_a_bad_token_gets_401(case: MissingPerson) -> None:
    client = APIClient(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/cases/").status_code == 401


def test_a_family_member_gets_403_on_every_caseworker_endpoint(
    fam: APIClient, case: MissingPerson
) -> None:
    # Even the case they are verified-linked to is not theirs to read here.
    for method, url in staff_endpoints(case.pk):
        response = getattr(fam, method)(url, {}, format="json")
        assert response.status_code == 403, (method, url)
        assert response.json()["code"] == "permission_denied"


def test_an_account_without_a_role_gets_403(outsider: User, case: MissingPerson) -> None:
    from tests.api.conftest import token_client

    client = token_client(outsider)
    for method, url in staff_endpoints(case.pk):
        assert getattr(client, method)(url, {}, format="json").status_code == 403, (method, url)


def test_session_login_works_for_reads_and_needs_csrf_for_writes(
    caseworker: User, case: MissingPerson
) -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(caseworker)
    assert client.get(f"/api/cases/{case.pk}/").status_code == 200
    refused = client.post(f"/api/cases/{case.pk}/notes/", {"text": "x"}, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]


@pytest.mark.parametrize("header", ["Token", "Token a b", "Bearer abc"])
def test_a_malformed_authorization_header_is_401_not_500(header: str, case: MissingPerson) -> None:
    response = APIClient(HTTP_AUTHORIZATION=header).get("/api/cases/")
    assert response.status_code == 401
