#!/usr/bin/env bash
# The main job. Until the server lands, it runs the analyzer over a shared MIT-BIH record:
# every beat with its RR interval and heart rate, then a summary.
#   ./run.sh                 analyses ../shared/ecg/mitdb/208
#   ./run.sh <record-path>   analyses another WFDB record (path without extension)
set -euo pipefail
cd "$(dirname "$0")"
infra/ensure-prerequisites.sh
record="${1:-../shared/ecg/mitdb/208}"
dotnet run --project src/Monitoring.Cli -c Release -- analyze "$record"
