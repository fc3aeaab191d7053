# The two commands of the README: `make run` (demo site on SQLite) and `make test`.
# The distribution's Python when it is 3.11+: Debian builds it with profile-guided and
# link-time optimisation, which a Python compiled by pyenv lacks by default: Django builds
# queries and renders templates about a fifth faster with it (docs/exploitation.md).
SYSTEM_PYTHON_OK := $(shell /usr/bin/python3 -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null)
PYTHON ?= $(if $(filter True,$(SYSTEM_PYTHON_OK)),/usr/bin/python3,python3)
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= localhost
PORT ?= 8000

.PHONY: run test screenshots browser-deps proxy-deps install install-test migrate demo site-groups messages lint serve-prod \
	backup restore guide-screenshots

run: install migrate demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-test browser-deps proxy-deps
	$(BIN)/python -m pytest

# PNG screenshots of every page type of both demo sites, at 1280 and 375 px, in
# build/screenshots/ (SCREENSHOTS_DIR=…): a throwaway demo server, Chromium (Playwright).
screenshots: install-test browser-deps
	$(BIN)/python -m pytest tests/browser/screenshots.py -q -p no:cacheprovider -s

# The browser suite drives Debian's Chromium and runs axe-core and the Nu HTML Checker
# (npm packages, Java): install what is missing.
browser-deps: tests/browser/node_modules/.installed
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }

# The production tests put nginx in front of gunicorn, as docs/exploitation.md does.
proxy-deps:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { apt-get update -qq && apt-get install -y -qq nginx-light; }

tests/browser/node_modules/.installed: tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: install
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py setup_site_groups

site-groups: install
	$(BIN)/python manage.py setup_site_groups

# Production: settings from the environment (docs/exploitation.md). Migrations run
# before the processes start, under a lock shared by every server (migrate_safely); then
# the Procfile's web server and task worker run together (honcho stops both if one ends).
PROD = DJANGO_SETTINGS_MODULE=config.settings.production PATH="$(abspath $(BIN)):$$PATH"

serve-prod: install
	$(PROD) $(BIN)/python manage.py migrate_safely
	$(PROD) $(BIN)/python manage.py collectstatic --no-input
	$(PROD) $(BIN)/honcho start

# make backup [BACKUP_DIR=backups]; make restore BACKUP=backups/<timestamp> (empty database)
BACKUP_DIR ?= backups

backup:
	scripts/backup.sh $(BACKUP_DIR)

restore:
	scripts/restore.sh $(BACKUP)

# Extract the interface strings into site/locale, then compile them once translated
# (French is the source language: its msgstr repeat the msgid, see docs/architecture.md).
messages: install
	$(BIN)/python manage.py makemessages --locale fr --locale en --ignore '.venv/*' \
		--ignore 'tests/*' --ignore 'bench/*' --ignore 'static/*'
	msgen --output-file=site/locale/fr/LC_MESSAGES/django.po site/locale/fr/LC_MESSAGES/django.po
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

# The screenshots of docs/guide-editeur.md and the README, taken in Chromium from the demo
# built in a throwaway database: run again after changing the admin or the templates.
guide-screenshots: install-test
	$(BIN)/python -m tests.browser.guide_screenshots docs/images

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
