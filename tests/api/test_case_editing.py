"""Editing a case: If-Match is required, a stale one is refused, and of two
writers holding the same ETag exactly one wins."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from rest_framework.test import APIClient

from cases.models import MissingPerson
from tests.api.conftest import etag_of, token_client
from tests.dbfeatures import requires_row_locks


def test_a_patch_without_if_match_is_428(cw: APIClient, case: MissingPerson) -> None:
    response = cw.patch(f"/api/cases/{case.pk}/", {"rank": "sergeant"})
    assert response.status_code == 428
    assert response.json()["code"] == "precondition_required"
    case.refresh_from_db()
    assert case.rank == ""


def test_if_match_star_is_not_enough(cw: APIClient, case: MissingPerson) -> None:
    response = cw.patch(f"/api/cases/{case.pk}/", {"rank": "sergeant"}, HTTP_IF_MATCH="*")
    assert response.status_code == 428


def test_a_patch_with_the_current_etag_applies_and_bumps_the_version(
    cw: APIClient, case: MissingPerson
) -> None:
    etag = etag_of(cw, case.pk)
    response = cw.patch(f"/api/cases/{case.pk}/", {"rank": "sergeant"}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.json()
    assert response.json()["rank"] == "sergeant"
    assert response.json()["version"] == case.version + 1
    assert response["ETag"] == f'"{case.pk}-{case.version + 1}"'
    assert case.events.filter(kind="updated").count() == 1


def test_a_weak_etag_is_accepted(cw: APIClient, case: MissingPerson) -> None:
    etag = "W/" + etag_of(cw, case.pk)
    response = cw.patch(f"/api/cases/{case.pk}/", {"rank": "sergeant"}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200


def test_a_stale_etag_is_412_and_changes_nothing(cw: APIClient, case: MissingPerson) -> None:
    old = etag_of(cw, case.pk)
    assert cw.patch(f"/api/cases/{case.pk}/", {"rank": "a"}, HTTP_IF_MATCH=old).status_code == 200
    response = cw.patch(f"/api/cases/{case.pk}/", {"unit": "b"}, HTTP_IF_MATCH=old)
    assert response.status_code == 412
    assert response.json()["version"] == case.version + 1
    case.refresh_from_db()
    assert case.unit == ""


def test_a_status_change_makes_an_old_etag_stale(cw: APIClient, case: MissingPerson) -> None:
    old = etag_of(cw, case.pk)
    cw.post(f"/api/cases/{case.pk}/transition/", {"status": "detained"})
    assert cw.patch(f"/api/cases/{case.pk}/", {"rank": "a"}, HTTP_IF_MATCH=old).status_code == 412


@pytest.mark.parametrize("tag", ['"1-1-1"', "garbage", '"v1"', "W/garbage"])
def test_a_malformed_if_match_is_412(cw: APIClient, case: MissingPerson, tag: str) -> None:
    response = cw.patch(f"/api/cases/{case.pk}/", {"rank": "a"}, HTTP_IF_MATCH=tag)
    assert response.status_code == 412


def test_the_etag_of_another_case_is_412(cw: APIClient, make_case: Any) -> None:
    a, b = make_case(), make_case()
    response = cw.patch(f"/api/cases/{a.pk}/", {"rank": "x"}, HTTP_IF_MATCH=etag_of(cw, b.pk))
    assert response.status_code == 412


def test_status_cannot_be_patched(cw: APIClient, case: MissingPerson) -> None:
    response = cw.patch(
        f"/api/cases/{case.pk}/", {"status": "deceased"}, HTTP_IF_MATCH=etag_of(cw, case.pk)
    )
    assert response.status_code == 400
    assert "/transition/" in response.json()["status"][0]
    case.refresh_from_db()
    assert case.status == "missing"


@pytest.mark.parametrize("field", ["case_number", "version", "created_at", "id", "nickname"])
def test_unknown_and_read_only_fields_are_named(
    cw: APIClient, case: MissingPerson, field: str
) -> None:
    response = cw.patch(
        f"/api/cases/{case.pk}/", {field: "x", "rank": "y"}, HTTP_IF_MATCH=etag_of(cw, case.pk)
    )
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_a_patch_with_bad_values_names_the_field(cw: APIClient, case: MissingPerson) -> None:
    response = cw.patch(
        f"/api/cases/{case.pk}/",
        {"date_of_birth": "2999-01-01"},
        HTTP_IF_MATCH=etag_of(cw, case.pk),
    )
    assert response.status_code == 400
    assert "date_of_birth" in response.json()


def test_a_patch_to_an_unknown_case_is_404(cw: APIClient) -> None:
    assert (
        cw.patch("/api/cases/424242/", {"rank": "a"}, HTTP_IF_MATCH='"424242-1"').status_code == 404
    )


def test_put_is_not_offered(cw: APIClient, case: MissingPerson) -> None:
    assert cw.put(f"/api/cases/{case.pk}/", {"rank": "a"}).status_code == 405


# serialized_rollback: start from the migrated data (the role groups) even
# after another transactional test's flush removed it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@requires_row_locks
def test_two_simultaneous_patches_with_the_same_etag_cannot_both_win(
    caseworker: User, other_caseworker: User, case: MissingPerson
) -> None:
    etag = etag_of(token_client(caseworker), case.pk)
    barrier = threading.Barrier(2)
    results: dict[str, int] = {}

    def patch(user: User, rank: str) -> None:
        client = token_client(user)
        try:
            barrier.wait(timeout=10)
            response = client.patch(f"/api/cases/{case.pk}/", {"rank": rank}, HTTP_IF_MATCH=etag)
            results[rank] = response.status_code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=patch, args=(caseworker, "lieutenant")),
        threading.Thread(target=patch, args=(other_caseworker, "captain")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results.values()) == [200, 412]
    winner = next(rank for rank, code in results.items() if code == 200)
    case.refresh_from_db()
    assert case.rank == winner
    assert case.version == 2
    assert case.events.filter(kind="updated").count() == 1
