"""Where the embedded SQLite database cannot show a behaviour that PostgreSQL
(production, CI) has, the test says so and skips; `make test` reports it."""

from __future__ import annotations

import os

import pytest


def _on_sqlite() -> bool:
    return os.environ.get("DATABASE_URL", "sqlite").startswith("sqlite")


requires_row_locks = pytest.mark.skipif(
    _on_sqlite(), reason="needs PostgreSQL: SQLite has no row locks (one writer at a time)"
)


def skip_unicode_folding_on_sqlite(text: str) -> None:
    if _on_sqlite() and not text.isascii():
        pytest.skip("needs PostgreSQL: SQLite's LIKE folds the case of ASCII letters only")
