import uuid

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


def move_tags(apps, schema_editor):
    """Each tag used by the news becomes a NewsTag in the language of the first news page
    using it (the source: translations keep their source's tags)."""
    NewsPageTag = apps.get_model("home", "NewsPageTag")
    NewsTag = apps.get_model("home", "NewsTag")
    news_tags = {}
    for item in NewsPageTag.objects.select_related("tag", "content_object").order_by(
        "content_object_id", "pk"
    ):
        if item.tag_id not in news_tags:
            news_tags[item.tag_id] = NewsTag.objects.create(
                name=item.tag.name,
                slug=item.tag.slug,
                locale_id=item.content_object.locale_id,
                translation_key=uuid.uuid4(),
            )
        item.news_tag = news_tags[item.tag_id]
        item.save(update_fields=["news_tag"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_site_identity"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="NewsTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        allow_unicode=True, max_length=100, unique=True, verbose_name="slug"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "mot-clé des actualités",
                "verbose_name_plural": "mots-clés des actualités",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="newspagetag",
            name="news_tag",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, to="home.newstag"
            ),
        ),
        migrations.RunPython(move_tags, migrations.RunPython.noop),
        migrations.RemoveField(model_name="newspagetag", name="tag"),
        migrations.RenameField(model_name="newspagetag", old_name="news_tag", new_name="tag"),
        migrations.AlterField(
            model_name="newspagetag",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tagged_news",
                to="home.newstag",
            ),
        ),
        migrations.AlterField(
            model_name="newspage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="Par exemple « prévention », « séniors » ; les visiteurs filtrent par mot-clé.",
                through="home.NewsPageTag",
                to="home.NewsTag",
                verbose_name="mots-clés",
            ),
        ),
    ]
