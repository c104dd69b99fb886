#!/usr/bin/env bash
# Debian's chromium for the browser tests (never a browser download by Playwright).
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
echo "installing Debian's chromium for the browser tests"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
