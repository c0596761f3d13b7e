"""import_list: bring in a list from the terminal (the operator with a USB
stick), with a progress bar; --apply applies the clearly matched rows and
leaves the rest for review in the API or the admin."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cases.errors import DomainError, InvalidInput
from cases.imports import selectors, services
from cases.imports.models import ImportBatch, NameOrder, Purpose
from cases.models import Exchange, ReportSource, Verification

BAR_WIDTH = 30
LAST_LINE = 2**31 - 1


class ProgressBar:
    """`[#########.....]  600/1000 rows matched` on one line, redrawn."""

    def __init__(self, out: Any, what: str) -> None:
        self.out = out
        self.what = what

    def show(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.out.write(f"\r[{bar}] {done:>6}/{total} rows {self.what}", ending="")
        self.out.flush()

    def end(self) -> None:
        self.out.write("")


class Command(BaseCommand):
    help = "Import a list of names (CSV or XLSX): match it, and with --apply apply the matches."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the CSV or XLSX file")
        parser.add_argument("--source", required=True, choices=ReportSource.values)
        parser.add_argument("--purpose", required=True, choices=Purpose.values)
        parser.add_argument("--exchange", type=int, help="the exchange's id (exchange lists)")
        parser.add_argument("--reported-on", type=_date, help="the list's date, YYYY-MM-DD")
        parser.add_argument(
            "--verification", choices=Verification.values, default=Verification.UNVERIFIED
        )
        parser.add_argument("--share-with-family", action="store_true")
        parser.add_argument(
            "--name-order", choices=NameOrder.values, default=NameOrder.FAMILY_FIRST
        )
        parser.add_argument("--columns", type=json.loads, help='e.g. {"full_name": "ФИО"}')
        parser.add_argument("--user", help="the supervisor importing (default: the only one)")
        parser.add_argument(
            "--apply", action="store_true", help="apply the clearly matched rows at once"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = _supervisor(options["user"])
        batch = self._create(actor, options)
        bar = ProgressBar(self.stdout, "matched")
        bar.show(0, batch.total)
        services.import_match_rows(
            batch_id=batch.pk,
            first_line=1,
            last_line=LAST_LINE,
            on_progress=lambda b: bar.show(b.done, b.total),
        )
        bar.end()
        batch.refresh_from_db()
        self._summary(batch)
        if options["apply"]:
            self._apply(batch, actor)

    def _create(self, actor: Any, options: dict[str, Any]) -> ImportBatch:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from exc
        try:
            return services.import_create(
                actor=actor,
                file_name=path.name,
                data=data,
                source=options["source"],
                purpose=options["purpose"],
                exchange=_exchange(options["exchange"]),
                reported_on=options["reported_on"],
                verification=options["verification"],
                share_with_family=options["share_with_family"],
                name_order=options["name_order"],
                columns=options["columns"],
                enqueue=False,
            )
        except InvalidInput as exc:
            raise CommandError(exc.message) from exc
        except DomainError as exc:
            raise CommandError(exc.message) from exc

    def _summary(self, batch: ImportBatch) -> None:
        self.stdout.write(
            f"Import #{batch.pk}: {batch.total} rows: {batch.matched} matched, "
            f"{batch.ambiguous} ambiguous, {batch.new} new, {batch.errors} with errors."
        )

    def _apply(self, batch: ImportBatch, actor: Any) -> None:
        accepted = services.import_accept_matched(batch=batch, actor=actor)
        services.import_apply(batch=batch, actor=actor, enqueue=False)
        bar = ProgressBar(self.stdout, "applied")
        cursor: int | None = 0
        while cursor is not None:
            cursor = services.import_apply_rows(batch_id=batch.pk, after_line=cursor, limit=100)
            applied = selectors.import_rows(batch=batch).filter(applied_at__isnull=False)
            bar.show(applied.count(), accepted)
        bar.end()
        batch.refresh_from_db()
        self.stdout.write(
            self.style.SUCCESS(f"Applied {batch.applied} rows; the import is {batch.status}.")
        )
        if batch.status != "applied":
            self.stdout.write(f"The other rows wait for review: GET /api/imports/{batch.pk}/rows/")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--reported-on: {text!r} is not a date (YYYY-MM-DD).") from None


def _exchange(exchange_id: int | None) -> Exchange | None:
    if exchange_id is None:
        return None
    try:
        return Exchange.objects.get(pk=exchange_id)
    except Exchange.DoesNotExist:
        raise CommandError(f"--exchange: there is no exchange {exchange_id}.") from None


def _supervisor(username: str | None) -> Any:
    candidates = selectors.supervisors()
    if username:
        found = candidates.filter(username=username).first()
        if found is None:
            raise CommandError(f"--user: {username!r} is not an active supervisor.")
        return found
    found_all = list(candidates[:2])
    if len(found_all) != 1:
        raise CommandError("Say who imports: --user USERNAME (an active supervisor).")
    return found_all[0]
