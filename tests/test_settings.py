"""Production settings refuse to start without a real secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_with_production_settings(**env):
    environment = {name: value for name, value in os.environ.items() if name != "SECRET_KEY"}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with_production_settings()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_with_production_settings(SECRET_KEY="short")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_deploy_checks_pass_with_a_real_secret_key():
    result = run_with_production_settings(
        SECRET_KEY="ci-" + "abcdefghij0123456789" * 3, ALLOWED_HOSTS="cls.example.org"
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
