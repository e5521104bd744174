#!/usr/bin/env bash
# Starts the pinned Azurite (infra/azurite, azurite 3.35.0) Table service in the foreground, bound to 127.0.0.1,
# with on-disk persistence under a data folder. The product stores grain state, the alarm log and full-disclosure
# waveforms in Azure Tables only, so the Blob and Queue services are not started.
#   infra/start-azurite.sh [data-folder] [table-port]
#     data-folder  default .data/azurite (created if missing)
#     table-port   default 10002
# AZURITE_IN_MEMORY=1 keeps the data in memory only (--inMemoryPersistence): Azurite then never pauses to save its
# database to disk, which on disk it does every few seconds (load tests use it to tell the emulator's pauses apart).
# The process replaces this shell (exec), so the caller can stop it by the PID it started.
set -euo pipefail
infra="$(cd "$(dirname "$0")" && pwd)"
data="${1:-$infra/../.data/azurite}"
port="${2:-10002}"

if [ ! -x "$infra/azurite/node_modules/.bin/azurite-table" ]; then
  (cd "$infra/azurite" && npm ci --no-audit --no-fund --loglevel=error)
fi
mkdir -p "$data"
persistence=(--location "$data")
if [ "${AZURITE_IN_MEMORY:-0}" = 1 ]; then persistence=(--inMemoryPersistence); fi
exec "$infra/azurite/node_modules/.bin/azurite-table" \
  --tableHost 127.0.0.1 --tablePort "$port" \
  "${persistence[@]}" --silent --disableTelemetry
