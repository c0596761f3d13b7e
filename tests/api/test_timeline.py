"""The timeline, notes, and telling the family in person."""

from __future__ import annotations

from rest_framework.test import APIClient

from cases.models import MissingPerson


def test_the_timeline_is_newest_first_with_the_actor_by_name(
    cw: APIClient, case: MissingPerson
) -> None:
    cw.post(f"/api/cases/{case.pk}/transition/", {"status": "detained"})
    body = cw.get(f"/api/cases/{case.pk}/timeline/").json()
    assert body["count"] == 2
    first, second = body["results"]
    assert set(first) == {"id", "kind", "at", "actor", "family_visible", "summary", "data"}
    assert (first["kind"], second["kind"]) == ("status_changed", "opened")
    assert first["actor"] == "anna.caseworker"
    assert first["data"]["to"] == "detained"
    assert first["at"] >= second["at"]


def test_the_timeline_of_an_unknown_case_is_404(cw: APIClient) -> None:
    assert cw.get("/api/cases/987654/timeline/").status_code == 404
    assert cw.get("/api/cases/abc/timeline/").status_code == 404


def test_a_note_goes_on_the_timeline(cw: APIClient, case: MissingPerson) -> None:
    response = cw.post(
        f"/api/cases/{case.pk}/notes/", {"text": "Mother called.", "family_visible": False}
    )
    assert response.status_code == 201
    assert response.json()["kind"] == "note"
    assert response.json()["family_visible"] is False
    latest = cw.get(f"/api/cases/{case.pk}/timeline/").json()["results"][0]
    assert latest["id"] == response.json()["id"]
    assert latest["data"]["text"] == "Mother called."


def test_a_family_visible_note_is_marked_so(cw: APIClient, case: MissingPerson) -> None:
    response = cw.post(
        f"/api/cases/{case.pk}/notes/", {"text": "Seen on a list.", "family_visible": True}
    )
    assert response.json()["family_visible"] is True


def test_an_empty_or_oversized_note_is_400(cw: APIClient, case: MissingPerson) -> None:
    for body in ({"text": ""}, {"text": "   "}, {"text": "x" * 2001}, {}, {"text": 5 * [1]}):
        response = cw.post(f"/api/cases/{case.pk}/notes/", body)
        assert response.status_code == 400, body
        assert "text" in response.json(), body


def test_family_told_is_refused_unless_the_case_is_a_death(
    cw: APIClient, case: MissingPerson
) -> None:
    response = cw.post(f"/api/cases/{case.pk}/family-told/")
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"


def test_family_told_is_recorded_after_a_confirmed_death(
    cw: APIClient, sup: APIClient, case: MissingPerson
) -> None:
    asked = cw.post(f"/api/cases/{case.pk}/transition/", {"status": "deceased", "note": "x"})
    sup.post(f"/api/transitions/{asked.json()['pending_transition']['id']}/confirm/")
    response = cw.post(f"/api/cases/{case.pk}/family-told/", {"note": "visited at home"})
    assert response.status_code == 200
    assert response.json()["family_told_in_person_at"] is not None
    assert case.events.filter(kind="family_told").count() == 1
