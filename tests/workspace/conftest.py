"""Fixtures of the workspace's tests: logged-in staff, and states of the
world made through the real services (a failed delivery goes through the
real delivery code against an SMS gateway that refuses)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from families.delivery import notification_deliver
from families.models import Notification
from tests.families.notify_fakes import http_receiver
from tests.imports.conftest import registry  # noqa: F401 - the cases the imports' lists name


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def cw(caseworker: User) -> Client:
    return client_for(caseworker)


@pytest.fixture
def sup(supervisor: User) -> Client:
    return client_for(supervisor)


@pytest.fixture
def failed_notification(
    make_notification: Callable[..., Notification], settings: Any
) -> Callable[[], Notification]:
    """A message the SMS gateway refused (HTTP 400): delivery marks it failed."""

    def _make() -> Notification:
        notification = make_notification("sms")
        with http_receiver(400) as (url, _script):
            settings.SMS_BACKEND = "families.channels.sms.HttpGatewaySmsBackend"
            settings.SMS_GATEWAY_URL, settings.SMS_GATEWAY_TIMEOUT = url, 2
            assert notification_deliver(notification_id=notification.pk).outcome == "failed"
        return Notification.objects.get(pk=notification.pk)

    return _make
