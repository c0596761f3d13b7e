"""Run a command with the test services' URLs set when they are reachable.

`make test` runs the suite against PostgreSQL and Redis when DATABASE_URL and
CELERY_BROKER_URL are set, or when the local services answer on their usual
ports; otherwise on SQLite with eager Celery (tests that need the real
services are then skipped, and the skip is reported).
"""

from __future__ import annotations

import os
import socket
import sys

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/casemgr"
# The project's own Redis database number, apart from other projects on the host.
LOCAL_REDIS = "redis://127.0.0.1:6379/11"


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit("usage: python -m casemgr.testenv COMMAND [ARGS...]")
    env = dict(os.environ)
    if not env.get("DATABASE_URL") and _answers("127.0.0.1", 5432):
        env["DATABASE_URL"] = LOCAL_POSTGRES
    if not env.get("CELERY_BROKER_URL") and _answers("127.0.0.1", 6379):
        env["CELERY_BROKER_URL"] = LOCAL_REDIS
    print(
        f"tests: database={env.get('DATABASE_URL', 'sqlite')} "
        f"broker={env.get('CELERY_BROKER_URL', 'eager')}",
        flush=True,
    )
    os.execvpe(argv[0], argv, env)  # noqa: S606


if __name__ == "__main__":
    main(sys.argv[1:])
