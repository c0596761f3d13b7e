"""DRF throttles that know the client by accounts.client.client_address.

DRF's own get_ident trusts X-Forwarded-For as the client sends it unless
NUM_PROXIES is set; every throttle of the project derives from these so the
rule lives in one place (tests/accounts/test_client_address.py walks the URLs
to hold every view to it).
"""

from __future__ import annotations

from typing import Any

from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle

from accounts.client import client_address


class ClientAddressMixin:
    def get_ident(self, request: Any) -> str:
        return client_address(request)


class AddressRateThrottle(ClientAddressMixin, SimpleRateThrottle):
    """One budget per client address for the view's `scope`."""

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ScopedAddressThrottle(ClientAddressMixin, ScopedRateThrottle):
    """DRF's ScopedRateThrottle (the view's `throttle_scope`) per client address."""
