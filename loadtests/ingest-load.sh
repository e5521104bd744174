#!/usr/bin/env bash
# Ingestion load on one machine: a fresh Azurite and server, then the simulator with N one-lead devices at 250 Hz
# (vfdb records, 4 batches/s each) for S seconds. Prints the simulator's summary, the server's CPU and memory, and the
# server-side alarm raise latency (batch arrival -> alarm stored and pushed) from /metrics; the simulator's summary
# has the console-side latency (batch arrival -> alarm received by a console of the demo centre) as alarmLatency. The server log is left in
# /tmp/ingest-load-server.log.
#   loadtests/ingest-load.sh DEVICES SECONDS [extra simulator options]
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:?devices}"; seconds="${2:?seconds}"; shift 2
work=$(mktemp -d); port=5180; azurite_port=10102; key="load-$RANDOM"
cleanup() { kill "${server_pid:-}" "${azurite_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; cp "$work/server.log" /tmp/ingest-load-server.log 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
infra/start-azurite.sh "$work/azurite" "$azurite_port" > "$work/azurite.log" 2>&1 & azurite_pid=$!
Monitoring__OperatorKey="$key" Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
Monitoring__StorageConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;" \
Monitoring__Cluster__SiloPort=11211 Monitoring__Cluster__GatewayPort=30100 \
  dotnet src/Monitoring.Server/bin/Release/net10.0/Monitoring.Server.dll > "$work/server.log" 2>&1 & server_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break; sleep 0.5; done
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cpu0=$(ticks $server_pid); azcpu0=$(ticks $azurite_pid); t0=$(date +%s.%N)
dotnet loadtests/Monitoring.Simulator/bin/Release/net10.0/monitoring-sim.dll --server "http://127.0.0.1:$port" \
  --operator-key "$key" --provision --devices "$devices" --duration "$seconds" \
  --records vfdb/418,vfdb/420,vfdb/422,vfdb/424,vfdb/426,vfdb/428,vfdb/430,vfdb/605,vfdb/609,vfdb/611,vfdb/614 "$@" \
  2> "$work/sim.err" || echo "simulator exit code $? (it fails when batches were rejected)"
t1=$(date +%s.%N); cpu1=$(ticks $server_pid); azcpu1=$(ticks $azurite_pid)
hz=$(getconf CLK_TCK)
echo "server_cpu_percent_of_one_core=$(echo "($cpu1-$cpu0)/$hz/($t1-$t0)*100" | bc -l | cut -c1-5)"
echo "azurite_cpu_percent_of_one_core=$(echo "($azcpu1-$azcpu0)/$hz/($t1-$t0)*100" | bc -l | cut -c1-5)"
echo "server_rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$server_pid/status) / 1024 ))"
curl -fs "http://127.0.0.1:$port/metrics" | grep -E '^monitoring_alarm_raise_latency_milliseconds_(bucket|count|sum)' | grep -v 'le="+Inf"' | awk '{print}' | tail -30
grep -E "accepted/s" "$work/sim.err" | tail -3
