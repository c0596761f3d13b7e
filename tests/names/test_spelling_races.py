"""Adding a spelling takes the case's lock, as every name write does: two
identical adds, or an add and a name change, take turns and never end in a
unique-constraint error (a 500)."""

from __future__ import annotations

from typing import Any

from cases import services
from cases.models import CaseEvent, CaseSpelling, EventKind
from tests.racing import first_holds_while_second_runs, on_postgresql

pytestmark = on_postgresql


def _add(case: Any, caseworker: Any) -> Any:
    return lambda: services.case_spelling_add(
        case=case, actor=caseworker, part="family", text="Ованесян"
    )


def test_two_identical_adds_at_once_make_one_spelling_and_the_second_says_so(
    caseworker: Any, make_case: Any
) -> None:
    case = make_case()
    first, second = first_holds_while_second_runs(_add(case, caseworker), _add(case, caseworker))
    assert first.created is True
    assert second == (first.spelling, False)
    assert CaseSpelling.objects.filter(case=case, text="Ованесян").count() == 1
    assert CaseEvent.objects.filter(case=case, kind=EventKind.SPELLING_ADDED).count() == 1


def test_an_add_while_a_name_change_writes_the_same_spelling_finds_it(
    caseworker: Any, make_case: Any
) -> None:
    case = make_case(family_name="Hovhannisyan")

    def rename() -> Any:
        return services.case_update(
            case=case, actor=caseworker, expected_version=case.version, family_name="Ованесян"
        )

    renamed, added = first_holds_while_second_runs(rename, _add(case, caseworker))
    assert renamed.family_name == "Ованесян"
    assert added.created is False
    assert CaseSpelling.objects.filter(case=case, part="family", text="Ованесян").count() == 1
