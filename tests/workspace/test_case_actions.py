"""The case page's forms call the services: what they allow is done, what
they refuse comes back on the page with the entry kept, and a form sent from
a page someone else changed meanwhile saves nothing and says what changed."""

from __future__ import annotations

from datetime import date

from cases import services
from cases.models import CaptureReport, CaseEvent, EventKind, MissingPerson, PendingTransition
from families.models import FamilyMember
from tests.workspace.conftest import client_for


def _details(case: MissingPerson, **changes: str) -> dict[str, str]:
    values = {
        "version": str(case.version),
        "given_name": case.given_name,
        "family_name": case.family_name,
        "patronymic": case.patronymic,
        "name_native": case.name_native,
        "date_of_birth": "",
        "place_of_birth": case.place_of_birth,
        "service_number": case.service_number or "",
        "rank": case.rank,
        "unit": case.unit,
        "last_seen_date": str(case.last_seen_date or ""),
        "last_seen_place": case.last_seen_place,
        "circumstances": case.circumstances,
        "caseworker": "",
    }
    values.update(changes)
    return values


def reload(case: MissingPerson) -> MissingPerson:
    return MissingPerson.objects.get(pk=case.pk)


def test_a_move_the_table_allows_is_applied(case, cw):
    response = cw.post(
        f"/workspace/cases/{case.pk}/move/", {"to_status": "detained", "version": case.version}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/cases/{case.pk}/#status"
    assert reload(case).status == "detained"


def test_a_sensitive_move_becomes_a_request_and_the_case_stays(case, cw):
    cw.post(f"/workspace/cases/{case.pk}/move/", {"to_status": "deceased", "version": case.version})
    assert reload(case).status == "missing"
    assert PendingTransition.objects.get(case=case).to_status == "deceased"
    page = cw.get(f"/workspace/cases/{case.pk}/").content.decode()
    assert "Your request waits for a supervisor" in page


def test_a_move_the_table_does_not_allow_is_refused_with_a_message(case, cw):
    response = cw.post(
        f"/workspace/cases/{case.pk}/move/", {"to_status": "repatriated", "version": case.version}
    )
    assert response.status_code == 409
    assert "current status does not allow this move" in response.content.decode()
    assert reload(case).status == "missing"


def test_closing_without_a_reason_is_refused_on_the_note_field(case, cw):
    response = cw.post(
        f"/workspace/cases/{case.pk}/move/", {"to_status": "closed", "version": case.version}
    )
    assert response.status_code == 400
    assert "Closing a case needs a reason." in response.content.decode()
    assert reload(case).status == "missing"


def test_a_supervisor_confirms_a_death_asked_for_by_a_caseworker(case, caseworker, supervisor):
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    response = client_for(supervisor).post(
        f"/workspace/transitions/{pending.pk}/confirm/", {"note": "identified"}
    )
    assert response.status_code == 302
    assert reload(case).status == "deceased"


def test_a_supervisor_cannot_confirm_their_own_request(case, supervisor):
    pending = services.case_transition(case=case, actor=supervisor, to_status="deceased").pending
    client = client_for(supervisor)
    client.post(f"/workspace/transitions/{pending.pk}/confirm/")
    assert reload(case).status == "missing"
    page = client.get(f"/workspace/cases/{case.pk}/").content.decode()
    assert "you asked for this one" in page


def test_a_caseworker_cannot_reject(case, caseworker, other_caseworker):
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    client_for(other_caseworker).post(f"/workspace/transitions/{pending.pk}/reject/")
    assert PendingTransition.objects.get(pk=pending.pk).state == "pending"


def test_a_move_from_a_stale_page_moves_nothing_and_says_what_changed(case, caseworker, cw):
    seen = case.version
    services.case_transition(case=case, actor=caseworker, to_status="detained")

    response = cw.post(
        f"/workspace/cases/{case.pk}/move/", {"to_status": "capture_reported", "version": seen}
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Changed by someone else meanwhile" in page
    assert '<th scope="row">Status</th><td>Missing</td><td>Detained</td>' in page
    assert reload(case).status == "detained"


def test_details_from_a_stale_page_overwrite_nothing_and_show_what_changed(case, caseworker, cw):
    seen = reload(case)
    services.case_update(
        case=case, actor=caseworker, expected_version=seen.version, rank="Sergeant"
    )

    response = cw.post(f"/workspace/cases/{case.pk}/details/", _details(seen, unit="Unit 7"))
    page = response.content.decode()
    assert response.status_code == 409
    assert "changed by someone else meanwhile" in page.lower()
    assert '<th scope="row">Rank</th><td>—</td><td>Sergeant</td>' in page
    now = reload(case)
    assert (now.rank, now.unit) == ("Sergeant", "")
    # The page comes back as the case is now, with this person's edit on top.
    assert 'value="Sergeant"' in page
    assert 'value="Unit 7"' in page
    assert f'name="version" value="{now.version}"' in page


def test_saving_details_sends_only_what_the_person_changed(case, cw):
    response = cw.post(f"/workspace/cases/{case.pk}/details/", _details(case, rank="Private"))
    assert response.status_code == 302
    event = CaseEvent.objects.filter(case=case, kind=EventKind.UPDATED).get()
    assert event.data["fields"] == ["rank"]


def test_a_refused_detail_comes_back_on_its_field_with_the_entry_kept(make_case, case, cw):
    other = make_case()
    response = cw.post(
        f"/workspace/cases/{case.pk}/details/",
        _details(case, service_number=other.service_number, unit="Kept unit"),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Another case already has this service number." in page
    assert 'value="Kept unit"' in page


def test_a_note_a_report_and_a_relative_are_added(case, cw):
    cw.post(f"/workspace/cases/{case.pk}/note/", {"text": "Spoke to the ombudsman."})
    cw.post(
        f"/workspace/cases/{case.pk}/report/",
        {
            "source": "icrc",
            "reported_on": "2021-01-05",
            "name_as_reported": "Armen H.",
            "verification": "unverified",
        },
    )
    cw.post(
        f"/workspace/cases/{case.pk}/relative/",
        {
            "full_name": "Anahit H.",
            "relationship": "mother",
            "email": "anahit@example.org",
            "language": "hy",
            "channels": ["email"],
            "verified": "on",
        },
    )
    assert CaseEvent.objects.filter(case=case, kind=EventKind.NOTE).get().data["text"] == (
        "Spoke to the ombudsman."
    )
    assert CaptureReport.objects.get(case=case).source == "icrc"
    member = FamilyMember.objects.get(full_name="Anahit H.")
    assert member.links.get().verified is True


def test_a_relative_whose_channel_lacks_an_address_is_refused_on_that_field(case, cw):
    response = cw.post(
        f"/workspace/cases/{case.pk}/relative/",
        {"full_name": "Anahit H.", "relationship": "mother", "language": "hy", "channels": ["sms"]},
    )
    assert response.status_code == 400
    assert "Needed for the SMS channel." in response.content.decode()
    assert not FamilyMember.objects.exists()


def test_a_report_is_verified_from_the_case_page(case, caseworker, cw):
    report = services.capture_report_add(
        actor=caseworker,
        case=case,
        source="media",
        reported_on=date(2021, 1, 1),
        name_as_reported="A. H.",
    )
    cw.post(
        f"/workspace/cases/{case.pk}/reports/{report.pk}/",
        {f"r{report.pk}-verification": "corroborated"},
    )
    assert CaptureReport.objects.get(pk=report.pk).verification == "corroborated"


def test_the_family_told_in_person_is_recorded(case, caseworker, supervisor, cw):
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    services.transition_confirm(transition_id=pending.pk, actor=supervisor)
    assert (
        "The family has not yet been told in person."
        in cw.get(f"/workspace/cases/{case.pk}/").content.decode()
    )

    cw.post(f"/workspace/cases/{case.pk}/family-told/", {"note": "Visited with the priest."})
    assert reload(case).family_told_in_person_at is not None
    assert (
        "The family has not yet been told"
        not in cw.get(f"/workspace/cases/{case.pk}/").content.decode()
    )


def test_family_told_on_a_living_case_is_refused(case, cw):
    cw.post(f"/workspace/cases/{case.pk}/family-told/", {})
    assert reload(case).family_told_in_person_at is None
