"""One JSON POST to a receiver outside, that cannot be turned against the inside.

A relative's webhook URL is typed by a caseworker, so it is untrusted: it
must not reach the server itself, the database, the cloud's metadata service
or anything else on the private network. Every send therefore
  - resolves the host once and refuses it when any address it resolves to is
    not public (loopback, private, link-local, shared, multicast, reserved,
    unspecified; IPv4 inside IPv6 is unwrapped), however it is written
    (127.1, 2130706433, 0x7f000001, 0177.0.0.1, [::ffff:127.0.0.1], a name);
  - connects to exactly the address it checked (no second lookup a DNS
    rebinding could answer differently), with the name as Host and as TLS SNI
    and certificate name;
  - follows no redirect (a 3xx is a permanent error);
  - keeps the status code of a refusal, never the response body, which could
    carry what an internal service answered.
WEBHOOK_ALLOWED_HOSTS names receivers an operator runs inside on purpose.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from families.channels import TransportError

MAX_ANSWER = 64 * 1024
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str


class Refused(ValueError):
    """The URL may not be used: why, in words a caseworker can act on."""


def parse_target(url: str) -> Target:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise Refused(f"not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused("only http:// and https:// URLs with a host name are allowed")
    if parts.username is not None or parts.password is not None:
        raise Refused("user names and passwords in the URL are not allowed")
    default = 443 if parts.scheme == "https" else 80
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, parts.hostname, port or default, path)


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address anyone on the internet could have: nothing of ours inside."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or _nat64(address)
        if embedded is not None:
            return is_public(embedded)
        if address.teredo is not None:
            return False
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_private
    )


def _nat64(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (numeric forms included)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise TransportError(f"cannot resolve the host: {exc}", permanent=False) from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_address(target: Target, allowed_hosts: frozenset[str]) -> str:
    """The address to connect to, after refusing any that is not public."""
    addresses = resolve(target.host, target.port)
    if target.host.lower() in allowed_hosts:
        return addresses[0]
    inside = [a for a in addresses if not is_public(ipaddress.ip_address(a.split("%")[0]))]
    if inside:
        raise Refused(f"{target.host} resolves to a non-public address ({inside[0]})")
    return addresses[0]


def refusal(url: str, allowed_hosts: frozenset[str]) -> str | None:
    """Why this URL may not be a webhook, checked now; None when it may.
    A name that does not resolve yet is left to the check at send time."""
    try:
        checked_address(parse_target(url), allowed_hosts)
    except Refused as exc:
        return str(exc)
    except TransportError:
        return None
    return None


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: Target, address: str, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: Target, address: str, timeout: float) -> None:
        super().__init__(
            target.host, target.port, timeout=timeout, context=ssl.create_default_context()
        )
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        # The certificate must be the name's, though we dialled the address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def status_error(status: int) -> TransportError:
    """A refusal by its status alone: 4xx is permanent except 429, and so is a
    redirect (never followed); the rest may work later."""
    reason = http.client.responses.get(status, "")
    if 300 <= status < 400:
        return TransportError(f"HTTP {status} {reason}: redirects are not followed", permanent=True)
    permanent = 400 <= status < 500 and status != 429
    return TransportError(f"HTTP {status} {reason}".rstrip(), permanent=permanent)


def post_json(
    url: str,
    payload: bytes,
    headers: dict[str, str],
    timeout: float,
    *,
    allowed_hosts: frozenset[str] | None = None,
) -> bytes:
    """POST a JSON body; the answer's body on 2xx, else TransportError.

    `allowed_hosts` None trusts the URL (an operator's setting, such as the
    SMS gateway); otherwise non-public addresses are refused except for the
    hosts named. A refused address is a permanent error.
    """
    try:
        target = parse_target(url)
        address = checked_address(target, allowed_hosts) if allowed_hosts is not None else None
    except Refused as exc:
        raise TransportError(f"refused: {exc}", permanent=True) from None
    if address is None:
        address = resolve(target.host, target.port)[0]
    return _post(target, address, payload, headers, timeout)


def _post(
    target: Target, address: str, payload: bytes, headers: dict[str, str], timeout: float
) -> bytes:
    kind = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection: Any = kind(target, address, timeout)
    try:
        connection.request(
            "POST",
            target.path,
            body=payload,
            headers={"Content-Type": "application/json", **headers},
        )
        response = connection.getresponse()
        if not 200 <= response.status < 300:
            raise status_error(response.status)
        return bytes(response.read(MAX_ANSWER))
    except (OSError, http.client.HTTPException) as exc:
        raise TransportError(f"{type(exc).__name__}: {exc}"[:300], permanent=False) from exc
    finally:
        connection.close()
