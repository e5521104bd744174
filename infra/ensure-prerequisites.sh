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

dotnet restore Monitoring.sln -nologo -v quiet
