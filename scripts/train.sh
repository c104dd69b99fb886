#!/usr/bin/env bash
# Train a model when none matches the current data, config, domain and extractor; otherwise do nothing.
# The model is models/alk-<fingerprint>.tar.gz and models/LATEST names it.
set -euo pipefail
cd "$(dirname "$0")/.."
fp=$(scripts/model_inputs.sh)
name="alk-$fp.tar.gz"
if [[ -f "models/$name" ]]; then
  echo "model up to date: models/$name"
else
  echo "training models/$name (data or configuration changed)"
  start=$SECONDS
  .venv/bin/rasa train --fixed-model-name "alk-$fp" --quiet  # config.yml, domain.yml, data/ -> models/: Rasa's defaults
  echo "trained in $((SECONDS - start)) s"
fi
echo "$name" > models/LATEST
