# make test: set up everything (Python 3.10 venv, pinned dependencies) and run every test.
# make run:  set up everything and start the assistant.
# Re-running either does only the work whose inputs changed.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP_VERSION := 24.0
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONDONTWRITEBYTECODE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: test run venv bench clean

venv: $(VENV)/.installed

# The virtual environment, rebuilt only when the lock file changes (or the interpreter is not 3.10).
$(VENV)/.installed: requirements.lock scripts/python310.sh
	@if ! $(PY) -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then \
	  py=$$(scripts/python310.sh) || exit 1; \
	  rm -rf $(VENV); echo "creating $(VENV) with $$py"; "$$py" -m venv $(VENV) || exit 1; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip check
	@touch $@

test: venv
	$(PY) -m pytest

bench: venv
	$(PY) bench/decide.py

clean:
	rm -rf $(VENV) var models .pytest_cache
