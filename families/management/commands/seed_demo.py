"""seed_demo: the demo data set, written through the services.

The scenario: after the ceasefire breach of 11 December 2020, about 200 men of
the holdout group near Khtsaberd and Hin Tagher are missing. Sixty are
confirmed captured; capture reports came from the ombudsman and from videos;
an all-for-all exchange is being planned with some of the detained on its
list. A few relatives (Armenian, Russian and English speakers) are linked and
verified, one of them with a portal account.

Every write goes through a service, so the timeline, the outbox and the
field history look exactly as they would after real work. The data are
deterministic (a seeded random generator). Running the command again changes
nothing: the demo users are the marker, and a seeded database only prints
the credentials again.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from cases import services
from cases.imports.services import import_create
from cases.models import MissingPerson
from cases.roles import CASEWORKER, SUPERVISOR
from cases.services.staff import staff_account_set
from families.management.demo_lists import detaining_side_list, ombudsman_list
from families.management.demo_names import FAMILY_NAMES, GIVEN_NAMES, PLACES_OF_BIRTH, genitive
from families.models import FamilyMember
from families.services import family_account_create, family_member_create

SEED = 20201211
CASES = 200
DETAINED = 60
CAPTURE_REPORTED_ONLY = 12
LISTED_FOR_EXCHANGE = 24
BREACH = date(2020, 12, 11)


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    description: str


DEMO_USERS = (
    DemoUser("demo.caseworker", "Khtsaberd-demo-2020", CASEWORKER, "caseworker (admin, API)"),
    DemoUser("demo.supervisor", "HinTagher-demo-2020", SUPERVISOR, "supervisor (admin, API)"),
    DemoUser("demo.family", "Shirak-family-demo", "family", "relative (family portal)"),
)
MARKER_USERNAME = DEMO_USERS[0].username


class Command(BaseCommand):
    help = "Load the demo data set (idempotent: a second run changes nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--i-know",
            action="store_true",
            dest="i_know",
            help="Seed even with DEBUG off (a staging server, never one with real families).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # With DEBUG off this is likely a real server: the demo accounts'
        # passwords are printed in the README, and a supervisor among them
        # could confirm a death.
        if not settings.DEBUG and not options["i_know"]:
            raise CommandError(
                "DEBUG is off: this looks like a production server, and the demo accounts' "
                "passwords are public. Run with --i-know only on a server that will never "
                "hold real cases."
            )
        User = get_user_model()
        if User.objects.filter(username=MARKER_USERNAME).exists():
            self.stdout.write("The demo data are already loaded; nothing changed.")
            self._print_credentials()
            return
        if MissingPerson.objects.exists():
            raise CommandError(
                "This database already holds cases that are not the demo's; "
                "seed_demo only seeds an empty registry."
            )
        started = time.monotonic()
        # Eager Celery logs one line per dispatched event; a thousand of them
        # would bury the credentials printed at the end.
        trace_logger = logging.getLogger("celery.app.trace")
        level = trace_logger.level
        trace_logger.setLevel(logging.WARNING)
        try:
            with transaction.atomic():
                counts = Seeder(random.Random(SEED)).run()  # noqa: S311 - demo data, not secrets
        finally:
            trace_logger.setLevel(level)
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {elapsed:.1f} s: {summary}."))
        self._print_credentials()

    def _print_credentials(self) -> None:
        self.stdout.write("\nDemo accounts (demo only; never use these on a real server):")
        for user in DEMO_USERS:
            self.stdout.write(f"  {user.username:<17} {user.password:<22} {user.description}")
        self.stdout.write(
            "Everyone logs in at /accounts/login/: staff land on Today (/workspace/), "
            "relatives on their portal; the admin is at /admin/.\n"
        )


class Seeder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counts: dict[str, int] = {}

    def run(self) -> dict[str, int]:
        self.caseworker = _staff_user(DEMO_USERS[0], phone="+374 10 555 101")
        self.supervisor = _staff_user(DEMO_USERS[1], phone="+374 10 555 102")
        cases = self._open_cases()
        detained = cases[:DETAINED]
        for case in detained:
            self._capture(case)
        for case in cases[DETAINED : DETAINED + CAPTURE_REPORTED_ONLY]:
            self._video_only(case)
        self._unlinked_reports()
        exchange = self._exchange(detained[:LISTED_FOR_EXCHANGE])
        self._sensitive_cases(cases[-2:])
        self._detention_news(detained[0], wounded=detained[1])
        self._relatives(listed=detained[0], detained=detained[30], missing=cases[150])
        self.counts["exchange"] = 1 if exchange else 0
        self._waiting_imports(detained)
        return self.counts

    def _count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    # --- cases -----------------------------------------------------------------
    def _open_cases(self) -> list[MissingPerson]:
        rng = self.rng
        used: set[tuple[str, str, str]] = set()
        cases = []
        for n in range(CASES):
            while True:
                given = rng.choice(GIVEN_NAMES)
                family = rng.choice(FAMILY_NAMES)
                father = rng.choice(GIVEN_NAMES)
                if (given[0], family[0], father[0]) not in used and given != father:
                    used.add((given[0], family[0], father[0]))
                    break
            born = date(1995, 1, 1) + timedelta(days=rng.randrange(8 * 365))
            conscript = born.year >= 2000
            place = rng.choice(("Hin Tagher", "Khtsaberd"))
            cases.append(
                services.case_open(
                    actor=self.caseworker,
                    given_name=given[0],
                    family_name=family[0],
                    patronymic=father[0],
                    name_native=f"{family[1]} {given[1]} {genitive(father[1])}",
                    date_of_birth=born,
                    place_of_birth=rng.choice(PLACES_OF_BIRTH),
                    service_number=f"AM{born.year % 100:02d}{n + 1:03d}{rng.randrange(100):02d}",
                    rank=rng.choice(
                        ("Private", "Private", "Junior sergeant")
                        if conscript
                        else ("Private", "Sergeant", "Senior sergeant", "Junior lieutenant")
                    ),
                    unit=f"Military unit {rng.choice((1701, 1702, 1703))}, "
                    f"{rng.randrange(1, 4)} company, holdout position near {place}",
                    last_seen_date=BREACH + timedelta(days=rng.choice((0, 0, 0, 1))),
                    last_seen_place=place,
                    circumstances=(
                        "Part of the group that held positions near Khtsaberd and Hin Tagher; "
                        "contact was lost after the ceasefire breach of 11 December 2020."
                    ),
                    caseworker=self.caseworker,
                )
            )
        self._count("cases", len(cases))
        return cases

    def _video_report(self, case: MissingPerson, verification: str) -> Any:
        return services.capture_report_add(
            actor=self.caseworker,
            case=case,
            source="media",
            source_detail="Video published on social media showing captured servicemen",
            reported_on=BREACH + timedelta(days=self.rng.randrange(3, 10)),
            captured_on=BREACH + timedelta(days=self.rng.choice((1, 2, 3))),
            place_of_capture=case.last_seen_place,
            health="Appears unharmed in the video",
            name_as_reported=f"{case.given_name} {case.family_name}",
            verification=verification,
            share_with_family=False,
        )

    def _capture(self, case: MissingPerson) -> None:
        """Video first, then the ombudsman's confirmation of detention."""
        self._video_report(case, "corroborated")
        services.case_transition(
            case=case,
            actor=self.caseworker,
            to_status="capture_reported",
            note="Identified in a video of captured servicemen.",
        )
        services.capture_report_add(
            actor=self.caseworker,
            case=case,
            source="ombudsman",
            source_detail="Statement of the Human Rights Defender of Armenia",
            reported_on=BREACH + timedelta(days=self.rng.randrange(10, 25)),
            captured_on=case.last_seen_date,
            place_of_capture=case.last_seen_place,
            place_of_detention="Baku (detention facility named by the ICRC)",
            health="Visited by the ICRC; no urgent medical needs reported",
            name_as_reported=case.full_name,
            patronymic_as_reported=case.patronymic,
            date_of_birth_as_reported=case.date_of_birth,
            service_number_as_reported=case.service_number or "",
            rank_as_reported=case.rank,
            verification="confirmed",
            share_with_family=True,
        )
        services.case_transition(
            case=case,
            actor=self.caseworker,
            to_status="detained",
            note="Detention confirmed by the ICRC visit reported by the ombudsman.",
        )
        self._count("capture reports", 2)

    def _detention_news(self, case: MissingPerson, *, wounded: MissingPerson) -> None:
        """What the bureau records of a prisoner: a transfer, an ICRC visit and
        health news the family reads on the portal; and a seriously wounded
        man whose health news is overdue (Today's queue)."""
        events: list[tuple[MissingPerson, str, int, dict[str, Any]]] = [
            (
                case,
                "transfer",
                30,
                {
                    "place": "Baku, pre-trial detention centre no. 1",
                    "prisoner_number": "PR-2041",
                    "share_with_family": True,
                },
            ),
            (case, "icrc_visit", 45, {"place": "Baku", "share_with_family": True}),
            (case, "health", 45, {"health": "good_health", "share_with_family": True}),
            (wounded, "health", 20, {"health": "seriously_wounded"}),
        ]
        for person, kind, days, fields in events:
            services.detention_event_add(
                case=person,
                actor=self.caseworker,
                type=kind,
                occurred_on=BREACH + timedelta(days=days),
                source="icrc",
                **fields,
            )
        self._count("detention events", len(events))

    def _video_only(self, case: MissingPerson) -> None:
        self._video_report(case, "unverified")
        services.case_transition(
            case=case,
            actor=self.caseworker,
            to_status="capture_reported",
            note="Possibly seen in a video; not yet confirmed.",
        )
        self._count("capture reports")

    def _unlinked_reports(self) -> None:
        """Reports from a list in other scripts, left for matching to link."""
        rows = (
            ("Ованесян Армен Каренович", "Карен", "detaining_power"),
            ("Qazaryan Tiqran", "", "detaining_power"),
            ("Hovannisian Narek", "Gagik", "media"),
            ("Саргсян Давид", "Самвел", "detaining_power"),
        )
        for name, father, source in rows:
            services.capture_report_add(
                actor=self.caseworker,
                source=source,
                source_detail="List handed over through the ICRC, names as written there",
                reported_on=date(2020, 12, 28),
                captured_on=BREACH,
                place_of_capture="Hin Tagher",
                name_as_reported=name,
                patronymic_as_reported=father,
            )
        self._count("capture reports", len(rows))

    # --- exchange, sensitive moves -----------------------------------------------
    def _exchange(self, listed: list[MissingPerson]) -> Any:
        exchange = services.exchange_plan(
            actor=self.supervisor,
            name="All-for-all exchange (per the trilateral statement of 9 November 2020)",
            principle="all_for_all",
            scheduled_for=date(2021, 1, 28),
            place="Line of contact near Goris",
            mediator="ICRC",
        )
        for case in listed:
            services.exchange_list_case(exchange=exchange, case=case, actor=self.supervisor)
        self._count("listed for exchange", len(listed))
        return exchange

    def _sensitive_cases(self, cases: list[MissingPerson]) -> None:
        """One confirmed death, one request still waiting for a supervisor."""
        confirmed, waiting = cases
        outcome = services.case_transition(
            case=confirmed,
            actor=self.caseworker,
            to_status="deceased",
            note="Identified by DNA after a search mission in the area.",
        )
        assert outcome.pending is not None
        services.transition_confirm(
            transition_id=outcome.pending.pk, actor=self.supervisor, note="DNA report checked."
        )
        services.case_family_told(
            case=confirmed, actor=self.caseworker, note="Visited the family with a psychologist."
        )
        services.case_transition(
            case=waiting,
            actor=self.caseworker,
            to_status="deceased",
            note="A fellow soldier reports seeing him killed; awaiting identification.",
        )
        self._count("sensitive moves", 2)

    # --- relatives ------------------------------------------------------------------
    def _relatives(
        self, *, listed: MissingPerson, detained: MissingPerson, missing: MissingPerson
    ) -> None:
        relatives = (
            ("Anahit " + listed.family_name, "hy", ["email", "sms"], listed, "mother", True),
            (listed.patronymic + " " + listed.family_name, "hy", ["sms"], listed, "father", True),
            ("Marina " + detained.family_name, "ru", ["email"], detained, "spouse", True),
            ("Lilit " + missing.family_name, "en", ["email"], missing, "sibling", True),
            ("Gohar " + missing.family_name, "hy", ["sms"], missing, "mother", False),
        )
        members = []
        for i, (name, language, channels, case, relationship, verified) in enumerate(relatives):
            members.append(
                family_member_create(
                    actor=self.caseworker,
                    full_name=name,
                    email=f"relative{i + 1}@example.org" if "email" in channels else "",
                    phone=f"+374 77 00 00 {i + 1:02d}" if "sms" in channels else "",
                    language=language,
                    channels=channels,
                    links=[{"case": case, "relationship": relationship, "verified": verified}],
                )
            )
        services.case_note_add(
            case=listed,
            actor=self.caseworker,
            text="He is on the list for the planned exchange; we will call you with the date.",
            family_visible=True,
        )
        _portal_user(DEMO_USERS[2], members[0], actor=self.caseworker)
        self._count("relatives", len(members))

    # --- lists waiting for review --------------------------------------------------------
    def _waiting_imports(self, detained: list[MissingPerson]) -> None:
        """Two lists, matched after the commit (in Celery), left for the
        supervisor to review: nothing is applied."""
        import_create(
            actor=self.supervisor,
            file_name="ombudsman-60-confirmed.csv",
            data=ombudsman_list(detained),
            source="ombudsman",
            purpose="capture_report",
            reported_on=date(2020, 12, 28),
            verification="confirmed",
            share_with_family=True,
        )
        import_create(
            actor=self.supervisor,
            file_name="detaining-side-list.xlsx",
            data=detaining_side_list(
                detained[36:52],
                detained[52:54],
                random.Random(SEED + 1),  # noqa: S311
            ),
            source="detaining_power",
            purpose="capture_report",
            reported_on=date(2021, 1, 5),
        )
        self._count("lists waiting for review", 2)


def _staff_user(demo: DemoUser, *, phone: str) -> Any:
    user, _ = staff_account_set(
        username=demo.username, role=demo.role, password=demo.password, phone=phone
    )
    return user


def _portal_user(demo: DemoUser, member: FamilyMember, *, actor: Any) -> None:
    family_account_create(
        member=member, actor=actor, username=demo.username, password=demo.password
    )
