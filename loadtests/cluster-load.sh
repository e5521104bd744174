#!/usr/bin/env bash
# Ingestion load on a local cluster: a fresh redis-server, Azurite and HOSTS servers (Redis clustering) on this
# machine, then the simulator with DEVICES one-lead devices at 250 Hz (vfdb records, 4 batches/s each) spread over the
# hosts for SECONDS. Prints the simulator's summary (alarmLatency: batch arrival -> alarm on a console connected to
# host 0), the servers' summed CPU, Azurite's and Redis' CPU, and the servers' memory. Logs stay in /tmp/cluster-load/.
# KILL_AFTER=S kills the last host (SIGKILL) S seconds into the run: its devices reconnect to the others and its
# patients' analyses resume there; the resumes the surviving hosts logged are then counted and timed.
#   [KILL_AFTER=S] loadtests/cluster-load.sh HOSTS DEVICES SECONDS [extra simulator options]
set -euo pipefail
cd "$(dirname "$0")/.."
hosts="${1:?hosts}"; devices="${2:?devices}"; seconds="${3:?seconds}"; shift 3
work=$(mktemp -d); logs=/tmp/cluster-load; mkdir -p "$logs"
redis_port=6491; azurite_port=10112; key="load-$RANDOM"
servers=(); services=()
stop() { for pid in "$@"; do kill "$pid" 2>/dev/null || true; done; for pid in "$@"; do wait "$pid" 2>/dev/null || true; done; }
cleanup() { stop "${servers[@]}"; stop "${services[@]}"; cp "$work"/*.log "$logs"/ 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
trap "exit 130" INT TERM

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no > "$work/redis.log" 2>&1 & redis_pid=$!; services+=($redis_pid)
infra/start-azurite.sh "$work/azurite" "$azurite_port" > "$work/azurite.log" 2>&1 & azurite_pid=$!; services+=($azurite_pid)
export Monitoring__OperatorKey="$key" Logging__LogLevel__Default=Warning
export Monitoring__Auth__DevSigningKey="$(head -c 32 /dev/urandom | base64)"
export Monitoring__StorageConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
export Monitoring__Cluster__Provider=Redis Monitoring__Cluster__RedisConnectionString="127.0.0.1:$redis_port"
export Monitoring__Cluster__AdvertisedIPAddress=127.0.0.1 Monitoring__Cluster__ClusterId="load-$RANDOM"
urls=()
for i in $(seq 0 $((hosts - 1))); do
  # The patient grain logs each resume at Information, the device grain each ask for a missing batch; the rest
  # stays at Warning.
  env Urls="http://127.0.0.1:$((5191 + i))" Monitoring__Cluster__SiloPort=$((11311 + i)) Monitoring__Cluster__GatewayPort=$((30311 + i)) \
    "Logging__LogLevel__Monitoring.Grains.Patients.PatientGrain=Information" "Logging__LogLevel__Monitoring.Grains.Devices.DeviceGrain=Information" \
    dotnet src/Monitoring.Server/bin/Release/net10.0/Monitoring.Server.dll > "$work/server-$i.log" 2>&1 &
  servers+=($!); urls+=(--server "http://127.0.0.1:$((5191 + i))")
done
for i in $(seq 0 $((hosts - 1))); do
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$((5191 + i))/health" > /dev/null 2>&1 && break; sleep 0.5; done
done
sleep 6 # the hosts learn of one another (hub registry refresh: 5 s)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
sum_ticks() { local total=0; for pid in "$@"; do total=$((total + $(ticks "$pid"))); done; echo "$total"; }
cpu0=$(sum_ticks "${servers[@]}"); az0=$(ticks "$azurite_pid"); rd0=$(ticks "$redis_pid"); t0=$(date +%s.%N)
if [ -n "${KILL_AFTER:-}" ]; then
  victim=${servers[$((hosts - 1))]}
  (sleep "$KILL_AFTER"; kill -9 "$victim" 2>/dev/null; echo "killed host $((hosts - 1)) after $KILL_AFTER s" >&2) &
fi
dotnet loadtests/Monitoring.Simulator/bin/Release/net10.0/monitoring-sim.dll "${urls[@]}" \
  --operator-key "$key" --provision --devices "$devices" --duration "$seconds" \
  --records vfdb/418,vfdb/420,vfdb/422,vfdb/424,vfdb/426,vfdb/428,vfdb/430,vfdb/605,vfdb/609,vfdb/611,vfdb/614 "$@" \
  2> "$work/sim.err" || echo "simulator exit code $? (it fails when batches were rejected)"
t1=$(date +%s.%N)
if [ -n "${KILL_AFTER:-}" ]; then unset 'servers[-1]'; fi # gone: its ticks cannot be read any more
cpu1=$(sum_ticks "${servers[@]}"); az1=$(ticks "$azurite_pid"); rd1=$(ticks "$redis_pid")
hz=$(getconf CLK_TCK)
percent() { echo "($1)/$hz/($t1-$t0)*100" | bc -l | cut -c1-5; }
echo "hosts=$hosts devices=$devices seconds=$seconds"
echo "servers_cpu_percent_of_one_core=$(percent "$cpu1-$cpu0")"
echo "azurite_cpu_percent_of_one_core=$(percent "$az1-$az0")"
echo "redis_cpu_percent_of_one_core=$(percent "$rd1-$rd0")"
for i in "${!servers[@]}"; do echo "server_${i}_rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/${servers[$i]}/status) / 1024 ))"; done
echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "accepted/s" "$work/sim.err" | tail -3
if [ -n "${KILL_AFTER:-}" ]; then
  # "analysis resumed after 60.0 s of the stream's recent past (2.0 s not stored yet) in 35 ms (25 ms reading)"
  cat "$work"/server-*.log | grep -o 'analysis resumed after .*' | sed -E 's/.* in ([0-9]+) ms \(([0-9]+) ms reading\).*/\1 \2/' > "$work/resumes.txt" || true
  stats() { sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%d/%d/%d/%d", v[1], v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.5)], v[NR]; else printf "-" }'; }
  echo "resumes=$(wc -l < "$work/resumes.txt") took_ms_min/median/p95/max=$(cut -d' ' -f1 "$work/resumes.txt" | stats) reading_ms_min/median/p95/max=$(cut -d' ' -f2 "$work/resumes.txt" | stats)"
  echo "resume_read_failures=$(cat "$work"/server-*.log | grep -c 'could not be read' || true)"
  echo "missing_batches_asked=$(cat "$work"/server-*.log | grep -c 'went astray' || true) given_up=$(cat "$work"/server-*.log | grep -c 'did not send them again' || true)"
fi
