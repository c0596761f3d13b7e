"""The outbox: events are dispatched after commit; the sweep catches what the
fast path missed (a failed publish), and only after the grace period."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from cases import services
from cases.models import CaseEvent

RECEIVED: list[int] = []


def record(event: CaseEvent) -> None:
    """A consumer (CASE_EVENT_CONSUMERS) that only remembers what it was given."""
    RECEIVED.append(event.pk)


@pytest.fixture
def recording(settings) -> list[int]:
    RECEIVED.clear()
    settings.CASE_EVENT_CONSUMERS = [*settings.CASE_EVENT_CONSUMERS, f"{__name__}.record"]
    return RECEIVED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_events_are_dispatched_to_consumers_only_after_the_commit(
    make_case, caseworker, recording
) -> None:
    with transaction.atomic():
        case = make_case()
        services.case_note_add(case=case, actor=caseworker, text="Called", family_visible=False)
        assert CaseEvent.objects.filter(dispatched=False).count() == 2
        assert recording == []
    events = list(CaseEvent.objects.filter(case=case).order_by("id"))
    assert [e.dispatched for e in events] == [True, True]
    assert all(e.dispatched_at is not None for e in events)
    assert sorted(recording) == [e.pk for e in events]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_write_dispatches_nothing(make_case, recording) -> None:
    def open_then_fail() -> None:
        with transaction.atomic():
            make_case()
            raise RuntimeError("the caller failed after the service")

    with pytest.raises(RuntimeError):
        open_then_fail()
    assert not CaseEvent.objects.exists()
    assert recording == []


@pytest.mark.django_db
def test_a_failed_publish_leaves_the_event_for_the_sweep(
    make_case, recording, dead_broker, django_capture_on_commit_callbacks, settings
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        case = make_case()
    assert len(callbacks) == 1  # the publish ran, and failed quietly
    event = CaseEvent.objects.get(case=case)
    assert event.dispatched is False
    settings.OUTBOX_SWEEP_GRACE_SECONDS = 30
    assert services.events_sweep() == 0  # too young: it may still be on its way
    CaseEvent.objects.filter(pk=event.pk).update(at=timezone.now() - timedelta(seconds=31))
    assert services.events_sweep() == 1
    event.refresh_from_db()
    assert event.dispatched is True
    assert recording == [event.pk]
    assert services.events_sweep() == 0  # and never twice


@pytest.mark.django_db
def test_dispatching_an_event_twice_hands_it_over_once(case, recording) -> None:
    event = CaseEvent.objects.get(case=case)
    assert services.event_dispatch(event_id=event.pk) is True
    assert services.event_dispatch(event_id=event.pk) is False
    assert recording == [event.pk]
