"""Names that deceive: right-to-left overrides, zero-width and other invisible
characters are removed, and control characters refused (400 naming the
field), in every text field of every write endpoint. The fields are read from
the serializers, so a text field added later is tried too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from cases.api.fields import PlainTextField
from cases.api.serializers import CaseSerializer
from cases.api.serializers_registry import CaptureReportSerializer, ExchangeSerializer
from cases.models import CaseEvent, EventKind, MissingPerson
from families.api.serializers import FamilyMemberSerializer

pytestmark = pytest.mark.django_db

RLO, PDF, ZWSP = "\u202e", "\u202c", "\u200b"
DECEIVING = f"{ZWSP}Ar{RLO}nem{PDF}\ufeff"
SHOWN = "Arnem"

ENDPOINTS: list[tuple[str, Any, dict[str, Any], set[str]]] = [
    (
        "/api/cases/",
        CaseSerializer,
        {"given_name": "Armen", "family_name": "Petrosyan"},
        {"given_name", "family_name", "patronymic", "name_native", "last_seen_place"},
    ),
    (
        "/api/capture-reports/",
        CaptureReportSerializer,
        {"source": "icrc", "reported_on": "2020-12-20", "name_as_reported": "Armen"},
        {"name_as_reported", "place_of_detention", "place_of_capture", "health", "notes"},
    ),
    ("/api/exchanges/", ExchangeSerializer, {"name": "December exchange"}, {"name", "place"}),
    (
        "/api/family-members/",
        FamilyMemberSerializer,
        {"full_name": "Anahit Petrosyan", "language": "hy"},
        {"full_name", "phone"},
    ),
]


def text_fields(serializer: Any) -> list[str]:
    return sorted(
        name
        for name, field in serializer().fields.items()
        if isinstance(field, PlainTextField) and not field.read_only
    )


FIELD_CASES = [
    (url, base, field)
    for url, serializer, base, expected in ENDPOINTS
    for field in text_fields(serializer)
]


@pytest.mark.parametrize(("url", "serializer", "base", "expected"), ENDPOINTS)
def test_the_text_fields_are_read_from_the_serializers(
    url: str, serializer: Any, base: dict[str, Any], expected: set[str]
) -> None:
    assert expected <= set(text_fields(serializer))


@pytest.mark.parametrize(("url", "base", "field"), FIELD_CASES)
def test_invisible_characters_are_removed_from_every_text_field(
    sup: APIClient, url: str, base: dict[str, Any], field: str
) -> None:
    value = "+374 10 5551" if field == "phone" else SHOWN
    deceiving = value.replace("5", f"5{RLO}{ZWSP}") if field == "phone" else DECEIVING
    response = sup.post(url, {**base, field: deceiving}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()[field] == value
    detail = sup.get(f"{url}{response.json()['id']}/").json()
    assert detail[field] == value


@pytest.mark.parametrize(("url", "base", "field"), FIELD_CASES)
def test_a_control_character_is_refused_naming_the_field(
    sup: APIClient, url: str, base: dict[str, Any], field: str
) -> None:
    before = sup.get(url).json()["count"]
    response = sup.post(url, {**base, field: "Ar\x1b[2Jmen"}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert "U+001B" in response.json()[field][0]
    assert sup.get(url).json()["count"] == before


def test_a_name_of_invisible_characters_only_is_blank(sup: APIClient) -> None:
    response = sup.post(
        "/api/cases/", {"given_name": f"{ZWSP}{RLO}", "family_name": "Petrosyan"}, format="json"
    )
    assert response.status_code == 400
    assert "given_name" in response.json()


def test_an_edit_is_cleaned_too(sup: APIClient, case: MissingPerson) -> None:
    etag = sup.get(f"/api/cases/{case.pk}/")["ETag"]
    response = sup.patch(
        f"/api/cases/{case.pk}/", {"family_name": DECEIVING}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.family_name == SHOWN


def test_a_family_visible_note_is_cleaned_and_keeps_its_lines(
    cw: APIClient, case: MissingPerson
) -> None:
    text = f"The ICRC visited{RLO} him.\r\nHe is{ZWSP} well."
    response = cw.post(
        f"/api/cases/{case.pk}/notes/", {"text": text, "family_visible": True}, format="json"
    )
    assert response.status_code == 201
    note = CaseEvent.objects.get(case=case, kind=EventKind.NOTE)
    assert note.data["text"] == "The ICRC visited him.\nHe is well."


def test_a_note_with_a_control_character_is_refused(cw: APIClient, case: MissingPerson) -> None:
    response = cw.post(f"/api/cases/{case.pk}/notes/", {"text": "a\x07b"}, format="json")
    assert response.status_code == 400
    assert "text" in response.json()


def test_a_transition_note_is_cleaned(cw: APIClient, make_case: Callable[..., Any]) -> None:
    case = make_case()
    response = cw.post(
        f"/api/cases/{case.pk}/transition/",
        {"status": "detained", "note": f"ICRC{RLO} list"},
        format="json",
    )
    assert response.status_code == 200
    event = CaseEvent.objects.filter(case=case, kind=EventKind.STATUS_CHANGED).get()
    assert event.data["note"] == "ICRC list"
