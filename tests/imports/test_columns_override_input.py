"""The `columns` override arrives as JSON text in a multipart form, which the
project's depth-limited JSON parser never sees: it is bounded on its own."""

from __future__ import annotations

import json

import pytest

from cases.imports.models import ImportBatch
from tests.imports.lists import csv_bytes, upload

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LIST = csv_bytes([["ФИО", "Дата рождения"], ["Оганесян Арам", "01.02.1999"]])


@pytest.mark.parametrize(
    "columns",
    [
        "[" * 100_000,
        json.dumps({"full_name": "²"}),
        json.dumps({"full_name": "x" * 5000}),
    ],
)
def test_a_columns_override_that_cannot_be_read_is_a_400_storing_nothing(sup, columns: str) -> None:
    response = upload(sup, LIST, columns=columns)
    assert response.status_code == 400
    assert "columns" in response.json()
    assert not ImportBatch.objects.exists()
