# Document files move from the media storage (MEDIA_ROOT, which a proxy may serve) to the
# "documents" storage (DOCUMENTS_ROOT, or a private bucket). Their names do not change.
# Where both storages are one (the same bucket), there is nothing to move.

from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import cls.documents.storage


def move_files(documents, source, target):
    for document in documents.objects.exclude(file=""):
        name = document.file.name
        if target.exists(name) or not source.exists(name):
            continue
        with source.open(name) as file:
            stored_name = target.save(name, file)
        if stored_name != name:
            documents.objects.filter(pk=document.pk).update(file=stored_name)
        source.delete(name)


def out_of_media(apps, schema_editor):
    move_files(apps.get_model("cls", "SiteDocument"), default_storage, storages["documents"])


def back_to_media(apps, schema_editor):
    move_files(apps.get_model("cls", "SiteDocument"), storages["documents"], default_storage)


class Migration(migrations.Migration):

    dependencies = [
        ('cls', '0009_extraction_limit_exceeded'),
    ]

    operations = [
        migrations.AlterField(
            model_name='sitedocument',
            name='file',
            field=models.FileField(storage=cls.documents.storage.select_document_storage, upload_to='documents', verbose_name='fichier'),
        ),
        migrations.RunPython(out_of_media, back_to_media),
    ]
