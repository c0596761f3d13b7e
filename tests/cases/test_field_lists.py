"""One list of what people write on a case (CASE_EDITABLE_FIELDS) and on a
capture report (REPORT_FIELDS): the service accepts exactly these, the API
writes exactly these, the admin's form offers exactly these."""

from __future__ import annotations

import pytest

from cases.admin import MissingPersonForm
from cases.admin_registry import CaptureReportForm
from cases.api.serializers import CaseSerializer
from cases.api.serializers_registry import CaptureReportSerializer
from cases.errors import InvalidInput
from cases.models import CASE_EDITABLE_FIELDS, REPORT_FIELDS
from cases.services import capture_report_add, case_open


def _writable(serializer) -> set[str]:
    return {name for name, field in serializer.fields.items() if not field.read_only}


def test_the_api_writes_exactly_the_editable_fields() -> None:
    # `sources` is no field of the case: it names who told us the fields written.
    assert _writable(CaseSerializer()) == {*CASE_EDITABLE_FIELDS, "sources"}
    assert _writable(CaptureReportSerializer()) == set(REPORT_FIELDS)


def test_the_admin_offers_exactly_the_editable_fields() -> None:
    assert set(MissingPersonForm.base_fields) - {"expected_version"} == set(CASE_EDITABLE_FIELDS)
    assert set(CaptureReportForm.base_fields) == set(REPORT_FIELDS)


@pytest.mark.django_db
@pytest.mark.parametrize("write", [case_open, capture_report_add])
def test_the_services_refuse_any_other_field_by_name(write, caseworker) -> None:
    with pytest.raises(InvalidInput) as err:
        write(actor=caseworker, status="deceased", version=7)
    assert set(err.value.errors) == {"status", "version"}
