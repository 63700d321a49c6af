#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine and runs every suite:
# type check, lint, unit + contract + HTTP tests (jest, with the dependency rule), then the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium drives the end-to-end tests (playwright-core never downloads a browser of its own);
# the emoji font lets the card screenshots show the RAG and exempt icons; openssl makes the certificate of the
# telemetry test's stand-in Application Insights endpoint (its exporter speaks only https). CHROMIUM_PATH names
# another browser.
DEBIAN_PACKAGES="chromium fonts-liberation fonts-noto-color-emoji openssl"
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "CHROMIUM_PATH is $CHROMIUM_PATH, which is not an executable file: point it at Chromium or Chrome." >&2
    exit 1
  fi
elif command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for package in $DEBIAN_PACKAGES; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    echo "Installing Debian packages for the browser tests:$missing"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
elif [ ! -x /usr/bin/chromium ]; then
  cat >&2 <<'MESSAGE'
The browser tests need Chromium, and this machine has no apt to install it with (a Mac, say).
Install Chromium or Google Chrome yourself and point CHROMIUM_PATH at its executable, then run this again. On a Mac:
  brew install --cask chromium
  export CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium"
  (or, with Google Chrome: export CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
  npm run test:all
MESSAGE
  exit 1
fi

# A clean clone (CI) installs everything; after `npm install` has installed exactly what the lockfile locks, the
# reinstall is skipped (scripts/install-is-current.js compares node_modules' own record with the lockfile).
if ! node scripts/install-is-current.js; then
  npm ci --no-audit --no-fund
fi

# Known vulnerabilities in what production installs: high or critical fail the run; an unreachable audit service does not.
{ npm audit --omit=dev --json 2>/dev/null || true; } | node scripts/audit-report.js

mkdir -p test-artifacts
npm run --silent typecheck
npm run --silent lint
npx jest --ci --json --outputFile=test-artifacts/jest-unit.json
# The dashboard tab (web/tab) is served from its build: the browser tests open it.
npm run --silent build:tab
npx jest --ci --config jest.e2e.config.js --runInBand --json --outputFile=test-artifacts/jest-e2e.json

node -e '
const runs = ["unit", "e2e"].map((n) => require(`./test-artifacts/jest-${n}.json`));
const sum = (k) => runs.reduce((t, r) => t + r[k], 0);
console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
'
