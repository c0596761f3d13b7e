"""Who is asking: the client's address, the one rule every throttle and the
login lockout key on.

A client may send any X-Forwarded-For it likes. Only the entries our own
proxies appended can be believed: each of the TRUSTED_PROXY_COUNT proxies in
front of gunicorn appends the address it was connected from, so the client's
address is the N-th entry from the right. With no proxy (the default) the
header is ignored and the socket's address (REMOTE_ADDR) is the client.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from django.conf import settings


def client_address(request: Any) -> str:
    """The client's IP address as text, never a value the client chose freely."""
    meta = request.META
    remote = str(meta.get("REMOTE_ADDR") or "")
    forwarded = forwarded_client(meta.get("HTTP_X_FORWARDED_FOR", ""), settings.TRUSTED_PROXY_COUNT)
    return forwarded or remote


def forwarded_client(header: str, proxies: int) -> str:
    """The entry `proxies` places from the right of an X-Forwarded-For value,
    or "" when there are no trusted proxies or that entry is not an address.

    A header shorter than the proxy count was written wholly by our proxies
    (a client reached an inner one directly): its leftmost entry is the client.
    """
    if proxies <= 0 or not header:
        return ""
    entries = [entry.strip() for entry in header.split(",")]
    candidate = entries[-min(proxies, len(entries))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return ""
