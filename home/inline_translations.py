"""Migration operations that make a page's inline objects translatable (TranslatableMixin).

Inline objects made before that (an action's events, a contact form's fields) get the
locale of their page; those of a page's translations get the translation key of the
object at the same position on the page first created, so that the next synchronisation
updates them instead of replacing them, and the language switcher can match them.
"""

import uuid
from collections import defaultdict

from django.db import migrations, models


def locale_field(**options):
    return models.ForeignKey(
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
        **options,
    )


def translatable_inline_operations(app_label, model_names):
    """Add `translation_key` and `locale`, fill them, then make them required and unique."""

    def bootstrap(apps, schema_editor):
        for model_name in model_names:
            bootstrap_inline_translations(apps.get_model(app_label, model_name), apps)

    operations = []
    for model_name in model_names:
        operations += [
            migrations.AddField(
                model_name, "translation_key", models.UUIDField(editable=False, null=True)
            ),
            migrations.AddField(model_name, "locale", locale_field(null=True)),
        ]
    operations.append(migrations.RunPython(bootstrap, migrations.RunPython.noop))
    for model_name in model_names:
        operations += [
            migrations.AlterField(
                model_name, "translation_key", models.UUIDField(default=uuid.uuid4, editable=False)
            ),
            migrations.AlterField(model_name, "locale", locale_field()),
            migrations.AlterUniqueTogether(model_name, {("translation_key", "locale")}),
        ]
    return operations


def bootstrap_inline_translations(model, apps):
    Page = apps.get_model("wagtailcore", "Page")
    rows = list(model.objects.order_by("page_id", "sort_order", "pk"))
    rows_by_page = defaultdict(list)
    for row in rows:
        rows_by_page[row.page_id].append(row)
    pages_by_key = defaultdict(list)
    for page in Page.objects.filter(pk__in=rows_by_page).order_by("pk"):
        pages_by_key[page.translation_key].append(page)  # the source first: created first
    for same_page in pages_by_key.values():
        keys = []
        for page in same_page:
            for position, row in enumerate(rows_by_page[page.pk]):
                if position == len(keys):
                    keys.append(uuid.uuid4())
                row.translation_key = keys[position]
                row.locale_id = page.locale_id
    model.objects.bulk_update(rows, ["translation_key", "locale"], batch_size=500)
