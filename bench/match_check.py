"""Does a faster matcher decide every row as the old one did? The old
`cases/matching.py` (read from a git revision) and the current import path
run on the same list and the same registry; every row's decision
(matched / ambiguous / new / error), its candidates, their scores and
reasons must be equal. Then the API's `match_candidates` is compared the same
way, at the import's limit and at the API's largest.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casemgr_bench_check \\
    .venv/bin/python bench/match_check.py [--rows 10000] [--cases 10000] [--old REV] [--reuse]

The list is bench/imports.py's (80 % registered men with date of birth and
service number, 10 % name only, 10 % unknown) plus rows written to reach
every branch of blocking and scoring: a slip of the pen in the surname (the
prefix search), the family name alone, the year of birth alone, a service
number given with another man's name, a registered man with a wrong
service number or another date of birth, the name in Armenian or
Cyrillic. The database named in DATABASE_URL is dropped and made afresh
(unless --reuse). Exits 1 on the first difference it prints.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/casemgr_bench_check")
os.environ.setdefault("CELERY_BROKER_URL", "")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casemgr.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)

# The last revision of the matcher that matched one row at a time.
OLD = "5b1c035"
LETTERS = "aeiourstnkgh"


def old_matcher(revision: str) -> Any:
    """cases/matching.py as it was at `revision`, imported beside the current one."""
    text = subprocess.run(
        ["git", "show", f"{revision}:cases/matching.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "old_matching.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location("old_matching", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_matching"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def awkward_rows(cases: list[Any], n: int, rng: random.Random) -> list[tuple[Any, ...]]:
    """Rows that reach the matcher's less travelled branches."""
    from families.management.demo_names import FAMILY_NAMES, GIVEN_NAMES

    armenian = dict(FAMILY_NAMES) | dict(GIVEN_NAMES)
    rows: list[tuple[Any, ...]] = []
    for i in range(n):
        case, other = rng.choice(cases), rng.choice(cases)
        full = f"{case.family_name} {case.given_name} {case.patronymic}"
        kind = i % 9
        if kind == 0:  # a slip of the pen late in the surname: its key changes
            family = case.family_name[:-2] + rng.choice(LETTERS) + case.family_name[-1]
            rows.append((f"{family} {case.given_name}", case.date_of_birth, None))
        elif kind == 1:  # the family name alone
            rows.append((case.family_name, None, None))
        elif kind == 2:  # the year of birth alone
            rows.append((full, str(case.date_of_birth.year), None))
        elif kind == 3:  # another man's service number
            rows.append((full, case.date_of_birth, other.service_number))
        elif kind == 4:  # his service number, another man's name
            rows.append((f"{other.family_name} {other.given_name}", None, case.service_number))
        elif kind == 5:  # a wrong service number, no date
            rows.append((full, None, f"XX-{i:06d}"))
        elif kind == 6:  # another day of birth in the same year
            born = case.date_of_birth.replace(day=1 if case.date_of_birth.day > 1 else 2)
            rows.append((full, born, None))
        elif kind == 7:  # given name first, no father
            rows.append((f"{case.given_name} {case.family_name}", case.date_of_birth, None))
        else:  # in Armenian script, the father's name too
            words = (case.family_name, case.given_name, case.patronymic)
            rows.append((" ".join(armenian[w] for w in words), case.date_of_birth, None))
    return rows


def list_xlsx(cases: list[Any], n_rows: int, rng: random.Random) -> bytes:
    from imports import list_xlsx as bench_list
    from openpyxl import Workbook, load_workbook

    plain = load_workbook(io.BytesIO(bench_list(cases, n_rows, rng)), read_only=True)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in plain.active.iter_rows(values_only=True):
        sheet.append(row)
    for row in awkward_rows(cases, n_rows // 2, rng):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def prepare(args: Any) -> int:
    """The registry and the list, stored as an import not yet matched."""
    import django

    if not args.reuse:
        from notify import recreate_database

        recreate_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection

    from cases.imports.models import ImportBatch
    from cases.imports.services import import_create

    if args.reuse:
        batch = ImportBatch.objects.get()
        batch.rows.update(state="pending", outcome="pending", candidates=[], data={})
        ImportBatch.objects.filter(pk=batch.pk).update(status="queued")
        return batch.pk
    from imports import registry

    call_command("migrate", verbosity=0)
    rng = random.Random(20201211)
    cases = registry(args.cases, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    boss = User.objects.create_user("bench.supervisor", password="bench-password-1")
    boss.groups.add(Group.objects.get(name="supervisor"))
    batch = import_create(
        actor=boss,
        file_name="list.xlsx",
        data=list_xlsx(cases, args.rows, rng),
        source="detaining_power",
        purpose="capture_report",
        reported_on=__import__("datetime").date(2021, 1, 5),
        enqueue=False,
    )
    return batch.pk


def old_decisions(batch_id: int, old: Any) -> dict[int, tuple[str, list[dict[str, Any]]]]:
    """Each row as the old matcher decides it, one row at a time."""
    from cases.imports.errors import RowInvalid
    from cases.imports.models import ImportBatch, RowState
    from cases.imports.services.intake import _interpret, classify

    batch = ImportBatch.objects.get(pk=batch_id)
    out = {}
    for row in batch.rows.order_by("line"):
        if row.error:
            out[row.line] = (RowState.ERROR, [])
            continue
        try:
            data = _interpret(batch, row)
        except RowInvalid:
            out[row.line] = (RowState.ERROR, [])
            continue
        out[row.line] = classify(old.match_candidates(data.query(), limit=5))
    return out


def compare_import(batch_id: int, old: Any) -> int:
    from cases.imports.models import ImportRow
    from cases.imports.services import import_match_rows

    started = time.perf_counter()
    before = old_decisions(batch_id, old)
    old_seconds = time.perf_counter() - started
    started = time.perf_counter()
    import_match_rows(batch_id=batch_id, first_line=1, last_line=10**9)
    new_seconds = time.perf_counter() - started
    differ = 0
    states: dict[str, int] = {}
    for line, outcome, candidates in ImportRow.objects.filter(batch_id=batch_id).values_list(
        "line", "outcome", "candidates"
    ):
        states[outcome] = states.get(outcome, 0) + 1
        if (outcome, candidates) != before[line]:
            differ += 1
            if differ <= 5:
                print(f"line {line}: old {before[line]}\n         new {(outcome, candidates)}")
    print(
        f"import: {len(before)} rows, {states}; rows decided differently: {differ}; "
        f"old matcher a row at a time {old_seconds:.1f} s, new import_match_rows "
        f"{new_seconds:.1f} s (in process, one process)"
    )
    return differ


def compare_api(batch_id: int, old: Any, sample: int) -> int:
    """match_candidates, old and new, on a sample of the rows' queries."""
    from cases.imports.models import ImportRow
    from cases.imports.values import RowData
    from cases.matching import match_candidates

    rows = ImportRow.objects.filter(batch_id=batch_id).exclude(data={}).order_by("line")
    queries = [RowData.from_json(data).query() for data in rows.values_list("data", flat=True)]
    queries = random.Random(3).sample(queries, min(sample, len(queries)))
    differ = 0
    for query in queries:
        for limit in (5, 50):
            was = [_plain(c) for c in old.match_candidates(query, limit=limit)]
            now = [_plain(c) for c in match_candidates(query, limit=limit)]
            if was != now:
                differ += 1
                if differ <= 5:
                    print(f"{query} limit {limit}:\n  old {was}\n  new {now}")
    print(f"match_candidates: {len(queries)} queries at limits 5 and 50; differ: {differ}")
    return differ


def _plain(candidate: Any) -> tuple[Any, ...]:
    return (candidate.case.pk, candidate.score, candidate.likelihood, candidate.reasons)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--old", default=OLD, help="git revision of the old matcher")
    parser.add_argument("--api-sample", type=int, default=2000)
    parser.add_argument("--reuse", action="store_true", help="the database of the last run")
    args = parser.parse_args()
    batch_id = prepare(args)
    old = old_matcher(args.old)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    differ = compare_import(batch_id, old) + compare_api(batch_id, old, args.api_sample)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
