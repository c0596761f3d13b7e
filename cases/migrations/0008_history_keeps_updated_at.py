"""The case history keeps updated_at, the stamp the public PFIF feed sends
(entry_date): a case whose death is not yet told in person goes out as its
record last stood, stamp included. Earlier history records get the time they
were written, the nearest value on record."""

from __future__ import annotations

import django.utils.timezone
from django.db import migrations, models


def stamp_earlier_records(apps, schema_editor):
    history = apps.get_model("cases", "HistoricalMissingPerson")
    history.objects.filter(updated_at__isnull=True).update(updated_at=models.F("history_date"))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_fill_name_spellings"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalmissingperson",
            name="updated_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(stamp_earlier_records, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historicalmissingperson",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False
            ),
            preserve_default=False,
        ),
    ]
