"""`make serve` runs the production stack only against PostgreSQL and Redis:
without them it stops at once, naming what is missing (it would otherwise
start on SQLite with tasks run in the web process)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = "postgres://postgres@127.0.0.1:5432/casemgr"
REDIS = "redis://127.0.0.1:6379/0"


def make_serve(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp", **env}
    return subprocess.run(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "DATABASE_URL"),
        ({"DATABASE_URL": "sqlite:///db.sqlite3", "CELERY_BROKER_URL": REDIS}, "DATABASE_URL"),
        ({"DATABASE_URL": POSTGRES}, "CELERY_BROKER_URL"),
        ({"DATABASE_URL": POSTGRES, "CELERY_BROKER_URL": "memory://"}, "CELERY_BROKER_URL"),
    ],
)
def test_make_serve_refuses_without_postgresql_and_redis(env: dict[str, str], named: str) -> None:
    result = make_serve(**env)
    assert result.returncode != 0
    assert f"set {named}" in result.stderr
    assert "migrate" not in result.stdout


def test_the_procfile_runs_web_worker_and_one_beat() -> None:
    lines = (ROOT / "Procfile").read_text().splitlines()
    processes = dict(line.split(":", 1) for line in lines if line and not line.startswith("#"))
    assert set(processes) == {"web", "worker", "beat"}
    assert processes["web"].split()[:2] == ["gunicorn", "casemgr.wsgi"]
    assert "worker" in processes["worker"].split()
    assert "beat" in processes["beat"].split()
