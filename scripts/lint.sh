#!/usr/bin/env bash
# Format and lint bot/ and actions/ in place, then type-check them: ruff format, ruff check --fix, mypy.
# Configuration: ruff.toml and the [mypy] section of setup.cfg. `make lint` (run by `make test`) only checks;
# this script rewrites: run it after a merge, then review and commit what it changed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PATHS=(bot actions)
"$BIN/ruff" check --fix --quiet "${PATHS[@]}" || true   # the fixable findings; what is left is reported below
"$BIN/ruff" format "${PATHS[@]}"
"$BIN/ruff" check "${PATHS[@]}"
"$BIN/mypy"
