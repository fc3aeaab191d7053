"""Production settings with the tasks run inside the web request (Django's immediate
backend), as before the task worker: bench/slow_smtp.py --tasks-in-request compares."""

from config.settings.production import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
