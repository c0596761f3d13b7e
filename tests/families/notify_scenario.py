"""An exchange with many cases and relatives, built through the services,
for the pipeline tests and bench/notify.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import Group, User

from casemgr.celery import app as celery_app
from cases import services
from cases.models import Exchange, MissingPerson, StaffProfile
from cases.roles import CASEWORKER, SUPERVISOR
from families.models import FamilyMember
from families.services import family_member_create


@contextmanager
def eager_celery() -> Iterator[None]:
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = before


@dataclass
class ExchangeScenario:
    exchange: Exchange
    cases: list[MissingPerson]
    relatives: list[FamilyMember]
    supervisor: User

    def complete(self) -> Exchange:
        return services.exchange_complete(
            exchange=self.exchange,
            actor=self.supervisor,
            exchanged=[c.pk for c in self.cases],
            not_released=[],
        )


def staff(username: str, role: str, **fields: Any) -> User:
    user, _ = User.objects.get_or_create(username=username, defaults=fields)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def build_exchange(
    *, cases: int, relatives_per_case: int, channels: tuple[str, ...] = ("email",), tag: str = "x"
) -> ExchangeScenario:
    """`cases` detained people listed on one planned exchange, each with
    verified relatives in the three languages. Built with Celery eager, so
    every event of the set-up is dispatched before this returns (nobody was
    linked yet when the cases moved: no message comes of the set-up)."""
    worker = staff(f"cw-{tag}", CASEWORKER, first_name="Anna", last_name="Petrosyan")
    StaffProfile.objects.get_or_create(user=worker, defaults={"phone": "+374 10 555123"})
    boss = staff(f"sup-{tag}", SUPERVISOR, first_name="Sona", last_name="Avagyan")
    people: list[MissingPerson] = []
    relatives: list[FamilyMember] = []
    with eager_celery():
        exchange = services.exchange_plan(
            actor=boss, name=f"Exchange {tag}", scheduled_for=date(2021, 1, 9)
        )
        for n in range(cases):
            case = services.case_open(
                actor=worker,
                given_name=f"Armen{n}",
                family_name="Hovhannisyan",
                service_number=f"SN-{tag}-{n:05d}",
                last_seen_date=date(2020, 12, 11),
                caseworker=worker,
            )
            services.case_transition(case=case, actor=worker, to_status="detained")
            services.exchange_list_case(exchange=exchange, case=case, actor=boss)
            people.append(case)
        for case in people:
            for r in range(relatives_per_case):
                relatives.append(
                    family_member_create(
                        actor=worker,
                        full_name=f"Relative {case.pk}-{r}",
                        email=f"rel-{case.pk}-{r}@example.org",
                        phone=f"+3749{case.pk:05d}{r}",
                        language=("hy", "ru", "en")[r % 3],
                        channels=list(channels),
                        links=[{"case": case, "relationship": "sibling", "verified": True}],
                    )
                )
    return ExchangeScenario(exchange, people, relatives, boss)
