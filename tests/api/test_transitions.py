"""Status moves over HTTP, and the two-person rule end to end."""

from __future__ import annotations

from rest_framework.test import APIClient

from cases.models import MissingPerson, PendingTransition
from tests.api.conftest import etag_of


def move(client: APIClient, case: MissingPerson, status: str, note: str = "", **kw):
    return client.post(f"/api/cases/{case.pk}/transition/", {"status": status, "note": note}, **kw)


def test_a_plain_move_applies_at_once(cw: APIClient, case: MissingPerson) -> None:
    response = move(cw, case, "capture_reported", "video from the other side")
    assert response.status_code == 200
    assert response.json()["status"] == "capture_reported"
    assert response.json()["version"] == case.version + 1
    assert response["ETag"] == f'"{case.pk}-{case.version + 1}"'
    assert case.events.filter(kind="status_changed", family_visible=True).count() == 1


def test_an_illegal_move_is_409_with_the_allowed_moves(cw: APIClient, case: MissingPerson) -> None:
    response = move(cw, case, "repatriated")
    assert response.status_code == 409
    body = response.json()
    assert body["current"] == "missing"
    assert body["requested"] == "repatriated"
    assert set(body["allowed"]) == {
        "capture_reported",
        "detained",
        "found_alive",
        "deceased",
        "closed",
    }


def test_an_unknown_status_is_400_naming_it(cw: APIClient, case: MissingPerson) -> None:
    response = move(cw, case, "vanished")
    assert response.status_code == 400
    assert "status" in response.json()


def test_closing_needs_a_reason(cw: APIClient, case: MissingPerson) -> None:
    response = move(cw, case, "closed")
    assert response.status_code == 400
    assert "note" in response.json()


def test_a_transition_needs_a_status(cw: APIClient, case: MissingPerson) -> None:
    response = cw.post(f"/api/cases/{case.pk}/transition/", {"note": "x", "extra": 1})
    assert response.status_code == 400
    assert {"status", "extra"} <= set(response.json())


def test_a_transition_with_a_stale_if_match_is_412(cw: APIClient, case: MissingPerson) -> None:
    old = etag_of(cw, case.pk)
    move(cw, case, "detained")
    assert move(cw, case, "release_scheduled", HTTP_IF_MATCH=old).status_code == 412


def test_two_person_rule_end_to_end(
    cw: APIClient, sup: APIClient, sup2: APIClient, case: MissingPerson
) -> None:
    asked = move(cw, case, "deceased", "ICRC list of the dead, entry 14")
    assert asked.status_code == 202
    pending = asked.json()["pending_transition"]
    assert pending["to_status"] == "deceased"
    assert pending["state"] == "pending"
    case.refresh_from_db()
    assert case.status == "missing"  # nothing applied, nobody told

    queue = cw.get("/api/transitions/").json()["results"]
    assert [t["id"] for t in queue] == [pending["id"]]

    url = f"/api/transitions/{pending['id']}/confirm/"
    assert cw.post(url).status_code == 403  # a caseworker cannot confirm

    confirmed = sup.post(url, {"note": "checked with the ICRC"})
    assert confirmed.status_code == 200
    assert confirmed.json()["status"] == "deceased"
    case.refresh_from_db()
    assert case.status == "deceased"
    assert cw.get("/api/transitions/").json()["results"] == []
    assert sup2.post(url).status_code == 409  # already decided


def test_the_asker_cannot_confirm_their_own_request(
    sup: APIClient, sup2: APIClient, case: MissingPerson
) -> None:
    pending = move(sup, case, "deceased", "report").json()["pending_transition"]
    refused = sup.post(f"/api/transitions/{pending['id']}/confirm/")
    assert refused.status_code == 403
    assert refused.json()["code"] == "not_allowed"
    assert sup2.post(f"/api/transitions/{pending['id']}/confirm/").status_code == 200


def test_a_request_the_case_has_outrun_cannot_be_confirmed(
    cw: APIClient, sup: APIClient, case: MissingPerson
) -> None:
    pending = move(cw, case, "deceased", "rumour").json()["pending_transition"]
    assert move(cw, case, "detained", "ICRC visit").status_code == 200
    response = sup.post(f"/api/transitions/{pending['id']}/confirm/")
    assert response.status_code == 409
    case.refresh_from_db()
    assert case.status == "detained"


def test_a_second_sensitive_request_while_one_waits_is_409(
    cw: APIClient, case: MissingPerson
) -> None:
    first = move(cw, case, "deceased", "one")
    assert first.status_code == 202
    second = move(cw, case, "deceased", "two")
    assert second.status_code == 409
    assert second.json()["code"] == "conflict"
    (waiting,) = PendingTransition.objects.filter(case=case)
    assert (waiting.pk, waiting.note, waiting.state) == (
        first.json()["pending_transition"]["id"],
        "one",
        "pending",
    )
    assert case.events.filter(kind="transition_requested").count() == 1
    case.refresh_from_db()
    assert case.status == "missing"


def test_a_supervisor_rejects_a_request(cw: APIClient, sup: APIClient, case: MissingPerson) -> None:
    pending = move(cw, case, "deceased", "rumour").json()["pending_transition"]
    response = sup.post(f"/api/transitions/{pending['id']}/reject/", {"note": "not confirmed"})
    assert response.status_code == 200
    assert response.json()["state"] == "rejected"
    assert response.json()["decided_by"] == "sona.supervisor"
    case.refresh_from_db()
    assert case.status == "missing"
    assert cw.post(f"/api/transitions/{pending['id']}/reject/").status_code == 403


def test_decided_requests_are_listed_by_state(
    cw: APIClient, sup: APIClient, case: MissingPerson
) -> None:
    pending = move(cw, case, "deceased", "rumour").json()["pending_transition"]
    sup.post(f"/api/transitions/{pending['id']}/reject/")
    rejected = cw.get("/api/transitions/", {"state": "rejected"}).json()["results"]
    assert [t["id"] for t in rejected] == [pending["id"]]
    assert len(cw.get("/api/transitions/", {"state": "all"}).json()["results"]) == 1
    assert cw.get("/api/transitions/", {"state": "maybe"}).status_code == 400
    one = cw.get(f"/api/transitions/{pending['id']}/").json()
    assert one["case_number"] == case.case_number


def test_a_decision_on_an_unknown_request_is_404(sup: APIClient) -> None:
    assert sup.post("/api/transitions/999999/confirm/").status_code == 404
    assert sup.post("/api/transitions/xyz/reject/").status_code == 404


def test_a_decision_note_that_is_too_long_is_400(
    cw: APIClient, sup: APIClient, case: MissingPerson
) -> None:
    pending = move(cw, case, "deceased", "rumour").json()["pending_transition"]
    response = sup.post(f"/api/transitions/{pending['id']}/confirm/", {"note": "x" * 5001})
    assert response.status_code == 400
    assert "note" in response.json()
    assert PendingTransition.objects.get(pk=pending["id"]).state == "pending"
