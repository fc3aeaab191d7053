"""An index on Page.url_path, which Wagtail leaves unindexed: home.routing finds every
page by it (one query per request, a sequential scan of the page table without it)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_news_pages"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_url_path_idx ON wagtailcore_page (url_path)",
            reverse_sql="DROP INDEX IF EXISTS home_page_url_path_idx",
        ),
    ]
