"""The bureau on a case page: detention events recorded through
detention_event_add (its refusals on the form), relatives' enquiries
answered through family_enquiry_answer, both on the timeline in words."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from casemgr.workspace.timeline import line
from cases import selectors, services
from cases.models import DetentionEvent, DetentionEventType, EventKind
from families.models import FamilyEnquiry
from families.services import family_enquiry_answer, family_enquiry_submit
from tests.api.conftest import family_user  # noqa: F401 - a relative with a portal account
from tests.workspace.conftest import client_for


def _post_event(client, case, **fields):
    values = {"occurred_on": "2021-01-05", "source": "icrc", **fields}
    return client.post(f"/workspace/cases/{case.pk}/detention/", values)


def test_a_transfer_is_recorded_and_shown_on_the_case(case, cw):
    response = _post_event(
        cw, case, type="transfer", place="Baku, Kurdakhany", share_with_family="on"
    )
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/cases/{case.pk}/#detention"
    event = DetentionEvent.objects.get(case=case)
    assert (event.type, event.place, event.share_with_family) == (
        "transfer",
        "Baku, Kurdakhany",
        True,
    )
    page = cw.get(f"/workspace/cases/{case.pk}/").content.decode()
    assert f'id="detention-{event.pk}"' in page
    assert "shared with the family" in page


def test_a_field_the_type_does_not_carry_is_refused_on_that_field(case, cw):
    response = _post_event(cw, case, type="health", health="sick", place="Baku")
    assert response.status_code == 400
    page = response.content.decode()
    assert "“State of health” does not carry this field." in page
    assert 'value="Baku"' in page  # the entry is kept
    assert not DetentionEvent.objects.exists()


def test_a_required_field_is_asked_for(case, cw):
    response = _post_event(cw, case, type="transfer")
    assert response.status_code == 400
    assert "“Transfer” needs this field." in response.content.decode()


def test_a_death_or_an_escape_cannot_be_shared_with_the_family(case, cw):
    for kind in ("death", "escape"):
        response = _post_event(cw, case, type=kind, share_with_family="on")
        assert response.status_code == 400
        assert "tell the family in person" in response.content.decode()
    assert not DetentionEvent.objects.exists()


def test_a_date_in_the_future_is_refused(case, cw):
    response = _post_event(cw, case, type="release", occurred_on="2999-01-01")
    assert response.status_code == 400
    assert not DetentionEvent.objects.exists()


def test_the_detention_form_says_which_types_carry_each_field(case, cw):
    page = cw.get(f"/workspace/cases/{case.pk}/").content.decode()
    assert "Only for: Transfer." in page  # the prisoner number
    assert "A death or an escape is told in person." in page


def _enquiry(case, make_relative, text="Is there any news of my son?"):
    relative = make_relative(case)
    return family_enquiry_submit(member=relative, case_number=case.case_number, text=text)


def test_an_enquiry_is_answered_from_the_case_page(case, cw, make_relative):
    enquiry = _enquiry(case, make_relative)
    page = cw.get(f"/workspace/cases/{case.pk}/").content.decode()
    assert "Is there any news of my son?" in page

    url = f"/workspace/cases/{case.pk}/enquiries/{enquiry.pk}/answer/"
    response = cw.post(url, {f"e{enquiry.pk}-answer": "Called her on 5 January."})
    assert response["Location"] == f"/workspace/cases/{case.pk}/#enquiries"
    answered = FamilyEnquiry.objects.get(pk=enquiry.pk)
    assert answered.answer == "Called her on 5 January."
    assert "Called her on 5 January." in cw.get(f"/workspace/cases/{case.pk}/").content.decode()


def test_an_empty_answer_is_refused_and_an_answered_enquiry_is_not_answered_again(
    case, cw, make_relative
):
    enquiry = _enquiry(case, make_relative)
    url = f"/workspace/cases/{case.pk}/enquiries/{enquiry.pk}/answer/"
    assert cw.post(url, {f"e{enquiry.pk}-answer": ""}).status_code == 400
    cw.post(url, {f"e{enquiry.pk}-answer": "First."})
    again = cw.post(url, {f"e{enquiry.pk}-answer": "Second."})
    assert again.status_code == 409
    assert FamilyEnquiry.objects.get(pk=enquiry.pk).answer == "First."


def test_an_enquiry_is_answered_only_on_its_own_case(case, make_case, cw, make_relative):
    enquiry = _enquiry(case, make_relative)
    other = make_case()
    url = f"/workspace/cases/{other.pk}/enquiries/{enquiry.pk}/answer/"
    assert cw.post(url, {f"e{enquiry.pk}-answer": "Wrong case."}).status_code == 404
    assert FamilyEnquiry.objects.get(pk=enquiry.pk).answered_at is None


def test_a_relative_cannot_post_the_staff_forms(case, make_relative, request):
    enquiry = _enquiry(case, make_relative)
    client = client_for(request.getfixturevalue("family_user"))
    assert _post_event(client, case, type="release").status_code == 403
    url = f"/workspace/cases/{case.pk}/enquiries/{enquiry.pk}/answer/"
    assert client.post(url, {f"e{enquiry.pk}-answer": "x"}).status_code == 403


def _lines(case, language):
    with translation.override(language):
        return [f"{x.title}: {x.detail}" for x in map(line, selectors.case_timeline(case=case))]


def test_detention_events_and_enquiries_read_in_russian_and_armenian(
    case, caseworker, make_relative
):
    enquiry = _enquiry(case, make_relative)
    services.detention_event_add(
        case=case, actor=caseworker, type="hospital_admission", occurred_on=date(2021, 1, 5),
        source="icrc", place="Baku", health="seriously_wounded",
    )  # fmt: skip
    family_enquiry_answer(enquiry_id=enquiry.pk, actor=caseworker, answer="Yes.")

    with translation.override("ru"):  # the choices' words are the cases catalogue's
        asked, recorded = str(EventKind.FAMILY_ENQUIRY.label), str(EventKind.DETENTION_EVENT.label)
        admitted = str(DetentionEventType.HOSPITAL_ADMISSION.label)
    assert _lines(case, "ru")[:3] == [
        f"{asked}: Обращение №{enquiry.pk} получило ответ.",
        f"{recorded}: {admitted} 05.01.2021 · Baku · Тяжело ранен · МККК",
        f"{asked}: Родственник прислал обращение №{enquiry.pk}.",
    ]
    armenian = _lines(case, "hy")[:3]
    for text, event in zip(armenian, selectors.case_timeline(case=case)[:3], strict=True):
        assert event.summary not in text
    assert ", 05.01.2021 · Baku · " in armenian[1]


def test_a_spelling_added_reads_in_russian(case, caseworker):
    services.case_spelling_add(case=case, actor=caseworker, part="family", text="Петросян")
    with translation.override("ru"):
        added = str(EventKind.SPELLING_ADDED.label)
    assert _lines(case, "ru")[0] == f"{added}: Фамилия · Кириллица"
