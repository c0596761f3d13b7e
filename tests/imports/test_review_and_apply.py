"""The supervisor decides rows and applies them: capture reports on the
matched cases (the list's spelling kept), new cases opened, skipped rows
left; applying twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cases.imports.models import ImportBatch, ImportRow
from cases.models import CaptureReport, CaseEvent, MissingPerson
from tests.imports.lists import committed, csv_bytes, upload

pytestmark = pytest.mark.django_db

LIST = [
    ("ФИО", "Дата рождения", "Личный номер"),
    ("Petrosyan Aram Karen", "04.03.2001", "AM0100101"),
    ("Sargsyan Davit", "2000", ""),
    ("Zakaryan Vahe Gagik", "1999-07-01", "AM9900777"),
    ("Mkrtchyan Hayk", "31.02.1999", ""),
]


@pytest.fixture
def batch(sup: Any, registry: Any) -> ImportBatch:
    response = upload(sup, csv_bytes(LIST), share_with_family="true", verification="confirmed")
    assert response.status_code == 202, response.json()
    return ImportBatch.objects.get(pk=response.json()["id"])


def row(batch: ImportBatch, line: int) -> ImportRow:
    return ImportRow.objects.get(batch=batch, line=line)


def decide(sup: Any, batch: ImportBatch, line: int, **decision: Any) -> Any:
    url = f"/api/imports/{batch.pk}/rows/{row(batch, line).pk}/"
    return sup.patch(url, {"decision": decision or None}, format="json")


def apply(sup: Any, batch: ImportBatch) -> Any:
    with committed():
        return sup.post(f"/api/imports/{batch.pk}/apply/")


def test_accepting_all_matched_decides_each_matched_row_for_its_candidate(
    sup: Any, batch: ImportBatch, registry: Any
) -> None:
    response = sup.post(f"/api/imports/{batch.pk}/accept-matched/")

    assert response.status_code == 200
    assert row(batch, 2).decision_action == "match"
    assert row(batch, 2).decision_case == registry["aram"]
    assert row(batch, 3).decision_action == ""  # ambiguous rows wait for a person


def test_a_decision_is_read_back_on_the_row(sup: Any, batch: ImportBatch, registry: Any) -> None:
    response = decide(sup, batch, 3, action="match", case=registry["davit2"].pk)

    assert response.status_code == 200, response.json()
    assert response.json()["decision"] == {"action": "match", "case": registry["davit2"].pk}


def test_skipping_a_row_shows_it_skipped_and_counts_it(sup: Any, batch: ImportBatch) -> None:
    decide(sup, batch, 3, action="skip")

    assert row(batch, 3).state == "skipped"
    assert sup.get(f"/api/imports/{batch.pk}/").json()["skipped"] == 1
    decide(sup, batch, 3)  # cleared
    assert row(batch, 3).state == "ambiguous"
    assert sup.get(f"/api/imports/{batch.pk}/").json()["skipped"] == 0


@pytest.mark.parametrize(
    ("line", "decision", "message"),
    [
        (5, {"action": "new"}, "can only be skipped"),
        (3, {"action": "match"}, "needs the case"),
        (3, {"action": "maybe"}, "not a valid choice"),
    ],
)
def test_a_bad_decision_is_a_400_naming_why(
    sup: Any, batch: ImportBatch, line: int, decision: dict[str, Any], message: str
) -> None:
    response = decide(sup, batch, line, **decision)

    assert response.status_code == 400
    assert message in str(response.json()["decision"])


def test_a_decision_for_an_unknown_case_is_a_400(sup: Any, batch: ImportBatch) -> None:
    response = decide(sup, batch, 3, action="match", case=999_999)

    assert response.status_code == 400
    assert "case" in response.json()["decision"]


def test_applying_reports_matches_opens_new_cases_and_leaves_skipped_rows(
    sup: Any, batch: ImportBatch, registry: Any
) -> None:
    sup.post(f"/api/imports/{batch.pk}/accept-matched/")
    decide(sup, batch, 3, action="match", case=registry["davit1"].pk)
    decide(sup, batch, 4, action="new")
    decide(sup, batch, 5, action="skip")

    response = apply(sup, batch)

    assert response.status_code == 202
    body = sup.get(f"/api/imports/{batch.pk}/").json()
    assert (body["status"], body["applied"]) == ("applied", 3)
    report = CaptureReport.objects.get(case=registry["aram"])
    assert report.name_as_reported == "Petrosyan Aram Karen"
    assert report.source == "ombudsman"
    assert report.reported_on == date(2020, 12, 28)
    assert (report.verification, report.share_with_family) == ("confirmed", True)
    assert report.date_of_birth_as_reported == date(2001, 3, 4)
    assert row(batch, 2).applied_object_id == report.pk
    opened = MissingPerson.objects.get(service_number="AM9900777")
    assert (opened.family_name, opened.given_name, opened.patronymic) == (
        "Zakaryan", "Vahe", "Gagik",
    )  # fmt: skip
    assert opened.capture_reports.count() == 1
    assert CaptureReport.objects.get(case=registry["davit1"]).notes == (
        "Year of birth as reported: 2000."
    )
    assert row(batch, 5).applied_at is None


def test_applying_twice_changes_nothing(sup: Any, batch: ImportBatch, registry: Any) -> None:
    sup.post(f"/api/imports/{batch.pk}/accept-matched/")
    apply(sup, batch)
    reports, events = CaptureReport.objects.count(), CaseEvent.objects.count()

    again = apply(sup, batch)

    assert again.status_code == 202
    assert (CaptureReport.objects.count(), CaseEvent.objects.count()) == (reports, events)


def test_the_rest_of_a_list_can_be_decided_and_applied_later(
    sup: Any, batch: ImportBatch, registry: Any
) -> None:
    sup.post(f"/api/imports/{batch.pk}/accept-matched/")
    apply(sup, batch)
    assert ImportBatch.objects.get(pk=batch.pk).status == "review"  # rows 3 and 4 wait

    decide(sup, batch, 3, action="match", case=registry["davit1"].pk)
    decide(sup, batch, 4, action="skip")
    apply(sup, batch)

    assert ImportBatch.objects.get(pk=batch.pk).status == "applied"
    assert (
        CaptureReport.objects.filter(case__in=[registry["aram"], registry["davit1"]]).count() == 2
    )


def test_an_applied_row_cannot_be_decided_again(
    sup: Any, batch: ImportBatch, registry: Any
) -> None:
    sup.post(f"/api/imports/{batch.pk}/accept-matched/")
    apply(sup, batch)

    response = decide(sup, batch, 2, action="skip")

    assert response.status_code == 409
    assert "applied already" in response.json()["detail"]


def test_a_row_whose_applying_is_refused_says_why_and_the_others_go_on(
    sup: Any, batch: ImportBatch, registry: Any, make_case: Callable[..., MissingPerson]
) -> None:
    make_case(service_number="AM9900777")  # the new row's service number is taken
    sup.post(f"/api/imports/{batch.pk}/accept-matched/")
    decide(sup, batch, 4, action="new")

    apply(sup, batch)

    assert "service number" in row(batch, 4).apply_error
    assert row(batch, 4).applied_at is None
    assert row(batch, 2).applied_at is not None


def test_nothing_can_be_decided_or_applied_while_matching(sup: Any, batch: ImportBatch) -> None:
    ImportBatch.objects.filter(pk=batch.pk).update(status="matching")

    assert decide(sup, batch, 3, action="skip").status_code == 409
    assert apply(sup, batch).status_code == 409
