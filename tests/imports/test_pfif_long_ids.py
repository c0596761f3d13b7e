"""A PFIF record id is kept whole (PfifRecord.record_id, 500 characters): a
longer one is an error row when the file is read, never cut (two ids sharing
a prefix would become one record), and a row the database still refuses at
apply time is that row's error, never the whole import's."""

from __future__ import annotations

from typing import Any

import pytest

from cases.models import MissingPerson
from tests.imports.pfif_files import apply, decide_all, note, person, pfif, rows
from tests.imports.test_pfif_feeds import _upload_ok

pytestmark = pytest.mark.django_db

LONG = "personfinder.example.org/" + "p" * 500


def test_a_person_record_id_longer_than_500_is_an_error_row_naming_it(sup: Any) -> None:
    batch = _upload_ok(sup, pfif(person(person_record_id=LONG, full_name="Vahe Zakaryan")))
    (row,) = rows(batch.pk)
    assert row.state == "error"
    assert "person_record_id" in row.error
    assert "500" in row.error


def test_two_long_note_ids_sharing_a_prefix_are_refused_not_merged(sup: Any) -> None:
    notes = [note(note_record_id=LONG + end, text=end) for end in ("a", "b")]
    batch = _upload_ok(
        sup, pfif(person(*notes, person_record_id="x.org/p.1", full_name="Vahe Zakaryan"))
    )
    (row,) = rows(batch.pk)
    assert row.state == "error"
    assert "note_record_id" in row.error


def test_a_row_the_database_refuses_is_its_own_error_and_the_rest_apply(sup: Any) -> None:
    feed = pfif(
        person(person_record_id="x.org/p.1", full_name="Vahe Zakaryan"),
        person(person_record_id="x.org/p.2", full_name="Aram Petrosyan"),
    )
    batch = _upload_ok(sup, feed)
    decide_all(sup, batch.pk, "new")
    # A row read before the reader refused long ids: the database will not store it.
    bad, good = rows(batch.pk)
    bad.data = {**bad.data, "record_id": LONG}
    bad.save(update_fields=["data"])
    applied = apply(sup, batch.pk)
    bad, good = rows(batch.pk)
    assert bad.applied_at is None
    assert bad.apply_error.startswith(f"Line {bad.line}:")
    assert good.applied_at is not None
    applied.refresh_from_db()
    assert applied.status != "failed"
    assert MissingPerson.objects.filter(pk=good.applied_case_id).exists()
