"""The workspace is for caseworkers and supervisors: anyone else is sent to
log in (anonymous) or refused (relatives, accounts without a role)."""

from __future__ import annotations

import pytest
from django.test import Client

from cases import services
from families import services as family_services
from tests.workspace.conftest import client_for

PAGES = [
    "/workspace/",
    "/workspace/picture/",
    "/workspace/cases/",
    "/workspace/cases/{case}/",
    "/workspace/exchanges/",
    "/workspace/exchanges/{exchange}/",
]


@pytest.fixture
def urls(case, supervisor):
    exchange = services.exchange_plan(actor=supervisor, name="Winter exchange")
    return [p.format(case=case.pk, exchange=exchange.pk) for p in PAGES]


def test_staff_read_every_page(urls, caseworker, supervisor):
    for user in (caseworker, supervisor):
        client = client_for(user)
        for url in urls:
            assert client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_log_in(urls):
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=/workspace/")


def test_a_relative_or_an_account_without_a_role_is_refused(
    urls, outsider, make_relative, case, caseworker
):
    relative = make_relative(case)
    account = family_services.family_account_create(
        member=relative, actor=caseworker, username="mother.h", password="a-long-family-pw-71"
    )
    for user in (account, outsider):
        client = client_for(user)
        for url in urls:
            assert client.get(url).status_code == 403, url


def test_the_forms_refuse_outsiders_before_touching_anything(case, outsider):
    response = client_for(outsider).post(
        f"/workspace/cases/{case.pk}/move/", {"to_status": "detained", "version": case.version}
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == "missing"


def test_a_case_that_does_not_exist_is_404(cw):
    assert cw.get("/workspace/cases/999999/").status_code == 404


def test_staff_land_on_today_after_logging_in(caseworker):
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": caseworker.username, "password": "a-long-test-password-1"}
    )
    landing = client.get(response["Location"])
    assert landing["Location"] == "/workspace/"
    assert b"<h1>Today</h1>" in client.get("/workspace/").content
