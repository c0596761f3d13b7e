"""Name keys for cases loaded with bulk_create, as the services would write
them one by one: the spellings, their keys and the key pairs matching blocks
on. Shared by bench/matching.py and bench/imports.py."""

from __future__ import annotations

from typing import Any


def index_names(cases: list[Any]) -> None:
    from django.db import connection

    from cases.models import CaseNameKey, CaseNamePair, CaseSpelling
    from cases.services.spellings import case_name_spellings, name_pairs, spelling_keys

    spellings = [
        CaseSpelling(case=case, part=part, text=text, script="latin", source=source)
        for case in cases
        for part, text, source in case_name_spellings(case)
    ]
    CaseSpelling.objects.bulk_create(spellings, batch_size=5000)
    keys = [key for spelling in spellings for key in spelling_keys(spelling)]
    CaseNameKey.objects.bulk_create(keys, batch_size=10000)
    by_case: dict[int, list[tuple[int, str, str]]] = {}
    for key in keys:
        by_case.setdefault(key.case_id, []).append((key.spelling_id, key.part, key.key))
    CaseNamePair.objects.bulk_create(
        (
            CaseNamePair(case_id=case_id, key=pair)
            for case_id, rows in by_case.items()
            for pair in name_pairs(rows)
        ),
        batch_size=10000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
