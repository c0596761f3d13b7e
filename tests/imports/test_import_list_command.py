"""import_list: the operator's way in, from the terminal, with a progress bar."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from cases.imports.models import ImportBatch
from cases.models import CaptureReport, MissingPerson
from tests.imports.lists import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

LIST = [("Soyadı, adı",), ("Petrosyan Aram",), ("Sargsyan Davit",), ("Zakaryan Vahe",)]


@pytest.fixture
def listed(make_case: Callable[..., MissingPerson]) -> list[MissingPerson]:
    return [
        make_case(given_name="Aram", family_name="Petrosyan"),
        make_case(given_name="Davit", family_name="Sargsyan"),
    ]


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_list", *args, stdout=out)
    return out.getvalue()


def test_a_list_is_matched_with_a_progress_bar_and_left_for_review(
    tmp_path: Path, supervisor: Any, listed: Any, settings: Any
) -> None:
    settings.IMPORT_PROGRESS_EVERY = 1
    path = tmp_path / "list.xlsx"
    path.write_bytes(xlsx_bytes(LIST))

    out = run(str(path), "--source", "detaining_power", "--purpose", "capture_report",
              "--reported-on", "2020-12-28")  # fmt: skip

    assert "[" + "." * 30 + "]      0/3 rows matched" in out
    assert "1/3 rows matched" in out
    assert "[" + "#" * 30 + "]      3/3 rows matched" in out
    assert "3 rows: 2 matched, 0 ambiguous, 1 new, 0 with errors" in out
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.created_by) == ("review", supervisor)
    assert not CaptureReport.objects.exists()


def test_apply_applies_the_matched_rows_and_leaves_the_rest(
    tmp_path: Path, supervisor: Any, listed: Any
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(LIST))

    out = run(str(path), "--source", "detaining_power", "--purpose", "capture_report",
              "--reported-on", "2020-12-28", "--user", supervisor.username, "--apply")  # fmt: skip

    assert "2/2 rows applied" in out
    assert "Applied 2 rows; the import is review" in out
    assert set(CaptureReport.objects.values_list("case_id", flat=True)) == {c.pk for c in listed}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reported-on", "yesterday"], "not a date"),
        (["--reported-on", "2020-12-28", "--user", "nobody"], "not an active supervisor"),
        (["--exchange", "999"], "no exchange 999"),
        ([], "reported_on: Capture reports need the date"),
    ],
)
def test_bad_options_stop_with_a_message(
    tmp_path: Path, supervisor: Any, args: list[str], message: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(LIST))

    with pytest.raises(CommandError, match=message):
        run(str(path), "--source", "icrc", "--purpose", "capture_report", *args)


def test_a_bad_file_stops_with_the_same_message_as_the_api(tmp_path: Path, supervisor: Any) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"")

    with pytest.raises(CommandError, match="The file is empty"):
        run(str(path), "--source", "icrc", "--purpose", "capture_report",
            "--reported-on", "2020-12-28")  # fmt: skip
    assert not ImportBatch.objects.exists()


def test_without_user_it_needs_exactly_one_supervisor(
    tmp_path: Path, supervisor: Any, other_supervisor: Any
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(LIST))

    with pytest.raises(CommandError, match="--user"):
        run(str(path), "--source", "icrc", "--purpose", "capture_report",
            "--reported-on", "2020-12-28")  # fmt: skip
