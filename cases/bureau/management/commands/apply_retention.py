"""python manage.py apply_retention [--dry-run]: remove the personal data of
cases closed longer ago than RETENTION_CLOSED_CASE_DAYS (README: Retention)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from cases.bureau.retention import retention_apply


class Command(BaseCommand):
    help = "Remove the personal data of cases closed longer than the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List the cases due only.")

    def handle(self, *args: Any, **options: Any) -> None:
        days = settings.RETENTION_CLOSED_CASE_DAYS
        if days <= 0:
            self.stdout.write("Retention is off (RETENTION_CLOSED_CASE_DAYS is 0).")
            return
        numbers = retention_apply(dry_run=options["dry_run"])
        verb = "due" if options["dry_run"] else "removed"
        self.stdout.write(f"{len(numbers)} case(s) {verb} (closed more than {days} days ago).")
        for number in numbers:
            self.stdout.write(f"  {number}")
