"""The invitation page's throttle counts per address: each test starts afresh."""

from __future__ import annotations

from tests.families.conftest import _fresh_throttle_counts  # noqa: F401 - an autouse fixture
