"""Writes of the bureau: the access log, the export audit, retention.

Each is one function a view, page, command or admin calls; none is a signal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from cases.bureau.models import CaseAccess, ExportRecord
from cases.models import MissingPerson
from cases.roles import is_caseworker


def case_access_record(*, user: Any, case_ids: Iterable[int], via: str, path: str = "") -> int:
    """Record that `user` opened these cases: one INSERT whatever their
    number. The workspace's case page calls this with via="page"."""
    if not is_caseworker(user):
        return 0
    now = timezone.now()
    rows = [
        CaseAccess(case_id=case_id, user=user, at=now, via=via, path=path[:200])
        for case_id in dict.fromkeys(case_ids)
    ]
    CaseAccess.objects.bulk_create(rows)
    return len(rows)


@dataclass(frozen=True)
class ExportedFile:
    """A document ready to go out, and its audit record."""

    content: bytes
    filename: str
    content_type: str
    record: ExportRecord


@transaction.atomic
def export_record(
    *,
    actor: Any,
    kind: str,
    content: bytes,
    filename: str,
    content_type: str,
    parameters: dict[str, Any] | None = None,
    case: MissingPerson | None = None,
) -> ExportedFile:
    """Seal a document: record who made it, when, with what parameters and
    the SHA-256 of the exact bytes handed out. Every export path ends here."""
    record = ExportRecord.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_username=getattr(actor, "username", "") or "(system)",
        at=timezone.now(),
        kind=kind,
        parameters=parameters or {},
        case=case,
        filename=filename,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    return ExportedFile(content, filename, content_type, record)
