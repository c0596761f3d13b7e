"""Fan-out: who hears of a case event, on which channel, in which language,
and that hearing it twice is impossible. Celery runs eagerly here; the real
worker path is in test_pipeline.py."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail

from cases import services
from cases.models import CaseEvent, MissingPerson
from families.models import FamilyMember, Notification, NotificationStatus
from families.notify import on_case_event

pytestmark = pytest.mark.django_db

MakeRelative = Callable[..., FamilyMember]


def notifications(case: MissingPerson) -> list[Notification]:
    return list(Notification.objects.filter(event__case=case).order_by("id"))


def test_a_status_change_reaches_each_verified_relative_on_each_channel_in_their_language(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    mother = make_relative(staffed_case, language="hy", channels=("email", "sms"))
    brother = make_relative(staffed_case, language="ru", channels=("email",))
    with django_capture_on_commit_callbacks(execute=True):
        services.case_transition(case=staffed_case, actor=caseworker, to_status="detained")
    rows = notifications(staffed_case)
    assert sorted((n.member_id, n.channel) for n in rows) == sorted(
        [(mother.pk, "email"), (mother.pk, "sms"), (brother.pk, "email")]
    )
    assert all(n.status == NotificationStatus.SENT for n in rows)
    by_member = {(n.member_id, n.channel): n for n in rows}
    assert "Գերության մեջ է (հաստատված)" in by_member[(mother.pk, "email")].body_text
    assert "В плену (подтверждено)" in by_member[(brother.pk, "email")].body_text
    assert by_member[(mother.pk, "sms")].body_html == ""
    assert sorted(m.to[0] for m in mail.outbox) == sorted([mother.email, brother.email])
    for n in rows:
        assert n.delivery_attempts.get().outcome == "sent"


def test_running_the_fan_out_twice_creates_and_enqueues_nothing_new(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(staffed_case, channels=("email", "sms"))
    make_relative(staffed_case, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.case_transition(
            case=staffed_case, actor=caseworker, to_status="detained"
        )
    first = [(n.pk, n.body_text) for n in notifications(staffed_case)]
    assert len(first) == 3
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        on_case_event(outcome.event)
        on_case_event(CaseEvent.objects.get(pk=outcome.event.pk))
    assert callbacks == []
    assert [(n.pk, n.body_text) for n in notifications(staffed_case)] == first
    assert len(mail.outbox) == sent


def test_unverified_relatives_and_opted_out_channels_hear_nothing(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(staffed_case, verified=False)
    opted = make_relative(staffed_case, channels=("email", "sms"))
    opted.opted_out = ["email"]
    opted.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_transition(case=staffed_case, actor=caseworker, to_status="detained")
    assert [(n.member_id, n.channel) for n in notifications(staffed_case)] == [(opted.pk, "sms")]
    assert mail.outbox == []


def test_an_unconfirmed_death_tells_nobody_and_the_confirmed_one_only_announces_a_visit(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    supervisor: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    relative = make_relative(staffed_case, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.case_transition(
            case=staffed_case, actor=caseworker, to_status="deceased"
        )
    assert outcome.pending is not None
    assert notifications(staffed_case) == []
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)
    (notification,) = notifications(staffed_case)
    assert notification.member_id == relative.pk
    assert "will call or visit you soon" in notification.body_text
    assert "deceased" not in notification.body_text.lower()
    assert "died" not in mail.outbox[0].body.lower()


def test_a_rejected_sensitive_move_tells_nobody(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    supervisor: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(staffed_case)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.case_transition(
            case=staffed_case, actor=caseworker, to_status="deceased"
        )
        services.transition_reject(transition_id=outcome.pending.pk, actor=supervisor)
    assert notifications(staffed_case) == []


def test_notes_reach_families_only_when_marked_family_visible(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(staffed_case, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.case_note_add(
            case=staffed_case, actor=caseworker, text="Internal: check source", family_visible=False
        )
        services.case_note_add(
            case=staffed_case, actor=caseworker, text="We met the ICRC today.", family_visible=True
        )
    (notification,) = notifications(staffed_case)
    assert "We met the ICRC today." in notification.body_text
    assert "Internal" not in notification.body_text


def test_a_capture_report_is_told_when_shared_with_the_family(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(staffed_case, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        report = services.capture_report_add(
            actor=caseworker,
            case=staffed_case,
            source="icrc",
            reported_on=date(2021, 1, 5),
            name_as_reported="Armen Hovhannisyan",
        )
    assert notifications(staffed_case) == []
    with django_capture_on_commit_callbacks(execute=True):
        services.capture_report_update(report=report, actor=caseworker, share_with_family=True)
    (notification,) = notifications(staffed_case)
    assert "05.01.2021" in notification.body_text
    assert "icrc" not in notification.body_text.lower()  # never the source


def test_an_exchange_listing_and_its_outcome_are_told(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    supervisor: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(staffed_case, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.case_transition(case=staffed_case, actor=caseworker, to_status="detained")
        exchange = services.exchange_plan(
            actor=supervisor, name="January exchange", scheduled_for=date(2021, 1, 9)
        )
        services.exchange_list_case(exchange=exchange, case=staffed_case, actor=supervisor)
        services.exchange_complete(
            exchange=exchange, actor=supervisor, exchanged=[staffed_case.pk], not_released=[]
        )
    texts = [n.body_text for n in notifications(staffed_case)]
    assert len(texts) == 3
    assert "planned for 09.01.2021" in texts[1]
    assert "among those returned" in texts[2]


def test_family_told_and_internal_events_make_no_message(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(staffed_case)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_update(
            case=staffed_case, actor=caseworker, expected_version=staffed_case.version, unit="5th"
        )
    assert notifications(staffed_case) == []


def test_logs_of_the_whole_path_carry_case_numbers_never_names(
    staffed_case: MissingPerson,
    make_relative: MakeRelative,
    caseworker: User,
    django_capture_on_commit_callbacks: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    relative = make_relative(staffed_case, channels=("email", "sms"), full_name="Anahit Sargsyan")
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_transition(case=staffed_case, actor=caseworker, to_status="detained")
    assert staffed_case.case_number in caplog.text
    for secret in (staffed_case.given_name, staffed_case.family_name, relative.full_name, "Արմեն"):
        assert secret not in caplog.text
    assert relative.phone not in caplog.text
    assert relative.email not in caplog.text


def test_the_fan_out_costs_the_same_queries_for_two_relatives_or_twelve(
    make_case: Callable[..., MissingPerson],
    named_caseworker: User,
    make_relative: MakeRelative,
    caseworker: User,
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for relatives in (2, 12):
        case = make_case(caseworker=named_caseworker)
        for n in range(relatives):
            make_relative(case, language=("hy", "ru", "en")[n % 3], channels=("email", "sms"))
        event = services.case_transition(case=case, actor=caseworker, to_status="detained").event
        event = CaseEvent.objects.select_related("case").get(pk=event.pk)
        with CaptureQueriesContext(connection) as queries:
            on_case_event(event)
        counts.append(len(queries))
        assert Notification.objects.filter(event=event).count() == relatives * 2
    assert counts[0] == counts[1]
    assert counts[1] <= 8
