#!/usr/bin/env bash
# The web page's socket.io client: installed from bot/web/package-lock.json (npm registry) and copied next to the
# page, so nothing is fetched at run time. Does nothing when the copy is newer than the lock file.
set -euo pipefail
cd "$(dirname "$0")/../bot/web"
target=static/vendor/socket.io.min.js
if [[ -f "$target" && "$target" -nt package-lock.json ]]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to install the page's socket.io client (apt-get install npm)" >&2; exit 1; }
npm ci --no-audit --no-fund --silent
mkdir -p static/vendor
cp node_modules/socket.io-client/dist/socket.io.min.js "$target"
echo "web assets: $(node -p "require('./node_modules/socket.io-client/package.json').version") -> bot/web/$target"
