"""PFIF documents built in the tests, as an outside system would send them."""

from __future__ import annotations

from typing import Any

from cases.imports.models import ImportBatch, ImportRow
from tests.imports.lists import committed

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
OPEN = '<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4" xmlns:ext="http://example.org/ext">'


def pfif(*persons: str, loose: str = "") -> bytes:
    return f"{HEAD}{OPEN}{''.join(persons)}{loose}</pfif:pfif>".encode()


def element(name: str, value: str) -> str:
    return f"<pfif:{name}>{value}</pfif:{name}>"


def person(*parts: str, **fields: str) -> str:
    body = "".join(element(k, v) for k, v in fields.items())
    return f"<pfif:person>{body}{''.join(parts)}</pfif:person>"


def note(**fields: str) -> str:
    return "<pfif:note>" + "".join(element(k, v) for k, v in fields.items()) + "</pfif:note>"


def rows(batch_id: int) -> list[ImportRow]:
    return list(ImportRow.objects.filter(batch_id=batch_id).order_by("line"))


def decide_all(client: Any, batch_id: int, action: str) -> None:
    for row in rows(batch_id):
        url = f"/api/imports/{batch_id}/rows/{row.pk}/"
        response = client.patch(url, {"decision": {"action": action}}, format="json")
        assert response.status_code == 200, response.json()


def apply(client: Any, batch_id: int) -> ImportBatch:
    with committed():
        response = client.post(f"/api/imports/{batch_id}/apply/")
    assert response.status_code == 202, response.json()
    return ImportBatch.objects.get(pk=batch_id)
