"""Dates and times as families read them: DD.MM.YYYY, and times in the
deployment's zone named in words ("Yerevan time"), never as "+04". The rule
is cases.dates, the one the staff workspace and the admin read too; these
are its names on the families' side."""

from __future__ import annotations

from cases.dates import day as family_date
from cases.dates import moment as family_datetime

__all__ = ["family_date", "family_datetime"]
