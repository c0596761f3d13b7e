"""python manage.py export_pfif --as SUPERVISOR [--since DATE] [--output FILE]:
the public cases as PFIF 1.4 XML, recorded in the export audit like the
API's /api/pfif/."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.exceptions import ValidationError

from cases.api.params import since_param
from cases.bureau.exports import pfif_export
from cases.errors import DomainError


class Command(BaseCommand):
    help = "Write the public cases as PFIF 1.4 XML (recorded in the export audit)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as", dest="username", required=True, help="A supervisor.")
        parser.add_argument("--since", help="A date (YYYY-MM-DD) or ISO date-time.")
        parser.add_argument("--output", help="A file to write; standard output without.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        try:
            since = since_param(options["since"], required=False)
            exported = pfif_export(actor=user, since=since)
        except (DomainError, ValidationError) as exc:
            raise CommandError(str(exc)) from exc
        if options["output"]:
            Path(options["output"]).write_bytes(exported.content)
            self.stderr.write(f"{exported.filename}: sha256 {exported.record.sha256}")
        else:
            sys.stdout.buffer.write(exported.content)
