"""On PostgreSQL, a French text-search configuration that ignores accents.

"ameliorer" finds "Améliorer" and "enfants" finds "enfant". SQLite's FTS5 tokenizer
already folds diacritics, so nothing is needed there.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
EXCEPTION WHEN unique_violation THEN NULL;
END $$;
ALTER TEXT SEARCH CONFIGURATION french_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;"


def run_on_postgresql(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP))]
