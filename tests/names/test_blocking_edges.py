"""The edges of blocking (cases.blocking): the case with the query's own
service number is never cut by a crowd of namesakes, and the last resort, the
first letters of a word, finds a name whose first letters end in z."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from cases.matching import MatchQuery, match_candidates
from cases.models import MissingPerson

pytestmark = pytest.mark.django_db

FAMILY_NAMES = [
    "Petrosyan", "Sargsyan", "Grigoryan", "Gevorgyan", "Karapetyan", "Mkrtchyan", "Avetisyan",
    "Harutyunyan", "Khachatryan", "Vardanyan", "Ghazaryan", "Simonyan", "Manukyan", "Babayan",
    "Galstyan", "Hakobyan", "Mnatsakanyan", "Martirosyan", "Sahakyan", "Margaryan",
]  # fmt: skip


def test_the_case_with_the_same_service_number_is_kept_beside_many_namesakes(
    make_case: Callable[..., MissingPerson],
) -> None:
    # Four men share both words of the list's name, forty share one: as many
    # as the candidates scored per query. The man with the list's service
    # number, his family name wrong on the list, ranks after all of them by
    # name; he is kept whatever the names bring.
    for father in ("Karen", "Levon", "Hakob", "Samvel"):
        make_case(given_name="Aram", family_name="Ovanisyan", patronymic=father)
    for family in FAMILY_NAMES:
        make_case(given_name="Aram", family_name=family, patronymic="Gagik")
        make_case(given_name="Aram", family_name=family, patronymic="Vahan")
    listed = make_case(
        given_name="Aram", family_name="Tadevosyan", patronymic="Ashot", service_number="AV-9999"
    )

    found = match_candidates(MatchQuery(name="Ovanisyan Aram", service_number="av-9999"))

    (same,) = [c for c in found if c.case == listed]
    assert "service number: same" in same.reasons


def test_a_slip_late_in_a_name_whose_first_letters_end_in_z_is_found(
    make_case: Callable[..., MissingPerson],
) -> None:
    azizyan = make_case(
        given_name="Aram", family_name="Azizyan", patronymic="Karen", date_of_birth=date(1999, 2, 3)
    )
    found = match_candidates(MatchQuery(name="Azizyam", date_of_birth=date(1999, 2, 3)))
    assert [c.case for c in found] == [azizyan]
