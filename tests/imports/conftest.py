"""Fixtures of the import tests."""

from __future__ import annotations

from typing import Any

import pytest

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
