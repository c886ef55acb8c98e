# Two commands set everything up on a fresh machine with Python 3.11+:
#   make serve   create .venv, install, start gunicorn on 127.0.0.1:$${PORT:-8000}
#   make test    create .venv, install with test extras, run ruff and pytest
#   make docs    regenerate docs/api.md's examples from the server's answers
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: serve test lint format install install-test bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

serve: install
	PORT=$(PORT) HOST=$(HOST) $(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python -m pytest

# docs/api.md's examples and option table, from the app's own answers (tests/api/test_docs.py
# fails when they are stale)
docs: install
	$(BIN)/python docs/api_examples.py

bench: install-test
	$(BIN)/pip install --quiet -e '.[bench]'
	@echo "see docs/benchmarks.md for the benchmark commands"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
