from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def untranslated_entries(po_text):
    """The msgids of a .po file whose translation (or one of its plural forms) is empty.

    Skips the header entry (empty msgid) and obsolete entries ("#~").
    """
    missing = []
    for entry in po_text.split("\n\n"):
        lines = [line for line in entry.strip().splitlines() if not line.startswith("#~")]
        fields = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"') and current:
                fields[current] += line[1:-1]
            else:
                keyword, _, value = line.partition(" ")
                current = keyword
                fields[current] = value[1:-1]
        msgid = fields.get("msgid", "")
        translations = [value for key, value in fields.items() if key.startswith("msgstr")]
        if msgid and (not translations or not all(translations)):
            missing.append(msgid)
    return missing


class Command(BaseCommand):
    help = "Échoue si une chaîne des fichiers .po du site n'a pas de traduction."

    def handle(self, *args, **options):
        failures = []
        for locale_path in settings.LOCALE_PATHS:
            for po_file in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                for msgid in untranslated_entries(po_file.read_text(encoding="utf-8")):
                    failures.append(f"{po_file}: {msgid!r}")
        if failures:
            raise CommandError(
                f"{len(failures)} chaîne(s) sans traduction :\n" + "\n".join(failures)
            )
        self.stdout.write("Toutes les chaînes sont traduites.")
