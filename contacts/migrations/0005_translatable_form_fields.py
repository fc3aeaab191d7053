from django.db import migrations

from home.inline_translations import translatable_inline_operations


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0004_phone_validation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = translatable_inline_operations("contacts", ["formfield"])
