# The README's commands. `make run` and `make test` install everything they need first.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run test test-unit test-e2e lint messages chromium

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
	@echo "  enhedsleder  (approver)      worksmarter (WorkSmarter group)"
	@echo "  admin        (administrator)"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

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
