#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 needs >=3.8,<3.11), or explain how to get one.
set -u
cd "$(dirname "$0")/.."
candidates=()
if command -v pyenv >/dev/null 2>&1; then
  p=$(pyenv which python3.10 2>/dev/null) && candidates+=("$p")
  for d in "$(pyenv root 2>/dev/null)"/versions/3.10*; do [ -x "$d/bin/python3.10" ] && candidates+=("$d/bin/python3.10"); done
fi
for p in python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do command -v "$p" >/dev/null 2>&1 && candidates+=("$(command -v "$p")"); done
for p in "${candidates[@]}"; do
  if "$p" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then echo "$p"; exit 0; fi
done
cat >&2 <<'MSG'
error: Python 3.10 not found. Rasa 3.6 runs on Python 3.8-3.10 only (on 3.11 pip silently installs Rasa 1.10).
Install it, then re-run make:
  pyenv install 3.10        (the repository's .python-version selects it), or
  apt-get install python3.10 python3.10-venv
MSG
exit 1
