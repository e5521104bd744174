#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh machine that has only the .NET SDK, Node/npm and apt.
# Idempotent and quick when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK is required (see global.json for the version band)." >&2
  exit 1
fi

if [ ! -d ../shared/ecg/mitdb ]; then
  echo "Warning: ../shared/ecg is missing; tests and the demo read the PhysioNet records there." >&2
fi

# curl: run.sh waits for the server's health endpoint with it.
if ! command -v curl >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq curl >/dev/null
fi

# Azurite (Azure Tables emulator) for the server's embedded storage and the storage tests, pinned by infra/azurite.
if [ ! -x infra/azurite/node_modules/.bin/azurite-table ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm (apt) for Azurite..." >&2
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  fi
  (cd infra/azurite && npm ci --no-audit --no-fund --loglevel=error)
fi

# The SignalR browser client the monitoring console loads from the server, pinned by src/Monitoring.Server/web.
if [ ! -f src/Monitoring.Server/web/node_modules/@microsoft/signalr/dist/browser/signalr.min.js ]; then
  (cd src/Monitoring.Server/web && npm ci --no-audit --no-fund --loglevel=error)
fi

# Headless Chromium for the console's browser tests (Playwright drives it; it never downloads a browser of its own).
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

# redis-server (Debian's package) for the local cluster (infra/start-cluster.sh) and the cluster tests: Orleans' Redis
# membership table. Production uses a managed Redis (infra/deploy).
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server (apt) for the local cluster..." >&2
  apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
fi

dotnet restore Monitoring.sln -nologo -v quiet
