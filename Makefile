# The two commands a newcomer needs: `make run` and `make test`.
# Each creates or refreshes .venv first, so either works on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CONFIG ?= config/mailroom.toml

.PHONY: install run test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "mailroom needs Python 3.11 or newer (set PYTHON=python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev,pdfium]'
	touch $(STAMP)

run: install
	$(BIN)/mailroom --config $(CONFIG) run --once

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests examples bench
	$(BIN)/ruff format --check src tests examples bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: install
	$(BIN)/python -m bench --messages 2000 --rounds 3

clean:
	rm -rf $(VENV) var
