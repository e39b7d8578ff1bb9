# The two commands of the README: `make demo` and `make test`. Each sets up .venv first.
# `make demo` installs presslens alone, what analysis, the corpus, the command line and the
# web app need (about 870 MB, under a minute from PyPI's wheels); `make test` adds the extras
# the tests exercise: training (torch), Ray, Parquet, the benchmarks' libraries and the test
# tools (about 3 GB in all, 2 to 5 minutes).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
TEST_EXTRAS ?= train,ray,parquet,bench,test
CORE_STAMP := $(VENV)/.installed-core
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test setup

setup: $(TEST_STAMP)

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(CORE_STAMP): pyproject.toml | $(BIN)/python
	@echo "installing presslens into $(VENV) (about 870 MB, under a minute)"
	$(BIN)/pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	@echo "installing presslens with its extras [$(TEST_EXTRAS)] into $(VENV) (about 3 GB, 2 to 5 minutes)"
	$(BIN)/pip install -q -e ".[$(TEST_EXTRAS)]"
	touch $@ $(CORE_STAMP)

demo: $(CORE_STAMP)
	$(BIN)/presslens analyze examples/agency_report.txt
	$(BIN)/presslens ingest examples/ || test $$? -eq 3
	$(BIN)/presslens process --workers 1
	$(BIN)/presslens stats

test: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest -q
