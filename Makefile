# sphinx-orgchart: every target sets up what it needs on a fresh machine.
#   make test   - environment + graphviz, then ruff, mypy and the whole test suite
#   make docs   - environment + graphviz, then the documentation, built with -W
# Variables: PYTHON (interpreter used to create the environment), VENV (its folder).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_STAMP := $(VENV)/.system-deps
# graphviz draws the charts; latex and poppler build and check the PDF; chromium runs the
# browser tests. scripts/install-system-deps.sh installs what is missing (as root).
SYSTEM_DEPS ?= graphviz latex poppler chromium

.PHONY: setup system-deps test lint typecheck unit docs pdf screenshots locale clean

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
