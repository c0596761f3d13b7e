"""Notification pipeline benchmark: one exchange completing for 160 cases
with 3 relatives each (480 emails), one Celery worker (prefork, concurrency
2), the file email backend.

Measures messages delivered per second end to end (from the commit of the
exchange to the last 'sent') and commit-to-delivery latency per message
(sent_at minus the commit time), p50 / p95 / max.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casemgr_bench_notify \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/14 \\
    .venv/bin/python bench/notify.py [--cases 160] [--relatives 3]

The database named in DATABASE_URL is dropped and created afresh; the Redis
db is purged. Never point it at data you keep.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/casemgr_bench_notify")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/14")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casemgr.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def sent_times(queryset: Any) -> list[datetime]:
    return list(queryset.values_list("sent_at", flat=True))


def single_event_latencies(scenario: Any, count: int) -> list[float]:
    """A family-visible note on one case at a time, each waited for: the
    latency of the pipeline when it is not working through a burst."""
    from cases.services import case_note_add
    from families.models import Notification, NotificationStatus
    from tests.worker import wait_for

    latencies: list[float] = []
    for case in scenario.cases[:count]:
        event = case_note_add(
            case=case, actor=scenario.supervisor, text="A short update.", family_visible=True
        )
        committed_at = datetime.now().astimezone()
        rows = Notification.objects.filter(event=event, status=NotificationStatus.SENT)
        expected = len([r for r in scenario.relatives if r.links.filter(case=case).exists()])
        wait_for(lambda rows=rows, n=expected: rows.count() == n, timeout=60, interval=0.005)
        latencies += [(at - committed_at).total_seconds() for at in sent_times(rows)]
    return latencies


def cpu_seconds(database: str) -> dict[str, float]:
    """CPU seconds used so far by the processes of this run, by kind: the
    worker's processes (main and children), this database's PostgreSQL
    backends, and Redis (shared with whatever else uses it). Linux only."""
    tick = os.sysconf("SC_CLK_TCK")
    totals: dict[str, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if "celery -A casemgr worker" in cmdline and database in _environ(stat.parent):
            kind = "worker"
        elif cmdline.startswith("postgres: ") and f" {database} " in cmdline:
            kind = "postgres"
        elif cmdline.startswith("redis-server"):
            kind = "redis"
        else:
            continue
        totals[kind] = totals.get(kind, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return totals


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(values) - idle) / tick, sum(values) / tick


def _environ(proc: Path) -> str:
    try:
        return (proc / "environ").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=160)
    parser.add_argument("--relatives", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--pool", default="prefork", choices=["prefork", "threads"])
    parser.add_argument("--singles", type=int, default=20, help="one-case notes, one at a time")
    args = parser.parse_args()

    recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from families.models import Notification, NotificationStatus
    from tests.families.notify_scenario import build_exchange
    from tests.worker import Worker, database_url, purge_redis, wait_for, worker_env

    expected = args.cases * args.relatives
    started = time.monotonic()
    scenario = build_exchange(cases=args.cases, relatives_per_case=args.relatives, tag="bench")
    build_seconds = time.monotonic() - started

    broker = os.environ["CELERY_BROKER_URL"]
    purge_redis(broker)
    with tempfile.TemporaryDirectory() as tmp:
        env = worker_env(
            broker,
            database_url(connection.settings_dict),
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=tmp,
            # Production's settings: DEBUG off (no query log, no debug cursor).
            DEBUG="0",
            SECRET_KEY="bench-only-" + "x" * 50,
        )
        load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
        worker = Worker(env, Path(tmp) / "worker.log", args.concurrency, pool=args.pool).start()
        try:
            database = connection.settings_dict["NAME"]
            cpu_before, machine_before = cpu_seconds(database), machine_busy()
            started = time.monotonic()
            scenario.complete()
            committed_at = datetime.now().astimezone()
            save_seconds = time.monotonic() - started
            sent = Notification.objects.filter(status=NotificationStatus.SENT)
            wait_for(lambda: sent.count() == expected, timeout=600, interval=0.2)
            latencies = [(at - committed_at).total_seconds() for at in sent_times(sent)]
            cpu_after, machine_after = cpu_seconds(database), machine_busy()
            made = list(Notification.objects.values_list("created_at", flat=True))
            fanout_done = (max(made) - committed_at).total_seconds()
            singles = single_event_latencies(scenario, args.singles)
        finally:
            worker.stop()
    total = max(latencies)
    prefetch = os.environ.get("CELERY_WORKER_PREFETCH_MULTIPLIER", "1")
    print(
        f"worker: {args.pool}, concurrency {args.concurrency}, prefetch {prefetch}; "
        f"{os.cpu_count()} CPUs; load average before {load_before}"
    )
    print(f"set-up ({args.cases} cases, {expected} relatives): {build_seconds:.1f} s")
    print(f"exchange_complete (the save): {save_seconds * 1000:.0f} ms")
    print(f"messages delivered: {len(latencies)} in {total:.2f} s = {len(latencies) / total:.0f}/s")
    print(
        f"first delivered after {min(latencies):.2f} s; "
        f"fan-out (last row made) done after {fanout_done:.2f} s"
    )
    print(
        "commit-to-delivery latency: "
        f"p50 {statistics.median(latencies):.2f} s, "
        f"p95 {percentile(latencies, 95):.2f} s, max {total:.2f} s"
    )
    cpu = {k: cpu_after.get(k, 0.0) - cpu_before.get(k, 0.0) for k in cpu_after}
    print(
        "CPU during the burst: "
        + ", ".join(
            f"{k} {v:.2f} s ({v / expected * 1000:.1f} ms a message)" for k, v in cpu.items()
        )
    )
    busy = machine_after[0] - machine_before[0]
    print(
        f"machine CPU busy during the burst: {busy:.2f} of "
        f"{machine_after[1] - machine_before[1]:.2f} CPU-seconds "
        f"(this run's processes: {sum(cpu.values()):.2f})"
    )
    if singles:
        print(
            f"one event at a time ({args.singles} notes, {len(singles)} messages), "
            f"commit-to-delivery: p50 {statistics.median(singles) * 1000:.0f} ms, "
            f"p95 {percentile(singles, 95) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
