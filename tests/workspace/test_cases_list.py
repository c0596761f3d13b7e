"""The cases list: the name search of the cases selector, the filters by
status, place and caseworker, paging, and an htmx request getting only the
results."""

from __future__ import annotations

from cases import services


def _numbers(response) -> set[str]:
    import re

    return set(re.findall(r"MP-\d{4}-\d{5}", response.content.decode()))


def test_the_search_box_finds_a_name_in_any_script(make_case, cw):
    armen = make_case(
        given_name="Armen", family_name="Hovhannisyan", name_native="Արմեն Հովհաննիսյան"
    )
    make_case(given_name="Davit", family_name="Ghazaryan")
    page = cw.get("/workspace/cases/", {"q": "Հովհաննիսյան"})
    assert page.status_code == 200
    assert _numbers(page) == {armen.case_number}
    assert '<input type="search" name="q"' in page.content.decode()


def test_filters_by_status_place_and_caseworker(make_case, caseworker, supervisor, cw):
    detained = make_case(last_seen_place="Khtsaberd")
    services.case_transition(case=detained, actor=caseworker, to_status="detained")
    elsewhere = make_case(last_seen_place="Hin Tagher", caseworker=supervisor)

    assert _numbers(cw.get("/workspace/cases/", {"status": "detained"})) == {detained.case_number}
    assert _numbers(cw.get("/workspace/cases/", {"place": "khtsa"})) == {detained.case_number}
    assert _numbers(cw.get("/workspace/cases/", {"caseworker": supervisor.pk})) == {
        elsewhere.case_number
    }


def test_a_bad_filter_value_is_a_400_naming_it(cw, case):
    response = cw.get("/workspace/cases/", {"status": "lost"})
    assert response.status_code == 400
    assert "status" in response.content.decode()


def test_the_list_is_paged(make_case, cw):
    cases = [make_case() for _ in range(55)]
    first = cw.get("/workspace/cases/")
    second = cw.get("/workspace/cases/", {"page": 2})
    assert len(_numbers(first)) == 50
    assert _numbers(first) | _numbers(second) == {c.case_number for c in cases}
    assert "Page 1 of 2" in first.content.decode()


def test_an_htmx_request_gets_only_the_results(case, cw):
    response = cw.get("/workspace/cases/", {"q": case.family_name}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert case.case_number in body
    assert "<html" not in body


def test_htmx_restoring_a_page_from_history_gets_the_whole_page(case, cw):
    response = cw.get(
        "/workspace/cases/",
        {"q": case.family_name},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()
    assert "HX-Request" in response["Vary"]
