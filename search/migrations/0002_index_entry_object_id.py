"""An index on the search index's object ids.

Searches are scoped to one site's pages, so PostgreSQL joins each of a site's pages to
its index entry. The only index on that join also starts with the content type, and a
page may be of any of a dozen types: a dozen lookups per page. With this index, one:
on the bench corpus (bench/corpus.py) the pages query goes from 9–17 ms to 2.5 ms.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_french_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS search_indexentry_object_id "
            "ON wagtailsearch_indexentry (object_id);",
            "DROP INDEX IF EXISTS search_indexentry_object_id;",
        )
    ]
