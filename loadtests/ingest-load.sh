#!/usr/bin/env bash
# Ingestion load on one machine: a fresh Azurite and server, then the simulator with N one-lead devices at 250 Hz
# (vfdb records, 4 batches/s each) for S seconds. Writes a JSON report (REPORT, default
# artifacts/load/ingest-N-S.json) with the simulator's summary (batches accepted, duplicates, rejected, lost batches
# and samples = let go without the cloud holding them, must be 0, pending at the end = not yet persisted, console-side alarm latency p50/p95/p99/max from batch arrival to a console of the
# responsible centre, in the simulator's process and, as consoleProcess, in a process of its own), the server's CPU,
# memory and GC pause time, and the server-side raise-latency histogram
# (batch arrival -> alarm stored, then pushed) and push-latency histogram (batch arrival -> alarm handed to the
# consoles' connections) from /metrics; prints it too. The server log is left in
# /tmp/ingest-load-server.log.
# LIVE_TRANSPORT (HubNotifier, the default, or OrleansStreams) picks how pushes reach the consoles' host; WATCH=N makes
# the console in its own process watch the live waveform of N patients and report its lag (waveformLag).
# WAVEFORM_AZURITE=1 writes full disclosure to a second Azurite (Monitoring:WaveformStorageConnectionString), as a
# deployment with a storage account of its own for waveforms would. SERVER_DLL runs another build of the server (A/B).
#   REPORT=out.json loadtests/ingest-load.sh DEVICES SECONDS [extra simulator options]
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:?devices}"; seconds="${2:?seconds}"; shift 2
work=$(mktemp -d); port=5180; azurite_port=10102; key="load-$RANDOM"
cleanup() { kill "${server_pid:-}" 2>/dev/null || true; wait "${server_pid:-}" 2>/dev/null || true; kill "${azurite_pid:-}" "${waveform_azurite_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; cp "$work/server.log" /tmp/ingest-load-server.log 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
infra/start-azurite.sh "$work/azurite" "$azurite_port" > "$work/azurite.log" 2>&1 & azurite_pid=$!
account="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1"
waveform_storage=""
if [ "${WAVEFORM_AZURITE:-0}" = 1 ]; then
  infra/start-azurite.sh "$work/azurite-waveforms" $((azurite_port + 1)) > "$work/azurite-waveforms.log" 2>&1 & waveform_azurite_pid=$!
  waveform_storage="$account:$((azurite_port + 1))/devstoreaccount1;"
fi
Monitoring__OperatorKey="$key" Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
Monitoring__StorageConnectionString="$account:$azurite_port/devstoreaccount1;" Monitoring__WaveformStorageConnectionString="$waveform_storage" \
Monitoring__Cluster__SiloPort=11211 Monitoring__Cluster__GatewayPort=30100 Monitoring__Live__Transport="${LIVE_TRANSPORT:-HubNotifier}" \
  dotnet "${SERVER_DLL:-src/Monitoring.Server/bin/Release/net10.0/Monitoring.Server.dll}" > "$work/server.log" 2>&1 & server_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break; sleep 0.5; done
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cpu0=$(ticks $server_pid); azcpu0=$(ticks $azurite_pid); wazcpu0=$(ticks "${waveform_azurite_pid:-$azurite_pid}"); t0=$(date +%s.%N)
sim=loadtests/Monitoring.Simulator/bin/Release/net10.0/monitoring-sim.dll
dotnet $sim --server "http://127.0.0.1:$port" \
  --operator-key "$key" --provision --devices "$devices" --duration "$seconds" \
  --records vfdb/418,vfdb/420,vfdb/422,vfdb/424,vfdb/426,vfdb/428,vfdb/430,vfdb/605,vfdb/609,vfdb/611,vfdb/614 \
  --report "$work/sim.json" "$@" 2> "$work/sim.err" & sim_pid=$!
# A second console in a process of its own, as a central station would be: its alarm latency does not include the
# simulator's own load. It connects once provisioning has printed the demo centre's token (the first seconds of
# streaming, before the analysis has learnt any patient, may pass unseen).
token=""
for _ in $(seq 1 300); do
  token=$(grep -o 'console token: [^ ]*' "$work/sim.err" 2>/dev/null | head -1 | cut -d' ' -f3 || true)
  [ -n "$token" ] && break; sleep 0.2
done
[ -n "$token" ] && { dotnet $sim console --server "http://127.0.0.1:$port" --token "$token" --duration $((seconds + 8)) --watch "${WATCH:-0}" \
  --report "$work/console.json" > "$work/console.err" 2>&1 & console_pid=$!; }
wait $sim_pid || echo "simulator exit code $? (it fails when batches were rejected)" >&2
[ -n "${console_pid:-}" ] && { wait "$console_pid" || echo "console exit code $?" >&2; }
t1=$(date +%s.%N); cpu1=$(ticks $server_pid); azcpu1=$(ticks $azurite_pid); wazcpu1=$(ticks "${waveform_azurite_pid:-$azurite_pid}")
hz=$(getconf CLK_TCK)
metrics=$(curl -fs "http://127.0.0.1:$port/metrics")
metric() { awk -v name="$1" '$1 == name || index($1, name "{") == 1 { sum += $2 } END { printf "%.3f", sum + 0 }' <<<"$metrics"; }
histogram() { grep -E "^$1_bucket" <<<"$metrics" | grep -v 'le="+Inf"' \
  | sed -E 's/.*le="([^"]+)".* ([0-9.e+]+)$/{"le": \1, "count": \2}/' | paste -sd, -; }
buckets=$(histogram monitoring_alarm_raise_latency_milliseconds)
push_buckets=$(histogram monitoring_alarm_push_latency_milliseconds)
report="${REPORT:-artifacts/load/ingest-$devices-$seconds.json}"
mkdir -p "$(dirname "$report")"
cat > "$report" <<JSON
{
  "scenario": {"devices": $devices, "seconds": $seconds, "liveTransport": "${LIVE_TRANSPORT:-HubNotifier}", "consoleWatches": ${WATCH:-0}, "samplingRateHz": 250, "batchesPerSecondPerDevice": 4, "cores": $(nproc)},
  "server": {
    "cpuPercentOfOneCore": $(echo "($cpu1-$cpu0)/$hz/($t1-$t0)*100" | bc -l | xargs printf "%.1f"),
    "azuriteCpuPercentOfOneCore": $(echo "($azcpu1-$azcpu0)/$hz/($t1-$t0)*100" | bc -l | xargs printf "%.1f"),
    "waveformAzuriteCpuPercentOfOneCore": $([ -n "${waveform_azurite_pid:-}" ] && echo "($wazcpu1-$wazcpu0)/$hz/($t1-$t0)*100" | bc -l | xargs printf "%.1f" || echo null),
    "rssMb": $(( $(awk '/VmRSS/ {print $2}' /proc/$server_pid/status) / 1024 )),
    "gcPauseSeconds": $(metric dotnet_gc_pause_time_seconds_total),
    "batchesAccepted": $(metric monitoring_batches_accepted_total),
    "batchesDuplicate": $(metric monitoring_batches_duplicate_total),
    "batchesRejected": $(metric monitoring_batches_rejected_total),
    "alarmRaiseLatencyMsBuckets": [$buckets],
    "alarmPushLatencyMsBuckets": [$push_buckets]
  },
  "simulator": $(cat "$work/sim.json" 2>/dev/null || echo null),
  "consoleProcess": $(cat "$work/console.json" 2>/dev/null || echo null)
}
JSON
cat "$report"
echo "report: $report" >&2
