"""A body too large is a 413, said before it is read: JSON on the API, a
plain page elsewhere (it used to be Django's HTML 400 everywhere). Files in a
multipart upload have their own, larger limit (UPLOAD_MAX_BYTES)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cases.models import MissingPerson
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db

THREE_MB = 3 * 1024 * 1024


def test_a_3_mb_json_body_is_a_413_in_json(caseworker: User) -> None:
    body = json.dumps({"given_name": "A" * THREE_MB, "family_name": "B"})
    response = token_client(caseworker).post(
        "/api/cases/", data=body, content_type="application/json"
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "request_too_large"
    assert MissingPerson.objects.count() == 0


def test_a_3_mb_body_without_a_login_is_a_413_too(anon_client: Client) -> None:
    body = json.dumps({"username": "x" * THREE_MB, "password": "y"})
    response = anon_client.post("/api/auth/token/", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


def test_multipart_fields_over_the_data_limit_are_a_413_in_json(caseworker: User) -> None:
    response = token_client(caseworker).post(
        "/api/cases/", data={"given_name": "A" * THREE_MB, "family_name": "B"}, format="multipart"
    )
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


def test_a_file_under_the_upload_limit_passes_the_size_check(caseworker: User) -> None:
    upload = SimpleUploadedFile("list.csv", b"a" * THREE_MB, content_type="text/csv")
    response = token_client(caseworker).post(
        "/api/cases/",
        data={"given_name": "Armen", "family_name": "Petrosyan", "file": upload},
        format="multipart",
    )
    # The size is fine; the case endpoint takes no file, and says so.
    assert response.status_code == 400
    assert response.json() == {"file": ["Unknown field."]}


def test_an_upload_over_its_limit_is_a_413(caseworker: User, settings: Any) -> None:
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("list.csv", b"a" * (2 * 1024 * 1024), content_type="text/csv")
    response = token_client(caseworker).post(
        "/api/cases/", data={"file": upload}, format="multipart"
    )
    assert response.status_code == 413
    assert "1048576 bytes" in response.json()["detail"]


def test_too_many_fields_is_a_400_in_json(caseworker: User) -> None:
    body = "&".join(f"k{i}=1" for i in range(1500))
    response = token_client(caseworker).post(
        "/api/cases/", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "too_many_fields"


def test_a_page_answers_a_plain_413(anon_client: Client) -> None:
    response = anon_client.post(
        "/accounts/login/", data={"username": "x" * THREE_MB, "password": "y"}
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/plain")


@pytest.fixture
def anon_client() -> Client:
    return Client()
