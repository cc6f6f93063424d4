# MI Workbook: two commands on a fresh machine.
#   make lab        create .venv, install the workbook, open JupyterLab on the start notebook
#   make test       create or update .venv, install the test extra and a browser, run every test
#   make dashboard  serve the instructor dashboards with Voila
#   make catalogues compile the Danish and Norwegian translations after editing a .po file
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8866
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test dashboard browser benchmark catalogues clean help
help:
	@sed -n 's/^#   //p' Makefile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the project's dependencies change.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@ $(VENV)/.installed-run

# Translations: the .po files are the source; gettext reads the compiled .mo files. Installing
# compiles them too (hatch_build.py); this keeps them current after an edit.
CATALOGUES := $(wildcard mi_widgets/locale/*/LC_MESSAGES/mi_workbook.po)
COMPILED   := $(CATALOGUES:.po=.mo)
mi_widgets/locale/%/LC_MESSAGES/mi_workbook.mo: mi_widgets/locale/%/LC_MESSAGES/mi_workbook.po | $(VENV)/.installed-run
	$(BIN)/python tools/catalogues.py compile
catalogues: $(COMPILED)

lab: $(VENV)/.installed-run $(COMPILED)
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. --ServerApp.default_url=/lab/tree/notebooks/00-start-here.ipynb

dashboard: $(VENV)/.installed-run $(COMPILED)
	$(BIN)/voila notebooks/dashboards --port=$(PORT) --Voila.ip=127.0.0.1

# A headless Chromium for the browser tests; Playwright's own download is not used.
browser:
	@if $(BIN)/python tests/chromium.py >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Chromium for the browser tests (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "No Chromium found: install it (e.g. 'sudo apt-get install chromium') or set MI_WORKBOOK_CHROMIUM to its path."; exit 1; \
	fi

test: $(VENV)/.installed-test $(COMPILED) browser
	$(BIN)/python -m pytest tests notebooks --nbval-lax -p no:cacheprovider

benchmark: $(VENV)/.installed-test browser
	$(BIN)/python benchmarks/bench_scoring.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_library.py
	$(BIN)/python benchmarks/bench_classifier.py
	$(BIN)/python benchmarks/bench_annomi.py
	$(BIN)/python benchmarks/bench_widgets.py
	$(BIN)/python benchmarks/bench_dashboards.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
