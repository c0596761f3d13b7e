"""Real CSV and XLSX files, built in the tests (openpyxl writes the XLSX)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from openpyxl import Workbook
from rest_framework.test import APIClient


def csv_bytes(
    rows: Sequence[Sequence[Any]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(
    rows: Sequence[Sequence[Any]], *, shape: Callable[[Any], None] | None = None
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    if shape is not None:
        shape(sheet)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(client: APIClient, data: bytes, name: str = "list.csv", **fields: Any) -> Any:
    form: dict[str, Any] = {
        "file": SimpleUploadedFile(name, data),
        "source": "ombudsman",
        "purpose": "capture_report",
        "reported_on": "2020-12-28",
    }
    form.update(fields)
    with committed():
        return client.post("/api/imports/", form, format="multipart")


@contextmanager
def committed() -> Iterator[None]:
    """Run what waits for the commit (the tasks, eagerly) when the block
    ends, as a real commit would, inside the test's transaction."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield
