"""Query parameters a server must parse (ids, `since`) refuse what they
cannot read with a 400 naming the parameter, never a 500: Unicode digits
that str.isdigit() takes but int() refuses, impossible dates, years that
overflow on their way to UTC."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/family-members/?case=²", "case"),
        ("/api/notifications/?member=²", "member"),
        ("/api/access-log/?user=٣", "user"),
    ],
)
def test_an_id_in_other_digits_is_a_400_naming_it(sup, path: str, name: str) -> None:
    response = sup.get(path)
    assert response.status_code == 400
    assert name in response.json()


@pytest.mark.parametrize(
    "since",
    [
        "2024-02-30T10:00",
        "2024-01-01T25:00",
        "2024-01-01T10:00+99:00",
        "0001-01-01",
        "0001-01-01T00:00",
        "9999-12-31",
        "2024-13-01",
    ],
)
@pytest.mark.parametrize("path", ["/api/pfif/", "/api/exports/bureau-list/"])
def test_an_impossible_since_is_a_400_naming_it(sup, path: str, since: str) -> None:
    response = sup.get(path, {"since": since})
    assert response.status_code == 400
    assert "since" in response.json()


def test_a_possible_since_still_answers(sup) -> None:
    assert sup.get("/api/pfif/", {"since": "2024-02-29T10:00+04:00"}).status_code == 200
