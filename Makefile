# sphinx-orgchart: every target sets up what it needs on a fresh machine.
#   make test   - environment + graphviz, then ruff, mypy and the whole test suite
#   make docs   - environment + graphviz, then the documentation, built with -W
#   make fuzz   - the property-based tests: robustness (4,000 cases per data test) and
#                 incremental = clean builds (1,000 sequences of edits)
#   make bench  - the benchmarks at 200 units; make bench-full: 200, 1,000 and 5,000 units
#                 and the ministry-shaped package; make bench-large: 10,000 units
#   make bench-charts - the charts table (drawn, lost, under 7 pt) of the example and packages
# Variables: PYTHON (interpreter used to create the environment), VENV (its folder).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_STAMP := $(VENV)/.system-deps
# graphviz draws the charts; latex and poppler build and check the PDF; chromium runs the
# browser tests. scripts/install-system-deps.sh installs what is missing (as root).
SYSTEM_DEPS ?= graphviz latex poppler chromium

.PHONY: setup system-deps test lint typecheck unit fuzz bench bench-full bench-large bench-charts docs pdf \
	screenshots \
	locale clean

setup: $(STAMP) $(SYSTEM_STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[dev,docs]'
	touch $@

$(SYSTEM_STAMP): scripts/install-system-deps.sh | $(STAMP)
	scripts/install-system-deps.sh $(SYSTEM_DEPS)
	touch $@

lint: setup
	$(BIN)/ruff check sphinx_orgchart tests docs scripts benchmarks
	$(BIN)/ruff format --check sphinx_orgchart tests docs scripts benchmarks

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/python -m pytest -q

test: lint typecheck unit

# FUZZ_EXAMPLES cases for each of the 3 data-layer properties, FUZZ_BUILD_EXAMPLES for each
# of the 2 Sphinx ones, FUZZ_LATEX_EXAMPLES valid packages compiled to PDF and audited,
# FUZZ_EDIT_EXAMPLES sequences of edits each built incrementally and from scratch; the
# workbook round trips take FUZZ_EXAMPLES / 10 each. The count of cases run is printed at
# the end.
FUZZ_EXAMPLES ?= 4000
FUZZ_BUILD_EXAMPLES ?= 200
FUZZ_LATEX_EXAMPLES ?= 20
FUZZ_EDIT_EXAMPLES ?= 1000
fuzz: setup
	ORGCHART_FUZZ_PROFILE=fuzz ORGCHART_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
	ORGCHART_FUZZ_BUILD_EXAMPLES=$(FUZZ_BUILD_EXAMPLES) \
	ORGCHART_FUZZ_LATEX_EXAMPLES=$(FUZZ_LATEX_EXAMPLES) \
	ORGCHART_FUZZ_EDIT_EXAMPLES=$(FUZZ_EDIT_EXAMPLES) \
	$(BIN)/python -m pytest -q tests/test_robustness_fuzz.py tests/test_robustness_workbook.py \
		tests/test_incremental_exact.py::test_incremental_build_equals_clean_build

BENCH_STAMP := $(VENV)/.bench
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[bench]'
	touch $@

bench: setup $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run --sizes 200 --runs 1 --inc-runs 1 --j2-runs 1 \
		--theme-size 0 --load-runs 3 --out benchmarks/results/quick

bench-full: setup $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run --sizes 200 1000 5000 --ministry --runs 3 --large-runs 1 \
		--j2-runs 2 --inc-runs 2 --theme-size 0 --load-runs 5

# 10,000 units: the extension and plain reST, one fresh build each (about half an hour).
bench-large: setup $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run --sizes 10000 --runs 1 --large-runs 1 --j2-runs 0 \
		--inc-runs 1 --variants orgchart baseline --theme-size 0 --load-runs 3 \
		--out benchmarks/results/large

bench-charts: setup
	$(BIN)/python -m benchmarks.charts --out benchmarks/results/charts.json

docs: setup
	$(BIN)/sphinx-build -W --keep-going -b html docs docs/_build/html
	$(BIN)/sphinx-build -W --keep-going -b html docs/handbook docs/_build/html/handbook
	@echo "Documentation: docs/_build/html/index.html"
	@echo "Example handbook (French): docs/_build/html/handbook/index.html"

pdf: setup
	$(BIN)/sphinx-build -M latexpdf docs/handbook docs/_build/handbook -W --keep-going -q
	$(BIN)/python scripts/check_pdf.py docs/_build/handbook/latex/belcourt-projet-administration.pdf
	@echo "Handbook PDF: docs/_build/handbook/latex/belcourt-projet-administration.pdf"

screenshots: docs
	$(BIN)/python scripts/screenshots.py docs/_build/html/handbook docs/_static/screenshots

locale: setup
	$(BIN)/python scripts/update_locale.py

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache
