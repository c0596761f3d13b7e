"""/healthz answers for the database and the broker; the home page shows how to log in."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_for_the_database_and_the_real_broker(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    expected_broker = "eager" if django_settings.CELERY_TASK_ALWAYS_EAGER else "ok"
    assert response.json() == {"database": "ok", "broker": expected_broker}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_says_the_broker_is_down_with_503(client: Client, dead_broker: None) -> None:
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "down"}


def test_the_home_page_shows_the_way_to_log_in(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="{reverse("login")}"' in body
    assert "invitation" in body
    assert client.get(reverse("login")).status_code == 200
    assert client.get("/admin/login/").status_code == 200


def test_the_home_page_links_staff_to_the_admin(client: Client, caseworker) -> None:
    caseworker.is_staff = True
    caseworker.save()
    client.force_login(caseworker)
    body = client.get("/").content.decode()
    assert reverse("admin:index") in body
