"""The family projection: plain words in the relative's language, and
nothing the family must not read."""

from __future__ import annotations

from datetime import date

from cases import services as case_services
from families import selectors
from families.labels import AWAITING_CONTACT, status_label


def _messages(member, case):
    """The updates of one case as the portal and the API read them."""
    (view,) = selectors.family_case_views(
        member, [selectors.family_case_or_404(member, case.case_number)]
    )
    return [u.message for u in view.updates]


def test_a_status_change_reads_as_the_label_in_the_members_language(make_member, case, caseworker):
    case_services.case_transition(case=case, actor=caseworker, to_status="detained", note="x")
    armenian = make_member(case, language="hy")
    russian = make_member(case, language="ru")
    assert _messages(armenian, case) == [status_label("detained", "hy")]
    assert _messages(russian, case) == [status_label("detained", "ru")]


def test_updates_are_newest_first(member, case, caseworker):
    case_services.case_transition(case=case, actor=caseworker, to_status="capture_reported")
    case_services.case_transition(case=case, actor=caseworker, to_status="detained")
    assert _messages(member, case) == [
        status_label("detained", "hy"),
        status_label("capture_reported", "hy"),
    ]


def test_a_confirmed_death_reads_as_awaiting_contact_until_told_in_person(
    member, case, caseworker, supervisor
):
    outcome = case_services.case_transition(case=case, actor=caseworker, to_status="deceased")
    case_services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)
    assert _messages(member, case) == [status_label(AWAITING_CONTACT, "hy")]
    view = selectors.family_case_views(
        member, [selectors.family_case_or_404(member, case.case_number)]
    )[0]
    assert (view.status, view.status_label) == (
        "awaiting_contact",
        status_label(AWAITING_CONTACT, "hy"),
    )

    case_services.case_family_told(case=case, actor=caseworker)
    assert _messages(member, case) == [status_label("deceased", "hy")]


def test_a_pending_sensitive_move_is_not_an_update(member, case, caseworker):
    case_services.case_transition(case=case, actor=caseworker, to_status="deceased", note="n")
    assert _messages(member, case) == []


def test_a_shared_report_says_what_was_reported_but_never_who_reported_it(
    make_member, case, caseworker
):
    relative = make_member(case, language="en")
    case_services.capture_report_add(
        actor=caseworker,
        case=case,
        source="witness",
        source_detail="a neighbour, phone 091-000",
        reported_on=date(2020, 11, 20),
        captured_on=date(2020, 11, 9),
        place_of_detention="Baku",
        name_as_reported="Armen Hovhannisyan",
        share_with_family=True,
        notes="do not tell the family who saw it",
    )
    (message,) = _messages(relative, case)
    assert "We received information about your relative" in message
    assert "Date of capture: 09.11.2020." in message
    assert "Baku" in message
    for secret in ("witness", "neighbour", "091-000", "do not tell"):
        assert secret not in message


def test_an_unshared_or_refuted_report_is_not_an_update(member, case, caseworker):
    common = {
        "actor": caseworker,
        "case": case,
        "source": "media",
        "reported_on": date(2020, 11, 20),
        "name_as_reported": "A. H.",
    }
    case_services.capture_report_add(**common, share_with_family=False)
    shared = case_services.capture_report_add(**common, share_with_family=True)
    assert len(_messages(member, case)) == 1
    case_services.capture_report_update(report=shared, actor=caseworker, verification="refuted")
    assert _messages(member, case) == []


def test_a_report_unshared_after_the_fact_disappears(member, case, caseworker):
    report = case_services.capture_report_add(
        actor=caseworker,
        case=case,
        source="media",
        reported_on=date(2020, 11, 20),
        name_as_reported="A. H.",
        share_with_family=True,
    )
    case_services.capture_report_update(report=report, actor=caseworker, share_with_family=False)
    assert _messages(member, case) == []


def test_only_family_visible_notes_are_updates(member, case, caseworker):
    case_services.case_note_add(case=case, actor=caseworker, text="for staff", family_visible=False)
    case_services.case_note_add(
        case=case, actor=caseworker, text="We called the ICRC today.", family_visible=True
    )
    assert _messages(member, case) == ["We called the ICRC today."]


def test_a_case_without_a_caseworker_gives_the_hotline(member, case, settings):
    settings.HOTLINE_PHONE = "+374 10 123456"
    (view,) = selectors.family_case_views(member, [case])
    assert view.caseworker_phone == "+374 10 123456"
    assert view.caseworker_name


def test_an_assigned_caseworker_is_named_with_their_phone(member, case, caseworker):
    from cases.models import MissingPerson, StaffProfile

    caseworker.first_name, caseworker.last_name = "Anna", "Petrosyan"
    caseworker.save()
    StaffProfile.objects.create(user=caseworker, phone="+374 91 555555")
    MissingPerson.objects.filter(pk=case.pk).update(caseworker=caseworker)
    (view,) = selectors.family_case_views(member, selectors.family_cases(member))
    assert (view.caseworker_name, view.caseworker_phone) == ("Anna Petrosyan", "+374 91 555555")


def test_being_put_on_an_exchange_list_is_an_update(make_member, case, caseworker, supervisor):
    relative = make_member(case, language="en")
    case_services.case_transition(case=case, actor=caseworker, to_status="detained")
    exchange = case_services.exchange_plan(
        actor=supervisor, name="Exchange via the ICRC", place="border crossing"
    )
    case_services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    messages = _messages(relative, case)
    assert messages[0] == "Your relative has been put on an agreed exchange list."
    assert "ICRC" not in messages[0]
    assert "border" not in " ".join(messages)


def test_a_caseworker_without_a_full_name_is_not_shown_by_their_login_name(
    member, case, caseworker, settings
):
    from cases.models import MissingPerson
    from families.wording import hotline_name

    settings.HOTLINE_PHONE = "+374 10 123456"
    MissingPerson.objects.filter(pk=case.pk).update(caseworker=caseworker)
    (view,) = selectors.family_case_views(member, selectors.family_cases(member))
    assert caseworker.username not in view.caseworker_name
    assert (view.caseworker_name, view.caseworker_phone) == (
        hotline_name(member.language),
        "+374 10 123456",
    )
