"""Shared fixtures: staff in their roles, a case factory, and Celery mode.

Tests run Celery eagerly in-process unless they are marked `worker`; those
start a real worker against the Redis broker (see tests/worker.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.utils import translation

from casemgr.celery import app as celery_app
from cases import services
from cases.models import MissingPerson
from cases.roles import CASEWORKER, SUPERVISOR

_numbers = itertools.count(1)

# Fixtures of the notification pipeline (relatives, a reachable caseworker).
pytest_plugins = ["tests.families.notify_fixtures"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every transactional test restores the migrated data (serialized_rollback).

    One that does not is flushed with post_migrate, which recreates the
    content types under new ids and not the role groups; every later test
    that restores the migrated data then fails to load them (duplicate
    content type), whichever file it is in.
    """
    careless = [
        item.nodeid
        for item in items
        if (marker := item.get_closest_marker("django_db")) is not None
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    ]
    if careless:
        raise pytest.UsageError(
            "transactional tests without serialized_rollback=True: " + ", ".join(careless)
        )


@pytest.fixture(autouse=True)
def _default_language_in_every_test() -> Iterator[None]:
    """Each test starts and ends in the default language. A request in hy or
    ru leaves its language active in the thread (LocaleMiddleware activates
    it and nothing deactivates it), and a later test that builds a message
    outside a request would read it in that language, depending on order."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # The production hasher costs ~0.3 s per user; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _celery_eager(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("worker"):
        yield
        return
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = before


def _reset_broker_pools() -> None:
    celery_app._pool = None
    if "amqp" in celery_app.__dict__:
        celery_app.amqp._producer_pool = None


@pytest.fixture
def dead_broker(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A broker URL where nothing listens, as when Redis is down; not eager."""
    dead = "redis://127.0.0.1:1/0"
    before = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    # Celery reads CELERY_BROKER_URL from the environment before its own conf.
    monkeypatch.setenv("CELERY_BROKER_URL", dead)
    celery_app.conf.broker_url = dead
    celery_app.conf.task_always_eager = False
    _reset_broker_pools()
    yield
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = before
    _reset_broker_pools()


def make_user(username: str, role: str | None) -> User:
    user = User.objects.create_user(username=username, password="a-long-test-password-1")
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def caseworker(db: Any) -> User:
    return make_user("anna.caseworker", CASEWORKER)


@pytest.fixture
def other_caseworker(db: Any) -> User:
    return make_user("aram.caseworker", CASEWORKER)


@pytest.fixture
def supervisor(db: Any) -> User:
    return make_user("sona.supervisor", SUPERVISOR)


@pytest.fixture
def other_supervisor(db: Any) -> User:
    return make_user("levon.supervisor", SUPERVISOR)


@pytest.fixture
def outsider(db: Any) -> User:
    return make_user("nobody", None)


@pytest.fixture
def make_case(caseworker: User) -> Callable[..., MissingPerson]:
    def _make(**fields: Any) -> MissingPerson:
        n = next(_numbers)
        values: dict[str, Any] = {
            "given_name": f"Armen{n}",
            "family_name": "Hovhannisyan",
            "patronymic": "Karen",
            "service_number": f"SN-{n:06d}",
            "last_seen_date": date(2020, 12, 11),
            "last_seen_place": "Hin Tagher",
        }
        values.update(fields)
        return services.case_open(actor=caseworker, **values)

    return _make


@pytest.fixture
def case(make_case: Callable[..., MissingPerson]) -> MissingPerson:
    return make_case()
