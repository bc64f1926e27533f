# The README's two commands go through here: `make demo` and `make test`.
# Both install what they need on a fresh Debian 12 machine (as root, or with sudo).

SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo .venv-tools/bin/uv)
PY := .venv/bin/python
DEMO_DIR ?= demo
APT_PACKAGES := mariadb-server mariadb-client postgresql postgresql-client nginx-light
NATIVE_SRC := src/safeguard/ingest/readers/_mysqlfast.c

.PHONY: demo test install system-deps lint typecheck unit bench clean

## install: Python environment from the lock file (uv, then `uv sync --frozen`),
## and the C fast path of the mysqldump reader
install: .venv/.synced .venv/.native

.venv-tools/bin/uv:
	python3 -m venv .venv-tools
	.venv-tools/bin/pip install --quiet uv

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --all-groups
	touch $@

## The C fast path (gcc and the Python headers; no network). Safeguard works
## without it (pure Python): here a failed build only warns; `make unit` builds
## it strictly so that its differential tests always run.
.venv/.native: $(NATIVE_SRC) tools/build_native.py .venv/.synced
	$(PY) tools/build_native.py --quiet
	touch $@

## system-deps: Debian packages the tests drive for real (MariaDB, PostgreSQL, nginx).
## A temporary policy-rc.d keeps apt from starting them as system services:
## each test starts its own private instance.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  policy=/usr/sbin/policy-rc.d; made=""; \
	  if [ ! -e $$policy ]; then printf '#!/bin/sh\nexit 101\n' | $$SUDO tee $$policy >/dev/null && $$SUDO chmod +x $$policy && made=1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  rc=$$?; [ -n "$$made" ] && $$SUDO rm -f $$policy; [ $$rc = 0 ] || exit $$rc; \
	fi

lint: install
	.venv/bin/ruff check src tests benchmarks tools
	.venv/bin/ruff format --check src tests benchmarks tools

typecheck: install
	.venv/bin/mypy

unit: install system-deps
	$(PY) tools/build_native.py --strict --quiet
	.venv/bin/pytest -q -p no:cacheprovider

## test: everything CI runs
test: lint typecheck unit

## demo: synthetic seized forum -> whole pipeline -> what was found
demo: install
	$(PY) -m safeguard.demo $(DEMO_DIR)

bench: install system-deps
	$(PY) benchmarks/ingest.py

clean:
	rm -rf .venv .venv-tools $(DEMO_DIR) .pytest_cache .mypy_cache .ruff_cache
