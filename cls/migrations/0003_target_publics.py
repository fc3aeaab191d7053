from django.db import migrations

# The controlled list of target publics; labels come from TargetPublic.Code.
CODES = [
    "tous",
    "enfants",
    "jeunes",
    "parents",
    "adultes",
    "seniors",
    "handicap",
    "precarite",
    "professionnels",
    "elus",
]


def create_target_publics(apps, schema_editor):
    TargetPublic = apps.get_model("cls", "TargetPublic")
    for sort_order, code in enumerate(CODES):
        TargetPublic.objects.update_or_create(code=code, defaults={"sort_order": sort_order})


class Migration(migrations.Migration):
    dependencies = [("cls", "0002_initial")]

    operations = [migrations.RunPython(create_target_publics, migrations.RunPython.noop)]
