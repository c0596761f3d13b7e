"""A real Celery worker for the tests that need one (and for bench/).

start_worker() runs `celery -A casemgr worker -P prefork -c 2` as its own
process group, pointed at the test database (pytest-django's, so tests use
django_db(transaction=True) and the worker sees committed rows) and at the
project's Redis db, which is purged first. stop() shuts it down warmly,
kill() SIGKILLs the whole group, as a crash would.

The `celery_worker` fixture skips, saying why, when Redis or PostgreSQL is
not there; it stops every worker it started.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CELERY = str(Path(sys.executable).with_name("celery"))
READY = re.compile(r"celery@\S+ ready\.")


def wait_for(predicate: Callable[[], Any], *, timeout: float, interval: float = 0.1) -> Any:
    """Poll until `predicate()` is truthy; return it, or fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout}s: {predicate}")
        time.sleep(interval)


def redis_reachable(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), 1):
            return True
    except OSError:
        return False


def purge_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def database_url(settings_dict: dict[str, Any]) -> str:
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"


@dataclass
class Worker:
    env: dict[str, str] = field(repr=False)
    log_path: Path
    concurrency: int = 2
    pool: str = "prefork"
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self, timeout: float = 60) -> Worker:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                CELERY,
                "-A",
                "casemgr",
                "worker",
                "-P",
                self.pool,
                "-c",
                str(self.concurrency),
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-Q",
                "celery",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, for kill()
        )
        log.close()
        try:
            wait_for(self._ready, timeout=timeout, interval=0.2)
        except BaseException:
            self.kill()  # never leave a half-started worker consuming the queue
            raise
        return self

    def _ready(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"the worker exited at start:\n{self.log()[-3000:]}")
        return bool(READY.search(self.log()))

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the main process and its children at once: a crash."""
        if self.running:
            assert self.process is not None
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if not self.running:
            return
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()


def worker_env(broker_url: str, db_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": db_url,
            "CELERY_BROKER_URL": broker_url,
            "DJANGO_SETTINGS_MODULE": "casemgr.settings",
            "NOTIFY_RETRY_BASE_SECONDS": "1",
            "LOG_LEVEL": "INFO",
        }
    )
    env.update(extra)
    return env


@pytest.fixture
def celery_worker(tmp_path: Path) -> Iterator[Callable[..., Worker]]:
    """start(**env) -> a running Worker on the test database and Redis."""
    from django.conf import settings
    from django.db import connection

    broker = settings.CELERY_BROKER_URL
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs Redis: CELERY_BROKER_URL is not set (run through `make test`)")
    if not redis_reachable(broker):
        pytest.skip(f"needs Redis: nothing answers at {broker}")
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: a worker process cannot share an SQLite test database")
    purge_redis(broker)
    db_url = database_url(connection.settings_dict)
    workers: list[Worker] = []

    def start(**extra: str) -> Worker:
        log = tmp_path / f"worker-{len(workers) + 1}.log"
        worker = Worker(worker_env(broker, db_url, **extra), log)
        workers.append(worker)
        return worker.start()

    yield start
    for worker in workers:
        worker.stop()


def _reset_publisher(app: Any) -> None:
    """Forget the pooled connections and producers so the next publish
    connects to app.conf.broker_url afresh."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def broker_at(url: str) -> Iterator[None]:
    """Point this process's publishing (the web side) at another broker URL,
    e.g. a dead port to play a Redis outage, then back."""
    from casemgr.celery import app

    before = app.conf.broker_url, app.conf.broker_write_url, app.conf.task_always_eager
    app.conf.broker_url = app.conf.broker_write_url = url
    # Publishing for real even where the suite otherwise runs tasks eagerly
    # (the embedded SQLite mode).
    app.conf.task_always_eager = False
    _reset_publisher(app)
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.broker_write_url, app.conf.task_always_eager = before
        _reset_publisher(app)


def dead_broker_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"
