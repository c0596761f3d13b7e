"""The bureau's tests use the API tests' clients (a real token per role);
`world` is what the tests of the outputs that leave read (outputs.py)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from cases import services
from families.models import FamilyMember
from families.services import family_member_create
from tests.api.conftest import (  # noqa: F401 - fixtures
    _fresh_throttles,
    anon,
    as_user,
    cw,
    fam,
    family_user,
    sup,
    sup2,
)
from tests.bureau.outputs import World, dispatch_everything
from tests.conftest import make_user


@pytest.fixture
def prisoner(make_case, caseworker):
    """A detained man with the full Geneva record, a transfer and health news."""
    case = make_case(
        given_name="Արմեն",
        family_name="Հովհաննիսյան",
        patronymic="Կարենի",
        father_first_name="Կարեն",
        mother_maiden_name="Սարգսյան",
        name_native="Արմեն Կարենի Հովհաննիսյան",
        date_of_birth=date(2001, 3, 14),
        place_of_birth="Գյումրի",
        rank="Շարքային",
        citizenship="Armenia",
        sex="male",
        legal_status="prisoner_of_war",
    )
    services.capture_report_add(
        actor=caseworker,
        case=case,
        source="icrc",
        reported_on=date(2020, 12, 20),
        captured_on=date(2020, 12, 13),
        name_as_reported="Armen Hovhannisyan",
        verification="confirmed",
    )
    services.detention_event_add(
        case=case,
        actor=caseworker,
        type="transfer",
        occurred_on=date(2021, 1, 5),
        source="icrc",
        place="Բաքու, կալանավայր 2",
        prisoner_number="P-117",
    )
    services.detention_event_add(
        case=case,
        actor=caseworker,
        type="health",
        occurred_on=date(2021, 1, 6),
        source="icrc",
        health="slightly_wounded",
    )
    return case


def record_death(case, caseworker):
    """The death particulars as the detaining power sent them (Annex IV D)."""
    return services.detention_event_add(
        case=case,
        actor=caseworker,
        type="death",
        occurred_on=date(2021, 2, 1),
        source="detaining_power",
        place="Զինվորական հոսպիտալ",
        cause_of_death="Վերքեր / wounds",
        certificate_reference="DC-2021-9",
        place_of_burial="Գերեզմանատուն 3, շարք 2",
        grave_marked=True,
        grave_findable=False,
        personal_effects="ժամացույց, նամակ",
    )


def confirm_death(case, caseworker, supervisor):
    """The two-person move to deceased: asked by one, confirmed by another."""
    outcome = services.case_transition(case=case, actor=caseworker, to_status="deceased")
    services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)


@pytest.fixture
def world(prisoner, caseworker, supervisor, sup, cw, tmp_path, as_user) -> World:  # noqa: F811
    """The prisoner, public in the PFIF feed, confirmed detained (the family
    was told), with a note shared with his mother and her enquiry; then
    `since` is taken."""
    services.case_update(case=prisoner, actor=caseworker, expected_version=None, pfif_public=True)
    services.case_transition(case=prisoner, actor=caseworker, to_status="detained")
    member = family_member_create(
        actor=caseworker,
        full_name="Anahit Hovhannisyan",
        email="anahit@example.org",
        phone="+37491000001",
        language="hy",
        channels=["email", "sms", "webhook"],
        webhook_url="https://hooks.example.org/family",
        webhook_secret="s3cret-for-tests",
        links=[{"case": prisoner, "relationship": "mother", "verified": True}],
    )
    user = make_user("anahit.family", None)
    FamilyMember.objects.filter(pk=member.pk).update(user=user)
    services.case_note_add(
        case=prisoner, actor=caseworker, text="We asked the ICRC to visit.", family_visible=True
    )
    dispatch_everything()  # the messages of the setup are made (and delivered or not)
    relative = as_user(user)
    enquiry = {"case_number": prisoner.case_number, "text": "Is there any news of my son?"}
    assert relative.post("/api/family/enquiries/", enquiry, format="json").status_code == 201
    portal = Client()
    portal.force_login(user)
    return World(
        case=prisoner,
        member=FamilyMember.objects.get(pk=member.pk),
        supervisor_username=supervisor.username,
        sup=sup,
        cw=cw,
        fam=relative,
        portal=portal,
        since=timezone.now(),
        tmp_path=tmp_path,
    )
