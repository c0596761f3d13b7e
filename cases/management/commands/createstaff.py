"""createstaff USERNAME --role caseworker|supervisor [--email E] [--phone P] [--noinput]

Creates a staff account or brings an existing one to the given role. The
account can log in to the admin (is_staff) and belongs to exactly the role's
group. With --noinput the password comes from CASEMGR_PASSWORD, so that
deployment scripts never put it on a command line (where `ps` would show it).
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cases.errors import InvalidInput
from cases.roles import STAFF_ROLES
from cases.services.staff import staff_account_set

PASSWORD_ENV = "CASEMGR_PASSWORD"


class Command(BaseCommand):
    help = "Create or update a caseworker or supervisor account (staff, in the role's group)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=STAFF_ROLES)
        parser.add_argument("--email", default=None)
        parser.add_argument(
            "--phone", default=None, help="Shown to families as their caseworker's number."
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"Do not prompt; read the password from the {PASSWORD_ENV} variable.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["username"].strip()
        if not username:
            raise CommandError("USERNAME cannot be empty.")
        User = get_user_model()
        existing = User.objects.filter(username=username).first()
        password = self._password(options["interactive"], existing or User(username=username))
        try:
            _, created = staff_account_set(
                username=username,
                role=options["role"],
                password=password,
                email=options["email"],
                phone=options["phone"],
            )
        except InvalidInput as exc:
            raise CommandError(exc.message) from exc
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} {options['role']} {username!r}."))

    def _password(self, interactive: bool, user: Any) -> str:
        if not interactive:
            password = os.environ.get(PASSWORD_ENV, "")
            if not password:
                raise CommandError(
                    f"--noinput needs the password in the environment variable {PASSWORD_ENV}; "
                    "it is not set (or empty)."
                )
            self._validate(password, user)
            return password
        while True:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ; try again.")
                continue
            try:
                self._validate(password, user)
            except CommandError as exc:
                self.stderr.write(str(exc))
                continue
            return password

    @staticmethod
    def _validate(password: str, user: Any) -> None:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("Password refused: " + " ".join(exc.messages)) from exc
