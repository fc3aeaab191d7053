from django.db import migrations

from home.inline_translations import translatable_inline_operations


class Migration(migrations.Migration):
    dependencies = [
        ("cls", "0015_hero_images_and_pictograms"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = translatable_inline_operations(
        "cls",
        [
            "actionevent",
            "actionindicator",
            "actionfunder",
            "actionpartner",
            "amendment",
            "contractpartner",
        ],
    )
