"""Bad input to the workspace's pages gets a 4xx or is ignored, never a 500
and never a change: numbers beyond the database's columns, NUL characters
(PostgreSQL refuses them in text), words where numbers belong."""

from __future__ import annotations

import pytest

from cases import services
from cases.models import MissingPerson

HUGE = str(2**70)


@pytest.fixture
def exchange(supervisor):
    return services.exchange_plan(actor=supervisor, name="January exchange")


def test_a_case_form_with_a_version_out_of_range_or_not_a_number_is_refused(case, cw):
    for version in (HUGE, "-1", "abc", "", "\x00"):
        for path in ("move", "details"):
            response = cw.post(
                f"/workspace/cases/{case.pk}/{path}/",
                {
                    "version": version,
                    "to_status": "detained",
                    "given_name": "X",
                    "family_name": "Y",
                },
            )
            assert response.status_code == 400, (path, version)
    assert MissingPerson.objects.get(pk=case.pk).status == "missing"


def test_text_with_a_nul_character_is_refused_on_its_field(case, cw):
    response = cw.post(f"/workspace/cases/{case.pk}/note/", {"text": "a\x00b"})
    assert response.status_code == 400
    assert cw.get("/workspace/cases/", {"q": "a\x00b"}).status_code == 400


def test_searching_candidates_with_a_nul_character_searches_nothing(
    exchange, sup, case, django_assert_num_queries
):
    # The project's request guard answers 400 before any view or session is
    # read: not one query, so no candidate was searched.
    with django_assert_num_queries(0):
        response = sup.get(f"/workspace/exchanges/{exchange.pk}/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert case.case_number not in response.content.decode()
    assert not exchange.listings.exists()


def test_case_ids_out_of_range_or_not_numbers_list_nothing(exchange, sup):
    for value in (HUGE, "abc", "-3", "\x00"):
        response = sup.post(f"/workspace/exchanges/{exchange.pk}/list/", {"case": [value]})
        assert response.status_code == 302
    assert not exchange.listings.exists()


def test_page_numbers_that_are_not_numbers_give_the_first_page(case, cw):
    for page in ("abc", HUGE, "-1"):
        assert cw.get("/workspace/cases/", {"page": page}).status_code == 200


def test_an_unknown_decision_or_transition_is_404(case, caseworker, sup):
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    assert sup.post(f"/workspace/transitions/{pending.pk}/maybe/").status_code == 404
    assert sup.post("/workspace/transitions/999999/confirm/").status_code == 404


def test_ids_in_the_address_beyond_the_database_range_are_404(cw):
    for path in ("cases/{}/", "exchanges/{}/"):
        assert cw.get("/workspace/" + path.format(HUGE)).status_code == 404
    assert cw.post(f"/workspace/cases/{HUGE}/note/", {"text": "x"}).status_code == 404
    assert cw.post(f"/workspace/transitions/{HUGE}/confirm/").status_code == 404


def test_cases_chosen_in_other_digits_are_refused_and_nothing_is_listed(exchange, sup, case):
    # str.isdigit() takes "²", which int() refuses: it was a 500. The form
    # refuses it and the board comes back, as for any choice it cannot use.
    response = sup.post(f"/workspace/exchanges/{exchange.pk}/list/", {"case": ["²"]})
    assert response.status_code == 302
    assert not exchange.listings.exists()
