"""Benchmark of the caseworkers' API under gunicorn, on PostgreSQL.

    .venv/bin/python bench/api.py [--cases 10000] [--database-url URL] [--broker URL]

What it does, all by itself and only on this machine:
1. (re)creates its own database (default casemgr_bench), migrates it, and loads
   --cases cases with bulk_create (one "opened" event each), a caseworker and
   a supervisor with tokens;
2. starts gunicorn (2 sync workers) bound to 127.0.0.1 on a free port, DEBUG off;
3. sends a bounded number of requests per endpoint, first from one client
   (latency), then from --concurrency clients (throughput), over keep-alive
   connections to that loopback address only;
4. stops gunicorn, prints a Markdown table (median, p95, requests/second).

Transitions are real writes (missing -> capture_reported, one distinct case
per request): row lock, version bump, history row, event, and the publish of
its dispatch to the broker after commit (a Redis broker by default, db 13,
whose queue is emptied afterwards; --broker "" runs the dispatch eagerly in
the request instead).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"


# --- the database ------------------------------------------------------------


def recreate_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def run_manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def seed(n_cases: int) -> dict[str, Any]:
    """Load the data fast: bulk inserts, not one service call per case."""
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.utils import timezone

    from accounts.services import token_issue
    from cases.models import CaseEvent, CaseNumberCounter, MissingPerson
    from cases.roles import CASEWORKER, SUPERVISOR
    from cases.status import Status

    caseworker = User.objects.create_user("bench.caseworker", password="bench-password-1")
    caseworker.groups.add(Group.objects.get(name=CASEWORKER))
    supervisor = User.objects.create_user("bench.supervisor", password="bench-password-1")
    supervisor.groups.add(Group.objects.get(name=SUPERVISOR))

    now = timezone.now()
    given = ["Armen", "Davit", "Tigran", "Gor", "Narek", "Hayk", "Aram", "Levon", "Vahe", "Karen"]
    family = ["Hovhannisyan", "Sargsyan", "Petrosyan", "Avagyan", "Ghazaryan", "Manukyan"]
    statuses = [Status.MISSING] * 6 + [Status.CAPTURE_REPORTED, Status.DETAINED]
    cases = [
        MissingPerson(
            case_number=f"MP-2020-{i:05d}",
            given_name=given[i % len(given)],
            family_name=family[i % len(family)],
            patronymic=given[(i * 7) % len(given)],
            service_number=f"BN-{i:06d}",
            rank="private",
            unit=f"unit {i % 40}",
            last_seen_place="Hadrut",
            status=statuses[i % len(statuses)],
            status_changed_at=now,
            caseworker=caseworker,
        )
        for i in range(1, n_cases + 1)
    ]
    MissingPerson.objects.bulk_create(cases, batch_size=1000)
    CaseNumberCounter.objects.create(year=2020, last=n_cases)
    CaseEvent.objects.bulk_create(
        (
            CaseEvent(
                case=case,
                kind="opened",
                actor=caseworker,
                at=now,
                summary=f"Case {case.case_number} opened.",
                data={"status": case.status},
                dispatched=True,
                dispatched_at=now,
            )
            for case in cases
        ),
        batch_size=2000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would soon after a bulk load
    missing = list(
        MissingPerson.objects.filter(status=Status.MISSING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return {
        "token": token_issue(user=caseworker)[1],
        "case_ids": [c.pk for c in cases],
        "missing_ids": missing,
    }


# --- gunicorn ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Gunicorn:
    def __init__(self, env: dict[str, str], workers: int) -> None:
        self.port = free_port()
        # Kept open for gunicorn's whole life, closed in stop().
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="bench-gunicorn-", suffix=".log", delete=False
        )
        self.proc = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "casemgr.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"{HOST}:{self.port}",
                "--access-logfile",
                "-" if env.get("BENCH_ACCESS_LOG") else "/dev/null",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log.name}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer in {timeout}s; see {self.log.name}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


# --- the load ----------------------------------------------------------------

Request = tuple[str, str, bytes | None]


def drive(
    port: int, token: str, requests: list[Request], concurrency: int
) -> tuple[list[float], float, dict[int, int]]:
    """Send the requests from `concurrency` keep-alive clients; return each
    request's latency (s), the wall time, and the count of each status."""
    latencies: list[float] = []
    codes: dict[int, int] = {}
    lock = threading.Lock()
    chunks = [requests[i::concurrency] for i in range(concurrency)]
    headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}

    def client(chunk: list[Request]) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        mine: list[float] = []
        seen: dict[int, int] = {}
        for method, path, body in chunk:
            start = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            seen[response.status] = seen.get(response.status, 0) + 1
        conn.close()
        with lock:
            latencies.extend(mine)
            for code, count in seen.items():
                codes[code] = codes.get(code, 0) + count

    threads = [threading.Thread(target=client, args=(chunk,)) for chunk in chunks]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - start, codes


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def scenario_list(data: dict[str, Any], n: int, offset: int) -> list[Request]:
    pages = len(data["case_ids"]) // 50
    return [
        ("GET", f"/api/cases/?page_size=50&page={1 + (offset + i * 37) % pages}", None)
        for i in range(n)
    ]


def scenario_detail(data: dict[str, Any], n: int, offset: int) -> list[Request]:
    ids = data["case_ids"]
    return [("GET", f"/api/cases/{ids[(offset + i * 101) % len(ids)]}/", None) for i in range(n)]


def make_transitions(data: dict[str, Any]) -> Callable[[int, int], list[Request]]:
    pool = iter(data["missing_ids"])  # each case moves once: every request is a legal move

    def scenario(_: dict[str, Any], n: int, offset: int) -> list[Request]:
        body = json.dumps({"status": "capture_reported", "note": "bench"}).encode()
        return [("POST", f"/api/cases/{next(pool)}/transition/", body) for _ in range(n)]

    return scenario  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/casemgr_bench"
    )
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--requests", type=int, default=600, help="per endpoint and phase")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "CELERY_BROKER_URL": args.broker,
        "DJANGO_SETTINGS_MODULE": "casemgr.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": HOST,
        "LOG_LEVEL": "WARNING",
    }
    print(f"database {args.database_url}: recreating, migrating, loading {args.cases} cases")
    recreate_database(args.database_url)
    run_manage(env, "migrate", "--noinput", "-v", "0")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    data = seed(args.cases)
    print(f"loaded in {time.perf_counter() - started:.1f}s")

    load_before = os.getloadavg()[0]
    server = Gunicorn(env, args.workers)
    rows: list[tuple[str, int, int, float, float, float, dict[int, int]]] = []
    try:
        server.wait_ready()
        scenarios: list[tuple[str, Any, int]] = [
            ("case list (50 a page)", scenario_list, args.requests),
            ("one case", scenario_detail, args.requests),
            ("transition (write)", make_transitions(data), args.requests // 2),
        ]
        # Warm both workers (connections, imports) before measuring.
        drive(server.port, data["token"], scenario_detail(data, 40, 7), 4)
        for name, scenario, n in scenarios:
            for concurrency in (1, args.concurrency):
                requests = scenario(data, n, offset=concurrency * 1000)
                latencies, wall, codes = drive(server.port, data["token"], requests, concurrency)
                rows.append(
                    (
                        name,
                        concurrency,
                        len(latencies),
                        statistics.median(latencies) * 1000,
                        p95(latencies) * 1000,
                        len(latencies) / wall,
                        codes,
                    )
                )
                print(f"  {name}, {concurrency} client(s): done {codes}", flush=True)
    finally:
        server.stop()
        purge_broker(args.broker)

    print()
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, {cpu_name()}, "
        f"{os.cpu_count()} cores; {args.cases} cases; gunicorn {args.workers} sync workers; "
        f"load average {load_before:.2f} before the run (other work on the machine)"
    )
    print()
    print("| endpoint | clients | requests | median ms | p95 ms | req/s | statuses |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, concurrency, n, median, pct95, rps, codes in rows:
        statuses = ", ".join(f"{code}×{count}" for code, count in sorted(codes.items()))
        cells = [name, concurrency, n, f"{median:.1f}", f"{pct95:.1f}", f"{rps:.0f}", statuses]
        print("| " + " | ".join(map(str, cells)) + " |")


def purge_broker(url: str) -> None:
    """Drop the dispatch messages the run published (no worker consumed them)."""
    if not url:
        return
    import redis

    redis.Redis.from_url(url).delete("celery")


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
