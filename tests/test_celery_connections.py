"""A worker keeps its database connection from one task to the next, as
Django does between requests, but never after a task that did not end
normally (it may have been stopped halfway through a query)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from celery import states
from django.db import connection

from casemgr.celery import app, keep_or_close_db_connections

pytestmark = [
    # serialized_rollback: a plain transactional flush re-creates content types
    # with new ids, and the next test that restores the snapshot then collides.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="needs PostgreSQL: Django never closes SQLite's in-memory test database",
    ),
]


def task(*, eager: bool) -> SimpleNamespace:
    return SimpleNamespace(request=SimpleNamespace(is_eager=eager))


def open_connection() -> object:
    connection.ensure_connection()
    return connection.connection


def test_celery_does_not_close_the_connection_after_every_task() -> None:
    assert app.conf.get("CELERY_DB_REUSE_MAX")


def test_the_connection_is_kept_after_a_task_that_succeeded() -> None:
    before = open_connection()
    keep_or_close_db_connections(sender=task(eager=False), state=states.SUCCESS)
    assert connection.connection is before


@pytest.mark.parametrize("state", [states.FAILURE, states.RETRY, None])
def test_the_connection_is_closed_after_a_task_that_did_not_end_normally(
    state: str | None,
) -> None:
    open_connection()
    keep_or_close_db_connections(sender=task(eager=False), state=state)
    assert connection.connection is None


def test_a_connection_older_than_conn_max_age_is_closed_after_the_task() -> None:
    open_connection()
    connection.close_at = 0  # its CONN_MAX_AGE has run out
    keep_or_close_db_connections(sender=task(eager=False), state=states.SUCCESS)
    assert connection.connection is None


def test_an_eager_task_leaves_the_callers_connection_alone() -> None:
    before = open_connection()
    keep_or_close_db_connections(sender=task(eager=True), state=states.FAILURE)
    assert connection.connection is before
