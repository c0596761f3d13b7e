"""The staff admin: it renders, and every write in it goes through a service."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cases.models import (
    CaptureReport,
    CaseEvent,
    EventKind,
    Exchange,
    MissingPerson,
    PendingTransition,
    TransitionState,
)

pytestmark = pytest.mark.django_db


def _staff(user) -> Client:
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def _case_form(case: MissingPerson, **changes) -> dict:
    data = {
        "given_name": case.given_name,
        "family_name": case.family_name,
        "patronymic": case.patronymic,
        "name_native": case.name_native,
        "date_of_birth": case.date_of_birth or "",
        "place_of_birth": case.place_of_birth,
        "service_number": case.service_number or "",
        "rank": case.rank,
        "unit": case.unit,
        "last_seen_date": case.last_seen_date or "",
        "last_seen_place": case.last_seen_place,
        "circumstances": case.circumstances,
        "caseworker": case.caseworker_id or "",
        "father_first_name": case.father_first_name,
        "mother_maiden_name": case.mother_maiden_name,
        "sex": case.sex,
        "citizenship": case.citizenship,
        "legal_status": case.legal_status,
        "pfif_public": "on" if case.pfif_public else "",
        "expected_version": case.version,
        # The read-only inlines' management forms.
        **{
            f"{prefix}-{key}": value
            for prefix in (
                "spellings",
                "events",
                "transitions",
                "capture_reports",
                "detention_events",
            )
            for key, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))
        },
    }
    data.update(changes)
    return data


def test_the_case_changelist_searches_by_name_and_service_number(make_case, caseworker) -> None:
    wanted = make_case(family_name="Ghazaryan", service_number="AM-777")
    make_case(family_name="Petrosyan")
    client = _staff(caseworker)
    url = reverse("admin:cases_missingperson_changelist")
    by_name = client.get(url, {"q": "Ghazaryan"})
    assert by_name.status_code == 200
    assert list(by_name.context["cl"].result_list) == [wanted]
    by_number = client.get(url, {"q": "AM-777"})
    assert list(by_number.context["cl"].result_list) == [wanted]
    by_status = client.get(url, {"status__exact": "detained"})
    assert list(by_status.context["cl"].result_list) == []


def test_the_case_changelist_finds_a_name_in_another_script_best_first(
    make_case, caseworker
) -> None:
    variant = make_case(given_name="Aram", family_name="Hovhannisyan")
    exact = make_case(given_name="Aram", family_name="Ovanesyan")
    make_case(given_name="Aram", family_name="Harutyunyan")
    client = _staff(caseworker)
    url = reverse("admin:cases_missingperson_changelist")
    found = client.get(url, {"q": "Ованесян Арам"})
    assert list(found.context["cl"].result_list) == [exact, variant]


def test_a_spelling_added_on_the_case_page_goes_through_the_service(case, caseworker) -> None:
    client = _staff(caseworker)
    url = reverse("admin:cases_missingperson_change", args=[case.pk])
    assert "Spellings of the name" in client.get(url).content.decode()
    form = _case_form(case)
    form.update(
        {"spellings-TOTAL_FORMS": 1, "spellings-0-part": "family", "spellings-0-text": "Оганесян"}
    )
    response = client.post(url, form)
    assert response.status_code == 302
    spelling = case.spellings.get(text="Оганесян")
    assert (spelling.source, spelling.added_by) == ("manual", caseworker)
    assert case.events.filter(kind=EventKind.SPELLING_ADDED).count() == 1


def test_the_case_page_shows_the_timeline_newest_first_and_status_read_only(
    case, caseworker
) -> None:
    from cases import services

    services.case_note_add(
        case=case, actor=caseworker, text="Called the mother.", family_visible=False
    )
    client = _staff(caseworker)
    response = client.get(reverse("admin:cases_missingperson_change", args=[case.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Timeline (newest first)" in body
    assert body.index("Called the mother.") < body.index(f"Case {case.case_number} opened.")
    form = response.context["adminform"].form
    assert "status" not in form.fields
    assert "version" not in form.fields
    assert 'name="expected_version" value="1"' in body
    assert "Change status" in body


def test_an_admin_edit_goes_through_case_update_with_event_and_history(case, caseworker) -> None:
    client = _staff(caseworker)
    url = reverse("admin:cases_missingperson_change", args=[case.pk])
    response = client.post(url, _case_form(case, rank="Sergeant"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    case.refresh_from_db()
    assert case.rank == "Sergeant"
    assert case.version == 2
    event = case.events.first()
    assert event.kind == EventKind.UPDATED
    assert event.data == {"fields": ["rank"]}
    assert case.history.first().history_user == caseworker


def test_a_stale_admin_edit_is_refused_as_a_form_error_not_a_500(case, caseworker) -> None:
    from cases import services

    stale = _case_form(case, rank="Sergeant")
    services.case_update(case=case, actor=caseworker, expected_version=1, unit="Unit 9")
    client = _staff(caseworker)
    response = client.post(
        reverse("admin:cases_missingperson_change", args=[case.pk]), stale, follow=False
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert any("version 2, not 1" in e for e in errors)
    case.refresh_from_db()
    assert case.rank == ""
    assert case.unit == "Unit 9"
    assert "version 2, not 1" in " ".join(str(m) for m in response.context["messages"])


def test_adding_a_case_in_the_admin_opens_it_through_the_service(caseworker) -> None:
    client = _staff(caseworker)
    response = client.post(
        reverse("admin:cases_missingperson_add"),
        {
            "given_name": "Narek",
            "family_name": "Avagyan",
            "patronymic": "Hayk",
            "service_number": "AM-1",
            "last_seen_date": "2020-12-11",
            "last_seen_place": "Khtsaberd",
        },
    )
    assert response.status_code == 302
    case = MissingPerson.objects.get(service_number="AM-1")
    assert case.case_number == "MP-2020-00001"
    assert case.status == "missing"
    assert list(case.events.values_list("kind", flat=True)) == [EventKind.OPENED]


def test_a_future_date_in_the_admin_is_a_field_error(caseworker) -> None:
    client = _staff(caseworker)
    response = client.post(
        reverse("admin:cases_missingperson_add"),
        {"given_name": "Narek", "family_name": "Avagyan", "last_seen_date": "2999-01-01"},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["last_seen_date"] == [
        "This date is in the future."
    ]
    assert not MissingPerson.objects.exists()


def test_a_status_change_in_the_admin_goes_through_the_service(case, caseworker) -> None:
    client = _staff(caseworker)
    url = reverse("admin:cases_missingperson_status", args=[case.pk])
    page = client.get(url)
    assert page.status_code == 200
    choices = [value for value, _ in page.context["form"].fields["to_status"].choices]
    assert choices == ["capture_reported", "detained", "found_alive", "deceased", "closed"]
    response = client.post(
        url, {"to_status": "detained", "note": "ICRC visit", "expected_version": 1}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "detained"
    event = case.events.first()
    assert event.kind == EventKind.STATUS_CHANGED
    assert event.family_visible
    assert event.actor == caseworker


def test_a_sensitive_status_change_in_the_admin_only_asks(case, caseworker) -> None:
    client = _staff(caseworker)
    url = reverse("admin:cases_missingperson_status", args=[case.pk])
    response = client.post(
        url, {"to_status": "deceased", "note": "", "expected_version": 1}, follow=True
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == "missing"
    pending = PendingTransition.objects.get(case=case)
    assert pending.state == TransitionState.PENDING
    assert pending.to_status == "deceased"
    assert case.events.first().kind == EventKind.TRANSITION_REQUESTED
    assert "waits for a supervisor" in response.content.decode()


def test_an_illegal_or_stale_status_change_is_shown_not_raised(case, caseworker) -> None:
    client = _staff(caseworker)
    url = reverse("admin:cases_missingperson_status", args=[case.pk])
    stale = client.post(url, {"to_status": "detained", "expected_version": 7})
    assert stale.status_code == 200
    assert "version 1, not 7" in str(stale.context["form"].non_field_errors())
    closing = client.post(url, {"to_status": "closed", "note": "", "expected_version": 1})
    assert closing.status_code == 200
    assert closing.context["form"].errors["note"] == ["Closing a case needs a reason."]
    case.refresh_from_db()
    assert case.status == "missing"


def test_a_supervisor_confirms_a_pending_move_through_the_admin_action(
    case, caseworker, supervisor
) -> None:
    from cases import services

    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    client = _staff(supervisor)
    url = reverse("admin:cases_pendingtransition_changelist")
    selection = {"action": "confirm_selected", "_selected_action": [pending.pk]}
    intermediate = client.post(url, selection)
    assert intermediate.status_code == 200
    assert case.case_number in intermediate.content.decode()
    done = client.post(url, {**selection, "apply": "1", "note": "DNA report checked"})
    assert done.status_code == 302
    case.refresh_from_db()
    assert case.status == "deceased"
    pending.refresh_from_db()
    assert pending.state == TransitionState.CONFIRMED
    assert pending.decided_by == supervisor


def test_a_supervisor_cannot_confirm_their_own_request_in_the_admin(case, supervisor) -> None:
    from cases import services

    pending = services.case_transition(case=case, actor=supervisor, to_status="deceased").pending
    client = _staff(supervisor)
    response = client.post(
        reverse("admin:cases_pendingtransition_changelist"),
        {"action": "confirm_selected", "_selected_action": [pending.pk], "apply": "1"},
        follow=True,
    )
    assert response.status_code == 200
    assert "you asked for this one" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "missing"


def test_a_supervisor_rejects_a_pending_move_through_the_admin_action(
    case, caseworker, supervisor
) -> None:
    from cases import services

    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    client = _staff(supervisor)
    response = client.post(
        reverse("admin:cases_pendingtransition_changelist"),
        {"action": "reject_selected", "_selected_action": [pending.pk], "apply": "1"},
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.state == TransitionState.REJECTED
    assert case.events.first().kind == EventKind.TRANSITION_REJECTED


def test_caseworkers_are_not_offered_the_confirm_action(case, caseworker) -> None:
    client = _staff(caseworker)
    response = client.get(reverse("admin:cases_pendingtransition_changelist"))
    assert response.status_code == 200
    assert "confirm_selected" not in response.content.decode()


def test_history_cannot_be_reverted_around_the_services(case, caseworker) -> None:
    from cases import services

    services.case_update(case=case, actor=caseworker, expected_version=1, rank="Sergeant")
    first = case.history.order_by("history_id").first()
    client = _staff(caseworker)
    history = client.get(reverse("admin:cases_missingperson_history", args=[case.pk]))
    assert history.status_code == 200
    url = reverse("admin:cases_missingperson_simple_history", args=[case.pk, first.history_id])
    assert client.post(url, _case_form(case)).status_code == 403
    case.refresh_from_db()
    assert case.rank == "Sergeant"


def test_nothing_in_the_registry_can_be_deleted_in_the_admin(case, supervisor) -> None:
    client = _staff(supervisor)
    url = reverse("admin:cases_missingperson_delete", args=[case.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert MissingPerson.objects.filter(pk=case.pk).exists()


def test_a_capture_report_added_in_the_admin_goes_on_the_timeline(case, caseworker) -> None:
    client = _staff(caseworker)
    response = client.post(
        reverse("admin:cases_capturereport_add"),
        {
            "case": case.pk,
            "source": "ombudsman",
            "reported_on": "2020-12-20",
            "name_as_reported": "Armen Hovhannisyan",
            "verification": "confirmed",
            "share_with_family": "on",
        },
    )
    assert response.status_code == 302
    report = CaptureReport.objects.get()
    assert report.created_by == caseworker
    event = case.events.first()
    assert event.kind == EventKind.CAPTURE_REPORT_ADDED
    assert event.family_visible


def test_only_a_supervisor_plans_an_exchange_in_the_admin(caseworker, supervisor) -> None:
    data = {
        "name": "All for all",
        "principle": "all_for_all",
        "listings-TOTAL_FORMS": 0,
        "listings-INITIAL_FORMS": 0,
    }
    refused = _staff(caseworker).post(reverse("admin:cases_exchange_add"), data)
    assert refused.status_code == 403  # the caseworker role has no add permission
    done = _staff(supervisor).post(reverse("admin:cases_exchange_add"), data)
    assert done.status_code == 302
    exchange = Exchange.objects.get()
    assert exchange.created_by == supervisor
    assert exchange.history.first().history_user == supervisor


def test_the_event_list_is_read_only(case, caseworker) -> None:
    client = _staff(caseworker)
    assert client.get(reverse("admin:cases_caseevent_changelist")).status_code == 200
    event = CaseEvent.objects.get()
    page = client.get(reverse("admin:cases_caseevent_change", args=[event.pk]))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False


def test_a_supervisor_lists_detained_cases_on_an_exchange_through_the_service(
    make_case, caseworker, supervisor
) -> None:
    from cases import services

    detained, missing = make_case(), make_case()
    services.case_transition(case=detained, actor=caseworker, to_status="detained")
    exchange = services.exchange_plan(actor=supervisor, name="All for all")
    client = _staff(supervisor)
    url = reverse("admin:cases_missingperson_changelist")
    selection = {"action": "list_on_exchange", "_selected_action": [detained.pk, missing.pk]}
    page = client.post(url, selection)
    assert page.status_code == 200
    assert exchange.name in page.content.decode()
    done = client.post(url, {**selection, "apply": "1", "exchange": exchange.pk}, follow=True)
    assert done.status_code == 200
    detained.refresh_from_db()
    missing.refresh_from_db()
    assert detained.status == "release_scheduled"
    assert detained.events.first().kind == EventKind.EXCHANGE_LISTED
    assert missing.status == "missing"
    refusal = (
        f"{missing.case_number}: The case&#x27;s current status does not allow this move. "
        "A case that is “Missing” cannot move to “Release scheduled”."
    )
    assert refusal in done.content.decode()


def test_caseworkers_are_not_offered_the_exchange_listing(case, caseworker) -> None:
    client = _staff(caseworker)
    page = client.get(reverse("admin:cases_missingperson_changelist"))
    assert page.status_code == 200
    assert "list_on_exchange" not in page.content.decode()


def test_the_status_page_of_a_malformed_or_unknown_case_id_is_404(caseworker) -> None:
    client = _staff(caseworker)
    for object_id in ("abc", "99999999999999999999", "0"):
        response = client.get(f"/admin/cases/missingperson/{object_id}/status/")
        assert response.status_code == 404, object_id
