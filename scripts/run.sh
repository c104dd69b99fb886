#!/usr/bin/env bash
# Start the assistant (action server + Rasa server on 127.0.0.1) with the model `make` trained; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
mkdir -p var
exec .venv/bin/python -m bot.launch "$@"
