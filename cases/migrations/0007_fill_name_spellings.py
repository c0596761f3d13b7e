"""Give every existing case its spellings and keys: the registered names, the
native one, and the names of the reports linked to it (see
cases/services/spellings.py, which writes them from now on)."""

from __future__ import annotations

from django.db import migrations

from cases import names

FIELDS = (
    ("given_name", "given", "registered"),
    ("family_name", "family", "registered"),
    ("patronymic", "patronymic", "registered"),
    ("name_native", "full", "native"),
)


def _spellings(case, reports):
    out = {}
    for field, part, source in FIELDS:
        out.setdefault((part, " ".join(getattr(case, field).split())), source)
    for report in reports:
        out.setdefault(("full", " ".join(report.name_as_reported.split())), "reported")
        out.setdefault(
            ("patronymic", " ".join(report.patronymic_as_reported.split())), "reported"
        )
    return {pt: source for pt, source in out.items() if pt[1]}


def _pairs(rows):
    # As cases.services.spellings.name_pairs (copied: a migration keeps its
    # own code, whatever the service becomes).
    return {
        " ".join(sorted((a[2], b[2])))
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if a[2] != b[2] and (a[1] != b[1] or a[0] == b[0])
    }


def fill(apps, schema_editor):
    MissingPerson = apps.get_model("cases", "MissingPerson")
    CaseSpelling = apps.get_model("cases", "CaseSpelling")
    CaseNameKey = apps.get_model("cases", "CaseNameKey")
    CaptureReport = apps.get_model("cases", "CaptureReport")
    CaseNamePair = apps.get_model("cases", "CaseNamePair")
    for case in MissingPerson.objects.order_by("pk").iterator(chunk_size=1000):
        reports = CaptureReport.objects.filter(case_id=case.pk)
        spellings = CaseSpelling.objects.bulk_create(
            CaseSpelling(
                case_id=case.pk,
                part=part,
                text=text,
                script=names.detect_script(text),
                source=source,
            )
            for (part, text), source in _spellings(case, reports).items()
        )
        keys = CaseNameKey.objects.bulk_create(
            CaseNameKey(
                case_id=case.pk,
                spelling=spelling,
                part=spelling.part,
                position=position,
                word=word.word[:80],
                key=word.key[:60],
                fold=word.fold[:80],
            )
            for spelling in spellings
            for position, word in enumerate(names.name_keys(spelling.text, spelling.part))
        )
        pairs = _pairs([(k.spelling_id, k.part, k.key) for k in keys])
        CaseNamePair.objects.bulk_create(CaseNamePair(case_id=case.pk, key=p) for p in pairs)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_name_spellings")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
