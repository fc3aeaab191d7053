"""Imported first by the bench scripts run as `python -m bench.…`: sets Django up once.

A no-op when Django is already set up (tests importing the corpus builder).
"""

import os

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()
