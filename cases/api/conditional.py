"""ETag / If-Match for cases: optimistic locking over HTTP.

The ETag names the case and its version ("<id>-<version>"). A PATCH must
send it back in If-Match (428 without); the version in it is handed to the
service, which compares it under a row lock, so of two writers holding the
same ETag only one can win (the other gets 412).
"""

from __future__ import annotations

import re

from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.request import Request

from cases.models import MissingPerson

_TAG = re.compile(r'^(?:W/)?"(?P<id>\d+)-(?P<version>\d+)"$')


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = (
        "This write needs an If-Match header with the ETag of your last GET of this record."
    )
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "If-Match does not match this record's current version; reload it first."
    default_code = "stale_version"


def etag_for(case: MissingPerson) -> str:
    return f'"{case.pk}-{case.version}"'


def if_match_version(request: Request, case: MissingPerson, *, required: bool) -> int | None:
    """The version the client last saw, read from If-Match.

    None when the header is absent and not required. `*` is refused: it would
    say "whatever the current version", which is what the header is here to
    prevent. A tag of another record, or a malformed one, is a failed
    precondition (412), as the HTTP spec has it.
    """
    header = request.headers.get("If-Match", "").strip()
    if not header:
        if required:
            raise PreconditionRequired()
        return None
    if header == "*":
        raise PreconditionRequired(
            "If-Match: * is not enough here; send the ETag of your last GET of this record."
        )
    for tag in (part.strip() for part in header.split(",")):
        match = _TAG.match(tag)
        if match and int(match["id"]) == case.pk:
            return int(match["version"])
    raise PreconditionFailed()
