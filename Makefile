# make test: set up everything (Python 3.10 venv, pinned dependencies), run the lint checks and every test.
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

.PHONY: test lint run shell venv nlu model web chromium setup bench mutation clean

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

# The spaCy clinical pipeline (a bounded tokenizer and the clinical_reader component, bot/nlu/pipeline.py), built in
# code from the knowledge base and the phrase file (no model download); rebuilt when either or the code that reads
# them changes (bot/knowledge/*.py makes the names the vocabulary lists). A pipeline left stale anyway is not loaded:
# the server reads with one built from the current inputs (bot.nlu.pipeline.load).
NLU_DIR := var/nlu/clinical
nlu: $(NLU_DIR)/meta.json
$(NLU_DIR)/meta.json: $(VENV)/.installed $(wildcard bot/knowledge/*.yml) $(wildcard bot/knowledge/*.py) \
		$(wildcard bot/nlu/*.yml) $(wildcard bot/nlu/*.py)
	@mkdir -p var
	$(PY) -m bot.nlu.build $(NLU_DIR)

# A trained model for the current data; scripts/train.sh does nothing when one already matches.
model: nlu
	@scripts/train.sh

# socket.io-client for the web page, from the lock-filed npm install; Debian's chromium for the browser test.
web:
	@scripts/web_assets.sh
chromium:
	@scripts/ensure_chromium.sh

setup: venv nlu model web

# Format, lint and type checks over bot/ and actions/ (ruff.toml, [mypy] in setup.cfg): check only, first in make
# test so a finding stops it before the slow set-up. scripts/lint.sh applies the formatter and the fixes.
LINT_PATHS := bot actions
lint: venv
	@echo "lint: ruff format --check" && $(VENV)/bin/ruff format --check $(LINT_PATHS) \
	  || { echo "lint: run scripts/lint.sh to format"; exit 1; }
	@echo "lint: ruff check" && $(VENV)/bin/ruff check $(LINT_PATHS)
	@echo "lint: mypy" && $(VENV)/bin/mypy

# pytest on TEST_WORKERS processes (pytest-xdist; 2 by default, the CI machine's cores; TEST_WORKERS=0 runs in this
# one process): each test file runs whole, in its order, on one worker (--dist loadfile), so a file's module fixtures
# start once and its tests see each other's effects as in a serial run; each worker starts its own session servers.
# Files with the fewest tests go first (tests/conftest.py), so the slow server files do not come last.
TEST_WORKERS ?= 2
test: lint setup chromium
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

run: setup
	@scripts/run.sh

# The assistant in this terminal (rasa shell), with the action server and the same stores.
shell: setup
	@scripts/run.sh --shell

# Benchmarks print figures and write bench/results/*.json (about 8 minutes; not part of the tests).
bench: setup chromium
	$(PY) bench/decide.py
	$(PY) bench/nlu_extractor.py --cv
	$(PY) bench/nlu_phrasings.py
	$(PY) bench/annotator_agreement.py
	$(PY) bench/questions_dialogue.py
	$(PY) bench/practice_grading.py
	$(PY) bench/page_load.py
	$(PY) bench/audit.py
	$(PY) bench/conversation.py --stores both
	$(PY) bench/cds_hooks.py
	$(PY) bench/event_loop.py
	$(PY) bench/long_conversation.py

# Mutation testing (not part of make test): mutmut mutates bot/decision/ and the extractor's negation and role logic
# (bot/nlu/context/; configured in setup.cfg), reruns the tests that cover each mutant, then prints the score per
# area. Results stay in mutants/ (delete it for a fresh run). A full run is about 3,000 mutants (2,150 in
# bot/decision), an hour or more on a loaded 2-core machine; `make mutation SAMPLE=100` runs a fixed random sample of 100 mutants per area
# (scripts/mutation_sample.py; the same mutants each time, so before/after compare); SEED=s draws another sample
# (a fresh one measures the tests on mutants not looked at while writing them), AREA=bot/decision one area only.
MUTANTS := bot.decision.* bot.nlu.context.*
mutation: venv
	@set -f; names="$(MUTANTS)"; if [ -n "$(SAMPLE)" ]; then names=$$($(PY) scripts/mutation_sample.py $(SAMPLE) $(if $(SEED),--seed $(SEED)) $(if $(AREA),--area $(AREA))) || exit 1; fi; \
	  HYPOTHESIS_PROFILE=mutation nice -n 10 $(VENV)/bin/mutmut run --max-children 2 $$names
	$(PY) scripts/mutation_score.py

clean:
	rm -rf $(VENV) var models .pytest_cache mutants
