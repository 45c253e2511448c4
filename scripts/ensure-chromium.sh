#!/usr/bin/env bash
# Installs Debian's Chromium (browser tests, static chart images) when it is missing
# and we may install packages; otherwise says why the browser tests will be skipped.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "chromium is not installed and cannot be installed here (not root):"
  echo "browser tests will be skipped. Install it with: sudo apt-get install chromium"
fi
