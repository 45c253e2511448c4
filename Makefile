# District.Team — the everyday commands. `make run` and `make test` each do all set-up.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000

.PHONY: run test test-fast lint format messages compilemessages bench load chromium check clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -qq --upgrade pip
	$(VENV)/bin/pip install -qq -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed compilemessages

# Compile translations with polib (no gettext needed); CI also runs Django's compilemessages.
compilemessages: $(VENV)/.installed
	$(PY) -m portal.compile_messages

## Serve the portal with demo data on SQLite at http://127.0.0.1:$(PORT)
run: install chromium
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) draw_chart_images
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## Run the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)
test: install chromium
	$(VENV)/bin/pytest

test-fast: install
	$(VENV)/bin/pytest -m "not browser" -x -q

# Debian's Chromium for browser tests and static chart images (never `playwright install`).
chromium:
	@bash scripts/ensure-chromium.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## Refresh locale/fr/LC_MESSAGES/django.po from the code and templates
messages: $(VENV)/.installed
	$(MANAGE) makemessages --locale fr --no-location --no-obsolete \
		--ignore ".venv/*" --ignore "node_modules/*" --ignore "bench/*" --ignore "tests/*"

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

## Benchmarks: writes bench/results.json and docs/benchmarks.md
bench: install chromium
	$(PY) -m bench.run

## Load test: gunicorn + PostgreSQL + Redis, 50 users for 60 s (loopback only)
load: install
	$(PY) -m bench.load

clean:
	rm -rf $(VENV) node_modules staticfiles tmp
