"""The whole path with a real Celery worker and Redis: an exchange tells
every relative exactly once; a broker outage and a worker crash lose
nothing; provider errors are retried or failed as they should be."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Count

from cases.models import CaseEvent
from cases.services import events_sweep
from families.delivery import notifications_sweep
from families.models import Notification, NotificationStatus
from families.selectors import notifications_visible_to
from families.services import family_member_update
from families.tasks import deliver
from tests.families.notify_fakes import http_receiver, silent_broker, smtp_server
from tests.families.notify_scenario import build_exchange
from tests.worker import Worker, broker_at, celery_worker, dead_broker_url, wait_for

__all__ = ["celery_worker"]  # the fixture, imported for this module

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADER = re.compile(rb"^X-Casemgr-Notification: (\d+)\r?$", re.MULTILINE)


def delivered_ids(mail_dir: Path) -> Counter[int]:
    """Notification ids of the messages the file email backend wrote."""
    seen: Counter[int] = Counter()
    for path in mail_dir.glob("*"):
        seen.update(int(m) for m in HEADER.findall(path.read_bytes()))
    return seen


def sent_count() -> int:
    return Notification.objects.filter(status=NotificationStatus.SENT).count()


def all_sent(expected: int) -> Callable[[], bool]:
    return lambda: sent_count() == expected


def file_mail_env(mail_dir: Path) -> dict[str, str]:
    mail_dir.mkdir(exist_ok=True)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }


def test_an_exchange_of_160_cases_tells_480_relatives_each_exactly_once(
    celery_worker: Callable[..., Worker], tmp_path: Path
) -> None:
    scenario = build_exchange(cases=160, relatives_per_case=3)
    mail_dir = tmp_path / "mail"
    worker = celery_worker(**file_mail_env(mail_dir))

    scenario.complete()
    wait_for(all_sent(480), timeout=180, interval=0.5)

    delivered = delivered_ids(mail_dir)
    assert len(delivered) == 480
    assert set(delivered.values()) == {1}
    assert set(delivered) == set(Notification.objects.values_list("pk", flat=True))
    per_member = Notification.objects.values("member").annotate(n=Count("id"))
    assert {row["n"] for row in per_member} == {1}
    assert per_member.count() == len(scenario.relatives)
    assert not CaseEvent.objects.filter(dispatched=False).exists()
    # Celery messages and logs carry ids and case numbers, never names.
    log = worker.log()
    assert scenario.cases[0].case_number in log
    assert "Armen" not in log
    assert "Relative " not in log
    assert "@example.org" not in log


def deliveries(worker: Worker, state: str) -> list[str]:
    """Ids of the delivery tasks the worker logged as `state` (received, succeeded)."""
    return re.findall(rf"Task families\.tasks\.deliver\[([0-9a-f-]+)\] {state}", worker.log())


def test_saves_succeed_while_the_broker_is_down_and_the_sweeps_deliver_later(
    celery_worker: Callable[..., Worker], tmp_path: Path, settings: Any
) -> None:
    scenario = build_exchange(cases=20, relatives_per_case=2, tag="outage")
    mail_dir = tmp_path / "mail"
    worker = celery_worker(**file_mail_env(mail_dir))
    settings.OUTBOX_SWEEP_GRACE_SECONDS = 0

    with broker_at(dead_broker_url()):
        with pytest.raises(Exception):  # noqa: B017 - whatever kombu raises
            deliver.delay(0)
        scenario.complete()  # the caseworker's save: on_commit publish fails, the save stands
        scenario.exchange.refresh_from_db()
        assert scenario.exchange.status == "completed"
        assert CaseEvent.objects.filter(dispatched=False).count() == 20

        # The event sweep runs (say, on another host) while Redis is still
        # down: the notifications are made, their publishes fail.
        assert events_sweep() == 20
        assert Notification.objects.filter(status=NotificationStatus.PENDING).count() == 40

    # Redis is back. Nothing of the outage reached the queue: a marker task
    # published now is the first and only delivery the worker receives.
    marker = deliver.delay(0)
    wait_for(lambda: marker.id in deliveries(worker, "succeeded"), timeout=60)
    assert deliveries(worker, "received") == [marker.id]
    assert sent_count() == 0
    assert delivered_ids(mail_dir) == Counter()

    # The notification sweep is the guarantee.
    result = notifications_sweep(grace=timedelta(0))
    assert result["published"] == 40
    wait_for(all_sent(40), timeout=90, interval=0.5)
    assert notifications_sweep(grace=timedelta(0))["enqueued"] == 0
    delivered = delivered_ids(mail_dir)
    assert len(delivered) == 40
    assert set(delivered.values()) == {1}


def test_a_save_against_a_broker_that_never_answers_waits_one_timeout_at_most() -> None:
    """Celery's publish to a dead Redis can hang or retry for long by default
    (celery #4556, #6046). With the bounded settings, a hung broker costs one
    publish's connection attempts (each waits one socket timeout) per save,
    whatever the number of events; the sweep takes over the rest."""
    from django.db import transaction

    from cases.services.events import enqueue_dispatch

    with silent_broker() as broker, broker_at(broker.url):
        with pytest.raises(Exception):  # noqa: B017 - a timeout, whatever kombu calls it
            deliver.delay(0)
        one_publish = broker.connections()
        with transaction.atomic():
            enqueue_dispatch(range(1, 161))  # four chunks of events to publish
        whole_save = broker.connections() - one_publish
    assert one_publish >= 1
    assert whole_save == one_publish  # not one wait per chunk


def test_a_worker_killed_mid_batch_loses_nothing_and_repeats_at_most_what_was_in_flight(
    celery_worker: Callable[..., Worker], settings: Any
) -> None:
    """At least once, bounded: the claim (pending -> sending) lets only the
    task holding a row send it. A worker killed with rows in 'sending' may
    have handed some of them to the mail server already; the sweep gives
    those rows back and they are sent again. So a message can be doubled
    only if it was 'sending' at the moment of the crash, and only once."""
    settings.OUTBOX_SWEEP_GRACE_SECONDS = 0
    scenario = build_exchange(cases=60, relatives_per_case=3, tag="crash")
    with smtp_server(delay=0.03) as (port, smtp):
        env = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
        }
        worker = celery_worker(**env)
        scenario.complete()
        wait_for(lambda: sent_count() >= 30, timeout=90, interval=0.02)
        worker.kill()
        in_flight = set(
            Notification.objects.filter(status=NotificationStatus.SENDING).values_list(
                "pk", flat=True
            )
        )
        assert sent_count() < 180, "the batch finished before the crash; nothing was tested"

        # Nobody is working now: the sweeps may take everything back at once.
        # (An event whose dispatch died with the worker stays locked until
        # PostgreSQL notices the dead connection: sweep until none is left.)
        undispatched = CaseEvent.objects.filter(dispatched=False)
        wait_for(lambda: events_sweep() >= 0 and not undispatched.exists(), timeout=60)
        notifications_sweep(grace=timedelta(0), stale_after=timedelta(0))
        celery_worker(**env)
        wait_for(all_sent(180), timeout=120, interval=0.5)

    accepted: Counter[int] = Counter()
    for data in smtp.received:
        accepted.update(int(m) for m in HEADER.findall(data))
    assert set(accepted) == set(Notification.objects.values_list("pk", flat=True))
    doubled = {pk for pk, n in accepted.items() if n > 1}
    assert doubled <= in_flight
    assert max(accepted.values()) <= 2


@pytest.mark.usefixtures("webhooks_to_localhost")
def test_a_gateway_error_is_retried_by_the_worker_and_a_refusal_fails_visibly(
    celery_worker: Callable[..., Worker], caseworker: Any
) -> None:
    scenario = build_exchange(cases=2, relatives_per_case=1, channels=("sms",), tag="gw")
    flaky_case, refused_case = scenario.cases
    with http_receiver(503, 200) as (flaky_url, flaky), http_receiver(400) as (bad_url, bad):
        # The second relative hears by webhook, from a receiver that refuses.
        family_member_update(
            member=scenario.relatives[1],
            actor=scenario.supervisor,
            channels=["webhook"],
            webhook_url=bad_url,
            webhook_secret="org-secret",
        )
        celery_worker(
            SMS_BACKEND="families.channels.sms.HttpGatewaySmsBackend",
            SMS_GATEWAY_URL=flaky_url,
            WEBHOOK_ALLOWED_HOSTS="127.0.0.1",
        )
        scenario.complete()
        finished = Notification.objects.filter(
            status__in=[NotificationStatus.SENT, NotificationStatus.FAILED]
        )
        wait_for(lambda: finished.count() == 2, timeout=60, interval=0.3)
    ok = Notification.objects.get(event__case=flaky_case)
    failed = Notification.objects.get(event__case=refused_case)
    assert ok.status == NotificationStatus.SENT
    assert [a.outcome for a in ok.delivery_attempts.all()] == ["transient_error", "sent"]
    assert len(flaky.received) == 2
    assert failed.status == NotificationStatus.FAILED
    assert failed.attempts == 1
    assert len(bad.received) == 1
    assert "HTTP 400" in failed.last_error
    assert [a.outcome for a in failed.delivery_attempts.all()] == ["permanent_error"]
    staff_view = notifications_visible_to(caseworker, status=NotificationStatus.FAILED)
    assert list(staff_view) == [failed]
