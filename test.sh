#!/usr/bin/env bash
# Runs every test of the solution in Release and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
infra/ensure-prerequisites.sh || exit 1

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
# The cluster tests keep every server's whole output here (a failure message holds only the tails).
if [ -z "${CLUSTER_TEST_LOGS:-}" ]; then
  export CLUSTER_TEST_LOGS="$PWD/artifacts/cluster-logs"
  rm -rf "$CLUSTER_TEST_LOGS"
fi

dotnet build Monitoring.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
