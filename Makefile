# The README's commands. `make run` and `make test` install everything they need first.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run serve backup restore bench-load test test-unit test-e2e lint messages chromium

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; nothing is downloaded by Playwright).
chromium:
	@command -v chromium >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo
	@echo "Kvalitetsportalen: http://$(HOST):$(PORT)/  (administration: http://$(HOST):$(PORT)/admin/)"
	@echo "Demo users, password demo1234 for all:"
	@echo "  medarbejder  (employee)      redaktoer   (editor)"
	@echo "  fagperson    (reviewer)      enhedsleder (approver, unit manager)"
	@echo "  worksmarter  (WorkSmarter)   kvalitet    (WorkSmarter, approves public texts)"
	@echo "  admin        (administrator)"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production-like on this machine: DEBUG off, gunicorn (gunicorn.conf.py), WhiteNoise, plain HTTP on 127.0.0.1.
# The database is SQLite in var/ unless DATABASE_URL says otherwise; Redis when REDIS_URL is set. A secret key is
# made once in var/secret_key unless SECRET_KEY is set.
SERVE_ENV = DJANGO_SETTINGS_MODULE=portal.settings.production SECURE_PROXY=$${SECURE_PROXY:-false} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECRET_KEY=$${SECRET_KEY:-$$(cat var/secret_key)}

serve: install var/secret_key
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(PY) manage.py load_demo --allow-demo-users
	@echo
	@echo "Kvalitetsportalen (production-like): http://$(HOST):$(PORT)/  health: http://$(HOST):$(PORT)/healthz/"
	$(SERVE_ENV) GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py

# The database and the uploaded files into var/backups/<time>/ (BACKUP_DIR=... elsewhere); see docs/backup.md.
backup: install
	$(PY) manage.py backup $(if $(BACKUP_DIR),--dir "$(BACKUP_DIR)")

# make restore BACKUP=var/backups/2026-11-24T153012 CONFIRM=yes: replaces the database and the uploaded files.
restore: install
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=var/backups/<time> CONFIRM=yes" >&2; exit 2; }
	$(PY) manage.py restore "$(BACKUP)" $(if $(filter yes,$(CONFIRM)),--confirm)

# The load benchmark (bench/README.md): make bench-load DATABASE=sqlite|postgres BENCH_ARGS="--reuse".
bench-load: install
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk)
	$(PY) bench/load.py --database $(or $(DATABASE),postgres) $(BENCH_ARGS)

var/secret_key:
	@mkdir -p var && umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

test: install chromium
	$(BIN)/pytest

test-unit: install
	$(BIN)/pytest -m "not e2e"

test-e2e: install chromium
	$(BIN)/pytest -m e2e

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# Our own strings from the sources, plus Danish for the third-party strings editors see (locale/da/third_party.po).
messages: install
	$(PY) manage.py makemessages --locale da --no-obsolete --ignore ".venv/*" --ignore "node_modules/*" \
		--ignore "tests/*" --ignore "var/*"
	msgcat --use-first locale/da/LC_MESSAGES/django.po locale/da/third_party.po -o locale/da/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages --locale da --ignore ".venv/*" --ignore "node_modules/*"
