"""Every output that leaves the staff side, read as a value two readings can
be compared by: the documents that go out (PFIF, the bureau list, the PDFs),
what a family reads (portal, family API, messages, webhook payloads) and the
match API. Used by test_no_output_reveals_a_pending_death.py and
test_no_feed_reveals_an_untold_death.py.

A reading leaves out only what changes by itself from one second to the
next (the time a PDF was printed, an XLSX's own timestamps, a form's CSRF
token), never anything a case could change.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook
from rest_framework.test import APIClient

from cases.models import CaseEvent, MissingPerson
from cases.services import event_dispatch
from families.channels.webhook import webhook_payload
from families.models import FamilyMember, Notification


@dataclass
class World:
    """One public prisoner, a relative of his with a portal account and a
    webhook, and the clients of the staff and of the relative."""

    case: MissingPerson
    member: FamilyMember
    supervisor_username: str
    sup: APIClient
    cw: APIClient
    fam: APIClient
    portal: Client
    since: datetime  # taken after the setup, before the step under test
    tmp_path: Path


def dispatch_everything() -> None:
    """Hand every event to the notifier, as the outbox (or its sweep) does."""
    for event_id in CaseEvent.objects.filter(dispatched=False).values_list("pk", flat=True):
        event_dispatch(event_id=event_id)


def _pfif(world: World) -> bytes:
    return world.sup.get("/api/pfif/").content


def _pfif_since(world: World) -> bytes:
    return world.sup.get("/api/pfif/", {"since": world.since.isoformat()}).content


def _pfif_command(world: World) -> bytes:
    out = world.tmp_path / "feed.xml"
    call_command(
        "export_pfif",
        "--as",
        world.supervisor_username,
        "--output",
        str(out),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    return out.read_bytes()


def _bureau_csv(world: World, since: str) -> bytes:
    response = world.sup.get("/api/exports/bureau-list/", {"since": since, "type": "csv"})
    return response.content


def _bureau_xlsx(world: World) -> list[list[Any]]:
    response = world.sup.get("/api/exports/bureau-list/", {"since": "2000-01-01", "type": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    return [list(row) for sheet in workbook for row in sheet.iter_rows(values_only=True)]


# The PDF footer says when it was printed (DD.MM.YYYY HH:MM).
_PRINTED_AT = re.compile(r"\d\d\.\d\d\.\d{4} \d\d:\d\d")


def _capture_card(world: World) -> str:
    response = world.sup.get(f"/api/cases/{world.case.pk}/capture-card/")
    path = world.tmp_path / "card.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return _PRINTED_AT.sub("", text)


def _death_certificate(world: World) -> tuple[int, Any]:
    response = world.sup.get(f"/api/cases/{world.case.pk}/death-certificate/")
    body = response.json() if response.status_code != 200 else response.content
    return response.status_code, body


def _family_cases(world: World) -> Any:
    return world.fam.get("/api/family/cases/").json()


def _family_enquiries(world: World) -> Any:
    return world.fam.get("/api/family/enquiries/").json()


def _family_notifications(world: World) -> Any:
    dispatch_everything()
    return world.fam.get("/api/family/notifications/").json()


_TAG = re.compile(r"<[^>]*>")


def _portal(world: World) -> str:
    dispatch_everything()
    html = world.portal.get("/family/").content.decode("utf-8")
    return " ".join(_TAG.sub(" ", html).split())


def _messages(world: World) -> list[tuple[str, str, str, str]]:
    dispatch_everything()
    rows = Notification.objects.filter(member=world.member).order_by("pk")
    return [(n.channel, n.subject, n.body_text, n.body_html) for n in rows]


def _webhook_payloads(world: World) -> list[dict[str, Any]]:
    # Built when the message is sent, from the case as it is then: a message
    # that waited for its receiver (retries) goes out while a death waits.
    dispatch_everything()
    rows = Notification.objects.filter(member=world.member, channel="webhook").order_by("pk")
    return [webhook_payload(n) for n in rows]


def _match(world: World) -> Any:
    response = world.cw.post("/api/cases/match/", {"name": "Armen Hovhannisyan"}, format="json")
    return response.json()


Reader = Callable[[World], Any]

# The public feed, as a mirror reads it: a death confirmed but not yet told
# in person changes nothing here (the person goes out as before the move).
PFIF_OUTPUTS: dict[str, Reader] = {
    "pfif": _pfif,
    "pfif_since": _pfif_since,
    "pfif_command": _pfif_command,
}
# What families (and anyone) read: a death shows here only once confirmed
# and told in person.
FAMILY_OUTPUTS: dict[str, Reader] = {
    **PFIF_OUTPUTS,
    "family_cases_api": _family_cases,
    "family_notifications_api": _family_notifications,
    "family_enquiries_api": _family_enquiries,
    "family_portal": _portal,
    "messages": _messages,
    "webhook_payloads": _webhook_payloads,
}
# What other systems read (the ICRC's list, the Geneva forms, the machines
# that match names): a death shows here only once both people confirmed it.
OUTSIDE_OUTPUTS: dict[str, Reader] = {
    "bureau_list_csv": lambda world: _bureau_csv(world, "2000-01-01"),
    "bureau_list_csv_since": lambda world: _bureau_csv(world, world.since.isoformat()),
    "bureau_list_xlsx": _bureau_xlsx,
    "capture_card": _capture_card,
    "death_certificate": _death_certificate,
    "match_api": _match,
}
OUTPUTS: dict[str, Reader] = {**FAMILY_OUTPUTS, **OUTSIDE_OUTPUTS}
