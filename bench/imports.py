"""List import benchmark: a 10,000-row XLSX uploaded through the API, parsed,
matched by a real Celery worker and ready for review; progress polled
throughout, as a supervisor's page would.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casemgr_bench_imports \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/15 \\
    .venv/bin/python bench/imports.py [--rows 10000] [--cases 10000]

Measures: the upload (the synchronous part: reading the file, refusing it if
bad, storing its rows), the time from the upload to `review`, rows matched
per second, and how visible the progress was (how many distinct `done`
values the poll saw, the longest wait between two changes).

The database named in DATABASE_URL is dropped and created afresh; the Redis
db is purged. Never point it at data you keep.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/casemgr_bench_imports")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casemgr.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")  # the in-process API client

from name_index import index_names  # noqa: E402
from notify import recreate_database  # noqa: E402 - after the environment is set


def registry(n_cases: int, rng: random.Random) -> list[Any]:
    """Cases loaded by bulk_create (an opened event each is not needed here)."""
    from django.utils import timezone

    from cases.models import CaseNumberCounter, MissingPerson
    from families.management.demo_names import FAMILY_NAMES, GIVEN_NAMES

    now = timezone.now()
    cases = [
        MissingPerson(
            case_number=f"MP-2020-{i:05d}",
            given_name=rng.choice(GIVEN_NAMES)[0],
            family_name=rng.choice(FAMILY_NAMES)[0],
            patronymic=rng.choice(GIVEN_NAMES)[0],
            date_of_birth=date(1980, 1, 1) + timedelta(days=rng.randrange(25 * 365)),
            service_number=f"BN-{i:06d}",
            status="detained",
            status_changed_at=now,
        )
        for i in range(1, n_cases + 1)
    ]
    MissingPerson.objects.bulk_create(cases, batch_size=2000)
    index_names(cases)  # as case_open would: the matcher finds cases by their keys
    CaseNumberCounter.objects.create(year=2020, last=n_cases)
    return cases


def list_xlsx(cases: list[Any], n_rows: int, rng: random.Random) -> bytes:
    """Mostly men of the registry (name, date of birth, service number),
    some with the name only, some nobody registered."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(("Full name", "Date of birth", "Service number"))
    for n in range(n_rows):
        case = rng.choice(cases)
        kind = n % 10
        if kind < 8:
            name = f"{case.family_name} {case.given_name} {case.patronymic}"
            sheet.append((name, case.date_of_birth, case.service_number))
        elif kind == 8:
            sheet.append((f"{case.family_name} {case.given_name}", None, None))
        else:
            sheet.append((f"Unknownyan Person{n}", f"{rng.randrange(1980, 2004)}", None))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--poll", type=float, default=0.25, help="seconds between progress reads")
    args = parser.parse_args()

    recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from rest_framework.test import APIClient

    from tests.worker import Worker, database_url, purge_redis, worker_env

    call_command("migrate", verbosity=0)
    rng = random.Random(20201211)
    cases = registry(args.cases, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    data = list_xlsx(cases, args.rows, rng)
    boss = User.objects.create_user("bench.supervisor", password="bench-password-1")
    boss.groups.add(Group.objects.get(name="supervisor"))
    client = APIClient()
    client.force_authenticate(boss)

    broker = os.environ["CELERY_BROKER_URL"]
    purge_redis(broker)
    with tempfile.TemporaryDirectory() as tmp:
        env = worker_env(
            broker,
            database_url(connection.settings_dict),
            DEBUG="0",
            SECRET_KEY="bench-only-" + "x" * 50,
        )
        load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
        worker = Worker(env, Path(tmp) / "worker.log", args.concurrency).start()
        try:
            started = time.monotonic()
            response = client.post(
                "/api/imports/",
                {
                    "file": SimpleUploadedFile("list.xlsx", data),
                    "source": "detaining_power",
                    "purpose": "capture_report",
                    "reported_on": "2021-01-05",
                },
                format="multipart",
            )
            uploaded = time.monotonic() - started
            assert response.status_code == 202, response.content[:300]
            batch_id = response.json()["id"]
            samples = poll(client, batch_id, started, args.poll)
        finally:
            worker.stop()
    report(args, data, uploaded, samples, load_before)
    matcher_share(batch_id, samples[-1][0] - uploaded, args.concurrency)


def matcher_share(batch_id: int, matching_seconds: float, processes: int) -> None:
    """How much of the matching was cases.matching itself: the same queries
    timed alone, in this process, on a sample of the rows."""
    from django.conf import settings

    from cases.imports.models import ImportRow
    from cases.imports.values import RowData
    from cases.matching import match_candidates, match_many

    rows = ImportRow.objects.filter(batch_id=batch_id).exclude(data={}).order_by("?")[:1000]
    queries = [RowData.from_json(r.data).query() for r in rows]
    timings = []
    for query in queries[:300]:
        started = time.monotonic()
        match_candidates(query, limit=5)
        timings.append(time.monotonic() - started)
    timings.sort()
    total = ImportRow.objects.filter(batch_id=batch_id).count()
    p50 = timings[len(timings) // 2]
    print(
        f"match_candidates one row at a time: p50 {p50 * 1000:.1f} ms, p95 "
        f"{timings[int(len(timings) * 0.95)] * 1000:.1f} ms a row"
    )
    # The import matches a share of rows together (match_many), as timed here.
    size = settings.IMPORT_PROGRESS_EVERY
    started = time.monotonic()
    for first in range(0, len(queries), size):
        match_many(queries[first : first + size], limit=5)
    each = (time.monotonic() - started) / len(queries)
    share = each * total / processes
    print(
        f"match_many in shares of {size}: {each * 1000:.1f} ms a row; {share:.0f} s of the "
        f"{matching_seconds:.0f} s of matching ({processes} processes) is the matcher's"
    )


def poll(client: Any, batch_id: int, started: float, interval: float) -> list[tuple[float, Any]]:
    samples = []
    while True:
        body = client.get(f"/api/imports/{batch_id}/").json()
        samples.append((time.monotonic() - started, body))
        if body["status"] in ("review", "failed"):
            return samples
        if samples[-1][0] > 900:
            raise SystemExit("not ready after 15 minutes")
        time.sleep(interval)


def report(
    args: Any, data: bytes, uploaded: float, samples: list[tuple[float, Any]], load: str
) -> None:
    ready_at, final = samples[-1]
    changes = [
        t for i, (t, b) in enumerate(samples) if i and b["done"] != samples[i - 1][1]["done"]
    ]
    gaps = [b - a for a, b in zip([uploaded, *changes], changes, strict=False)]
    counts = ", ".join(f"{k} {final[k]}" for k in ("matched", "ambiguous", "new", "errors"))
    print(
        f"{os.cpu_count()} CPUs; load average before {load}; worker concurrency {args.concurrency}"
    )
    print(f"registry {args.cases} cases; list {args.rows} rows, {len(data) / 1e6:.2f} MB XLSX")
    print(f"upload (read, check, store rows; 202): {uploaded:.2f} s")
    print(f"ready for review after {ready_at:.1f} s (status {final['status']}): {counts}")
    print(f"matching: {args.rows / (ready_at - uploaded):.0f} rows/s")
    print(
        f"progress: {len({b['done'] for _, b in samples})} distinct `done` values in "
        f"{len(samples)} polls; longest wait between changes {max(gaps, default=0):.2f} s"
    )


if __name__ == "__main__":
    main()
