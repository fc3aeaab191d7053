"""Every commune of France (cls/data/communes_france.csv.gz): about a second on SQLite."""

from django.db import migrations


def load_communes_of_france(apps, schema_editor):
    from cls.communes_france import load_national_communes

    load_national_communes(apps.get_model("cls", "Commune"))


class Migration(migrations.Migration):
    dependencies = [("cls", "0012_commune_codes_validated")]

    operations = [
        migrations.RunPython(load_communes_of_france, migrations.RunPython.noop, elidable=True),
    ]
