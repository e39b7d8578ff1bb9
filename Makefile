# The two commands of the README: `make demo` and `make test`. Each sets up .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXTRAS ?= train,ray,parquet,bench,test

.PHONY: demo test setup

setup: $(BIN)/presslens

$(BIN)/presslens: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[$(EXTRAS)]"
	touch $@

demo: setup
	$(BIN)/presslens analyze examples/agency_report.txt
	$(BIN)/presslens ingest examples/ || test $$? -eq 3
	$(BIN)/presslens process --workers 1
	$(BIN)/presslens stats

test: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest -q
