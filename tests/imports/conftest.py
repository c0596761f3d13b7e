"""Fixtures of the import tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cases.models import MissingPerson
from tests.api.conftest import (  # noqa: F401 - fixtures shared with the API tests
    _fresh_throttles,
    anon,
    as_user,
    cw,
    fam,
    family_user,
    sup,
    sup2,
)


@pytest.fixture(autouse=True)
def _one_candidate_is_clear(settings: Any) -> None:
    """The matcher's scores are calibrated by the names work (cases.matching);
    these tests are about the import flow. Here a sole candidate that carries
    every word of the name counts as a clear match, whatever score the
    matcher of the day gives such a candidate."""
    settings.IMPORT_MATCH_SCORE = 0.5


@pytest.fixture
def registry(make_case: Callable[..., MissingPerson]) -> dict[str, MissingPerson]:
    """Aram, whom a list names in full; two Davit Sargsyans, sons of different fathers."""
    return {
        "aram": make_case(
            given_name="Aram", family_name="Petrosyan", patronymic="Karen",
            date_of_birth=date(2001, 3, 4), service_number="AM0100101",
        ),
        "davit1": make_case(given_name="Davit", family_name="Sargsyan", patronymic="Samvel"),
        "davit2": make_case(given_name="Davit", family_name="Sargsyan", patronymic="Levon"),
    }  # fmt: skip
