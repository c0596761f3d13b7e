"""The admin lists imports and their rows, read-only, for supervisors."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.imports.models import ImportBatch
from tests.imports.lists import csv_bytes, upload
from tests.imports.pfif_files import apply, decide_all, person, pfif

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_of(supervisor: Any) -> Client:
    supervisor.is_staff = True
    supervisor.save()
    client = Client()
    client.force_login(supervisor)
    return client


def add_list(sup: Any, *names: str) -> ImportBatch:
    response = upload(sup, csv_bytes([("ФИО",), *[(n,) for n in names]]))
    return ImportBatch.objects.get(pk=response.json()["id"])


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_a_supervisor_sees_imports_and_their_rows_read_only(
    admin_client_of: Client, sup: Any
) -> None:
    batch = add_list(sup, "Оганесян Арам", "Саргсян Давид")

    listing = admin_client_of.get(reverse("admin:imports_importbatch_changelist"))
    page = admin_client_of.get(reverse("admin:imports_importbatch_change", args=[batch.pk]))
    rows = admin_client_of.get(
        reverse("admin:imports_importrow_changelist") + f"?batch__id__exact={batch.pk}"
    )

    assert "list.csv" in listing.content.decode()
    assert "2 rows" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert rows.content.decode().count("import #") >= 2
    add = admin_client_of.get(reverse("admin:imports_importbatch_add"))
    assert add.status_code == 403


def test_a_caseworker_does_not_see_imports_in_the_admin(caseworker: Any, sup: Any) -> None:
    add_list(sup, "Оганесян Арам")
    caseworker.is_staff = True
    caseworker.save()
    client = Client()
    client.force_login(caseworker)

    assert client.get(reverse("admin:imports_importbatch_changelist")).status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "admin:imports_importbatch_changelist",
        "admin:imports_importrow_changelist",
    ],
)
def test_the_lists_do_not_query_once_per_row(admin_client_of: Client, sup: Any, url: str) -> None:
    add_list(sup, "Оганесян Арам")
    few = queries(admin_client_of, reverse(url))
    for n in range(4):
        add_list(sup, f"Саргсян Давид{n}", f"Петросян Арам{n}")
    assert queries(admin_client_of, reverse(url)) == few


def add_feed(sup: Any, *ids: str) -> None:
    persons = [person(person_record_id=f"pf.example.org/{i}", full_name=f"Vahe Z{i}") for i in ids]
    batch_id = upload(sup, pfif(*persons), name="feed.xml").json()["id"]
    decide_all(sup, batch_id, "new")
    apply(sup, batch_id)


def test_a_supervisor_sees_which_pfif_record_became_which_case(
    admin_client_of: Client, sup: Any
) -> None:
    add_feed(sup, "1")
    page = admin_client_of.get(reverse("admin:imports_pfifrecord_changelist"))
    assert "pf.example.org/1" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()


def test_a_caseworker_does_not_see_pfif_records_in_the_admin(caseworker: Any) -> None:
    caseworker.is_staff = True
    caseworker.save()
    client = Client()
    client.force_login(caseworker)
    assert client.get(reverse("admin:imports_pfifrecord_changelist")).status_code == 403


def test_the_pfif_records_list_does_not_query_once_per_record(
    admin_client_of: Client, sup: Any
) -> None:
    add_feed(sup, "1")
    url = reverse("admin:imports_pfifrecord_changelist")
    few = queries(admin_client_of, url)
    add_feed(sup, "2", "3", "4")
    assert queries(admin_client_of, url) == few
