"""Matching at 100,000 cases: recall and latency of cases.matching against a
plain rapidfuzz full scan, in the same run.

    .venv/bin/python bench/matching.py [--cases 100000] [--queries 100]

Its own database (casemgr_bench_names, dropped and recreated). The registry
is generated from our name table (tests/names/name_table.py): each case has a
registered Latin spelling (a random variant), its Armenian spelling as the
native name, a father's name, and a date of birth in 1980-2004. Queries are
written in each of the four scripts with a random variant, in either order,
sometimes with the father's name as a Russian patronymic.

Name-only, "found" means a case with the same name (a namesake counts: from
the name alone two men of one name cannot be told apart). With the date of
birth, it means the very case (or a namesake born the same day).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import api as bench_api  # noqa: E402  (bench/api.py: database, gunicorn, client)

SCRIPTS = ("armenian", "cyrillic", "azerbaijani", "latin")
RU_PATRONYMIC = "ович"


def pick(rng: random.Random, row: tuple[str, ...], script: str) -> str:
    from tests.names.name_table import spellings

    return rng.choice(spellings(row)[script])


def generate(n: int, rng: random.Random) -> list[dict[str, Any]]:
    from tests.names.name_table import GIVEN, SURNAMES

    start = date(1980, 1, 1)
    days = (date(2004, 12, 31) - start).days
    people = []
    for i in range(n):
        family, given, father = rng.choice(SURNAMES), rng.choice(GIVEN), rng.choice(GIVEN)
        people.append(
            {
                "i": i,
                "family": family,
                "given": given,
                "father": father,
                "born": start + timedelta(days=rng.randrange(days)),
            }
        )
    return people


def seed(people: list[dict[str, Any]], rng: random.Random, reuse: bool) -> dict[str, Any]:
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.utils import timezone
    from name_index import index_names

    from accounts.services import token_issue
    from cases.models import MissingPerson
    from cases.roles import CASEWORKER

    now = timezone.now()
    cases = [
        MissingPerson(
            case_number=f"MP-2020-{p['i']:06d}",
            given_name=pick(rng, p["given"], "latin"),
            family_name=pick(rng, p["family"], "latin"),
            patronymic=pick(rng, p["father"], "latin"),
            name_native=f"{pick(rng, p['family'], 'armenian')} {pick(rng, p['given'], 'armenian')}",
            date_of_birth=p["born"],
            status="missing",
            status_changed_at=now,
        )
        for p in people
    ]
    if reuse:  # the same seed drew the same names: the database has them
        ids = list(MissingPerson.objects.order_by("pk").values_list("pk", flat=True))
        token = token_issue(user=User.objects.get(username="bench.caseworker"))[1]
        return {"token": token, "ids": ids}
    user = User.objects.create_user("bench.caseworker", password="bench-password-1")
    user.groups.add(Group.objects.get(name=CASEWORKER))
    MissingPerson.objects.bulk_create(cases, batch_size=2000)
    index_names(cases)
    return {"token": token_issue(user=user)[1], "ids": [c.pk for c in cases]}


def make_queries(people: list[dict[str, Any]], per_script: int, rng: random.Random) -> list[dict]:
    queries = []
    for script in SCRIPTS:
        for p in rng.sample(people, per_script):
            words = [pick(rng, p["family"], script), pick(rng, p["given"], script)]
            rng.shuffle(words)
            with_father = rng.random() < 0.5
            if with_father:
                father = pick(rng, p["father"], script)
                words.append(father + RU_PATRONYMIC if script == "cyrillic" else father)
            queries.append(
                {"script": script, "name": " ".join(words), "person": p, "father": with_father}
            )
    return queries


def same_name(a: dict, b: dict, father: bool) -> bool:
    same = a["family"] is b["family"] and a["given"] is b["given"]
    return same and (not father or a["father"] is b["father"])


def score_hits(found: list[int], query: dict, people: list[dict], dob: bool, k: int) -> bool:
    truth = query["person"]
    for index in found[:k]:
        other = people[index]
        if dob and (
            index == truth["i"]
            or (same_name(other, truth, True) and other["born"] == truth["born"])
        ):
            return True
        if not dob and same_name(other, truth, query["father"]):
            return True
    return False


def run_ours(queries: list[dict], people: list[dict], ids: list[int]) -> dict[str, Any]:
    from cases.matching import MatchQuery, match_candidates

    index_of = {pk: i for i, pk in enumerate(ids)}
    out: dict[str, Any] = {"lat": [], "hits": []}
    for q in queries:
        for dob in (False, True):
            started = time.perf_counter()
            found = match_candidates(
                MatchQuery(name=q["name"], date_of_birth=q["person"]["born"] if dob else None),
                limit=5,
            )
            out["lat"].append(time.perf_counter() - started)
            indexes = [index_of[c.case.pk] for c in found]
            out["hits"].append((q["script"], dob, indexes, [c.score for c in found]))
    return out


def search_latency(queries: list[dict]) -> list[float]:
    """cases_search as the case list runs it: the count and a page of 50."""
    from cases.models import MissingPerson
    from cases.search import cases_search

    latencies = []
    for q in queries:
        started = time.perf_counter()
        found = cases_search(MissingPerson.objects.all(), q["name"])
        found.count()
        list(found[:50])
        latencies.append(time.perf_counter() - started)
    return latencies


def run_scan(queries: list[dict], people: list[dict], cases: list[Any]) -> dict[str, Any]:
    from anyascii import anyascii
    from rapidfuzz import fuzz, process

    choices = [anyascii(f"{c.given_name} {c.patronymic} {c.family_name}").lower() for c in cases]
    out: dict[str, Any] = {"lat": [], "hits": []}
    for q in queries:
        for dob in (False, True):
            started = time.perf_counter()
            best = process.extract(
                anyascii(q["name"]).lower(), choices, scorer=fuzz.token_sort_ratio, limit=50
            )
            indexes = [index for _, _, index in best]
            if dob:
                born = q["person"]["born"]
                indexes.sort(key=lambda i: people[i]["born"] != born)
            out["lat"].append(time.perf_counter() - started)
            out["hits"].append((q["script"], dob, indexes, []))
    return out


def recall(result: dict, queries: list[dict], people: list[dict], dob: bool, k: int) -> dict:
    by_script: dict[str, list[bool]] = {s: [] for s in SCRIPTS}
    pairs = [h for h in result["hits"] if h[1] == dob]
    for q, (script, _, indexes, _) in zip(queries, pairs, strict=True):
        by_script[script].append(score_hits(indexes, q, people, dob, k))
    return {s: sum(v) / len(v) for s, v in by_script.items()}


def calibration(result: dict, queries: list[dict], people: list[dict]) -> list[tuple]:
    """Precision of the top candidate at score thresholds (both query kinds)."""
    rows = []
    pairs = result["hits"]
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.95):
        right = total = 0
        for i, (_, _dob, indexes, scores) in enumerate(pairs):
            q = queries[i // 2]
            for rank, score in enumerate(scores):
                if score >= threshold:
                    total += 1
                    right += score_hits([indexes[rank]], q, people, True, 1)
        rows.append((threshold, total, right / total if total else float("nan")))
    return rows


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100, help="per script")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/casemgr_bench_names"
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database a previous run loaded"
    )
    args = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "CELERY_BROKER_URL": "",
        "DJANGO_SETTINGS_MODULE": "casemgr.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CELERY_BROKER_URL")
    rng = random.Random(7)
    if not args.reuse:
        bench_api.recreate_database(args.database_url)
        bench_api.run_manage(env, "migrate", "--noinput", "-v", "0")
    os.environ.update(env)
    people = generate(args.cases, rng)
    started = time.perf_counter()
    data = seed(people, rng, args.reuse)
    print(f"loaded {args.cases} cases in {time.perf_counter() - started:.0f}s", flush=True)
    from cases.models import MissingPerson

    cases = list(MissingPerson.objects.order_by("pk"))
    queries = make_queries(people, args.queries, rng)
    ours = run_ours(queries, people, data["ids"])
    scan = run_scan(queries, people, cases)
    print("\n| method | measure | " + " | ".join(SCRIPTS) + " |")
    print("| --- | --- | " + " | ".join("---:" for _ in SCRIPTS) + " |")
    for label, result in (("cases.matching", ours), ("rapidfuzz full scan", scan)):
        for dob, k in ((False, 1), (False, 5), (True, 1), (True, 5)):
            r = recall(result, queries, people, dob, k)
            measure = f"recall@{k} {'name + DOB' if dob else 'name only'}"
            print(f"| {label} | {measure} | " + " | ".join(f"{r[s]:.3f}" for s in SCRIPTS) + " |")
    print("\n| method | p50 ms | p95 ms |")
    print("| --- | ---: | ---: |")
    for label, result in (("cases.matching in process", ours), ("rapidfuzz full scan", scan)):
        print(f"| {label} | {pct(result['lat'], 50):.1f} | {pct(result['lat'], 95):.1f} |")
    searched = search_latency(queries)
    print(
        f"| cases_search (count + page of 50) | {pct(searched, 50):.1f} | {pct(searched, 95):.1f} |"
    )
    api_latency(env, data["token"], queries, args.requests)
    print("\n| score at least | candidates | precision (the right man) |")
    print("| ---: | ---: | ---: |")
    for threshold, total, precision in calibration(ours, queries, people):
        print(f"| {threshold} | {total} | {precision:.3f} |")


def api_latency(env: dict, token: str, queries: list[dict], n: int) -> None:
    import http.client
    import json

    server = bench_api.Gunicorn(env, 2)
    try:
        server.wait_ready()
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        latencies, codes = [], {}
        for i in range(n + 10):
            q = queries[i % len(queries)]
            body = json.dumps({"name": q["name"], "date_of_birth": q["person"]["born"].isoformat()})
            started = time.perf_counter()
            conn.request(
                "POST",
                "/api/cases/match/",
                body=body,
                headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
            )
            response = conn.getresponse()
            response.read()
            if i >= 10:  # the first ten warm the workers
                latencies.append(time.perf_counter() - started)
                codes[response.status] = codes.get(response.status, 0) + 1
        print(
            f"\n/api/cases/match/ under gunicorn (2 sync workers), 1 client, {n} requests "
            f"{codes}: p50 {pct(latencies, 50):.1f} ms, p95 {pct(latencies, 95):.1f} ms"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
